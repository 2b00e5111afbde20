"""Backup and restore from the window: checked and swapped in on a worker with progress, one
at a time, shown before it changes anything, and never leaving the app without its data."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from vitidesk.ui.report.data_card import DataCard
from vitidesk.ui.tasks import wait_for_background_tasks


@pytest.fixture
def card(qtbot, window) -> DataCard:
    window.sidebar.select(3)
    return window.current_page().data_card


def _backup(qtbot, card: DataCard, target: Path) -> Path:
    card.backup(target)
    qtbot.waitUntil(lambda: "Backup saved" in card.status.text(), timeout=30000)
    return target


def test_restore_checks_and_unpacks_off_the_gui_thread(
    qtbot, card: DataCard, state, tmp_path: Path, monkeypatch
) -> None:
    import vitidesk.services.backup as backup_service

    state.responses.record("WHO-5", [3, 3, 3, 3, 3])
    backup = _backup(qtbot, card, tmp_path / "b.zip")
    threads: dict[str, threading.Thread] = {}
    for name in ("prepare_restore", "commit_restore"):
        real = getattr(backup_service, name)

        def spy(*args, _real=real, _name=name, **kwargs):
            threads[_name] = threading.current_thread()
            return _real(*args, **kwargs)

        monkeypatch.setattr(backup_service, name, spy)
    with qtbot.waitSignal(state.store_replaced, timeout=30000):
        card.restore(backup, ask=False)
    assert set(threads) == {"prepare_restore", "commit_restore"}
    assert all(thread is not threading.main_thread() for thread in threads.values())
    assert "Restored" in card.status.text()
    assert [r.raw for r in state.responses.responses("WHO-5")] == [15]


def test_a_full_disk_during_restore_leaves_the_app_on_its_data(
    qtbot, card: DataCard, state, tmp_path: Path, monkeypatch
) -> None:
    import vitidesk.storage.restore as restore

    state.responses.record("GAD-7", [1, 1, 1, 1, 1, 1, 1])
    backup = _backup(qtbot, card, tmp_path / "b.zip")
    state.responses.record("GAD-7", [3, 3, 3, 3, 3, 3, 3])  # after the backup

    def disk_full(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(restore, "_bring_up_to_date", disk_full)
    with qtbot.waitSignal(state.store_replaced, timeout=30000):
        card.restore(backup, ask=False)
    assert not state.store.closed
    assert [r.raw for r in state.responses.responses("GAD-7")] == [7, 21]  # as it was
    assert "disk is full" in card.status.text() and "unchanged" in card.status.text()
    assert all(button.isEnabled() for button in card.buttons)
    assert card.progress is None


def test_a_second_restore_waits_for_the_first(
    qtbot, card: DataCard, state, tmp_path: Path, monkeypatch
) -> None:
    from vitidesk.services.backup import BackupService

    backup = _backup(qtbot, card, tmp_path / "b.zip")
    started, release = threading.Event(), threading.Event()
    real = BackupService.prepare_restore

    def slow(self, path):
        started.set()
        assert release.wait(10)
        return real(self, path)

    monkeypatch.setattr(BackupService, "prepare_restore", slow)
    card.restore(backup)
    assert started.wait(10)
    card.restore(backup)  # a second click while the first is still checking
    assert "still busy" in card.status.text()
    photos = card.window().stack.page(1)
    photos.import_paths([tmp_path / "x.jpg"], ask=False)  # and no import meanwhile
    assert "still busy" in photos.status.text()
    monkeypatch.setattr(QMessageBox, "exec", lambda box: 0)  # the preview: keep my data
    release.set()
    assert wait_for_background_tasks(30000)
    qtbot.waitUntil(lambda: "Nothing was changed" in card.status.text(), timeout=30000)
    assert not state.tasks.running()


def test_the_preview_names_the_crisis_number_a_restore_would_change(
    qtbot, card: DataCard, state, tmp_path: Path, monkeypatch
) -> None:
    state.set_setting("local_crisis_number", "0800 111")
    backup = _backup(qtbot, card, tmp_path / "b.zip")
    state.set_setting("local_crisis_number", "999")
    shown: list[str] = []

    def keep_my_data(box: QMessageBox) -> int:
        shown.append(box.informativeText())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", keep_my_data)
    card.restore(backup)
    qtbot.waitUntil(lambda: "Nothing was changed" in card.status.text(), timeout=30000)
    assert "Local crisis number changes from 999 to 0800 111." in shown[0]
    assert "nothing is lost" in shown[0]
    assert state.settings.local_crisis_number == "999"
    assert not [p for p in state.paths.data_dir.iterdir() if p.name.startswith(".scratch")]
