"""Run slow work off the GUI thread and hand the result back on it (Anki's CollectionOp idea).

Every job gets an id and runs on this module's own thread pool; its result, its error and
its progress come back on the GUI thread, so the callbacks may touch widgets and the work
must never touch one. Four rules keep late results from doing harm:

* Latest wins: jobs started under the same ``key`` (a view and what it computes, such as
  ``(panel, "estimate")``) replace each other; only the newest one's result is applied, and
  :meth:`Tasks.cancel` drops it too (a photo was switched: its old estimate means nothing).
* Busy guard: a job started with a ``guard`` is refused (``start`` returns None) while
  another job holding the same guard runs. Restores, imports, backups and the demo reset all
  hold :data:`STORE_GUARD`, so there is never a second one.
* Progress: the work receives its :class:`Job`; ``job.progress(done, total)`` reaches
  ``on_progress`` (at most every :data:`PROGRESS_EVERY_S`) and ``job.stop_point()`` raises
  :class:`JobCancelledError` once the job is no longer wanted, so long work can stop early.
* Owners and shutdown: a result for an owner that was destroyed is dropped.
  :meth:`Tasks.shutdown` (the store is replaced or the window closes) cancels every job and
  waits for the workers, so no job still reads a store that is about to close.
"""

from __future__ import annotations

import itertools
import threading
import time
from collections.abc import Callable, Hashable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

STORE_GUARD = "store"
"""Held by every job that writes a lot or swaps the store: restore, import, backup, reset."""

PROGRESS_EVERY_S = 0.05  # 20 updates a second look smooth and cost nothing
SHUTDOWN_WAIT_MS = 30_000  # a restore's swap or a backup's last file: never cut off


class JobCancelledError(Exception):
    """The job is no longer wanted: raised by :meth:`Job.stop_point`, never shown."""


class Job:
    """One piece of background work: its id, key and guard, and whether it is still wanted."""

    def __init__(self, job_id: int, key: Hashable | None, guard: str | None) -> None:
        self.id = job_id
        self.key = key
        self.guard = guard
        self._cancel = threading.Event()
        self._relay: _Relay | None = None
        self._last_progress = 0.0

    def __repr__(self) -> str:
        return f"Job({self.id}, key={self.key!r}, guard={self.guard!r})"

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def stop_point(self) -> None:
        """Raise :class:`JobCancelledError` once the job is no longer wanted (between steps)."""
        if self._cancel.is_set():
            raise JobCancelledError

    def progress(self, done: int, total: int) -> None:
        """Report progress; safe from the worker. The last step is always reported."""
        now = time.monotonic()
        if done < total and now - self._last_progress < PROGRESS_EVERY_S:
            return
        self._last_progress = now
        if self._relay is not None:
            self._relay.progressed.emit(self, done, total)

    def stopping_progress(self, done: int, total: int) -> None:
        """:meth:`progress`, then :meth:`stop_point`: for work that may stop half-way."""
        self.progress(done, total)
        self.stop_point()


class _Entry:
    def __init__(
        self,
        job: Job,
        owner: QObject | None,
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None,
        on_progress: Callable[[int, int], None] | None,
    ) -> None:
        self.job = job
        self.owner = owner
        self.on_done = on_done
        self.on_error = on_error
        self.on_progress = on_progress

    def wanted(self) -> bool:
        return not self.job.cancelled and (self.owner is None or shiboken6.isValid(self.owner))


class _Relay(QObject):
    """Lives on the GUI thread; the workers' signals reach it through queued connections."""

    finished = Signal(object, object)  # job, result
    failed = Signal(object, object)  # job, exception
    progressed = Signal(object, int, int)  # job, done, total


class _Run(QRunnable):
    def __init__(self, job: Job, work: Callable[[Job], Any], relay: _Relay) -> None:
        super().__init__()
        self._job = job
        self._work = work
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._work(self._job)
        except BaseException as exc:  # handed to the GUI thread, never lost
            self._relay.failed.emit(self._job, exc)
        else:
            self._relay.finished.emit(self._job, result)


