"""A restore accepts only what VitiDesk itself wrote: no planted trigger, view or table, no
rows that do not read back, no runtime or sidecar files, a bounded manifest and declared,
capped sizes; never while another process owns the folder; scratch only inside it."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import pytest

from tests.storage.test_backup import _entry, _rewrite, _snapshot_folder
from vitidesk.errors import UserError
from vitidesk.storage.backup import (
    DB_MEMBER,
    MANIFEST_NAME,
    create_backup,
    restore_backup,
    verify_backup,
)
from vitidesk.storage.database import Store
from vitidesk.storage.responses import ResponseStore
from vitidesk.storage.settings import Settings
from vitidesk.storage.vault import FileVault

PHQ9_ITEM9 = [0, 0, 0, 0, 0, 0, 0, 0, 2]


@pytest.fixture
def answers_backup(tmp_path: Path) -> Path:
    """A backup holding answers, a file and settings."""
    with Store.open(tmp_path / "source") as store:
        ResponseStore(store).record("PHQ-9", PHQ9_ITEM9)
        FileVault(store).add("photos/2026/a.jpg", b"a photo", kind="photo")
        Settings(store).local_crisis_number = "0800 111"
        create_backup(store, tmp_path / "good.zip")
    return tmp_path / "good.zip"


@pytest.fixture
def current(tmp_path: Path) -> Path:
    data = tmp_path / "current"
    with Store.open(data) as store:
        Settings(store).region = "US"
    return data


def _planted(backup: Path, target: Path, *statements: str, files: dict | None = None) -> Path:
    """``backup`` with its database changed by ``statements`` (manifest made to match), and
    ``files`` (relpath -> bytes) registered in that database and added."""
    work = target.with_suffix(".db")
    with zipfile.ZipFile(backup) as archive:
        work.write_bytes(archive.read(DB_MEMBER))
    conn = sqlite3.connect(work, isolation_level=None)
    for statement in statements:
        conn.execute(statement)
    for relpath, data in (files or {}).items():
        conn.execute(
            "INSERT INTO files (relpath, sha256, size_bytes, added_at) VALUES (?, ?, ?, ?)",
            (relpath, hashlib.sha256(data).hexdigest(), len(data), "2026-01-01T00:00:00+00:00"),
        )
    conn.close()
    db = work.read_bytes()
    added = {f"files/{relpath}": data for relpath, data in (files or {}).items()}

    def match(manifest: dict) -> None:
        _entry(manifest, DB_MEMBER).update(size=len(db), sha256=hashlib.sha256(db).hexdigest())
        for name, data in added.items():
            manifest["members"].append(
                {"path": name, "size": len(data), "sha256": hashlib.sha256(data).hexdigest()}
            )

    return _rewrite(backup, target, replace={DB_MEMBER: db}, add=added, manifest=match)


BLANK_ITEM9 = (
    "CREATE TRIGGER blank_item9 AFTER INSERT ON responses BEGIN "
    "UPDATE responses SET flags = '[]' WHERE id = new.id; END"
)
PLANTS = {
    "trigger": ([BLANK_ITEM9], "an extra trigger 'blank_item9'"),
    "view": (["CREATE VIEW everything AS SELECT * FROM responses"], "an extra view"),
    "extra table": (["CREATE TABLE sent (x)"], "an extra table 'sent'"),
    "virtual table": (["CREATE VIRTUAL TABLE search USING fts5(x)"], "an extra table"),
    "missing table": (["DROP TABLE diary"], "the table 'diary' is missing"),
    "missing index": (["DROP INDEX photos_source"], "the index 'photos_source' is missing"),
    "changed table": (["ALTER TABLE settings ADD COLUMN spare TEXT"], "not the shape"),
    "answers that do not parse": (
        ["UPDATE responses SET answers = 'all fine'"],
        "row 1 of responses has answers that do not parse",
    ),
    "a date that does not parse": (
        ["UPDATE responses SET taken_at = 'yesterday'"],
        "row 1 of responses has a date that does not parse",
    ),
    "text where a score belongs": (
        ["UPDATE responses SET raw = 'many'"],
        "a score that is not a number",
    ),
}


@pytest.mark.parametrize("plant", list(PLANTS), ids=list(PLANTS))
def test_a_database_that_is_not_exactly_vitidesks_is_refused(
    plant: str, answers_backup: Path, current: Path, tmp_path: Path
) -> None:
    statements, reason = PLANTS[plant]
    bad = _planted(answers_backup, tmp_path / "planted.zip", *statements)
    before = _snapshot_folder(current)
    with pytest.raises(UserError) as caught:
        restore_backup(bad, current)
    assert reason in caught.value.why and "\n" not in caught.value.one_line()
    with pytest.raises(UserError, match=reason.split("'")[0]):
        verify_backup(bad)
    assert _snapshot_folder(current) == before
    with Store.open(current) as store:
        assert store.query("SELECT name FROM sqlite_master WHERE type IN ('trigger', 'view')") == []


def test_a_restored_store_keeps_flagging_item9(answers_backup: Path, tmp_path: Path) -> None:
    """The planted trigger's harm, checked on a clean restore: later answers keep their flag."""
    restore_backup(answers_backup, tmp_path / "restored")
    with Store.open(tmp_path / "restored") as store:
        later = ResponseStore(store).record("PHQ-9", PHQ9_ITEM9)
        assert "item9_positive" in ResponseStore(store).get(later.id).flags


