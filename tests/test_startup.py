"""``--exit-when-ready``: the real app starts, paints its first frame and exits 0."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import run_vitidesk
from vitidesk.storage.database import Store


def test_exit_when_ready_opens_and_paints_the_window(tmp_path: Path) -> None:
    result = run_vitidesk("--data-dir", str(tmp_path / "mine"), "--exit-when-ready")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert Store.exists_in(tmp_path / "mine")


def test_demo_start_uses_only_the_demo_folder(private_folders: dict[str, Path]) -> None:
    result = run_vitidesk("--demo", "--exit-when-ready")
    assert result.returncode == 0, result.stderr
    assert Store.exists_in(private_folders["demo"])
    assert not private_folders["data"].exists()


def test_unusable_data_folder_is_one_clear_line(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("not a folder")
    result = run_vitidesk("--data-dir", str(tmp_path / "file"), "--exit-when-ready")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "vitidesk: error:" in result.stderr
    assert "cannot create the data folder" in result.stderr
