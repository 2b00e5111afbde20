"""Restore: put a backup's data in place of the current data, in one streaming pass, only
after everything in it checked out.

:func:`prepare_restore` reads the backup's directory and manifest (bounded), unpacks its
database into scratch inside the data folder and checks it the way VitiDesk's own store is
checked (its schema exactly as a fresh migration makes it: no trigger, view or extra table;
rows that read back; the files register agreeing with the manifest), and says what the
restore would change (:class:`RestorePreview`). :func:`commit_restore` then unpacks every
stored file once, checking each checksum as it is written, brings the database to this
version, and swaps it all in (:mod:`vitidesk.storage.restore_swap`). Until that swap the
current data are untouched; a crash during it is finished at the next open. Both steps run
while owning the data folder, so a restore never runs under an open window.

An encrypted backup is opened with the passphrase it was made with (or its recovery key):
its database is checked through SQLCipher in scratch, its files stay sealed as they are, and
its key file comes into the data folder with them, so the restored store opens with that
passphrase. Nothing is decrypted to a file. No Qt here.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import shutil
import sqlite3
import threading
import zipfile
from collections import deque
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from vitidesk.errors import UserError
from vitidesk.storage import engine
from vitidesk.storage.atomic import PRIVATE_FILE_MODE, _fsync_dir, ensure_private_dir
from vitidesk.storage.backup_format import (
    DB_MEMBER,
    FILES_PREFIX,
    FREE_SPACE_MARGIN,
    KEYS_MEMBER,
    MAX_KEYS_BYTES,
    Manifest,
    Member,
    check_member_list,
    copy_span,
    open_zip,
    read_manifest,
    read_member,
    refuse,
    stored_file_problem,
    stored_span,
    stream_member,
)
from vitidesk.storage.database import DB_NAME, migrate_connection
from vitidesk.storage.folder_lock import owning
from vitidesk.storage.keyring import (
    KEYS_NAME,
    KeyFile,
    PassphraseNeededError,
    StoreKey,
    is_encrypted,
)
from vitidesk.storage.migrations import MIGRATIONS, SCHEMA_VERSION
from vitidesk.storage.restore_swap import recover, swap_in
from vitidesk.storage.schema_check import row_problems, schema_problems
from vitidesk.storage.scratch import Scratch
from vitidesk.storage.settings import Settings
from vitidesk.storage.unlock import unlock_backup_key, unlock_key

Progress = Callable[[int, int], None]  # (bytes done, bytes in all); may come from a worker

# Settings a person should see change before a restore (the window's size is not news).
PREVIEWED_SETTINGS = (
    "local_crisis_number",
    "region",
    "reminder_days",
    "appearance",
    "paper_size",
    "reduced_motion",
)


@dataclass(frozen=True)
class RestoreSummary:
    data_dir: Path
    previous: Path | None
    files: int
    total_bytes: int
    backup_schema_version: int
    schema_version: int
    created_at: str


@dataclass(frozen=True)
class Counts:
    responses: int = 0
    photos: int = 0
    diary: int = 0
    drafts: int = 0


@dataclass(frozen=True)
class SettingChange:
    key: str  # a Settings attribute, e.g. "local_crisis_number"
    now: Any
    backup: Any


@dataclass(frozen=True)
class RestorePreview:
    """What a restore would change, for the person to confirm first."""

    created_at: str
    app_version: str
    schema_version: int
    backup: Counts
    current: Counts | None  # None: no readable data in the folder now
    settings: tuple[SettingChange, ...]
    left_out: tuple[str, ...]  # files the backup itself could not include
    encrypted: bool = False  # the backup is (so the restored data will be)
    current_encrypted: bool = False  # the data now are (their counts are not read)


@dataclass
class RestorePlan:
    """A backup checked and half unpacked: :func:`commit_restore` it, or :meth:`discard`."""

    source: Path
    data_dir: Path
    manifest: Manifest
    preview: RestorePreview
    scratch: Scratch
    created_dir: bool = False
    key: StoreKey | None = None  # an encrypted backup's key

    def discard(self) -> None:
        self.scratch.close()
        if self.created_dir:
            _remove_if_empty(self.data_dir)


def _remove_if_empty(folder: Path) -> None:
    with contextlib.suppress(OSError):
        if not any(folder.iterdir()):
            folder.rmdir()


def _why(exc: OSError) -> str:
    if exc.errno == errno.ENOSPC:
        return "the disk is full"
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return "the folder is read-only"
    return exc.strerror or str(exc)


# -- checking the database -------------------------------------------------------------------
def _open_untrusted(db: Path | bytes, key: StoreKey | None = None) -> sqlite3.Connection:
    if isinstance(db, bytes):
        assert key is None  # an encrypted database is only ever checked in scratch
        conn = sqlite3.connect(":memory:", isolation_level=None)
        conn.deserialize(db)
    else:
        uri = db.absolute().as_uri() + "?mode=ro&immutable=1"
        conn = engine.connect(uri, key, uri=True)
    conn.execute("PRAGMA trusted_schema = OFF")
    return conn


def _registered(conn: sqlite3.Connection, version: int) -> list[tuple[str, str, int]]:
    if version < 1:
        return []
    rows = conn.execute("SELECT relpath, sha256, size_bytes FROM files ORDER BY id").fetchall()
    return [(str(r), str(s), int(n)) for r, s, n in rows]


def _check_register(path: Path, manifest: Manifest, registered: list[tuple[str, str, int]]):
    by_name = {member.path: member for member in manifest.members}
    expected = set()
    for relpath, sha256, size in registered:
        problem = stored_file_problem(relpath)
        if problem is not None:
            raise refuse(path, f"the database records {relpath!r}, {problem}; refused")
        name = FILES_PREFIX + relpath
        expected.add(name)
        member = by_name.get(name)
        if member is None:
            raise refuse(path, f"{relpath} is recorded in the database but not in the backup")
        if member.sha256 != sha256 or member.size != size:
            raise refuse(path, f"{relpath} differs from the checksum recorded in the database")
    for name in by_name:
        if name.startswith(FILES_PREFIX) and name not in expected:
            raise refuse(path, f"{name} is in the backup but not recorded in its database")


def check_staged_database(
    path: Path, db: Path | bytes, manifest: Manifest, key: StoreKey | None = None
) -> list[tuple[str, str, int]]:
    """Check a backup's database (a file, or its bytes) before anything trusts it: data
    version, SQLite's integrity check, a schema exactly like VitiDesk's own, rows that read
    back, and a files register that agrees with the manifest. Returns the register."""
    try:
        conn = _open_untrusted(db, key)
        try:
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            newest = max(version, manifest.schema_version)
            if newest > SCHEMA_VERSION:
                raise refuse(
                    path,
                    f"made by a newer VitiDesk (data version {newest}; this version reads up "
                    f"to {SCHEMA_VERSION}). Install the newer VitiDesk to restore it.",
                )
            if version != manifest.schema_version:
                raise refuse(
                    path,
                    f"the database is at data version {version} but the manifest says "
                    f"{manifest.schema_version}",
                )
            integrity = [row[0] for row in conn.execute("PRAGMA integrity_check(20)")]
            if integrity != ["ok"]:
                raise refuse(path, f"the database in the backup is damaged ({integrity[0]})")
            planted = schema_problems(conn, version)
            if planted:
                raise refuse(
                    path,
                    f"the database in the backup is not one VitiDesk wrote ({planted[0]}); "
                    "refused as unsafe",
                )
            rows = row_problems(conn, version)
            if rows:
                raise refuse(
                    path, f"the database in the backup has data VitiDesk cannot read ({rows[0]})"
                )
            for table, rowid, parent, _ in conn.execute("PRAGMA foreign_key_check"):
                raise refuse(
                    path,
                    f"the database in the backup has row {rowid} of {table} pointing to a "
                    f"missing {parent}",
                )
            registered = _registered(conn, version)
        finally:
            conn.close()
    except engine.DatabaseError as exc:
        raise refuse(path, f"the database in the backup cannot be read ({exc})") from None
    _check_register(path, manifest, registered)
    return registered


# -- the preview -----------------------------------------------------------------------------
def _count(conn: sqlite3.Connection, table: str) -> int:
    try:
        return int(conn.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0])
    except engine.OperationalError:  # an older data version without that table
        return 0


def _counts(conn: sqlite3.Connection) -> Counts:
    return Counts(
        responses=_count(conn, "responses"),
        photos=_count(conn, "photos"),
        diary=_count(conn, "diary"),
        drafts=_count(conn, "response_drafts"),
    )


def _settings(conn: sqlite3.Connection) -> dict[str, Any]:
    options = Settings.options()
    values = {key: options[key].default for key in PREVIEWED_SETTINGS}
    try:
        rows = conn.execute("SELECT key, value FROM settings").fetchall()
    except engine.OperationalError:
        return values
    for key, raw in rows:
        if key in values:
            try:
                value = json.loads(raw)
            except (TypeError, ValueError):
                continue
            if options[key].valid(value):
                values[key] = value
    return values


def _current(data_dir: Path) -> tuple[Counts | None, dict[str, Any] | None]:
    db_path = data_dir / DB_NAME
    if not db_path.is_file() or is_encrypted(data_dir):
        return None, None  # an encrypted store's counts need its passphrase: not asked for
    try:
        # Not mode=ro: a read-only connection to a WAL database leaves -wal and -shm behind.
        conn = sqlite3.connect(db_path, isolation_level=None)
        try:
            conn.execute("PRAGMA query_only = ON")
            conn.execute("PRAGMA trusted_schema = OFF")
            return _counts(conn), _settings(conn)
        finally:
            conn.close()
    except sqlite3.Error:
        return None, None


def _preview(
    data_dir: Path, staged: Path, manifest: Manifest, key: StoreKey | None
) -> RestorePreview:
    conn = _open_untrusted(staged, key)
    try:
        backup_counts, backup_settings = _counts(conn), _settings(conn)
    finally:
        conn.close()
    current_counts, current_settings = _current(data_dir)
    changes = tuple(
        SettingChange(key, (current_settings or {}).get(key), backup_settings[key])
        for key in PREVIEWED_SETTINGS
        if current_settings is not None and current_settings[key] != backup_settings[key]
    )
    return RestorePreview(
        created_at=manifest.created_at,
        app_version=manifest.app_version,
        schema_version=manifest.schema_version,
        backup=backup_counts,
        current=current_counts,
        settings=changes,
        left_out=manifest.left_out,
        encrypted=manifest.encrypted,
        current_encrypted=is_encrypted(data_dir),
    )


def backup_key(path: Path, archive: zipfile.ZipFile, manifest: Manifest) -> KeyFile:
    """An encrypted backup's key file, read bounded and checked."""
    data = read_member(path, archive, KEYS_MEMBER, MAX_KEYS_BYTES)
    member = next(m for m in manifest.members if m.path == KEYS_MEMBER)
    if len(data) != member.size or hashlib.sha256(data).hexdigest() != member.sha256:
        raise refuse(path, f"{KEYS_MEMBER} is damaged (checksum differs from the manifest)")
    return KeyFile.from_bytes(data, f"{path} ({KEYS_MEMBER})")


