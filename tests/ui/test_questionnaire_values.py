"""Each questionnaire is shown exactly as its validated form prints it: every option with the
form's own value, in the form's order, and the number keys type those same values. The
review, the history and the exports speak the same values."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from vitidesk.core.questionnaires import load_instruments
from vitidesk.ui.main_window import MainWindow
from vitidesk.ui.wellbeing.form import QuestionnaireForm
from vitidesk.ui.wellbeing.history import HistoryView
from vitidesk.ui.wellbeing.page import WellbeingPage

# What the official forms print (reference sheet §2.1 and §3.1): value and label, top to bottom.
PRINTED = {
    "WHO-5": [
        (5, "All of the time"),
        (4, "Most of the time"),
        (3, "More than half of the time"),
        (2, "Less than half of the time"),
        (1, "Some of the time"),
        (0, "At no time"),
    ],
    **{
        form: [
            (0, "Not at all"),
            (1, "Several days"),
            (2, "More than half the days"),
            (3, "Nearly every day"),
        ]
        for form in ("PHQ-4", "PHQ-9", "GAD-7")
    },
}
DIGITS = {value: getattr(Qt.Key, f"Key_{value}") for value in range(10)}


@pytest.fixture
def wellbeing(qtbot, window: MainWindow) -> WellbeingPage:
    window.sidebar.select(2)
    page = window.current_page()
    assert isinstance(page, WellbeingPage)
    return page


def _open(wellbeing: WellbeingPage, instrument_id: str) -> QuestionnaireForm:
    wellbeing.start(instrument_id)
    form = wellbeing.stack.currentWidget()
    assert isinstance(form, QuestionnaireForm)
    return form


def _shown(form: QuestionnaireForm) -> list[tuple[int, str]]:
    """The options on screen, top to bottom, read back from the buttons' text."""
    shown = []
    for button in form.option_buttons:
        number, label = button.text().split(maxsplit=1)
        shown.append((int(number), label.strip()))
    return shown


@pytest.mark.parametrize("instrument_id", list(PRINTED))
def test_every_item_shows_the_values_the_form_prints_in_its_order(
    qtbot, wellbeing: WellbeingPage, instrument_id: str
) -> None:
    instrument = load_instruments()[instrument_id]
    assert [(o.value, o.label) for o in instrument.options] == PRINTED[instrument_id]
    form = _open(wellbeing, instrument_id)
    for position in range(len(instrument.items)):
        assert form.position == position
        assert _shown(form) == PRINTED[instrument_id]
        qtbot.keyClick(form, DIGITS[PRINTED[instrument_id][0][0]])
        qtbot.keyClick(form, Qt.Key.Key_Return)


@pytest.mark.parametrize("instrument_id", list(PRINTED))
def test_each_number_key_types_the_value_printed_beside_it(
    qtbot, wellbeing: WellbeingPage, instrument_id: str
) -> None:
    form = _open(wellbeing, instrument_id)
    for value, label in PRINTED[instrument_id]:
        qtbot.keyClick(form, DIGITS[value])
        assert form.answers[0] == value
        checked = [b for b in form.option_buttons if b.isChecked()]
        assert len(checked) == 1 and checked[0].text().endswith(label)
    # A number the form does not print changes nothing.
    last = form.answers[0]
    highest = max(value for value, _ in PRINTED[instrument_id])
    qtbot.keyClick(form, DIGITS[highest + 1])
    assert form.answers[0] == last


def test_who5_five_means_all_of_the_time_and_scores_high(qtbot, wellbeing: WellbeingPage) -> None:
    """The instruction says higher numbers mean better well-being: typing 5 five times must
    give the best score, 100 %."""
    form = _open(wellbeing, "WHO-5")
    for _ in range(5):
        qtbot.keyClick(form, Qt.Key.Key_5)
        qtbot.keyClick(form, Qt.Key.Key_Return)
    assert form.pages.currentIndex() == 2
    review = " ".join(label.text() for label in form.findChildren(type(form.progress_label)))
    assert review.count("All of the time (5)") == 5
    form.save()
    (saved,) = wellbeing.state.responses.responses("WHO-5")
    assert saved.answers == (5, 5, 5, 5, 5) and saved.percent == 100


