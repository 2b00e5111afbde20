"""The safety screen shown right after PHQ-9 item 9 is answered above 0.

Help comes first: it says plainly that VitiDesk is offline and nobody is alerted, shows the
numbers for the person's region large (or asks where they live), and its main button is about
getting help. Going on with the questionnaire is always possible, as the second choice.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from vitidesk.core.crisis import load_crisis_directory
from vitidesk.ui.app_state import AppState
from vitidesk.ui.widgets.crisis_contacts import CrisisContacts
from vitidesk.ui.widgets.page import Card, wrapped_label


class SafetyPanel(QWidget):
    continue_requested = Signal()
    help_requested = Signal()

    def __init__(self, state: AppState) -> None:
        super().__init__()
        self.state = state
        self.setAccessibleName(self.tr("Support if you are struggling"))
        column = QVBoxLayout(self)
        column.setContentsMargins(4, 8, 16, 8)
        column.setSpacing(12)
        heading = wrapped_label(
            self.tr(
                "You said you have had thoughts that you would be better off dead, or of "
                "hurting yourself."
            ),
            "CardTitle",
        )
        column.addWidget(heading)
        column.addWidget(
            wrapped_label(
                self.tr(
                    "Thank you for answering honestly. You deserve support with this. "
                    "VitiDesk works offline: it does not send your answers to anyone, and "
                    "no one will be alerted. Please reach out yourself."
                )
            )
        )
        urgent = wrapped_label(load_crisis_directory().emergency_line)
        urgent.setStyleSheet("font-weight: 600;")
        column.addWidget(urgent)
        card = Card(self.tr("Talk to someone today"))
        self.contacts = CrisisContacts(state)
        card.body.addWidget(self.contacts)
        card.add_text(
            self.tr(
                "Or talk to your GP, your dermatologist or a mental-health clinician, and "
                "tell someone you trust how you are feeling."
            ),
            "Muted",
        )
        save_row = QHBoxLayout()
        label = QLabel(self.tr("&Add my clinician's number:"))
        self.number = QLineEdit(state.settings.local_crisis_number)
        self.number.setAccessibleName(self.tr("Clinician's number"))
        label.setBuddy(self.number)
        save = QPushButton(self.tr("Save number"))
        save.clicked.connect(self._save_number)
        save_row.addWidget(label)
        save_row.addWidget(self.number, 1)
        save_row.addWidget(save)
        card.body.addLayout(save_row)
        column.addWidget(card)
        self.get_help = QPushButton(self.tr("Get help now"))
        self.get_help.setObjectName("GetHelpButton")
        self.get_help.setToolTip(self.tr("Every number to call, and when they were last checked"))
        self.get_help.clicked.connect(self.help_requested)
        self.go_on = QPushButton(self.tr("Continue the questionnaire"))
        self.go_on.clicked.connect(self.continue_requested)
        row = QHBoxLayout()
        row.addWidget(self.get_help)
        row.addStretch(1)
        row.addWidget(self.go_on)
        column.addLayout(row)
        column.addStretch(1)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def _save_number(self) -> None:
        self.state.set_setting("local_crisis_number", self.number.text().strip())

    def text(self) -> str:
        return "\n".join(label.text() for label in self.findChildren(QLabel))
