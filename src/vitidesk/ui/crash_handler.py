"""Unexpected errors in the GUI: log the traceback, tell the person where, keep running."""

from __future__ import annotations

import sys
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from vitidesk.errors import UserError, write_crash_log

_log_dir: Path | None = None
_showing = False


def _tr(text: str) -> str:
    return QCoreApplication.translate("CrashHandler", text)


def install(log_dir: Path) -> None:
    global _log_dir
    _log_dir = log_dir
    sys.excepthook = _excepthook


def _excepthook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        QApplication.quit()
        return
    report_exception(exc)


def report_exception(exc: BaseException) -> None:
    """Show ``exc`` to the person: a UserError as its one line, anything else via the log."""
    global _showing
    if isinstance(exc, UserError):
        _show(_tr("That did not work"), exc.one_line())
        return
    log = write_crash_log(_log_dir, exc) if _log_dir is not None else None
    where = (
        _tr("The details were saved in {0}. You can send that file to the developers.").format(log)
        if log
        else _tr("The details could not be saved.")
    )
    message = _tr("Something went wrong inside VitiDesk. Your data are safe.") + "\n\n" + where
    if _showing:  # never stack dialogs if errors repeat
        return
    _showing = True
    try:
        _show(_tr("Something went wrong"), message)
    finally:
        _showing = False


def _show(title: str, text: str) -> None:
    if QApplication.instance() is None:
        print(f"vitidesk: error: {text}", file=sys.stderr)
        return
    box = QMessageBox(QApplication.activeWindow())
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setText(text)
    box.setTextInteractionFlags(box.textInteractionFlags())
    box.exec()
