"""The comparison screen: pick two photos, switch modes, align them, estimate the change."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QKeySequence, QPolygonF, QShortcut, QTransform
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QScrollArea,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from vitidesk.core.alignment import AlignmentResult
from vitidesk.errors import UserError
from vitidesk.services.measurements import MeasurementService
from vitidesk.services.photos import Photo, PhotosService
from vitidesk.ui.compare.canvas import MASK_COLOURS, MODES, CompareCanvas
from vitidesk.ui.compare.legend import CompareLegend
from vitidesk.ui.compare.loader import LoadedPhoto, load_photo
from vitidesk.ui.compare.measure_panel import MeasurePanel
from vitidesk.ui.shortcuts import StandardKey, bind
from vitidesk.ui.tasks import run_in_background, tasks
from vitidesk.ui.widgets.page import wrapped_label

SCROLL_BAR_ROOM = 16  # the side panel's scroll bar, when a very short window needs it

MODE_NAMES = {
    "side": "Side by side",
    "swipe": "Swipe",
    "overlay": "Overlay",
    "blink": "Blink",
    "difference": "Difference",
}


def default_pair(photos: list[Photo]) -> tuple[Photo, Photo] | None:
    """The first and the latest photo of one body site (the site with the most photos)."""
    by_site: dict[int, list[Photo]] = {}
    for photo in photos:
        if photo.light == "visible":
            by_site.setdefault(photo.site_id, []).append(photo)
    candidates = [group for group in by_site.values() if len(group) >= 2]
    if not candidates:
        return None
    group = max(candidates, key=len)
    group.sort(key=lambda p: (p.taken_at, p.id))
    return group[0], group[-1]


class CompareView(QWidget):
    closed = Signal()

    def __init__(
        self, library: PhotosService, measurements: MeasurementService | None = None
    ) -> None:
        super().__init__()
        self.library = library
        # Where each photo's region and marks are kept (AppState hands out the store's).
        self.measurements = measurements if measurements is not None else MeasurementService()
        self.setAccessibleName(self.tr("Compare photos"))
        self.pair: list[Photo | None] = [None, None]
        self.aligned = False
        self.load_error = ""
        self._loading = [0, 0]  # one number per side, raised each time a photo is chosen
        outer = QVBoxLayout(self)
        outer.setContentsMargins(20, 14, 20, 10)
        outer.addLayout(self._top_row())
        outer.addLayout(self._mode_row())
        self.warning = wrapped_label("")
        self.warning.setObjectName("WarningBanner")
        self.warning.hide()
        outer.addWidget(self.warning)
        body = QHBoxLayout()
        picture = QVBoxLayout()
        picture.setSpacing(0)
        self.canvas = CompareCanvas()
        picture.addWidget(self.canvas, 1)
        self.legend = CompareLegend()
        picture.addWidget(self.legend)
        body.addLayout(picture, 1)
        self.panel = MeasurePanel(self)
        # Only a fallback for very short windows: at 1280 x 720 the panel fits as it is.
        self.side = QScrollArea()
        self.side.setWidget(self.panel)
        self.side.setWidgetResizable(True)
        self.side.setFrameShape(QFrame.Shape.NoFrame)
        self.side.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.side.setFixedWidth(self.panel.width() + SCROLL_BAR_ROOM)
        self.side.setAccessibleName(self.tr("Alignment and estimate"))
        body.addWidget(self.side)
        outer.addLayout(body, 1)
        self.canvas.landmark_added.connect(self._landmarks_changed)
        self.canvas.region_drawn.connect(self._region_drawn)
        self.canvas.scale_picked.connect(self._scale_picked)
        self.canvas.mark_made.connect(lambda index, *_: self.panel.mark_made(index))
        self._shortcuts()

    # -- layout --------------------------------------------------------------------------
    def _top_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        back = QPushButton(self.tr("◀ Back to photos"))
        back.clicked.connect(self.closed)
        row.addWidget(back)
        row.addSpacing(12)
        self.pickers: list[QComboBox] = []
        for index, text in enumerate((self.tr("&Before:"), self.tr("&After:"))):
            label = QLabel(text)
            picker = QComboBox()
            picker.setAccessibleName(text.replace("&", "").rstrip(":"))
            picker.setMinimumContentsLength(18)
            picker.currentIndexChanged.connect(lambda _=0, i=index: self._picked(i))
            label.setBuddy(picker)
            row.addWidget(label)
            row.addWidget(picker, 1)
            self.pickers.append(picker)
        return row

    def _mode_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.mode_group = QButtonGroup(self)
        self.mode_buttons: dict[str, QPushButton] = {}
        for number, mode in enumerate(MODES, start=1):
            button = QPushButton(f"{self.tr(MODE_NAMES[mode])} ({number})")
            button.setCheckable(True)
            button.setStyleSheet("padding: 6px 10px;")
            button.clicked.connect(lambda _=False, m=mode: self.set_mode(m))
            self.mode_group.addButton(button)
            self.mode_buttons[mode] = button
            row.addWidget(button)
        self.mode_buttons["side"].setChecked(True)
        row.addStretch(1)
        self.opacity = QSlider(Qt.Orientation.Horizontal)
        self.opacity.setRange(0, 100)
        self.opacity.setValue(50)
        self.opacity.setMaximumWidth(120)
        self.opacity.setAccessibleName(self.tr("Overlay opacity"))
        self.opacity.valueChanged.connect(self._opacity_changed)
        self.opacity.setVisible(False)
        row.addWidget(self.opacity)
        for text, tip, action in (
            (self.tr("Fit"), self.tr("Fit to the window (F)"), self.canvas_fit),
            (self.tr("100%"), self.tr("Actual pixels (0)"), lambda: self.canvas.actual_size()),
        ):
            button = QPushButton(text)
            button.setToolTip(tip)
            button.setStyleSheet("padding: 6px 10px;")
            button.clicked.connect(action)
            row.addWidget(button)
        self.link = QCheckBox(self.tr("Zoom linked (L)"))
        self.link.setChecked(True)
        self.link.setToolTip(
            self.tr("Unlink to move each photo on its own, for photos not aligned")
        )
        self.link.toggled.connect(lambda on: self.canvas.set_linked(on))
        row.addWidget(self.link)
        return row

    def _shortcuts(self) -> None:
        for number, mode in enumerate(MODES, start=1):
            QShortcut(QKeySequence(str(number)), self, lambda m=mode: self.set_mode(m))
        for key, action in (
            ("F", self.canvas_fit),
            ("0", lambda: self.canvas.actual_size()),
            ("+", lambda: self.canvas.zoom_by(1.25)),
            ("=", lambda: self.canvas.zoom_by(1.25)),
            ("-", lambda: self.canvas.zoom_by(0.8)),
            (StandardKey.ZoomIn, lambda: self.canvas.zoom_by(1.25)),
            (StandardKey.ZoomOut, lambda: self.canvas.zoom_by(0.8)),
            ("L", lambda: self.link.toggle()),
            ("Escape", self.closed.emit),
        ):
            bind(self, [key], action)

    # -- choosing photos -----------------------------------------------------------------
    def open_pair(self, photos: list[Photo], before: Photo, after: Photo) -> None:
        self.photos = photos
        self.canvas.region = None  # a new pair: a box drawn on the last one means nothing here
        self.canvas.marks = [[], []]
        for picker, chosen in zip(self.pickers, (before, after), strict=True):
            picker.blockSignals(True)
            picker.clear()
            for photo in photos:
                light = " · UV" if photo.light == "uv" else ""
                picker.addItem(f"{photo.site} · {photo.taken_at.isoformat()}{light}", photo.id)
            picker.setCurrentIndex(max(0, picker.findData(chosen.id)))
            picker.blockSignals(False)
        self._load(0, before)
        self._load(1, after)
        self._restore_measurement(before, after)
        self.canvas.follow_fit()
        self.canvas.setFocus()

    def _restore_measurement(self, before: Photo, after: Photo) -> None:
        """The region and marks last measured on the earlier photo (and the later photo's own
        marks): the same skin is measured again, carried to the later photo by the alignment."""
        from vitidesk.ui.compare.jobs import marks_from_seeds

        service = self.measurements
        saved = service.load(before.id)
        if saved is None or not saved.outline:
            return
        self.canvas.region = QPolygonF([QPointF(x, y) for x, y in saved.outline])
        self.canvas.region_kind = "box" if _is_box(saved.outline) else "freehand"
        self.canvas.marks[0] = marks_from_seeds(saved.seeds)
        later = service.load(after.id)
        if later is not None and not later.seeds.empty():
            self.canvas.marks[1] = marks_from_seeds(later.seeds)
        self.restored_from = before.taken_at
        self.refresh_legend()
        self.panel.measure()

    def _picked(self, index: int) -> None:
        photo_id = self.pickers[index].currentData()
        photo = next((p for p in self.photos if p.id == photo_id), None)
        if photo is not None:
            self._load(index, photo)

    def _load(self, index: int, photo: Photo) -> None:
        self.pair[index] = photo
        # An alignment or estimate still running is for the pair before: never shown.
        tasks().cancel(self.align_key)
        tasks().cancel(self.panel.estimate_key)
        self.reset_alignment()
        self.panel.clear_results()
        label = photo.taken_at.strftime("%d %b %Y") + (" · UV" if photo.light == "uv" else "")
        self.load_error = ""
        self._loading[index] += 1
        token = self._loading[index]

        def current() -> bool:  # a photo chosen since then wins, however late this one is
            return self._loading[index] == token

        def preview(loaded: LoadedPhoto) -> None:
            if current():
                self.canvas.set_photo(index, loaded, label)

        def detailed(_loaded: LoadedPhoto) -> None:
            if current():
                self.canvas.update()

        def failed(error: BaseException) -> None:
            if current():
                self._load_failed(error)

        load_photo(self, self.library.path_of(photo), preview, detailed, failed)
        self._check_pair()

    def _load_failed(self, error: BaseException) -> None:
        self.load_error = error.one_line() if isinstance(error, UserError) else str(error)
        self._check_pair()

    def _check_pair(self) -> None:
        before, after = self.pair
        notes = []
        if before and after and before.light != after.light:
            notes.append(
                self.tr(
                    "One photo was taken under UV light and the other in normal light. "
                    "Compare like with like: the patches look very different under UV."
                )
            )
        if before and after and before.site_id != after.site_id:
            notes.append(self.tr("These photos are of different body sites."))
        if before and after and before.taken_at > after.taken_at:
            notes.append(self.tr("The 'before' photo is newer than the 'after' photo."))
        if self.load_error:
            notes.append(self.load_error)
        self.warning.setText("  ".join(notes))
        self.warning.setVisible(bool(notes))

    # -- modes and view ------------------------------------------------------------------
    def set_mode(self, mode: str) -> None:
        self.canvas.set_mode(mode)
        self.mode_buttons[mode].setChecked(True)
        self.opacity.setVisible(mode == "overlay")
        self.refresh_legend()

    def canvas_fit(self) -> None:
        self.canvas.fit_all()

    def _opacity_changed(self, value: int) -> None:
        self.canvas.opacity = value / 100
        self.canvas.update()

    # -- alignment -----------------------------------------------------------------------
    def reset_alignment(self) -> None:
        self.aligned = False
        self.canvas.set_transform(QTransform())
        self.canvas.ref_points.clear()
        self.canvas.moving_points.clear()
        self.panel.alignment_changed(None)

    def align_automatically(self) -> None:
        before, after = self.pair
        if before is None or after is None:
            return
        from vitidesk.ui.compare.jobs import align

        self.panel.say_alignment(self.tr("Aligning…"))
        before_path, after_path = self.library.path_of(before), self.library.path_of(after)
        run_in_background(
            self,
            lambda: align(before_path, after_path),
            self._aligned_automatically,
            lambda error: self.panel.say_alignment(str(error)),
            key=self.align_key,
        )

    @property
    def align_key(self) -> tuple[object, str]:
        """The newest automatic alignment of this view wins; a photo switch drops it."""
        return (self, "align")

    def _aligned_automatically(self, result: AlignmentResult) -> None:
        if not result.trusted:  # core.alignment owns the cut-off
            self.panel.alignment_changed(None)
            self.panel.say_alignment(
                self.tr(
                    "VitiDesk could not line these photos up by itself. Use “Pick matching "
                    "points” and click the same 2 or 3 spots on each photo."
                )
            )
            return
        self.apply_alignment(result.transform)

    def apply_alignment(self, similarity) -> None:
        from vitidesk.ui.compare.jobs import similarity_to_qtransform

        self.canvas.set_transform(similarity_to_qtransform(similarity))
        self.aligned = True
        self.panel.alignment_changed(similarity)
        measured = self.panel.estimates is not None
        self.panel.clear_results()
        if measured and self.canvas.region is not None:
            self.panel.measure()  # the region now lands on the same skin of the later photo

    def _landmarks_changed(self) -> None:
        refs, moving = self.canvas.ref_points, self.canvas.moving_points
        self.panel.landmarks_changed(len(refs), len(moving))

    def apply_landmarks(self) -> None:
        from vitidesk.ui.compare.jobs import fit_landmarks

        refs, moving = self.canvas.ref_points, self.canvas.moving_points
        count = min(len(refs), len(moving))
        if count < 2:
            self.panel.say_alignment(
                self.tr("Click at least 2 matching points on each photo first.")
            )
            return
        # Points on the later photo were clicked in its own pixels: fit from those.
        try:
            similarity = fit_landmarks(moving[:count], refs[:count])
        except ValueError as exc:
            self.panel.say_alignment(str(exc))
            return
        self.canvas.tool = "pan"
        self.apply_alignment(similarity)

    def _scale_picked(self, first: QPointF, second: QPointF) -> None:
        length, ok = QInputDialog.getDouble(
            self,
            self.tr("Set the scale"),
            self.tr("Length between the two points, in cm:"),
            1.0,
            0.1,
            100.0,
            1,
        )
        if ok:
            self.panel.set_scale(first, second, length)
        self.canvas.tool = "pan"

    def region(self) -> QPolygonF | None:
        return self.canvas.region

    def show_masks(self, masks) -> None:
        self.canvas.masks = masks
        self.canvas.update()
        self.refresh_legend()

    def _region_drawn(self, _region: QPolygonF) -> None:
        self.refresh_legend()
        self.panel.forget_sessions()
        self.panel.measure()

    def refresh_legend(self) -> None:
        before, after = (
            photo.taken_at.strftime("%d %b %Y") if photo is not None else "" for photo in self.pair
        )
        self.legend.follow(self.canvas, (before, after))

    def keep_result_in_view(self) -> None:
        """The numbers and the note under them are seen together, even in a short window."""
        self.side.ensureWidgetVisible(self.panel.result, 0, 0)
        self.side.ensureWidgetVisible(self.panel.note, 0, 0)

    @staticmethod
    def mask_colours():
        return MASK_COLOURS


def _is_box(outline) -> bool:
    """Whether an outline is an upright rectangle (as the Box tool draws it)."""
    xs = {round(x, 3) for x, _ in outline}
    ys = {round(y, 3) for _, y in outline}
    return len(xs) == 2 and len(ys) == 2
