"""What the lessons say: nothing that misleads, safety advice where it is needed, every figure
cited to a full reference. Each test reads the shipped lesson files as a patient would."""

from __future__ import annotations

import re
import tomllib

import pytest

from vitidesk.core.lesson_text import CITATION, TERM_LINK, citation_keys
from vitidesk.core.lessons import load_library
from vitidesk.core.resources import read_text


@pytest.fixture(scope="module")
def library():
    return load_library(())


def _steps(library):
    for lesson in library.lessons:
        for step in lesson.steps:
            yield lesson, step


def _words(markdown: str) -> str:
    """Markdown as words: links keep their text, citations go."""
    return TERM_LINK.sub(r"\1", CITATION.sub("", markdown))


def _body(step) -> str:
    return _words(step.body)


def _everything(step) -> str:
    """What anyone sees of a step: the title, the patient's text and the presenter's notes."""
    return _words(f"{step.title}\n{step.text}")


def _blocks(markdown: str) -> list[str]:
    return [block.strip() for block in re.split(r"\n\s*\n", markdown) if block.strip()]


# --- Fix what misleads ----------------------------------------------------------------------

CURE_CLAIMS = re.compile(r"revers\w*\s+(?:the\s+)?vitiligo|\bcured?\b|\bcuring\b|\bheals?\b", re.I)
NO_CURE = re.compile(r"\b(?:no|not a|no 100%)\s+cure\b", re.I)


def test_no_lesson_implies_a_cure(library) -> None:
    claims = []
    for lesson, step in _steps(library):
        text = NO_CURE.sub("", _everything(step))
        claims += [(lesson.id, step.id, m.group(0)) for m in CURE_CLAIMS.finditer(text)]
    assert not claims, claims


def test_the_lessons_say_there_is_no_cure_and_that_treatment_is_a_choice(library) -> None:
    text = " ".join(_body(step) for _, step in _steps(library)).lower()
    assert "no cure" in text
    assert "choice" in text


LIGHT = re.compile(
    r"\bsun ?light\b|\bsunbath\w*|\blight therapy\b|\bphototherapy\b|\bnb-uvb\b|"
    r"\bnarrowband uvb\b|\bhome light unit\b|\btanning\b",
    re.I,
)
SUN_ADVICE = re.compile(r"\bsunscreen\b|\bspf\b", re.I)


def test_sun_protection_advice_wherever_light_or_sunlight_is_discussed(library) -> None:
    missing = [
        (lesson.id, step.id)
        for lesson, step in _steps(library)
        if LIGHT.search(_body(step)) and not SUN_ADVICE.search(_body(step))
    ]
    assert not missing, f"light without sun-safety advice: {missing}"


CLOT_HEART_STROKE_SIGNS = (
    "leg",
    "breathing",
    "chest",
    "jaw",
    "headache",
    "weakness on one side",
    "speech",
)
INFECTION_SIGNS = (
    "fever",
    "chills",
    "muscles",
    "cough",
    "short of breath",
    "blood in what you cough up",
    "weight loss",
    "warm, red or painful",
    "diarrhea",
    "stomach pain",
    "urine",
    "very tired",
)


def _step_naming(library, *words: str):
    found = [
        (lesson, step)
        for lesson, step in _steps(library)
        if all(word in _body(step).lower() for word in words)
    ]
    assert found, f"no step names {words}"
    return found


def test_warning_signs_of_clots_heart_attack_and_stroke_say_get_urgent_care(library) -> None:
    for _, step in _step_naming(library, "blood clots", "heart attack", "stroke", "jaw"):
        body = _body(step).lower()
        assert "urgent care" in body and "emergency number" in body, step.id
        missing = [sign for sign in CLOT_HEART_STROKE_SIGNS if sign not in body]
        assert not missing, (step.id, missing)


def test_signs_of_a_serious_infection_are_listed_with_urgent_care(library) -> None:
    for _, step in _step_naming(library, "infection", "fever", "chills"):
        body = _body(step).lower()
        assert "urgent care" in body, step.id
        missing = [sign for sign in INFECTION_SIGNS if sign not in body]
        assert not missing, (step.id, missing)


