from __future__ import annotations

from pathlib import Path

import pytest

from vitidesk.errors import UserError
from vitidesk.storage.check import check_store
from vitidesk.storage.database import DB_NAME, Store
from vitidesk.storage.vault import FileVault


@pytest.fixture
def store(tmp_path: Path):
    with Store.open(tmp_path / "data") as opened:
        yield opened


def test_vault_writes_and_registers_files(store: Store) -> None:
    vault = FileVault(store)
    stored = vault.add("photos/2026/a.jpg", b"jpeg bytes", kind="photo")
    assert vault.path_of("photos/2026/a.jpg").read_bytes() == b"jpeg bytes"
    assert [(f.relpath, f.size_bytes, f.kind) for f in vault.all()] == [
        ("photos/2026/a.jpg", 10, "photo")
    ]
    assert stored.sha256 == vault.all()[0].sha256


@pytest.mark.parametrize("bad", ["../escape.jpg", "/etc/passwd", "a/../../b", ""])
def test_vault_refuses_paths_outside_the_data_folder(store: Store, bad: str) -> None:
    with pytest.raises(UserError):
        FileVault(store).add(bad, b"x")


def test_vault_leaves_no_file_when_the_database_write_fails(store: Store) -> None:
    vault = FileVault(store)
    vault.add("photos/a.jpg", b"one")
    with store.transaction() as conn:
        conn.execute("DELETE FROM files")
    with pytest.raises(UserError, match="already"):
        vault.add("photos/a.jpg", b"two")
    assert vault.path_of("photos/a.jpg").read_bytes() == b"one"


def test_check_on_a_healthy_store(store: Store) -> None:
    FileVault(store).add("photos/a.jpg", b"one")
    report = check_store(store)
    assert report.healthy
    assert report.files_checked == 1
    assert "healthy" in report.summary_lines()[-1]


def test_check_finds_damaged_and_missing_files(store: Store) -> None:
    vault = FileVault(store)
    vault.add("photos/a.jpg", b"original")
    vault.add("photos/b.jpg", b"second")
    vault.path_of("photos/a.jpg").write_bytes(b"originaX")
    vault.path_of("photos/b.jpg").unlink()
    report = check_store(store)
    assert not report.healthy
    assert report.problems == [
        "photos/a.jpg: contents changed or damaged (checksum differs)",
        "photos/b.jpg: missing",
    ]


def test_check_finds_a_corrupted_database(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with Store.open(data) as store, store.transaction() as conn:
        conn.execute("CREATE TABLE filler (x TEXT)")
        conn.executemany("INSERT INTO filler VALUES (?)", [("x" * 500,)] * 200)
        conn.execute("CREATE INDEX filler_x ON filler (x)")
    db = data / DB_NAME
    raw = bytearray(db.read_bytes())
    page = 4096
    for offset in range(page * 3, len(raw) - page, page):
        raw[offset + 100 : offset + 300] = b"\xff" * 200
    db.write_bytes(bytes(raw))
    try:
        with Store.open(data, readonly=True) as damaged:
            report = check_store(damaged)
        assert not report.healthy
        assert report.problems[0].startswith("database:")
    except UserError as exc:  # so damaged it cannot even be opened: also caught, never a crash
        assert "not a readable VitiDesk store" in str(exc)
