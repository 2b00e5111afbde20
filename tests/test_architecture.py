"""The layers stay apart: core/, storage/ and the headless CLI never import Qt."""

from __future__ import annotations

import subprocess
import sys

HEADLESS_MODULES = [
    "vitidesk.core.crisis",
    "vitidesk.core.resources",
    "vitidesk.storage.database",
    "vitidesk.storage.vault",
    "vitidesk.storage.check",
    "vitidesk.storage.settings",
    "vitidesk.storage.demo",
    "vitidesk.commands",
    "vitidesk.cli",
    "vitidesk.paths",
]


def test_core_storage_and_cli_do_not_import_qt() -> None:
    code = (
        "import importlib, sys\n"
        f"for name in {HEADLESS_MODULES!r}: importlib.import_module(name)\n"
        "import pkgutil, vitidesk.core, vitidesk.storage, vitidesk.commands\n"
        "for pkg in (vitidesk.core, vitidesk.storage, vitidesk.commands):\n"
        "    for info in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + '.'):\n"
        "        importlib.import_module(info.name)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_headless_check_command_does_not_load_qt() -> None:
    code = (
        "import sys\n"
        "from vitidesk.cli import main\n"
        "code = main(['--demo', 'check'])\n"
        "assert code == 0, code\n"
        "print('PySide6' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "False"