def test_steroid_cream_advice_gives_its_limits_and_side_effects(library) -> None:
    for _, step in _step_naming(library, "steroid cream", "once a day"):
        body = _body(step).lower()
        for needed in ("eyes", "thin skin", "stretch marks", "children", "as long and as often"):
            assert needed in body, (step.id, needed)


def test_monobenzone_is_said_to_take_colour_away_for_good(library) -> None:
    for _, step in _step_naming(library, "monobenzone"):
        body = _body(step).lower()
        assert "permanent" in body, step.id
        assert "sun" in body, step.id


def test_diabetes_is_not_among_the_linked_conditions(library) -> None:
    found = [(ls.id, s.id) for ls, s in _steps(library) if "diabet" in _body(s).lower()]
    assert not found, found


def test_odds_are_not_read_as_risk(library) -> None:
    risky = re.compile(r"times (?:the odds|as (?:likely|high)|more likely)", re.I)
    found = [(lesson.id, step.id) for lesson, step in _steps(library) if risky.search(_body(step))]
    assert not found, found


def test_questionnaire_results_are_called_signs_not_diagnoses(library) -> None:
    for _, step in _step_naming(library, "anxiety", "35.8%"):
        assert "signs of anxiety" in _body(step).lower(), step.id
    for _, step in _step_naming(library, "depression", "33.6%"):
        assert "signs of depression" in _body(step).lower(), step.id


def test_jak_stat_is_named_as_a_family_of_routes(library) -> None:
    text = " ".join(_body(step) for _, step in _steps(library))
    assert "JAK-STAT1 pathway" not in text
    stat1 = next(step for step in library.lesson("jak-stat-signal").steps if step.id == "stat1")
    assert "family" in _body(stat1).lower()


def test_family_history_uses_the_verified_figure(library) -> None:
    text = " ".join(_body(step) for _, step in _steps(library))
    assert "25% and 50%" not in text
    (_, step), *_ = _step_naming(library, "close relative")
    assert "1 in 5" in _body(step) and "majumder1993" in citation_keys(step.text)


def test_trial_results_say_who_was_studied_and_how_many_did_not_respond(library) -> None:
    for _, step in _step_naming(library, "3 in 10"):
        assert "7 in 10" in _body(step), step.id
    (_, trials), *_ = _step_naming(library, "674 people")
    body = _body(trials)
    assert "aged 12 and older" in body and "North America and Europe" in body


def test_stopping_the_cream_is_compared_with_continuing(library) -> None:
    for _, step in _step_naming(library, "cream with no drug", "after a year"):
        body = _body(step)
        assert "61.8%" in body and "21.4%" in body, step.id
        assert "early" in body.lower(), "conference results must be labelled early"
        assert "39.3%" not in body, "withdrawal-arm figures that do not add up"


def test_home_light_therapy_cites_the_trial_that_tested_it(library) -> None:
    text = " ".join(_body(step) for _, step in _steps(library)).lower()
    assert "not much research" not in text
    for _, step in _step_naming(library, "home", "light"):
        if "light therapy at home" in _body(step).lower():
            assert "thomas2021" in citation_keys(step.text), step.id


# --- Late-2026 status, worded so it can age ---------------------------------------------------

APPROVAL = re.compile(r"\bapprov\w*|\brecommended\b|\basked\b.*\bto approve\b", re.I)
DRUG_STATUS = re.compile(r"JAK pill|ruxolitinib cream|upadacitinib|ritlecitinib|under 12", re.I)


def test_every_approval_status_says_as_of_when(library) -> None:
    undated = [
        (lesson.id, step.id)
        for lesson, step in _steps(library)
        for block in _blocks(_body(step))
        if APPROVAL.search(block) and DRUG_STATUS.search(block)
        if "vitiligo" in block.lower() and not STATUS_DATE.search(_body(step))
    ]
    assert not undated, f"approval status without an 'as of' date: {undated}"


def test_one_status_date_throughout_so_an_update_changes_every_line(library) -> None:
    dates = {
        match.group(1) for _, step in _steps(library) for match in STATUS_DATE.finditer(_body(step))
    }
    assert len(dates) == 1, dates


