"""Report: choose what goes in, preview the pages, save the PDF for the consultation."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QEvent, QObject, QSize, Qt
from PySide6.QtGui import QImage, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from vitidesk.errors import UserError
from vitidesk.services.reports import ReportData, ReportOptions
from vitidesk.ui.app_state import AppState
from vitidesk.ui.shortcuts import StandardKey, bind, with_key
from vitidesk.ui.tasks import Job
from vitidesk.ui.widgets.date_field import date_field, date_of
from vitidesk.ui.widgets.layouts import clear_layout
from vitidesk.ui.widgets.page import Card, wrapped_label

if TYPE_CHECKING:
    from vitidesk.render.pdf_report import ReportLayout

PREVIEW_WIDTH = 560


def default_paper(setting: str) -> str:
    """The saved choice, or Letter where the locale measures in US units, else A4."""
    if setting in ("A4", "Letter"):
        return setting
    from PySide6.QtCore import QLocale

    imperial = QLocale().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem
    return "Letter" if imperial else "A4"


class _OptionsColumn(QWidget):
    """The options column asks for the height its wrapped text takes at its real width, not
    at its narrowest (tallest): its scroll area then has no empty tail and no needless bar."""

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        layout = self.layout()
        if layout is None or not layout.hasHeightForWidth():
            return hint
        return QSize(hint.width(), layout.totalHeightForWidth(max(self.width(), hint.width())))


class ReportPage(QWidget):
    def __init__(self, state: AppState) -> None:
        super().__init__()
        self.state = state
        self.data: ReportData | None = None
        self.pages: list = []
        self.page_labels: list[QLabel] = []
        self.setAccessibleName(self.tr("Report"))
        outer = QHBoxLayout(self)
        outer.setContentsMargins(28, 20, 28, 12)
        left_widget = _OptionsColumn()
        left_widget.setObjectName("PageInner")
        left = QVBoxLayout(left_widget)
        left.setContentsMargins(0, 0, 8, 0)
        self.title_label = QLabel(self.tr("Report"))
        self.title_label.setObjectName("PageTitle")
        left.addWidget(self.title_label)
        left.addWidget(
            wrapped_label(
                self.tr("A printable summary for your dermatologist. You choose what goes in."),
                "PageLead",
            )
        )
        left.addWidget(self._options())
        from vitidesk.ui.report.data_card import DataCard

        self.data_card = DataCard(state)
        left.addWidget(self.data_card)
        left.addStretch(1)
        left_scroll = self.options_scroll = QScrollArea()
        left_scroll.setWidgetResizable(True)
        left_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        left_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        left_scroll.setWidget(left_widget)
        # Never narrower than its widest control plus the scroll bar: nothing is cut and
        # there is nothing to scroll sideways to.
        bar = left_scroll.verticalScrollBar().sizeHint().width()
        left_scroll.setMinimumWidth(max(300, left_widget.minimumSizeHint().width() + bar))
        left_scroll.setAccessibleName(self.tr("Report options"))
        outer.addWidget(left_scroll, 2)
        self.preview = QWidget()
        self.preview_column = QVBoxLayout(self.preview)
        self.preview_hint = wrapped_label(
            self.tr("Choose what to include, then press Preview to see the pages here."),
            "Muted",
        )
        self.preview_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview_column.addWidget(self.preview_hint)
        scroll = self.preview_scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.preview)
        scroll.setAccessibleName(self.tr("Report preview"))
        scroll.setMinimumWidth(200)
        scroll.viewport().installEventFilter(self)  # a scroll bar coming or going: refit
        outer.addWidget(scroll, 3)
        state.store_replaced.connect(self._reset)
        state.photos_changed.connect(self._reset)
        state.responses_changed.connect(self._reset)

    def _options(self) -> Card:
        card = Card(self.tr("What to include"))
        form = QFormLayout()
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("Optional, for the cover"))
        self.name.setAccessibleName(self.tr("Name on the cover"))
        form.addRow(self.tr("Name:"), self.name)
        self.use_since = QCheckBox(self.tr("Only from"))
        self.since = date_field(QDate.currentDate().addYears(-1), self.tr("Start date"))
        self.since.setEnabled(False)
        self.use_since.toggled.connect(self.since.setEnabled)
        form.addRow(self.use_since, self.since)
        self.paper = QComboBox()
        self.paper.addItems(["A4", "Letter"])
        self.paper.setAccessibleName(self.tr("Paper size"))
        self.paper.setCurrentText(default_paper(self.state.settings.paper_size))
        self.paper.currentTextChanged.connect(
            lambda text: self.state.set_setting("paper_size", text)
        )
        form.addRow(self.tr("Paper:"), self.paper)
        card.body.addLayout(form)
        self.include_photos = QCheckBox(self.tr("Photos and estimates"))
        self.include_photos.setChecked(True)
        self.include_wellbeing = QCheckBox(self.tr("Wellbeing questionnaires"))
        self.include_wellbeing.setChecked(True)
        card.body.addWidget(self.include_photos)
        self.site_boxes: dict[str, QCheckBox] = {}
        self.site_column = QVBoxLayout()
        self.site_column.setContentsMargins(24, 0, 0, 0)
        card.body.addLayout(self.site_column)
        card.body.addWidget(self.include_wellbeing)
        self.instrument_boxes: dict[str, QCheckBox] = {}
        self.instrument_column = QVBoxLayout()
        self.instrument_column.setContentsMargins(24, 0, 0, 0)
        card.body.addLayout(self.instrument_column)
        self.include_photos.toggled.connect(lambda on: _enable(self.site_boxes.values(), on))
        self.include_wellbeing.toggled.connect(
            lambda on: _enable(self.instrument_boxes.values(), on)
        )
        self._fill_choices()
        row = QHBoxLayout()
        self.preview_button = QPushButton(self.tr("Preview"))
        self.preview_button.clicked.connect(self.make_preview)
        self.save_button = QPushButton(self.tr("Save PDF…"))
        self.save_button.clicked.connect(lambda: self.save())
        self.save_button.setToolTip(with_key(self.tr("Save the report as a PDF"), StandardKey.Save))
        bind(self, [StandardKey.Save], self._save_key)
        row.addWidget(self.preview_button)
        row.addWidget(self.save_button)
        row.addStretch(1)
        card.body.addLayout(row)
        self.status = card.add_text(
            self.tr("The report is made on this computer and saved only where you choose."), "Muted"
        )
        return card

    def _fill_choices(self) -> None:
        """One box per body site that has photos, and per questionnaire answered."""
        for boxes, column in (
            (self.site_boxes, self.site_column),
            (self.instrument_boxes, self.instrument_column),
        ):
            for box in boxes.values():
                column.removeWidget(box)
                box.deleteLater()
            boxes.clear()
        choices = self.state.reports.choices()
        for name, count in choices.sites:
            box = QCheckBox(f"{name} ({count})")
            box.setChecked(True)
            self.site_boxes[name] = box
            self.site_column.addWidget(box)
        for instrument_id in choices.instruments:
            box = QCheckBox(instrument_id)
            box.setChecked(True)
            self.instrument_boxes[instrument_id] = box
            self.instrument_column.addWidget(box)
        # Boxes made now would come last in the Tab order: put them under their headings.
        chain = [
            self.include_photos,
            *self.site_boxes.values(),
            self.include_wellbeing,
            *self.instrument_boxes.values(),
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _save_key(self) -> None:
        if self.save_button.isEnabled():
            self.save()

    def options(self) -> ReportOptions:
        since = date_of(self.since) if self.use_since.isChecked() else None
        sites = tuple(name for name, box in self.site_boxes.items() if box.isChecked())
        instruments = tuple(i for i, box in self.instrument_boxes.items() if box.isChecked())
        return ReportOptions(
            since=since,
            sites=sites or ("",),
            instruments=instruments or ("",),
            name=self.name.text(),
            include_photos=self.include_photos.isChecked(),
            include_wellbeing=self.include_wellbeing.isChecked(),
            demo=self.state.demo,
        )

    def _reset(self) -> None:
        self.data = None
        self.state.tasks.cancel(self.job_key)  # made from data that just changed
        self._set_working(False)
        self._fill_choices()

    @property
    def job_key(self) -> tuple[object, str]:
        """The newest preview or save wins: pressing Preview twice shows the second."""
        return (self, "report")

    def _set_working(self, working: bool, text: str = "") -> None:
        self.preview_button.setEnabled(not working)
        self.save_button.setEnabled(not working)
        if text:
            self.status.setText(text)

    def _run(
        self, draw: Callable[[ReportData, str], Any], then: Callable[[ReportData, Any], None]
    ) -> None:
        """Gather, measure and draw on a worker (photos make it slow), then ``then`` here."""
        reports, options, paper = self.state.reports, self.options(), self.paper.currentText()

        def work(job: Job) -> tuple[ReportData, Any]:
            data = reports.gather(options, progress=job.stopping_progress)
            job.stop_point()
            return data, draw(data, paper)

        def done(result: tuple[ReportData, Any]) -> None:
            self.data = result[0]
            self._set_working(False)
            then(*result)

        def progress(done_sites: int, total: int) -> None:
            if total:
                self.status.setText(
                    self.tr("Estimating the photos: {0} of {1} body sites…").format(
                        done_sites, total
                    )
                )

        self._set_working(True, self.tr("Preparing the report…"))
        self.state.tasks.start(
            self, work, done, self._failed, key=self.job_key, on_progress=progress
        )

    def _failed(self, error: BaseException) -> None:
        self._set_working(False)
        message = error.one_line() if isinstance(error, UserError) else str(error)
        self.status.setText(self.tr("That did not work: {0}").format(message))

    def make_preview(self) -> None:
        from vitidesk.render.pdf_report import render_pages

        self._run(render_pages, self._show_pages)

    def _show_pages(self, data: ReportData, drawn: tuple[list[QImage], ReportLayout]) -> None:
        clear_layout(self.preview_column)
        self.pages, self.layout_log = drawn
        self.page_labels = []
        for number, _image in enumerate(self.pages, start=1):
            label = QLabel()
            label.setAccessibleName(self.tr("Page {0}").format(number))
            label.setStyleSheet("border: 1px solid #9aa8b0; background: white;")  # paper
            self.preview_column.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
            self.page_labels.append(label)
        self.preview_column.addStretch(1)
        self._fit_pages()
        self.status.setText(self.tr("{0} page(s). Check them, then save.").format(len(self.pages)))

    def _fit_pages(self) -> None:
        """Pages as wide as the preview pane allows (at most PREVIEW_WIDTH): never cut off."""
        width = max(160, min(PREVIEW_WIDTH, self.preview_scroll.viewport().width() - 24))
        for label, image in zip(self.page_labels, self.pages, strict=True):
            if label.pixmap().width() == width:
                continue
            pixmap = QPixmap.fromImage(image).scaledToWidth(
                width, Qt.TransformationMode.SmoothTransformation
            )
            label.setPixmap(pixmap)
            label.setFixedSize(pixmap.size())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.page_labels:
            self._fit_pages()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Resize
            and watched is self.preview_scroll.viewport()
            and self.page_labels
        ):
            self._fit_pages()
        return super().eventFilter(watched, event)

    def save(self, path: Path | None = None) -> None:
        if path is None:
            stamp = dt.date.today().isoformat()
            name, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save the report"), f"VitiDesk report {stamp}.pdf", "PDF (*.pdf)"
            )
            if not name:
                return
            path = Path(name)
        if path.suffix.lower() != ".pdf":
            path = path.with_suffix(".pdf")
        reports = self.state.reports
        try:  # a folder that is gone, or the data folder: said at once, before the work
            reports.check_output(path, force=True)  # the save dialog asked before replacing
        except UserError as exc:
            self._failed(exc)
            return
        target = path

        def draw_and_save(data: ReportData, paper: str) -> ReportLayout:
            from vitidesk.render.pdf_report import pdf_bytes

            payload, layout = pdf_bytes(data, paper)
            try:
                reports.save(payload, target, force=True)
            except OSError as exc:  # disk full, no permission: no file is left behind
                raise UserError(str(target), f"not saved ({exc.strerror or exc})") from None
            return layout

        self._run(draw_and_save, lambda _data, layout: self._saved(target, layout))

    def _saved(self, path: Path, layout: ReportLayout) -> None:
        self.status.setText(self.tr("Saved: {0} ({1} pages)").format(path, len(layout.pages)))
        self.saved_path = path


def _enable(boxes: Iterable[QCheckBox], on: bool) -> None:
    for box in boxes:
        box.setEnabled(on)


def build_report_page(state: AppState) -> QWidget:
    return ReportPage(state)
