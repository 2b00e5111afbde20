from __future__ import annotations

from pathlib import Path

import pytest

from vitidesk.errors import UserError
from vitidesk.storage.database import Store
from vitidesk.storage.demo import DEMO_NAME, is_demo_dir, open_demo_store, reset_demo
from vitidesk.storage.settings import Settings


def test_settings_have_defaults_and_persist(tmp_path: Path) -> None:
    with Store.open(tmp_path / "data") as store:
        settings = Settings(store)
        assert settings.region == ""
        assert settings.paper_size == "auto"
        settings.region = "GB"
        settings.last_section = 3
    with Store.open(tmp_path / "data") as store:
        assert Settings(store).region == "GB"
        assert Settings(store).last_section == 3


def test_settings_refuse_wrong_values_and_survive_bad_stored_ones(tmp_path: Path) -> None:
    with Store.open(tmp_path / "data") as store:
        settings = Settings(store)
        with pytest.raises(ValueError, match="region"):
            settings.region = "Atlantis"
        with pytest.raises(ValueError):
            settings.last_section = "2"  # type: ignore[assignment]
        with store.transaction() as conn:
            conn.execute("INSERT INTO settings VALUES ('last_section', '\"oops\"')")
            conn.execute("INSERT INTO settings VALUES ('reduced_motion', 'not json')")
        assert settings.last_section == 0
        assert settings.reduced_motion is False


def test_demo_profile_is_seeded_and_marked(tmp_path: Path) -> None:
    folder = tmp_path / "demo"
    with open_demo_store(folder) as store:
        assert store.query("SELECT display_name FROM profile") == [(DEMO_NAME,)]
    assert is_demo_dir(folder)


def test_reset_demo_restores_the_sample_data(tmp_path: Path) -> None:
    folder = tmp_path / "demo"
    with open_demo_store(folder) as store:
        Settings(store).region = "US"
        with store.transaction() as conn:
            conn.execute("UPDATE profile SET display_name = 'changed during a demo'")
    with reset_demo(folder) as store:
        assert Settings(store).region == ""
        assert store.query("SELECT display_name FROM profile") == [(DEMO_NAME,)]


def test_demo_never_wipes_a_folder_that_is_not_a_demo(tmp_path: Path) -> None:
    precious = tmp_path / "patient"
    with Store.open(precious):
        pass
    with pytest.raises(UserError, match="not a VitiDesk demo folder"):
        reset_demo(precious)
    with pytest.raises(UserError, match="not a VitiDesk demo folder"):
        open_demo_store(precious)
    assert Store.exists_in(precious)


def test_a_demo_folder_from_an_older_version_is_seeded_again(tmp_path: Path) -> None:
    from vitidesk.storage.demo import MARKER

    folder = tmp_path / "demo"
    with open_demo_store(folder):
        pass
    (folder / MARKER).write_text("VitiDesk demo profile: sample data only.\n")  # no version
    with open_demo_store(folder) as store:
        assert store.query("SELECT COUNT(*) FROM photos")[0][0] > 0
    assert "seed-version=" in (folder / MARKER).read_text()
