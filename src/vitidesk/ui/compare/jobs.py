"""The comparison's slow work, run on the thread pool: alignment, estimates, mask images."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QImage, QTransform

from vitidesk.core.alignment import Similarity, align_files, fit_similarity
from vitidesk.core.depigmentation import Estimate, estimate_depigmentation, rethreshold


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


def open_for_analysis(path: Path) -> Image.Image:
    with Image.open(path) as image:  # our own clean copy, written at import
        image.load()
        return image.convert("RGB")


@dataclass(frozen=True)
class PairEstimate:
    before: Estimate
    after: Estimate
    pixels_per_cm: float | None


def measure_pair(
    before_path: Path,
    after_path: Path,
    region: QRectF | None,
    transform_b: QTransform,
    pixels_per_cm: float | None,
) -> PairEstimate:
    """Estimate both photos on the same skin: the region, drawn on the earlier photo, is
    carried onto the later one through the alignment."""
    before_image = open_for_analysis(before_path)
    after_image = open_for_analysis(after_path)
    if region is None:
        before = estimate_depigmentation(before_image, pixels_per_cm=pixels_per_cm)
        after = estimate_depigmentation(after_image, pixels_per_cm=pixels_per_cm)
        return PairEstimate(before, after, pixels_per_cm)
    box = (round(region.x()), round(region.y()), round(region.width()), round(region.height()))
    before = estimate_depigmentation(before_image, box, pixels_per_cm=pixels_per_cm)
    inverse, _ = transform_b.inverted()
    corners = [region.topLeft(), region.topRight(), region.bottomRight(), region.bottomLeft()]
    polygon = [(inverse.map(c).x(), inverse.map(c).y()) for c in corners]
    after = estimate_depigmentation(after_image, pixels_per_cm=pixels_per_cm, polygon=polygon)
    return PairEstimate(before, after, pixels_per_cm)


def mask_image(mask: np.ndarray, colour: QColor) -> QImage:
    """A see-through overlay: the colour where the mask is set, clear elsewhere."""
    height, width = mask.shape
    rgba = np.zeros((height, width, 4), dtype=np.uint8)
    rgba[mask] = (colour.blue(), colour.green(), colour.red(), colour.alpha())
    image = QImage(rgba.data, width, height, width * 4, QImage.Format.Format_ARGB32)
    return image.copy()  # own the pixels: the numpy buffer goes away


def with_threshold(estimate: Estimate, threshold: float, pixels_per_cm: float | None) -> Estimate:
    return rethreshold(estimate, threshold, pixels_per_cm)
