"""Errors a person can act on, and the crash log for everything else.

A :class:`UserError` names the thing and the reason; the CLI prints it as one line
(``vitidesk: error: <what>: <why>``) and the GUI shows it in a dialog. Anything else is a
bug: :func:`write_crash_log` keeps the traceback in the log folder so the person can send it
to us, and the app says where the file is instead of dumping the traceback on them.
"""

from __future__ import annotations

import datetime as _dt
import os
import traceback
from pathlib import Path


class UserError(Exception):
    """A problem with the person's input or files, explained in one line."""

    def __init__(self, what: str, why: str) -> None:
        super().__init__(f"{what}: {why}")
        self.what = what
        self.why = why

    def one_line(self) -> str:
        return f"{self.what}: {self.why}"


def write_crash_log(log_dir: Path, exc: BaseException) -> Path | None:
    """Append the traceback of ``exc`` to a dated log file; return its path (None if unwritable)."""
    stamp = _dt.datetime.now().astimezone()
    text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    path = log_dir / f"crash-{stamp:%Y-%m-%d}.log"
    try:
        log_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        with os.fdopen(fd, "a", encoding="utf-8") as handle:
            handle.write(f"=== {stamp.isoformat(timespec='seconds')}\n{text}\n")
    except OSError:
        return None
    return path
