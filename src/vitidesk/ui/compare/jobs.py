"""The comparison's slow work, run on the thread pool: alignment, estimates, mask images."""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QImage, QPolygonF, QTransform

from vitidesk.core.alignment import Similarity, align_files, fit_similarity
from vitidesk.core.colour_space import lab
from vitidesk.core.depigmentation import (
    Estimate,
    estimate_depigmentation,
    open_stored,
    rethreshold,
)
from vitidesk.core.seeded import SeededSession, Seeds, Stroke


def similarity_to_qtransform(similarity: Similarity) -> QTransform:
    """QTransform maps x' = m11*x + m21*y + dx, y' = m12*x + m22*y + dy."""
    matrix = similarity.matrix()
    return QTransform(
        float(matrix[0, 0]),
        float(matrix[1, 0]),
        float(matrix[0, 1]),
        float(matrix[1, 1]),
        float(matrix[0, 2]),
        float(matrix[1, 2]),
    )


def fit_landmarks(moving: list[QPointF], ref: list[QPointF]) -> Similarity:
    return fit_similarity(
        np.array([[p.x(), p.y()] for p in moving], dtype=float),
        np.array([[p.x(), p.y()] for p in ref], dtype=float),
    )


def align(ref_path: Path, moving_path: Path):
    return align_files(ref_path, moving_path)


def open_for_analysis(path: Path) -> tuple[Image.Image, tuple[int, int]]:
    """A stored photo (our own clean, upright copy) at about the working size, and its size."""
    return open_stored(path)


@dataclass(frozen=True)
class PairEstimate:
    before: Estimate
    after: Estimate
    pixels_per_cm: float | None


Outline = list[tuple[float, float]] | None  # in one photo's own pixels; None = whole photo


def outline_in(region: QPolygonF | QRectF | None, transform: QTransform | None = None) -> Outline:
    """The region as points in a photo's own pixels: ``transform`` maps the earlier photo's
    pixels to that photo's (None for the earlier photo itself)."""
    if region is None:
        return None
    polygon = QPolygonF(region) if isinstance(region, QRectF) else region
    if transform is not None:
        polygon = transform.map(polygon)
    points = [(polygon.at(i).x(), polygon.at(i).y()) for i in range(polygon.size())]
    return points if len(points) >= 3 else None


def after_transform(transform_b: QTransform) -> QTransform:
    """Earlier photo's pixels to the later photo's (the inverse of the alignment)."""
    inverse, _ = transform_b.inverted()
    return inverse


def seeds_from_marks(marks) -> Seeds:
    """The canvas's marks of one photo ([(patch, points, radius)]) as seeds: a single point
    is a click, more points are a painted stroke."""
    seeds = Seeds()
    for patch, points, radius in marks:
        xy = tuple((p.x(), p.y()) for p in points)
        if len(xy) == 1:
            seeds = seeds.with_click(xy[0], patch)
        elif xy:
            seeds = seeds.with_stroke(Stroke(xy, float(radius), patch))
    return seeds


def marks_from_seeds(seeds: Seeds):
    """Saved seeds as the canvas's marks of one photo."""
    marks = [(True, [QPointF(x, y)], 0.0) for x, y in seeds.patch]
    marks += [(False, [QPointF(x, y)], 0.0) for x, y in seeds.skin]
    marks += [
        (stroke.patch, [QPointF(x, y) for x, y in stroke.points], stroke.radius)
        for stroke in seeds.strokes
    ]
    return marks


def carried_marks(marks, transform: QTransform):
    """Marks of the earlier photo placed on the later one through the alignment."""
    scale = math.hypot(transform.m11(), transform.m12()) or 1.0
    return [
        (patch, [transform.map(p) for p in points], radius * scale)
        for patch, points, radius in marks
    ]


class MeasureSession:
    """One photo and region, ready for estimates: the automatic one, or seeded ones that are
    recomputed after every mark (one at a time: a lock keeps two jobs off the same graph)."""

    def __init__(
        self, path: Path, outline: Outline, light: str, pixels_per_cm: float | None
    ) -> None:
        self.path = path
        self.outline = outline
        self.light = light
        self.pixels_per_cm = pixels_per_cm
        self.image, self.full_size = open_for_analysis(path)
        self._seeded: SeededSession | None = None
        self._automatic: Estimate | None = None
        self._lock = threading.Lock()

    def automatic(self) -> Estimate:
        return estimate_depigmentation(
            self.image,
            polygon=self.outline,
            pixels_per_cm=self.pixels_per_cm,
            light=self.light,
            _full_size=self.full_size,
        )

    def seeded(self, seeds: Seeds, bias: float = 0.0) -> Estimate:
        with self._lock:
            if self._seeded is None:
                self._seeded = SeededSession.open(
                    self.image,
                    polygon=self.outline,
                    light=self.light,
                    pixels_per_cm=self.pixels_per_cm,
                    _full_size=self.full_size,
                )
            return self._seeded.estimate(seeds, bias)

    def estimate(self, seeds: Seeds, bias: float = 0.0) -> Estimate:
        return self.automatic() if seeds.empty() else self.seeded(seeds, bias)

    def agreeing(self, seeds: Seeds) -> Seeds:
        """Clicks carried from another date, less those this photo disputes: a click is kept
        when its colour here is nearer the first guess's patch colour (for a patch click) or
        its normal skin colour (for a skin click). A patch that has regained colour there, or
        skin that lost it, is not taken for what it was. Painted strokes are not carried."""
        if self._automatic is None:
            self._automatic = self.automatic()
        guess = self._automatic
        if guess.refusal is not None or not guess.mask.any():
            return Seeds()
        h, w = guess.mask.shape
        rgb = np.asarray(self.image.convert("RGB").resize((w, h)))
        _, big_l, a, b = lab(rgb)
        colours = np.stack([big_l, a, b], axis=2)
        normal = guess.skin_mask & ~guess.mask
        if not normal.any():
            return Seeds()
        patch_colour = np.median(colours[guess.mask], axis=0)
        skin_colour = np.median(colours[normal], axis=0)

        def nearer_patch(point) -> bool | None:
            x, y = round(point[0] * guess.scale), round(point[1] * guess.scale)
            if not (0 <= x < w and 0 <= y < h):
                return None
            here = np.median(
                colours[max(0, y - 2) : y + 3, max(0, x - 2) : x + 3].reshape(-1, 3), 0
            )
            return bool(((here - patch_colour) ** 2).sum() < ((here - skin_colour) ** 2).sum())

        return Seeds(
            tuple(p for p in seeds.patch if nearer_patch(p) is True),
            tuple(p for p in seeds.skin if nearer_patch(p) is False),
        )


def mask_image(mask: np.ndarray, colour: QColor) -> QImage:
    """A see-through overlay: the colour where the mask is set, clear elsewhere."""
    height, width = mask.shape
    rgba = np.zeros((height, width, 4), dtype=np.uint8)
    rgba[mask] = (colour.blue(), colour.green(), colour.red(), colour.alpha())
    image = QImage(rgba.data, width, height, width * 4, QImage.Format.Format_ARGB32)
    return image.copy()  # own the pixels: the numpy buffer goes away


def with_threshold(estimate: Estimate, threshold: float, pixels_per_cm: float | None) -> Estimate:
    return rethreshold(estimate, threshold, pixels_per_cm)
