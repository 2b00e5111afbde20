from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from vitidesk.errors import UserError
from vitidesk.storage.database import Store
from vitidesk.storage.diary import Diary


def test_diary_keeps_ratings_newest_first_and_refuses_bad_ones(tmp_path: Path) -> None:
    with Store.open(tmp_path / "d") as store:
        diary = Diary(store)
        first = diary.add(3, "calm week", dt.datetime(2026, 1, 5, 9, tzinfo=dt.UTC))
        diary.add(8, "", dt.datetime(2026, 1, 12, 9, tzinfo=dt.UTC))
        assert [e.rating for e in diary.entries()] == [8, 3]
        for bad in (11, -1, 2.5, "4", True):
            with pytest.raises(UserError, match="0 to 10"):
                diary.add(bad)  # type: ignore[arg-type]
        diary.delete(first.id)
        assert [e.rating for e in diary.entries()] == [8]


def test_a_diary_note_over_the_limit_is_refused_not_cut(tmp_path: Path) -> None:
    """The same text that the questionnaire note refuses was silently cut here."""
    with Store.open(tmp_path / "d") as store:
        diary = Diary(store)
        with pytest.raises(UserError, match="at most 2000 characters"):
            diary.add(4, "x" * 2001)
        assert diary.entries() == []
        assert len(diary.add(4, "x" * 2000).note) == 2000
