"""Questionnaire responses and drafts in the store: scored on the way in, one transaction each,
ordered by time, kept across an upgrade from the schema before them."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import sqlite3
from pathlib import Path

import pytest

from vitidesk.core.questionnaires import AnswerError
from vitidesk.storage.database import Store
from vitidesk.storage.migrations import MIGRATIONS, SCHEMA_VERSION
from vitidesk.storage.responses import NOTE_MAX, ResponseNotFoundError, ResponseStore

CET = dt.timezone(dt.timedelta(hours=1))
EST = dt.timezone(dt.timedelta(hours=-5))


@pytest.fixture
def store(tmp_path: Path):
    with Store.open(tmp_path / "data") as opened:
        yield opened


@pytest.fixture
def responses(store: Store) -> ResponseStore:
    return ResponseStore(store)


def test_record_scores_and_keeps_everything(responses: ResponseStore) -> None:
    taken = dt.datetime(2026, 3, 1, 9, 30, tzinfo=CET)
    saved = responses.record(
        "PHQ-9", [1, 2, 1, 1, 2, 1, 1, 1, 1], taken_at=taken, difficulty=1, note="  rough week "
    )
    assert saved.id > 0
    assert (saved.instrument, saved.version) == ("PHQ-9", "en-1")
    assert saved.taken_at == taken and saved.taken_at.utcoffset() == dt.timedelta(hours=1)
    assert saved.answers == (1, 2, 1, 1, 2, 1, 1, 1, 1)
    assert (saved.raw, saved.percent, saved.band) == (11, None, "moderate")
    assert saved.flags == {"item9_positive", "total_ge_10"}
    assert (saved.difficulty, saved.note) == (1, "rough week")
    assert responses.get(saved.id) == saved


def test_stored_as_json_text_and_iso_with_offset(store: Store, responses: ResponseStore) -> None:
    taken = dt.datetime(2026, 3, 1, 9, 30, tzinfo=CET)
    responses.record("WHO-5", [3, 3, 2, 1, 4], taken_at=taken)
    answers, flags, taken_at, percent = store.query(
        "SELECT answers, flags, taken_at, percent FROM responses"
    )[0]
    assert json.loads(answers) == [3, 3, 2, 1, 4]
    assert json.loads(flags) == ["any_item_le_1"]
    assert taken_at == "2026-03-01T09:30:00+01:00"
    assert percent == 52


def test_default_time_is_now_and_timezone_aware(responses: ResponseStore) -> None:
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    saved = responses.record("PHQ-4", [0, 1, 0, 1])
    assert saved.taken_at.tzinfo is not None
    assert before <= saved.taken_at <= dt.datetime.now(dt.UTC)


def test_naive_time_is_taken_as_local(responses: ResponseStore) -> None:
    saved = responses.record("PHQ-4", [0, 0, 0, 0], taken_at=dt.datetime(2026, 1, 2, 8, 0))
    assert saved.taken_at.tzinfo is not None
    assert saved.taken_at.replace(tzinfo=None) == dt.datetime(2026, 1, 2, 8, 0)


@pytest.mark.parametrize(
    ("instrument", "answers", "message"),
    [
        ("WHO-5", [3, 3, 3, 3], "WHO-5 item 5: missing"),
        ("PHQ-9", [0, 0, 0, 0, 0, 0, 0, 0, 4], "PHQ-9 item 9: 4 is not one of 0, 1, 2, 3"),
        ("GAD-7", [0, 0, 0, 0, 0, 0, None], "GAD-7 item 7: no answer"),
        ("PHQ-4", None, "PHQ-4: answers must be a list"),
        ("DLQI", [0] * 10, "DLQI: no such questionnaire"),
    ],
)
def test_bad_answers_store_nothing(
    store: Store, responses: ResponseStore, instrument: str, answers: object, message: str
) -> None:
    with pytest.raises(ValueError) as caught:
        responses.record(instrument, answers)  # type: ignore[arg-type]
    assert str(caught.value).startswith(message)
    assert store.query("SELECT COUNT(*) FROM responses") == [(0,)]


def test_difficulty_only_where_the_form_has_it(responses: ResponseStore) -> None:
    with pytest.raises(AnswerError, match="difficulty: 4 is not one of"):
        responses.record("PHQ-9", [0] * 9, difficulty=4)
    with pytest.raises(AnswerError, match="no difficulty question"):
        responses.record("GAD-7", [0] * 7, difficulty=1)
    assert responses.responses() == []


def test_record_is_one_transaction(store: Store, responses: ResponseStore) -> None:
    with store.transaction() as conn:  # any row with a total of 7 lands, then fails
        conn.execute(
            "CREATE TRIGGER fail_after_insert AFTER INSERT ON responses WHEN NEW.raw = 7 "
            "BEGIN SELECT RAISE(ABORT, 'disk full'); END"
        )
    with pytest.raises(sqlite3.DatabaseError, match="disk full"):
        responses.record("GAD-7", [1, 1, 1, 1, 1, 1, 1])
    assert store.query("SELECT COUNT(*) FROM responses") == [(0,)]
    with pytest.raises(sqlite3.DatabaseError, match="disk full"):
        responses.record_many(  # the first insert succeeds, the second fails: neither stays
            [
                {"instrument_id": "PHQ-4", "answers": [0, 0, 0, 0]},
                {"instrument_id": "GAD-7", "answers": [1, 1, 1, 1, 1, 1, 1]},
            ]
        )
    assert store.query("SELECT COUNT(*) FROM responses") == [(0,)]
    with store.transaction() as conn:
        conn.execute("DROP TRIGGER fail_after_insert")
    assert responses.record("GAD-7", [1, 1, 1, 1, 1, 1, 1]).raw == 7  # the store still works


def test_record_many_is_all_or_nothing_on_bad_answers(
    store: Store, responses: ResponseStore
) -> None:
    with pytest.raises(AnswerError, match="PHQ-4 item 4"):
        responses.record_many(
            [
                {"instrument_id": "PHQ-4", "answers": [0, 0, 0, 0]},
                {"instrument_id": "PHQ-4", "answers": [0, 0, 0, 9]},
            ]
        )
    assert store.query("SELECT COUNT(*) FROM responses") == [(0,)]
    ids = responses.record_many(
        [
            {"instrument_id": "PHQ-4", "answers": [0, 0, 0, 0], "note": "a"},
            {"instrument_id": "PHQ-9", "answers": [0] * 9, "difficulty": 0},
        ]
    )
    assert [responses.get(i).instrument for i in ids] == ["PHQ-4", "PHQ-9"]


def test_listing_is_oldest_first_across_time_zones(responses: ResponseStore) -> None:
    # 10:00 in New York is later than 15:30 in Paris on the same day.
    late = responses.record("PHQ-4", [1, 0, 0, 0], taken_at=dt.datetime(2026, 2, 1, 10, tzinfo=EST))
    early = responses.record(
        "PHQ-4", [2, 0, 0, 0], taken_at=dt.datetime(2026, 2, 1, 15, 30, tzinfo=CET)
    )
    first = responses.record("GAD-7", [0] * 7, taken_at=dt.datetime(2026, 1, 1, tzinfo=CET))
    assert [r.id for r in responses.responses()] == [first.id, early.id, late.id]
    assert [r.id for r in responses.responses("PHQ-4")] == [early.id, late.id]
    assert responses.responses("WHO-5") == []


def test_previous_is_the_same_instrument_just_before(responses: ResponseStore) -> None:
    def at(day: int) -> dt.datetime:
        return dt.datetime(2026, 1, day, 12, tzinfo=CET)

    a = responses.record("WHO-5", [2, 2, 2, 2, 2], taken_at=at(1))
    responses.record("PHQ-4", [0, 0, 0, 0], taken_at=at(2))
    c = responses.record("WHO-5", [3, 3, 3, 3, 3], taken_at=at(20))
    b = responses.record("WHO-5", [4, 4, 4, 4, 4], taken_at=at(10))  # entered late
    same_time = responses.record("WHO-5", [5, 5, 5, 5, 5], taken_at=at(20))
    assert responses.previous(a) is None
    assert responses.previous(b) == a
    assert responses.previous(c) == b
    assert responses.previous(same_time) == c


def test_update_note_and_delete(store: Store, responses: ResponseStore) -> None:
    saved = responses.record("GAD-7", [0] * 7, note="first")
    updated = responses.update_note(saved.id, "  after the clinic visit  ")
    assert updated.note == "after the clinic visit"
    assert updated.raw == saved.raw and updated.taken_at == saved.taken_at
    with pytest.raises(ValueError, match="at most"):
        responses.update_note(saved.id, "x" * (NOTE_MAX + 1))
    responses.delete(saved.id)
    assert responses.responses() == []
    with pytest.raises(ResponseNotFoundError, match=f"response {saved.id}: no such"):
        responses.get(saved.id)
    with pytest.raises(ResponseNotFoundError):
        responses.delete(saved.id)
    with pytest.raises(ResponseNotFoundError):
        responses.update_note(saved.id, "x")


def test_drafts_survive_reopening_the_store(tmp_path: Path) -> None:
    with Store.open(tmp_path / "d") as store:
        ResponseStore(store).save_draft("PHQ-9", [1, 0, None, 2, None, None, None, None, None], 3)
        ResponseStore(store).save_draft("WHO-5", [5, None, None, None, None], 1)
    with Store.open(tmp_path / "d") as store:
        drafts = ResponseStore(store)
        assert drafts.load_draft("PHQ-9") == ([1, 0, None, 2, None, None, None, None, None], 3)
        assert sorted(drafts.drafts()) == ["PHQ-9", "WHO-5"]
        drafts.save_draft("PHQ-9", [1, 0, 1, 2, 0, 0, 0, 0, 0, 2], 10)  # with difficulty
        assert drafts.load_draft("PHQ-9") == ([1, 0, 1, 2, 0, 0, 0, 0, 0, 2], 10)
        drafts.clear_draft("PHQ-9")
        assert drafts.load_draft("PHQ-9") is None
        assert drafts.load_draft("WHO-5") == ([5, None, None, None, None], 1)
        assert drafts.load_draft("GAD-7") is None
        drafts.clear_draft("GAD-7")  # nothing to clear is fine


@pytest.mark.parametrize(
    ("instrument", "answers", "position", "message"),
    [
        ("PHQ-4", [0, 0, 0, 4], 0, "PHQ-4 item 4: 4 is not one of"),
        ("PHQ-4", [0, 0, 0, 0, 0], 0, "at most 4 answers"),
        ("PHQ-4", [0, "1"], 0, "PHQ-4 item 2"),
        ("PHQ-4", [0], 5, "position 5"),
        ("PHQ-4", [0], -1, "position -1"),
        ("PHQ-9", [0] * 9 + [4], 0, "difficulty: 4"),
        ("DLQI", [0], 0, "no such questionnaire"),
    ],
)
def test_bad_drafts_are_refused(
    responses: ResponseStore, instrument: str, answers: list, position: int, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        responses.save_draft(instrument, answers, position)


def test_a_draft_for_another_text_version_or_unreadable_is_ignored(
    store: Store, responses: ResponseStore
) -> None:
    responses.save_draft("GAD-7", [1, None, None, None, None, None, None], 1)
    with store.transaction() as conn:
        conn.execute("UPDATE response_drafts SET version = 'old' WHERE instrument = 'GAD-7'")
    assert responses.load_draft("GAD-7") is None
    responses.save_draft("GAD-7", [1, None, None, None, None, None, None], 1)
    with store.transaction() as conn:
        conn.execute("UPDATE response_drafts SET answers = 'not json' WHERE instrument = 'GAD-7'")
    assert responses.load_draft("GAD-7") is None


def test_upgrade_from_the_previous_schema_keeps_the_data(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with Store.open(data, migrations=MIGRATIONS[:3]) as old:
        assert old.schema_version == 3
        with old.transaction() as conn:
            conn.execute("INSERT INTO settings VALUES ('region', '\"GB\"')")
            conn.execute("INSERT INTO sites (name) VALUES ('Left knee')")
        sites_before = old.query("SELECT id, name FROM sites ORDER BY id")
    with Store.open(data) as upgraded:
        assert upgraded.schema_version == SCHEMA_VERSION
        assert upgraded.query("SELECT key, value FROM settings") == [("region", '"GB"')]
        assert upgraded.query("SELECT id, name FROM sites ORDER BY id") == sites_before
        responses = ResponseStore(upgraded)
        assert responses.responses() == []
        assert responses.record("PHQ-4", [1, 1, 1, 1]).band == "mild"
    with Store.open(data) as again:
        assert len(ResponseStore(again).responses()) == 1
        assert again.query("PRAGMA integrity_check") == [("ok",)]


# -- demo data ----------------------------------------------------------------------------------
def test_demo_seeding_gives_a_deterministic_year_for_each_questionnaire(tmp_path: Path) -> None:
    from vitidesk.storage.demo_responses import END_DATE, sample_entries, seed_responses

    assert sample_entries() == sample_entries()  # same every run, whatever today is
    with Store.open(tmp_path / "d") as store:
        seed_responses(store)
        stored = ResponseStore(store).responses()
    by_instrument: dict[str, list] = {}
    for response in stored:
        by_instrument.setdefault(response.instrument, []).append(response)
    assert sorted(by_instrument) == ["GAD-7", "PHQ-4", "PHQ-9", "WHO-5"]
    for instrument, series in by_instrument.items():
        assert 13 <= len(series) <= 27, instrument  # every 2-4 weeks for a year
        days = [r.taken_at.date() for r in series]
        gaps = {(b - a).days for a, b in itertools.pairwise(days)}
        assert gaps <= {14, 21, 28}, instrument
        assert 3 <= (END_DATE - days[-1]).days <= 5
        assert 350 <= (days[-1] - days[0]).days <= 366
        assert all(r.taken_at.utcoffset() == dt.timedelta(hours=1) for r in series)
        # a gentle improvement: the last quarter is better than the first
        quarter = len(series) // 4
        first = sum(r.raw for r in series[:quarter]) / quarter
        last = sum(r.raw for r in series[-quarter:]) / quarter
        assert (last > first) if instrument == "WHO-5" else (last < first), instrument
    phq9 = by_instrument["PHQ-9"]
    assert all(r.answers[8] == 0 and "item9_positive" not in r.flags for r in phq9)
    assert all(r.difficulty is not None for r in phq9)


def test_demo_profile_includes_the_responses(tmp_path: Path) -> None:
    from vitidesk.storage.demo import SEED_VERSION, SEEDERS, open_demo_store
    from vitidesk.storage.demo_responses import sample_entries, seed_responses

    assert seed_responses in SEEDERS and SEED_VERSION >= 3
    with open_demo_store(tmp_path / "demo") as store:
        assert len(ResponseStore(store).responses()) == len(sample_entries())
