"""Verified backups: one ZIP holding a database snapshot, every stored file and a manifest of
SHA-256 checksums (the format: :mod:`vitidesk.storage.backup_format`).

The snapshot is taken with SQLite's backup API (consistent even while the app writes), in
scratch inside the data folder, never beside the backup or in the temp folder. Each stored
file is checked against its recorded checksum before it goes in: a damaged or missing photo
is left out, together with its rows, and named, so one bad file never blocks a backup of
everything else. The backup appears whole and private (0600) or not at all
(:mod:`vitidesk.storage.outputs`). Restoring: :mod:`vitidesk.storage.restore`.

A backup of an encrypted store is encrypted too: the snapshot is taken by SQLCipher with the
store's key, the files go in as sealed on disk, and the store's key file goes with them; the
manifest says ``"encrypted": true``. Nothing is decrypted to make it. No Qt here.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
import sqlite3
import zipfile
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from vitidesk import __version__
from vitidesk.errors import UserError
from vitidesk.storage import engine
from vitidesk.storage.atomic import PRIVATE_FILE_MODE
from vitidesk.storage.backup_format import (
    CHUNK,
    DB_MEMBER,
    ENCRYPTED_FORMAT_VERSION,
    FILES_PREFIX,
    FORMAT_ID,
    KEYS_MEMBER,
    MANIFEST_NAME,
    PLAIN_FORMAT_VERSION,
    Manifest,
    Member,
    check_member_list,
    open_zip,
    read_manifest,
    refuse,
    stored_file_problem,
    stream_member,
)
from vitidesk.storage.database import DB_NAME, Store
from vitidesk.storage.keyring import KEYS_NAME, KeyFile
from vitidesk.storage.outputs import check_output_path, private_output
from vitidesk.storage.restore import (
    RestorePlan,
    RestorePreview,
    RestoreSummary,
    backup_key,
    check_staged_database,
    commit_restore,
    prepare_restore,
    restore_backup,
)
from vitidesk.storage.scratch import Scratch, scratch_dir
from vitidesk.storage.unlock import unlock_backup_key, unlock_key

__all__ = [
    "DB_MEMBER",
    "FORMAT_ID",
    "MANIFEST_NAME",
    "BackupSummary",
    "Manifest",
    "RestorePlan",
    "RestorePreview",
    "RestoreSummary",
    "backup_is_encrypted",
    "commit_restore",
    "create_backup",
    "prepare_restore",
    "restore_backup",
    "verify_backup",
]

IN_MEMORY_FILE_BYTES = 8 * 1024**2  # files up to this are read once, checked, then written
IN_MEMORY_DB_BYTES = 256 * 1024**2  # a database checked or snapshotted in memory, at most
_ZIP64_FROM = 1 << 30  # members this large get ZIP64 headers from the start
Progress = Callable[[int, int], None]  # (bytes done, bytes in all)


@dataclass(frozen=True)
class BackupSummary:
    path: Path
    members: int
    files: int
    total_bytes: int
    archive_bytes: int
    schema_version: int
    left_out: tuple[str, ...] = ()  # "relpath: why", for each file that could not go in
    encrypted: bool = False


def _zip_time() -> tuple[int, int, int, int, int, int]:
    now = dt.datetime.now()
    return (max(now.year, 1980), now.month, now.day, now.hour, now.minute, now.second)


def _new_info(name: str, compress: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=_zip_time())
    info.compress_type = compress
    info.external_attr = (0o100000 | PRIVATE_FILE_MODE) << 16  # a regular file, 0600
    return info


# -- the snapshot ----------------------------------------------------------------------------
def _snapshot(store: Store, target: Path) -> None:
    """Copy the database with SQLite's backup API (consistent, unlike a file copy); an
    encrypted store's copy is encrypted with the same key."""
    dest = engine.connect(target, store.key)
    try:
        with store.reading() as conn:
            conn.backup(dest)
        dest.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
    finally:
        dest.close()
    if os.name == "posix":
        os.chmod(target, PRIVATE_FILE_MODE)


def _groups(conn: sqlite3.Connection) -> list[list[tuple[int, str, str, int]]]:
    """The registered files, a photo's image and thumbnail together: both go in, or neither."""
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if version < 1:
        return []
    rows = conn.execute("SELECT id, relpath, sha256, size_bytes FROM files ORDER BY id").fetchall()
    files = {int(r[0]): (int(r[0]), str(r[1]), str(r[2]), int(r[3])) for r in rows}
    groups: list[list[tuple[int, str, str, int]]] = []
    if version >= 3:
        for image, thumb in conn.execute("SELECT file_id, thumb_file_id FROM photos ORDER BY id"):
            members = [files.pop(i) for i in (image, thumb) if i in files]
            if members:
                groups.append(members)
    groups.extend([entry] for entry in files.values())
    groups.sort(key=lambda group: group[0][0])
    return groups


