"""Wellbeing as a person uses it: answer by keyboard, the safety screen, drafts, history."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox

from vitidesk.render.dates import long_date
from vitidesk.storage.responses import ResponseStore
from vitidesk.ui.main_window import MainWindow
from vitidesk.ui.wellbeing.form import QuestionnaireForm
from vitidesk.ui.wellbeing.history import HistoryView
from vitidesk.ui.wellbeing.page import WellbeingPage
from vitidesk.ui.wellbeing.result import ResultView


@pytest.fixture
def wellbeing(qtbot, window: MainWindow) -> WellbeingPage:
    window.sidebar.select(2)
    page = window.current_page()
    assert isinstance(page, WellbeingPage)
    return page


def _answer(qtbot, form: QuestionnaireForm, key) -> None:
    qtbot.keyClick(form, key)
    qtbot.keyClick(form, Qt.Key.Key_Return)


def test_phq9_item9_shows_the_safety_screen_and_never_blocks(
    qtbot, wellbeing: WellbeingPage
) -> None:
    wellbeing.start("PHQ-9")
    form = wellbeing.stack.currentWidget()
    assert isinstance(form, QuestionnaireForm)
    for _ in range(8):
        _answer(qtbot, form, Qt.Key.Key_0)  # "0 Not at all", as the form prints it
    assert form.position == 8 and form.pages.currentIndex() == 0
    _answer(qtbot, form, Qt.Key.Key_1)  # item 9: "1 Several days"
    assert form.pages.currentIndex() == 1, "the safety screen must follow item 9 at once"
    text = form.safety.text()
    assert "no one will be alerted" in text
    assert "emergency" in text
    # Help comes first: it has the focus, so Enter by reflex opens help and never skips it.
    assert form.safety.get_help.hasFocus() or form.focusWidget() is form.safety.get_help
    assert form.safety.get_help.objectName() == "GetHelpButton"
    assert form.safety.go_on.objectName() != "PrimaryButton"
    # No region set: one click on where the person lives shows that country's numbers, large.
    qtbot.mouseClick(form.safety.contacts.region_buttons["GB"], Qt.MouseButton.LeftButton)
    assert "116 123" in [n.text() for n in form.safety.contacts.numbers]
    assert "988" not in form.safety.contacts.text()
    assert form.safety.contacts.numbers[0].font().pointSizeF() >= 18
    qtbot.mouseClick(form.safety.go_on, Qt.MouseButton.LeftButton)
    assert form.pages.currentIndex() == 0  # the unscored difficulty question
    _answer(qtbot, form, Qt.Key.Key_Down)  # no printed numbers: the arrows choose
    assert form.pages.currentIndex() == 2
    assert form.save_button.isEnabled()
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    result = wellbeing.stack.currentWidget()
    assert isinstance(result, ResultView)
    labels = " ".join(label.text() for label in result.findChildren(type(result.band_label)))
    assert "not a diagnosis" in labels
    assert "No one has been alerted" in labels
    saved = ResponseStore(wellbeing.state.store).responses("PHQ-9")
    assert len(saved) == 1 and "item9_positive" in saved[0].flags


def test_no_safety_screen_when_item9_is_zero(qtbot, wellbeing: WellbeingPage) -> None:
    wellbeing.start("PHQ-9")
    form = wellbeing.stack.currentWidget()
    for _ in range(9):
        _answer(qtbot, form, Qt.Key.Key_0)
    assert form.pages.currentIndex() == 0 and form.position == 9


def test_a_draft_survives_closing_the_app(qtbot, wellbeing: WellbeingPage, state) -> None:
    wellbeing.start("GAD-7")
    form = wellbeing.stack.currentWidget()
    for key in (Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_0):
        _answer(qtbot, form, key)
    form.cancelled.emit()
    reopened = WellbeingPage(state)
    qtbot.addWidget(reopened)
    assert reopened.start_buttons["GAD-7"].text() == "Continue"
    reopened.start("GAD-7")
    resumed = reopened.stack.currentWidget()
    assert resumed.position == 3
    assert resumed.answers[:3] == [1, 2, 0]


def test_an_incomplete_form_cannot_be_saved(qtbot, wellbeing: WellbeingPage) -> None:
    wellbeing.start("WHO-5")
    form = wellbeing.stack.currentWidget()
    form.answers = [5, 4, None, 3, 2]
    form.position = len(form.answers)
    form._show_position()
    assert not form.save_button.isEnabled()
    form.save()
    assert ResponseStore(wellbeing.state.store).responses("WHO-5") == []


def test_history_shows_the_trend_and_allows_notes_and_delete(
    qtbot, wellbeing: WellbeingPage, monkeypatch
) -> None:
    responses = ResponseStore(wellbeing.state.store)
    start = dt.datetime(2025, 1, 6, 9, 0, tzinfo=dt.UTC)
    for week, answers in enumerate(([1, 1, 2, 2, 1], [2, 2, 3, 2, 2], [3, 3, 3, 3, 3])):
        responses.record("WHO-5", answers, taken_at=start + dt.timedelta(weeks=2 * week))
    wellbeing.show_history("WHO-5")
    history = wellbeing.stack.currentWidget()
    assert isinstance(history, HistoryView)
    assert history.table.rowCount() == 3
    assert len(history.chart.points()) == 3
    history.chart.grab()
    history.table.selectRow(0)

    def type_note(dialog: QInputDialog) -> int:
        dialog.setTextValue("after holiday")
        return 1

    monkeypatch.setattr(QInputDialog, "exec", type_note)
    history.edit_note()
    assert responses.responses("WHO-5")[-1].note == "after holiday"
    history.table.selectRow(0)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    history.delete()
    assert history.table.rowCount() == 2


def test_due_banner_follows_the_calendar_and_answers(qtbot, window: MainWindow, state) -> None:
    from vitidesk.ui.wellbeing.reminder import DueBanner

    today = {"date": dt.date(2026, 3, 14)}
    responses = ResponseStore(state.store)
    responses.record("WHO-5", [3, 3, 3, 3, 3], taken_at=dt.datetime(2026, 3, 1, 20, 0).astimezone())
    banner = DueBanner(state, today=lambda: today["date"])
    qtbot.addWidget(banner)
    banner.refresh()
    assert banner.isHidden()  # reminders are off
    state.set_setting("reminder_days", 14)
    assert banner.isHidden()  # 13 days after: not yet
    today["date"] = dt.date(2026, 3, 15)  # midnight passed (or the laptop woke up)
    banner.timer.timeout.emit()
    assert not banner.isHidden()
    assert long_date(dt.date(2026, 3, 1)) in banner.text.text()  # as the locale writes it
    responses.record("WHO-5", [3, 3, 3, 3, 3], taken_at=dt.datetime(2026, 3, 15, 9, 0).astimezone())
    state.responses_changed.emit()
    assert banner.isHidden()


def test_main_window_shows_the_banner_and_opens_wellbeing(qtbot, window: MainWindow, state) -> None:
    state.set_setting("reminder_days", 7)
    window._add_due_banner()
    assert not window.due_banner.isHidden()  # never answered: due now
    window.due_banner.open_requested.emit()
    assert window.current_section_key() == "wellbeing"


def test_reminder_can_be_exported_to_a_calendar(qtbot, wellbeing: WellbeingPage, tmp_path) -> None:
    card = wellbeing.reminders
    assert not card.export_button.isEnabled()
    card.choice.setCurrentIndex(card.choice.findData(14))
    assert wellbeing.state.settings.reminder_days == 14
    path = card.export(tmp_path / "check-in.ics")
    text = path.read_text()
    assert "RRULE:FREQ=DAILY;INTERVAL=14" in text and "BEGIN:VEVENT" in text


def test_diary_entries_are_saved_and_listed(qtbot, wellbeing: WellbeingPage) -> None:
    from vitidesk.storage.diary import Diary

    card = wellbeing.diary
    assert "not a validated questionnaire" in " ".join(
        label.text() for label in card.findChildren(type(card.recent))
    )
    card.slider.setValue(6)
    card.note.setText("  Stared at on the bus. ")
    qtbot.mouseClick(card.save_button, Qt.MouseButton.LeftButton)
    (entry,) = Diary(wellbeing.state.store).entries()
    assert (entry.rating, entry.note) == (6, "Stared at on the bus.")
    assert "6/10 · Stared at on the bus." in card.recent.text()


def test_get_help_on_the_safety_screen_opens_every_number(
    qtbot, window: MainWindow, opened_dialogs
) -> None:
    window.sidebar.select(2)
    page = window.current_page()
    page.start("PHQ-9")
    form = page.stack.currentWidget()
    for _ in range(8):
        _answer(qtbot, form, Qt.Key.Key_0)
    _answer(qtbot, form, Qt.Key.Key_3)
    qtbot.mouseClick(form.safety.get_help, Qt.MouseButton.LeftButton)
    assert [d.windowTitle() for d in opened_dialogs] == ["Get help now"]


def test_a_number_saved_on_the_safety_screen_shows_in_settings_at_once(
    qtbot, window: MainWindow
) -> None:
    """Settings used to keep showing the old number until the app was restarted."""
    window.sidebar.select(4)
    settings = window.current_page()
    window.sidebar.select(2)
    page = window.current_page()
    page.start("PHQ-9")
    form = page.stack.currentWidget()
    form.safety.number.setText("01234 567890 (clinic)")
    form.safety._save_number()
    assert settings.local_number.text() == "01234 567890 (clinic)"
    assert "01234 567890 (clinic)" in [n.text() for n in form.safety.contacts.numbers]


def test_the_due_banner_stops_reading_once_the_store_closes(qtbot, private_folders) -> None:
    """Its minute timer used to fire after the store had closed (a traceback in the log)."""
    from vitidesk.paths import AppPaths
    from vitidesk.storage.database import Store
    from vitidesk.ui.app_state import AppState
    from vitidesk.ui.wellbeing.reminder import DueBanner

    paths = AppPaths.resolve(None, demo=False)
    state = AppState(paths, Store.open(paths.data_dir))
    banner = DueBanner(state)
    qtbot.addWidget(banner)
    assert banner.timer.isActive()
    state.close()
    assert not banner.timer.isActive()
