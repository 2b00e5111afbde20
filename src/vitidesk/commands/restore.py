"""``vitidesk restore FILE [--yes]``: replace your data with a verified backup. No Qt."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from vitidesk.errors import UserError
from vitidesk.storage.backup import restore_backup

if TYPE_CHECKING:
    from vitidesk.commands import CommandContext

NAME = "restore"
HELP = "replace your data with the contents of a backup file"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Checks the whole backup first, unpacks it into a new folder and checks it there; "
        "only then swaps it in. Your current data folder is kept beside it as "
        "<folder>.before-restore-<time>."
    )
    parser.add_argument(
        "file", type=Path, metavar="FILE", help="a backup made by `vitidesk backup`"
    )
    parser.add_argument(
        "--yes", action="store_true", help="confirm replacing the data already in the data folder"
    )


def _holds_data(folder: Path) -> bool:
    return folder.exists() and (not folder.is_dir() or any(folder.iterdir()))


def run(args: argparse.Namespace, ctx: CommandContext) -> int:
    data_dir = ctx.paths.data_dir
    # No store is opened here: the folder is swapped as a whole, so nothing may hold it open.
    if _holds_data(data_dir) and not args.yes:
        raise UserError(
            str(data_dir),
            "already holds data; restoring replaces it (the current data are kept beside it). "
            "Run again with --yes to confirm",
        )
    summary = restore_backup(args.file, data_dir)
    ctx.say(
        f"Restored {summary.files} file(s) and the database ({summary.total_bytes} bytes) "
        f"from the backup of {summary.created_at or 'unknown date'} into {summary.data_dir}."
    )
    if summary.backup_schema_version != summary.schema_version:
        ctx.say(
            f"Data updated from version {summary.backup_schema_version} "
            f"to {summary.schema_version}."
        )
    if summary.previous is not None:
        ctx.say(f"Your previous data were kept in: {summary.previous}")
    else:
        ctx.say("There were no previous data in that folder.")
    return 0
