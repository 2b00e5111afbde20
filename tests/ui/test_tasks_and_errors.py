"""Slow work runs off the GUI thread; its result and any bug come back safely to the GUI."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox

from vitidesk.errors import UserError
from vitidesk.ui import crash_handler
from vitidesk.ui.tasks import run_in_background


def test_work_runs_on_a_worker_and_the_result_arrives_on_the_gui_thread(qtbot) -> None:
    owner = QObject()
    seen: dict[str, object] = {}

    def work() -> int:
        seen["work_thread"] = threading.current_thread()
        return 42

    def done(result: int) -> None:
        seen["result"] = result
        seen["done_thread"] = threading.current_thread()

    run_in_background(owner, work, done)
    qtbot.waitUntil(lambda: "result" in seen, timeout=5000)
    assert seen["result"] == 42
    assert seen["work_thread"] is not threading.main_thread()
    assert seen["done_thread"] is threading.main_thread()


def test_errors_in_work_reach_the_error_callback_on_the_gui_thread(qtbot) -> None:
    owner = QObject()
    errors: list[tuple[BaseException, threading.Thread]] = []

    def work() -> None:
        raise UserError("photo.jpg", "not an image")

    run_in_background(
        owner, work, lambda _: None, lambda exc: errors.append((exc, threading.current_thread()))
    )
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert str(errors[0][0]) == "photo.jpg: not an image"
    assert errors[0][1] is threading.main_thread()


@pytest.fixture
def shown_messages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    texts: list[str] = []

    def fake_exec(box: QMessageBox) -> int:
        texts.append(box.text())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return texts


def test_a_bug_is_logged_and_the_dialog_names_the_log_file(
    qapp, private_folders: dict[str, Path], shown_messages: list[str], monkeypatch
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    crash_handler.install(private_folders["logs"])
    try:
        raise ValueError("deep inside a widget")
    except ValueError:
        sys.excepthook(*sys.exc_info())
    logs = list(private_folders["logs"].glob("crash-*.log"))
    assert len(logs) == 1
    assert "deep inside a widget" in logs[0].read_text()
    assert len(shown_messages) == 1
    assert str(logs[0]) in shown_messages[0]
    assert "Your data are safe" in shown_messages[0]
    assert "Traceback" not in shown_messages[0]


def test_a_user_error_is_shown_as_its_one_line(qapp, shown_messages: list[str]) -> None:
    crash_handler.report_exception(UserError("backup.zip", "the file is damaged"))
    assert shown_messages == ["backup.zip: the file is damaged"]


def test_results_for_a_destroyed_owner_are_dropped_quietly(qtbot, capfd) -> None:
    import time

    from shiboken6 import delete

    owner = QObject()
    delivered: list[object] = []
    run_in_background(owner, lambda: time.sleep(0.2) or 1, delivered.append)
    delete(owner)
    from vitidesk.ui.tasks import wait_for_background_tasks

    assert wait_for_background_tasks(5000)
    qtbot.wait(50)
    assert delivered == []
    assert "Traceback" not in capfd.readouterr().err
