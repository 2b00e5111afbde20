"""The clinician report: from the demo profile, by CLI and from the Report section."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

from vitidesk.cli import main


def _text(path: Path) -> tuple[int, str]:
    """The PDF's text as a reader's search would see it (ligatures unfolded, tabs as spaces)."""
    reader = PdfReader(str(path))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return len(reader.pages), unicodedata.normalize("NFKC", text).replace("\t", " ")


def test_demo_report_by_cli_has_the_expected_pages_and_text(tmp_path: Path, capsys) -> None:
    out = tmp_path / "report.pdf"
    assert main(["--demo", "report", "--out", str(out), "--name", "Alex Demo"]) == 0
    assert "Report saved" in capsys.readouterr().out
    pages, text = _text(out)
    assert pages >= 3
    for expected in (
        "VitiDesk report for your dermatology visit",
        "Alex Demo",
        "Photos by body site",
        "Face",
        "Hands",
        "Trunk",
        "Estimated share of depigmented skin",
        "not a diagnosis",
        "WHO-5 Well-Being Index",
        "Patient Health Questionnaire",
        "Questionnaire sources",
        "the data never left the device",
    ):
        assert expected in text, expected
    assert out.stat().st_size < 20 * 1024 * 1024


def test_report_options_and_errors(tmp_path: Path, capsys) -> None:
    out = tmp_path / "hands.pdf"
    assert (
        main(["--demo", "report", "--out", str(out), "--sites", "Hands", "--paper", "Letter"]) == 0
    )
    _, text = _text(out)
    assert "Hands" in text and "Trunk" not in text
    reader = PdfReader(str(out))
    width_points = float(reader.pages[0].mediabox.width)
    assert width_points == pytest.approx(612, abs=2)  # US Letter
    assert main(["--demo", "report", "--out", str(tmp_path / "nowhere" / "x.pdf")]) == 2
    assert "no such folder" in capsys.readouterr().err


def test_safety_flag_is_at_the_top(tmp_path: Path, capsys) -> None:
    data = str(tmp_path / "d")
    assert (
        main(["--data-dir", data, "wellbeing", "record", "PHQ-9", "--answers", "1,1,1,1,1,1,1,1,2"])
        == 0
    )
    out = tmp_path / "flag.pdf"
    assert main(["--data-dir", data, "report", "--out", str(out)]) == 0
    reader = PdfReader(str(out))
    first_page = unicodedata.normalize("NFKC", reader.pages[0].extract_text()).replace("\t", " ")
    assert "Safety: please read first" in first_page
    assert "item 9" in first_page and "answer: 2" in first_page


def test_report_page_previews_and_saves(qtbot, window, tmp_path: Path) -> None:
    window.sidebar.select(3)
    page = window.current_page()
    page.include_photos.setChecked(False)
    page.make_preview()
    qtbot.waitUntil(lambda: bool(getattr(page, "pages", None)), timeout=30000)
    assert page.preview_column.count() >= 2
    target = tmp_path / "mine.pdf"
    page.save(target)
    qtbot.waitUntil(lambda: target.exists(), timeout=30000)
    pages, text = _text(target)
    assert pages >= 1 and "VitiDesk report" in text


def test_data_card_exports_backs_up_and_restores(qtbot, window, state, tmp_path: Path) -> None:
    from vitidesk.storage.responses import ResponseStore

    responses = ResponseStore(state.store)
    responses.record("GAD-7", [1, 1, 1, 1, 1, 1, 1])
    window.sidebar.select(3)
    card = window.current_page().data_card
    csv_path = tmp_path / "answers.csv"
    card.export("csv", csv_path)
    qtbot.waitUntil(lambda: csv_path.exists(), timeout=10000)
    assert "GAD-7" in csv_path.read_text(encoding="utf-8-sig")
    fhir_path = tmp_path / "answers.json"
    card.export("fhir", fhir_path)
    qtbot.waitUntil(lambda: fhir_path.exists(), timeout=10000)
    assert '"resourceType": "Bundle"' in fhir_path.read_text()
    backup = tmp_path / "backup.zip"
    card.backup(backup)
    qtbot.waitUntil(lambda: "Backup saved" in card.status.text(), timeout=10000)
    responses.record("GAD-7", [3, 3, 3, 3, 3, 3, 3])  # a change made after the backup
    with qtbot.waitSignal(state.store_replaced, timeout=10000):
        card.restore(backup, ask=False)
    assert [r.raw for r in ResponseStore(state.store).responses("GAD-7")] == [7]
    assert "previous data are kept" in card.status.text()


def test_a_damaged_backup_is_refused_in_the_app(qtbot, window, state, tmp_path: Path) -> None:
    window.sidebar.select(3)
    card = window.current_page().data_card
    bad = tmp_path / "bad.zip"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    before = state.store
    card.restore(bad, ask=False)
    assert "That did not work" in card.status.text()
    assert state.store is before and not before.closed


def test_the_person_chooses_sites_and_questionnaires(qtbot, demo_state) -> None:
    from vitidesk.core.report_data import gather
    from vitidesk.ui.report.page import ReportPage

    page = ReportPage(demo_state)
    qtbot.addWidget(page)
    assert {"Face", "Hands", "Trunk"} <= set(page.site_boxes)
    page.site_boxes["Trunk"].setChecked(False)
    page.instrument_boxes["GAD-7"].setChecked(False)
    options = page.options()
    data = gather(demo_state.store, options.__class__(**{**options.__dict__, "measure": False}))
    assert {pair.site for pair in data.sites} == {"Face", "Hands"}
    assert "GAD-7" not in {history.instrument_id for history in data.wellbeing}
    assert {"WHO-5", "PHQ-9"} <= {history.instrument_id for history in data.wellbeing}
