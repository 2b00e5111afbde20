"""Questionnaire scoring and data, checked against the team's reference sheet
(shared/facts/questionnaires.md): every band edge, every flag, every kind of bad answer."""

from __future__ import annotations

import itertools
import re

import pytest
import textstat

from vitidesk.core import questionnaires as q
from vitidesk.core.questionnaires import (
    ITEM9_FLAG,
    AnswerError,
    QuestionnaireError,
    Score,
    find_instrument,
    load_instruments,
    meaningful_change,
    score,
)

# The sheet's §10 table, written out here by hand so the data files are checked against it.
BANDS = {
    "WHO-5": [("likely_depression", 0, 28), ("poor_wellbeing", 32, 48), ("not_low", 52, 100)],
    "PHQ-9": [
        ("none_minimal", 0, 4),
        ("mild", 5, 9),
        ("moderate", 10, 14),
        ("moderately_severe", 15, 19),
        ("severe", 20, 27),
    ],
    "GAD-7": [("minimal", 0, 4), ("mild", 5, 9), ("moderate", 10, 14), ("severe", 15, 21)],
    "PHQ-4": [("none", 0, 2), ("mild", 3, 5), ("moderate", 6, 8), ("severe", 9, 12)],
}
SHAPE = {"WHO-5": (5, 5), "PHQ-9": (9, 3), "GAD-7": (7, 3), "PHQ-4": (4, 3)}  # items, top value


def answers_for(instrument_id: str, raw: int) -> list[int]:
    """Answers summing to ``raw``, filled from the first item (so PHQ-9 item 9 stays 0 up
    to a total of 24)."""
    count, top = SHAPE[instrument_id]
    values = [0] * count
    left = raw
    for index in range(count):
        values[index] = min(top, left)
        left -= values[index]
    assert left == 0 and sum(values) == raw
    return values


