"""Verified backup and restore: one ZIP holding a database snapshot, every stored file and a
manifest of SHA-256 checksums.

A backup is made with SQLite's backup API (a consistent snapshot even while the app writes),
never by copying the live database file, and written atomically. A restore checks the whole
archive first, extracts it into a new private folder beside the data folder, opens (and so
migrates) and checks it there, and only then swaps it into place; the previous data folder
is kept as ``<data folder>.before-restore-<time>``. Until the swap the current data are
never touched. No Qt here.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import shutil
import sqlite3
import tempfile
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO

from vitidesk import __version__
from vitidesk.errors import UserError
from vitidesk.paths import RUNTIME_FILES
from vitidesk.storage.atomic import (
    PRIVATE_FILE_MODE,
    _fsync_dir,
    atomic_writer,
    ensure_private_dir,
)
from vitidesk.storage.check import check_store
from vitidesk.storage.database import DB_NAME, Store
from vitidesk.storage.migrations import SCHEMA_VERSION

FORMAT_ID = "vitidesk-backup"
FORMAT_VERSION = 1
MANIFEST_NAME = "manifest.json"
DB_MEMBER = DB_NAME
FILES_PREFIX = "files/"

MAX_TOTAL_BYTES = 20 * 1024**3  # refuse archives that would unpack to more than 20 GiB
MAX_MEMBERS = 200_000
MAX_MANIFEST_BYTES = 64 * 1024**2

_CHUNK = 1 << 20
_ZIP64_FROM = 1 << 30  # members this large get ZIP64 headers from the start
_NOT_A_BACKUP = "not a VitiDesk backup"


@dataclass(frozen=True)
class Member:
    path: str
    size: int
    sha256: str


@dataclass(frozen=True)
class Manifest:
    format_version: int
    created_at: str
    app_version: str
    schema_version: int
    members: tuple[Member, ...]

    @property
    def total_bytes(self) -> int:
        return sum(member.size for member in self.members)

    @property
    def file_count(self) -> int:
        return sum(1 for member in self.members if member.path.startswith(FILES_PREFIX))


@dataclass(frozen=True)
class BackupSummary:
    path: Path
    members: int
    files: int
    total_bytes: int
    archive_bytes: int
    schema_version: int


@dataclass(frozen=True)
class RestoreSummary:
    data_dir: Path
    previous: Path | None
    files: int
    total_bytes: int
    backup_schema_version: int
    schema_version: int
    created_at: str


# -- helpers ---------------------------------------------------------------------------------
def _safe_member_name(name: str) -> bool:
    """A relative POSIX path with no '..', '.', empty parts, backslashes or drive letters."""
    if not name or "\\" in name or ":" in name or "\x00" in name or name.startswith("/"):
        return False
    rel = PurePosixPath(name)
    return not rel.is_absolute() and all(part not in ("", ".", "..") for part in name.split("/"))


def _zip_time() -> tuple[int, int, int, int, int, int]:
    now = dt.datetime.now()
    return (max(now.year, 1980), now.month, now.day, now.hour, now.minute, now.second)


def _new_info(name: str, compress: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=_zip_time())
    info.compress_type = compress
    info.external_attr = (0o100000 | PRIVATE_FILE_MODE) << 16  # a regular file, 0600
    return info


def _copy_hashing(source: IO[bytes], target: IO[bytes] | None, limit: int | None) -> Member:
    """Copy ``source`` to ``target`` (if any); return its size and SHA-256 (path left blank).

    Stops as soon as more than ``limit`` bytes arrive, returning that oversize count."""
    digest = hashlib.sha256()
    size = 0
    while chunk := source.read(_CHUNK):
        size += len(chunk)
        if limit is not None and size > limit:
            break
        digest.update(chunk)
        if target is not None:
            target.write(chunk)
    return Member("", size, digest.hexdigest())


def _private_file(path: Path) -> IO[bytes]:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE)
    if os.name == "posix":
        os.fchmod(fd, PRIVATE_FILE_MODE)
    return os.fdopen(fd, "wb")


@contextlib.contextmanager
def _private_temp_dir(near: Path, prefix: str) -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp(prefix=prefix, dir=near))  # mkdtemp makes it 0700
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _registered_files(conn: sqlite3.Connection) -> list[tuple[str, str, int]]:
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if version < 1:
        return []
    rows = conn.execute("SELECT relpath, sha256, size_bytes FROM files ORDER BY id").fetchall()
    return [(str(r), str(s), int(n)) for r, s, n in rows]


# -- backup ----------------------------------------------------------------------------------
def _snapshot(store: Store, target: Path) -> None:
    """Copy the database with SQLite's backup API (consistent, unlike a file copy)."""
    dest = sqlite3.connect(target, isolation_level=None)
    try:
        with store.reading() as conn:
            conn.backup(dest)
        dest.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
    finally:
        dest.close()
    if os.name == "posix":
        os.chmod(target, PRIVATE_FILE_MODE)