def _drop(conn: sqlite3.Connection, file_ids: Iterable[int]) -> None:
    """Remove left-out files, and the photos they belong to, from the snapshot only."""
    ids = sorted(set(file_ids))
    if not ids:
        return
    marks = ", ".join("?" for _ in ids)
    conn.execute("PRAGMA secure_delete = ON")  # nothing of a left-out row stays in free pages
    conn.execute("BEGIN")
    if int(conn.execute("PRAGMA user_version").fetchone()[0]) >= 3:
        conn.execute(
            f"DELETE FROM photos WHERE file_id IN ({marks}) OR thumb_file_id IN ({marks})",
            (*ids, *ids),
        )
    conn.execute(f"DELETE FROM files WHERE id IN ({marks})", ids)
    conn.execute("COMMIT")


# -- files -----------------------------------------------------------------------------------
def _file_problem(path: Path, relpath: str, sha256: str, size: int) -> tuple[str | None, bytes]:
    """Why a stored file cannot go in (None if it can), and its bytes when small."""
    problem = stored_file_problem(relpath)
    if problem is not None:
        return f"{problem}; not backed up", b""
    try:
        if path.stat().st_size != size:
            return "damaged (its size differs from the one recorded); run `vitidesk check`", b""
        digest = hashlib.sha256()
        data = b""
        with path.open("rb") as source:
            if size <= IN_MEMORY_FILE_BYTES:
                data = source.read(size + 1)
                digest.update(data)
            else:
                while chunk := source.read(CHUNK):
                    digest.update(chunk)
    except FileNotFoundError:
        return "missing from the data folder; run `vitidesk check`", b""
    except OSError as exc:
        return f"cannot be read ({exc.strerror or exc})", b""
    if digest.hexdigest() != sha256:
        return "damaged (its checksum differs from the one recorded); run `vitidesk check`", b""
    return None, data


def _write_file(archive: zipfile.ZipFile, path: Path, name: str, data: bytes, size: int) -> str:
    """Put one checked file in the archive; return the SHA-256 of what went in (a large
    file is read again here, so it is hashed again: it may have changed meanwhile)."""
    info = _new_info(name, zipfile.ZIP_STORED)
    with archive.open(info, "w", force_zip64=size > _ZIP64_FROM) as sink:
        if data or size == 0:
            sink.write(data)
            return ""
        digest = hashlib.sha256()
        with path.open("rb") as source:
            while chunk := source.read(CHUNK):
                sink.write(chunk)
                digest.update(chunk)
    return digest.hexdigest()


Checked = tuple[str | None, list[tuple[int, str, str, int, Path, bytes]]]


def _check_group(data_dir: Path, group: list[tuple[int, str, str, int]]) -> Checked:
    """Read and check one photo's files (on a worker thread): why not, or what goes in."""
    checked = []
    for file_id, relpath, sha256, size in group:
        path = data_dir.joinpath(*relpath.split("/"))
        problem, data = _file_problem(path, relpath, sha256, size)
        if problem is not None:
            return f"{relpath}: {problem}", []
        checked.append((file_id, relpath, sha256, size, path, data))
    return None, checked


CHECK_WORKERS = max(2, min(4, os.cpu_count() or 1))
"""Files read and checked ahead of the one being written: hashing lets go of the GIL, so
checking the next photos overlaps writing this one (and memory stays a few photos)."""


def _add_files(
    archive: zipfile.ZipFile,
    data_dir: Path,
    conn: sqlite3.Connection,
    progress: Progress | None,
) -> tuple[list[Member], list[str]]:
    groups = _groups(conn)
    total = sum(entry[3] for group in groups for entry in group)
    done = 0
    members: list[Member] = []
    left_out: list[str] = []
    dropped: list[int] = []

    def write(group: list[tuple[int, str, str, int]], outcome: Checked) -> None:
        nonlocal done
        failed, checked = outcome
        if failed is not None:
            left_out.append(failed)
            dropped.extend(entry[0] for entry in group)
            return
        for _file_id, relpath, sha256, size, path, data in checked:
            written = _write_file(archive, path, FILES_PREFIX + relpath, data, size)
            if written and written != sha256:  # changed between the check and the copy
                raise UserError(str(path), "changed while it was being backed up; try again")
            members.append(Member(FILES_PREFIX + relpath, size, sha256))
            done += size
            if progress is not None:
                progress(done, total)

    with ThreadPoolExecutor(CHECK_WORKERS, thread_name_prefix="backup") as pool:
        ahead: deque = deque()
        for group in groups:
            ahead.append((group, pool.submit(_check_group, data_dir, group)))
            if len(ahead) > CHECK_WORKERS:
                first, future = ahead.popleft()
                write(first, future.result())
        while ahead:
            first, future = ahead.popleft()
            write(first, future.result())
    _drop(conn, dropped)
    return members, left_out


