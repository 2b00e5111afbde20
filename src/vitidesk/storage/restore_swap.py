"""Putting a restored copy in place of the current data, so that a crash at any moment is
finished the next time the folder is opened, never left half done.

A restore unpacks into a scratch folder inside the data folder. Once everything there has
been checked, a marker (:data:`READY`) lists what it holds; from then on the swap only
renames: each current entry moves into the scratch folder's ``.previous``, each restored
entry moves into the data folder, and ``.previous`` becomes ``<data folder>.before-restore-
<time>`` beside it. Every step can be repeated, so :func:`recover` simply runs the rest.
The data folder itself never moves: the running app's lock stays where it is. Hidden entries
(the lock, the demo marker, scratch) are not data and stay. Turning encryption on or off swaps
in the same way, but its ``.previous`` (the data in their old form) is deleted, not kept.
No Qt here.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import shutil
from pathlib import Path

from vitidesk.storage.atomic import PRIVATE_DIR_MODE, _fsync_dir, atomic_write_text
from vitidesk.storage.scratch import KEEP_MARKER, clean_stale_scratch, is_stale, scratch_folders

READY = KEEP_MARKER
PREVIOUS = ".previous"


def _kept_name(data_dir: Path) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    candidate = data_dir.with_name(f"{data_dir.name}.before-restore-{stamp}")
    counter = 1
    while candidate.exists():
        counter += 1
        candidate = data_dir.with_name(f"{data_dir.name}.before-restore-{stamp}-{counter}")
    return candidate


def is_data_entry(name: str) -> bool:
    """What a restore replaces: everything but hidden entries (lock, demo marker, scratch)."""
    return not name.startswith(".")


def swap_in(data_dir: Path, staging: Path, *, keep_previous: bool = True) -> Path | None:
    """Put ``staging``'s entries in place of ``data_dir``'s; return where the previous data
    were kept (None when there were none, or when ``keep_previous`` is False: then they are
    deleted once the new ones are in place)."""
    names = sorted(name for name in os.listdir(staging) if is_data_entry(name))
    kept = _kept_name(data_dir).name if keep_previous else None
    plan = {"names": names, "kept": kept}
    atomic_write_text(staging / READY, json.dumps(plan))
    _fsync_dir(staging)
    return finish_swap(data_dir, staging)


def finish_swap(data_dir: Path, staging: Path) -> Path | None:
    """Run the swap that ``staging``'s marker describes, from wherever it stopped."""
    plan = json.loads((staging / READY).read_text(encoding="utf-8"))
    names = set(plan["names"])
    previous = staging / PREVIOUS
    for entry in sorted(os.listdir(data_dir)):
        if not is_data_entry(entry):
            continue
        if entry not in names or os.path.lexists(staging / entry):  # still the current one
            if not previous.exists():
                previous.mkdir(mode=PRIVATE_DIR_MODE)
            os.rename(data_dir / entry, previous / entry)
    for name in sorted(names):
        if os.path.lexists(staging / name):
            os.rename(staging / name, data_dir / name)
    _fsync_dir(data_dir)
    kept: Path | None = None
    if previous.exists() and plan.get("kept") is None:
        shutil.rmtree(previous, ignore_errors=True)  # the old form of data now converted
    elif previous.exists():
        kept = data_dir.with_name(plan["kept"])
        if kept.exists():
            kept = _kept_name(data_dir)
        os.rename(previous, kept)
        _fsync_dir(data_dir.parent)
    (staging / READY).unlink()
    shutil.rmtree(staging, ignore_errors=True)
    _fsync_dir(data_dir)
    return kept


def swap_pending(data_dir: Path) -> bool:
    """True when a checked restore waits to be swapped in (a live one, or one cut short)."""
    return any((folder / READY).exists() for folder in scratch_folders(data_dir))


def old_leftovers(data_dir: Path) -> list[Path]:
    """Copies an earlier VitiDesk's killed restore left beside the data folder."""
    try:
        return sorted(data_dir.parent.glob(f".{data_dir.name}.restoring-*"))
    except OSError:
        return []


def recover(data_dir: Path) -> None:
    """Finish restores that were cut short and remove what killed runs left (in the folder,
    and an earlier version's unpacked copies beside it). Call it while owning the folder
    (:func:`vitidesk.storage.folder_lock.owning`)."""
    for folder in scratch_folders(data_dir):
        if (folder / READY).exists() and is_stale(folder):
            with contextlib.suppress(FileNotFoundError):
                finish_swap(data_dir, folder)
    clean_stale_scratch(data_dir)
    for leftover in old_leftovers(data_dir):
        shutil.rmtree(leftover, ignore_errors=True)
