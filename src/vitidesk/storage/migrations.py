"""The store's schema, one forward-only step per version.

``PRAGMA user_version`` holds the version a store was last written with. Opening a store
runs every step above it, each in the same transaction as the version bump, so a store is
always at a whole version. Never edit a released step: add a new one.
"""

from __future__ import annotations

MIGRATIONS: tuple[str, ...] = (
    # 1: settings and the register of files kept under the data folder.
    """
    CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    CREATE TABLE files (
        id INTEGER PRIMARY KEY,
        relpath TEXT NOT NULL UNIQUE,
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        size_bytes INTEGER NOT NULL CHECK (size_bytes >= 0),
        added_at TEXT NOT NULL
    );
    """,
    # 2: what each file is for (photo, thumbnail, ...), and an optional owner profile.
    """
    ALTER TABLE files ADD COLUMN kind TEXT NOT NULL DEFAULT 'other';
    CREATE INDEX files_kind ON files (kind);
    CREATE TABLE profile (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        display_name TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL
    );
    """,
)

SCHEMA_VERSION = len(MIGRATIONS)
