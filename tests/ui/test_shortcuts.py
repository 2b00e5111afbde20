"""Standard keys work where people expect them, and F1 lists every shortcut."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from tests.photo_samples import oriented_jpeg
from vitidesk.core.photo_import import prepare_photo
from vitidesk.ui.main_window import MainWindow
from vitidesk.ui.shortcuts import StandardKey, key_text
from vitidesk.ui.shortcuts_dialog import ShortcutsDialog

CTRL = Qt.KeyboardModifier.ControlModifier


def test_f1_lists_the_shortcuts_with_this_platforms_keys(qtbot, window, opened_dialogs) -> None:
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialog = next(d for d in opened_dialogs if isinstance(d, ShortcutsDialog))
    rows = dict((meaning, keys) for keys, meaning in dialog.rows)
    assert rows["Add photos"] == key_text(StandardKey.Open) == "Ctrl+O"
    assert rows["Save the PDF"] == "Ctrl+S"
    assert rows["Go to Photos"] == "Ctrl+2"
    assert rows["Next step"] in ("Alt+Right", "Right, Space, Page Down")


def test_ctrl_o_on_photos_opens_the_file_chooser(qtbot, window: MainWindow, monkeypatch) -> None:
    asked = []
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", lambda *a, **k: asked.append(a) or ([], "")
    )
    window.sidebar.select(1)
    window.current_page()
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_O, CTRL)
    assert len(asked) == 1


def test_delete_key_on_the_timeline_asks_then_deletes(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    window.sidebar.select(1)
    photos = window.current_page()
    library = photos.library
    library.add(prepare_photo(oriented_jpeg(tmp_path / "a.jpg", 1)), library.site_named("Face"))
    photos.reload()
    photos.timeline.setFocus()
    photos.timeline.setCurrentIndex(photos.model.index(0))
    asked = []

    def answer(*args, **kwargs):
        asked.append(args)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    window.activateWindow()
    qtbot.keyClick(photos.timeline, Qt.Key.Key_Delete)
    assert len(asked) == 1
    assert library.photos() == []


def test_back_and_forward_keys_move_through_a_lesson(qtbot, window: MainWindow) -> None:
    window.sidebar.select(0)
    learn = window.current_page()
    window.activateWindow()
    start = learn.navigator.position_text()
    qtbot.keyClick(window, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert learn.navigator.position_text() != start
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert learn.navigator.position_text() == start


def test_ctrl_q_closes_the_window(qtbot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_Q, CTRL)
    assert not window.isVisible()
