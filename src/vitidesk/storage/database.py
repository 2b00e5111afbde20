"""The private SQLite store: one file in the data folder, versioned and migrated forward.

Every write runs in one transaction (:meth:`Store.transaction`). The database runs in WAL
mode with foreign keys on. A store written by a newer VitiDesk is refused with a clear
message rather than opened and silently damaged.

Damage is told, never "repaired" into an empty store: a missing or empty database beside
other data is refused, and a database that fails SQLite's quick check is not written to.
A new store is built whole in scratch and then put in place, and creating or migrating it
happens while owning the folder (:mod:`vitidesk.storage.folder_lock`), so two commands
starting on a new folder at once both get the same, complete store.

An encrypted store (:mod:`vitidesk.storage.keyring`) opens only with its key: the same code
runs on SQLCipher's connection instead of Python's (:mod:`vitidesk.storage.engine`).
"""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
import threading
import weakref
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from vitidesk.errors import UserError
from vitidesk.storage import engine
from vitidesk.storage.atomic import PRIVATE_FILE_MODE, _fsync_dir, ensure_private_dir
from vitidesk.storage.folder_lock import owning
from vitidesk.storage.keyring import KEYS_NAME, StoreKey, is_encrypted
from vitidesk.storage.migrations import MIGRATIONS, split_statements
from vitidesk.storage.restore_swap import is_data_entry, old_leftovers, recover, swap_pending
from vitidesk.storage.scratch import SCRATCH_PREFIX, clean_stale_scratch, scratch_dir

DB_NAME = "vitidesk.sqlite3"
OPEN_WAIT_S = 15.0
"""How long creating or updating a store waits for another command that owns the folder
(long enough for a first run or a migration, short enough that a person is told soon)."""

RESTORE_HINT = "restore a backup with `vitidesk restore FILE`, or run `vitidesk check`"


class StoreError(UserError):
    """The store cannot be opened or used."""


class NewerSchemaError(StoreError):
    """The store was written by a newer VitiDesk than this one."""


class StoreDamagedError(StoreError):
    """The database is missing beside other data, empty, or fails SQLite's quick check."""


class LockedStoreError(StoreError):
    """The store is encrypted and was opened without its key."""


LOCKED = "the data are encrypted; unlock them with the passphrase (or the recovery key)"


def _why(exc: OSError) -> str:
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return "the folder is read-only"
    if exc.errno == errno.ENOSPC:
        return "the disk is full"
    return exc.strerror or str(exc)


def _sqlite_why(exc: BaseException) -> str | None:
    """A cause a person can act on, or None for a bug."""
    text = str(exc).lower()
    if "disk is full" in text:
        return "the disk is full; free some space and try again"
    if "readonly" in text or "read-only" in text:
        return "the data folder is read-only; VitiDesk needs to write there"
    if "disk i/o error" in text:
        return "the disk reported an error while writing"
    if "locked" in text or "busy" in text:
        return "another program is holding the database; try again in a moment"
    return None


def data_entries(data_dir: Path) -> list[str]:
    """What the folder holds besides hidden runtime files (lock, demo marker, scratch)."""
    try:
        return sorted(name for name in os.listdir(data_dir) if is_data_entry(name))
    except OSError:
        return []


def tidy(data_dir: Path) -> None:
    """Finish a restore (or an encryption change) that was cut short; remove what killed
    runs left. Opening a store does this first."""
    try:
        names = os.listdir(data_dir)
    except OSError:
        return
    if not any(name.startswith(SCRATCH_PREFIX) for name in names) and not old_leftovers(data_dir):
        return
    if swap_pending(data_dir) or old_leftovers(data_dir):
        try:
            with owning(data_dir, wait=OPEN_WAIT_S):
                recover(data_dir)
        except OSError as exc:
            raise StoreError(
                str(data_dir), f"a restore was cut short and cannot be finished ({_why(exc)})"
            ) from None
    else:
        with contextlib.suppress(OSError):
            clean_stale_scratch(data_dir)


def store_is_encrypted(data_dir: Path) -> bool:
    """True when ``data_dir`` holds an encrypted store, once any restore or conversion that
    was cut short has been finished (mid-swap, the key file alone would not tell)."""
    data_dir = Path(data_dir)
    if data_dir.is_dir():
        tidy(data_dir)
    return is_encrypted(data_dir)


def _refuse_missing(data_dir: Path) -> None:
    others = data_entries(data_dir)
    if others:
        shown = ", ".join(others[:3]) + (", ..." if len(others) > 3 else "")
        raise StoreDamagedError(
            str(data_dir),
            f"the database ({DB_NAME}) is missing but the folder holds other data ({shown}); "
            f"VitiDesk will not start an empty store over them: {RESTORE_HINT}",
        )


