"""``vitidesk photos align REF MOVING``: how to lay one photo over another. No Qt.

Prints the similarity taking MOVING's pixels onto REF's (shift in pixels, rotation in degrees,
scale) and how sure the automatic method is. numpy and Pillow load only when it runs.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from vitidesk.commands import CommandContext


def add_align_parser(actions: Any) -> None:
    """Add ``align`` to the ``photos`` subcommand's ``actions`` (its subparsers object)."""
    align = actions.add_parser(
        "align",
        help="work out how to line up two photos of the same area",
        description="Estimate the shift, rotation and scale that lay MOVING over REF.",
    )
    align.add_argument("ref", metavar="REF", help="the reference photo file")
    align.add_argument("moving", metavar="MOVING", help="the photo to line up with REF")
    align.add_argument("--json", action="store_true", help="print a JSON object")


def run_align(args: argparse.Namespace, ctx: CommandContext) -> int:
    from vitidesk.core.alignment import align_files

    result = align_files(Path(args.ref), Path(args.moving))
    values = result.transform.as_dict()
    if args.json:
        ctx.say(json.dumps({**values, "confidence": round(result.confidence, 4)}, indent=2))
        return 0
    ctx.say(
        f"{args.moving} -> {args.ref}: shift ({values['dx']:+.1f}, {values['dy']:+.1f}) px, "
        f"rotation {values['rotation_deg']:+.2f} deg, scale {values['scale']:.4f}, "
        f"confidence {result.confidence:.2f}"
    )
    if not result.trusted:  # core.alignment owns the cut-off
        ctx.say("Low confidence: these photos may not show the same area; use landmarks.")
    return 0
