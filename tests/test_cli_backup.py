"""``vitidesk backup`` and ``vitidesk restore`` from a shell: exit codes and one-line errors."""

from __future__ import annotations

from pathlib import Path

import pytest

import vitidesk.commands
from tests.photo_samples import oriented_jpeg
from vitidesk.cli import main
from vitidesk.commands import backup as backup_command
from vitidesk.commands import restore as restore_command
from vitidesk.storage.database import DB_NAME, Store
from vitidesk.storage.settings import Settings


@pytest.fixture(autouse=True)
def registered(monkeypatch: pytest.MonkeyPatch) -> None:
    """Register the two commands for these tests (whatever COMMANDS holds already)."""
    others = tuple(m for m in vitidesk.commands.COMMANDS if m.NAME not in ("backup", "restore"))
    monkeypatch.setattr(vitidesk.commands, "COMMANDS", (*others, backup_command, restore_command))


def _one_error(capsys) -> str:
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("vitidesk: error: "), err
    assert "Traceback" not in err[0]
    return err[0]


def _data_with_a_photo(tmp_path: Path, capsys) -> str:
    data = str(tmp_path / "data")
    photo = oriented_jpeg(tmp_path / "IMG_1.jpg", 1)
    assert main(["--data-dir", data, "photos", "import", str(photo), "--site", "Hands"]) == 0
    capsys.readouterr()
    return data


def test_backup_then_restore_with_and_without_yes(tmp_path: Path, capsys) -> None:
    data = _data_with_a_photo(tmp_path, capsys)
    out = tmp_path / "vitidesk-backup.zip"
    assert main(["--data-dir", data, "backup", "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert str(out) in printed and "Members: 4" in printed and "bytes" in printed

    fresh = tmp_path / "fresh"
    assert main(["--data-dir", str(fresh), "restore", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "Restored 2 file(s)" in printed and "no previous data" in printed
    assert main(["--data-dir", str(fresh), "photos", "list"]) == 0
    assert "Hands" in capsys.readouterr().out

    assert main(["--data-dir", data, "restore", str(out)]) == 2
    line = _one_error(capsys)
    assert line.startswith(f"vitidesk: error: {data}: already holds data") and "--yes" in line
    assert main(["--data-dir", data, "restore", str(out), "--yes"]) == 0
    printed = capsys.readouterr().out
    kept = [p for p in tmp_path.iterdir() if p.name.startswith("data.before-restore-")]
    assert len(kept) == 1 and f"previous data were kept in: {kept[0]}" in printed
    assert (kept[0] / DB_NAME).is_file()


def test_restore_refuses_a_damaged_backup_with_one_line(tmp_path: Path, capsys) -> None:
    data = _data_with_a_photo(tmp_path, capsys)
    out = tmp_path / "b.zip"
    assert main(["--data-dir", data, "backup", "--out", str(out)]) == 0
    capsys.readouterr()
    cut = tmp_path / "cut.zip"
    cut.write_bytes(out.read_bytes()[:-100])
    db_before = (Path(data) / DB_NAME).read_bytes()
    assert main(["--data-dir", data, "restore", str(cut), "--yes"]) == 2
    assert _one_error(capsys).startswith(f"vitidesk: error: {cut}: not a VitiDesk backup")
    assert main(["--data-dir", data, "restore", str(tmp_path / "none.zip"), "--yes"]) == 2
    assert "no such backup file" in _one_error(capsys)
    assert (Path(data) / DB_NAME).read_bytes() == db_before
    assert not [p for p in tmp_path.iterdir() if "before-restore" in p.name]


def test_backup_errors_are_one_line(tmp_path: Path, capsys) -> None:
    assert main(["--data-dir", str(tmp_path / "empty"), "backup", "--out", "x.zip"]) == 2
    assert "no VitiDesk data" in _one_error(capsys)
    assert not (tmp_path / "empty").exists()
    data = _data_with_a_photo(tmp_path, capsys)
    target = tmp_path / "missing-folder" / "b.zip"
    assert main(["--data-dir", data, "backup", "--out", str(target)]) == 2
    assert "does not exist" in _one_error(capsys)
    assert main(["--data-dir", data, "backup"]) == 2
    assert "--out" in _one_error(capsys)
    with Store.open(Path(data)) as store:
        relpath = store.query("SELECT relpath FROM files WHERE kind = 'photo'")[0][0]
    (Path(data) / relpath).unlink()
    assert main(["--data-dir", data, "backup", "--out", str(tmp_path / "b.zip")]) == 2
    line = _one_error(capsys)
    assert relpath.split("/")[-1] in line and "missing" in line
    assert not (tmp_path / "b.zip").exists()


def test_demo_profile_backup_and_restore(tmp_path: Path, private_folders, capsys) -> None:
    out = tmp_path / "demo.zip"
    assert main(["--demo", "backup", "--out", str(out)]) == 0
    capsys.readouterr()
    with Store.open(private_folders["demo"]) as store:
        Settings(store).region = "IE"
    assert main(["--demo", "restore", str(out)]) == 2
    assert "--yes" in _one_error(capsys)
    assert main(["--demo", "restore", str(out), "--yes"]) == 0
    assert "previous data were kept" in capsys.readouterr().out
    with Store.open(private_folders["demo"]) as store:
        assert Settings(store).region != "IE"
