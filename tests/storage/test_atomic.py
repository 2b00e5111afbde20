from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.helpers import file_mode
from vitidesk.storage.atomic import atomic_write_bytes, ensure_private_dir


def test_atomic_write_creates_private_file(tmp_path: Path) -> None:
    target = tmp_path / "photo.bin"
    atomic_write_bytes(target, b"abc")
    assert target.read_bytes() == b"abc"
    if os.name == "posix":
        assert file_mode(target) == 0o600


def test_failed_write_keeps_the_old_file_and_leaves_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "settings.json"
    atomic_write_bytes(target, b"old and complete")

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(OSError):
        atomic_write_bytes(target, b"new but never finished")
    assert target.read_bytes() == b"old and complete"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["settings.json"]


def test_replace_is_all_or_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "a.txt"
    atomic_write_bytes(target, b"first")

    def crash(src: str, dst: str) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError):
        atomic_write_bytes(target, b"second")
    assert target.read_bytes() == b"first"
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_private_dirs_are_owner_only(tmp_path: Path) -> None:
    old_umask = os.umask(0o022)
    try:
        folder = ensure_private_dir(tmp_path / "a" / "b")
    finally:
        os.umask(old_umask)
    assert file_mode(folder) == 0o700
    assert file_mode(tmp_path / "a") == 0o700


def test_private_dir_refuses_a_file(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    with pytest.raises(OSError):
        ensure_private_dir(tmp_path / "file")
