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


def test_opening_the_window_loads_no_image_or_lesson_machinery_before_the_first_frame(
    tmp_path,
) -> None:
    """Start-up stays fast: Pillow, numpy and the lesson loader are not needed to paint."""
    code = (
        "import os, sys\n"
        "os.environ.setdefault('QT_QPA_PLATFORM', 'offscreen')\n"
        "from vitidesk.cli import main\n"
        f"code = main(['--data-dir', {str(tmp_path / 'd')!r}, '--exit-when-ready'])\n"
        "assert code == 0, code\n"
        "print(sorted(m for m in ('PIL', 'numpy', 'vitidesk.core.lessons') if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"


def test_the_report_renderer_needs_no_widgets() -> None:
    """render/ draws with QtGui alone: the report command never loads QtWidgets."""
    code = (
        "import sys\n"
        "import vitidesk.render.pdf_report, vitidesk.render.trend_painter\n"
        "import vitidesk.commands.report\n"
        "print('PySide6.QtWidgets' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "False"


DATA_SIGNALS = (
    "changed",
    "settings_changed",
    "photos_changed",
    "measurements_changed",
    "responses_changed",
    "drafts_changed",
    "diary_changed",
    "store_replaced",
)


def test_only_app_state_emits_the_data_signals() -> None:
    """Widgets call services and listen to AppState; none says by itself that data changed."""
    import re
    from pathlib import Path

    import vitidesk.ui

    names = "|".join(DATA_SIGNALS)
    pattern = re.compile(rf"\.({names})\.emit\(")
    ui = Path(vitidesk.ui.__file__).parent
    offenders = [
        f"{path.relative_to(ui)}:{number}"
        for path in sorted(ui.rglob("*.py"))
        if path.name != "app_state.py"
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if pattern.search(line) and "state." in line
    ]
    assert offenders == []