def unlock_backup(
    path: Path,
    archive: zipfile.ZipFile,
    manifest: Manifest,
    passphrase: str | None,
    data_dir: Path | None,
) -> StoreKey:
    """The key of an encrypted backup from its passphrase (or recovery key), or one line."""
    if passphrase is None:
        raise PassphraseNeededError(
            str(path), "the backup is encrypted; give the passphrase it was made with"
        )
    key_file = backup_key(path, archive, manifest)
    if data_dir is not None and Path(data_dir).is_dir():
        return unlock_key(Path(data_dir), passphrase, key_file)
    return unlock_backup_key(key_file, passphrase, path)


# -- preparing and committing ----------------------------------------------------------------
def _private_file(path: Path) -> IO[bytes]:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE)
    if os.name == "posix":
        os.fchmod(fd, PRIVATE_FILE_MODE)
    return os.fdopen(fd, "wb")


def _usable_target(data_dir: Path) -> bool:
    """Make sure ``data_dir`` is a folder (creating it); True if it was created."""
    if data_dir.exists() and not data_dir.is_dir():
        raise UserError(str(data_dir), "is a file, not a data folder")
    created = not data_dir.exists()
    try:
        ensure_private_dir(data_dir)
    except OSError as exc:
        raise UserError(str(data_dir), f"cannot create the folder ({_why(exc)})") from None
    return created


