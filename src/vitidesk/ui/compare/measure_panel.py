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
    from vitidesk.core.depigmentation import Estimate
    from vitidesk.ui.compare.compare_view import CompareView
    from vitidesk.ui.compare.jobs import PairEstimate

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
        self.estimates: PairEstimate | None = None
        self.shown: tuple[Estimate, Estimate] | None = None  # after any threshold change
        self.pixels_per_cm: float | None = None
        self.spans: tuple[float, ...] = (1.0, 1.0)
        self.tool_buttons: dict[str, QPushButton] = {}
        self.sessions: list = [None, None]  # a MeasureSession per photo
        self.session_keys: list = [None, None]
        self.current: list = [None, None]  # the latest estimate of each photo
        self.bias = 0.0  # seeded estimates: the sensitivity
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
        self.region_button = self._tool_button(
            self.tr("Box"), self.tr("Drag a box around the patch on either photo"), "region"
        )
        self.freehand_button = self._tool_button(
            self.tr("Outline"), self.tr("Drag around the patch to draw its outline"), "freehand"
        )
        self.whole_button = QPushButton(self.tr("Whole photo"))
        self.whole_button.setToolTip(self.tr("Measure all the skin in the photos"))
        self.whole_button.clicked.connect(self._whole_photo)
        body.addLayout(self._row(self.region_button, self.freehand_button, self.whole_button))
        self.patch_button = self._tool_button(
            self.tr("+ Patch"),
            self.tr("Click or paint inside a patch (on either photo, side by side)"),
            "patch",
        )
        self.skin_button = self._tool_button(
            self.tr("− Skin"), self.tr("Click or paint on normal skin next to the patch"), "skin"
        )
        self.clear_button = QPushButton(self.tr("Clear"))
        self.clear_button.setToolTip(self.tr("Remove your marks and go back to the first guess"))
        self.clear_button.clicked.connect(self.clear_marks)
        body.addLayout(self._row(self.patch_button, self.skin_button, self.clear_button))
        scale = QPushButton(self.tr("Set the scale…"))
        scale.setToolTip(self.tr("Click both ends of a ruler or coin on the 'before' photo"))
        scale.clicked.connect(lambda: self._use_tool("scale"))
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

    @staticmethod
    def _row(*buttons: QPushButton) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(6)
        for button in buttons:
            button.setStyleSheet("padding: 7px 4px;")
            row.addWidget(button, 1)
        return row

    def _tool_button(self, text: str, tip: str, tool: str) -> QPushButton:
        button = QPushButton(text)
        button.setCheckable(True)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        button.toggled.connect(lambda on, t=tool: self._tool_toggled(t, on))
        self.tool_buttons[tool] = button
        return button

    def _tool_toggled(self, tool: str, on: bool) -> None:
        if on:
            self._use_tool(tool)
        elif self.view.canvas.tool == tool:
            self.view.canvas.tool = "pan"

    def _use_tool(self, tool: str) -> None:
        """One tool at a time; marks are made side by side, where each pane is its photo."""
        for name, button in self.tool_buttons.items():
            if name != tool and button.isChecked():
                button.blockSignals(True)
                button.setChecked(False)
                button.blockSignals(False)
        if tool in ("patch", "skin") and self.view.canvas.mode != "side":
            self.view.set_mode("side")
        self.view.canvas.tool = tool

    def release_tools(self) -> None:
        self._use_tool("pan")

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
        self.current = [None, None]
        self.threshold.setEnabled(False)
        self.view.show_masks([None, None])
        self.result.setText(self.tr("Draw a region around a patch, or measure the whole photo."))

    def forget_sessions(self) -> None:
        self.sessions = [None, None]
        self.session_keys = [None, None]

    def _whole_photo(self) -> None:
        self.view.canvas.region = None
        self.release_tools()
        self.measure()

    def clear_marks(self) -> None:
        self.view.canvas.marks = [[], []]
        self.view.canvas.update()
        self.view.refresh_legend()
        if self.current[0] is not None or self.current[1] is not None:
            self.measure()

    def set_scale(self, first: QPointF, second: QPointF, length_cm: float) -> None:
        distance = math.hypot(first.x() - second.x(), first.y() - second.y())
        if distance < 2:
            self.say(self.tr("The two points are too close together."))
            return
        self.pixels_per_cm = distance / length_cm
        self.say(self.tr("Scale set: {0:.0f} pixels per cm.").format(self.pixels_per_cm))
        self.forget_sessions()
        if self.estimates is not None:
            self.measure()

    def _plan(self, index: int):
        """What photo ``index`` is measured with: its session's key, outline and seeds."""
        from vitidesk.ui.compare.jobs import (
            after_transform,
            carried_marks,
            outline_in,
            seeds_from_marks,
        )

        canvas = self.view.canvas
        photo = self.view.pair[index]
        assert photo is not None  # measured only when both photos are chosen
        to_photo = None if index == 0 else after_transform(canvas.transform_b)
        outline = outline_in(self.view.region(), to_photo)
        marks = canvas.marks[index]
        carried = index == 1 and not marks and bool(canvas.marks[0])
        if carried and to_photo is not None:  # index 1: the later photo has a transform
            marks = carried_marks(canvas.marks[0], to_photo)  # checked on the later photo
        seeds = seeds_from_marks(marks)
        key = (
            photo.id,
            tuple(outline) if outline else None,
            photo.light,
            self.pixels_per_cm,
        )
        return key, outline, seeds, carried

    def measure(self, only: int | None = None) -> None:
        """Estimate both photos (or photo ``only`` after a new mark) in the background."""
        before, after = self.view.pair
        if before is None or after is None:
            return
        from vitidesk.ui.compare.jobs import MeasureSession

        if only is None:
            self.region_button.setChecked(False)
            self.freehand_button.setChecked(False)
            self.show_step("estimate")
            self.say(self.tr("Estimating…"))
        library = self.view.library
        indexes = (0, 1) if only is None else (only,) + ((1,) if only == 0 else ())
        work = []
        for index in indexes:
            photo = self.view.pair[index]
            assert photo is not None  # both checked above
            key, outline, seeds, carried = self._plan(index)
            session = self.sessions[index] if self.session_keys[index] == key else None
            path = library.path_of(photo)
            work.append((index, key, outline, seeds, carried, session, path, photo))
        bias = self.bias
        ppcm = self.pixels_per_cm
        measurements = self.view.measurements

        def run():
            done = []
            for index, key, outline, seeds, carried, session, path, photo in work:
                if session is None:
                    session = MeasureSession(path, outline, photo.light, ppcm)
                if carried:  # keep only the clicks the later photo's first guess agrees with
                    seeds = session.agreeing(seeds)
                estimate = session.estimate(seeds, bias if not seeds.empty() else 0.0)
                _remember(measurements, photo, outline, seeds, estimate)
                done.append((index, key, session, estimate))
            return done

        run_in_background(self, run, self._measured, self._failed, key=self.estimate_key)

    @property
    def estimate_key(self) -> tuple[object, str]:
        """The newest estimate of this panel wins; a photo switch drops it."""
        return (self, "estimate")

    def _failed(self, error: BaseException) -> None:
        self.say(str(error))

    def _measured(self, done) -> None:
        for index, key, session, estimate in done:
            self.sessions[index], self.session_keys[index] = session, key
            self.current[index] = estimate
        before, after = self.current
        if before is None or after is None:
            return
        from vitidesk.ui.compare.jobs import PairEstimate

        pair = PairEstimate(before, after, self.pixels_per_cm)
        self.estimates = pair
        self.spans = tuple(_score_span(e) for e in (pair.before, pair.after))
        if all(e.method == "automatic" for e in (before, after)):
            self.threshold.blockSignals(True)
            self.threshold.setValue(0)
            self.threshold.blockSignals(False)
            self.bias = 0.0
        self.threshold.setEnabled(True)
        self._show(*self._thresholded(pair))

    def mark_made(self, index: int) -> None:
        """A click or a painted stroke: re-segment that photo at once."""
        self.view.refresh_legend()
        if self.sessions[index] is None or self.current[1 - index] is None:
            self.measure()
        else:
            self.measure(only=index)

    def _thresholded(self, pair):
        from vitidesk.ui.compare.jobs import with_threshold

        value = self.threshold.value()
        shown = []
        for estimate, span in zip((pair.before, pair.after), self.spans, strict=True):
            if estimate.method == "automatic" and estimate.refusal is None:
                # Right is more sensitive: a lower threshold counts more skin as patch.
                threshold = estimate.auto_threshold - value / 50 * span / 2
                estimate = with_threshold(estimate, threshold, pair.pixels_per_cm)
            shown.append(estimate)
        return shown

    def _threshold_moved(self, value: int) -> None:
        if self.estimates is None:
            return
        self._show(*self._thresholded(self.estimates))
        seeded = [i for i, e in enumerate(self.current) if e is not None and e.method == "seeded"]
        if seeded:
            self.bias = value / 50 * SEEDED_BIAS_RANGE
            self.measure(only=seeded[0]) if len(seeded) == 1 else self.measure()

    def _show(self, before, after) -> None:
        from vitidesk.core.depigmentation import MixedLightError, compare
        from vitidesk.ui.compare.jobs import mask_image

        self.shown = (before, after)
        colours = self.view.mask_colours()
        self.view.show_masks(
            [mask_image(before.mask, colours[0]), mask_image(after.mask, colours[1])]
            if self.mask_toggle.isChecked()
            else [None, None]
        )
        dates = [p.taken_at.strftime("%d %b %Y") if p else "" for p in self.view.pair]
        in_region = self.view.region() is not None
        lines = []
        for name, date, estimate in zip(
            (self.tr("Before"), self.tr("After")), dates, (before, after), strict=True
        ):
            lines.append(self._line(name, date, estimate, in_region))
        refused = [e for e in (before, after) if e.refusal is not None]
        if refused:
            lines.append(self.tr("Draw a region on skin (Box or Outline), then measure again."))
        else:
            try:
                change = compare(before, after)
            except MixedLightError:
                lines.append(
                    self.tr(
                        "One photo was taken under UV light and the other in normal light: "
                        "their numbers are not compared."
                    )
                )
            else:
                lines.append(change.describe().capitalize() + ".")
            if all(e.method == "automatic" for e in (before, after)):
                lines.append(
                    self.tr("A first guess: mark a patch (+) and normal skin (−) to refine it.")
                )
        if not in_region:
            lines.append(self.tr("(Whole photo. Draw a region around one patch to focus.)"))
        self.result.setText("\n".join(lines))
        self.view.keep_result_in_view()
        if refused:
            self.freehand_button.setChecked(True)  # ask for a region on skin

    def _line(self, name: str, date: str, estimate, in_region: bool) -> str:
        if estimate.refusal is not None:
            where = self.tr("in the region") if in_region else self.tr("in the photo")
            return self.tr("{0} ({1}): {2} {3}, so nothing was measured.").format(
                name, date, self.tr(estimate.refusal), where
            )
        where = self.tr("of the skin in the region") if in_region else self.tr("of the skin")
        text = self.tr("{0} ({1}): about {2} {3} counted as patch").format(
            name, date, _percent(estimate.depigmented_fraction), where
        )
        if estimate.area_cm2 is not None:
            text += self.tr(", about {0:.1f} cm²").format(estimate.area_cm2)
        if estimate.light == "uv":
            text += self.tr(" (UV photo)")
        return text + "."

    def _mask_toggled(self, on: bool) -> None:
        self.view.canvas.show_masks = on
        if self.shown is not None:
            self._show(*self.shown)
        self.view.canvas.update()


SEEDED_BIAS_RANGE = 15.0  # the slider's ends move every pixel's cost this far (colour units)


def _percent(fraction: float) -> str:
    from vitidesk.core.depigmentation import _percent as percent

    return percent(fraction)


def _remember(measurements, photo, outline, seeds, estimate) -> None:
    """Keep the region, the marks and the mask with the photo (see services.measurements)."""
    from vitidesk.services.measurements import SavedMeasurement, encode_mask

    measurements.save(
        SavedMeasurement(
            photo_id=photo.id,
            outline=tuple(outline or ()),
            seeds=seeds,
            fraction=None if estimate.refusal else estimate.depigmented_fraction,
            method=estimate.method,
            light=estimate.light,
            area_cm2=estimate.area_cm2,
            mask_png=None if estimate.refusal else encode_mask(estimate.mask),
        )
    )


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
