"""``vitidesk backup`` and ``vitidesk restore`` from a shell: exit codes and one-line errors."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

import vitidesk.commands
from tests.helpers import file_mode
from tests.photo_samples import oriented_jpeg
from tests.storage.test_restore_checks import BLANK_ITEM9, _planted
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
    assert main(["--data-dir", data, "backup", "--out", str(Path(data) / "b.zip")]) == 2
    assert "inside VitiDesk's data folder" in _one_error(capsys)
    assert not (Path(data) / "b.zip").exists()


def test_a_missing_photo_is_left_out_and_named_and_the_rest_backed_up(
    tmp_path: Path, capsys
) -> None:
    data = _data_with_a_photo(tmp_path, capsys)
    second = oriented_jpeg(tmp_path / "IMG_2.jpg", 3)
    assert main(["--data-dir", data, "photos", "import", str(second), "--site", "Face"]) == 0
    with Store.open(Path(data)) as store:
        relpath = store.query("SELECT relpath FROM files WHERE kind = 'photo' ORDER BY id")[0][0]
    (Path(data) / relpath).unlink()
    capsys.readouterr()
    out = tmp_path / "b.zip"
    assert main(["--data-dir", data, "backup", "--out", str(out)]) == 1
    captured = capsys.readouterr()
    assert (
        captured.err.strip()
        == f"vitidesk: left out: {relpath}: missing from the data folder; run `vitidesk check`"
    )
    assert "1 damaged or missing file(s) were left out" in captured.out
    fresh = tmp_path / "fresh"
    assert main(["--data-dir", str(fresh), "restore", str(out)]) == 0
    assert "Left out when the backup was made" in capsys.readouterr().out
    assert main(["--data-dir", str(fresh), "photos", "list"]) == 0
    listed = capsys.readouterr().out
    assert "Face" in listed and "Hands" not in listed


def test_an_existing_backup_file_is_kept_unless_forced(tmp_path: Path, capsys) -> None:
    data = _data_with_a_photo(tmp_path, capsys)
    out = tmp_path / "b.zip"
    out.write_bytes(b"last month's backup")
    assert main(["--data-dir", data, "backup", "--out", str(out)]) == 2
    assert (
        _one_error(capsys) == f"vitidesk: error: {out}: already exists; add --force to replace it"
    )
    assert out.read_bytes() == b"last month's backup"
    assert main(["--data-dir", data, "backup", "--out", str(out), "--force"]) == 0
    assert zipfile.is_zipfile(out) and file_mode(out) == 0o600


def test_restore_shows_what_changes_and_refuses_a_planted_backup(tmp_path: Path, capsys) -> None:
    data = _data_with_a_photo(tmp_path, capsys)
    with Store.open(Path(data)) as store:
        Settings(store).local_crisis_number = "0800 111"
    out = tmp_path / "b.zip"
    assert main(["--data-dir", data, "backup", "--out", str(out)]) == 0
    with Store.open(Path(data)) as store:
        Settings(store).local_crisis_number = "999"
    capsys.readouterr()
    assert main(["--data-dir", data, "restore", str(out)]) == 2
    printed = capsys.readouterr().out
    assert "In the backup:    0 questionnaire answer(s), 1 photo(s)" in printed
    assert "Setting that changes: local crisis number: 999 -> 0800 111" in printed
    planted = _planted(out, tmp_path / "planted.zip", BLANK_ITEM9)
    assert main(["--data-dir", data, "restore", str(planted), "--yes"]) == 2
    line = _one_error(capsys)
    assert "an extra trigger 'blank_item9'" in line and "refused as unsafe" in line
    assert (
        main(["--data-dir", data, "wellbeing", "record", "PHQ-9", "--answers", "0,0,0,0,0,0,0,0,1"])
        == 0
    )
    assert main(["--data-dir", data, "wellbeing", "list", "--json"]) == 0
    assert "item9_positive" in capsys.readouterr().out


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
