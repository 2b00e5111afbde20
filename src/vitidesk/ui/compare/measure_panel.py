"""The side panel: align the pair, then estimate depigmentation in a region on both dates."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QPushButton, QSlider, QVBoxLayout, QWidget

from vitidesk.ui.tasks import run_in_background
from vitidesk.ui.widgets.page import Card, wrapped_label

if TYPE_CHECKING:
    from vitidesk.ui.compare.compare_view import CompareView

ESTIMATE_NOTE = (
    "This is an estimate from the photos, not a diagnosis. Light, angle and distance change it: "
    "take each photo the same way."
)


class MeasurePanel(QWidget):
    def __init__(self, view: CompareView) -> None:
        super().__init__()
        self.view = view
        self.setFixedWidth(300)
        self.estimates = None  # PairEstimate
        self.shown = None  # (before, after) after any threshold change
        self.pixels_per_cm: float | None = None
        self.spans = (1.0, 1.0)
        column = QVBoxLayout(self)
        column.setContentsMargins(10, 0, 0, 0)
        column.addWidget(self._alignment_card())
        column.addWidget(self._estimate_card())
        column.addStretch(1)

    # -- cards ---------------------------------------------------------------------------
    def _alignment_card(self) -> Card:
        card = Card(self.tr("Line the photos up"))
        self.align_status = card.add_text(self.tr("Not aligned yet."), "Muted")
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
            card.body.addWidget(button)
        return card

    def _estimate_card(self) -> Card:
        card = Card(self.tr("Estimate the change"))
        self.result = wrapped_label(
            self.tr("Draw a region around a patch, or measure the whole photo.")
        )
        self.result.setAccessibleName(self.tr("Result of the estimate"))
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        card.body.addWidget(self.result)
        self.region_button = QPushButton(self.tr("Draw a region"))
        self.region_button.setCheckable(True)
        self.region_button.setToolTip(self.tr("Drag a box around the patch on either photo"))
        self.region_button.toggled.connect(
            lambda on: setattr(self.view.canvas, "tool", "region" if on else "pan")
        )
        whole = QPushButton(self.tr("Whole photo"))
        whole.clicked.connect(self._whole_photo)
        scale = QPushButton(self.tr("Set the scale…"))
        scale.setToolTip(self.tr("Click both ends of a ruler or coin on the 'before' photo"))
        scale.clicked.connect(lambda: setattr(self.view.canvas, "tool", "scale"))
        for button in (self.region_button, whole, scale):
            card.body.addWidget(button)
        slider_label = QLabel(self.tr("&Sensitivity:"))
        self.threshold = QSlider(Qt.Orientation.Horizontal)
        self.threshold.setRange(-50, 50)
        self.threshold.setValue(0)
        self.threshold.setEnabled(False)
        self.threshold.setAccessibleName(self.tr("Sensitivity of the estimate"))
        self.threshold.valueChanged.connect(self._threshold_moved)
        slider_label.setBuddy(self.threshold)
        card.body.addWidget(slider_label)
        card.body.addWidget(self.threshold)
        self.mask_toggle = QCheckBox(self.tr("Show what is counted"))
        self.mask_toggle.setChecked(True)
        self.mask_toggle.toggled.connect(self._mask_toggled)
        card.body.addWidget(self.mask_toggle)
        card.add_text(self.tr(ESTIMATE_NOTE), "Muted")
        return card

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

    # -- estimate ------------------------------------------------------------------------
    def say(self, text: str) -> None:
        self.result.setText(text)

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
            threshold = estimate.auto_threshold + value / 50 * span / 2
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