def _refuse_empty(db_path: Path) -> None:
    """A database of 0 bytes (and no write-ahead log) lost its contents: VitiDesk never
    makes one (a new store is built whole, then put in place)."""
    try:
        size = db_path.stat().st_size
        wal = db_path.with_name(DB_NAME + "-wal")
        wal_size = wal.stat().st_size if wal.exists() else 0
    except OSError:
        return
    if size == 0 and wal_size == 0:
        raise StoreDamagedError(
            str(db_path), f"the database file is empty (0 bytes): its data are gone; {RESTORE_HINT}"
        )


def migrate_connection(conn: sqlite3.Connection, migrations: Sequence[str]) -> None:
    """Run every step above the database's version, each in one transaction with its
    version bump. The version is read again inside each transaction, so a step another
    process ran meanwhile is never run twice."""
    for version in range(1, len(migrations) + 1):
        conn.execute("BEGIN IMMEDIATE")
        try:
            if int(conn.execute("PRAGMA user_version").fetchone()[0]) < version:
                for statement in split_statements(migrations[version - 1]):
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {version:d}")
        except BaseException:
            with contextlib.suppress(*engine.Error):
                conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")


def _create(data_dir: Path, migrations: Sequence[str]) -> None:
    """Build a new store in scratch and put it in place while owning the folder."""
    db_path = data_dir / DB_NAME
    try:
        ensure_private_dir(data_dir)
    except OSError as exc:
        raise StoreError(str(data_dir), f"cannot create the data folder ({_why(exc)})") from exc
    with owning(data_dir, wait=OPEN_WAIT_S):
        if db_path.is_file():
            return  # another command made it while this one waited
        _refuse_missing(data_dir)
        try:
            with scratch_dir(data_dir, "new") as scratch:
                fresh = scratch.path / DB_NAME
                conn = sqlite3.connect(fresh, isolation_level=None)
                try:
                    migrate_connection(conn, migrations)
                finally:
                    conn.close()
                if os.name == "posix":
                    os.chmod(fresh, PRIVATE_FILE_MODE)
                with open(fresh, "rb+") as handle:
                    os.fsync(handle.fileno())
                try:
                    os.link(fresh, db_path)  # never over a database that appeared meanwhile
                except FileExistsError:
                    return
                except OSError:  # a file system without hard links
                    if not db_path.exists():
                        os.rename(fresh, db_path)
            _fsync_dir(data_dir)
        except OSError as exc:
            raise StoreError(str(data_dir), f"cannot create the store ({_why(exc)})") from exc
        except sqlite3.Error as exc:
            reason = _sqlite_why(exc) or str(exc)
            raise StoreError(str(data_dir), f"cannot create the store ({reason})") from exc


_open_stores: weakref.WeakSet[Store] = weakref.WeakSet()


def open_here(data_dir: Path) -> bool:
    """True when this process has a store in ``data_dir`` open (it must close it before the
    store is converted to or from encryption)."""
    folder = os.path.realpath(data_dir)
    return any(
        not store.closed and os.path.realpath(store.data_dir) == folder
        for store in list(_open_stores)
    )


