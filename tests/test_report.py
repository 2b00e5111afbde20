"""The clinician report: from the demo profile, by CLI and from the Report section."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import stat
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

from vitidesk.cli import main


def _page_texts(path: Path) -> list[str]:
    """Each page's text as a reader's search would see it (ligatures unfolded, no tabs)."""
    reader = PdfReader(str(path))
    return [
        unicodedata.normalize("NFKC", page.extract_text()).replace("\t", " ")
        for page in reader.pages
    ]


def _text(path: Path) -> tuple[int, str]:
    pages = _page_texts(path)
    return len(pages), "\n".join(pages)


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
    pages_text = _page_texts(out)
    for number, page in enumerate(pages_text, start=1):
        assert f"Page {number} of {pages}" in page, number
        assert "Sample data" in page, number  # the demo profile: never taken for a patient
    first = pages_text[0]
    assert first.index("Summary") < first.index("Photos by body site")
    for summary_line in ("WHO-5", "PHQ-9", "Face", "Wellbeing not low"):
        assert summary_line in first.split("Photos by body site")[0], summary_line
    if os.name == "posix":
        assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")]  # none left


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
    assert "item 9" in first_page and "answer: More than half the days (2)" in first_page


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
    qtbot.waitUntil(lambda: csv_path.exists(), timeout=30000)
    assert "GAD-7" in csv_path.read_text(encoding="utf-8-sig")
    fhir_path = tmp_path / "answers.json"
    card.export("fhir", fhir_path)
    qtbot.waitUntil(lambda: fhir_path.exists(), timeout=30000)
    assert '"resourceType": "Bundle"' in fhir_path.read_text()
    backup = tmp_path / "backup.zip"
    card.backup(backup)
    qtbot.waitUntil(lambda: "Backup saved" in card.status.text(), timeout=30000)
    responses.record("GAD-7", [3, 3, 3, 3, 3, 3, 3])  # a change made after the backup
    with qtbot.waitSignal(state.store_replaced, timeout=30000):
        card.restore(backup, ask=False)
    assert [r.raw for r in ResponseStore(state.store).responses("GAD-7")] == [7]
    assert "previous data are kept" in card.status.text()


def test_a_damaged_backup_is_refused_in_the_app(qtbot, window, state, tmp_path: Path) -> None:
    window.sidebar.select(3)
    card = window.current_page().data_card
    bad = tmp_path / "bad.zip"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    before = state.store
    card.restore(bad, ask=False)  # checked on a worker: the window stays usable meanwhile
    qtbot.waitUntil(lambda: "That did not work" in card.status.text(), timeout=30000)
    assert state.store is before and not before.closed


def test_the_person_chooses_sites_and_questionnaires(qtbot, demo_state) -> None:
    from vitidesk.ui.report.page import ReportPage

    page = ReportPage(demo_state)
    qtbot.addWidget(page)
    assert {"Face", "Hands", "Trunk"} <= set(page.site_boxes)
    page.site_boxes["Trunk"].setChecked(False)
    page.instrument_boxes["GAD-7"].setChecked(False)
    options = page.options()
    data = demo_state.reports.gather(dataclasses.replace(options, measure=False))
    assert {pair.site for pair in data.sites} == {"Face", "Hands"}
    assert "GAD-7" not in {history.instrument_id for history in data.wellbeing}
    assert {"WHO-5", "PHQ-9"} <= {history.instrument_id for history in data.wellbeing}


# -- layout, privacy and the words on the page ----------------------------------------------
def _own_report(tmp_path: Path, answers: str, name: str = "flag.pdf") -> Path:
    data = str(tmp_path / "own")
    command = ["--data-dir", data, "wellbeing", "record", "PHQ-9", "--answers", answers]
    assert main(command) == 0
    out = tmp_path / name
    assert main(["--data-dir", data, "report", "--out", str(out)]) == 0
    return out


def test_item9_line_reads_the_answer_as_the_person_saw_it(tmp_path: Path, capsys) -> None:
    out = _own_report(tmp_path, "0,0,0,0,0,0,0,0,1")
    pages = _page_texts(out)
    assert "answer: Several days (1)" in pages[0]
    assert "Sample data" not in "".join(pages)  # one's own data is not sample data
    assert pages[0].index("Safety: please read first") < pages[0].index("Questionnaires")
    table = "".join(pages).split("Item 9 above 0")[-1]
    assert "Several days (1)" in table  # and in the answers table, under its own heading


def test_the_report_file_is_private_and_replaced_whole(tmp_path: Path, monkeypatch, capsys) -> None:
    from vitidesk.services import reports
    from vitidesk.storage import outputs

    out = _own_report(tmp_path, "1,1,1,1,1,1,1,1,0", "mine.pdf")
    if os.name == "posix":
        assert stat.S_IMODE(out.stat().st_mode) == 0o600
    before = out.read_bytes()
    data = str(tmp_path / "own")
    assert main(["--data-dir", data, "report", "--out", str(out)]) == 2  # no --force
    assert "--force" in capsys.readouterr().err
    assert out.read_bytes() == before

    def disk_full_half_way(target, payload, *, data_dir=None, force=False):
        with outputs.private_output(target, force=force) as handle:
            handle.write(payload[: len(payload) // 2])
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(reports, "write_output", disk_full_half_way)
    assert main(["--data-dir", data, "report", "--out", str(out), "--force"]) == 2
    assert "No space left on device" in capsys.readouterr().err
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.pdf", "own"]
    monkeypatch.undo()
    assert main(["--data-dir", data, "report", "--out", str(out), "--force"]) == 0
    assert out.read_bytes() != before


def test_a_heading_is_never_the_last_thing_on_a_page() -> None:
    from vitidesk.render.pdf_report import Block, paginate

    def block(kind: str, height: float) -> Block:
        return Block(kind, kind, height, lambda *_: None, keep_with_next=kind == "heading")

    flow = [block("text", 700), block("heading", 40), block("chart", 300), block("text", 20)]
    pages = paginate(flow, 800)
    assert [[placed.block.kind for placed in page] for page in pages] == [
        ["text"],
        ["heading", "chart", "text"],
    ]


def _demo_data(demo_state, **options):
    from vitidesk.core.report_data import ReportOptions

    return demo_state.reports.gather(ReportOptions(measure=False, demo=True, **options))


def test_real_reports_never_end_a_page_with_a_heading(qtbot, demo_state) -> None:
    """Safety lines and names shift everything down: in no variant is a heading orphaned."""
    from vitidesk.core.report_data import SafetyFlag
    from vitidesk.render.pdf_report import pdf_bytes

    full = _demo_data(demo_state)
    assert full.sample
    wellbeing_only = dataclasses.replace(full, sites=[])
    flag = SafetyFlag("PHQ-9", dt.datetime(2025, 6, 1, 9, tzinfo=dt.UTC), "Several days (1)")
    seen_kinds = set()
    for base in (full, wellbeing_only):
        for count in range(0, 12, 2 if base is full else 1):
            for paper in ("A4", "Letter"):
                data = dataclasses.replace(base, flags=[flag] * count)
                _pdf, layout = pdf_bytes(data, paper)
                for number, page in enumerate(layout.pages, start=1):
                    assert page, f"page {number} is empty"
                    assert page[-1].kind != "heading", (count, paper, number, page[-1].label)
                    seen_kinds.update(entry.kind for entry in page)
                    bottom = layout.content[1]
                    assert all(entry.bottom <= bottom + 1 for entry in page), (count, number)
    assert {"heading", "chart", "photos", "row", "box"} <= seen_kinds


def test_report_dates_follow_the_locale(qtbot, demo_state) -> None:
    from PySide6.QtCore import QLocale

    from vitidesk.render.pdf_report import render_pages

    data = dataclasses.replace(_demo_data(demo_state), sites=[])
    before = QLocale()
    QLocale.setDefault(QLocale("de_DE"))
    try:
        from vitidesk.render.pdf_report import pdf_bytes

        payload, _layout = pdf_bytes(data)
        render_pages(data)  # the preview draws with the same words
    finally:
        QLocale.setDefault(before)
    import io

    reader = PdfReader(io.BytesIO(payload))
    text = unicodedata.normalize("NFKC", reader.pages[0].extract_text()).replace("\t", " ")
    assert "Januar 2026" in text  # "6. Januar 2026", not "06 January 2026"


def test_the_report_command_draws_without_widgets(tmp_path: Path) -> None:
    out = tmp_path / "r.pdf"
    code = (
        "import sys\n"
        "from vitidesk.cli import main\n"
        f"assert main(['--demo', 'report', '--out', {str(out)!r}, '--sites', 'Hands']) == 0\n"
        "print(sorted(m for m in sys.modules if m.startswith('PySide6.')))\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    loaded = result.stdout.strip().splitlines()[-1]
    assert "PySide6.QtGui" in loaded and "PySide6.QtWidgets" not in loaded
    assert out.is_file()
