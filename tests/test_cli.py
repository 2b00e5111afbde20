"""The command line as a person uses it: exit codes and one-line errors, never a traceback."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.helpers import run_vitidesk
from vitidesk import __version__
from vitidesk.cli import main
from vitidesk.storage.database import DB_NAME, Store
from vitidesk.storage.vault import FileVault


def _only_error_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("vitidesk: error: ")
    assert "Traceback" not in err
    return lines[0]


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"vitidesk {__version__}"


def test_check_healthy_store_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with Store.open(tmp_path / "data") as store:
        FileVault(store).add("photos/a.jpg", b"abc")
    assert main(["--data-dir", str(tmp_path / "data"), "check"]) == 0
    out = capsys.readouterr().out
    assert "Files checked: 1" in out
    assert "healthy" in out


def test_check_damaged_store_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with Store.open(tmp_path / "data") as store:
        FileVault(store).add("photos/a.jpg", b"abc")
    (tmp_path / "data" / "photos" / "a.jpg").write_bytes(b"abd")
    assert main(["--data-dir", str(tmp_path / "data"), "check"]) == 1
    assert "photos/a.jpg: contents changed or damaged" in capsys.readouterr().out


def test_check_a_store_that_is_not_a_database_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / DB_NAME).write_bytes(b"garbage" * 1000)
    assert main(["--data-dir", str(tmp_path / "data"), "check"]) == 1
    assert "not healthy" in capsys.readouterr().out


def test_env_variable_chooses_the_data_folder(
    private_folders: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["info", "--json"]) == 0
    assert str(private_folders["data"]) in capsys.readouterr().out


def test_missing_data_folder_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--data-dir", str(tmp_path / "nowhere"), "check"]) == 2
    line = _only_error_line(capsys.readouterr().err)
    assert line == f"vitidesk: error: {tmp_path / 'nowhere'}: no VitiDesk data in this folder"


def test_unknown_option_is_one_line_and_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--no-such-option"]) == 2
    assert "unrecognized arguments: --no-such-option" in _only_error_line(capsys.readouterr().err)


def test_unknown_command_is_one_line_and_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["frobnicate"]) == 2
    assert "invalid choice" in _only_error_line(capsys.readouterr().err)


def test_newer_store_is_an_error_not_a_downgrade(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Store.open(tmp_path / "data") as store, store.transaction() as conn:
        conn.execute("PRAGMA user_version = 42")
    assert main(["--data-dir", str(tmp_path / "data"), "info"]) == 2
    assert "newer VitiDesk" in _only_error_line(capsys.readouterr().err)


def test_unexpected_error_goes_to_the_log_not_the_screen(
    private_folders: dict[str, Path],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    def broken(store: object) -> None:
        raise RuntimeError("a bug deep inside")

    monkeypatch.setattr("vitidesk.services.settings.check_store", broken)
    assert main(["--demo", "check"]) == 1
    line = _only_error_line(capsys.readouterr().err)
    assert "unexpected problem (RuntimeError)" in line
    logs = list(private_folders["logs"].glob("crash-*.log"))
    assert len(logs) == 1
    assert str(logs[0]) in line
    text = logs[0].read_text()
    assert "Traceback" in text and "a bug deep inside" in text


def test_demo_profile_never_touches_the_real_data_folder(
    private_folders: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    real = private_folders["data"]
    assert main(["--demo", "check"]) == 0
    assert main(["--demo", "--data-dir", str(real), "info"]) == 0
    assert not real.exists()
    assert Store.exists_in(private_folders["demo"])


def test_python_dash_m_entry_point(private_folders: dict[str, Path]) -> None:
    result = run_vitidesk("--demo", "info", "--json")
    assert result.returncode == 0, result.stderr
    assert '"profile": "demo"' in result.stdout
    assert not private_folders["data"].exists()


def test_two_commands_starting_on_a_new_folder_both_keep_their_answer(tmp_path: Path) -> None:
    """Both processes start at the same moment (they wait for a shared 'go' file)."""
    script = (
        "import os, sys, time\n"
        "from vitidesk.cli import main\n"
        "open(sys.argv[2], 'w').close()\n"
        "while not os.path.exists(sys.argv[3]): time.sleep(0.001)\n"
        "sys.exit(main(['--data-dir', sys.argv[1], 'wellbeing', 'record', 'WHO-5',\n"
        "               '--answers', '3,3,3,3,3']))\n"
    )
    for attempt in range(6):
        data, go = tmp_path / f"new{attempt}", tmp_path / f"go{attempt}"
        ready = [tmp_path / f"ready{attempt}-{n}" for n in (1, 2)]
        runs = [
            subprocess.Popen(
                [sys.executable, "-c", script, str(data), str(flag), str(go)],
                stderr=subprocess.PIPE,
                text=True,
            )
            for flag in ready
        ]
        while not all(flag.exists() for flag in ready):
            assert all(run.poll() is None for run in runs)
            time.sleep(0.01)
        go.touch()
        for run in runs:
            assert run.wait(timeout=60) == 0, run.stderr.read()
        with Store.open(data) as store:
            assert store.query("SELECT COUNT(*) FROM responses") == [(2,)]


def test_a_missing_store_beside_photos_is_told_and_never_recreated(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    with Store.open(data) as store:
        FileVault(store).add("photos/a.jpg", b"abc")
    (data / DB_NAME).unlink()
    command = ["--data-dir", str(data), "wellbeing", "record", "WHO-5", "--answers", "3,3,3,3,3"]
    assert main(command) == 2
    line = _only_error_line(capsys.readouterr().err)
    assert "database (vitidesk.sqlite3) is missing" in line and "vitidesk restore" in line
    assert main(["--data-dir", str(data), "check"]) == 1
    out = capsys.readouterr().out
    assert "Result: not healthy" in out and "is missing" in out
    assert not (data / DB_NAME).exists()
    result = run_vitidesk("--data-dir", str(data), "--exit-when-ready")
    assert result.returncode == 2 and "is missing" in result.stderr
    assert not (data / DB_NAME).exists()


def test_check_reports_a_planted_trigger_and_unreadable_rows_without_crashing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import sqlite3

    data = tmp_path / "data"
    assert (
        main(["--data-dir", str(data), "wellbeing", "record", "WHO-5", "--answers", "1,1,1,1,1"])
        == 0
    )
    conn = sqlite3.connect(data / DB_NAME)
    conn.execute("CREATE TRIGGER t AFTER INSERT ON responses BEGIN SELECT 1; END")
    conn.execute("UPDATE responses SET answers = 'oops'")
    conn.commit()
    conn.close()
    assert main(["--data-dir", str(data), "check"]) == 1
    out = capsys.readouterr().out
    assert "an extra trigger 't' that VitiDesk never makes" in out
    conn = sqlite3.connect(data / DB_NAME)
    conn.execute("DROP TRIGGER t")
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute("UPDATE sqlite_master SET sql = 'CREATE TABLE diary (' WHERE name = 'diary'")
    conn.commit()
    conn.close()
    assert main(["--data-dir", str(data), "check"]) == 1
    captured = capsys.readouterr()
    assert "malformed database schema" in captured.out and "Traceback" not in captured.err


def test_info_tells_a_missing_database_beside_photos(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    with Store.open(data) as store:
        FileVault(store).add("photos/a.jpg", b"abc")
    (data / DB_NAME).unlink()
    assert main(["--data-dir", str(data), "info"]) == 1
    out = capsys.readouterr().out
    assert "Problem: the database is missing but the folder holds other data (photos)" in out
    assert "No data yet" not in out
