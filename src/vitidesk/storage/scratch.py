"""Scratch space inside the data folder, never beside it or in the temp folder.

Work in progress that holds health data (a backup's database snapshot, a restore being
unpacked) lives in ``<data folder>/.scratch-<kind>-<random>/``, private like the rest of the
folder. Each scratch folder holds a lock of its own while its process works in it; one whose
lock is free was left by a process that died (``kill -9``, a power cut), and
:func:`clean_stale_scratch` removes it. A file that has to be written outside the data folder
(an export, a backup) is named in the same way while it is unfinished, so a killed run's
half-written file is found and removed too. No Qt here.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from vitidesk.storage.atomic import PRIVATE_DIR_MODE
from vitidesk.storage.folder_lock import FolderLock

SCRATCH_PREFIX = ".scratch-"
PENDING_PREFIX = ".pending-"  # a scratch folder in the instant before its owner locks it
PENDING_GRACE_S = 60.0  # a pending folder older than this was left by a killed run
OWNER_LOCK = ".owner.lock"
OUTSIDE_NOTE = "outside.json"  # an unfinished file outside the data folder, by path
KEEP_MARKER = ".ready"  # a finished restore waiting to be swapped in: never stale scratch
PART_PATTERN = re.compile(r"^\..+\.part$")


class Scratch:
    """A private scratch folder that this process owns until :meth:`close`."""

    def __init__(self, data_dir: Path, kind: str) -> None:
        # Made under another name and locked before it is named as scratch, so no other
        # process can ever see it as scratch without its owner's lock.
        pending = Path(tempfile.mkdtemp(prefix=f"{PENDING_PREFIX}{kind}-", dir=data_dir))
        if os.name == "posix":
            os.chmod(pending, PRIVATE_DIR_MODE)
        self._owner = FolderLock(pending, OWNER_LOCK)
        if not self._owner.acquire():  # pragma: no cover - a brand-new folder is ours
            raise OSError(f"{pending}: cannot be locked")
        self.path = data_dir / (SCRATCH_PREFIX + pending.name[len(PENDING_PREFIX) :])
        os.rename(pending, self.path)
        self._owner.folder_renamed(self.path)
        self.keep = False

    def note_outside(self, path: Path) -> None:
        """Record an unfinished file outside the data folder, so a killed run's is removed."""
        (self.path / OUTSIDE_NOTE).write_text(json.dumps(str(path)), encoding="utf-8")

    def close(self) -> None:
        """Remove the folder (unless :attr:`keep` says a restore handed it on) and let go."""
        try:
            if not self.keep:
                _remove_outside(self.path)
                shutil.rmtree(self.path, ignore_errors=True)
        finally:
            self._owner.release()


@contextlib.contextmanager
def scratch_dir(data_dir: Path, kind: str) -> Iterator[Scratch]:
    scratch = Scratch(data_dir, kind)
    try:
        yield scratch
    finally:
        scratch.close()


def _remove_outside(folder: Path) -> None:
    note = folder / OUTSIDE_NOTE
    try:
        path = Path(json.loads(note.read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        return
    if PART_PATTERN.match(path.name):  # only ever our own unfinished files
        with contextlib.suppress(OSError):
            path.unlink()


def is_stale(folder: Path) -> bool:
    probe = FolderLock(folder, OWNER_LOCK)
    try:
        free = probe.acquire()
    except OSError:
        return False
    probe.release()
    return free


def scratch_folders(data_dir: Path) -> list[Path]:
    try:
        return sorted(p for p in data_dir.iterdir() if p.name.startswith(SCRATCH_PREFIX))
    except OSError:
        return []


def clean_stale_scratch(data_dir: Path) -> int:
    """Remove what killed runs left in ``data_dir``; return how many were removed. A finished
    restore (:data:`KEEP_MARKER`) is left for the restore to complete."""
    removed = 0
    for folder in scratch_folders(data_dir):
        if (folder / KEEP_MARKER).exists() or not is_stale(folder):
            continue
        _remove_outside(folder)
        shutil.rmtree(folder, ignore_errors=True)
        removed += 1
    with contextlib.suppress(OSError):
        for folder in data_dir.iterdir():
            if not folder.name.startswith(PENDING_PREFIX):
                continue
            if time.time() - folder.stat().st_mtime > PENDING_GRACE_S and is_stale(folder):
                shutil.rmtree(folder, ignore_errors=True)
                removed += 1
    return removed