def create_backup(store: Store, out: Path) -> BackupSummary:
    """Write a verified backup of ``store`` (database snapshot, files, manifest) to ``out``."""
    out = Path(out).absolute()
    folder = out.parent
    if not folder.is_dir():
        raise UserError(str(out), "the folder for the backup does not exist")
    if out.is_dir():
        raise UserError(str(out), "is a folder; give a file name such as vitidesk-backup.zip")
    data_dir = store.data_dir
    members: list[Member] = []
    with _private_temp_dir(folder, f".{out.name}.snapshot-") as scratch:
        snapshot = scratch / DB_NAME
        try:
            _snapshot(store, snapshot)
            conn = sqlite3.connect(snapshot)
            try:
                schema_version = int(conn.execute("PRAGMA user_version").fetchone()[0])
                registered = _registered_files(conn)
            finally:
                conn.close()
        except sqlite3.DatabaseError as exc:
            raise UserError(
                str(store.path), f"cannot take a snapshot of the database ({exc})"
            ) from None
        with (
            atomic_writer(out) as handle,
            zipfile.ZipFile(handle, "w", allowZip64=True) as archive,
        ):
            with (
                snapshot.open("rb") as source,
                archive.open(
                    _new_info(DB_MEMBER, zipfile.ZIP_DEFLATED),
                    "w",
                    force_zip64=snapshot.stat().st_size > _ZIP64_FROM,
                ) as sink,
            ):
                digest = _copy_hashing(source, sink, None)
            members.append(Member(DB_MEMBER, digest.size, digest.sha256))
            for relpath, sha256, size in registered:
                members.append(_add_file(archive, data_dir, relpath, sha256, size))
            manifest = {
                "format": FORMAT_ID,
                "format_version": FORMAT_VERSION,
                "created_at": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
                "app_version": __version__,
                "schema_version": schema_version,
                "members": [{"path": m.path, "size": m.size, "sha256": m.sha256} for m in members],
            }
            archive.writestr(
                _new_info(MANIFEST_NAME, zipfile.ZIP_DEFLATED),
                json.dumps(manifest, indent=2).encode("utf-8"),
            )
    return BackupSummary(
        path=out,
        members=len(members) + 1,
        files=len(members) - 1,
        total_bytes=sum(m.size for m in members),
        archive_bytes=out.stat().st_size,
        schema_version=schema_version,
    )


def _add_file(
    archive: zipfile.ZipFile, data_dir: Path, relpath: str, sha256: str, size: int
) -> Member:
    if not _safe_member_name(relpath):
        raise UserError(relpath, "registered with a path outside the data folder; not backed up")
    path = data_dir.joinpath(*relpath.split("/"))
    name = FILES_PREFIX + relpath
    try:
        big = path.stat().st_size > _ZIP64_FROM
        with (
            path.open("rb") as source,
            archive.open(_new_info(name, zipfile.ZIP_STORED), "w", force_zip64=big) as sink,
        ):
            got = _copy_hashing(source, sink, None)
    except FileNotFoundError:
        raise UserError(
            str(path), "missing from the data folder; run `vitidesk check` (no backup written)"
        ) from None
    if got.sha256 != sha256 or got.size != size:
        raise UserError(
            str(path),
            "damaged (its checksum differs from the one recorded); run `vitidesk check` "
            "(no backup written)",
        )
    return Member(name, got.size, got.sha256)


