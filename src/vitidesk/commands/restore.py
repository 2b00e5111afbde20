"""``vitidesk restore FILE [--yes]``: replace your data with a verified backup. No Qt."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from vitidesk.errors import UserError
from vitidesk.services.backup import BackupService, Counts, RestorePreview

if TYPE_CHECKING:
    from vitidesk.commands import CommandContext

NAME = "restore"
HELP = "replace your data with the contents of a backup file"

SETTING_NAMES = {
    "local_crisis_number": "local crisis number",
    "region": "region for crisis contacts",
    "reminder_days": "questionnaire reminder (days)",
    "appearance": "appearance",
    "paper_size": "report paper size",
    "reduced_motion": "reduced motion",
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Checks the backup first (its database must be exactly what VitiDesk writes) and "
        "shows what it would change; then unpacks it inside the data folder, checking every "
        "file, and only then swaps it in. Your current data are kept beside the folder as "
        "<folder>.before-restore-<time>. Refused while the app has the folder open."
    )
    parser.add_argument(
        "file", type=Path, metavar="FILE", help="a backup made by `vitidesk backup`"
    )
    parser.add_argument(
        "--yes", action="store_true", help="confirm replacing the data already in the data folder"
    )


def _counts(counts: Counts) -> str:
    return (
        f"{counts.responses} questionnaire answer(s), {counts.photos} photo(s), "
        f"{counts.diary} diary entr{'y' if counts.diary == 1 else 'ies'}"
    )


def _value(value: Any) -> str:
    if value in ("", None):
        return "not set"
    return str(value)


def preview_lines(preview: RestorePreview) -> list[str]:
    lines = [
        f"Backup of {preview.created_at or 'unknown date'} "
        f"(VitiDesk {preview.app_version or '?'}, data version {preview.schema_version}).",
        f"  In the backup:    {_counts(preview.backup)}.",
    ]
    if preview.current is not None:
        lines.append(f"  In your data now: {_counts(preview.current)}.")
    for change in preview.settings:
        name = SETTING_NAMES.get(change.key, change.key)
        was, will = _value(change.now), _value(change.backup)
        lines.append(f"  Setting that changes: {name}: {was} -> {will}")
    for line in preview.left_out:
        lines.append(f"  Left out when the backup was made: {line}")
    return lines


def run(args: argparse.Namespace, ctx: CommandContext) -> int:
    data_dir = ctx.paths.data_dir
    if data_dir.exists() and not data_dir.is_dir():
        raise UserError(str(data_dir), "is a file, not a data folder")
    service = BackupService(data_dir)
    holds_data = service.holds_data()

    def confirm(preview: RestorePreview) -> bool:
        for line in preview_lines(preview):
            ctx.say(line)
        if holds_data and not args.yes:
            raise UserError(
                str(data_dir),
                "already holds data; restoring replaces it (the current data are kept beside "
                "it). Run again with --yes to confirm",
            )
        return True

    summary = service.restore_file(args.file, confirm=confirm)
    if summary is None:  # pragma: no cover - confirm says yes or raises
        return 2
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
