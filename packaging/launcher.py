"""Entry point for the frozen app (PyInstaller)."""

from vitidesk.cli import main

raise SystemExit(main())
