"""Services are the one way to the data, and each operation says what it changed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from vitidesk.services.changes import Changes
from vitidesk.services.diary import DiaryService
from vitidesk.services.responses import ResponsesService
from vitidesk.storage.database import Store


def test_each_change_is_reported_once_and_reads_report_nothing(tmp_path: Path) -> None:
    heard: list[Changes] = []
    with Store.open(tmp_path / "d") as store:
        responses = ResponsesService(store, heard.append)
        first = responses.record("WHO-5", [3, 3, 3, 3, 3])
        assert heard == [Changes(responses=True)]
        responses.responses()
        responses.latest("WHO-5")
        responses.get(first.id)
        assert len(heard) == 1
        responses.save_draft("PHQ-4", [1, None, None, None], 1)
        responses.update_note(first.id, "sunny week")
        responses.delete(first.id)
        assert heard[1:] == [Changes(drafts=True), Changes(responses=True), Changes(responses=True)]
        diary = DiaryService(store, heard.append)
        diary.add(3, "fine")
        assert heard[-1] == Changes(diary=True)


def test_latest_is_the_newest_by_date_whatever_the_order_recorded(tmp_path: Path) -> None:
    with Store.open(tmp_path / "d") as store:
        responses = ResponsesService(store)
        day = dt.datetime(2026, 5, 1, 9, tzinfo=dt.UTC)
        responses.record("PHQ-4", [0, 0, 0, 0], taken_at=day + dt.timedelta(days=7))
        responses.record("PHQ-4", [3, 3, 3, 3], taken_at=day)
        responses.record("WHO-5", [1, 1, 1, 1, 1], taken_at=day + dt.timedelta(days=1))
        assert responses.latest("PHQ-4").raw == 0
        assert responses.latest().instrument == "PHQ-4"
        assert responses.latest("GAD-7") is None


def test_a_setting_is_reported_once_and_only_when_it_changes(tmp_path: Path) -> None:
    from vitidesk.services.settings import SettingsService

    heard: list[Changes] = []
    with Store.open(tmp_path / "d") as store:
        settings = SettingsService(store, heard.append)
        assert settings.set("region", "GB") is True
        assert settings.set("region", "GB") is False  # no change, nothing said
        settings.reminder_days = 14  # assigning is the same as set()
        assert heard == [Changes(settings=("region",)), Changes(settings=("reminder_days",))]
        assert (settings.region, settings.reminder_days) == ("GB", 14)
