"""``vitidesk photos``: import photos, list them, list body sites. No Qt."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from vitidesk.commands.arguments import iso_date
from vitidesk.commands.photo_align import add_align_parser, run_align
from vitidesk.commands.photo_measure import add_measure_parser, run_measure
from vitidesk.commands.progress import ProgressBar
from vitidesk.core.prepared_photo import shown_name
from vitidesk.errors import UserError
from vitidesk.services.photos import (
    DEFAULT_SITE,
    DUPLICATE,
    IMPORTED,
    REFUSED,
    ImportOutcome,
    PhotosService,
    expand_paths,
)

if TYPE_CHECKING:
    from vitidesk.commands import CommandContext

STATUSES = (IMPORTED, DUPLICATE, REFUSED)

NAME = "photos"
HELP = "import and list your skin photos"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="photos_action", metavar="ACTION", required=True)
    add = actions.add_parser("import", help="copy photos into your private library")
    add.add_argument("files", nargs="+", metavar="FILE", help="photo files, or folders of them")
    add.add_argument("--site", help=f"body site, e.g. Face or Hands (default: {DEFAULT_SITE})")
    add.add_argument("--taken", type=iso_date, metavar="YYYY-MM-DD", help="date taken")
    add.add_argument("--uv", action="store_true", help="taken under UV light (Wood's lamp)")
    add.add_argument(
        "--allow-duplicates", action="store_true", help="import files already in the library"
    )
    listing = actions.add_parser("list", help="list the photos in the library")
    listing.add_argument("--site", help="only this body site")
    listing.add_argument("--json", action="store_true", help="print a JSON array")
    actions.add_parser("sites", help="list the body sites and their photo counts")
    add_align_parser(actions)
    add_measure_parser(actions)


def run(args: argparse.Namespace, ctx: CommandContext) -> int:
    if args.photos_action == "align":  # these two work on files; they need no store
        return run_align(args, ctx)
    if args.photos_action == "measure":
        return run_measure(args, ctx)
    with ctx.open_store() as store:
        library = PhotosService(store)
        if args.photos_action == "import":
            return _import(args, ctx, library)
        if args.photos_action == "sites":
            for site in library.sites():
                ctx.say(f"{site.name}: {site.photo_count} photo(s)")
            return 0
        return _list(args, ctx, library)


def _import(args: argparse.Namespace, ctx: CommandContext, library: PhotosService) -> int:
    """One line per file as it goes (with a progress bar on a terminal); Ctrl-C stops
    cleanly after the photo in hand and says what was imported so far."""
    site = library.site_named(args.site) if args.site else library.add_site(DEFAULT_SITE)
    paths = expand_paths(args.files)
    if not paths:
        raise UserError(" ".join(args.files), "no files to import")
    bar = ProgressBar(sys.stderr, len(paths)) if _is_terminal(sys.stderr) else None
    outcomes: list[ImportOutcome] = []

    def tell(index: int, outcome: ImportOutcome) -> None:
        outcomes.append(outcome)
        if bar is not None:
            bar.clear()
        if outcome.status == REFUSED:
            print(f"vitidesk: error: {outcome.message}", file=sys.stderr)
        else:
            ctx.say(outcome.message)
        if bar is not None:
            upcoming = shown_name(paths[index + 1]) if index + 1 < len(paths) else ""
            bar.draw(index + 1, upcoming.rsplit("/", 1)[-1])

    if bar is not None:
        bar.draw(0, shown_name(paths[0]).rsplit("/", 1)[-1])
    stopped = False
    try:
        library.import_files(
            paths,
            site=site,
            taken=args.taken,
            light="uv" if args.uv else "visible",
            allow_duplicates=args.allow_duplicates,
            progress=tell,
        )
    except KeyboardInterrupt:
        stopped = True
    if bar is not None:
        bar.clear()
    counts = {status: sum(o.status == status for o in outcomes) for status in STATUSES}
    summary = (
        f"{counts[IMPORTED]} imported, {counts[DUPLICATE]} skipped as duplicates, "
        f"{counts[REFUSED]} refused."
    )
    if stopped:
        ctx.say(
            f"Stopped after {len(outcomes)} of {len(paths)} file(s): {summary} "
            "The rest were not imported."
        )
        return 130
    ctx.say(f"Done: {summary}")
    return 2 if counts[REFUSED] else 0


def _is_terminal(stream: object) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def _list(args: argparse.Namespace, ctx: CommandContext, library: PhotosService) -> int:
    site_id = library.site_named(args.site).id if args.site else None
    photos = library.photos(site_id)
    if args.json:
        ctx.say(
            json.dumps(
                [
                    {
                        "id": photo.id,
                        "site": photo.site,
                        "taken_at": photo.taken_at.isoformat(),
                        "path": str(library.path_of(photo)),
                        "width": photo.width,
                        "height": photo.height,
                        "light": photo.light,
                        "label": photo.label,
                    }
                    for photo in photos
                ],
                indent=2,
            )
        )
        return 0
    for photo in photos:
        ctx.say(
            f"{photo.id:>5}  {photo.taken_at.isoformat()}  {photo.site:<12} "
            f"{photo.width}x{photo.height}  {photo.light}"
        )
    if not photos:
        ctx.say("No photos yet.")
    return 0
