"""The "vitiligo and me" diary on the Wellbeing page: a 0-10 slider and a note."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QSlider

from vitidesk.core.limits import NOTE_MAX_CHARS
from vitidesk.render.dates import medium_date
from vitidesk.ui.app_state import AppState
from vitidesk.ui.widgets.page import Card

RECENT = 5


class DiaryCard(Card):
    def __init__(self, state: AppState) -> None:
        super().__init__(QCoreApplication.translate("DiaryCard", "Vitiligo and me: a weekly diary"))
        self.state = state
        self.add_text(
            self.tr(
                "How much did your vitiligo affect your life this week? 0 means not at all, "
                "10 means very much. This is VitiDesk's own diary question to help you notice "
                "changes. It is not a validated questionnaire."
            ),
            "Muted",
        )
        row = QHBoxLayout()
        label = QLabel(self.tr("&This week:"))
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, 10)
        self.slider.setPageStep(1)
        self.slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.slider.setTickInterval(1)
        self.slider.setAccessibleName(self.tr("How much vitiligo affected this week, 0 to 10"))
        label.setBuddy(self.slider)
        self.value = QLabel("0")
        self.value.setMinimumWidth(24)
        self.slider.valueChanged.connect(lambda v: self.value.setText(str(v)))
        row.addWidget(label)
        row.addWidget(self.slider, 1)
        row.addWidget(self.value)
        self.body.addLayout(row)
        note_row = QHBoxLayout()
        self.note = QLineEdit()
        self.note.setMaxLength(NOTE_MAX_CHARS)  # the store keeps no more: never cut silently
        self.note.setPlaceholderText(self.tr("A note, if you like"))
        self.note.setAccessibleName(self.tr("Diary note"))
        self.save_button = QPushButton(self.tr("Save to diary"))
        self.save_button.clicked.connect(self.save)
        note_row.addWidget(self.note, 1)
        note_row.addWidget(self.save_button)
        self.body.addLayout(note_row)
        self.recent = self.add_text("")
        self.recent.setAccessibleName(self.tr("Recent diary entries"))
        state.store_replaced.connect(self.load)
        state.diary_changed.connect(self.load)
        self.load()

    def load(self) -> None:
        entries = self.state.diary.entries(RECENT)
        if not entries:
            self.recent.setText(self.tr("No diary entries yet."))
            return
        lines = [
            f"{medium_date(entry.taken_at)}: {entry.rating}/10"
            + (f" · {entry.note}" if entry.note else "")
            for entry in entries
        ]
        self.recent.setText(self.tr("Recent:") + "\n" + "\n".join(lines))

    def save(self) -> None:
        self.state.diary.add(self.slider.value(), self.note.text())
        self.note.clear()