# -- backup ----------------------------------------------------------------------------------
def _schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def _database_chunks(snapshot: Path | sqlite3.Connection) -> Iterator[bytes]:
    if isinstance(snapshot, sqlite3.Connection):  # in memory: only ever a plain store's
        yield snapshot.serialize()
        return
    with snapshot.open("rb") as source:
        while chunk := source.read(CHUNK):
            yield chunk


def _write_archive(
    handle, store: Store, snapshot: Path | sqlite3.Connection, progress: Progress | None
) -> tuple[list[Member], list[str], int]:
    """The files (damaged ones left out of the snapshot too), the snapshot, the key file of
    an encrypted store, the manifest."""
    in_memory = isinstance(snapshot, sqlite3.Connection)
    conn = (
        snapshot
        if isinstance(snapshot, sqlite3.Connection)
        else engine.connect(snapshot, store.key)
    )
    conn.isolation_level = None
    try:
        verdict = [row[0] for row in conn.execute("PRAGMA quick_check(3)")]
        if verdict != ["ok"]:
            raise UserError(
                str(store.path),
                f"the database is damaged ({verdict[0]}); run `vitidesk check` (no backup written)",
            )
        schema_version = _schema_version(conn)
        with zipfile.ZipFile(handle, "w", allowZip64=True) as archive:
            members, left_out = _add_files(archive, store.data_dir, conn, progress)
            if not in_memory:
                conn.close()  # the file is complete on disk: read it as it is
            digest = hashlib.sha256()
            size = 0
            info = _new_info(DB_MEMBER, zipfile.ZIP_DEFLATED)
            with archive.open(info, "w", force_zip64=True) as sink:
                for chunk in _database_chunks(snapshot):
                    sink.write(chunk)
                    digest.update(chunk)
                    size += len(chunk)
            members.insert(0, Member(DB_MEMBER, size, digest.hexdigest()))
            if store.encrypted:
                keys = _key_file_bytes(store)
                archive.writestr(_new_info(KEYS_MEMBER, zipfile.ZIP_DEFLATED), keys)
                members.insert(1, Member(KEYS_MEMBER, len(keys), hashlib.sha256(keys).hexdigest()))
            manifest = {
                "format": FORMAT_ID,
                "format_version": (
                    ENCRYPTED_FORMAT_VERSION if store.encrypted else PLAIN_FORMAT_VERSION
                ),
                "encrypted": store.encrypted,
                "created_at": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
                "app_version": __version__,
                "schema_version": schema_version,
                "members": [{"path": m.path, "size": m.size, "sha256": m.sha256} for m in members],
                "left_out": left_out,
            }
            archive.writestr(
                _new_info(MANIFEST_NAME, zipfile.ZIP_DEFLATED),
                json.dumps(manifest, indent=2).encode("utf-8"),
            )
    finally:
        conn.close()
    return members, left_out, schema_version


def _key_file_bytes(store: Store) -> bytes:
    """The store's key file as it is now (checked: it parses and holds this store's key)."""
    path = store.data_dir / KEYS_NAME
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UserError(str(path), f"cannot be read ({exc.strerror or exc})") from None
    key_file = KeyFile.from_bytes(data, str(path))
    if store.key is None or key_file.key_id != store.key.key_id:
        raise UserError(str(path), "does not hold this store's key; no backup written")
    return data


def _memory_snapshot(store: Store) -> sqlite3.Connection:
    """A snapshot held in memory, for a data folder that cannot take scratch (read-only)."""
    if store.encrypted:
        raise UserError(
            str(store.data_dir),
            "cannot make the database snapshot: the folder is read-only, and an encrypted "
            "store's snapshot is never held outside it; copy the folder somewhere writable first",
        )
    if store.path.stat().st_size > IN_MEMORY_DB_BYTES:
        raise UserError(
            str(store.data_dir),
            "cannot make the database snapshot: the folder is read-only and the database too "
            "large to hold in memory; copy the folder somewhere writable first",
        )
    memory = sqlite3.connect(":memory:", isolation_level=None)
    with store.reading() as conn:
        conn.backup(memory)
    return memory


