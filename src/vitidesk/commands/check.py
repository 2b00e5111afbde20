"""``vitidesk check``: verify the database and every stored file; exit 0 healthy, 1 not."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from vitidesk.services.settings import SettingsService
from vitidesk.storage.database import NewerSchemaError, StoreError

if TYPE_CHECKING:
    from vitidesk.commands import CommandContext

NAME = "check"
HELP = "check that your stored data and photos are complete and undamaged"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Runs SQLite's integrity check on the database and compares every stored file "
        "with its recorded SHA-256 checksum. Changes nothing."
    )


def run(args: argparse.Namespace, ctx: CommandContext) -> int:
    try:
        store = ctx.open_store(create=False, readonly=True)
    except NewerSchemaError:
        raise
    except StoreError as exc:
        if "no VitiDesk data" in exc.why:
            raise
        ctx.say(f"Data folder: {ctx.paths.data_dir}")
        ctx.say(f"Result: not healthy. {exc.one_line()}")
        return 1
    with store:
        report = SettingsService(store).check()
    for line in report.summary_lines():
        ctx.say(line)
    return 0 if report.healthy else 1
