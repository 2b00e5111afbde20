"""The sidebar: app name, the sections, and "Get help" always in reach."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout

from vitidesk.ui.look import icon
from vitidesk.ui.sections import Section
from vitidesk.ui.widgets.page import link_button


class Sidebar(QFrame):
    section_chosen = Signal(int)
    help_requested = Signal()
    about_requested = Signal()

    def __init__(self, specs: list[Section]) -> None:
        super().__init__()
        self.setObjectName("Sidebar")
        self.setMaximumWidth(280)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 16, 12, 14)
        layout.setSpacing(8)
        title = QLabel("VitiDesk")
        title.setObjectName("AppTitle")
        layout.addWidget(title)
        self.list = QListWidget()
        self.list.setObjectName("SectionList")
        self.list.setAccessibleName(self.tr("Sections"))
        self.list.setIconSize(QSize(22, 22))
        for number, spec in enumerate(specs, start=1):
            item = QListWidgetItem(icon(spec.icon), spec.title)
            item.setToolTip(self.tr("{0} (Ctrl+{1})").format(spec.title, number))
            self.list.addItem(item)
        self.list.currentRowChanged.connect(self.section_chosen)
        # As wide as the longest section name, so a narrow window never clips or scrolls it.
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setMinimumWidth(self.list.sizeHintForColumn(0) + 2 * self.list.frameWidth() + 4)
        layout.addWidget(self.list, 1)
        self.help_button = QPushButton(icon("help"), self.tr("Get help now"))
        self.help_button.setObjectName("GetHelpButton")
        self.help_button.setAccessibleName(self.tr("Get help now"))
        self.help_button.setToolTip(self.tr("Crisis phone numbers, if you are struggling"))
        self.help_button.clicked.connect(self.help_requested)
        layout.addWidget(self.help_button)
        self.about_button = link_button(self.tr("About VitiDesk"))
        self.about_button.clicked.connect(self.about_requested)
        layout.addWidget(self.about_button)

    def select(self, index: int) -> None:
        if 0 <= index < self.list.count():
            self.list.setCurrentRow(index)
