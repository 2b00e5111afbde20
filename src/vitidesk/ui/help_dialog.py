"""The "Get help" screen: crisis contacts for the person's region, reachable from every screen."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QVBoxLayout,
    QWidget,
)

from vitidesk.core.crisis import load_crisis_directory
from vitidesk.ui.app_state import AppState
from vitidesk.ui.widgets.crisis_contacts import CrisisContacts
from vitidesk.ui.widgets.page import Card, text_scroll_area, wrapped_label


class GetHelpDialog(QDialog):
    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Get help now"))
        self.setAccessibleName(self.tr("Get help now"))
        self.setMinimumWidth(600)
        self.resize(640, 620)
        directory = load_crisis_directory()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 12)
        content = QWidget()
        content.setObjectName("PageInner")
        layout = QVBoxLayout(content)
        layout.setContentsMargins(24, 20, 24, 8)
        layout.setSpacing(12)
        heading = wrapped_label(self.tr("If you are struggling, you do not have to cope alone."))
        heading.setObjectName("CardTitle")
        layout.addWidget(heading)
        layout.addWidget(
            wrapped_label(
                self.tr(
                    "VitiDesk works offline. It does not send anything to anyone, and no one "
                    "is alerted. Please reach out yourself:"
                )
            )
        )
        urgent = wrapped_label(directory.emergency_line)
        urgent.setStyleSheet("font-weight: 600;")
        layout.addWidget(urgent)
        contacts = Card(self.tr("Numbers to call"))
        self.contacts = CrisisContacts(state)
        contacts.body.addWidget(self.contacts)
        layout.addWidget(contacts)
        layout.addWidget(
            wrapped_label(
                self.tr(
                    "You can also talk to your GP, your dermatologist or a mental-health "
                    "clinician, and tell someone you trust how you feel."
                )
            )
        )
        checked = wrapped_label(
            self.tr("Numbers last checked: {0}.").format(directory.last_checked), "Muted"
        )
        layout.addWidget(checked)
        layout.addStretch(1)
        outer.addWidget(text_scroll_area(content, self.tr("Crisis contacts")), 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.setContentsMargins(24, 0, 24, 0)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)
