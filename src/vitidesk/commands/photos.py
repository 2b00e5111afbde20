"""``vitidesk photos``: import photos, list them, list body sites. No Qt."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from vitidesk.commands.arguments import iso_date
from vitidesk.commands.photo_align import add_align_parser, run_align
from vitidesk.commands.photo_measure import add_measure_parser, run_measure
from vitidesk.errors import UserError
from vitidesk.storage.photo_batch import DEFAULT_SITE, REFUSED, expand_paths, import_files
from vitidesk.storage.photos import PhotoLibrary

if TYPE_CHECKING:
    from vitidesk.commands import CommandContext

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
        library = PhotoLibrary(store)
        if args.photos_action == "import":
            return _import(args, ctx, library)
        if args.photos_action == "sites":
            for site in library.sites():
                ctx.say(f"{site.name}: {site.photo_count} photo(s)")
            return 0
        return _list(args, ctx, library)


def _import(args: argparse.Namespace, ctx: CommandContext, library: PhotoLibrary) -> int:
    site = library.site_named(args.site or DEFAULT_SITE, create=args.site is None)
    paths = expand_paths(args.files)
    if not paths:
        raise UserError(" ".join(args.files), "no files to import")
    outcomes = import_files(
        library,
        paths,
        site=site,
        taken=args.taken,
        light="uv" if args.uv else "visible",
        allow_duplicates=args.allow_duplicates,
    )
    refused = 0
    for outcome in outcomes:
        if outcome.status == REFUSED:
            refused += 1
            print(f"vitidesk: error: {outcome.message}", file=sys.stderr)
        else:
            ctx.say(outcome.message)
    imported = sum(1 for o in outcomes if o.status == "imported")
    skipped = sum(1 for o in outcomes if o.status == "duplicate")
    ctx.say(f"Done: {imported} imported, {skipped} skipped as duplicates, {refused} refused.")
    return 2 if refused else 0


def _list(args: argparse.Namespace, ctx: CommandContext, library: PhotoLibrary) -> int:
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
