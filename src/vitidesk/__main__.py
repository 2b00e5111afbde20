"""``python -m vitidesk``: the same entry point as the ``vitidesk`` command."""

from vitidesk.cli import main

raise SystemExit(main())