def _check_free_space(data_dir: Path, manifest: Manifest) -> None:
    try:
        free = shutil.disk_usage(data_dir).free
    except OSError:
        return
    needed = manifest.total_bytes + FREE_SPACE_MARGIN
    if free < needed:
        raise UserError(
            str(data_dir),
            f"not enough free disk space to restore this backup (it needs {needed // 2**20} MB, "
            f"{free // 2**20} MB are free); nothing was changed",
        )


def prepare_restore(path: Path, data_dir: Path, passphrase: str | None = None) -> RestorePlan:
    """Check the backup at ``path`` and unpack its database into scratch in ``data_dir``;
    say what restoring it would change. Nothing of the current data is touched. An
    encrypted backup needs ``passphrase`` (the one it was made with, or its recovery key):
    without it :class:`PassphraseNeededError`, wrong: :class:`WrongPassphraseError`."""
    path = Path(path).absolute()
    data_dir = Path(data_dir).absolute()
    created = _usable_target(data_dir)
    try:
        with open_zip(path) as archive:
            manifest = read_manifest(path, archive)
            check_member_list(path, archive, manifest)
            _check_free_space(data_dir, manifest)
            key = None
            if manifest.encrypted:
                key = unlock_backup(path, archive, manifest, passphrase, data_dir)
            scratch = Scratch(data_dir, "restore")
            try:
                staged = scratch.path / DB_NAME
                member = next(m for m in manifest.members if m.path == DB_MEMBER)
                with _private_file(staged) as target:
                    stream_member(path, archive, member, target)
                if manifest.encrypted:
                    keys = next(m for m in manifest.members if m.path == KEYS_MEMBER)
                    with _private_file(scratch.path / KEYS_NAME) as target:
                        stream_member(path, archive, keys, target)
                check_staged_database(path, staged, manifest, key)
                preview = _preview(data_dir, staged, manifest, key)
            except BaseException:
                scratch.close()
                raise
    except OSError as exc:
        if created:
            _remove_if_empty(data_dir)
        where = exc.filename or data_dir
        raise UserError(
            str(where), f"cannot unpack the backup ({_why(exc)}); nothing was changed"
        ) from None
    except BaseException:
        if created:
            _remove_if_empty(data_dir)
        raise
    return RestorePlan(path, data_dir, manifest, preview, scratch, created, key)


