"""What a score means, in plain words: a screening result, never a diagnosis."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QScrollArea, QVBoxLayout, QWidget

from vitidesk.core.questionnaires import ITEM9_FLAG, Instrument, Score, meaningful_change
from vitidesk.render.dates import medium_date
from vitidesk.services.responses import Response, ResponsesService
from vitidesk.ui.widgets.page import Card, wrapped_label

SCREENING_NOTE = (
    "This is a screening questionnaire, not a diagnosis. Only a clinician can tell what your "
    "answers mean for you."
)


def score_text(instrument: Instrument, response: Response) -> str:
    if response.percent is not None:
        return f"{response.percent} out of 100"
    return f"{response.raw} out of {instrument.max_raw}"


class ResultView(QScrollArea):
    done = Signal()
    history_requested = Signal(str)
    help_requested = Signal()

    def __init__(
        self, instrument: Instrument, response: Response, responses: ResponsesService
    ) -> None:
        super().__init__()
        self.setAccessibleName(self.tr("Your result"))
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        inner = QWidget()
        inner.setObjectName("PageInner")
        column = QVBoxLayout(inner)
        column.setContentsMargins(36, 24, 36, 16)
        column.addWidget(wrapped_label(instrument.title, "PageTitle"))
        band = instrument.band(response.band)
        card = Card(self.tr("Your score: {0}").format(score_text(instrument, response)))
        self.band_label = card.add_text(self.tr("Result: {0}.").format(band.label))
        self.band_label.setStyleSheet("font-weight: 600;")
        card.add_text(band.meaning)
        previous = responses.previous(response)
        if previous is not None:
            card.add_text(self._change_text(instrument, previous, response))
        if band.discuss:
            card.add_text(
                self.tr(
                    "Your answers suggest it would help to talk with your GP, dermatologist or a "
                    "mental-health clinician. You can bring this result to your next visit."
                )
            )
        card.add_text(self.tr(SCREENING_NOTE), "Muted")
        column.addWidget(card)
        if ITEM9_FLAG in response.flags:
            support = Card(self.tr("Support is there for you"))
            support.add_text(
                self.tr(
                    "You said you have had thoughts of being better off dead or of hurting "
                    "yourself. No one has been alerted. Please reach out: use “Get help now” "
                    "for phone numbers, or talk to someone you trust."
                )
            )
            help_button = QPushButton(self.tr("Get help now"))
            help_button.setObjectName("GetHelpButton")
            help_button.clicked.connect(self.help_requested)
            support.body.addWidget(help_button)
            column.addWidget(support)
        row = QHBoxLayout()
        back = QPushButton(self.tr("Back to Wellbeing"))
        back.clicked.connect(self.done)
        history = QPushButton(self.tr("See your history"))
        history.clicked.connect(lambda: self.history_requested.emit(instrument.id))
        row.addWidget(back)
        row.addWidget(history)
        row.addStretch(1)
        column.addLayout(row)
        column.addStretch(1)
        self.setWidget(inner)

    def _change_text(self, instrument: Instrument, previous: Response, current: Response) -> str:
        before = previous.percent if previous.percent is not None else previous.raw
        after = current.percent if current.percent is not None else current.raw
        date = medium_date(previous.taken_at)
        if before == after:
            text = self.tr("Same score as last time ({0}).").format(date)
        else:
            direction = self.tr("Up") if after > before else self.tr("Down")
            points = abs(after - before)
            unit = self.tr("point") if points == 1 else self.tr("points")
            text = self.tr("{0} {1} {2} since last time ({3}).").format(
                direction, points, unit, date
            )
        # As scored when each was recorded: old answers are never re-scored with today's bands.
        rule = meaningful_change(instrument.id, Score.as_stored(previous), Score.as_stored(current))
        return f"{text} {rule}" if rule else text