SIDECARS = {
    "the database's log": "vitidesk.sqlite3-wal",
    "shared memory": "photos/vitidesk.sqlite3-shm",
    "a journal": "photos/2026/x.jpg-journal",
    "the lock": ".vitidesk.lock",
    "the raise request": "photos/.raise-request",
    "a hidden file": "photos/.hidden.jpg",
}


@pytest.mark.parametrize("relpath", list(SIDECARS.values()), ids=list(SIDECARS))
def test_runtime_and_sidecar_files_in_a_backup_are_refused(
    relpath: str, answers_backup: Path, current: Path, tmp_path: Path
) -> None:
    bad = _planted(answers_backup, tmp_path / "sidecar.zip", files={relpath: b"planted"})
    before = _snapshot_folder(current)
    with pytest.raises(UserError, match=r"refused|never holds"):
        restore_backup(bad, current)
    assert _snapshot_folder(current) == before
    assert not (current / relpath).exists()


def test_a_sidecar_beside_the_database_in_the_backup_is_refused(
    answers_backup: Path, tmp_path: Path
) -> None:
    wal = b"a planted write-ahead log"

    def listed(manifest: dict) -> None:
        manifest["members"].append(
            {
                "path": "vitidesk.sqlite3-wal",
                "size": len(wal),
                "sha256": hashlib.sha256(wal).hexdigest(),
            }
        )

    bad = _rewrite(
        answers_backup, tmp_path / "wal.zip", add={"vitidesk.sqlite3-wal": wal}, manifest=listed
    )
    with pytest.raises(UserError, match="runtime or sidecar file"):
        verify_backup(bad)


def _with_manifest_text(backup: Path, target: Path, text: str) -> Path:
    with zipfile.ZipFile(backup) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename != MANIFEST_NAME:
                dst.writestr(info.filename, src.read(info.filename))
        dst.writestr(MANIFEST_NAME, text)
    return target


def test_a_deeply_nested_manifest_is_one_line_not_a_crash(
    answers_backup: Path, current: Path, tmp_path: Path
) -> None:
    deep = '{"format": "vitidesk-backup", "x": ' + "[" * 200_000 + "]" * 200_000 + "}"
    bad = _with_manifest_text(answers_backup, tmp_path / "deep.zip", deep)
    with pytest.raises(UserError, match="nested far deeper"):
        verify_backup(bad)
    with pytest.raises(UserError, match="nested far deeper"):
        restore_backup(bad, current)


def test_brackets_inside_manifest_strings_are_not_nesting(
    answers_backup: Path, tmp_path: Path
) -> None:
    with zipfile.ZipFile(answers_backup) as archive:
        manifest = json.loads(archive.read(MANIFEST_NAME))
    manifest["app_version"] = '[[[[[[[[[[ "\\" {{{{{{{{'
    good = _with_manifest_text(answers_backup, tmp_path / "odd.zip", json.dumps(manifest))
    assert verify_backup(good).app_version.startswith("[[[[")


def _zeros_member(backup: Path, target: Path, size: int) -> Path:
    """A 'photo' of ``size`` zero bytes, deflated to almost nothing, consistent everywhere."""
    zeros = bytes(size)
    bad = _planted(backup, target.with_name("small.zip"), files={"photos/2026/big.jpg": b""})
    with zipfile.ZipFile(bad) as src, zipfile.ZipFile(target, "w") as dst:
        manifest = json.loads(src.read(MANIFEST_NAME))
        db = src.read(DB_MEMBER)
        work = target.with_suffix(".db")
        work.write_bytes(db)
        conn = sqlite3.connect(work, isolation_level=None)
        conn.execute(
            "UPDATE files SET size_bytes = ?, sha256 = ? WHERE relpath = 'photos/2026/big.jpg'",
            (size, hashlib.sha256(zeros).hexdigest()),
        )
        conn.close()
        db = work.read_bytes()
        _entry(manifest, DB_MEMBER).update(size=len(db), sha256=hashlib.sha256(db).hexdigest())
        _entry(manifest, "files/photos/2026/big.jpg").update(
            size=size, sha256=hashlib.sha256(zeros).hexdigest()
        )
        for info in src.infolist():
            if info.filename in (MANIFEST_NAME, DB_MEMBER, "files/photos/2026/big.jpg"):
                continue
            dst.writestr(info.filename, src.read(info.filename))
        dst.writestr(DB_MEMBER, db)
        dst.writestr("files/photos/2026/big.jpg", zeros, compress_type=zipfile.ZIP_DEFLATED)
        dst.writestr(MANIFEST_NAME, json.dumps(manifest))
    return target


