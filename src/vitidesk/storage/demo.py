"""The demo profile: a throwaway store with realistic sample data, never the patient's.

Each feature adds a seeder to :data:`SEEDERS`; :func:`open_demo_store` runs them all on a
fresh demo folder, and :func:`reset_demo` wipes the folder and seeds it again. A marker file
proves a folder is a demo folder before anything in it is deleted.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from pathlib import Path

from vitidesk.errors import UserError
from vitidesk.paths import RUNTIME_FILES
from vitidesk.storage.atomic import atomic_write_text, ensure_private_dir
from vitidesk.storage.database import Store
from vitidesk.storage.demo_photos import prepared_series, seed_photos
from vitidesk.storage.demo_responses import seed_responses
from vitidesk.storage.diary import seed_diary

MARKER = ".vitidesk-demo"
DEMO_NAME = "Alex Demo"


def seed_profile(store: Store) -> None:
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    with store.transaction() as conn:
        conn.execute(
            "INSERT OR REPLACE INTO profile (id, display_name, created_at) VALUES (1, ?, ?)",
            (DEMO_NAME, now),
        )


# Features append their seeders here, in the order they should run, and bump SEED_VERSION so
# demo folders made by an older VitiDesk are seeded again with the whole story.
SEEDERS: list[Callable[[Store], None]] = [seed_profile, seed_photos, seed_responses, seed_diary]
SEED_VERSION = 4


def warm_up() -> None:
    """Do the slow part of seeding ahead (rendering the sample photos); safe on a worker
    thread, so "Reset demo" can then swap the store in a moment."""
    prepared_series()


def is_demo_dir(folder: Path) -> bool:
    return (folder / MARKER).is_file()


def _seeded_version(folder: Path) -> int:
    try:
        text = (folder / MARKER).read_text(encoding="utf-8")
    except OSError:
        return 0
    for word in text.split():
        if word.startswith("seed-version="):
            try:
                return int(word.split("=", 1)[1])
            except ValueError:
                return 0
    return 0


def open_demo_store(folder: Path) -> Store:
    """Open the demo store in ``folder``, creating and seeding it the first time."""
    if Store.exists_in(folder) and is_demo_dir(folder):
        if _seeded_version(folder) == SEED_VERSION:
            return Store.open(folder)
        return reset_demo(folder)  # made by an older VitiDesk: sample data are missing
    contents = (
        [p for p in folder.iterdir() if p.name not in RUNTIME_FILES] if folder.exists() else []
    )
    if contents and not is_demo_dir(folder):
        raise UserError(str(folder), "this folder is not a VitiDesk demo folder; not touching it")
    ensure_private_dir(folder)
    atomic_write_text(
        folder / MARKER,
        f"VitiDesk demo profile: sample data only.\nseed-version={SEED_VERSION}\n",
    )
    store = Store.open(folder)
    for seeder in SEEDERS:
        seeder(store)
    return store


def reset_demo(folder: Path) -> Store:
    """Delete everything in the demo folder and seed it again. Refuses any other folder."""
    if folder.exists():
        if not is_demo_dir(folder):
            raise UserError(
                str(folder), "this folder is not a VitiDesk demo folder; not touching it"
            )
        for child in folder.iterdir():
            if child.name in RUNTIME_FILES:
                continue  # the running app's lock stays
            if child.is_dir() and not child.is_symlink():
                shutil.rmtree(child)
            else:
                child.unlink()
    return open_demo_store(folder)
