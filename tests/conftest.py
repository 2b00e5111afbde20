"""Test set-up: headless Qt, every VitiDesk folder (and HOME) inside the test's tmp dir,
and shared fixtures for widgets (one QApplication from pytest-qt, a throwaway store)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QDialog

from vitidesk.paths import AppPaths
from vitidesk.storage.database import Store
from vitidesk.storage.demo import open_demo_store
from vitidesk.ui.app_state import AppState
from vitidesk.ui.main_window import MainWindow
from vitidesk.ui.tasks import wait_for_background_tasks


@pytest.fixture(autouse=True)
def private_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    """No test may read or write the real user's folders."""
    folders = {
        "data": tmp_path / "data",
        "demo": tmp_path / "demo",
        "logs": tmp_path / "logs",
        "home": tmp_path / "home",
    }
    monkeypatch.setenv("VITIDESK_DATA_DIR", str(folders["data"]))
    monkeypatch.setenv("VITIDESK_DEMO_DIR", str(folders["demo"]))
    monkeypatch.setenv("VITIDESK_LOG_DIR", str(folders["logs"]))
    monkeypatch.setenv("HOME", str(folders["home"]))
    for name in ("XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME"):
        monkeypatch.delenv(name, raising=False)
    return folders


def _make_state(private_folders: dict[str, Path], demo: bool) -> AppState:
    paths = AppPaths.resolve(None, demo=demo)
    store = open_demo_store(paths.data_dir) if demo else Store.open(paths.data_dir)
    return AppState(paths, store)


@pytest.fixture
def state(private_folders: dict[str, Path]) -> Iterator[AppState]:
    app_state = _make_state(private_folders, demo=False)
    yield app_state
    wait_for_background_tasks()
    app_state.close()


@pytest.fixture
def demo_state(private_folders: dict[str, Path]) -> Iterator[AppState]:
    app_state = _make_state(private_folders, demo=True)
    yield app_state
    wait_for_background_tasks()
    app_state.close()


@pytest.fixture
def window(qtbot, state: AppState) -> MainWindow:
    main = MainWindow(state)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    return main


@pytest.fixture
def opened_dialogs(monkeypatch: pytest.MonkeyPatch) -> list[QDialog]:
    """Modal dialogs are shown without blocking and collected for the test to inspect."""
    shown: list[QDialog] = []

    def fake_exec(dialog: QDialog) -> int:
        dialog.show()
        shown.append(dialog)
        return 0

    monkeypatch.setattr(QDialog, "exec", fake_exec)
    return shown
