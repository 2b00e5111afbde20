from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from tests.helpers import file_mode
from vitidesk.storage.database import DB_NAME, NewerSchemaError, Store, StoreError
from vitidesk.storage.migrations import MIGRATIONS, SCHEMA_VERSION


def test_new_store_is_current_wal_with_foreign_keys(tmp_path: Path) -> None:
    with Store.open(tmp_path / "data") as store:
        assert store.schema_version == SCHEMA_VERSION
        assert store.query("PRAGMA journal_mode")[0][0] == "wal"
        assert store.query("PRAGMA foreign_keys")[0][0] == 1


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_store_folder_and_file_are_private(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with Store.open(data):
        pass
    assert file_mode(data) == 0o700
    assert file_mode(data / DB_NAME) == 0o600


def test_old_store_upgrades_with_its_data_intact(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with Store.open(data, migrations=MIGRATIONS[:1]) as old:
        assert old.schema_version == 1
        with old.transaction() as conn:
            conn.execute("INSERT INTO settings VALUES ('region', '\"GB\"')")
            conn.execute(
                "INSERT INTO files (relpath, sha256, size_bytes, added_at) "
                "VALUES ('photos/a.jpg', ?, 12, '2026-01-02T03:04:05+00:00')",
                ("a" * 64,),
            )
    with Store.open(data) as upgraded:
        assert upgraded.schema_version == SCHEMA_VERSION
        assert upgraded.query("SELECT key, value FROM settings") == [("region", '"GB"')]
        assert upgraded.query("SELECT relpath, size_bytes, kind FROM files") == [
            ("photos/a.jpg", 12, "other")
        ]


def test_store_from_a_newer_version_is_refused_not_downgraded(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with Store.open(data) as store, store.transaction() as conn:
        conn.execute("PRAGMA user_version = 99")
    with pytest.raises(NewerSchemaError, match="newer VitiDesk"):
        Store.open(data)
    raw = sqlite3.connect(data / DB_NAME)
    assert raw.execute("PRAGMA user_version").fetchone()[0] == 99
    raw.close()


def test_failed_transaction_changes_nothing(tmp_path: Path) -> None:
    with Store.open(tmp_path / "data") as store:
        with pytest.raises(RuntimeError), store.transaction() as conn:
            conn.execute("INSERT INTO settings VALUES ('a', '1')")
            raise RuntimeError("power cut")
        assert store.query("SELECT * FROM settings") == []


def test_not_a_database_gives_a_clear_error(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / DB_NAME).write_bytes(b"this is a holiday photo, not a database" * 100)
    with pytest.raises(StoreError, match="not a readable VitiDesk store"):
        Store.open(data)


def test_missing_store_is_not_created_when_asked_not_to(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no VitiDesk data"):
        Store.open(tmp_path / "nothing", create=False)
    assert not (tmp_path / "nothing").exists()


def test_data_dir_that_is_a_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "taken").write_text("x")
    with pytest.raises(StoreError, match="cannot create the data folder"):
        Store.open(tmp_path / "taken")
