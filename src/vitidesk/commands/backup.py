"""``vitidesk backup --out FILE``: write a verified backup of all your data. No Qt."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from vitidesk.services.backup import BackupService

if TYPE_CHECKING:
    from vitidesk.commands import CommandContext

NAME = "backup"
HELP = "save all your data and photos into one backup file"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Writes one ZIP file holding a snapshot of the database, every stored photo and a "
        "manifest of checksums. Restore it with `vitidesk restore FILE`. A damaged or missing "
        "photo is left out and named (exit 1); everything else is still backed up. The file "
        "is not encrypted: keep it somewhere private."
    )
    parser.add_argument(
        "--out", required=True, type=Path, metavar="FILE", help="the backup file to write"
    )
    parser.add_argument("--force", action="store_true", help="replace FILE if it exists")


def size_text(count: int) -> str:
    amount = float(count)
    for unit in ("bytes", "KB", "MB", "GB"):
        if amount < 1024 or unit == "GB":
            return f"{count} bytes" if unit == "bytes" else f"{amount:.1f} {unit}"
        amount /= 1024
    return f"{count} bytes"  # pragma: no cover


def run(args: argparse.Namespace, ctx: CommandContext) -> int:
    with ctx.open_store(create=False, readonly=True) as store:
        service = BackupService(ctx.paths.data_dir, store, protect=ctx.paths.protected_folders())
        summary = service.backup(args.out, force=args.force)
    ctx.say(f"Backup written: {summary.path}")
    ctx.say(
        f"Members: {summary.members} (the database, {summary.files} file(s) and the manifest); "
        f"{summary.total_bytes} bytes of data, {size_text(summary.archive_bytes)} on disk."
    )
    ctx.say("The backup is not encrypted: keep it somewhere private.")
    for line in summary.left_out:
        print(f"vitidesk: left out: {line}", file=sys.stderr)
    if summary.left_out:
        ctx.say(
            f"{len(summary.left_out)} damaged or missing file(s) were left out (named above); "
            "everything else is in the backup. Run `vitidesk check`."
        )
        return 1
    return 0
