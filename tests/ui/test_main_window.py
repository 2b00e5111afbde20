"""The main window as a person uses it: sections, shortcuts, help, disclaimer, demo."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel, QPushButton

from tests.ui.looks import look_applied
from vitidesk.storage.database import Store
from vitidesk.storage.demo import DEMO_NAME
from vitidesk.ui.app_state import AppState
from vitidesk.ui.main_window import MainWindow

SECTION_KEYS = ["learn", "photos", "wellbeing", "report", "settings"]


def _texts(widget) -> str:
    return "\n".join(label.text() for label in widget.findChildren(QLabel))


def test_clicking_the_sidebar_switches_sections(qtbot, window: MainWindow) -> None:
    listing = window.sidebar.list
    for row, key in enumerate(SECTION_KEYS):
        rect = listing.visualItemRect(listing.item(row))
        qtbot.mouseClick(listing.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert window.current_section_key() == key
        assert window.current_page().isVisible()


def test_ctrl_number_keys_switch_sections(qtbot, window: MainWindow) -> None:
    window.activateWindow()
    for number, key in reversed(list(enumerate(SECTION_KEYS, start=1))):
        qtbot.keyClick(
            window, getattr(Qt.Key, f"Key_{number}"), Qt.KeyboardModifier.ControlModifier
        )
        assert window.current_section_key() == key


def test_every_section_has_a_title_and_get_help_stays_visible(qtbot, window: MainWindow) -> None:
    for row in range(len(SECTION_KEYS)):
        window.sidebar.select(row)
        page = window.current_page()
        assert page.title_label.text()
        assert window.sidebar.help_button.isVisible()


def test_get_help_shows_crisis_numbers_and_says_nobody_is_alerted(
    qtbot, window: MainWindow, opened_dialogs
) -> None:
    qtbot.mouseClick(window.sidebar.help_button, Qt.MouseButton.LeftButton)
    assert len(opened_dialogs) == 1
    dialog = opened_dialogs[0]
    text = _texts(dialog)
    assert "no one is alerted" in text
    assert "emergency" in text
    # No region set: it asks where the person lives instead of listing three countries.
    assert "988" not in dialog.contacts.text() and "116 123" not in dialog.contacts.text()
    qtbot.mouseClick(dialog.contacts.region_buttons["US"], Qt.MouseButton.LeftButton)
    assert window.state.settings.region == "US"
    assert "988" in [label.text() for label in dialog.contacts.numbers]
    assert "116 123" not in dialog.contacts.text()


def test_get_help_follows_the_region_and_shows_a_saved_number(
    qtbot, window: MainWindow, state: AppState, opened_dialogs
) -> None:
    state.set_setting("region", "GB")
    state.set_setting("local_crisis_number", "0123 456 789 (my clinic)")
    window.show_help()
    text = _texts(opened_dialogs[0])
    assert "116 123" in text and "988" not in text
    assert "0123 456 789 (my clinic)" in text


def test_disclaimer_is_one_click_away(qtbot, window: MainWindow, opened_dialogs) -> None:
    qtbot.mouseClick(window.sidebar.about_button, Qt.MouseButton.LeftButton)
    text = _texts(opened_dialogs[0])
    assert "not a substitute for advice from your clinician" in text
    assert "GPL-3.0-or-later" in text


def test_window_size_position_and_section_are_restored(qtbot, state: AppState) -> None:
    first = MainWindow(state)
    qtbot.addWidget(first)
    first.show()
    size = (first.minimumSizeHint().width(), 590)  # fits the 800 x 600 offscreen screen
    first.resize(*size)
    first.move(QPoint(0, 0))
    first.sidebar.select(2)
    first.close()
    second = MainWindow(state)
    qtbot.addWidget(second)
    second.show()
    assert (second.width(), second.height()) == size
    assert second.current_section_key() == "wellbeing"


def test_no_demo_banner_on_personal_data(window: MainWindow) -> None:
    assert not hasattr(window, "demo_banner")
    assert "Demo" not in window.windowTitle()


def test_demo_banner_and_reset_demo(qtbot, demo_state: AppState, monkeypatch) -> None:
    main = MainWindow(demo_state)
    qtbot.addWidget(main)
    main.show()
    assert main.demo_banner.isVisible()
    assert "sample data" in _texts(main.demo_banner)
    demo_state.set_setting("region", "US")
    with demo_state.store.transaction() as conn:
        conn.execute("UPDATE profile SET display_name = 'scribbled during the demo'")
    monkeypatch.setattr(
        "vitidesk.ui.demo_actions.QMessageBox.question",
        lambda *args: __import__("PySide6.QtWidgets").QtWidgets.QMessageBox.StandardButton.Yes,
    )
    reset = next(b for b in main.demo_banner.findChildren(QPushButton) if b.text() == "Reset demo")
    with qtbot.waitSignal(demo_state.store_replaced, timeout=10000):
        qtbot.mouseClick(reset, Qt.MouseButton.LeftButton)
    assert demo_state.settings.region == ""
    assert demo_state.store.query("SELECT display_name FROM profile") == [(DEMO_NAME,)]


def test_settings_page_saves_region_and_checks_data(
    qtbot, window: MainWindow, state: AppState, private_folders: dict[str, Path]
) -> None:
    window.sidebar.select(4)
    page = window.current_page()
    page.region_box.setCurrentIndex(page.region_box.findData("IE"))
    assert state.settings.region == "IE"
    page.local_number.setText("  555 0100 ")
    page.local_number.editingFinished.emit()
    assert state.settings.local_crisis_number == "555 0100"
    qtbot.mouseClick(page.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.check_result.text().startswith("All good"), timeout=10000)
    assert page.check_button.isEnabled()
    assert Store.exists_in(private_folders["data"])


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_window_fits_a_small_laptop_screen(qtbot, qapp, state, scheme: str) -> None:
    """With the real look (larger reading font, style sheet), every section of a person's own
    profile fits 900 x 600: a 1366 x 768 laptop at 125% scaling, or 1024 x 768 at 100%.
    (The demo profile's banner adds one line.)"""
    with look_applied(qapp, scheme):
        window = MainWindow(state)
        qtbot.addWidget(window)
        window.show()
        for row in range(len(SECTION_KEYS)):
            window.sidebar.select(row)
            window.current_page()
            hint = window.minimumSizeHint()
            assert hint.width() <= 900 and hint.height() <= 600, (SECTION_KEYS[row], hint)


def test_pages_scroll_only_as_far_as_their_content(qtbot, demo_state) -> None:
    """Wrapped text must not leave a long empty tail under the last card."""
    from vitidesk.ui.widgets.page import SectionPage

    window = MainWindow(demo_state)
    qtbot.addWidget(window)
    window.resize(1280, 820)
    window.show()
    for row in (2, 4):  # Wellbeing and Settings: many wrapped paragraphs
        window.sidebar.select(row)
        page = window.current_page()
        page = page if isinstance(page, SectionPage) else page.home
        qtbot.waitUntil(lambda page=page: page.widget().width() > 0)
        inner = page.widget()
        needed = inner.layout().totalHeightForWidth(inner.width())
        assert inner.height() <= max(needed, page.viewport().height()) + 2


def test_the_demo_title_reads_vitidesk_demo_once(qtbot, qapp, demo_state) -> None:
    """Window managers show "<title> — <display name>" unless the title already ends with
    the display name; the title used to read "VitiDesk — Demo — VitiDesk"."""
    window = MainWindow(demo_state)
    qtbot.addWidget(window)
    title, shown_name = window.windowTitle(), qapp.applicationDisplayName()
    assert title == "VitiDesk — Demo"
    assert title.endswith(shown_name)
    assert (title if title.endswith(shown_name) else f"{title} — {shown_name}").count(
        "VitiDesk"
    ) == 1


def test_one_medical_disclaimer_per_screen(qtbot, window: MainWindow) -> None:
    for row in range(len(SECTION_KEYS)):
        window.sidebar.select(row)
        window.current_page()
        shown = [w for kind in (QLabel, QPushButton) for w in window.findChildren(kind)]
        texts = [
            w.text()
            for w in shown
            if w.isVisible()
            and not w.text().startswith(str(window.state.paths.data_dir))
            and ("disclaimer" in w.text().lower() or "not a substitute for advice" in w.text())
        ]
        assert len(texts) == 1, (SECTION_KEYS[row], texts)


def test_a_saved_size_from_a_bigger_screen_is_shrunk_to_this_one(qtbot, state: AppState) -> None:
    first = MainWindow(state)
    qtbot.addWidget(first)
    first.show()
    screen = first.screen().availableGeometry()
    first.setMaximumSize(10_000, 10_000)
    first.resize(screen.width() + 600, screen.height() + 400)
    first.save_geometry()
    first.close()
    again = MainWindow(state)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    assert again.width() <= screen.width() and again.height() <= screen.height()