def test_a_small_backup_that_unpacks_to_a_huge_photo_is_refused_before_unpacking(
    answers_backup: Path, current: Path, tmp_path: Path
) -> None:
    bomb = _zeros_member(answers_backup, tmp_path / "bomb.zip", 100 * 1024**2)
    assert bomb.stat().st_size < 1024**2
    before = _snapshot_folder(current)
    with pytest.raises(UserError, match="zip bomb"):
        restore_backup(bomb, current)
    with pytest.raises(UserError, match="zip bomb"):
        verify_backup(bomb)
    assert _snapshot_folder(current) == before


def test_declared_sizes_and_free_space_are_checked_before_anything_is_written(
    answers_backup: Path, current: Path, tmp_path: Path, monkeypatch
) -> None:
    import vitidesk.storage.backup_format as limits
    import vitidesk.storage.restore as restore

    monkeypatch.setattr(limits, "MAX_FILE_BYTES", 3)
    with pytest.raises(UserError, match="larger than anything VitiDesk stores"):
        restore_backup(answers_backup, current)
    monkeypatch.undo()
    written: list[str] = []
    real_stream = restore.stream_member
    monkeypatch.setattr(
        restore, "stream_member", lambda *a, **k: written.append(a[2].path) or real_stream(*a, **k)
    )
    monkeypatch.setattr(restore.shutil, "disk_usage", lambda _p: type("U", (), {"free": 1024})())
    with pytest.raises(UserError, match="not enough free disk space"):
        restore_backup(answers_backup, current)
    assert written == []


def test_verify_and_restore_write_nothing_to_the_temp_folder(
    answers_backup: Path, current: Path, tmp_path: Path, monkeypatch
) -> None:
    system_temp = tmp_path / "system-temp"
    system_temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(system_temp))
    made: list[Path] = []
    for name in ("mkdtemp", "mkstemp"):
        real = getattr(tempfile, name)

        def spy(*args, _real=real, **kwargs):
            made.append(Path(kwargs.get("dir") or tempfile.gettempdir()))
            return _real(*args, **kwargs)

        monkeypatch.setattr(tempfile, name, spy)
    verify_backup(answers_backup)
    restore_backup(answers_backup, current)
    assert made and all(place.is_relative_to(current) for place in made), made
    assert list(system_temp.iterdir()) == []
    assert [p.name for p in current.iterdir() if p.name.startswith(".")] == []


def test_restore_is_refused_while_another_process_owns_the_folder(
    answers_backup: Path, current: Path
) -> None:
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time\n"
            "from pathlib import Path\n"
            "from vitidesk.storage.folder_lock import FolderLock\n"
            "assert FolderLock(Path(sys.argv[1])).acquire()\n"
            "print('held', flush=True)\n"
            "sys.stdin.read()\n",
            str(current),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        before = _snapshot_folder(current)
        with pytest.raises(UserError, match="VitiDesk is open with this data folder"):
            restore_backup(answers_backup, current)
        assert _snapshot_folder(current) == before
    finally:
        holder.communicate("")
    summary = restore_backup(answers_backup, current)  # let go: now it works
    assert summary.previous is not None


def test_the_preview_says_what_changes_before_anything_does(
    answers_backup: Path, current: Path
) -> None:
    from vitidesk.storage.restore import prepare_restore

    with Store.open(current) as store:
        ResponseStore(store).record("WHO-5", [3, 3, 3, 3, 3])
        ResponseStore(store).record("WHO-5", [2, 2, 2, 2, 2])
    before = _snapshot_folder(current)
    plan = prepare_restore(answers_backup, current)
    try:
        preview = plan.preview
        assert (preview.backup.responses, preview.current.responses) == (1, 2)
        changes = {change.key: (change.now, change.backup) for change in preview.settings}
        assert changes["local_crisis_number"] == ("", "0800 111")
        assert changes["region"] == ("US", "")
    finally:
        plan.discard()
    assert _snapshot_folder(current) == before
