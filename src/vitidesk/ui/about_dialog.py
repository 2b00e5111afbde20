"""About VitiDesk: version, licence, privacy and the medical disclaimer."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from vitidesk import LICENCE, __version__
from vitidesk.ui.look import icon
from vitidesk.ui.widgets.page import wrapped_label


def disclaimer_text() -> str:
    return QCoreApplication.translate(
        "Disclaimer",
        "VitiDesk is educational. It is not a substitute for advice from your clinician. "
        "It does not diagnose, and it does not tell you to start, stop or change any "
        "medicine. Questionnaire results are screening results, not a diagnosis, and photo "
        "estimates are estimates, not a verdict. Talk to your doctor about your own care.",
    )


def description_text() -> str:
    return QCoreApplication.translate(
        "About",
        "A private companion for people with vitiligo and their clinicians: "
        "lessons, photo comparison and wellbeing questionnaires.",
    )


def privacy_text() -> str:
    return QCoreApplication.translate(
        "Disclaimer",
        "Private by design: VitiDesk never connects to the internet. Your photos and answers "
        "stay in a folder on this computer.",
    )


class AboutDialog(QDialog):
    def __init__(self, data_dir: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About VitiDesk"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(12)
        logo = QLabel()
        logo.setPixmap(icon("vitidesk").pixmap(64, 64))
        logo.setAccessibleName(self.tr("VitiDesk logo"))
        layout.addWidget(logo)
        title = wrapped_label(self.tr("VitiDesk {0}").format(__version__), "PageTitle")
        layout.addWidget(title)
        layout.addWidget(wrapped_label(description_text()))
        heading = wrapped_label(self.tr("Medical disclaimer"), "CardTitle")
        layout.addWidget(heading)
        self.disclaimer_label = wrapped_label(disclaimer_text())
        layout.addWidget(self.disclaimer_label)
        layout.addWidget(wrapped_label(privacy_text()))
        layout.addWidget(wrapped_label(self.tr("Your data folder: {0}").format(data_dir), "Muted"))
        layout.addWidget(wrapped_label(self.tr("Licence: {0}").format(LICENCE), "Muted"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