class Tasks(QObject):
    """The app's background jobs (one instance: :func:`tasks`)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._ids = itertools.count(1)
        self._entries: dict[int, _Entry] = {}  # started and not yet delivered
        self._latest: dict[Hashable, int] = {}  # key -> the id of its newest job
        self._relay = _Relay(self)
        self._relay.finished.connect(self._deliver_result)
        self._relay.failed.connect(self._deliver_error)
        self._relay.progressed.connect(self._deliver_progress)

    # -- starting ------------------------------------------------------------------------
    def start(
        self,
        owner: QObject | None,
        work: Callable[[Job], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None = None,
        *,
        key: Hashable | None = None,
        guard: str | None = None,
        on_progress: Callable[[int, int], None] | None = None,
    ) -> Job | None:
        """Run ``work(job)`` on a worker; None (nothing started) while ``guard`` is busy."""
        if guard is not None and self.busy(guard):
            return None
        job = Job(next(self._ids), key, guard)
        job._relay = self._relay
        if key is not None:
            older = self._latest.get(key)
            if older is not None and older in self._entries:
                self._entries[older].job.cancel()
            self._latest[key] = job.id
        self._entries[job.id] = _Entry(job, owner, on_done, on_error, on_progress)
        self._pool.start(_Run(job, work, self._relay))
        return job

    # -- asking and stopping -------------------------------------------------------------
    def busy(self, guard: str) -> bool:
        """True while a job holding ``guard`` runs or waits to hand back its result."""
        return any(entry.job.guard == guard for entry in self._entries.values())

    def running(self) -> list[Job]:
        return [entry.job for entry in self._entries.values()]

    def cancel(self, key: Hashable) -> None:
        """Drop the newest job under ``key`` (its result will not be applied)."""
        job_id = self._latest.pop(key, None)
        if job_id is not None and job_id in self._entries:
            self._entries[job_id].job.cancel()

    def shutdown(self, msecs: int = SHUTDOWN_WAIT_MS) -> bool:
        """Cancel every job and wait for the workers (the store closes or is replaced)."""
        for entry in self._entries.values():
            entry.job.cancel()
        return self.wait(msecs)

    def wait(self, msecs: int = SHUTDOWN_WAIT_MS) -> bool:
        """Block until every worker has finished (results are delivered later, if wanted)."""
        return self._pool.waitForDone(msecs)

    # -- delivering ----------------------------------------------------------------------
    def _take(self, job: Job) -> _Entry | None:
        entry = self._entries.pop(job.id, None)
        if job.key is not None and self._latest.get(job.key) == job.id:
            del self._latest[job.key]
        return entry

    @Slot(object, object)
    def _deliver_result(self, job: Job, result: object) -> None:
        entry = self._take(job)
        if entry is not None and entry.wanted():
            entry.on_done(result)

    @Slot(object, object)
    def _deliver_error(self, job: Job, error: BaseException) -> None:
        entry = self._take(job)
        if entry is None or not entry.wanted() or isinstance(error, JobCancelledError):
            return
        if entry.on_error is not None:
            entry.on_error(error)
        else:
            from vitidesk.ui.crash_handler import report_exception

            report_exception(error)

    @Slot(object, int, int)
    def _deliver_progress(self, job: Job, done: int, total: int) -> None:
        entry = self._entries.get(job.id)
        if entry is not None and entry.on_progress is not None and entry.wanted():
            entry.on_progress(done, total)


_tasks: Tasks | None = None


def tasks() -> Tasks:
    """The app's one :class:`Tasks` (made on first use, on the GUI thread)."""
    global _tasks
    if _tasks is None or not shiboken6.isValid(_tasks):
        _tasks = Tasks()
    return _tasks


def run_in_background(
    owner: QObject,
    work: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None] | None = None,
    *,
    key: Hashable | None = None,
) -> Job:
    """Run ``work()`` off the GUI thread; ``on_done(result)`` or ``on_error(exception)`` then
    runs on the GUI thread unless ``owner`` was destroyed (or a newer job took ``key``)."""
    job = tasks().start(owner, lambda _job: work(), on_done, on_error, key=key)
    assert job is not None  # only a guarded start is ever refused
    return job


def wait_for_background_tasks(msecs: int = SHUTDOWN_WAIT_MS) -> bool:
    """Block until queued work has run (used when the app quits and in tests)."""
    return tasks().wait(msecs)
