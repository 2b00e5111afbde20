"""kill -9 at any moment of a backup or a restore: no copy of health data is left outside the
data folder (beside the backup, beside the data folder, in the temp folder), and the next
open finds a whole store, the old data or the restored data, never a mix."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from vitidesk.storage.backup import create_backup, verify_backup
from vitidesk.storage.check import check_store
from vitidesk.storage.database import Store
from vitidesk.storage.settings import Settings
from vitidesk.storage.vault import FileVault

PHOTOS = 24
PHOTO_BYTES = 1024**2
KILLS = 8

pytestmark = pytest.mark.skipif(os.name != "posix", reason="kill -9 is POSIX")


def _fill(data: Path, region: str) -> Path:
    with Store.open(data) as store:
        vault = FileVault(store)
        for index in range(PHOTOS):
            vault.add(f"photos/2026/{region}-{index:03d}.jpg", os.urandom(PHOTO_BYTES), "photo")
        Settings(store).region = region
    return data


def _run(args: list[str], temp: Path) -> subprocess.Popen:
    env = dict(os.environ, TMPDIR=str(temp), TEMP=str(temp), TMP=str(temp))
    return subprocess.Popen(
        [sys.executable, "-m", "vitidesk", *args],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _duration(args: list[str], temp: Path) -> float:
    start = time.monotonic()
    assert _run(args, temp).wait(timeout=120) == 0
    return time.monotonic() - start


def _kill_after(args: list[str], temp: Path, delay: float) -> None:
    run = _run(args, temp)
    time.sleep(delay)
    run.send_signal(signal.SIGKILL)
    run.wait(timeout=30)


def _no_scratch_after_opening(data: Path) -> None:
    with Store.open(data) as store:
        assert check_store(store).healthy
    assert not [p.name for p in data.iterdir() if p.name.startswith(".scratch-")]


def test_a_killed_backup_leaves_nothing_outside_the_data_folder(tmp_path: Path) -> None:
    data = _fill(tmp_path / "data", "GB")
    out_dir, temp = tmp_path / "out", tmp_path / "temp"
    out_dir.mkdir()
    temp.mkdir()
    out = out_dir / "b.zip"
    args = ["--data-dir", str(data), "backup", "--out", str(out), "--force"]
    full = _duration(args, temp)
    out.unlink()
    for kill in range(KILLS):
        _kill_after(args, temp, full * (kill + 1) / KILLS)
        left = sorted(p.name for p in out_dir.iterdir())
        assert left in ([], ["b.zip"]), left  # nothing, or the whole backup
        if left:
            assert verify_backup(out).file_count == PHOTOS
            out.unlink()
        assert list(temp.iterdir()) == []
        assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "out", "temp"]
    _no_scratch_after_opening(data)


def test_a_killed_restore_leaves_the_old_data_or_the_new_never_a_copy_outside(
    tmp_path: Path,
) -> None:
    source = _fill(tmp_path / "source", "GB")
    backup = tmp_path / "b.zip"
    with Store.open(source) as store:
        create_backup(store, backup)
    shutil.rmtree(source)
    temp = tmp_path / "temp"
    temp.mkdir()
    data = tmp_path / "data"
    args = ["--data-dir", str(data), "restore", str(backup), "--yes"]

    def fresh_current() -> None:
        shutil.rmtree(data, ignore_errors=True)
        for kept in tmp_path.glob("data.before-restore-*"):
            shutil.rmtree(kept)
        _fill(data, "US")

    fresh_current()
    full = _duration(args, temp)
    for kill in range(KILLS):
        fresh_current()
        _kill_after(args, temp, full * (kill + 1) / KILLS)
        assert list(temp.iterdir()) == []
        beside = {p.name for p in tmp_path.iterdir()} - {"b.zip", "temp", "data"}
        assert all(name.startswith("data.before-restore-") for name in beside), beside
        _no_scratch_after_opening(data)  # finishes a swap cut short
        with Store.open(data) as store:
            region = Settings(store).region
            names = {f.relpath.split("/")[-1][:2] for f in FileVault(store).all()}
        assert (region, names) in (("US", {"US"}), ("GB", {"GB"}))
        if region == "GB" and beside:
            with Store.open(tmp_path / beside.pop()) as kept:
                assert Settings(kept).region == "US"  # the previous data, whole


def test_a_swap_cut_short_at_any_step_is_finished_by_the_next_open(
    tmp_path: Path, monkeypatch
) -> None:
    import vitidesk.storage.restore_swap as swap
    from vitidesk.storage.backup import restore_backup

    source = tmp_path / "source"
    with Store.open(source) as store:
        FileVault(store).add("photos/2026/new.jpg", b"new photo", "photo")
        Settings(store).region = "GB"
        create_backup(store, tmp_path / "b.zip")
    real_rename = os.rename
    step = 0
    while True:
        data = tmp_path / f"data{step}"
        with Store.open(data) as store:
            FileVault(store).add("notes/old.txt", b"old note")
            Settings(store).region = "US"
        calls = {"n": 0}

        class PowerCut(BaseException):
            pass

        def cut(src, dst, _calls=calls, _step=step):
            if _calls["n"] == _step:
                raise PowerCut
            _calls["n"] += 1
            return real_rename(src, dst)

        class OsWithCut:  # only the swap's renames are cut, not everybody's
            def __getattr__(self, name):
                return cut if name == "rename" else getattr(os, name)

        monkeypatch.setattr(swap, "os", OsWithCut())
        try:
            restore_backup(tmp_path / "b.zip", data)
            finished = True
        except PowerCut:
            finished = False
        monkeypatch.setattr(swap, "os", os)
        with Store.open(data) as store:  # the next open finishes the swap
            assert Settings(store).region == "GB"
            assert [f.relpath for f in FileVault(store).all()] == ["photos/2026/new.jpg"]
            assert check_store(store).healthy
        kept = list(tmp_path.glob(f"data{step}.before-restore-*"))
        assert len(kept) == 1 and (kept[0] / "notes" / "old.txt").read_bytes() == b"old note"
        assert not (data / "notes").exists()
        if finished:
            break
        step += 1
    assert step >= 3  # the swap has several steps, and each was cut once


def test_copies_an_earlier_version_left_beside_the_data_folder_are_removed(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    with Store.open(data):
        pass
    leftover = tmp_path / ".data.restoring-k3j2h1"
    leftover.mkdir()
    (leftover / "vitidesk.sqlite3").write_bytes(b"health data from a killed restore")
    other = tmp_path / ".other.restoring-k3j2h1"  # another folder's: not ours to judge
    other.mkdir()
    with Store.open(data):
        pass
    assert not leftover.exists() and other.exists()
