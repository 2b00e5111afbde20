"""CSV and FHIR R4 exports of questionnaire results: round trip, quoting, and FHIR checks
the ``fhir.resources`` models do not make (status codes, linkIds, answer sets, references)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from vitidesk.core.exports import (
    BOM,
    CSV_COLUMNS,
    LOINC,
    MAX_ITEMS,
    fhir_bundle,
    protect_cell,
    responses_csv,
)
from vitidesk.core.questionnaires import LOINC_NOTICE, load_instruments
from vitidesk.storage.database import Store
from vitidesk.storage.responses import Response, ResponseStore

CET = dt.timezone(dt.timedelta(hours=1))
NOW = dt.datetime(2026, 3, 1, 12, 0, tzinfo=dt.UTC)


@pytest.fixture
def responses(tmp_path: Path) -> Iterator[ResponseStore]:
    store = Store.open(tmp_path / "d")
    saved = ResponseStore(store)
    saved.record("WHO-5", [3, 3, 2, 1, 4], taken_at=dt.datetime(2026, 1, 5, 9, 30, tzinfo=CET))
    saved.record(
        "PHQ-9",
        [1, 1, 1, 1, 1, 1, 1, 1, 2],
        taken_at=dt.datetime(2026, 1, 6, 20, 15, tzinfo=CET),
        difficulty=2,
        note='=HYPERLINK("http://x.invalid","click")',
    )
    saved.record(
        "GAD-7",
        [2, 2, 2, 2, 2, 0, 0],
        taken_at=dt.datetime(2026, 1, 7, 8, 0, tzinfo=dt.UTC),
        note='Bad week, "itchy" patches;\nslept badly — ÿ €',
    )
    saved.record("PHQ-4", [1, 2, 0, 1], taken_at=dt.datetime(2026, 1, 8, 8, 0, tzinfo=dt.UTC))
    saved.record("PHQ-9", [0] * 9, taken_at=dt.datetime(2026, 1, 9, 8, 0, tzinfo=dt.UTC))
    yield saved
    store.close()


# -- CSV ------------------------------------------------------------------------------------
def _parse_csv(text: str) -> list[dict[str, str]]:
    assert text.startswith(BOM)
    data = text.encode("utf-8")  # as written to disk
    decoded = data.decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(decoded, newline="")))


def _unprotect(note: str) -> str:
    return note[1:] if note.startswith("'") and note[1:2] in ("=", "+", "-", "@") else note


def test_csv_round_trips_every_response(responses: ResponseStore) -> None:
    stored = responses.responses()
    rows = _parse_csv(responses_csv(stored, load_instruments()))
    assert len(rows) == len(stored) == 5
    assert tuple(rows[0]) == CSV_COLUMNS
    for row, response in zip(rows, stored, strict=True):
        assert int(row["response_id"]) == response.id
        assert dt.datetime.fromisoformat(row["date"]) == response.taken_at
        assert row["date"] == response.taken_at.isoformat()  # ISO with its offset
        assert row["instrument"] == response.instrument
        assert row["version"] == response.version
        items = [row[f"item_{n}"] for n in range(1, MAX_ITEMS + 1)]
        count = len(response.answers)
        assert tuple(int(value) for value in items[:count]) == response.answers
        assert items[count:] == [""] * (MAX_ITEMS - count)
        difficulty = None if row["difficulty"] == "" else int(row["difficulty"])
        assert difficulty == response.difficulty
        assert int(row["raw"]) == response.raw
        percent = None if row["percent"] == "" else int(row["percent"])
        assert percent == response.percent
        assert row["band"] == response.band
        flags = frozenset(row["flags"].split(";")) if row["flags"] else frozenset()
        assert flags == response.flags
        assert _unprotect(row["note"]) == response.note


def test_csv_is_bom_utf8_with_crlf_and_quoted_cells(responses: ResponseStore) -> None:
    text = responses_csv(responses.responses(), load_instruments())
    assert text.encode("utf-8").startswith(b"\xef\xbb\xbf")
    assert text.startswith(BOM + "response_id,date,instrument,version,item_1,")
    assert text.endswith("\r\n")
    lines = text.split("\r\n")
    assert len(lines) == 1 + 5 + 1  # header, rows, the empty string after the last CRLF
    # the note with a quote, semicolon and newline is one quoted cell
    assert '"Bad week, ""itchy"" patches;\nslept badly — ÿ €"' in text
    phq9 = next(line for line in lines if ",PHQ-9," in line and "item9_positive" in line)
    assert ",item9_positive;total_ge_10," in phq9
    assert phq9.startswith("2,2026-01-06T20:15:00+01:00,PHQ-9,en-1,1,1,1,1,1,1,1,1,2,2,10,,")


def test_csv_note_cannot_start_a_formula(responses: ResponseStore) -> None:
    rows = _parse_csv(responses_csv(responses.responses(), load_instruments()))
    assert rows[1]["note"] == '\'=HYPERLINK("http://x.invalid","click")'


@pytest.mark.parametrize("note", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])
def test_protect_cell_prefixes_formula_starts(note: str) -> None:
    assert protect_cell(note) == "'" + note


@pytest.mark.parametrize("note", ["", "fine", "1-2", "a=b", " =x", "'quoted"])
def test_protect_cell_leaves_plain_text(note: str) -> None:
    assert protect_cell(note) == note


def test_csv_of_nothing_is_just_the_header() -> None:
    text = responses_csv([], load_instruments())
    assert text == BOM + ",".join(CSV_COLUMNS) + "\r\n"


def test_csv_refuses_answers_that_do_not_fit_the_questionnaire() -> None:
    bad = Response(
        1, "WHO-5", "1998-en", NOW, (1, 2), None, 3, 12, "likely_depression", frozenset(), ""
    )
    with pytest.raises(ValueError, match="2 answers for 5 WHO-5 items"):
        responses_csv([bad], load_instruments())


# -- FHIR -----------------------------------------------------------------------------------
def _resources(bundle: dict, kind: str) -> list[dict]:
    return [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == kind]


def _validate_with_models(bundle: dict) -> None:
    """Every resource, and the bundle as a whole, against the fhir.resources R4B models."""
    from fhir.resources.R4B.bundle import Bundle
    from fhir.resources.R4B.observation import Observation
    from fhir.resources.R4B.questionnaire import Questionnaire
    from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse

    models = {
        "Questionnaire": Questionnaire,
        "QuestionnaireResponse": QuestionnaireResponse,
        "Observation": Observation,
    }
    parsed = Bundle.model_validate_json(json.dumps(bundle))
    assert parsed.type == "collection"
    assert len(parsed.entry or []) == len(bundle["entry"])
    for entry in bundle["entry"]:
        resource = entry["resource"]
        model = models[resource["resourceType"]]
        model.model_validate(resource)


def _check_references_and_answers(bundle: dict) -> None:
    """What the models do not check (sheet §8.3)."""
    assert bundle["resourceType"] == "Bundle" and bundle["type"] == "collection"
    full_urls = [entry["fullUrl"] for entry in bundle["entry"]]
    assert len(set(full_urls)) == len(full_urls)
    assert all(url.startswith("urn:uuid:") for url in full_urls)
    for entry in bundle["entry"]:
        assert entry["fullUrl"] == f"urn:uuid:{entry['resource']['id']}"
    by_canonical = {}
    for q in _resources(bundle, "Questionnaire"):
        assert q["status"] in ("draft", "active", "retired", "unknown")
        assert q["url"].startswith("https://vitidesk.invalid/fhir/Questionnaire/")
        by_canonical[f"{q['url']}|{q['version']}"] = q
        link_ids = [item["linkId"] for item in q["item"]]
        assert len(set(link_ids)) == len(link_ids)
        for item in q["item"]:
            assert item["type"] == "choice"
            codes = [
                (o["valueCoding"]["system"], o["valueCoding"]["code"]) for o in item["answerOption"]
            ]
            assert len(set(codes)) == len(codes)
    for qr in _resources(bundle, "QuestionnaireResponse"):
        assert qr["status"] in (
            "in-progress",
            "completed",
            "amended",
            "entered-in-error",
            "stopped",
        )
        assert qr["status"] == "completed"
        assert dt.datetime.fromisoformat(qr["authored"]).tzinfo is not None
        q = by_canonical[qr["questionnaire"]]
        items = {item["linkId"]: item for item in q["item"]}
        for answered in qr["item"]:
            assert answered["linkId"] in items
            allowed = {
                (o["valueCoding"]["system"], o["valueCoding"]["code"], o["valueCoding"]["display"])
                for o in items[answered["linkId"]]["answerOption"]
            }
            (answer,) = answered["answer"]
            assert set(answer) == {"valueCoding"}
            coding = answer["valueCoding"]
            assert (coding["system"], coding["code"], coding["display"]) in allowed
        required = {link for link, item in items.items() if item.get("required")}
        assert required <= {answered["linkId"] for answered in qr["item"]}
    for obs in _resources(bundle, "Observation"):
        assert obs["status"] in (
            "registered",
            "preliminary",
            "final",
            "amended",
            "corrected",
            "cancelled",
            "entered-in-error",
            "unknown",
        )
        assert obs["status"] == "final"
        for ref in obs["derivedFrom"]:
            assert ref["reference"] in full_urls
            target = bundle["entry"][full_urls.index(ref["reference"])]["resource"]
            assert target["resourceType"] == "QuestionnaireResponse"
            assert obs["effectiveDateTime"] == target["authored"]


def _answer_values(bundle: dict, qr: dict) -> list[int]:
    """The stored values back from a QuestionnaireResponse, via the ordinalValue extension."""
    q = next(
        q
        for q in _resources(bundle, "Questionnaire")
        if f"{q['url']}|{q['version']}" == qr["questionnaire"]
    )
    items = {item["linkId"]: item for item in q["item"]}
    values = []
    for answered in qr["item"]:
        coding = answered["answer"][0]["valueCoding"]
        for option in items[answered["linkId"]]["answerOption"]:
            if option["valueCoding"]["code"] == coding["code"]:
                values.append(int(option["valueCoding"]["extension"][0]["valueDecimal"]))
    return values


def test_fhir_bundle_is_valid_r4b_and_consistent(responses: ResponseStore) -> None:
    bundle = fhir_bundle(responses.responses(), load_instruments(), now=NOW)
    json.dumps(bundle)  # JSON-ready
    _validate_with_models(bundle)
    _check_references_and_answers(bundle)
    assert bundle["timestamp"] == "2026-03-01T12:00:00+00:00"
    assert len(_resources(bundle, "Questionnaire")) == 4  # PHQ-9 twice, one Questionnaire
    assert len(_resources(bundle, "QuestionnaireResponse")) == 5
    assert len(_resources(bundle, "Observation")) == 5


def test_fhir_answers_and_scores_match_the_store(responses: ResponseStore) -> None:
    stored = responses.responses()
    bundle = fhir_bundle(stored, load_instruments(), now=NOW)
    qrs = _resources(bundle, "QuestionnaireResponse")
    observations = _resources(bundle, "Observation")
    for response, qr, obs in zip(stored, qrs, observations, strict=True):
        values = _answer_values(bundle, qr)
        expected = list(response.answers)
        if response.difficulty is not None:
            expected.append(response.difficulty)
        assert values == expected
        assert qr["authored"] == response.taken_at.isoformat()
        assert obs["valueInteger"] == response.raw
        assert obs["derivedFrom"] == [{"reference": f"urn:uuid:{qr['id']}"}]
        band = load_instruments()[response.instrument].band(response.band)
        assert obs["interpretation"][0]["text"] == band.label
        assert obs["interpretation"][0]["coding"][0]["code"] == response.band


def test_fhir_loinc_codes_follow_the_sheet(responses: ResponseStore) -> None:
    bundle = fhir_bundle(responses.responses(), load_instruments(), now=NOW)
    questionnaires = {q["name"]: q for q in _resources(bundle, "Questionnaire")}
    assert questionnaires["PHQ9"]["code"] == [{"system": LOINC, "code": "44249-1"}]
    assert questionnaires["GAD7"]["code"] == [{"system": LOINC, "code": "69737-5"}]
    assert questionnaires["PHQ4"]["code"] == [{"system": LOINC, "code": "69724-3"}]
    totals = {
        obs["code"]["coding"][0]["code"]
        for obs in _resources(bundle, "Observation")
        if obs["code"]["coding"][0]["system"] == LOINC
    }
    assert totals == {"44261-6", "70274-6", "70272-0"}
    phq9 = questionnaires["PHQ9"]
    assert [item["code"][0]["code"] for item in phq9["item"]] == [
        "44250-9", "44255-8", "44259-0", "44254-1", "44251-7",
        "44258-2", "44252-5", "44253-3", "44260-8", "69722-7",
    ]  # fmt: skip
    frequency = [o["valueCoding"]["code"] for o in phq9["item"][0]["answerOption"]]
    assert frequency == ["LA6568-5", "LA6569-3", "LA6570-1", "LA6571-9"]
    difficulty = {
        o["valueCoding"]["code"]: o["valueCoding"]["display"]
        for o in phq9["item"][9]["answerOption"]
    }
    assert difficulty == {
        "LA6572-7": "Not difficult at all",
        "LA6573-5": "Somewhat difficult",
        "LA6575-0": "Very difficult",
        "LA6574-3": "Extremely difficult",
    }
    for name in ("PHQ9", "GAD7", "PHQ4"):
        assert LOINC_NOTICE in questionnaires[name]["copyright"]
    assert bundle["meta"]["tag"][0]["display"] == LOINC_NOTICE
    gad7_options = questionnaires["GAD7"]["item"][0]["answerOption"]
    assert gad7_options[2]["valueCoding"] == {
        "extension": [
            {"url": "http://hl7.org/fhir/StructureDefinition/ordinalValue", "valueDecimal": 2}
        ],
        "system": "https://vitidesk.invalid/fhir/CodeSystem/GAD-7-answers",
        "code": "2",
        "display": "More than half the days",
    }


def test_fhir_who5_has_no_loinc_and_keeps_its_percentage(tmp_path: Path) -> None:
    with Store.open(tmp_path / "d") as store:
        saved = ResponseStore(store)
        saved.record("WHO-5", [5, 4, 3, 2, 0], taken_at=dt.datetime(2026, 2, 1, 10, 0, tzinfo=CET))
        bundle = fhir_bundle(saved.responses(), load_instruments(), now=NOW)
    _validate_with_models(bundle)
    _check_references_and_answers(bundle)
    text = json.dumps(bundle)
    assert "loinc.org" not in text and "71969-0" not in text
    assert "meta" not in bundle  # no LOINC codes, so no LOINC notice
    (q,) = _resources(bundle, "Questionnaire")
    assert q["url"] == "https://vitidesk.invalid/fhir/Questionnaire/WHO-5"
    assert q["version"] == "1998-en"
    assert "Psychiatric" in q["copyright"]
    codes = {
        o["valueCoding"]["code"]: o["valueCoding"]["display"] for o in q["item"][0]["answerOption"]
    }
    assert codes["5"] == "All of the time" and codes["0"] == "At no time"
    (obs,) = _resources(bundle, "Observation")
    assert obs["code"]["coding"][0]["system"] == "https://vitidesk.invalid/fhir/CodeSystem/scores"
    assert obs["valueInteger"] == 14
    (component,) = obs["component"]
    assert component["valueQuantity"]["value"] == 56 and component["valueQuantity"]["code"] == "%"
    assert obs["interpretation"][0]["coding"][0]["code"] == "not_low"
    assert obs["note"] == [{"text": "any_item_le_1"}]


def test_fhir_item9_and_difficulty(responses: ResponseStore) -> None:
    bundle = fhir_bundle(responses.responses(), load_instruments(), now=NOW)
    qrs = [
        qr for qr in _resources(bundle, "QuestionnaireResponse") if "PHQ-9" in qr["questionnaire"]
    ]
    with_difficulty, without = qrs
    assert with_difficulty["item"][-1]["linkId"] == "phq9-difficulty"
    assert with_difficulty["item"][-1]["answer"][0]["valueCoding"]["code"] == "LA6575-0"
    assert with_difficulty["item"][8]["answer"][0]["valueCoding"]["code"] == "LA6570-1"
    assert [item["linkId"] for item in without["item"]] == [f"phq9-{n}" for n in range(1, 10)]
    observations = [
        obs
        for obs in _resources(bundle, "Observation")
        if obs["code"]["coding"][0]["code"] == "44261-6"
    ]
    assert observations[0]["note"][0]["text"] == (
        "item9_positive: item 9 positive on 2026-01-06 (answer: More than half the days (2))"
    )
    assert observations[0]["note"][1]["text"] == "total_ge_10"
    assert "note" not in observations[1]
    assert "HYPERLINK" not in json.dumps(bundle)  # personal notes stay out of the bundle


def test_fhir_ids_are_stable_and_the_empty_bundle_is_valid(responses: ResponseStore) -> None:
    stored = responses.responses()
    first = fhir_bundle(stored, load_instruments(), now=NOW)
    second = fhir_bundle(stored, load_instruments(), now=NOW)
    assert [e["fullUrl"] for e in first["entry"]] == [e["fullUrl"] for e in second["entry"]]
    empty = fhir_bundle([], load_instruments(), now=NOW)
    assert empty["entry"] == [] and "meta" not in empty
    _validate_with_models(empty)


def test_fhir_refuses_an_unknown_questionnaire() -> None:
    other = Response(7, "DLQI", "1", NOW, (1,), None, 1, None, "x", frozenset(), "")
    with pytest.raises(ValueError, match="unknown questionnaire DLQI"):
        fhir_bundle([other], load_instruments(), now=NOW)
