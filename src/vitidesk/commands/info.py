"""``vitidesk info``: where VitiDesk keeps this profile's data and what is in it."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING

from vitidesk import __version__
from vitidesk.storage.database import Store, data_entries
from vitidesk.storage.vault import FileVault

if TYPE_CHECKING:
    from vitidesk.commands import CommandContext

NAME = "info"
HELP = "show where your data are kept and what they hold"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print one JSON object")


def run(args: argparse.Namespace, ctx: CommandContext) -> int:
    facts: dict[str, object] = {
        "version": __version__,
        "profile": "demo" if ctx.paths.demo else "personal",
        "data_dir": str(ctx.paths.data_dir),
        "log_dir": str(ctx.paths.log_dir),
        "store_exists": Store.exists_in(ctx.paths.data_dir) or ctx.paths.demo,
    }
    others = [] if facts["store_exists"] else data_entries(ctx.paths.data_dir)
    if others:
        facts["problem"] = (
            "the database is missing but the folder holds other data "
            f"({', '.join(others[:3])}); run `vitidesk check`, or restore a backup"
        )
    if facts["store_exists"]:
        with ctx.open_store(readonly=True) as store:
            files = FileVault(store).all()
            facts["data_version"] = store.schema_version
            facts["files"] = len(files)
            facts["files_bytes"] = sum(item.size_bytes for item in files)
    if args.json:
        ctx.say(json.dumps(facts, indent=2))
        return 1 if others else 0
    ctx.say(f"VitiDesk {facts['version']} ({facts['profile']} profile)")
    ctx.say(f"Data folder: {facts['data_dir']}")
    ctx.say(f"Log folder:  {facts['log_dir']}")
    if facts["store_exists"]:
        ctx.say(f"Data version: {facts['data_version']}")
        ctx.say(f"Stored files: {facts['files']} ({facts['files_bytes']} bytes)")
    elif others:
        ctx.say(f"Problem: {facts['problem']}.")
        return 1
    else:
        ctx.say("No data yet: VitiDesk creates the folder the first time you open the app.")
    return 0