# -- verify ----------------------------------------------------------------------------------
def _refuse(path: Path, why: str) -> UserError:
    return UserError(str(path), why)


def _open_zip(path: Path) -> zipfile.ZipFile:
    if not path.is_file():
        raise _refuse(path, "no such backup file")
    try:
        return zipfile.ZipFile(path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError):
        raise _refuse(path, f"{_NOT_A_BACKUP} (not a ZIP file, or cut short)") from None


def _read_manifest(path: Path, archive: zipfile.ZipFile) -> Manifest:
    infos = archive.infolist()
    if len(infos) > MAX_MEMBERS:
        raise _refuse(path, f"too many entries ({len(infos)}); refused as unsafe")
    names = [info.filename for info in infos]
    if len(set(names)) != len(names):
        raise _refuse(path, "an entry appears twice; refused as unsafe")
    for name in names:
        if not _safe_member_name(name):
            raise _refuse(path, f"unsafe entry {name!r} (absolute path or '..'); refused")
    if MANIFEST_NAME not in names:
        raise _refuse(path, f"{_NOT_A_BACKUP} (no {MANIFEST_NAME})")
    info = archive.getinfo(MANIFEST_NAME)
    if info.file_size > MAX_MANIFEST_BYTES:
        raise _refuse(path, f"{MANIFEST_NAME} is implausibly large; refused as unsafe")
    try:
        raw = json.loads(_read_member(path, archive, MANIFEST_NAME, MAX_MANIFEST_BYTES))
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise _refuse(path, f"{_NOT_A_BACKUP} ({MANIFEST_NAME} is not valid JSON)") from None
    if not isinstance(raw, dict) or raw.get("format") != FORMAT_ID:
        raise _refuse(path, f"{_NOT_A_BACKUP} (its manifest is of another format)")
    version = raw.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise _refuse(path, "the manifest has no valid format version")
    if version > FORMAT_VERSION:
        raise _refuse(
            path,
            f"made by a newer VitiDesk (backup format {version}; this version reads up to "
            f"{FORMAT_VERSION}). Install the newer VitiDesk to restore it.",
        )
    schema = raw.get("schema_version")
    entries = raw.get("members")
    if not isinstance(schema, int) or isinstance(schema, bool) or not isinstance(entries, list):
        raise _refuse(path, "the manifest is incomplete (no data version or member list)")
    members: list[Member] = []
    for entry in entries:
        member = _member_from(entry)
        if member is None:
            raise _refuse(path, "the manifest lists an entry without a valid path, size, checksum")
        members.append(member)
    return Manifest(
        format_version=version,
        created_at=str(raw.get("created_at", "")),
        app_version=str(raw.get("app_version", "")),
        schema_version=schema,
        members=tuple(members),
    )


def _member_from(entry: object) -> Member | None:
    if not isinstance(entry, dict):
        return None
    name, size, sha = entry.get("path"), entry.get("size"), entry.get("sha256")
    if not isinstance(name, str) or not _safe_member_name(name):
        return None
    if not isinstance(size, int) or isinstance(size, bool) or size < 0:
        return None
    if not isinstance(sha, str) or len(sha) != 64 or any(c not in "0123456789abcdef" for c in sha):
        return None
    return Member(name, size, sha)


def _read_member(path: Path, archive: zipfile.ZipFile, name: str, limit: int) -> bytes:
    try:
        with archive.open(name) as source:
            data = source.read(limit + 1)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError) as exc:
        raise _refuse(path, f"{name} is damaged ({_zip_reason(exc)})") from None
    if len(data) > limit:
        raise _refuse(path, f"{name} is implausibly large; refused as unsafe")
    return data


def _zip_reason(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0]


