"""The side panel: align the pair, then estimate depigmentation in a region on both dates."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from vitidesk.ui.tasks import run_in_background
from vitidesk.ui.widgets.page import link_button, wrapped_label

if TYPE_CHECKING:
    from vitidesk.ui.compare.compare_view import CompareView

ESTIMATE_NOTE = (
    "This is an estimate from the photos, not a diagnosis. Light, angle and distance change it: "
    "take each photo the same way."
)
PANEL_WIDTH = 276  # leaves the photos most of a 1280 px window (sidebar 280 px)
STEPS = ("align", "estimate")


class MeasurePanel(QWidget):
    """Two steps, one shown at a time so each fits a small screen without scrolling:
    "Line up" (align the pair) and "Estimate" (the numbers, with the note right under them)."""

    def __init__(self, view: CompareView) -> None:
        super().__init__()
        self.view = view
        self.setFixedWidth(PANEL_WIDTH)
        self.estimates = None  # PairEstimate
        self.shown = None  # (before, after) after any threshold change
        self.pixels_per_cm: float | None = None
        self.spans = (1.0, 1.0)
        column = QVBoxLayout(self)
        column.setContentsMargins(10, 0, 0, 0)
        column.setSpacing(8)
        column.addLayout(self._step_switch())
        self.pages = QStackedWidget()
        self.pages.addWidget(self._alignment_page())
        self.pages.addWidget(self._estimate_page())
        column.addWidget(self.pages)
        column.addStretch(1)
        self.show_step("align")

    # -- steps ---------------------------------------------------------------------------
    def _step_switch(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(6)
        self.step_group = QButtonGroup(self)
        self.step_buttons: dict[str, QPushButton] = {}
        for key, text, tip in (
            ("align", self.tr("1 Line up"), self.tr("Line the two photos up")),
            ("estimate", self.tr("2 Estimate"), self.tr("Estimate the change in a region")),
        ):
            button = QPushButton(text)
            button.setCheckable(True)
            button.setToolTip(tip)
            button.setAccessibleName(tip)
            button.setStyleSheet("padding: 6px 8px;")
            button.clicked.connect(lambda _=False, k=key: self.show_step(k))
            self.step_group.addButton(button)
            self.step_buttons[key] = button
            row.addWidget(button, 1)
        return row

    def show_step(self, key: str) -> None:
        self.step_buttons[key].setChecked(True)
        self.pages.setCurrentIndex(STEPS.index(key))

    def current_step(self) -> str:
        return STEPS[self.pages.currentIndex()]

    @staticmethod
    def _page() -> tuple[QFrame, QVBoxLayout]:
        frame = QFrame()
        frame.setObjectName("Card")
        body = QVBoxLayout(frame)
        body.setContentsMargins(12, 12, 12, 12)
        body.setSpacing(8)
        return frame, body

    def _alignment_page(self) -> QFrame:
        page, body = self._page()
        heading = wrapped_label(self.tr("Line the photos up"), "CardTitle")
        body.addWidget(heading)
        body.addWidget(
            wrapped_label(
                self.tr("Then the same skin is measured on both dates."),
                "Muted",
            )
        )
        self.align_status = wrapped_label(self.tr("Not aligned yet."))
        self.align_status.setAccessibleName(self.tr("Alignment"))
        body.addWidget(self.align_status)
        self.auto_button = QPushButton(self.tr("Align automatically"))
        self.auto_button.clicked.connect(self.view.align_automatically)
        self.points_button = QPushButton(self.tr("Pick matching points"))
        self.points_button.setCheckable(True)
        self.points_button.setToolTip(
            self.tr("In side-by-side mode, click the same 2 or 3 spots on each photo")
        )
        self.points_button.toggled.connect(self._points_mode)
        self.use_points = QPushButton(self.tr("Use these points"))
        self.use_points.setEnabled(False)
        self.use_points.clicked.connect(self.view.apply_landmarks)
        undo = QPushButton(self.tr("Undo alignment"))
        undo.clicked.connect(self.view.reset_alignment)
        for button in (self.auto_button, self.points_button, self.use_points, undo):
            body.addWidget(button)
        next_step = link_button(self.tr("Next: estimate the change ▶"))
        next_step.clicked.connect(lambda: self.show_step("estimate"))
        body.addWidget(next_step)
        return page

    def _estimate_page(self) -> QFrame:
        page, body = self._page()
        body.addWidget(wrapped_label(self.tr("Estimate the change"), "CardTitle"))
        self.region_button = QPushButton(self.tr("Draw a region"))
        self.region_button.setCheckable(True)
        self.region_button.setToolTip(self.tr("Drag a box around the patch on either photo"))
        self.region_button.toggled.connect(
            lambda on: setattr(self.view.canvas, "tool", "region" if on else "pan")
        )
        self.whole_button = QPushButton(self.tr("Whole photo"))
        self.whole_button.setToolTip(self.tr("Measure all the skin in the photos"))
        self.whole_button.clicked.connect(self._whole_photo)
        row = QHBoxLayout()
        row.setSpacing(6)
        for button in (self.region_button, self.whole_button):
            button.setStyleSheet("padding: 7px 6px;")
            row.addWidget(button, 1)
        body.addLayout(row)
        scale = QPushButton(self.tr("Set the scale…"))
        scale.setToolTip(self.tr("Click both ends of a ruler or coin on the 'before' photo"))
        scale.clicked.connect(lambda: setattr(self.view.canvas, "tool", "scale"))
        body.addWidget(scale)
        self.result = wrapped_label(
            self.tr("Draw a region around a patch, or measure the whole photo.")
        )
        self.result.setAccessibleName(self.tr("Result of the estimate"))
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        body.addWidget(self.result)
        # Right under the numbers, never scrolled away from them.
        self.note = wrapped_label(self.tr(ESTIMATE_NOTE), "Muted")
        self.note.setAccessibleName(self.tr("About the estimate"))
        body.addWidget(self.note)
        slider_row = QHBoxLayout()
        slider_label = QLabel(self.tr("&Sensitivity:"))
        self.threshold = QSlider(Qt.Orientation.Horizontal)
        self.threshold.setRange(-50, 50)
        self.threshold.setValue(0)
        self.threshold.setEnabled(False)
        self.threshold.setAccessibleName(self.tr("Sensitivity of the estimate"))
        self.threshold.setToolTip(
            self.tr("Right counts more skin as patch; left counts only the clearest patches")
        )
        self.threshold.valueChanged.connect(self._threshold_moved)
        slider_label.setBuddy(self.threshold)
        slider_row.addWidget(slider_label)
        slider_row.addWidget(self.threshold, 1)
        body.addLayout(slider_row)
        self.mask_toggle = QCheckBox(self.tr("Show what is counted"))
        self.mask_toggle.setChecked(True)
        self.mask_toggle.toggled.connect(self._mask_toggled)
        body.addWidget(self.mask_toggle)
        return page

    # -- alignment -----------------------------------------------------------------------
    def _points_mode(self, on: bool) -> None:
        if on:
            self.view.set_mode("side")
            self.view.canvas.ref_points.clear()
            self.view.canvas.moving_points.clear()
        self.view.canvas.tool = "landmark" if on else "pan"
        self.view.canvas.update()

    def landmarks_changed(self, refs: int, moving: int) -> None:
        pairs = min(refs, moving)
        self.use_points.setEnabled(pairs >= 2)
        self.align_status.setText(
            self.tr("Points: {0} on the before photo, {1} on the after photo.").format(refs, moving)
        )

    def alignment_changed(self, similarity) -> None:
        self.points_button.setChecked(False)
        if similarity is None:
            self.align_status.setText(self.tr("Not aligned yet."))
            return
        self.align_status.setText(
            self.tr("Aligned: turned {0:.1f}°, sized ×{1:.2f}, moved {2:.0f}, {3:.0f} px.").format(
                _clean(similarity.rotation_deg, 1),
                similarity.scale,
                _clean(similarity.dx, 0),
                _clean(similarity.dy, 0),
            )
        )

    def say_alignment(self, text: str) -> None:
        self.show_step("align")
        self.align_status.setText(text)

    # -- estimate ------------------------------------------------------------------------
    def say(self, text: str) -> None:
        self.show_step("estimate")
        self.result.setText(text)
        self.view.keep_result_in_view()

    def clear_results(self) -> None:
        self.estimates = None
        self.shown = None
        self.threshold.setEnabled(False)
        self.view.show_masks([None, None])
        self.result.setText(self.tr("Draw a region around a patch, or measure the whole photo."))

    def _whole_photo(self) -> None:
        self.view.canvas.region = None
        self.region_button.setChecked(False)
        self.measure()

    def set_scale(self, first: QPointF, second: QPointF, length_cm: float) -> None:
        distance = math.hypot(first.x() - second.x(), first.y() - second.y())
        if distance < 2:
            self.say(self.tr("The two points are too close together."))
            return
        self.pixels_per_cm = distance / length_cm
        self.say(self.tr("Scale set: {0:.0f} pixels per cm.").format(self.pixels_per_cm))
        if self.estimates is not None:
            self.measure()

    def measure(self) -> None:
        before, after = self.view.pair
        if before is None or after is None:
            return
        from vitidesk.ui.compare.jobs import measure_pair

        self.region_button.setChecked(False)
        self.show_step("estimate")
        library = self.view.library
        region = self.view.region()
        transform = self.view.canvas.transform_b
        ppcm = self.pixels_per_cm
        self.say(self.tr("Estimating…"))
        run_in_background(
            self,
            lambda: measure_pair(
                library.path_of(before), library.path_of(after), region, transform, ppcm
            ),
            self._measured,
            lambda error: self.say(str(error)),
        )

    def _measured(self, pair) -> None:
        self.estimates = pair
        self.spans = tuple(_score_span(e) for e in (pair.before, pair.after))
        self.threshold.blockSignals(True)
        self.threshold.setValue(0)
        self.threshold.blockSignals(False)
        self.threshold.setEnabled(True)
        self._show(pair.before, pair.after)

    def _threshold_moved(self, value: int) -> None:
        if self.estimates is None:
            return
        from vitidesk.ui.compare.jobs import with_threshold

        pair = self.estimates
        shown = []
        for estimate, span in zip((pair.before, pair.after), self.spans, strict=True):
            # Right is more sensitive: a lower threshold counts more skin as patch.
            threshold = estimate.auto_threshold - value / 50 * span / 2
            shown.append(with_threshold(estimate, threshold, pair.pixels_per_cm))
        self._show(*shown)

    def _show(self, before, after) -> None:
        from vitidesk.core.depigmentation import compare
        from vitidesk.ui.compare.jobs import mask_image

        self.shown = (before, after)
        colours = self.view.mask_colours()
        self.view.show_masks(
            [mask_image(before.mask, colours[0]), mask_image(after.mask, colours[1])]
            if self.mask_toggle.isChecked()
            else [None, None]
        )
        b_date = self.view.pair[0].taken_at.strftime("%d %b %Y")
        a_date = self.view.pair[1].taken_at.strftime("%d %b %Y")
        lines = [
            self.tr("Before ({0}): about {1:.0%} of the skin looks depigmented.").format(
                b_date, before.depigmented_fraction
            ),
            self.tr("After ({0}): about {1:.0%}.").format(a_date, after.depigmented_fraction),
            compare(before, after).describe().capitalize() + ".",
        ]
        if before.area_cm2 is not None and after.area_cm2 is not None:
            lines.append(
                self.tr("Area: about {0:.1f} cm² before, {1:.1f} cm² after.").format(
                    before.area_cm2, after.area_cm2
                )
            )
        if self.view.region() is None:
            lines.append(self.tr("(Whole photo. Draw a region around one patch to focus.)"))
        self.result.setText("\n".join(lines))
        self.view.keep_result_in_view()

    def _mask_toggled(self, on: bool) -> None:
        self.view.canvas.show_masks = on
        if self.shown is not None:
            self._show(*self.shown)
        self.view.canvas.update()


def _score_span(estimate) -> float:
    values = estimate.score[np.isfinite(estimate.score)]
    if values.size < 10:
        return 1.0
    low, high = np.percentile(values, [5, 95])
    return float(max(high - low, 1e-3))


def _clean(value: float, digits: int) -> float:
    """Round, and never show "-0"."""
    rounded = round(value, digits)
    return 0.0 if rounded == 0 else rounded