UNPACK_WORKERS = max(2, min(4, (os.cpu_count() or 1) + 1))
"""Files unpacked at once: reading, hashing (which lets go of the GIL) and the disk's own
writing then overlap; beyond four the disk is the limit."""


class _Unpacker:
    """Unpack members into ``staging`` on a few threads, each file once: read, checked
    (size and SHA-256) and written in one pass, then flushed to disk."""

    def __init__(self, plan: RestorePlan, archive: zipfile.ZipFile, progress: Progress | None):
        self.plan = plan
        self.archive = archive
        self.progress = progress
        self.done = next(m.size for m in plan.manifest.members if m.path == DB_MEMBER)
        self.total = plan.manifest.total_bytes
        self.folders: set[Path] = {plan.scratch.path}
        self._lock = threading.Lock()
        self._failed = threading.Event()

    def _advanced(self, count: int) -> None:
        with self._lock:
            self.done += count
            done = self.done
        if self.progress is not None:
            self.progress(done, self.total)

    def unpack(self, member: Member) -> None:
        if self._failed.is_set():
            return
        staging = self.plan.scratch.path
        destination = staging.joinpath(*member.path[len(FILES_PREFIX) :].split("/"))
        with self._lock:
            ensure_private_dir(destination.parent)
            self.folders.update(p for p in destination.parents if p.is_relative_to(staging))
        info = self.archive.getinfo(member.path)
        try:
            with _private_file(destination) as target:
                with open(self.plan.source, "rb") as source:
                    span = stored_span(source, info)
                    if span is not None:
                        copy_span(self.plan.source, source, member, span, target, self._advanced)
                if span is None:
                    stream_member(self.plan.source, self.archive, member, target, self._advanced)
                target.flush()
                os.fsync(target.fileno())
        except zipfile.BadZipFile as exc:
            self._failed.set()
            raise refuse(self.plan.source, f"{member.path} is damaged ({exc})") from None
        except BaseException:
            self._failed.set()
            raise


