"""Run slow work off the GUI thread and hand the result back on it (Anki's CollectionOp idea).

``run_in_background(owner, work, on_done, on_error)`` runs ``work()`` on the global
QThreadPool. ``on_done(result)`` or ``on_error(exception)`` then runs on the GUI thread, so it
may touch widgets; ``work`` must never touch a widget. If ``owner`` is destroyed first, the
callbacks are dropped.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

_running: set[_Relay] = set()


class _Relay(QObject):
    """Lives on the GUI thread; the worker's signals reach it through a queued connection."""

    finished = Signal(object)
    failed = Signal(object)

    def __init__(
        self,
        owner: QObject,
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None,
    ) -> None:
        super().__init__(owner)
        self._on_done = on_done
        self._on_error = on_error
        self.finished.connect(self._deliver_result)
        self.failed.connect(self._deliver_error)

    @Slot(object)
    def _deliver_result(self, result: object) -> None:
        _running.discard(self)
        self._on_done(result)
        self.deleteLater()

    @Slot(object)
    def _deliver_error(self, error: object) -> None:
        _running.discard(self)
        if self._on_error is not None:
            self._on_error(error)  # type: ignore[arg-type]
        else:
            from vitidesk.ui.crash_handler import report_exception

            report_exception(error)  # type: ignore[arg-type]
        self.deleteLater()


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._work = work
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._work()
        except Exception as exc:
            self._deliver(self._relay.failed, exc)
        else:
            self._deliver(self._relay.finished, result)

    @staticmethod
    def _deliver(signal, value: object) -> None:
        # If the owner, and with it the relay, is gone, nobody is waiting for the value.
        with contextlib.suppress(RuntimeError):
            signal.emit(value)


def run_in_background(
    owner: QObject,
    work: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None] | None = None,
) -> None:
    relay = _Relay(owner, on_done, on_error)
    _running.add(relay)
    QThreadPool.globalInstance().start(_Job(work, relay))


def wait_for_background_tasks(msecs: int = 30000) -> bool:
    """Block until queued work has run (used when the app quits and in tests)."""
    return QThreadPool.globalInstance().waitForDone(msecs)
