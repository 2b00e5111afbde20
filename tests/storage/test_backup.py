"""Backup and restore: identical data after a round trip, damaged backups refused with
nothing changed, older backups migrated forward, the previous data folder kept."""

from __future__ import annotations

import errno
import hashlib
import json
import sqlite3
import zipfile
from pathlib import Path

import pytest

from tests.helpers import file_mode
from tests.photo_samples import oriented_jpeg
from vitidesk import __version__
from vitidesk.core.photo_import import prepare_photo
from vitidesk.errors import UserError
from vitidesk.paths import LOCK_FILE
from vitidesk.storage.backup import (
    DB_MEMBER,
    FORMAT_ID,
    MANIFEST_NAME,
    create_backup,
    restore_backup,
    verify_backup,
)
from vitidesk.storage.backup_format import FORMAT_VERSION
from vitidesk.storage.check import check_store
from vitidesk.storage.database import DB_NAME, Store
from vitidesk.storage.migrations import MIGRATIONS, SCHEMA_VERSION
from vitidesk.storage.photos import PhotoLibrary
from vitidesk.storage.settings import Settings
from vitidesk.storage.vault import FileVault


def _fill(store: Store, tmp_path: Path, photos: int = 2) -> None:
    library = PhotoLibrary(store)
    for index in range(photos):
        prepared = prepare_photo(oriented_jpeg(tmp_path / f"p{index}.jpg", 1 + index))
        library.add(
            prepared, library.site_named("Hands" if index % 2 else "Face"), label=f"n{index}"
        )
    settings = Settings(store)
    settings.region = "GB"
    settings.reminder_days = 14
    settings.write_raw("custom.note", {"text": "été"})