def edges() -> list[tuple[str, int, str]]:
    """(instrument, raw, band) for both sides of every band boundary, plus the extremes."""
    cases = []
    for instrument_id, bands in BANDS.items():
        per = 4 if instrument_id == "WHO-5" else 1
        for key, low, high in bands:
            cases.append((instrument_id, low // per, key))
            cases.append((instrument_id, high // per, key))
    return cases


# -- data files match the sheet -------------------------------------------------------------
def test_instruments_load_in_order() -> None:
    assert list(load_instruments()) == ["WHO-5", "PHQ-4", "PHQ-9", "GAD-7"]
    assert load_instruments() is load_instruments()  # cached


@pytest.mark.parametrize("instrument_id", list(BANDS))
def test_shape_bands_and_options_match_the_sheet(instrument_id: str) -> None:
    instrument = load_instruments()[instrument_id]
    count, top = SHAPE[instrument_id]
    assert len(instrument.items) == count
    assert instrument.option_values == tuple(range(top + 1))
    assert instrument.max_raw == count * top
    assert [(b.key, b.low, b.high) for b in instrument.bands] == BANDS[instrument_id]
    assert instrument.banded_on == ("percent" if instrument_id == "WHO-5" else "raw")
    for band in instrument.bands:
        assert instrument.band(band.key) is band
        assert band.label and band.meaning
        assert "diagnosis" in band.meaning  # a screening result, never a diagnosis
    with pytest.raises(KeyError):
        instrument.band("great")
    assert instrument.source and instrument.licence


def test_band_meanings_and_flag_texts_are_short_and_plain() -> None:
    texts = [band.meaning for i in load_instruments().values() for band in i.bands]
    texts += list(q.FLAG_TEXT.values())
    for text in texts:
        assert len(re.findall(r"[.!?](?:\s|$)", text)) <= 2, text
        assert textstat.flesch_kincaid_grade(text) <= 8.0, text
    assert set(q.FLAG_TEXT) == {
        "any_item_le_1",
        "item9_positive",
        "total_ge_10",
        "anxiety_subscale_positive",
        "depression_subscale_positive",
    }


def test_discuss_marks_the_bands_at_or_above_the_published_cut_points() -> None:
    discuss = {
        i.id: [band.key for band in i.bands if band.discuss] for i in load_instruments().values()
    }
    assert discuss == {
        "WHO-5": ["likely_depression", "poor_wellbeing"],
        "PHQ-4": ["moderate", "severe"],
        "PHQ-9": ["moderate", "moderately_severe", "severe"],
        "GAD-7": ["moderate", "severe"],
    }


def test_who5_text_options_and_attribution() -> None:
    who5 = load_instruments()["WHO-5"]
    assert [item.text for item in who5.items] == [
        "I have felt cheerful and in good spirits.",
        "I have felt calm and relaxed.",
        "I have felt active and vigorous.",
        "I woke up feeling fresh and rested.",
        "My daily life has been filled with things that interest me.",
    ]
    assert [(o.value, o.label) for o in who5.options] == [
        (5, "All of the time"),
        (4, "Most of the time"),
        (3, "More than half of the time"),
        (2, "Less than half of the time"),
        (1, "Some of the time"),
        (0, "At no time"),
    ]
    assert who5.recall_period == "the last two weeks"
    assert "higher numbers mean better well-being" in who5.instructions
    # No LOINC code exists for WHO-5; 71969-0 is PROMIS-10, not WHO-5.
    assert who5.loinc_panel is None and who5.loinc_total is None
    assert all(item.loinc is None for item in who5.items)
    assert "Hillerød" in who5.source
    assert "Psychiatric Center North Zealand" in who5.licence
    assert who5.difficulty is None and who5.difficulty_options == ()


def test_phq9_text_codes_and_difficulty_question() -> None:
    phq9 = load_instruments()["PHQ-9"]
    assert [item.loinc for item in phq9.items] == [
        "44250-9",
        "44255-8",
        "44259-0",
        "44254-1",
        "44251-7",
        "44258-2",
        "44252-5",
        "44253-3",
        "44260-8",
    ]
    assert phq9.items[8].text == (
        "Thoughts that you would be better off dead or of hurting yourself in some way"
    )
    assert all("gave noticed" not in item.text for item in phq9.items)  # the SDC typo
    assert [(o.value, o.label) for o in phq9.options] == [
        (0, "Not at all"),
        (1, "Several days"),
        (2, "More than half the days"),
        (3, "Nearly every day"),
    ]
    assert (phq9.loinc_panel, phq9.loinc_total) == ("44249-1", "44261-6")
    assert phq9.difficulty is not None and phq9.difficulty.loinc == "69722-7"
    assert phq9.difficulty.text.startswith("How difficult have these problems made it")
    assert [o.label for o in phq9.difficulty_options] == [
        "Not difficult at all",
        "Somewhat difficult",
        "Very difficult",
        "Extremely difficult",
    ]
    assert "Over the last 2 weeks" in phq9.instructions
    assert "No permission required to reproduce, translate, display or distribute" in phq9.licence
    assert "Spitzer" in phq9.source and "Pfizer" in phq9.source


def test_gad7_and_phq4_codes_and_order() -> None:
    instruments = load_instruments()
    gad7, phq4 = instruments["GAD-7"], instruments["PHQ-4"]
    assert [item.loinc for item in gad7.items] == [
        "69725-0",
        "68509-9",
        "69733-4",
        "69734-2",
        "69735-9",
        "69689-8",
        "69736-7",
    ]
    assert (gad7.loinc_panel, gad7.loinc_total) == ("69737-5", "70274-6")
    assert gad7.difficulty is None
    # PHQ-4 = GAD-2 then PHQ-2, in that order (§5 and §10).
    assert [item.loinc for item in phq4.items] == ["69725-0", "68509-9", "44250-9", "44255-8"]
    assert phq4.items[0].text.startswith("Feeling nervous")
    assert phq4.items[3].text == "Feeling down, depressed, or hopeless"
    assert phq4.loinc_total == "70272-0"


def test_no_licence_restricted_instrument_is_shipped() -> None:
    names = " ".join(f"{i.id} {i.title}" for i in load_instruments().values()).casefold()
    for restricted in ("dlqi", "vitiqol", "vis-22", "skindex"):
        assert restricted not in names
    assert all(find_instrument(name) is None for name in ("DLQI", "VitiQoL", "VIS-22"))


def test_find_instrument_is_forgiving_about_spelling() -> None:
    assert find_instrument("phq9").id == "PHQ-9"  # type: ignore[union-attr]
    assert find_instrument("Who 5").id == "WHO-5"  # type: ignore[union-attr]
    assert find_instrument("gad-7").id == "GAD-7"  # type: ignore[union-attr]
    assert find_instrument("phq") is None


def test_inconsistent_data_files_are_refused() -> None:
    good = q.read_text("questionnaires", "phq4.toml")
    with pytest.raises(QuestionnaireError, match="exactly one"):
        q._parse("x.toml", good.replace("high = 5", "high = 4"))  # score 5 in no band
    with pytest.raises(QuestionnaireError, match="max_raw"):
        q._parse("x.toml", good.replace("max_raw = 12", "max_raw = 13"))
    with pytest.raises(QuestionnaireError, match="not valid TOML"):
        q._parse("x.toml", "id = ")


# -- scoring ------------------------------------------------------------------------------------
@pytest.mark.parametrize(("instrument_id", "raw", "band"), edges())
def test_every_band_boundary_both_sides(instrument_id: str, raw: int, band: str) -> None:
    assert score(instrument_id, answers_for(instrument_id, raw)).band == band


def test_band_edges_cover_every_boundary() -> None:
    cases = edges()
    for instrument_id, bands in BANDS.items():
        for (_, _, high), (key, low, _) in itertools.pairwise(bands):
            per = 4 if instrument_id == "WHO-5" else 1
            assert (instrument_id, low // per, key) in cases
            assert low // per == high // per + 1  # the two sides are neighbours


def test_who5_percent_is_raw_times_four_and_never_fifty() -> None:
    for raw in range(26):
        result = score("WHO-5", answers_for("WHO-5", raw))
        assert result.raw == raw and result.percent == raw * 4
    assert score("WHO-5", [2, 3, 2, 3, 2]).percent == 48
    assert score("WHO-5", [3, 3, 2, 3, 2]).percent == 52
    assert score("WHO-5", [0, 0, 0, 0, 0]).percent == 0
    assert score("WHO-5", [5, 5, 5, 5, 5]) == Score(25, 100, "not_low", frozenset())


def test_other_instruments_have_no_percent() -> None:
    for instrument_id in ("PHQ-4", "PHQ-9", "GAD-7"):
        assert score(instrument_id, answers_for(instrument_id, 3)).percent is None


def test_who5_any_item_le_1_flag() -> None:
    assert "any_item_le_1" in score("WHO-5", [5, 5, 5, 5, 1]).flags
    assert "any_item_le_1" in score("WHO-5", [0, 5, 5, 5, 5]).flags
    assert score("WHO-5", [2, 2, 2, 2, 2]).flags == frozenset()
    high_but_flagged = score("WHO-5", [5, 5, 5, 5, 0])
    assert high_but_flagged.band == "not_low" and high_but_flagged.flags == {"any_item_le_1"}


@pytest.mark.parametrize("item9", [1, 2, 3])
def test_item9_flag_fires_whatever_the_total(item9: int) -> None:
    low = score("PHQ-9", [0, 0, 0, 0, 0, 0, 0, 0, item9])
    assert low.raw == item9 and low.band == "none_minimal"
    assert ITEM9_FLAG in low.flags
    assert ITEM9_FLAG == "item9_positive"


def test_item9_flag_is_off_when_item9_is_zero() -> None:
    assert ITEM9_FLAG not in score("PHQ-9", [3, 3, 3, 3, 3, 3, 3, 3, 0]).flags


@pytest.mark.parametrize("instrument_id", ["PHQ-9", "GAD-7"])
def test_total_ge_10_flag(instrument_id: str) -> None:
    assert "total_ge_10" not in score(instrument_id, answers_for(instrument_id, 9)).flags
    assert "total_ge_10" in score(instrument_id, answers_for(instrument_id, 10)).flags
    top = SHAPE[instrument_id][0] * 3
    assert "total_ge_10" in score(instrument_id, answers_for(instrument_id, top)).flags


def test_total_ge_10_only_for_phq9_and_gad7() -> None:
    assert "total_ge_10" not in score("WHO-5", [2, 2, 2, 2, 2]).flags
    assert "total_ge_10" not in score("PHQ-4", [3, 3, 3, 3]).flags


def test_phq4_subscale_flags() -> None:
    # Answer order: nervous, worrying | interest, down.
    assert score("PHQ-4", [2, 1, 0, 0]).flags == {"anxiety_subscale_positive"}
    assert score("PHQ-4", [1, 1, 0, 0]).flags == frozenset()
    assert score("PHQ-4", [0, 0, 1, 2]).flags == {"depression_subscale_positive"}
    assert score("PHQ-4", [0, 0, 2, 0]).flags == frozenset()
    assert score("PHQ-4", [2, 2, 1, 1]).flags == {"anxiety_subscale_positive"}
    both = score("PHQ-4", [3, 0, 0, 3])
    assert both.flags == {"anxiety_subscale_positive", "depression_subscale_positive"}
    # A mild total can still have a positive subscale; a severe one always has both.
    assert score("PHQ-4", [3, 0, 0, 0]).band == "mild"
    for values in ([3, 3, 3, 0], [3, 0, 3, 3], [2, 2, 3, 2]):
        assert len(score("PHQ-4", values).flags) == 2


def test_answers_may_be_any_sequence() -> None:
    assert score("GAD-7", (1, 1, 1, 1, 1, 1, 1)).raw == 7
    assert score("GAD-7", iter([0, 0, 0, 0, 0, 0, 3])).raw == 3


# -- invalid answers ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("instrument_id", "answers", "message"),
    [
        ("WHO-5", [3, 3, 3, 3], "WHO-5 item 5: missing"),
        ("WHO-5", [3, 3, 3, 3, 3, 3], "WHO-5 item 6: there is no such item"),
        ("WHO-5", [], "WHO-5 item 1: missing"),
        ("WHO-5", [3, 3, 6, 3, 3], "WHO-5 item 3: 6 is not one of 0, 1, 2, 3, 4, 5"),
        ("PHQ-9", [0, 0, 0, 0, 0, 0, 0, 0, 4], "PHQ-9 item 9: 4 is not one of 0, 1, 2, 3"),
        ("PHQ-9", [0, -1, 0, 0, 0, 0, 0, 0, 0], "PHQ-9 item 2: -1 is not one of"),
        ("GAD-7", [0, 0, 1.5, 0, 0, 0, 0], "GAD-7 item 3: 1.5 is not one of"),
        ("GAD-7", [0, 0, 0, 0, 0, 0, 2.0], "GAD-7 item 7: 2.0 is not one of"),
        ("PHQ-4", [0, "2", 0, 0], "PHQ-4 item 2: '2' is not one of"),
        ("PHQ-4", [True, 0, 0, 0], "PHQ-4 item 1: True is not one of"),
        ("PHQ-4", [0, 0, False, 0], "PHQ-4 item 3: False is not one of"),
        ("PHQ-9", [0, 0, 0, None, 0, 0, 0, 0, 0], "PHQ-9 item 4: no answer"),
        ("PHQ-4", "0123", "PHQ-4: answers must be a list"),
        ("PHQ-4", None, "PHQ-4: answers must be a list"),
    ],
)
def test_invalid_answers_are_refused_naming_the_item(
    instrument_id: str, answers: object, message: str
) -> None:
    with pytest.raises(ValueError) as caught:
        score(instrument_id, answers)  # type: ignore[arg-type]
    assert str(caught.value).startswith(message)
    assert isinstance(caught.value, AnswerError)


def test_answer_error_detail_drops_the_instrument_name() -> None:
    with pytest.raises(AnswerError) as caught:
        score("PHQ-9", [0, 0, 0, 0, 0, 0, 0, 0, 4])
    assert caught.value.item == 9
    assert caught.value.detail == "item 9: 4 is not one of 0, 1, 2, 3"


@pytest.mark.parametrize("name", ["DLQI", "phq9", "", None, 9])
def test_unknown_instrument_is_refused(name: object) -> None:
    with pytest.raises(ValueError, match="no such questionnaire"):
        score(name, [0, 0, 0, 0])  # type: ignore[arg-type]


def test_difficulty_answers_are_checked() -> None:
    phq9 = load_instruments()["PHQ-9"]
    assert q.check_difficulty(phq9, None) is None
    assert q.check_difficulty(phq9, 3) == 3
    for bad in (4, -1, True, "1", 1.0):
        with pytest.raises(AnswerError, match="difficulty"):
            q.check_difficulty(phq9, bad)
    with pytest.raises(AnswerError, match="no difficulty question"):
        q.check_difficulty(load_instruments()["GAD-7"], 0)


# -- change over time --------------------------------------------------------------------------
def test_who5_meaningful_change_is_ten_points_or_more() -> None:
    at = {raw: score("WHO-5", answers_for("WHO-5", raw)) for raw in range(26)}
    assert meaningful_change("WHO-5", at[10], at[12]) is None  # 40 -> 48: 8 points
    up = meaningful_change("WHO-5", at[10], at[13])  # 40 -> 52: 12 points
    assert up is not None and "up by 12 points" in up
    down = meaningful_change("WHO-5", at[20], at[15])
    assert down is not None and "down by 20 points" in down
    assert meaningful_change("WHO-5", at[12], at[12]) is None


def test_no_meaningful_change_rule_for_the_other_instruments() -> None:
    for instrument_id in ("PHQ-4", "PHQ-9", "GAD-7"):
        low = score(instrument_id, answers_for(instrument_id, 0))
        high = score(instrument_id, answers_for(instrument_id, 12))
        assert meaningful_change(instrument_id, low, high) is None


def test_public_path_reexports_the_core() -> None:
    from vitidesk import wellbeing

    assert wellbeing.score is score
    assert wellbeing.load_instruments is load_instruments
    assert wellbeing.ITEM9_FLAG == "item9_positive"
