"""The CLI's subcommands. Each module has NAME, HELP, add_arguments(parser) and run(args, ctx).

Headless commands never import Qt: a call costs a Python start plus its own work. Later
features add their modules (photos, wellbeing, report, export, backup, restore) to COMMANDS.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from typing import TextIO

from vitidesk.commands import backup, check, export, info, photos, report, restore, wellbeing
from vitidesk.paths import AppPaths
from vitidesk.storage.database import Store
from vitidesk.storage.demo import open_demo_store

COMMANDS = (check, info, photos, wellbeing, report, export, backup, restore)


@dataclass
class CommandContext:
    """What a subcommand needs: the resolved folders and where to print."""

    paths: AppPaths
    out: TextIO = field(default_factory=lambda: sys.stdout)

    def open_store(self, *, create: bool = True, readonly: bool = False) -> Store:
        if self.paths.demo:
            store = open_demo_store(self.paths.data_dir)
            if readonly:
                store.close()
                return Store.open(self.paths.data_dir, readonly=True)
            return store
        return Store.open(self.paths.data_dir, create=create, readonly=readonly)

    def say(self, line: str = "") -> None:
        print(line, file=self.out)
