"""Adding photos: choose files (or drop them), pick the body site, light and date, then import
in the background and show what happened to each file."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from vitidesk.services.photos import DUPLICATE, IMPORTED, REFUSED, ImportOutcome, Site
from vitidesk.ui.tasks import STORE_GUARD, Job
from vitidesk.ui.widgets.date_field import date_field, date_of

if TYPE_CHECKING:
    from vitidesk.ui.app_state import AppState

FILE_FILTER = (
    "Photos (*.jpg *.jpeg *.png *.webp *.heic *.heif *.tif *.tiff *.gif *.bmp);;All files (*)"
)


def choose_files(parent: QWidget) -> list[Path]:
    names, _ = QFileDialog.getOpenFileNames(
        parent, parent.tr("Add photos"), "", parent.tr(FILE_FILTER)
    )
    return [Path(name) for name in names]


class ImportOptionsDialog(QDialog):
    """Where the new photos go: body site, light, and date."""

    def __init__(self, sites: list[Site], current: Site | None, count: int, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add {0} photo(s)").format(count))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.site_box = QComboBox()
        self.site_box.setAccessibleName(self.tr("Body site"))
        for site in sites:
            self.site_box.addItem(site.name, site.id)
        if current is not None:
            self.site_box.setCurrentIndex(max(0, self.site_box.findData(current.id)))
        site_label = QLabel(self.tr("&Body site:"))
        site_label.setBuddy(self.site_box)
        form.addRow(site_label, self.site_box)
        self.visible = QRadioButton(self.tr("Normal light"))
        self.visible.setChecked(True)
        self.uv = QRadioButton(self.tr("UV light (Wood's lamp)"))
        light_box = QVBoxLayout()
        light_box.addWidget(self.visible)
        light_box.addWidget(self.uv)
        form.addRow(QLabel(self.tr("Light:")), light_box)
        self.set_date = QCheckBox(self.tr("Set the date myself"))
        self.set_date.setToolTip(
            self.tr("Otherwise VitiDesk uses the date the camera saved, or the file's date")
        )
        self.date_edit = date_field(QDate.currentDate(), self.tr("Date taken"))
        self.date_edit.setEnabled(False)
        self.set_date.toggled.connect(self.date_edit.setEnabled)
        form.addRow(self.set_date, self.date_edit)
        layout.addLayout(form)
        note = QLabel(
            self.tr(
                "VitiDesk keeps a private copy of each photo on this computer, without location "
                "or camera details. Your original files are not changed."
            )
        )
        note.setWordWrap(True)
        note.setObjectName("Muted")
        layout.addWidget(note)
        guide = QPushButton(self.tr("How to take consistent photos…"))
        guide.setObjectName("LinkButton")
        guide.clicked.connect(self._show_guide)
        layout.addWidget(guide)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Add photos"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _show_guide(self) -> None:
        from vitidesk.ui.photos.capture_guide import CaptureGuideDialog

        CaptureGuideDialog(self).exec()

    def site_id(self) -> int:
        return int(self.site_box.currentData())

    def light(self) -> str:
        return "uv" if self.uv.isChecked() else "visible"

    def taken(self) -> dt.date | None:
        if not self.set_date.isChecked():
            return None
        return date_of(self.date_edit)


@dataclass(frozen=True)
class ImportRequest:
    """What to import, and where: the files, their body site, light and date (None: the
    camera's date, or the file's)."""

    paths: list[Path]
    site: Site
    light: str
    taken: dt.date | None


def run_import(
    state: AppState,
    owner: QWidget,
    request: ImportRequest,
    *,
    on_done: Callable[[list[ImportOutcome]], None],
    on_error: Callable[[BaseException], None],
    on_progress: Callable[[int, int], None],
    allow_duplicates: bool = False,
) -> bool:
    """Import on a worker, one import (or restore) at a time: False if another one runs.
    ``on_progress(done, total)`` after each file; closing the window stops between files."""
    photos = state.photos
    total = len(request.paths)

    def work(job: Job) -> list[ImportOutcome]:
        return photos.import_files(
            request.paths,
            site=request.site,
            taken=request.taken,
            light=request.light,
            allow_duplicates=allow_duplicates,
            progress=lambda index, _outcome: job.stopping_progress(index + 1, total),
        )

    job = state.tasks.start(
        owner, work, on_done, on_error, guard=STORE_GUARD, on_progress=on_progress
    )
    return job is not None


class ImportResultDialog(QDialog):
    """What happened to each file; duplicates can still be imported on request."""

    def __init__(self, outcomes: list[ImportOutcome], parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Photos added"))
        self.resize(620, 420)
        self.import_duplicates = False
        layout = QVBoxLayout(self)
        counts = {
            status: sum(o.status == status for o in outcomes)
            for status in (IMPORTED, DUPLICATE, REFUSED)
        }
        summary = QLabel(
            self.tr("{0} added, {1} already in your library, {2} could not be added.").format(
                counts[IMPORTED], counts[DUPLICATE], counts[REFUSED]
            )
        )
        summary.setWordWrap(True)
        summary.setObjectName("CardTitle")
        layout.addWidget(summary)
        details = QTextBrowser()
        details.setAccessibleName(self.tr("Details for each file"))
        lines = []
        for outcome in outcomes:
            if outcome.status == IMPORTED:
                continue
            kind = self.tr("Skipped") if outcome.status == DUPLICATE else self.tr("Not added")
            lines.append(f"<p><b>{kind}:</b> {_escape(outcome.message)}</p>")
        details.setHtml("".join(lines) or self.tr("<p>Every file was added.</p>"))
        layout.addWidget(details, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        if counts[DUPLICATE]:
            again = buttons.addButton(
                self.tr("Add the skipped ones anyway"), QDialogButtonBox.ButtonRole.ActionRole
            )
            again.clicked.connect(self._import_anyway)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.outcomes = outcomes

    def _import_anyway(self) -> None:
        self.import_duplicates = True
        self.accept()

    def duplicates(self) -> list[Path]:
        return [o.source for o in self.outcomes if o.status == DUPLICATE]


def _escape(text: str) -> str:
    from html import escape

    return escape(text)
