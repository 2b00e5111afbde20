"""``vitidesk photos measure FILE``: estimate the depigmented share of the skin. No Qt.

An estimate, not a diagnosis: the line printed says so. The pieces here are wired into
``vitidesk photos`` by :mod:`vitidesk.commands.photos`.
"""

from __future__ import annotations

import argparse
import json
import math
from pathlib import Path
from typing import TYPE_CHECKING

from vitidesk.errors import UserError

if TYPE_CHECKING:
    from vitidesk.commands import CommandContext


def parse_roi(text: str) -> tuple[int, int, int, int]:
    """``X,Y,W,H`` in image pixels; a UserError naming ``--roi`` otherwise."""
    parts = [part.strip() for part in text.split(",")]
    try:
        if len(parts) != 4:
            raise ValueError
        x, y, w, h = (int(part) for part in parts)
    except ValueError:
        raise UserError(
            f"--roi {text}", "not a region like X,Y,W,H (four whole numbers, in pixels)"
        ) from None
    if x < 0 or y < 0 or w <= 0 or h <= 0:
        raise UserError(f"--roi {text}", "X and Y must be 0 or more, W and H more than 0")
    return x, y, w, h


def _score(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not math.isfinite(value):
        raise argparse.ArgumentTypeError(f"{text!r} is not a number")
    return value


def add_measure_parser(actions) -> None:
    """Add ``measure`` to the ``photos`` sub-parsers ``actions``."""
    measure = actions.add_parser(
        "measure",
        help="estimate the depigmented share of the skin in a photo (an estimate, not a diagnosis)",
    )
    measure.add_argument("file", metavar="FILE", help="a photo file")
    measure.add_argument("--roi", metavar="X,Y,W,H", help="only this rectangle (image pixels)")
    measure.add_argument("--json", action="store_true", help="print a JSON object")
    measure.add_argument(
        "--threshold",
        type=_score,
        metavar="SCORE",
        help="depigmentation score above which skin counts (default: chosen per photo)",
    )


def run_measure(args: argparse.Namespace, ctx: CommandContext) -> int:
    from vitidesk.core.depigmentation import measure_file, rethreshold

    path = Path(args.file)
    roi_text = getattr(args, "roi", None)
    roi = parse_roi(roi_text) if roi_text is not None else None
    try:
        estimate = measure_file(path, roi)
    except ValueError as exc:  # a region outside the photo
        raise UserError(f"--roi {roi_text}" if roi else str(path), str(exc)) from None
    except MemoryError:
        raise UserError(str(path), "not enough memory to measure this image") from None
    if getattr(args, "threshold", None) is not None:
        estimate = rethreshold(estimate, args.threshold)
    if args.json:
        ctx.say(json.dumps(estimate.as_dict(), indent=2))
        return 0
    if estimate.skin_pixels == 0:
        ctx.say(f"{path.name}: no skin found to measure (an estimate, not a diagnosis).")
        return 0
    where = "in the region" if roi else "of the skin in the photo"
    ctx.say(
        f"{path.name}: about {estimate.depigmented_fraction:.0%} {where} looks depigmented "
        f"(an estimate, not a diagnosis; threshold {estimate.threshold:.1f})."
    )
    return 0
