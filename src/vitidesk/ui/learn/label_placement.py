"""Places the diagram's labels by rule, in scene units, so that none touches another label,
a shape's outline or a signal's path, and none leaves the picture.

Each label asks for room beside a part of the picture ("below", "above", ...), in its order of
preference, on one line or (at a cost) wrapped onto two. Every candidate spot (each side, at
growing distance and sliding along the side) gets a cost; the cheapest spot that is free wins.
Labels are placed one after another, so a placed label is an obstacle for the next. The view
then scales the whole scene uniformly (``fitInView``, aspect kept), so what is free in scene
units is free at every size.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSizeF
from PySide6.QtGui import QPainterPath

log = logging.getLogger(__name__)

LABEL_PAD = 5.0  # room kept around a label, so a focus halo or hinting never makes it touch
STEP = 6.0  # how finely candidate spots are tried, in scene units
MAX_DISTANCE = 96.0  # a label further than this from its part no longer reads as its name
MAX_SHIFT = 132.0  # how far a label may slide along the side it sits on
SIDE_COST = 30.0  # moving to a less preferred side costs as much as 30 units further away
SHIFT_COST = 0.6  # sliding along a side reads better than moving away from the part
WRAP_COST = 40.0  # one line reads best; two lines beat a label far from its part


@dataclass(frozen=True)
class LabelRequest:
    key: str
    sizes: tuple[QSizeF, ...]  # the label on one line, then wrapped onto two
    anchor: QRectF  # the part the label names (its outline's bounds)
    sides: tuple[str, ...]


@dataclass(frozen=True)
class Placement:
    rect: QRectF
    variant: int  # which of the request's sizes: 0 is one line


def spot(side: str, anchor: QRectF, size: QSizeF, distance: float, shift: float) -> QRectF:
    """The label's rectangle on ``side`` of ``anchor``, ``distance`` away, slid by ``shift``."""
    w, h = size.width(), size.height()
    centre = anchor.center()
    if side == "below":
        return QRectF(centre.x() - w / 2 + shift, anchor.bottom() + distance, w, h)
    if side == "above":
        return QRectF(centre.x() - w / 2 + shift, anchor.top() - distance - h, w, h)
    if side == "right":
        return QRectF(anchor.right() + distance, centre.y() - h / 2 + shift, w, h)
    if side == "left":
        return QRectF(anchor.left() - distance - w, centre.y() - h / 2 + shift, w, h)
    if side == "inside_top":
        return QRectF(centre.x() - w / 2 + shift, anchor.top() + distance, w, h)
    if side == "inside_bottom":
        return QRectF(centre.x() - w / 2 + shift, anchor.bottom() - distance - h, w, h)
    if side == "inside_top_right":
        return QRectF(anchor.right() - w - abs(shift), anchor.top() + distance, w, h)
    if side == "inside_bottom_right":
        return QRectF(anchor.right() - w - abs(shift), anchor.bottom() - distance - h, w, h)
    raise ValueError(f"unknown label side {side!r}")


def _candidates(request: LabelRequest) -> list[tuple[float, Placement]]:
    found = []
    steps = int(MAX_DISTANCE / STEP) + 1
    shifts = int(MAX_SHIFT / STEP)
    for variant, size in enumerate(request.sizes):
        for rank, side in enumerate(request.sides):
            for d in range(steps):
                for s in range(-shifts, shifts + 1):
                    distance, shift = d * STEP + LABEL_PAD, s * STEP
                    cost = variant * WRAP_COST + rank * SIDE_COST + distance
                    cost += abs(shift) * SHIFT_COST
                    rect = spot(side, request.anchor, size, distance, shift)
                    found.append((cost, Placement(rect, variant)))
    found.sort(key=lambda pair: pair[0])
    return found


def is_free(
    rect: QRectF, bounds: QRectF, obstacles: list[QPainterPath], taken: list[QRectF]
) -> bool:
    padded = rect.adjusted(-LABEL_PAD, -LABEL_PAD, LABEL_PAD, LABEL_PAD)
    if not bounds.contains(padded):
        return False
    if any(padded.intersects(other) for other in taken):
        return False
    return not any(
        path.boundingRect().intersects(padded) and path.intersects(padded) for path in obstacles
    )


def place_labels(
    requests: list[LabelRequest], bounds: QRectF, obstacles: list[QPainterPath]
) -> dict[str, Placement]:
    """Where each label goes, in request order. A label with no free spot takes its first
    choice (the layout tests then fail and say which)."""
    placed: dict[str, Placement] = {}
    taken: list[QRectF] = []
    for request in requests:
        candidates = _candidates(request)
        chosen = next(
            (
                placement
                for _, placement in candidates
                if is_free(placement.rect, bounds, obstacles, taken)
            ),
            None,
        )
        if chosen is None:
            log.warning("no free spot for the diagram label %r", request.key)
            chosen = candidates[0][1]
        placed[request.key] = chosen
        taken.append(chosen.rect)
    return placed


def wrapped(text: str) -> str:
    """``text`` on two lines, broken at the space nearest its middle (or as it is)."""
    spaces = [index for index, char in enumerate(text) if char == " "]
    if not spaces:
        return text
    middle = min(spaces, key=lambda index: abs(index - len(text) / 2))
    return text[:middle] + "\n" + text[middle + 1 :]