def test_arrow_keys_move_through_the_options_in_the_order_shown(
    qtbot, wellbeing: WellbeingPage
) -> None:
    form = _open(wellbeing, "WHO-5")
    qtbot.keyClick(form, Qt.Key.Key_Down)
    assert form.answers[0] == 5  # the top option: "All of the time"
    qtbot.keyClick(form, Qt.Key.Key_Down)
    assert form.answers[0] == 4
    qtbot.keyClick(form, Qt.Key.Key_Up)
    qtbot.keyClick(form, Qt.Key.Key_Up)
    assert form.answers[0] == 5


def test_the_phq9_difficulty_question_shows_words_only_as_on_the_form(
    qtbot, wellbeing: WellbeingPage
) -> None:
    form = _open(wellbeing, "PHQ-9")
    for _ in range(9):
        qtbot.keyClick(form, Qt.Key.Key_0)
        qtbot.keyClick(form, Qt.Key.Key_Return)
    assert form.position == 9
    labels = [o.label for o in form.instrument.difficulty_options]
    assert [b.text() for b in form.option_buttons] == labels
    qtbot.keyClick(form, Qt.Key.Key_Down)
    qtbot.keyClick(form, Qt.Key.Key_Down)
    qtbot.keyClick(form, Qt.Key.Key_Return)
    review = " ".join(label.text() for label in form.findChildren(type(form.progress_label)))
    assert labels[1] in review and "Not at all (0)" in review


def test_history_names_the_item9_answer_as_the_person_saw_it(
    qtbot, wellbeing: WellbeingPage
) -> None:
    wellbeing.state.responses.record(
        "PHQ-9", [0] * 8 + [2], taken_at=dt.datetime(2026, 3, 2, 9, tzinfo=dt.UTC)
    )
    wellbeing.show_history("PHQ-9")
    history = wellbeing.stack.currentWidget()
    assert isinstance(history, HistoryView)
    assert history.table.item(0, 3).text() == "Item 9: More than half the days (2)"


def test_a_history_with_no_answers_offers_the_first_one(qtbot, wellbeing: WellbeingPage) -> None:
    wellbeing.show_history("GAD-7")
    history = wellbeing.stack.currentWidget()
    assert isinstance(history, HistoryView)
    assert history.first_button.isVisibleTo(history)
    assert not history.chart.isVisibleTo(history)
    qtbot.mouseClick(history.first_button, Qt.MouseButton.LeftButton)
    form = wellbeing.stack.currentWidget()
    assert isinstance(form, QuestionnaireForm) and form.instrument.id == "GAD-7"


def test_a_note_stops_at_the_length_the_store_keeps(qtbot, wellbeing: WellbeingPage) -> None:
    """A long note used to crash the save ("Something went wrong"): the field now stops
    typing at the limit the store checks, and the answers are saved."""
    form = _open(wellbeing, "PHQ-4")
    for _ in range(4):
        qtbot.keyClick(form, Qt.Key.Key_1)
        qtbot.keyClick(form, Qt.Key.Key_Return)
    form.note.setText("x" * 2500)
    form.save()
    (saved,) = wellbeing.state.responses.responses("PHQ-4")
    assert len(saved.note) == 2000


def test_the_diary_note_field_stops_at_the_same_limit(qtbot, wellbeing: WellbeingPage) -> None:
    wellbeing.diary.note.setText("y" * 2500)
    wellbeing.diary.save()
    (entry,) = wellbeing.state.diary.entries()
    assert len(entry.note) == 2000


def test_saving_a_form_refreshes_every_listener_through_the_state(
    qtbot, wellbeing: WellbeingPage
) -> None:
    form = _open(wellbeing, "PHQ-4")
    for _ in range(4):
        qtbot.keyClick(form, Qt.Key.Key_0)
        qtbot.keyClick(form, Qt.Key.Key_Return)
    with qtbot.waitSignal(wellbeing.state.responses_changed, timeout=1000):
        form.save()
    wellbeing.go_home()
    assert "Last answered" in wellbeing.status_labels["PHQ-4"].text()