def _tables(data_dir: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(data_dir / DB_NAME)
    try:
        names = [
            row[0]
            for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        tables = {
            name: conn.execute(f'SELECT * FROM "{name}" ORDER BY 1').fetchall() for name in names
        }
        tables["user_version"] = conn.execute("PRAGMA user_version").fetchall()
        return tables
    finally:
        conn.close()


def _file_hashes(data_dir: Path) -> dict[str, str]:
    with Store.open(data_dir, create=False, readonly=True) as store:
        return {f.relpath: f.sha256 for f in FileVault(store).all()}


def _snapshot_folder(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


@pytest.fixture
def source(tmp_path: Path) -> Path:
    data = tmp_path / "source"
    with Store.open(data) as store:
        _fill(store, tmp_path)
    return data


@pytest.fixture
def backup(source: Path, tmp_path: Path) -> Path:
    out = tmp_path / "backup.zip"
    with Store.open(source) as store:
        create_backup(store, out)
    return out


@pytest.fixture
def existing(tmp_path: Path) -> Path:
    """A data folder with other data in it, which a refused restore must leave alone."""
    data = tmp_path / "existing"
    with Store.open(data) as store:
        Settings(store).region = "US"
        FileVault(store).add("notes/a.txt", b"keep me", kind="other")
    return data


def _rewrite(backup: Path, target: Path, *, drop=(), replace=None, add=None, manifest=None):
    """Copy ``backup`` to ``target`` changing members and/or the manifest."""
    replace = replace or {}
    with zipfile.ZipFile(backup) as src, zipfile.ZipFile(target, "w") as dst:
        data = json.loads(src.read(MANIFEST_NAME))
        for info in src.infolist():
            if info.filename in drop or info.filename == MANIFEST_NAME:
                continue
            dst.writestr(info.filename, replace.get(info.filename, src.read(info.filename)))
        for name, content in (add or {}).items():
            dst.writestr(name, content)
        if manifest is not None:
            manifest(data)
        dst.writestr(MANIFEST_NAME, json.dumps(data))
    return target


def _entry(data: dict, name: str) -> dict:
    return next(m for m in data["members"] if m["path"] == name)


def _photo_member(backup: Path) -> str:
    with zipfile.ZipFile(backup) as archive:
        return next(n for n in archive.namelist() if n.startswith("files/photos/"))


# -- the round trip ---------------------------------------------------------------------------
def test_backup_then_restore_into_a_fresh_folder_gives_identical_data(
    source: Path, backup: Path, tmp_path: Path
) -> None:
    target = tmp_path / "fresh" / "data"
    summary = restore_backup(backup, target)
    assert summary.previous is None and summary.data_dir == target.absolute()
    assert summary.files == 4 and summary.schema_version == SCHEMA_VERSION
    assert _tables(target) == _tables(source)
    assert _file_hashes(target) == _file_hashes(source)
    with Store.open(target) as store:
        assert check_store(store).healthy
        library = PhotoLibrary(store)
        assert len(library.photos()) == 2
        for photo in library.photos():
            assert (
                hashlib.sha256(library.path_of(photo).read_bytes()).hexdigest()
                == (
                    store.query("SELECT sha256 FROM files WHERE relpath = ?", (photo.relpath,))[0][
                        0
                    ]
                )
            )
        assert Settings(store).region == "GB" and Settings(store).reminder_days == 14
        assert Settings(store).read_raw("custom.note", None) == {"text": "été"}
    assert file_mode(target) == 0o700
    assert all(file_mode(p) == 0o600 for p in target.rglob("*") if p.is_file())
    assert not list(target.parent.glob(".*restoring*"))


def test_the_archive_holds_a_manifest_of_every_member(source: Path, backup: Path) -> None:
    manifest = verify_backup(backup)
    assert manifest.schema_version == SCHEMA_VERSION and manifest.app_version == __version__
    assert "T" in manifest.created_at and manifest.created_at[-6] in "+-"
    with zipfile.ZipFile(backup) as archive:
        raw = json.loads(archive.read(MANIFEST_NAME))
        assert raw["format"] == FORMAT_ID and raw["format_version"] == 1
        assert sorted(archive.namelist()) == sorted(
            [MANIFEST_NAME, *(m.path for m in manifest.members)]
        )
        for member in manifest.members:
            data = archive.read(member.path)
            assert (len(data), hashlib.sha256(data).hexdigest()) == (member.size, member.sha256)
    assert file_mode(backup) == 0o600
    assert not [p for p in backup.parent.iterdir() if p.name.startswith(".backup.zip")]


def test_the_snapshot_is_taken_inside_the_data_folder_never_beside_the_backup(
    source: Path, tmp_path: Path, monkeypatch
) -> None:
    import tempfile

    made: list[Path] = []
    real = tempfile.mkdtemp

    def spy(*args, **kwargs):
        made.append(Path(kwargs["dir"]))
        return real(*args, **kwargs)

    monkeypatch.setattr(tempfile, "mkdtemp", spy)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    with Store.open(source) as store:
        create_backup(store, out_dir / "b.zip")
    assert made and all(place == source for place in made), made
    assert [p.name for p in out_dir.iterdir()] == ["b.zip"]
    assert not [p for p in source.iterdir() if p.name.startswith(".")]


def test_backup_is_a_sqlite_snapshot_even_with_uncheckpointed_writes(
    source: Path, tmp_path: Path
) -> None:
    with Store.open(source) as store:
        Settings(store).region = "IE"  # sits in the WAL until the store closes
        create_backup(store, tmp_path / "live.zip")
    restore_backup(tmp_path / "live.zip", tmp_path / "restored")
    with Store.open(tmp_path / "restored") as store:
        assert Settings(store).region == "IE"


def test_restoring_over_existing_data_keeps_the_previous_folder(
    backup: Path, existing: Path, source: Path
) -> None:
    before = _snapshot_folder(existing)
    summary = restore_backup(backup, existing)
    assert summary.previous is not None and summary.previous.name.startswith(
        "existing.before-restore-"
    )
    assert _snapshot_folder(summary.previous) == before
    assert _tables(existing) == _tables(source)
    again = restore_backup(backup, existing)  # a second restore in the same second
    assert again.previous not in (None, summary.previous) and summary.previous.is_dir()


def test_the_running_apps_lock_is_not_data_and_does_not_follow_a_kept_folder(
    backup: Path, existing: Path, tmp_path: Path
) -> None:
    (existing / LOCK_FILE).write_text("12345")
    summary = restore_backup(backup, existing)
    assert not (summary.previous / LOCK_FILE).exists()
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / LOCK_FILE).write_text("12345")  # a running app with nothing stored yet
    assert restore_backup(backup, empty).previous is None


def test_an_older_backup_is_migrated_forward(tmp_path: Path) -> None:
    old = tmp_path / "old"
    with Store.open(old, migrations=MIGRATIONS[:3]) as store:
        library = PhotoLibrary(store)
        library.add(prepare_photo(oriented_jpeg(tmp_path / "a.jpg", 1)), library.site_named("Face"))
        create_backup(store, tmp_path / "old.zip")
    assert verify_backup(tmp_path / "old.zip").schema_version == 3
    summary = restore_backup(tmp_path / "old.zip", tmp_path / "new")
    assert (summary.backup_schema_version, summary.schema_version) == (3, SCHEMA_VERSION)
    with Store.open(tmp_path / "new", create=False, readonly=True) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert check_store(store).healthy
        assert len(PhotoLibrary(store).photos()) == 1
        assert store.query("SELECT COUNT(*) FROM diary") == [(0,)]


# -- backups refused --------------------------------------------------------------------------
def test_a_damaged_or_missing_photo_is_left_out_named_and_the_rest_backed_up(
    source: Path, tmp_path: Path
) -> None:
    out = tmp_path / "b.zip"
    with Store.open(source) as store:
        first, second = PhotoLibrary(store).photos()
        damaged = FileVault(store).path_of(first.relpath)
        original = damaged.read_bytes()
        damaged.write_bytes(original[:-1] + bytes([original[-1] ^ 1]))
        summary = create_backup(store, out)
        assert [line.split(":")[0] for line in summary.left_out] == [first.relpath]
        assert "damaged" in summary.left_out[0] and summary.files == 2
        damaged.unlink()
        again = create_backup(store, tmp_path / "again.zip")
        assert again.left_out[0].startswith(f"{first.relpath}: missing")
    assert verify_backup(out).left_out == summary.left_out
    restore_backup(out, tmp_path / "restored")
    with Store.open(tmp_path / "restored") as store:
        assert check_store(store).healthy
        assert [photo.relpath for photo in PhotoLibrary(store).photos()] == [second.relpath]
        assert store.query("SELECT COUNT(*) FROM files") == [(2,)]
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".b.zip")] == []


