"""The in-app reminder: a calm "check-in due" banner, and the reminder settings card."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
)

from vitidesk.core.reminders import calendar_file, is_due, next_due
from vitidesk.errors import UserError
from vitidesk.render.dates import long_date
from vitidesk.ui.app_state import AppState
from vitidesk.ui.widgets.page import Card, link_button, wrapped_label

CHECK_EVERY_MS = 60_000  # re-read the clock each minute: right across midnight and after sleep


def last_answered(state: AppState) -> dt.date | None:
    latest = state.responses.latest()
    return None if latest is None else latest.taken_at.astimezone().date()


class DueBanner(QFrame):
    """Shown across the top of the window while a check-in is due."""

    open_requested = Signal()

    def __init__(self, state: AppState, today: Callable[[], dt.date] = dt.date.today) -> None:
        super().__init__()
        self.state = state
        self.today = today
        self.setObjectName("DueBanner")
        row = QHBoxLayout(self)
        row.setContentsMargins(16, 6, 16, 6)
        self.text = wrapped_label("")
        self.text.setAccessibleName(self.tr("Reminder"))
        row.addWidget(self.text, 1)
        go = link_button(self.tr("Answer now"))
        go.clicked.connect(self.open_requested)
        row.addWidget(go)
        self.hide()
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        state.closing.connect(self.timer.stop)
        state.store_replaced.connect(self.timer.start)
        state.responses_changed.connect(self.refresh)
        state.settings_changed.connect(self._setting_changed)
        state.store_replaced.connect(self.refresh)

    def _setting_changed(self, name: str) -> None:
        if name == "reminder_days":
            self.refresh()

    def refresh(self) -> None:
        interval = self.state.settings.reminder_days
        if interval <= 0:
            self.hide()
            return
        last = last_answered(self.state)
        if not is_due(last, interval, self.today()):
            self.hide()
            return
        if last is None:
            self.text.setText(self.tr("A wellbeing check-in is due. It takes a few minutes."))
        else:
            self.text.setText(
                self.tr("A wellbeing check-in is due. You last answered on {0}.").format(
                    long_date(last)
                )
            )
        self.show()


class ReminderCard(Card):
    """Choose how often to be reminded, and export the reminder to a calendar."""

    CHOICES = ((0, "No reminder"), (7, "Every week"), (14, "Every 2 weeks"), (28, "Every 4 weeks"))

    def __init__(self, state: AppState) -> None:
        super().__init__(QCoreApplication.translate("ReminderCard", "Reminders"))
        self.state = state
        self.add_text(
            self.tr(
                "VitiDesk can remind you to check in. It shows a note in the app when a check-in "
                "is due, and you can add the reminder to your own calendar."
            ),
            "Muted",
        )
        row = QHBoxLayout()
        label = QLabel(self.tr("&How often:"))
        self.choice = QComboBox()
        self.choice.setAccessibleName(self.tr("How often to be reminded"))
        for days, text in self.CHOICES:
            self.choice.addItem(self.tr(text), days)
        label.setBuddy(self.choice)
        self.choice.currentIndexChanged.connect(self._chosen)
        self.export_button = QPushButton(self.tr("Add to my calendar (.ics)…"))
        self.export_button.clicked.connect(self.export)
        row.addWidget(label)
        row.addWidget(self.choice)
        row.addWidget(self.export_button)
        row.addStretch(1)
        self.body.addLayout(row)
        self.next_label = self.add_text("")
        state.responses_changed.connect(self.load)
        state.store_replaced.connect(self.load)
        self.load()

    def load(self) -> None:
        days = self.state.settings.reminder_days
        self.choice.blockSignals(True)
        self.choice.setCurrentIndex(max(0, self.choice.findData(days)))
        self.choice.blockSignals(False)
        self.export_button.setEnabled(days > 0)
        due = next_due(last_answered(self.state), days, dt.date.today())
        self.next_label.setText(
            self.tr("Next check-in: {0}.").format(long_date(due)) if due else ""
        )
        self.next_label.setVisible(due is not None)

    def _chosen(self) -> None:
        self.state.set_setting("reminder_days", int(self.choice.currentData()))
        self.load()

    def export(self, path: Path | None = None) -> Path | None:
        days = self.state.settings.reminder_days
        if days <= 0:
            return None
        if path is None:
            name, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save calendar reminder"), "VitiDesk check-in.ics", "Calendar (*.ics)"
            )
            if not name:
                return None
            path = Path(name)
        first = next_due(last_answered(self.state), days, dt.date.today())
        if first is None:
            return None
        try:  # the save dialog asked before replacing a file
            self.state.exports.save_text(path, calendar_file(first, days), force=True)
        except (UserError, OSError) as exc:
            why = exc.one_line() if isinstance(exc, UserError) else (exc.strerror or str(exc))
            self.next_label.setText(self.tr("Not saved: {0}").format(why))
            self.next_label.show()
            return None
        return path
