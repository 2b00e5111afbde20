"""A second launch on the same data folder shows the first window instead of opening the store
twice; a different data folder (the demo, say) still opens on its own; and nothing replaces
the store of an open window."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from tests.helpers import run_vitidesk
from vitidesk.paths import LOCK_FILE, RAISE_FILE
from vitidesk.storage.database import DB_NAME


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


def test_restore_from_a_shell_is_refused_while_the_app_has_the_folder_open(
    tmp_path: Path,
) -> None:
    data = tmp_path / "mine"
    assert (
        run_vitidesk(
            "--data-dir", str(data), "wellbeing", "record", "WHO-5", "--answers", "3,3,3,3,3"
        ).returncode
        == 0
    )
    backup = tmp_path / "b.zip"
    assert run_vitidesk("--data-dir", str(data), "backup", "--out", str(backup)).returncode == 0
    first = _start_first(data)
    try:
        before = (data / DB_NAME).stat().st_ino
        result = run_vitidesk("--data-dir", str(data), "restore", str(backup), "--yes")
        assert result.returncode == 2
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and "VitiDesk is open with this data folder" in lines[0]
        assert (data / DB_NAME).stat().st_ino == before
        assert not [p for p in tmp_path.iterdir() if "before-restore" in p.name]
    finally:
        first.terminate()
        first.wait(timeout=10)
    assert run_vitidesk("--data-dir", str(data), "restore", str(backup), "--yes").returncode == 0


def test_the_apps_own_restore_keeps_its_lock_in_place(qapp, tmp_path: Path) -> None:
    from vitidesk.storage.backup import create_backup, restore_backup
    from vitidesk.storage.database import Store
    from vitidesk.ui.single_instance import InstanceGuard

    data = tmp_path / "mine"
    with Store.open(data) as store:
        create_backup(store, tmp_path / "b.zip")
    guard = InstanceGuard(data)
    assert guard.acquire()
    summary = restore_backup(tmp_path / "b.zip", data)  # in the app's own process: allowed
    assert summary.previous is not None and (data / DB_NAME).is_file()
    assert guard.lock.held and (data / LOCK_FILE).exists()
    assert not InstanceGuard(data).acquire()  # a second app still cannot open it
    guard.relock()
    assert guard.lock.held
    guard.release()
    assert not (data / LOCK_FILE).exists()
    other = InstanceGuard(data)
    assert other.acquire()
    other.release()
