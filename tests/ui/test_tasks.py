"""The task helper: ids, latest wins, one guarded job at a time, progress, and shutdown."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QObject

from vitidesk.ui.tasks import STORE_GUARD, Job, JobCancelledError, Tasks


def _gate() -> tuple[threading.Event, threading.Event]:
    """(started, release): the work says when it runs and waits until released."""
    return threading.Event(), threading.Event()


def _held(started: threading.Event, release: threading.Event, value: object):
    def work(job: Job) -> object:
        started.set()
        assert release.wait(10)
        return value

    return work


def test_every_job_has_its_own_id(qtbot) -> None:
    runner = Tasks()
    got: list[int] = []
    first = runner.start(None, lambda job: 1, got.append)
    second = runner.start(None, lambda job: 2, got.append)
    assert first is not None and second is not None and first.id != second.id
    qtbot.waitUntil(lambda: sorted(got) == [1, 2], timeout=5000)


def test_only_the_latest_result_for_a_key_is_applied(qtbot) -> None:
    runner, owner = Tasks(), QObject()
    shown: list[str] = []
    started, release = _gate()
    old = runner.start(owner, _held(started, release, "old pair"), shown.append, key="estimate")
    assert started.wait(5)
    new = runner.start(owner, lambda job: "new pair", shown.append, key="estimate")
    assert old is not None and old.cancelled and new is not None and not new.cancelled
    qtbot.waitUntil(lambda: shown == ["new pair"], timeout=5000)
    release.set()
    assert runner.wait(5000)
    qtbot.waitUntil(lambda: not runner.running(), timeout=5000)
    assert shown == ["new pair"]  # the older job finished last and was still dropped


def test_a_cancelled_key_applies_nothing(qtbot) -> None:
    runner = Tasks()
    shown: list[str] = []
    started, release = _gate()
    runner.start(None, _held(started, release, "stale"), shown.append, key="align")
    runner.cancel("align")
    release.set()
    assert runner.wait(5000)
    qtbot.waitUntil(lambda: not runner.running(), timeout=5000)
    assert shown == []


def test_the_busy_guard_refuses_a_second_guarded_job(qtbot) -> None:
    runner = Tasks()
    done: list[str] = []
    started, release = _gate()
    first = runner.start(None, _held(started, release, "restore"), done.append, guard=STORE_GUARD)
    assert first is not None and runner.busy(STORE_GUARD)
    assert runner.start(None, lambda job: "import", done.append, guard=STORE_GUARD) is None
    assert runner.start(None, lambda job: "thumbnail", done.append) is not None  # unguarded
    release.set()
    qtbot.waitUntil(lambda: sorted(done) == ["restore", "thumbnail"], timeout=5000)
    assert not runner.busy(STORE_GUARD)
    assert runner.start(None, lambda job: "import", done.append, guard=STORE_GUARD) is not None


def test_progress_arrives_on_the_gui_thread(qtbot) -> None:
    runner = Tasks()
    seen: list[tuple[int, int, bool]] = []
    finished: list[object] = []

    def work(job: Job) -> str:
        for step in range(1, 4):
            job.progress(step, 3)
        return "done"

    def progress(done: int, total: int) -> None:
        seen.append((done, total, threading.current_thread() is threading.main_thread()))

    runner.start(None, work, finished.append, on_progress=progress)
    qtbot.waitUntil(lambda: finished == ["done"], timeout=5000)
    assert seen and seen[-1] == (3, 3, True)
    assert all(on_gui for _done, _total, on_gui in seen)


def test_shutdown_stops_long_work_at_its_next_step_and_drops_its_result(qtbot) -> None:
    runner = Tasks()
    results: list[object] = []
    errors: list[BaseException] = []
    steps: list[int] = []
    started = threading.Event()

    def work(job: Job) -> str:
        for step in range(10_000):
            started.set()
            steps.append(step)
            job.stopping_progress(step, 10_000)
            threading.Event().wait(0.001)
        return "finished"

    runner.start(None, work, results.append, errors.append)
    assert started.wait(5)
    assert runner.shutdown(10_000)
    assert len(steps) < 10_000
    qtbot.waitUntil(lambda: not runner.running(), timeout=5000)
    assert results == [] and errors == []  # a cancelled job is neither a result nor an error


def test_stop_point_raises_once_cancelled() -> None:
    job = Job(1, None, None)
    job.stop_point()  # still wanted: carries on
    job.cancel()
    with pytest.raises(JobCancelledError):
        job.stop_point()
