"""A second launch on the same data folder shows the first window instead of opening the store
twice; a different data folder (the demo, say) still opens on its own."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from tests.helpers import run_vitidesk
from vitidesk.paths import LOCK_FILE, RAISE_FILE


def _start_first(data: Path) -> subprocess.Popen:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    first = subprocess.Popen(
        [sys.executable, "-m", "vitidesk", "--data-dir", str(data)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 30
    while not (data / LOCK_FILE).exists():
        assert first.poll() is None, first.stderr.read()
        assert time.monotonic() < deadline, "the first instance never took the lock"
        time.sleep(0.05)
    time.sleep(0.5)  # let it start watching for requests
    return first


def test_second_launch_asks_the_first_window_to_show(tmp_path: Path) -> None:
    data = tmp_path / "mine"
    first = _start_first(data)
    try:
        second = run_vitidesk("--data-dir", str(data), "--exit-when-ready")
        assert second.returncode == 0, second.stderr
        assert "already open" in second.stdout
        deadline = time.monotonic() + 10
        while (data / RAISE_FILE).exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not (data / RAISE_FILE).exists(), "the first instance did not pick up the request"
        other = run_vitidesk("--data-dir", str(tmp_path / "other"), "--exit-when-ready")
        assert other.returncode == 0 and "already open" not in other.stdout
    finally:
        first.terminate()
        first.wait(timeout=10)


def test_after_a_restore_swaps_the_folder_the_lock_moves_to_the_new_one(qapp, tmp_path: Path):
    from vitidesk.ui.single_instance import InstanceGuard

    data = tmp_path / "mine"
    data.mkdir()
    guard = InstanceGuard(data)
    assert guard.acquire()
    data.rename(tmp_path / "mine.before-restore")  # what restore_backup does
    data.mkdir()
    probe = InstanceGuard(data)
    assert probe.acquire()  # nobody holds the new folder yet: a second app could open it...
    probe.release()
    guard.relock()  # ...until the app, told the store was replaced, takes it
    assert (data / LOCK_FILE).exists()
    assert not InstanceGuard(data).acquire()
    guard.release()
    assert not (data / LOCK_FILE).exists()