class Store:
    """An open VitiDesk store. Use :meth:`open`; close it with :meth:`close`."""

    def __init__(
        self,
        data_dir: Path,
        connection: sqlite3.Connection,
        readonly: bool,
        key: StoreKey | None = None,
    ) -> None:
        self.data_dir = data_dir
        self.readonly = readonly
        self.key = key  # the unlocked key of an encrypted store; None for a plain one
        self._conn = connection
        self._lock = threading.RLock()
        self._closed = False
        _open_stores.add(self)

    @property
    def encrypted(self) -> bool:
        return self.key is not None

    # -- opening -------------------------------------------------------------------------
    @classmethod
    def exists_in(cls, data_dir: Path) -> bool:
        return (data_dir / DB_NAME).is_file()

    @classmethod
    def open(
        cls,
        data_dir: Path,
        *,
        create: bool = True,
        readonly: bool = False,
        migrations: Sequence[str] = MIGRATIONS,
        key: StoreKey | None = None,
    ) -> Store:
        """Open (and, unless ``readonly``, check and migrate) the store in ``data_dir``. An
        encrypted store needs its ``key`` (:func:`vitidesk.storage.unlock.unlock_key`);
        without it, :class:`LockedStoreError`. A new store is always plain."""
        data_dir = Path(data_dir)
        db_path = data_dir / DB_NAME
        if data_dir.exists() and not data_dir.is_dir():
            raise StoreError(str(data_dir), "cannot create the data folder (it is a file)")
        if data_dir.is_dir():
            tidy(data_dir)
        if not db_path.is_file():
            if not create or readonly:
                if data_dir.is_dir():
                    _refuse_missing(data_dir)
                raise StoreError(str(data_dir), "no VitiDesk data in this folder")
            _create(data_dir, migrations)
        _refuse_empty(db_path)
        encrypted = is_encrypted(data_dir)
        if encrypted and key is None:
            raise LockedStoreError(str(data_dir), LOCKED)
        if key is not None and not encrypted:
            raise StoreError(str(data_dir), f"the data are not encrypted (no {KEYS_NAME})")
        writable_folder = os.access(data_dir, os.W_OK)
        if not readonly and not writable_folder:
            raise StoreError(
                str(data_dir),
                "the folder is read-only; VitiDesk needs to write there "
                "(`vitidesk check` and `vitidesk backup` can still read it)",
            )
        try:
            if readonly:
                # A read-only folder cannot take SQLite's shared-memory file: read it as is.
                mode = "ro" if writable_folder else "ro&immutable=1"
                uri = f"{db_path.absolute().as_uri()}?mode={mode}"
                conn = engine.connect(uri, key, uri=True, check_same_thread=False)
            else:
                conn = engine.connect(db_path, key, check_same_thread=False)
        except engine.Error as exc:
            reason = _sqlite_why(exc) or f"not a readable VitiDesk store ({exc})"
            raise StoreError(str(db_path), reason) from exc
        store = cls(data_dir, conn, readonly, key)
        try:
            store._configure()
            store._upgrade(migrations)
        except engine.DatabaseError as exc:
            store._closed = True
            conn.close()
            reason = _sqlite_why(exc) or f"not a readable VitiDesk store ({exc})"
            if key is not None and "not a database" in str(exc):
                reason = f"the database does not open with the key in {KEYS_NAME}; {RESTORE_HINT}"
            elif "not a database" in str(exc) and not engine.plain_header(db_path):
                reason += f"; if it was encrypted, its key file ({KEYS_NAME}) is missing"
            raise StoreError(str(db_path), reason) from exc
        except BaseException:
            store._closed = True
            conn.close()
            raise
        return store

    def _configure(self) -> None:
        self._conn.execute("PRAGMA busy_timeout = 5000")
        self._conn.execute("PRAGMA trusted_schema = OFF")
        self._conn.execute("PRAGMA foreign_keys = ON")
        if self.readonly:
            return
        try:
            verdict = [str(row[0]) for row in self._conn.execute("PRAGMA quick_check(3)")]
        except engine.DatabaseError as exc:
            if "not a database" in str(exc):
                raise  # not SQLite at all: said as such below
            verdict = [str(exc)]
        if verdict != ["ok"]:
            found = "; ".join(line for line in "\n".join(verdict).splitlines() if "***" not in line)
            raise StoreDamagedError(
                str(self.path),
                f"the database fails SQLite's quick check ({found[:120]}); VitiDesk will not "
                f"write to it: {RESTORE_HINT}",
            )
        self._conn.execute("PRAGMA journal_mode = WAL")
        self._conn.execute("PRAGMA synchronous = FULL")

    def _upgrade(self, migrations: Sequence[str]) -> None:
        current = self.schema_version
        known = len(migrations)
        if current > known:
            raise NewerSchemaError(
                str(self.data_dir / DB_NAME),
                f"written by a newer VitiDesk (data version {current}; this version reads up to "
                f"{known}). Install the newer VitiDesk to open it.",
            )
        if self.readonly or current == known:
            return
        with owning(self.data_dir, wait=OPEN_WAIT_S), self._lock:
            migrate_connection(self._conn, migrations)

    # -- use -----------------------------------------------------------------------------
    @property
    def schema_version(self) -> int:
        with self._lock:
            return int(self._conn.execute("PRAGMA user_version").fetchone()[0])

    @property
    def path(self) -> Path:
        return self.data_dir / DB_NAME

    def _write_error(self, exc: BaseException) -> StoreError | None:
        reason = _sqlite_why(exc)
        return StoreError(str(self.path), reason) if reason else None

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """Run the block's writes as one transaction: all of them land, or none. A full
        disk or a read-only folder is a :class:`StoreError` saying so."""
        if self.readonly:
            raise StoreError(str(self.path), "opened read-only")
        with self._lock:
            try:
                self._conn.execute("BEGIN IMMEDIATE")
            except engine.OperationalError as exc:
                error = self._write_error(exc)
                if error is None:
                    raise
                raise error from exc
            try:
                yield self._conn
                self._conn.execute("COMMIT")
            except BaseException as exc:
                with contextlib.suppress(*engine.Error):
                    self._conn.execute("ROLLBACK")
                if isinstance(exc, engine.OperationalError):
                    error = self._write_error(exc)
                    if error is not None:
                        raise error from exc
                raise

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        """A consistent view for several reads in a row."""
        with self._lock:
            yield self._conn

    def query(self, sql: str, params: Sequence[object] = ()) -> list[tuple]:
        with self._lock:
            return self._conn.execute(sql, params).fetchall()

    @property
    def closed(self) -> bool:
        return self._closed

    def close(self) -> None:
        """Close the store (a second call does nothing)."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
            if not self.readonly:
                with contextlib.suppress(*engine.Error):
                    self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
