"""The database engines: Python's own sqlite3 for a plain store, SQLCipher for an encrypted one.

SQLCipher (the ``sqlcipher3`` binding, SQLCipher built in) is loaded only when an encrypted
store is first touched, so a plain store starts as fast as before. Its errors are classes of
their own; :data:`Error`, :data:`DatabaseError` and :data:`OperationalError` name both
engines' classes once SQLCipher is loaded. Catch them as ``except engine.Error`` (looked up
when the exception is caught), never ``from engine import Error``, which would keep the
tuple from before SQLCipher loaded. An encrypted database is keyed with the raw 256-bit key
(no second key derivation inside SQLCipher) and keeps its temporary tables in memory. No Qt.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from vitidesk.storage.keyring import StoreKey

Connection = sqlite3.Connection  # what both engines' connections look like to the code
PLAIN_HEADER = b"SQLite format 3\x00"

Error: tuple[type[Exception], ...] = (sqlite3.Error,)
DatabaseError: tuple[type[Exception], ...] = (sqlite3.DatabaseError,)
OperationalError: tuple[type[Exception], ...] = (sqlite3.OperationalError,)

_cipher_module: ModuleType | None = None
_loading = threading.Lock()


def cipher_module() -> ModuleType:
    """SQLCipher's DB-API module, loaded on first use (its own logging to stderr off)."""
    global _cipher_module, Error, DatabaseError, OperationalError
    with _loading:
        if _cipher_module is None:
            from sqlcipher3 import dbapi2

            probe = dbapi2.connect(":memory:")
            try:
                probe.execute("PRAGMA cipher_log_level = NONE")  # errors are told in one line
            finally:
                probe.close()
            Error = (sqlite3.Error, dbapi2.Error)
            DatabaseError = (sqlite3.DatabaseError, dbapi2.DatabaseError)
            OperationalError = (sqlite3.OperationalError, dbapi2.OperationalError)
            _cipher_module = dbapi2
        return _cipher_module


def connect(
    target: str | Path,
    key: StoreKey | None = None,
    *,
    uri: bool = False,
    check_same_thread: bool = True,
) -> Any:
    """A connection in autocommit mode (the caller runs its own transactions)."""
    if key is None:
        return sqlite3.connect(
            target, uri=uri, isolation_level=None, check_same_thread=check_same_thread
        )
    module = cipher_module()
    conn = module.connect(
        str(target), uri=uri, isolation_level=None, check_same_thread=check_same_thread
    )
    try:
        conn.execute(f"PRAGMA key = {key.sqlcipher_pragma_value}")
        conn.execute("PRAGMA temp_store = MEMORY")  # no temporary file, even encrypted
    except BaseException:
        conn.close()
        raise
    return conn


def cipher_connect(target: str | Path, key: StoreKey | None) -> Any:
    """A SQLCipher connection even to a plain database (which it reads like SQLite does):
    what :func:`export` needs on either side of a conversion."""
    conn = cipher_module().connect(str(target), isolation_level=None)
    try:
        if key is not None:
            conn.execute(f"PRAGMA key = {key.sqlcipher_pragma_value}")
        conn.execute("PRAGMA temp_store = MEMORY")
    except BaseException:
        conn.close()
        raise
    return conn


def is_connection(value: object) -> bool:
    if isinstance(value, sqlite3.Connection):
        return True
    return _cipher_module is not None and isinstance(value, _cipher_module.Connection)


def export(source: Any, target: Path, key: StoreKey | None) -> None:
    """Copy the database open in ``source`` (a SQLCipher connection) into a new file,
    encrypted with ``key`` or plain when None: SQLCipher's own ``sqlcipher_export``, which
    keeps every table, index and the schema text. The data version is copied too."""
    value = key.sqlcipher_pragma_value if key is not None else "''"
    version = int(source.execute("PRAGMA user_version").fetchone()[0])
    source.execute(f"ATTACH DATABASE ? AS converted KEY {value}", (str(target),))
    try:
        source.execute("SELECT sqlcipher_export('converted')")
        source.execute(f"PRAGMA converted.user_version = {version:d}")
    finally:
        source.execute("DETACH DATABASE converted")


def plain_header(path: Path) -> bool:
    """True when the file starts as every plain SQLite database does."""
    try:
        with path.open("rb") as handle:
            return handle.read(len(PLAIN_HEADER)) == PLAIN_HEADER
    except OSError:
        return False