def _check_member_list(path: Path, archive: zipfile.ZipFile, manifest: Manifest) -> None:
    listed = [member.path for member in manifest.members]
    if len(set(listed)) != len(listed):
        raise _refuse(path, "the manifest lists an entry twice")
    if DB_MEMBER not in listed:
        raise _refuse(path, f"the manifest does not list the database ({DB_MEMBER})")
    for name in listed:
        if name != DB_MEMBER and not name.startswith(FILES_PREFIX):
            raise _refuse(path, f"the manifest lists an unexpected entry {name!r}")
    present = set(archive.namelist()) - {MANIFEST_NAME}
    for name in listed:
        if name not in present:
            raise _refuse(path, f"{name} is listed in the manifest but missing from the backup")
    extra = sorted(present - set(listed))
    if extra:
        raise _refuse(path, f"{extra[0]} is in the backup but not listed in its manifest; refused")
    if manifest.total_bytes > MAX_TOTAL_BYTES:
        raise _refuse(path, "would unpack to more than 20 GB; refused as unsafe")
    for member in manifest.members:
        if archive.getinfo(member.path).file_size != member.size:
            raise _refuse(path, f"{member.path} has a different size than its manifest says")


def _stream_member(
    path: Path, archive: zipfile.ZipFile, member: Member, target: IO[bytes] | None
) -> None:
    """Copy one member (to ``target`` if given) and check its size and SHA-256."""
    try:
        with archive.open(member.path) as source:
            got = _copy_hashing(source, target, member.size)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError) as exc:
        raise _refuse(path, f"{member.path} is damaged ({_zip_reason(exc)})") from None
    if got.size != member.size:
        raise _refuse(path, f"{member.path} has a different size than its manifest says")
    if got.sha256 != member.sha256:
        raise _refuse(path, f"{member.path} is damaged (checksum differs from the manifest)")


def _check_database(path: Path, db_file: Path, manifest: Manifest) -> list[tuple[str, str, int]]:
    """Open the extracted database copy: integrity, data version, files register."""
    try:
        conn = sqlite3.connect(db_file, isolation_level=None)
        try:
            user_version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            newest = max(user_version, manifest.schema_version)
            if newest > SCHEMA_VERSION:
                raise _refuse(
                    path,
                    f"made by a newer VitiDesk (data version {newest}; this version reads up "
                    f"to {SCHEMA_VERSION}). Install the newer VitiDesk to restore it.",
                )
            if user_version != manifest.schema_version:
                raise _refuse(
                    path,
                    f"the database is at data version {user_version} but the manifest says "
                    f"{manifest.schema_version}",
                )
            integrity = [row[0] for row in conn.execute("PRAGMA integrity_check(20)")]
            if integrity != ["ok"]:
                raise _refuse(path, f"the database in the backup is damaged ({integrity[0]})")
            registered = _registered_files(conn)
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise _refuse(path, f"the database in the backup cannot be read ({exc})") from None
    return registered


def _check_register(path: Path, manifest: Manifest, registered: list[tuple[str, str, int]]):
    by_name = {member.path: member for member in manifest.members}
    expected = set()
    for relpath, sha256, size in registered:
        name = FILES_PREFIX + relpath
        expected.add(name)
        member = by_name.get(name)
        if member is None:
            raise _refuse(path, f"{relpath} is recorded in the database but not in the backup")
        if member.sha256 != sha256 or member.size != size:
            raise _refuse(path, f"{relpath} differs from the checksum recorded in the database")
    for name in by_name:
        if name.startswith(FILES_PREFIX) and name not in expected:
            raise _refuse(path, f"{name} is in the backup but not recorded in its database")


def verify_backup(path: Path) -> Manifest:
    """Check a backup end to end without changing anything; return its manifest.

    Raises :class:`UserError` (one line) for anything wrong: not a ZIP, cut short, damaged
    members, a manifest that does not match, unsafe paths, a database that fails SQLite's
    integrity check or was written by a newer VitiDesk."""
    path = Path(path).absolute()
    try:
        with _open_zip(path) as archive:
            manifest = _read_manifest(path, archive)
            _check_member_list(path, archive, manifest)
            with _private_temp_dir(Path(tempfile.gettempdir()), ".vitidesk-verify-") as scratch:
                db_file = scratch / DB_NAME
                for member in manifest.members:
                    if member.path == DB_MEMBER:
                        with _private_file(db_file) as target:
                            _stream_member(path, archive, member, target)
                    else:
                        _stream_member(path, archive, member, None)
                registered = _check_database(path, db_file, manifest)
            _check_register(path, manifest, registered)
    except OSError as exc:
        raise _refuse(path, f"cannot be read ({exc.strerror or exc})") from None
    return manifest


