"""The crisis numbers: each one verified, with its source and the date it was checked."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from vitidesk.core import crisis
from vitidesk.core.crisis import CrisisDataError, load_crisis_directory
from vitidesk.core.resources import read_json
from vitidesk.storage.database import Store
from vitidesk.storage.settings import Settings

EXPECTED_NUMBERS = {
    "US": {"988", "911"},
    "GB": {"999", "111", "116 123"},
    "IE": {"112 or 999", "116 123", "1800 111 888"},
    "CA": {"9-8-8", "911"},
    "AU": {"13 11 14", "000"},
}


def test_every_contact_names_its_source_and_the_date_it_was_checked() -> None:
    data = read_json("crisis", "contacts.json")
    last_checked = dt.date.fromisoformat(data["last_checked"])
    for region in data["regions"]:
        for contact in region["contacts"]:
            where = (region["id"], contact["name"])
            assert contact["number"].strip() and contact["details"].strip(), where
            assert contact["source"].strip(), where
            checked = dt.date.fromisoformat(contact["checked"])
            assert checked <= last_checked, where


def test_each_region_lists_the_numbers_the_fact_sheet_verifies() -> None:
    directory = load_crisis_directory()
    for region_id, numbers in EXPECTED_NUMBERS.items():
        region = directory.region(region_id)
        assert region is not None, region_id
        assert numbers <= {contact.number for contact in region.contacts}, region_id


def test_no_retired_or_unverified_line_is_offered() -> None:
    text = json.dumps(read_json("crisis", "contacts.json")).lower()
    assert "press 3" not in text  # the 988 LGBTQ+ youth option ended on 17 July 2025
    for unverified in ("85258", "1800 247 247", "childline"):
        assert unverified not in text, unverified


def test_the_fallback_advice_stays_for_everywhere_else() -> None:
    line = load_crisis_directory().emergency_line.lower()
    assert "local emergency number" in line and "emergency department" in line


def test_a_contact_without_a_source_is_refused_in_one_clear_line(monkeypatch) -> None:
    data = read_json("crisis", "contacts.json")
    del data["regions"][0]["contacts"][0]["source"]
    monkeypatch.setattr(crisis, "read_json", lambda *parts: data)
    with pytest.raises(CrisisDataError, match=r"contacts.json \[US\].*missing source"):
        load_crisis_directory()


def test_the_region_setting_accepts_every_listed_region_and_nothing_else(tmp_path) -> None:
    ids = load_crisis_directory().region_ids()
    assert Settings.region.choices == ("", *ids, "OTHER")
    with Store.open(tmp_path / "data") as store:
        settings = Settings(store)
        for region_id in ("CA", "AU"):
            settings.region = region_id
            assert settings.region == region_id
        with pytest.raises(ValueError):
            settings.region = "Atlantis"
