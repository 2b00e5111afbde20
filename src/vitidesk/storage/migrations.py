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
    # 3: the photo library: body sites and photos (each photo has its image and thumbnail
    # in the files register; light is "visible" or "uv" for Wood's lamp photos).
    """
    CREATE TABLE sites (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        builtin INTEGER NOT NULL DEFAULT 0,
        position INTEGER NOT NULL DEFAULT 100
    );
    INSERT INTO sites (name, builtin, position) VALUES
        ('Face', 1, 1), ('Neck', 1, 2), ('Hands', 1, 3), ('Feet', 1, 4),
        ('Trunk', 1, 5), ('Arms', 1, 6), ('Legs', 1, 7);
    CREATE TABLE photos (
        id INTEGER PRIMARY KEY,
        site_id INTEGER NOT NULL REFERENCES sites (id),
        file_id INTEGER NOT NULL UNIQUE REFERENCES files (id),
        thumb_file_id INTEGER NOT NULL UNIQUE REFERENCES files (id),
        taken_at TEXT NOT NULL,
        date_source TEXT NOT NULL CHECK (date_source IN ('exif', 'file', 'user')),
        light TEXT NOT NULL DEFAULT 'visible' CHECK (light IN ('visible', 'uv')),
        width INTEGER NOT NULL CHECK (width > 0),
        height INTEGER NOT NULL CHECK (height > 0),
        source_sha256 TEXT NOT NULL,
        original_name TEXT NOT NULL DEFAULT '',
        label TEXT NOT NULL DEFAULT '',
        imported_at TEXT NOT NULL
    );
    CREATE INDEX photos_site_date ON photos (site_id, taken_at);
    CREATE INDEX photos_source ON photos (source_sha256);
    """,
    # 4: wellbeing questionnaire responses (answers and flags as JSON text, taken_at as ISO
    # 8601 with its offset, taken_utc for ordering) and one unfinished draft per questionnaire.
    """
    CREATE TABLE responses (
        id INTEGER PRIMARY KEY,
        instrument TEXT NOT NULL,
        version TEXT NOT NULL,
        taken_at TEXT NOT NULL,
        taken_utc TEXT NOT NULL,
        answers TEXT NOT NULL,
        difficulty INTEGER,
        raw INTEGER NOT NULL CHECK (raw >= 0),
        percent INTEGER CHECK (percent IS NULL OR percent BETWEEN 0 AND 100),
        band TEXT NOT NULL,
        flags TEXT NOT NULL DEFAULT '[]',
        note TEXT NOT NULL DEFAULT '',
        recorded_at TEXT NOT NULL
    );
    CREATE INDEX responses_instrument_taken ON responses (instrument, taken_utc);
    CREATE TABLE response_drafts (
        instrument TEXT PRIMARY KEY,
        version TEXT NOT NULL,
        answers TEXT NOT NULL,
        position INTEGER NOT NULL CHECK (position >= 0),
        saved_at TEXT NOT NULL
    );
    """,
    # 5: the "vitiligo and me" diary: a 0-10 rating of how much vitiligo affected the week,
    # and a note. VitiDesk's own question, not a validated instrument.
    """
    CREATE TABLE diary (
        id INTEGER PRIMARY KEY,
        taken_at TEXT NOT NULL,
        rating INTEGER NOT NULL CHECK (rating BETWEEN 0 AND 10),
        note TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX diary_taken ON diary (taken_at);
    """,
    # 6: what was measured on a photo, kept with it: the region (an outline in the photo's
    # pixels, JSON; [] = the whole photo), the clicks and painted corrections (JSON), the
    # patch mask (a 1-bit PNG at the working size) and its share. Gone with its photo.
    """
    CREATE TABLE photo_measurements (
        photo_id INTEGER PRIMARY KEY REFERENCES photos (id) ON DELETE CASCADE,
        outline TEXT NOT NULL DEFAULT '[]',
        seeds TEXT NOT NULL DEFAULT '{}',
        fraction REAL CHECK (fraction IS NULL OR (fraction >= 0 AND fraction <= 1)),
        method TEXT NOT NULL CHECK (method IN ('automatic', 'seeded')),
        light TEXT NOT NULL CHECK (light IN ('visible', 'uv')),
        area_cm2 REAL,
        mask BLOB,
        saved_at TEXT NOT NULL
    );
    """,
)

SCHEMA_VERSION = len(MIGRATIONS)


def split_statements(script: str) -> list[str]:
    """Split a migration script into statements (the scripts hold no literal semicolons)."""
    return [part.strip() for part in script.split(";") if part.strip()]
