"""Wellbeing: private questionnaires, their results in plain words, and their history."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from vitidesk.core.questionnaires import Instrument, load_instruments
from vitidesk.render.dates import medium_date
from vitidesk.ui.app_state import AppState
from vitidesk.ui.wellbeing.texts import lead_text
from vitidesk.ui.widgets.page import Card, SectionPage


class WellbeingPage(QWidget):
    def __init__(self, state: AppState) -> None:
        super().__init__()
        self.state = state
        self.instruments = load_instruments()
        self.setAccessibleName(self.tr("Wellbeing"))
        self.stack = QStackedWidget()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.home = SectionPage(
            self.tr("Wellbeing"),
            self.tr(
                "Living with vitiligo can weigh on your mood. These short questionnaires help "
                "you keep track. Your answers stay on this computer. Each one is a screening "
                "questionnaire, not a diagnosis."
            ),
        )
        self.title_label = self.home.title_label
        self.cards: dict[str, Card] = {}
        self.start_buttons: dict[str, QPushButton] = {}
        self.status_labels: dict[str, QLabel] = {}
        for instrument in self.instruments.values():
            self.home.add(self._card(instrument))
        from vitidesk.ui.wellbeing.diary_card import DiaryCard
        from vitidesk.ui.wellbeing.reminder import ReminderCard

        self.diary = DiaryCard(state)
        self.home.add(self.diary)
        self.reminders = ReminderCard(state)
        self.home.add(self.reminders)
        self.stack.addWidget(self.home)
        state.responses_changed.connect(self.refresh)
        state.drafts_changed.connect(self.refresh)
        state.store_replaced.connect(self._store_replaced)
        self.refresh()

    def _card(self, instrument: Instrument) -> Card:
        card = Card(instrument.title)
        card.add_text(lead_text(instrument), "Muted")
        self.status_labels[instrument.id] = card.add_text("")
        row = QHBoxLayout()
        start = QPushButton(self.tr("Start"))
        start.setAccessibleName(self.tr("Start {0}").format(instrument.id))
        start.clicked.connect(lambda _=False, i=instrument.id: self.start(i))
        history = QPushButton(self.tr("History"))
        history.setAccessibleName(self.tr("{0} history").format(instrument.id))
        history.clicked.connect(lambda _=False, i=instrument.id: self.show_history(i))
        row.addWidget(start)
        row.addWidget(history)
        row.addStretch(1)
        card.body.addLayout(row)
        card.add_text(instrument.licence, "Muted")
        self.cards[instrument.id] = card
        self.start_buttons[instrument.id] = start
        return card

    def refresh(self) -> None:
        responses = self.state.responses
        for instrument_id, instrument in self.instruments.items():
            last = responses.latest(instrument_id)
            draft = responses.load_draft(instrument_id)
            if last is not None:
                band = instrument.band(last.band)
                text = self.tr("Last answered {0}: {1}.").format(
                    medium_date(last.taken_at), band.label
                )
            else:
                text = self.tr("Not answered yet.")
            self.status_labels[instrument_id].setText(text)
            self.start_buttons[instrument_id].setText(
                self.tr("Continue") if draft is not None else self.tr("Start")
            )

    def _store_replaced(self) -> None:
        self._show(self.home)
        self.refresh()

    def _show(self, widget: QWidget) -> None:
        current = self.stack.currentWidget()
        if widget is not self.home and self.stack.indexOf(widget) < 0:
            self.stack.addWidget(widget)
        self.stack.setCurrentWidget(widget)
        if current is not None and current is not self.home and current is not widget:
            self.stack.removeWidget(current)
            current.deleteLater()

    def start(self, instrument_id: str) -> None:
        from vitidesk.ui.wellbeing.form import QuestionnaireForm

        form = QuestionnaireForm(self.state, self.instruments[instrument_id])
        form.saved.connect(lambda response, i=instrument_id: self.show_result(i, response))
        form.cancelled.connect(self.go_home)
        form.help_requested.connect(self._get_help)
        self._show(form)
        form.setFocus()

    def show_result(self, instrument_id: str, response) -> None:
        from vitidesk.ui.wellbeing.result import ResultView

        view = ResultView(self.instruments[instrument_id], response, self.state.responses)
        view.done.connect(self.go_home)
        view.history_requested.connect(self.show_history)
        view.help_requested.connect(self._get_help)
        self._show(view)

    def show_history(self, instrument_id: str) -> None:
        from vitidesk.ui.wellbeing.history import HistoryView

        view = HistoryView(self.state, self.instruments[instrument_id])
        view.done.connect(self.go_home)
        view.start_requested.connect(self.start)
        self._show(view)

    def go_home(self) -> None:
        self.refresh()
        self._show(self.home)

    def _get_help(self) -> None:
        window = self.window()
        if hasattr(window, "show_help"):
            window.show_help()


def build_wellbeing_page(state: AppState) -> QWidget:
    return WellbeingPage(state)