def _unpack_files(plan: RestorePlan, progress: Progress | None) -> None:
    """Every stored file, once, checked as it is written; durable before the swap."""
    with open_zip(plan.source) as archive:
        check_member_list(plan.source, archive, plan.manifest)  # the file may have changed
        unpacker = _Unpacker(plan, archive, progress)
        files = [m for m in plan.manifest.members if m.path not in (DB_MEMBER, KEYS_MEMBER)]
        with ThreadPoolExecutor(UNPACK_WORKERS, thread_name_prefix="restore") as pool:
            pending: deque = deque()
            for member in files:  # a few in flight at a time: memory stays flat
                pending.append(pool.submit(unpacker.unpack, member))
                if len(pending) > 2 * UNPACK_WORKERS:
                    pending.popleft().result()
            while pending:
                pending.popleft().result()
    for folder in sorted(unpacker.folders, key=lambda p: len(p.parts), reverse=True):
        _fsync_dir(folder)


def _bring_up_to_date(staged: Path, key: StoreKey | None) -> int:
    """Migrate the checked database to this version, as one self-contained file."""
    conn = engine.connect(staged, key)
    try:
        conn.execute("PRAGMA trusted_schema = OFF")
        migrate_connection(conn, MIGRATIONS)
        conn.execute("PRAGMA journal_mode = DELETE")
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        if schema_problems(conn, version):  # pragma: no cover - our own migrations
            raise UserError(str(staged), "the migrated database is not what VitiDesk makes")
    finally:
        conn.close()
    os.chmod(staged, PRIVATE_FILE_MODE)
    return version


def commit_restore(plan: RestorePlan, progress: Progress | None = None) -> RestoreSummary:
    """Unpack the rest of ``plan`` and swap it in place of the current data."""
    with owning(plan.data_dir, wait=0):
        try:
            _unpack_files(plan, progress)
            schema_version = _bring_up_to_date(plan.scratch.path / DB_NAME, plan.key)
        except OSError as exc:
            plan.discard()
            where = exc.filename or plan.data_dir
            raise UserError(
                str(where), f"cannot unpack the backup ({_why(exc)}); nothing was changed"
            ) from None
        except BaseException:
            plan.discard()
            raise
        plan.scratch.keep = True  # from here a crash is finished by the next open
        try:
            previous = swap_in(plan.data_dir, plan.scratch.path)
        except OSError as exc:
            raise UserError(
                str(plan.data_dir),
                f"the restore stopped while swapping the data in ({_why(exc)}); VitiDesk "
                "finishes it the next time it opens this folder",
            ) from None
        finally:
            plan.scratch.close()
    return RestoreSummary(
        data_dir=plan.data_dir,
        previous=previous,
        files=plan.manifest.file_count,
        total_bytes=plan.manifest.total_bytes,
        backup_schema_version=plan.manifest.schema_version,
        schema_version=schema_version,
        created_at=plan.manifest.created_at,
    )


def restore_backup(
    path: Path,
    data_dir: Path,
    progress: Progress | None = None,
    confirm: Callable[[RestorePreview], bool] | None = None,
    passphrase: str | None = None,
) -> RestoreSummary | None:
    """Replace ``data_dir``'s data with the backup at ``path``, safely: refused at once while
    another process (an open window) owns the folder; nothing changes unless everything
    checks out, and not unless ``confirm`` (shown the preview) says yes (None when it did
    not); the previous data are kept as ``<data_dir>.before-restore-<time>``."""
    data_dir = Path(data_dir).absolute()
    created = _usable_target(data_dir)
    try:
        with owning(data_dir, wait=0):
            recover(data_dir)
            plan = prepare_restore(path, data_dir, passphrase)
            try:
                if confirm is not None and not confirm(plan.preview):
                    return None
                return commit_restore(plan, progress)
            finally:
                plan.discard()
    finally:
        if created:
            _remove_if_empty(data_dir)


__all__ = [
    "Counts",
    "RestorePlan",
    "RestorePreview",
    "RestoreSummary",
    "SettingChange",
    "backup_key",
    "check_staged_database",
    "commit_restore",
    "prepare_restore",
    "restore_backup",
]
