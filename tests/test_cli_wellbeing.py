"""``vitidesk wellbeing`` from a shell: record, list, one-line refusals and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import run_vitidesk
from vitidesk.cli import main

CRISIS = "If you are struggling, see 'Get help' in the app or call your local emergency number."


def test_record_prints_the_score_and_list_json_has_it(tmp_path: Path, capsys) -> None:
    data = str(tmp_path / "data")
    code = main(
        [
            "--data-dir",
            data,
            "wellbeing",
            "record",
            "WHO-5",
            "--answers",
            "3,3,2,1,4",
            "--date",
            "2026-03-01T09:30:00+01:00",
            "--note",
            "after the clinic",
        ]
    )
    out = capsys.readouterr().out
    assert code == 0
    assert "13 of 25 (52%)" in out
    assert "Wellbeing not low" in out
    assert "any_item_le_1" in out
    assert CRISIS not in out
    assert main(["--data-dir", data, "wellbeing", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert len(listed) == 1
    entry = listed[0]
    assert {
        "id",
        "instrument",
        "taken_at",
        "answers",
        "raw",
        "percent",
        "band",
        "flags",
        "note",
    } <= set(entry)
    assert entry["instrument"] == "WHO-5"
    assert entry["taken_at"] == "2026-03-01T09:30:00+01:00"
    assert entry["answers"] == [3, 3, 2, 1, 4]
    assert (entry["raw"], entry["percent"], entry["band"]) == (13, 52, "not_low")
    assert entry["flags"] == ["any_item_le_1"]
    assert entry["note"] == "after the clinic"


def test_item9_positive_points_to_help_even_with_a_low_total(tmp_path: Path, capsys) -> None:
    data = str(tmp_path / "data")
    code = main(
        ["--data-dir", data, "wellbeing", "record", "phq9", "--answers", "0,0,0,0,0,0,0,0,1"]
    )
    out = capsys.readouterr().out
    assert code == 0
    assert "1 of 27" in out and "None or minimal symptoms" in out
    assert "item9_positive" in out
    assert CRISIS in out
    assert "no one is alerted" in out
    assert out.index(CRISIS) < out.index("Score:")  # help comes before the score
    assert main(["--data-dir", data, "wellbeing", "list"]) == 0
    table = capsys.readouterr().out
    assert "PHQ-9" in table and "[item9_positive]" in table and CRISIS in table


def test_phq9_difficulty_is_kept_but_not_scored(tmp_path: Path, capsys) -> None:
    data = str(tmp_path / "data")
    args = ["--data-dir", data, "wellbeing", "record", "PHQ-9", "--answers", "1,1,1,1,1,1,1,1,0"]
    assert main([*args, "--difficulty", "3"]) == 0
    assert "8 of 27" in capsys.readouterr().out
    main(["--data-dir", data, "wellbeing", "list", "--json"])
    (entry,) = json.loads(capsys.readouterr().out)
    assert (entry["raw"], entry["difficulty"], entry["percent"]) == (8, 3, None)


@pytest.mark.parametrize(
    ("instrument", "answers", "reason"),
    [
        ("WHO-5", "3,3,3,3", "WHO-5 answers: item 5: missing"),
        ("WHO-5", "3,3,3,3,3,3", "WHO-5 answers: item 6: there is no such item"),
        ("PHQ-9", "0,0,0,0,0,0,0,0,4", "PHQ-9 answers: item 9: 4 is not one of 0, 1, 2, 3"),
        ("GAD-7", "0,0,-1,0,0,0,0", "GAD-7 answers: item 3: -1 is not one of 0, 1, 2, 3"),
        ("PHQ-4", "0,1.5,0,0", "PHQ-4 answers: item 2: '1.5' is not a whole number"),
        ("PHQ-4", "0,,0,0", "PHQ-4 answers: item 2: missing"),
        ("gad7", "1,1,1,1,1,1,x", "GAD-7 answers: item 7: 'x' is not a whole number"),
    ],
)
def test_invalid_answers_are_one_line_and_exit_2(
    tmp_path: Path, capsys, instrument: str, answers: str, reason: str
) -> None:
    data = str(tmp_path / "data")
    code = main(["--data-dir", data, "wellbeing", "record", instrument, "--answers", answers])
    captured = capsys.readouterr()
    assert code == 2
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"vitidesk: error: {reason}")
    assert main(["--data-dir", data, "wellbeing", "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_other_refusals_are_one_line(tmp_path: Path, capsys) -> None:
    data = str(tmp_path / "data")
    assert main(["--data-dir", data, "wellbeing", "record", "DLQI", "--answers", "1"]) == 2
    assert capsys.readouterr().err.strip() == (
        "vitidesk: error: DLQI: no such questionnaire (known: WHO-5, PHQ-4, PHQ-9, GAD-7)"
    )
    record_gad7 = ["--data-dir", data, "wellbeing", "record", "GAD-7", "--answers", "0,0,0,0,0,0,0"]
    assert main([*record_gad7, "--difficulty", "1"]) == 2
    assert "no difficulty question" in capsys.readouterr().err
    assert main([*record_gad7, "--date", "March"]) == 2
    assert "is not a date" in capsys.readouterr().err
    assert main(["--data-dir", data, "wellbeing", "list", "--instrument", "moon"]) == 2
    assert "moon: no such questionnaire" in capsys.readouterr().err


def test_list_filters_by_instrument_and_says_when_empty(tmp_path: Path, capsys) -> None:
    data = str(tmp_path / "data")
    assert main(["--data-dir", data, "wellbeing", "list"]) == 0
    assert "No questionnaire results yet." in capsys.readouterr().out
    base = ["--data-dir", data, "wellbeing", "record"]
    main([*base, "PHQ-4", "--answers", "1,1,1,1", "--date", "2026-01-02"])
    main([*base, "GAD-7", "--answers", "2,2,2,2,2,0,0", "--date", "2026-01-03"])
    main([*base, "PHQ-4", "--answers", "0,0,0,1", "--date", "2026-01-04"])
    capsys.readouterr()
    main(["--data-dir", data, "wellbeing", "list", "--instrument", "phq-4", "--json"])
    listed = json.loads(capsys.readouterr().out)
    assert [(e["instrument"], e["raw"]) for e in listed] == [("PHQ-4", 4), ("PHQ-4", 1)]
    assert main(["--data-dir", data, "wellbeing", "list"]) == 0
    table = capsys.readouterr().out.splitlines()
    assert [line.split()[2] for line in table[1:4]] == ["PHQ-4", "GAD-7", "PHQ-4"]
    assert "Moderate symptoms" in table[2] and "[total_ge_10]" in table[2]
    assert "screening result, not a diagnosis" in table[-1]


def test_who5_meaningful_change_is_reported(tmp_path: Path, capsys) -> None:
    base = ["--data-dir", str(tmp_path / "d"), "wellbeing", "record", "WHO-5", "--answers"]
    main([*base, "2,2,2,2,2", "--date", "2026-01-01"])
    capsys.readouterr()
    main([*base, "3,3,3,3,3", "--date", "2026-02-01"])
    assert "went up by 20 points" in capsys.readouterr().out
    main([*base, "3,3,3,3,2", "--date", "2026-03-01"])
    assert "points" not in capsys.readouterr().out.split("Flags")[1]


def test_demo_profile_has_a_year_of_results(capsys) -> None:
    assert main(["--demo", "wellbeing", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert {entry["instrument"] for entry in listed} == {"WHO-5", "PHQ-4", "PHQ-9", "GAD-7"}
    assert len(listed) >= 4 * 12
    assert all("item9_positive" not in entry["flags"] for entry in listed)


def test_a_real_shell_run_exits_2_with_one_line(tmp_path: Path) -> None:
    result = run_vitidesk(
        "--data-dir", str(tmp_path / "d"), "wellbeing", "record", "PHQ-9", "--answers", "1"
    )
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "vitidesk: error: PHQ-9 answers: item 2: missing "
        "(only 1 of 9 answered; partial forms are not scored)"
    )
    ok = run_vitidesk(
        "--data-dir", str(tmp_path / "d"), "wellbeing", "record", "PHQ-4", "--answers", "0,0,0,0"
    )
    assert ok.returncode == 0, ok.stderr
    assert "Few or no symptoms" in ok.stdout
