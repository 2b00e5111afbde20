"""One process owns a data folder: an exclusive lock on a file inside it.

The running app holds it for as long as its window is open; ``restore`` and anything that
creates or migrates the store take it for as long as they work. The operating system drops
the lock when its process ends, even on ``kill -9``, so a crash never leaves the folder
locked. Within one process the lock is re-entrant: the app's own restore runs under the
lock the window already holds. No Qt, and no sockets: nothing that could touch a network.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from vitidesk.errors import UserError
from vitidesk.paths import LOCK_FILE

_POLL_S = 0.05
_held: dict[str, FolderLock] = {}  # this process's locks, by folder
_held_guard = threading.Lock()

BUSY = (
    "VitiDesk is open with this data folder, or another VitiDesk command is changing it; "
    "close the app (or wait for the command) and try again"
)


class FolderBusyError(UserError):
    """Another process owns the data folder."""


def _key(folder: Path) -> str:
    return os.path.normcase(os.path.realpath(folder))


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True


class FolderLock:
    """The lock file ``name`` in ``folder``. Take it with :meth:`acquire`."""

    def __init__(self, folder: Path, name: str = LOCK_FILE) -> None:
        self.folder = Path(folder)
        self.path = self.folder / name
        self._fd: int | None = None
        self._registered = name == LOCK_FILE  # a data folder's lock, not a scratch owner's

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self, wait: float = 0.0) -> bool:
        """Take the lock, waiting up to ``wait`` seconds; False if another process has it."""
        if self._fd is not None:
            return True
        deadline = time.monotonic() + wait
        while True:
            if self._try_once():
                if self._registered:
                    with _held_guard:
                        _held.setdefault(_key(self.folder), self)
                return True
            if time.monotonic() >= deadline:
                return False
            time.sleep(_POLL_S)

    def _try_once(self) -> bool:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            if not _try_lock(fd):
                os.close(fd)
                return False
            # The holder before us may have removed the file as it let go: our lock is then
            # on a file nobody else will look at. Only the file at the path counts.
            mine = os.fstat(fd)
            try:
                there = os.stat(self.path)
            except FileNotFoundError:
                os.close(fd)
                return False
            if (mine.st_dev, mine.st_ino) != (there.st_dev, there.st_ino):
                os.close(fd)
                return False
        except BaseException:
            with contextlib.suppress(OSError):
                os.close(fd)
            raise
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        self._fd = fd
        return True

    def folder_renamed(self, folder: Path) -> None:
        """The folder holding the lock file was renamed (the lock goes with the file)."""
        self.folder = Path(folder)
        self.path = self.folder / self.path.name

    def release(self) -> None:
        """Let go (a second call does nothing). The lock file goes too."""
        fd, self._fd = self._fd, None
        if fd is None:
            return
        if self._registered:
            with _held_guard:
                if _held.get(_key(self.folder)) is self:
                    del _held[_key(self.folder)]
        with contextlib.suppress(OSError):
            here = os.stat(self.path)
            mine = os.fstat(fd)
            if (here.st_dev, here.st_ino) == (mine.st_dev, mine.st_ino):
                os.unlink(self.path)  # while still locked: nobody can take a stale file
        os.close(fd)


def held_here(folder: Path) -> bool:
    """True when this process already owns ``folder`` (the app, during its own restore)."""
    with _held_guard:
        return _key(folder) in _held


@contextlib.contextmanager
def owning(folder: Path, *, wait: float = 0.0) -> Iterator[None]:
    """Own ``folder`` for the block (re-entrant in this process), or raise
    :class:`FolderBusyError` naming it. ``folder`` must exist."""
    if held_here(folder):
        yield
        return
    lock = FolderLock(folder)
    try:
        taken = lock.acquire(wait)
    except OSError as exc:
        raise UserError(str(folder), f"cannot be locked ({exc.strerror or exc})") from None
    if not taken:
        raise FolderBusyError(str(folder), BUSY)
    try:
        yield
    finally:
        lock.release()
