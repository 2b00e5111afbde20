"""Unlocking a data folder with a passphrase or recovery key, slower after each wrong try.

A wrong passphrase is told in one line after a pause that doubles with each failed try in a
row (1 s, 2 s, 4 s ... up to 30 s), so guessing through the app or the command line is slow.
The count is kept in a hidden file in the data folder (so it holds across commands; a
read-only folder keeps it in memory) and cleared by a right answer. No Qt here.
"""

from __future__ import annotations

import contextlib
import json
import threading
import time
from collections.abc import Callable
from pathlib import Path

from vitidesk.storage.atomic import atomic_write_text
from vitidesk.storage.keyring import KeyFile, StoreKey, WrongPassphraseError, read_key_file

ATTEMPTS_FILE = ".unlock-attempts"  # hidden: not data, never in a backup or a restore
FIRST_PAUSE_S = 1.0
"""Why: a person who mistyped hardly notices one second; a guessing script does."""
MAX_PAUSE_S = 30.0
"""Why: long enough to make guessing hopeless, short enough that the person is not locked out."""

_memory: dict[str, int] = {}  # failed tries of folders that cannot be written
_guard = threading.Lock()
sleep: Callable[[float], None] = time.sleep  # tests replace it to see the pauses


def pause_after(failures: int) -> float:
    """Seconds to wait after the ``failures``-th wrong try in a row."""
    if failures <= 0:
        return 0.0
    return min(MAX_PAUSE_S, FIRST_PAUSE_S * 2 ** (failures - 1))


def failed_tries(data_dir: Path) -> int:
    try:
        raw = json.loads((data_dir / ATTEMPTS_FILE).read_text(encoding="utf-8"))
        count = int(raw.get("failures", 0))
    except (OSError, ValueError, TypeError, AttributeError):
        count = 0
    with _guard:
        return max(count, _memory.get(str(data_dir), 0))


def _record(data_dir: Path, failures: int) -> None:
    with _guard:
        if failures:
            _memory[str(data_dir)] = failures
        else:
            _memory.pop(str(data_dir), None)
    path = data_dir / ATTEMPTS_FILE
    with contextlib.suppress(OSError):
        if failures:
            atomic_write_text(path, json.dumps({"failures": failures}))
        else:
            path.unlink(missing_ok=True)


def unlock_key(data_dir: Path, secret: str, key_file: KeyFile | None = None) -> StoreKey:
    """The store's key, or (after the pause) a one-line :class:`WrongPassphraseError`.
    ``key_file`` is the folder's own unless given (a backup's, restored into the folder)."""
    data_dir = Path(data_dir)
    key_file = key_file or read_key_file(data_dir)
    return _unlock(key_file, secret, str(data_dir), data_dir if data_dir.is_dir() else None)


def unlock_backup_key(key_file: KeyFile, secret: str, backup: Path) -> StoreKey:
    """A backup's key (the count of wrong tries is kept in memory only)."""
    return _unlock(key_file, secret, str(backup), None)


def _unlock(key_file: KeyFile, secret: str, what: str, folder: Path | None) -> StoreKey:
    key = key_file.unlock(secret) if secret else None
    tries = failed_tries(folder) if folder is not None else _memory.get(what, 0)
    if key is not None:
        if tries and folder is not None:
            _record(folder, 0)
        elif tries:
            with _guard:
                _memory.pop(what, None)
        return key
    tries += 1
    if folder is not None:
        _record(folder, tries)
    else:
        with _guard:
            _memory[what] = tries
    sleep(pause_after(tries))
    raise WrongPassphraseError(what, "wrong passphrase (or recovery key); nothing was opened")
