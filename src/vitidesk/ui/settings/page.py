"""Settings and About: where the data live, checking them, crisis region, demo reset."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
)

from vitidesk import __version__
from vitidesk.core.crisis import load_crisis_directory
from vitidesk.services.settings import CheckReport
from vitidesk.ui.about_dialog import AboutDialog, description_text, privacy_text
from vitidesk.ui.app_state import AppState
from vitidesk.ui.demo_actions import reset_demo_profile
from vitidesk.ui.shortcuts import StandardKey, with_key
from vitidesk.ui.tasks import run_in_background
from vitidesk.ui.widgets.crisis_contacts import SOMEWHERE_ELSE
from vitidesk.ui.widgets.page import Card, SectionPage, wrapped_label


class SettingsPage(SectionPage):
    def __init__(self, state: AppState) -> None:
        super().__init__(
            self.tr("Settings and About"),
            self.tr("Where your data are kept, help contacts for your region, and about VitiDesk."),
        )
        self.state = state
        self.add(self._data_card())
        self.add(self._crisis_card())
        self.add(self._display_card())
        if state.demo:
            self.add(self._demo_card())
        self.add(self._about_card())
        state.store_replaced.connect(self._load_settings)
        state.settings_changed.connect(self._setting_changed)  # set elsewhere, shown here too
        self._load_settings()

    def _setting_changed(self, name: str) -> None:
        if name in ("region", "local_crisis_number", "appearance", "reduced_motion"):
            self._load_settings()

    # -- cards ---------------------------------------------------------------------------
    def _data_card(self) -> Card:
        card = Card(self.tr("Your data"))
        card.add_text(privacy_text())
        folder = wrapped_label(str(self.state.paths.data_dir), "Muted")
        folder.setAccessibleName(self.tr("Data folder"))
        card.body.addWidget(folder)
        row = QHBoxLayout()
        open_button = QPushButton(self.tr("Open data folder"))
        open_button.clicked.connect(self._open_folder)
        self.check_button = QPushButton(self.tr("Check my data"))
        self.check_button.setToolTip(self.tr("Verify the database and every stored file"))
        self.check_button.clicked.connect(self.run_check)
        row.addWidget(open_button)
        row.addWidget(self.check_button)
        row.addStretch(1)
        card.body.addLayout(row)
        self.check_result = wrapped_label("")
        self.check_result.setAccessibleName(self.tr("Result of the data check"))
        self.check_result.hide()
        card.body.addWidget(self.check_result)
        return card

    def _crisis_card(self) -> Card:
        card = Card(self.tr("Help in a crisis"))
        card.add_text(
            self.tr(
                'Choose where you live so "Get help" shows the right phone numbers. '
                "You can also save a local number, such as your clinic's."
            )
        )
        form = QFormLayout()
        self.region_box = QComboBox()
        regions = [(region.id, region.name) for region in load_crisis_directory().regions]
        for code, label in [
            ("", self.tr("Not set")),
            *regions,
            (SOMEWHERE_ELSE, self.tr("Somewhere else")),
        ]:
            self.region_box.addItem(label, code)
        self.region_box.currentIndexChanged.connect(self._region_chosen)
        self.local_number = QLineEdit()
        self.local_number.setPlaceholderText(
            self.tr("For example, your clinic or a local helpline")
        )
        self.local_number.editingFinished.connect(self._local_number_edited)
        region_label = QLabel(self.tr("&Region:"))
        region_label.setBuddy(self.region_box)
        number_label = QLabel(self.tr("&Local number:"))
        number_label.setBuddy(self.local_number)
        self.region_box.setAccessibleName(self.tr("Region"))
        self.local_number.setAccessibleName(self.tr("Local number"))
        form.addRow(region_label, self.region_box)
        form.addRow(number_label, self.local_number)
        card.body.addLayout(form)
        return card

    def _display_card(self) -> Card:
        card = Card(self.tr("Display"))
        self.appearance_box = QComboBox()
        for code, label in (
            ("system", self.tr("Follow the system")),
            ("light", self.tr("Light")),
            ("dark", self.tr("Dark")),
        ):
            self.appearance_box.addItem(label, code)
        self.appearance_box.setAccessibleName(self.tr("Appearance"))
        self.appearance_box.currentIndexChanged.connect(
            lambda: self.state.set_setting("appearance", self.appearance_box.currentData())
        )
        appearance_label = QLabel(self.tr("&Appearance:"))
        appearance_label.setBuddy(self.appearance_box)
        form = QFormLayout()
        form.addRow(appearance_label, self.appearance_box)
        card.body.addLayout(form)
        self.reduce_motion = QCheckBox(self.tr("Reduce motion (diagrams stay still)"))
        self.reduce_motion.setAccessibleName(self.tr("Reduce motion"))
        self.reduce_motion.toggled.connect(
            lambda on: self.state.set_setting("reduced_motion", bool(on))
        )
        card.body.addWidget(self.reduce_motion)
        return card

    def _demo_card(self) -> Card:
        card = Card(self.tr("Demo profile"))
        card.add_text(
            self.tr(
                "You are using the demo profile. It holds sample data only and is kept apart "
                "from your own data."
            )
        )
        self.reset_button = QPushButton(self.tr("Reset demo"))
        self.reset_button.clicked.connect(lambda: reset_demo_profile(self.state, self))
        row = QHBoxLayout()
        row.addWidget(self.reset_button)
        row.addStretch(1)
        card.body.addLayout(row)
        return card

    def _about_card(self) -> Card:
        card = Card(self.tr("About"))
        # The medical disclaimer is one click away (the footer, and About VitiDesk), once.
        card.add_text(self.tr("VitiDesk {0}. {1}").format(__version__, description_text()))
        about = QPushButton(self.tr("About VitiDesk…"))
        about.clicked.connect(self.show_about)
        keys = QPushButton(self.tr("Keyboard shortcuts…"))
        keys.setToolTip(with_key(self.tr("Every shortcut in VitiDesk"), StandardKey.HelpContents))
        keys.clicked.connect(self.show_shortcuts)
        row = QHBoxLayout()
        row.addWidget(about)
        row.addWidget(keys)
        row.addStretch(1)
        card.body.addLayout(row)
        return card

    # -- actions -------------------------------------------------------------------------
    def _load_settings(self) -> None:
        settings = self.state.settings
        index = self.region_box.findData(settings.region)
        self.region_box.blockSignals(True)
        self.region_box.setCurrentIndex(max(index, 0))
        self.region_box.blockSignals(False)
        if self.local_number.text().strip() != settings.local_crisis_number:
            self.local_number.setText(settings.local_crisis_number)
        self.appearance_box.blockSignals(True)
        self.appearance_box.setCurrentIndex(
            max(self.appearance_box.findData(settings.appearance), 0)
        )
        self.appearance_box.blockSignals(False)
        self.reduce_motion.blockSignals(True)
        self.reduce_motion.setChecked(settings.reduced_motion)
        self.reduce_motion.blockSignals(False)

    def _region_chosen(self) -> None:
        self.state.set_setting("region", self.region_box.currentData())

    def _local_number_edited(self) -> None:
        self.state.set_setting("local_crisis_number", self.local_number.text().strip())

    def _open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.state.paths.data_dir)))

    def show_about(self) -> None:
        AboutDialog(str(self.state.paths.data_dir), self).exec()

    def show_shortcuts(self) -> None:
        """The main window owns the list of sections; a section never imports the others."""
        window = self.window()
        if hasattr(window, "show_shortcuts"):
            window.show_shortcuts()

    def run_check(self) -> None:
        self.check_button.setEnabled(False)
        self.check_result.setText(self.tr("Checking…"))
        self.check_result.show()
        settings = self.state.settings
        run_in_background(
            self, settings.check, self._show_check, self._check_failed, key=(self, "check")
        )

    def _check_failed(self, error: BaseException) -> None:
        self.check_button.setEnabled(True)
        self.check_result.setText(str(error))

    def _show_check(self, report: CheckReport) -> None:
        self.check_button.setEnabled(True)
        if report.healthy:
            text = self.tr("All good: the database and all {0} stored files are intact.").format(
                report.files_checked
            )
        else:
            text = self.tr("Problems found:") + "\n" + "\n".join(report.problems)
        self.check_result.setText(text)


def build_settings_page(state: AppState) -> SettingsPage:
    return SettingsPage(state)