def test_where_the_cream_stands_in_late_2026(library) -> None:
    (_, step), *_ = _step_naming(library, "as of", "england", "scotland", "european union")
    body = _body(step)
    for place, when in (
        ("United States", "July 2022"),
        ("European Union", "April 2023"),
        ("England", "24 February 2026"),
        ("Scotland", "13 May 2024"),
    ):
        line = next(line for line in body.splitlines() if place in line)
        assert when in line, (place, line)
    assert "did not recommend" in next(line for line in body.splitlines() if "Scotland" in line)
    (_, oral), *_ = _step_naming(library, "upadacitinib", "ritlecitinib")
    oral_text = _body(oral).lower()
    assert "asked" in oral_text and "no approval" in oral_text
    assert "alopecia areata" in oral_text and "still being tested" in oral_text


# --- Every claim cited, every citation a full reference ---------------------------------------

NUMBER = re.compile(r"(?<![\w+-])\d[\d,.]*%?")
STATUS_DATE = re.compile(r"\b(?:as of|by) (\d{1,2} [A-Z][a-z]+ \d{4})", re.I)


def _figures(markdown: str) -> str:
    """The words of a block without its status date ("as of 1 December 2026"): that date says
    when the facts were checked, it is not a figure that needs a source."""
    return STATUS_DATE.sub("", TERM_LINK.sub(r"\1", CITATION.sub("", markdown)))


def test_every_paragraph_or_list_item_with_a_number_is_cited(library) -> None:
    uncited = []
    for lesson, step in _steps(library):
        lead_in_cited = False
        for block in _blocks(step.body):
            lines = block.splitlines()
            if all(line.lstrip().startswith("- ") for line in lines):
                for line in lines:
                    if NUMBER.search(_figures(line)) and not (
                        CITATION.search(line) or lead_in_cited
                    ):
                        uncited.append((lesson.id, step.id, line.strip()))
                continue
            if NUMBER.search(_figures(block)) and not CITATION.search(block):
                uncited.append((lesson.id, step.id, block[:60]))
            lead_in_cited = bool(CITATION.search(block)) or bool(STATUS_DATE.search(block))
    assert not uncited, uncited


INTERNAL_NOTES = re.compile(
    r"not yet|not recorded|checked|todo|uncertain|from memory|\bverify\b|\btbd\b", re.I
)
NEWS_AND_STOCK_SITES = re.compile(
    r"tipranks|thefly|seeking alpha|zonebourse|marketscreener|knolens", re.I
)


def test_every_reference_is_a_full_citation_without_internal_notes(library) -> None:
    for key, reference in library.references.items():
        assert reference.title.strip() and reference.source.strip(), key
        assert reference.authors or reference.published or reference.doi or reference.url, key
        citation = reference.citation()
        assert not INTERNAL_NOTES.search(citation), (key, citation)
        assert not NEWS_AND_STOCK_SITES.search(citation), (key, citation)
        assert ".." not in citation and citation.endswith("."), (key, citation)


def test_every_cited_key_exists_in_the_reference_list(library) -> None:
    for lesson, step in _steps(library):
        for key in citation_keys(step.text):
            assert key in library.references, (lesson.id, step.id, key)


def test_trial_figures_are_cited_to_the_trial_itself(library) -> None:
    for _, step in _step_naming(library, "29.8%"):
        assert "rosmarin2022" in citation_keys(step.text)


# --- The review record lives in the repository, never in the app -------------------------------


def test_each_lesson_has_a_review_record_in_the_repository(library) -> None:
    record = read_text("lessons", "REVIEW.md")
    per_lesson = record.split("## Per lesson", 1)[1].split("\n## ", 1)[0]
    rows = {
        cells[0]: cells
        for line in per_lesson.splitlines()
        if line.startswith("| ")
        for cells in [[cell.strip() for cell in line.strip("|").split("|")]]
    }
    for lesson in library.lessons:
        assert lesson.id in rows, f"no review record for {lesson.id}"
        _, who, fact_sheet, when, sign_off = rows[lesson.id]
        assert who and "clinical.md" in fact_sheet and re.fullmatch(r"\d{4}-\d{2}-\d{2}", when)
        assert sign_off, lesson.id
    assert "not yet reviewed by a dermatologist" in record


