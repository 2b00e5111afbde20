"""The private SQLite store: one file in the data folder, versioned and migrated forward.

Every write runs in one transaction (:meth:`Store.transaction`). The database runs in WAL
mode with foreign keys on. A store written by a newer VitiDesk is refused with a clear
message rather than opened and silently damaged.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from vitidesk.errors import UserError
from vitidesk.storage.atomic import PRIVATE_FILE_MODE, ensure_private_dir
from vitidesk.storage.migrations import MIGRATIONS

DB_NAME = "vitidesk.sqlite3"


class StoreError(UserError):
    """The store cannot be opened or used."""


class NewerSchemaError(StoreError):
    """The store was written by a newer VitiDesk than this one."""


def _create_private_file(path: Path) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE)
    os.close(fd)
    if os.name == "posix":
        os.chmod(path, PRIVATE_FILE_MODE)


class Store:
    """An open VitiDesk store. Use :meth:`open`; close it with :meth:`close`."""

    def __init__(self, data_dir: Path, connection: sqlite3.Connection, readonly: bool) -> None:
        self.data_dir = data_dir
        self.readonly = readonly
        self._conn = connection
        self._lock = threading.RLock()
        self._closed = False

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
    ) -> Store:
        """Open (and, unless ``readonly``, migrate) the store in ``data_dir``."""
        db_path = data_dir / DB_NAME
        if not db_path.is_file():
            if not create or readonly:
                raise StoreError(str(data_dir), "no VitiDesk data in this folder")
            try:
                ensure_private_dir(data_dir)
                _create_private_file(db_path)
            except OSError as exc:
                raise StoreError(
                    str(data_dir), f"cannot create the data folder ({exc.strerror})"
                ) from exc
        try:
            if readonly:
                uri = db_path.absolute().as_uri() + "?mode=ro"
                conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
            else:
                conn = sqlite3.connect(db_path, isolation_level=None, check_same_thread=False)
            store = cls(data_dir, conn, readonly)
            store._configure()
            store._upgrade(migrations)
        except sqlite3.DatabaseError as exc:
            raise StoreError(str(db_path), f"not a readable VitiDesk store ({exc})") from exc
        return store

    def _configure(self) -> None:
        self._conn.execute("PRAGMA busy_timeout = 5000")
        self._conn.execute("PRAGMA foreign_keys = ON")
        if not self.readonly:
            self._conn.execute("PRAGMA journal_mode = WAL")
            self._conn.execute("PRAGMA synchronous = FULL")

    def _upgrade(self, migrations: Sequence[str]) -> None:
        current = self.schema_version
        known = len(migrations)
        if current > known:
            self._conn.close()
            raise NewerSchemaError(
                str(self.data_dir / DB_NAME),
                f"written by a newer VitiDesk (data version {current}; this version reads up to "
                f"{known}). Install the newer VitiDesk to open it.",
            )
        if self.readonly:
            return
        for version in range(current + 1, known + 1):
            with self.transaction() as conn:
                for statement in _split_statements(migrations[version - 1]):
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {version:d}")

    # -- use -----------------------------------------------------------------------------
    @property
    def schema_version(self) -> int:
        with self._lock:
            return int(self._conn.execute("PRAGMA user_version").fetchone()[0])

    @property
    def path(self) -> Path:
        return self.data_dir / DB_NAME

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """Run the block's writes as one transaction: all of them land, or none."""
        if self.readonly:
            raise StoreError(str(self.path), "opened read-only")
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

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
                self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def _split_statements(script: str) -> list[str]:
    """Split a migration script into statements (the scripts hold no literal semicolons)."""
    return [part.strip() for part in script.split(";") if part.strip()]
