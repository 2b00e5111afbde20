"""The numbers to call in a crisis, large enough to read at a glance.

The saved local number comes first, then the lines for the region the person chose. With no
region chosen it asks where they live (one click) instead of listing every country at once;
"somewhere else" points to the local emergency number and a number of their own. It follows
the settings live, wherever they are changed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from vitidesk.core.crisis import CrisisDirectory, load_crisis_directory
from vitidesk.ui.app_state import AppState
from vitidesk.ui.widgets.layouts import clear_layout
from vitidesk.ui.widgets.page import link_button, wrapped_label

SOMEWHERE_ELSE = "OTHER"
PICKER_COLUMNS = 3  # region buttons per row: three names fit the narrowest dialog and page


class CrisisContacts(QWidget):
    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.directory: CrisisDirectory = load_crisis_directory()
        self.setAccessibleName(self.tr("Crisis phone numbers"))
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.column.setSpacing(10)
        self.numbers: list[QLabel] = []
        self.region_buttons: dict[str, QPushButton] = {}
        state.settings_changed.connect(self._setting_changed)
        state.store_replaced.connect(self.rebuild)
        self.rebuild()

    def _setting_changed(self, name: str) -> None:
        if name in ("region", "local_crisis_number"):
            self.rebuild()

    def rebuild(self) -> None:
        clear_layout(self.column)
        self.numbers = []
        self.region_buttons = {}
        settings = self.state.settings
        local = settings.local_crisis_number.strip()
        if local:
            self._number(self.tr("Your saved number"), local, "")
        region = self.directory.region(settings.region)
        if region is not None:
            for contact in region.contacts:
                self._number(contact.name, contact.number, contact.details)
            change = link_button(self.tr("Not in {0}? Change where you live").format(region.name))
            change.clicked.connect(lambda: self.state.set_setting("region", ""))
            self.column.addWidget(change, 0, Qt.AlignmentFlag.AlignLeft)
        elif settings.region == SOMEWHERE_ELSE:
            self.column.addWidget(
                wrapped_label(
                    self.tr(
                        "Call your local emergency number, or a crisis line where you live. "
                        "You can save your clinic's or a local helpline's number here."
                    )
                )
            )
            change = link_button(self.tr("Change where you live"))
            change.clicked.connect(lambda: self.state.set_setting("region", ""))
            self.column.addWidget(change, 0, Qt.AlignmentFlag.AlignLeft)
        else:
            self._region_picker()

    def _number(self, name: str, number: str, details: str) -> None:
        title = wrapped_label(name)
        title.setStyleSheet("font-weight: 600;")
        self.column.addWidget(title)
        big = QLabel(number)
        big.setObjectName("CrisisNumber")
        big.setStyleSheet("font-size: 20pt; font-weight: 700;")
        big.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        big.setAccessibleName(self.tr("{0}: {1}").format(name, number))
        self.column.addWidget(big)
        self.numbers.append(big)
        if details:
            self.column.addWidget(wrapped_label(details, "Muted"))

    def _region_picker(self) -> None:
        self.column.addWidget(
            wrapped_label(self.tr("Where do you live? Choose, and the right numbers show here."))
        )
        grid = QGridLayout()
        grid.setSpacing(8)
        choices = [(region.id, region.name) for region in self.directory.regions]
        choices.append((SOMEWHERE_ELSE, self.tr("Somewhere else")))
        for index, (region_id, name) in enumerate(choices):
            button = QPushButton(name)
            button.clicked.connect(lambda _=False, r=region_id: self.state.set_setting("region", r))
            grid.addWidget(button, index // PICKER_COLUMNS, index % PICKER_COLUMNS)
            self.region_buttons[region_id] = button
        grid.setColumnStretch(PICKER_COLUMNS, 1)
        self.column.addLayout(grid)

    def text(self) -> str:
        return "\n".join(
            label.text() for label in self.findChildren(QLabel) if label.isVisibleTo(self)
        )