def create_backup(
    store: Store,
    out: Path,
    *,
    force: bool = False,
    protect: Iterable[Path] = (),
    progress: Progress | None = None,
) -> BackupSummary:
    """Write a backup of ``store`` to ``out``: refused inside a data folder (``store``'s and
    those in ``protect``) and over an existing file unless ``force``."""
    out = check_output_path(out, protect=(store.data_dir, *protect), force=force)
    try:
        scratch: Scratch | None = Scratch(store.data_dir, "backup")
    except OSError:
        scratch = None  # a read-only data folder: the snapshot is held in memory instead
    try:
        try:
            if scratch is None:
                snapshot: Path | sqlite3.Connection = _memory_snapshot(store)
            else:
                snapshot = scratch.path / DB_NAME
                _snapshot(store, snapshot)
        except engine.DatabaseError as exc:
            raise UserError(
                str(store.path), f"cannot take a snapshot of the database ({exc})"
            ) from None
        try:
            with private_output(out, scratch=scratch, force=force) as handle:
                members, left_out, schema_version = _write_archive(
                    handle, store, snapshot, progress
                )
        except OSError as exc:
            raise UserError(str(out), f"cannot be written ({exc.strerror or exc})") from None
    finally:
        if scratch is not None:
            scratch.close()
    return BackupSummary(
        path=out,
        members=len(members) + 1,
        files=sum(1 for m in members if m.path.startswith(FILES_PREFIX)),
        total_bytes=sum(m.size for m in members),
        archive_bytes=out.stat().st_size,
        schema_version=schema_version,
        left_out=tuple(left_out),
        encrypted=store.encrypted,
    )


# -- verify ----------------------------------------------------------------------------------
def backup_is_encrypted(path: Path) -> bool:
    """True when the backup at ``path`` is encrypted (its passphrase is needed to restore
    it); a one-line :class:`UserError` when it is not a VitiDesk backup."""
    path = Path(path).absolute()
    with open_zip(path) as archive:
        return read_manifest(path, archive).encrypted


def verify_backup(
    path: Path, scratch_in: Path | None = None, *, passphrase: str | None = None
) -> Manifest:
    """Check a backup end to end without changing anything; return its manifest.

    Every member is read once and checked against the manifest; the database is checked
    the way a restore checks it (schema, rows, register). Its copy goes to scratch in
    ``scratch_in`` (a data folder) if given, else it is checked in memory. An encrypted
    backup's database is checked only with its ``passphrase`` and a data folder for scratch
    (it is never decrypted to a file); without them its checksums are. Raises
    :class:`UserError` (one line) for anything wrong."""
    path = Path(path).absolute()
    try:
        with open_zip(path) as archive:
            manifest = read_manifest(path, archive)
            check_member_list(path, archive, manifest)
            db_member = next(m for m in manifest.members if m.path == DB_MEMBER)
            if manifest.encrypted:
                key_file = backup_key(path, archive, manifest)
                if passphrase is not None and scratch_in is not None:
                    key = unlock_key(scratch_in, passphrase, key_file)
                    with scratch_dir(scratch_in, "verify") as scratch:
                        db_file = scratch.path / DB_NAME
                        with db_file.open("xb") as target:
                            stream_member(path, archive, db_member, target)
                        check_staged_database(path, db_file, manifest, key)
                else:
                    if passphrase is not None:
                        unlock_backup_key(key_file, passphrase, path)
                    stream_member(path, archive, db_member, None)
            elif scratch_in is not None:
                with scratch_dir(scratch_in, "verify") as scratch:
                    db_file = scratch.path / DB_NAME
                    with db_file.open("xb") as target:
                        stream_member(path, archive, db_member, target)
                    check_staged_database(path, db_file, manifest)
            else:
                _verify_in_memory(path, archive, manifest, db_member)
            for member in manifest.members:  # in the order a restore checks them
                if member.path not in (DB_MEMBER, KEYS_MEMBER):
                    stream_member(path, archive, member, None)
    except OSError as exc:
        raise refuse(path, f"cannot be read ({exc.strerror or exc})") from None
    return manifest


def _verify_in_memory(path: Path, archive: zipfile.ZipFile, manifest: Manifest, db_member) -> None:
    if db_member.size > IN_MEMORY_DB_BYTES:
        raise refuse(path, "the database is too large to check here; restore it to check it")
    buffer = io.BytesIO()
    stream_member(path, archive, db_member, buffer)
    check_staged_database(path, buffer.getvalue(), manifest)
