from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from tests.helpers import file_mode
from vitidesk.storage.database import (
    DB_NAME,
    NewerSchemaError,
    Store,
    StoreDamagedError,
    StoreError,
)
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


# -- damage is told, never "repaired" into an empty store -------------------------------------
def _store_with_a_photo(data: Path) -> Path:
    from vitidesk.storage.vault import FileVault

    with Store.open(data) as store:
        FileVault(store).add("photos/2026/a.jpg", b"a photo", kind="photo")
    return data


def _folder(data: Path) -> dict[str, bytes]:
    return {str(p.relative_to(data)): p.read_bytes() for p in data.rglob("*") if p.is_file()}


def test_a_missing_database_beside_photos_is_refused_not_recreated(tmp_path: Path) -> None:
    data = _store_with_a_photo(tmp_path / "data")
    (data / DB_NAME).unlink()
    before = _folder(data)
    for kwargs in ({}, {"readonly": True}, {"create": False}):
        with pytest.raises(StoreDamagedError, match="missing but the folder holds other data"):
            Store.open(data, **kwargs)
    assert _folder(data) == before and not (data / DB_NAME).exists()


def test_an_empty_database_file_is_refused(tmp_path: Path) -> None:
    data = _store_with_a_photo(tmp_path / "data")
    (data / DB_NAME).write_bytes(b"")
    with pytest.raises(StoreDamagedError, match=r"empty \(0 bytes\)"):
        Store.open(data)
    assert (data / DB_NAME).stat().st_size == 0


def test_a_database_failing_the_quick_check_is_not_written_to(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with Store.open(data) as store, store.transaction() as conn:
        for index in range(300):
            conn.execute("INSERT INTO settings VALUES (?, ?)", (f"k{index}", '"' + "v" * 50 + '"'))
    raw = bytearray((data / DB_NAME).read_bytes())
    raw[4096 : 4096 + 4] = b"\xff\xff\xff\xff"  # page 2's header
    (data / DB_NAME).write_bytes(bytes(raw))
    with pytest.raises(StoreDamagedError, match="fails SQLite's quick check") as caught:
        Store.open(data)
    assert "\n" not in caught.value.one_line()
    assert (data / DB_NAME).read_bytes() == bytes(raw)
    assert not (data / f"{DB_NAME}-wal").exists()


def test_a_new_store_appears_whole_and_leaves_no_scratch(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with Store.open(data):
        pass
    assert sorted(p.name for p in data.iterdir()) == [DB_NAME]


def test_two_first_runs_at_once_get_one_complete_store(tmp_path: Path) -> None:
    import threading

    from vitidesk.storage.settings import Settings

    for attempt in range(10):
        data = tmp_path / f"data{attempt}"
        start = threading.Barrier(2)
        errors: list[BaseException] = []

        def first_run(name: str, data: Path = data, start=start, errors=errors) -> None:
            try:
                start.wait()
                with Store.open(data) as store:
                    Settings(store).write_raw(name, True)
            except BaseException as exc:  # reported below
                errors.append(exc)

        threads = [threading.Thread(target=first_run, args=(n,)) for n in ("a", "b")]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert errors == []
        with Store.open(data) as store:
            assert store.query("SELECT key FROM settings ORDER BY key") == [("a",), ("b",)]


def test_a_full_disk_or_read_only_store_is_one_line(tmp_path: Path, monkeypatch) -> None:
    with Store.open(tmp_path / "data") as store:
        real = store._conn

        class Full:
            def execute(self, sql, *args):
                if sql.startswith("INSERT"):
                    raise sqlite3.OperationalError("database or disk is full")
                return real.execute(sql, *args)

        monkeypatch.setattr(store, "_conn", Full())
        with pytest.raises(StoreError, match="the disk is full"), store.transaction() as conn:
            conn.execute("INSERT INTO settings VALUES ('a', '1')")
        monkeypatch.setattr(store, "_conn", real)
        assert store.query("SELECT * FROM settings") == []


def test_a_read_only_folder_is_one_line_and_can_still_be_read(tmp_path: Path, monkeypatch) -> None:
    from vitidesk.storage import database
    from vitidesk.storage.settings import Settings

    data = tmp_path / "data"
    with Store.open(data) as store:
        Settings(store).region = "GB"
    real_access = os.access
    monkeypatch.setattr(
        database.os, "access", lambda p, m: False if Path(p) == data else real_access(p, m)
    )
    with pytest.raises(StoreError) as caught:
        Store.open(data)
    assert caught.value.one_line() == (
        f"{data}: the folder is read-only; VitiDesk needs to write there "
        "(`vitidesk check` and `vitidesk backup` can still read it)"
    )
    with Store.open(data, readonly=True) as store:
        assert Settings(store).region == "GB"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs a non-root POSIX user")
def test_a_truly_read_only_folder_is_one_line(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with Store.open(data):
        pass
    os.chmod(data, 0o500)
    try:
        with pytest.raises(StoreError, match="the folder is read-only"):
            Store.open(data)
        with Store.open(data, readonly=True) as store:
            assert store.schema_version == SCHEMA_VERSION
    finally:
        os.chmod(data, 0o700)


def test_creating_a_store_in_a_folder_that_refuses_writes_is_one_line(
    tmp_path: Path, monkeypatch
) -> None:
    import errno

    from vitidesk.storage import scratch

    def refused(*_args, **_kwargs):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(scratch.tempfile, "mkdtemp", refused)
    with pytest.raises(StoreError) as caught:
        Store.open(tmp_path / "data")
    assert caught.value.one_line() == (
        f"{tmp_path / 'data'}: cannot create the store (the folder is read-only)"
    )
