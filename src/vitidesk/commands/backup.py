"""``vitidesk backup --out FILE``: write a verified backup of all your data. No Qt."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from vitidesk.storage.backup import create_backup

if TYPE_CHECKING:
    from vitidesk.commands import CommandContext

NAME = "backup"
HELP = "save all your data and photos into one backup file"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Writes one ZIP file holding a snapshot of the database, every stored photo and a "
        "manifest of checksums. Restore it with `vitidesk restore FILE`. The file is not "
        "encrypted: keep it somewhere private."
    )
    parser.add_argument(
        "--out", required=True, type=Path, metavar="FILE", help="the backup file to write"
    )


def _size(count: int) -> str:
    amount = float(count)
    for unit in ("bytes", "KB", "MB", "GB"):
        if amount < 1024 or unit == "GB":
            return f"{count} bytes" if unit == "bytes" else f"{amount:.1f} {unit}"
        amount /= 1024
    return f"{count} bytes"  # pragma: no cover


def run(args: argparse.Namespace, ctx: CommandContext) -> int:
    with ctx.open_store(create=False, readonly=True) as store:
        summary = create_backup(store, args.out)
    ctx.say(f"Backup written: {summary.path}")
    ctx.say(
        f"Members: {summary.members} (the database, {summary.files} file(s) and the manifest); "
        f"{summary.total_bytes} bytes of data, {_size(summary.archive_bytes)} on disk."
    )
    ctx.say("The backup is not encrypted: keep it somewhere private.")
    return 0