def test_the_manifest_holds_no_review_note_for_the_app_to_show() -> None:
    manifest = tomllib.loads(read_text("lessons", "manifest.toml"))
    assert "review_note" not in manifest
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", manifest["last_reviewed"])
    shown = [manifest["last_reviewed"]] + [
        entry.get(field, "") for entry in manifest["lesson"] for field in ("title", "summary")
    ]
    assert not any(INTERNAL_NOTES.search(text) for text in shown)


# --- Every word a patient must learn is explained where it first appears -------------------------

MUST_EXPLAIN = {
    "pigment cells": "melanocyte",
    "depigmentation": "depigmentation",
    "immune system": "immune-system",
    "autoimmune": "autoimmune",
    "contagious": "contagious",
    "nonsegmental vitiligo": "nonsegmental",
    "segmental vitiligo": "segmental",
    "thyroid": "thyroid",
    "alopecia areata": "alopecia-areata",
    "pernicious anemia": "pernicious-anemia",
    "lupus": "lupus",
    "inflammatory bowel disease": "ibd",
    "dermatologist": "dermatologist",
    "oxidative stress": "oxidative-stress",
    "IFN-gamma": "ifn-gamma",
    "cytokine": "cytokine",
    "STATs": "stat",
    "STAT1": "stat1",
    "chemokines": "chemokine",
    "CXCR3": "cxcr3",
    "IL-15": "il-15",
    "relapse": "relapse",
    "placebo": "placebo",
    "F-VASI": "f-vasi",
    "boxed warning": "boxed-warning",
    "TB": "tb",
    "fungal infections": "fungal-infection",
    "shingles": "shingles",
    "lymphoma": "lymphoma",
    "blood clots": "blood-clot",
    "heart attack": "heart-attack",
    "stroke": "stroke",
    "TNF blockers": "tnf-blocker",
    "hepatitis": "hepatitis",
    "cholesterol": "cholesterol",
    "biologic drugs": "biologic",
    "immunosuppressants": "immunosuppressant",
    "NICE": "nice",
    "SMC": "smc",
    "FDA": "fda",
    "EMA": "ema",
    "light therapy": "phototherapy",
    "narrowband UVB": "nb-uvb",
    "PUVA": "puva",
    "melanoma": "melanoma",
    "actinic keratoses": "actinic-keratosis",
    "SPF": "spf",
    "broad-spectrum": "broad-spectrum",
    "vitamin D": "vitamin-d",
    "Koebner effect": "koebner",
    "camouflage": "camouflage",
    "self-tanner": "self-tanner",
    "DHA": "dha",
    "monobenzone": "monobenzone",
    "grafting": "grafting",
    "psychological assessment": "psychological-assessment",
    "tacrolimus": "calcineurin-inhibitor",
    "steroid cream": "topical-steroid",
    "contact dermatitis": "contact-dermatitis",
    "unlicensed": "unlicensed",
    "eczema": "atopic-dermatitis",
    "pregnancy registry": "pregnancy-registry",
    "urinary tract infection": "urinary-tract-infection",
}


def test_every_word_a_patient_must_learn_is_linked_at_first_use_and_defined(library) -> None:
    text = "\n".join(step.body for _, step in _steps(library))
    problems = []
    for word, key in MUST_EXPLAIN.items():
        assert key in library.glossary, f"{word!r}: no glossary entry {key!r}"
        first = re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text, re.I)
        if first is None:
            problems.append((word, "not used"))
            continue
        links = [m for m in TERM_LINK.finditer(text) if m.start() <= first.start() < m.end()]
        if not links or links[0].group(2) != key:
            problems.append((word, text[max(0, first.start() - 30) : first.end() + 30]))
    assert not problems, problems


def test_glossary_definitions_are_plain(library) -> None:
    import textstat

    definitions = " ".join(entry.definition for entry in library.glossary.values())
    assert textstat.flesch_kincaid_grade(definitions) <= 8.0
    for entry in library.glossary.values():
        assert entry.definition.endswith("."), entry.key
        assert entry.definition.count(". ") == 0, f"{entry.key}: one sentence"