# -- restore ---------------------------------------------------------------------------------
def _extract(path: Path, manifest: Manifest, target_dir: Path) -> None:
    with _open_zip(path) as archive:
        for member in manifest.members:
            if member.path == DB_MEMBER:
                destination = target_dir / DB_NAME
            else:
                relpath = member.path[len(FILES_PREFIX) :]
                destination = target_dir.joinpath(*relpath.split("/"))
            ensure_private_dir(destination.parent)
            with _private_file(destination) as target:
                _stream_member(path, archive, member, target)
                target.flush()
                os.fsync(target.fileno())


def _holds_data(folder: Path) -> bool:
    """Anything besides a running app's lock and request files."""
    if not folder.exists():
        return False
    return not folder.is_dir() or any(p.name not in RUNTIME_FILES for p in folder.iterdir())


def _drop_runtime_files(folder: Path) -> None:
    """The running app's lock belongs to the live data folder, not to a kept or empty one
    (the app takes a new lock in the restored folder)."""
    for name in RUNTIME_FILES:
        (folder / name).unlink(missing_ok=True)


def _kept_name(data_dir: Path) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    candidate = data_dir.with_name(f"{data_dir.name}.before-restore-{stamp}")
    counter = 1
    while candidate.exists():
        counter += 1
        candidate = data_dir.with_name(f"{data_dir.name}.before-restore-{stamp}-{counter}")
    return candidate


def restore_backup(path: Path, data_dir: Path) -> RestoreSummary:
    """Replace ``data_dir`` with the contents of the backup at ``path``, safely.

    Nothing changes unless the backup verifies, extracts, opens (migrating an older data
    version forward) and passes ``check_store`` in a new folder. The old folder is kept as
    ``<data_dir>.before-restore-<time>`` and returned as ``previous``."""
    path = Path(path).absolute()
    data_dir = Path(data_dir).absolute()
    manifest = verify_backup(path)
    if data_dir.exists() and not data_dir.is_dir():
        raise UserError(str(data_dir), "is a file, not a data folder")
    parent = data_dir.parent
    try:
        ensure_private_dir(parent)
    except OSError as exc:
        raise UserError(str(parent), f"cannot create the folder ({exc.strerror or exc})") from None
    with contextlib.suppress(OSError):
        if shutil.disk_usage(parent).free < manifest.total_bytes:
            raise UserError(str(parent), "not enough free disk space to restore this backup")
    staging = Path(tempfile.mkdtemp(prefix=f".{data_dir.name}.restoring-", dir=parent))
    previous: Path | None = None
    try:
        if os.name == "posix":
            os.chmod(staging, 0o700)
        _extract(path, manifest, staging)
        with Store.open(staging, create=False) as store:
            schema_version = store.schema_version
            report = check_store(store)
        if not report.healthy:
            raise UserError(str(path), f"the restored data fail the check ({report.problems[0]})")
        # -- the swap: the only step that touches the current data folder ----------------
        if _holds_data(data_dir):
            previous = _kept_name(data_dir)
            os.rename(data_dir, previous)
            _drop_runtime_files(previous)
        elif data_dir.exists():
            _drop_runtime_files(data_dir)
            data_dir.rmdir()  # an empty folder: nothing to keep
        try:
            os.rename(staging, data_dir)
        except BaseException:
            if previous is not None:
                os.rename(previous, data_dir)
                previous = None
            raise
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    _fsync_dir(parent)
    return RestoreSummary(
        data_dir=data_dir,
        previous=previous,
        files=manifest.file_count,
        total_bytes=manifest.total_bytes,
        backup_schema_version=manifest.schema_version,
        schema_version=schema_version,
        created_at=manifest.created_at,
    )