def test_backup_refuses_a_missing_output_folder(source: Path, tmp_path: Path) -> None:
    with Store.open(source) as store, pytest.raises(UserError, match="does not exist"):
        create_backup(store, tmp_path / "nowhere" / "b.zip")


def _truncated(backup: Path, target: Path) -> Path:
    data = backup.read_bytes()
    target.write_bytes(data[: len(data) // 2])
    return target


def _flipped_photo(backup: Path, target: Path) -> Path:
    name = _photo_member(backup)
    with zipfile.ZipFile(backup) as archive:
        info = archive.getinfo(name)
        offset = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    data = bytearray(backup.read_bytes())
    data[offset + info.compress_size // 2] ^= 0x40
    target.write_bytes(bytes(data))
    return target


def _missing_member(backup: Path, target: Path) -> Path:
    return _rewrite(backup, target, drop={_photo_member(backup)})


def _wrong_hash(backup: Path, target: Path) -> Path:
    name = _photo_member(backup)
    return _rewrite(backup, target, manifest=lambda d: _entry(d, name).update(sha256="0" * 64))


def _wrong_size(backup: Path, target: Path) -> Path:
    name = _photo_member(backup)
    return _rewrite(backup, target, manifest=lambda d: _entry(d, name).update(size=5))


def _extra_member(backup: Path, target: Path) -> Path:
    return _rewrite(backup, target, add={"files/extra.txt": b"surprise"})


def _swapped_photo(backup: Path, target: Path) -> Path:
    """A photo replaced, and the manifest updated to match: the database still disagrees."""
    name = _photo_member(backup)
    fake = b"not the photo"

    def lie(data: dict) -> None:
        _entry(data, name).update(size=len(fake), sha256=hashlib.sha256(fake).hexdigest())

    return _rewrite(backup, target, replace={name: fake}, manifest=lie)


def _foreign_zip(backup: Path, target: Path) -> Path:
    with zipfile.ZipFile(target, "w") as archive:
        archive.writestr("readme.txt", "hello")
    return target


def _not_a_zip(backup: Path, target: Path) -> Path:
    target.write_text("just some text\n")
    return target


def _traversal(backup: Path, target: Path) -> Path:
    def listed(data: dict) -> None:
        data["members"].append(
            {"path": "../evil.txt", "size": 4, "sha256": hashlib.sha256(b"evil").hexdigest()}
        )

    return _rewrite(backup, target, add={"../evil.txt": b"evil"}, manifest=listed)


def _absolute(backup: Path, target: Path) -> Path:
    return _rewrite(backup, target, add={"/tmp/evil.txt": b"evil"})


def _with_database(backup: Path, target: Path, change) -> Path:
    work = target.with_suffix(".db")
    with zipfile.ZipFile(backup) as archive:
        work.write_bytes(archive.read(DB_MEMBER))
    conn = sqlite3.connect(work, isolation_level=None)
    change(conn)
    conn.close()
    db = work.read_bytes()

    def match(data: dict) -> None:
        _entry(data, DB_MEMBER).update(size=len(db), sha256=hashlib.sha256(db).hexdigest())
        if change is _bump:
            data["schema_version"] = SCHEMA_VERSION + 1

    return _rewrite(backup, target, replace={DB_MEMBER: db}, manifest=match)


def _bump(conn: sqlite3.Connection) -> None:
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")


def _newer_schema(backup: Path, target: Path) -> Path:
    return _with_database(backup, target, _bump)


def _version_mismatch(backup: Path, target: Path) -> Path:
    return _with_database(backup, target, lambda c: c.execute("PRAGMA user_version = 2"))


def _not_sqlite(backup: Path, target: Path) -> Path:
    junk = b"x" * 4096

    def match(data: dict) -> None:
        _entry(data, DB_MEMBER).update(size=len(junk), sha256=hashlib.sha256(junk).hexdigest())

    return _rewrite(backup, target, replace={DB_MEMBER: junk}, manifest=match)


def _newer_format(backup: Path, target: Path) -> Path:
    return _rewrite(backup, target, manifest=lambda d: d.update(format_version=FORMAT_VERSION + 1))


DAMAGED = {
    "truncated": (_truncated, "not a ZIP file, or cut short"),
    "flipped byte": (_flipped_photo, "is damaged"),
    "missing member": (_missing_member, "missing from the backup"),
    "wrong hash": (_wrong_hash, "differs from the checksum recorded"),
    "wrong size": (_wrong_size, "different size"),
    "extra member": (_extra_member, "not listed in its manifest"),
    "swapped photo": (_swapped_photo, "differs from the checksum recorded in the database"),
    "foreign zip": (_foreign_zip, "not a VitiDesk backup"),
    "not a zip": (_not_a_zip, "not a VitiDesk backup"),
    "path traversal": (_traversal, "unsafe entry"),
    "absolute path": (_absolute, "unsafe entry"),
    "newer schema": (_newer_schema, "made by a newer VitiDesk"),
    "version mismatch": (_version_mismatch, "manifest says"),
    "not sqlite": (_not_sqlite, "cannot be read"),
    "newer format": (_newer_format, "made by a newer VitiDesk"),
}


@pytest.mark.parametrize("damage", list(DAMAGED), ids=list(DAMAGED))
def test_a_damaged_backup_is_refused_and_nothing_changes(
    damage: str, backup: Path, existing: Path, tmp_path: Path
) -> None:
    make, reason = DAMAGED[damage]
    bad = make(backup, tmp_path / "bad.zip")
    before = _snapshot_folder(existing)
    siblings = sorted(p.name for p in existing.parent.iterdir())
    with pytest.raises(UserError) as caught:
        verify_backup(bad)
    assert reason in caught.value.why
    assert "\n" not in caught.value.one_line() and str(bad) in caught.value.what
    with pytest.raises(UserError, match=reason.split("(")[0]):
        restore_backup(bad, existing)
    assert _snapshot_folder(existing) == before
    assert sorted(p.name for p in existing.parent.iterdir()) == siblings
    assert not (tmp_path / "evil.txt").exists()


def test_a_missing_backup_file_is_one_line(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="no such backup file"):
        verify_backup(tmp_path / "nope.zip")


def test_a_full_disk_while_unpacking_leaves_the_data_alone(
    backup: Path, existing: Path, monkeypatch
) -> None:
    import vitidesk.storage.restore as module

    def full(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(module, "_bring_up_to_date", full)
    before = _snapshot_folder(existing)
    with pytest.raises(UserError, match=r"the disk is full.*nothing was changed"):
        restore_backup(backup, existing)
    assert _snapshot_folder(existing) == before
    assert [p.name for p in existing.parent.iterdir() if "restor" in p.name] == []


def test_zip_bombs_are_refused_before_unpacking(backup: Path, tmp_path: Path, monkeypatch) -> None:
    import vitidesk.storage.backup_format as module

    name = _photo_member(backup)
    huge = _rewrite(
        backup, tmp_path / "huge.zip", manifest=lambda d: _entry(d, name).update(size=21 * 1024**3)
    )
    with pytest.raises(UserError, match="more than 20 GB"):
        verify_backup(huge)
    monkeypatch.setattr(module, "MAX_MEMBERS", 3)
    with pytest.raises(UserError, match="too many entries"):
        verify_backup(backup)


def test_a_read_only_data_folder_is_still_backed_up(
    source: Path, tmp_path: Path, monkeypatch
) -> None:
    import vitidesk.storage.backup as module

    def read_only(*_args, **_kwargs):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(module, "Scratch", read_only)
    with Store.open(source, readonly=True) as store:
        summary = create_backup(store, tmp_path / "ro.zip")
    assert summary.files == 4 and not summary.left_out
    restore_backup(tmp_path / "ro.zip", tmp_path / "restored")
    assert _tables(tmp_path / "restored") == _tables(source)
