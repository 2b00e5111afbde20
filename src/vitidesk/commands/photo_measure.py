"""``vitidesk photos measure FILE``: estimate the depigmented share of the skin. No Qt.

Automatic by default; with ``--patch X,Y`` (a click inside a patch) and ``--skin X,Y`` (a
click on normal skin), both repeatable and in the photo's own pixels, the patch is segmented
from those seeds (a graph cut). ``--mask-out`` writes what was counted as a PNG the size of
the photo. An estimate, not a diagnosis: the line printed says so. A photo or region with no
skin (or too little to judge) is refused: one line naming the file, exit 2. The pieces here
are wired into ``vitidesk photos`` by :mod:`vitidesk.commands.photos`.
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


def parse_point(option: str, text: str) -> tuple[float, float]:
    """``X,Y`` in image pixels; a UserError naming the option otherwise."""
    parts = [part.strip() for part in text.split(",")]
    try:
        if len(parts) != 2:
            raise ValueError
        x, y = (float(part) for part in parts)
        if not (math.isfinite(x) and math.isfinite(y)):
            raise ValueError
    except ValueError:
        raise UserError(f"{option} {text}", "not a point like X,Y (in pixels)") from None
    if x < 0 or y < 0:
        raise UserError(f"{option} {text}", "X and Y must be 0 or more")
    return x, y


def _score(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not math.isfinite(value):
        raise argparse.ArgumentTypeError(f"{text!r} is not a number")
    return value


def _positive(text: str) -> float:
    value = _score(text)
    if value <= 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not more than 0")
    return value


def add_measure_parser(actions) -> None:
    """Add ``measure`` to the ``photos`` sub-parsers ``actions``."""
    measure = actions.add_parser(
        "measure",
        help="estimate the depigmented share of the skin in a photo (an estimate, not a diagnosis)",
    )
    measure.add_argument("file", metavar="FILE", help="a photo file")
    measure.add_argument("--roi", metavar="X,Y,W,H", help="only this rectangle (image pixels)")
    measure.add_argument(
        "--patch",
        metavar="X,Y",
        action="append",
        default=[],
        help="a point inside a patch (image pixels; repeat for more)",
    )
    measure.add_argument(
        "--skin",
        metavar="X,Y",
        action="append",
        default=[],
        help="a point on normal skin (image pixels; repeat for more)",
    )
    measure.add_argument(
        "--threshold",
        type=_score,
        metavar="T",
        help="automatic: the score above which skin counts (default: chosen per photo); "
        "with --patch/--skin: the sensitivity (0 default, more counts more)",
    )
    measure.add_argument("--uv", action="store_true", help="a UV (Wood's lamp) photo")
    measure.add_argument(
        "--px-per-cm",
        type=_positive,
        metavar="N",
        help="the photo's scale, for the area in cm² (pixels per centimetre)",
    )
    measure.add_argument(
        "--mask-out",
        metavar="MASK.png",
        help="write a PNG the size of the photo: 255 where skin is counted depigmented",
    )
    measure.add_argument("--json", action="store_true", help="print a JSON object")


def _seeds(args: argparse.Namespace):
    from vitidesk.core.seeded import Seeds

    patch = tuple(parse_point("--patch", text) for text in getattr(args, "patch", []) or [])
    skin = tuple(parse_point("--skin", text) for text in getattr(args, "skin", []) or [])
    return Seeds(patch, skin) if patch or skin else None


def _check_points(seeds, size: tuple[int, int]) -> None:
    for option, points in (("--patch", seeds.patch), ("--skin", seeds.skin)):
        for x, y in points:
            if x >= size[0] or y >= size[1]:
                raise UserError(f"{option} {x:g},{y:g}", f"outside the {size[0]}x{size[1]} photo")


def run_measure(args: argparse.Namespace, ctx: CommandContext) -> int:
    from vitidesk.core.depigmentation import full_size_mask, measure_file, rethreshold

    path = Path(args.file)
    roi_text = getattr(args, "roi", None)
    roi = parse_roi(roi_text) if roi_text is not None else None
    seeds = _seeds(args)
    threshold = getattr(args, "threshold", None)
    light = "uv" if getattr(args, "uv", False) else "visible"
    if seeds is not None:
        from PIL import Image

        try:
            with Image.open(path) as probe:
                size = probe.size
        except Exception:
            size = None  # measure_file says what is wrong with the file
        if size is not None:
            _check_points(seeds, size)
    try:
        estimate = measure_file(
            path,
            roi,
            seeds=seeds,
            light=light,
            threshold=threshold if seeds is not None else None,
            pixels_per_cm=getattr(args, "px_per_cm", None),
        )
    except ValueError as exc:  # a region outside the photo
        raise UserError(f"--roi {roi_text}" if roi else str(path), str(exc)) from None
    except MemoryError:
        raise UserError(str(path), "not enough memory to measure this image") from None
    if estimate.refusal is not None:
        where = "in the region" if roi else "in the photo"
        raise UserError(str(path), f"{estimate.refusal} {where}; nothing was measured")
    if seeds is None and threshold is not None:
        estimate = rethreshold(estimate, threshold, getattr(args, "px_per_cm", None))
    mask_out = getattr(args, "mask_out", None)
    if mask_out:
        try:
            size = estimate.full_size or (estimate.mask.shape[1], estimate.mask.shape[0])
            full_size_mask(estimate, size).save(Path(mask_out), "PNG")
        except (OSError, ValueError) as exc:
            raise UserError(mask_out, f"cannot write the mask ({exc})") from None
    if args.json:
        data = estimate.as_dict()
        data.update(method=estimate.method, light=estimate.light)
        ctx.say(json.dumps(data, indent=2))
        return 0
    where = "in the region" if roi else "of the skin in the photo"
    area = f", about {estimate.area_cm2:.1f} cm²" if estimate.area_cm2 is not None else ""
    how = (
        "from your clicks" if estimate.method == "seeded" else f"threshold {estimate.threshold:.1f}"
    )
    ctx.say(
        f"{path.name}: about {estimate.depigmented_fraction:.0%} {where} looks depigmented"
        f"{area} (an estimate, not a diagnosis; {how})."
    )
    return 0
