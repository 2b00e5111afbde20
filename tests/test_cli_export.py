"""``vitidesk export``: CSV and FHIR files, the summary line, and one-line refusals."""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path

import pytest

import vitidesk.commands
from tests.helpers import file_mode
from vitidesk.cli import main
from vitidesk.commands import export


@pytest.fixture(autouse=True)
def export_command(monkeypatch: pytest.MonkeyPatch) -> None:
    """Register the command for these tests if the command list does not have it yet."""
    if export not in vitidesk.commands.COMMANDS:
        monkeypatch.setattr(vitidesk.commands, "COMMANDS", (*vitidesk.commands.COMMANDS, export))


def _record(data: str, instrument: str, answers: str, *extra: str) -> None:
    args = ["--data-dir", data, "wellbeing", "record", instrument, "--answers", answers]
    assert main([*args, *extra]) == 0


def _store_with_results(tmp_path: Path, capsys) -> str:
    data = str(tmp_path / "data")
    _record(data, "WHO-5", "3,3,2,1,4", "--date", "2026-03-01T09:30:00+01:00", "--note", "-5 today")
    _record(data, "PHQ-9", "1,1,1,1,1,1,1,1,1", "--date", "2026-03-02", "--difficulty", "1")
    _record(data, "GAD-7", "0,0,0,0,0,0,1", "--date", "2026-03-03")
    capsys.readouterr()
    return data


def test_csv_export_writes_a_private_file_and_says_so(tmp_path: Path, capsys) -> None:
    data = _store_with_results(tmp_path, capsys)
    out = tmp_path / "results.csv"
    code = main(["--data-dir", data, "export", "--format", "csv", "--out", str(out)])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    lines = captured.out.strip().splitlines()
    assert lines == [f"Exported 3 questionnaire results (GAD-7, PHQ-9, WHO-5) as CSV to {out}"]
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    if os.name == "posix":
        assert file_mode(out) == 0o600
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [row["instrument"] for row in rows] == ["WHO-5", "PHQ-9", "GAD-7"]
    assert rows[0]["date"] == "2026-03-01T09:30:00+01:00"
    assert rows[0]["percent"] == "52" and rows[0]["note"] == "'-5 today"
    assert rows[1]["item_9"] == "1" and rows[1]["difficulty"] == "1"
    assert rows[1]["flags"] == "item9_positive" and rows[2]["item_8"] == ""
    assert not list(tmp_path.glob(".*.part"))


def test_fhir_export_is_a_valid_bundle(tmp_path: Path, capsys) -> None:
    data = _store_with_results(tmp_path, capsys)
    out = tmp_path / "results.json"
    assert main(["--data-dir", data, "export", "--format", "fhir", "--out", str(out)]) == 0
    assert "as a FHIR R4 Bundle to" in capsys.readouterr().out
    bundle = json.loads(out.read_text(encoding="utf-8"))
    assert bundle["resourceType"] == "Bundle" and bundle["type"] == "collection"
    kinds = [entry["resource"]["resourceType"] for entry in bundle["entry"]]
    assert kinds.count("QuestionnaireResponse") == 3 and kinds.count("Observation") == 3
    from fhir.resources.R4B.bundle import Bundle

    Bundle.model_validate(bundle)


def test_instrument_filter(tmp_path: Path, capsys) -> None:
    data = _store_with_results(tmp_path, capsys)
    out = tmp_path / "phq9.csv"
    args = ["--data-dir", data, "export", "--format", "csv", "--out", str(out)]
    assert main([*args, "--instrument", "phq9"]) == 0
    assert "Exported 1 questionnaire result (PHQ-9) as CSV" in capsys.readouterr().out
    with out.open(encoding="utf-8-sig", newline="") as handle:
        assert [row["instrument"] for row in csv.DictReader(handle)] == ["PHQ-9"]


def test_an_empty_store_exports_an_empty_file(tmp_path: Path, capsys) -> None:
    out = tmp_path / "none.json"
    data = str(tmp_path / "data")
    assert main(["--data-dir", data, "export", "--format", "fhir", "--out", str(out)]) == 0
    assert "Exported 0 questionnaire results as a FHIR R4 Bundle" in capsys.readouterr().out
    assert json.loads(out.read_text(encoding="utf-8"))["entry"] == []


def test_refusals_are_one_line_and_exit_2(tmp_path: Path, capsys) -> None:
    data = str(tmp_path / "data")
    base = ["--data-dir", data, "export", "--format", "csv", "--out"]
    missing = tmp_path / "nowhere" / "r.csv"
    assert main([*base, str(missing)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"vitidesk: error: {missing}: the folder {missing.parent} does not exist"]
    assert main([*base, str(tmp_path)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "is a folder; give a file name" in err[0]
    a_file = tmp_path / "plain.txt"
    a_file.write_text("x", encoding="utf-8")
    assert main([*base, str(a_file / "r.csv")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "is not a folder" in err[0]
    assert main([*base, str(tmp_path / "r.csv"), "--instrument", "moon"]) == 2
    assert capsys.readouterr().err.strip() == (
        "vitidesk: error: moon: no such questionnaire (known: WHO-5, PHQ-4, PHQ-9, GAD-7)"
    )
    assert main(["--data-dir", data, "export", "--format", "xml", "--out", "r.xml"]) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1
    assert not (tmp_path / "r.csv").exists()


def test_demo_profile_exports_valid_fhir(tmp_path: Path, capsys) -> None:
    out = tmp_path / "demo.json"
    assert main(["--demo", "export", "--format", "fhir", "--out", str(out)]) == 0
    capsys.readouterr()
    bundle = json.loads(out.read_text(encoding="utf-8"))
    assert len(bundle["entry"]) >= 4 + 2 * 48
    from fhir.resources.R4B.bundle import Bundle

    Bundle.model_validate(bundle)


def test_an_export_never_lands_in_a_data_folder(tmp_path: Path, capsys, private_folders) -> None:
    data = Path(_store_with_results(tmp_path, capsys))
    store_file = data / "vitidesk.sqlite3"
    before = store_file.read_bytes()
    link = tmp_path / "innocent.csv"
    link.symlink_to(store_file)
    inside = [store_file, data / "photos" / "r.csv", data / "r.csv", link]
    for target in inside:
        code = main(["--data-dir", str(data), "export", "--format", "csv", "--out", str(target)])
        assert code == 2
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and "inside VitiDesk's data folder" in err[0], err
    assert store_file.read_bytes() == before
    assert not (data / "r.csv").exists()
    private_folders["demo"].mkdir()
    demo_target = private_folders["demo"] / "r.csv"  # another profile's folder, too
    assert (
        main(["--data-dir", str(data), "export", "--format", "csv", "--out", str(demo_target)]) == 2
    )
    assert "inside VitiDesk's data folder" in capsys.readouterr().err
    assert main(["--data-dir", str(data), "check"]) == 0


def test_an_existing_file_is_replaced_only_with_force(tmp_path: Path, capsys) -> None:
    data = _store_with_results(tmp_path, capsys)
    out = tmp_path / "results.csv"
    out.write_text("my own notes", encoding="utf-8")
    base = ["--data-dir", data, "export", "--format", "csv", "--out", str(out)]
    assert main(base) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"vitidesk: error: {out}: already exists; add --force to replace it"]
    assert out.read_text(encoding="utf-8") == "my own notes"
    assert main([*base, "--force"]) == 0
    assert "WHO-5" in out.read_text(encoding="utf-8-sig")
    if os.name == "posix":
        assert file_mode(out) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "results.csv"]
