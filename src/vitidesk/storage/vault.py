"""Files kept beside the database (photos, thumbnails), written atomically and registered.

Each file is written under the data folder with a temp-file-then-rename, then recorded in
the ``files`` table with its SHA-256 and size, which ``vitidesk check`` verifies later.

In an encrypted store every file is sealed (AES-256-GCM, :mod:`vitidesk.storage.crypto`)
before it is written, and the register records the sealed bytes as they lie on disk, so
checks, backups and restores work on both kinds of store alike. :meth:`FileVault.read`
gives a file's plain bytes, in memory only: nothing decrypted is ever written to disk.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from vitidesk.errors import UserError
from vitidesk.storage.atomic import atomic_write_bytes, ensure_private_dir
from vitidesk.storage.backup_format import stored_file_problem
from vitidesk.storage.database import Store

_HASH_CHUNK = 1 << 20


@dataclass(frozen=True)
class StoredFile:
    id: int
    relpath: str
    sha256: str
    size_bytes: int
    kind: str


@dataclass(frozen=True)
class Staged:
    """A file written but not registered yet: what lies on disk (sealed, if encrypted)."""

    relpath: str
    sha256: str
    size_bytes: int


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_HASH_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _checked_relpath(relpath: str) -> PurePosixPath:
    rel = PurePosixPath(relpath)
    if rel.is_absolute() or not rel.parts or any(p in ("", ".", "..") for p in rel.parts):
        raise UserError(relpath, "not a safe path inside the data folder")
    return rel


class FileVault:
    """The files of one store."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.root = store.data_dir

    def path_of(self, relpath: str) -> Path:
        return self.root.joinpath(*_checked_relpath(relpath).parts)

    def add(self, relpath: str, data: bytes, kind: str = "other") -> StoredFile:
        """Write ``data`` to ``relpath`` and register it, or leave no trace if either fails."""
        staged = self.stage(relpath, data)
        try:
            with self.store.transaction() as conn:
                file_id = self.register(conn, staged, kind)
        except BaseException:
            self.discard(relpath)
            raise
        return StoredFile(file_id, relpath, staged.sha256, staged.size_bytes, kind)

    def read(self, relpath: str) -> bytes:
        """The file's plain bytes (decrypted in memory in an encrypted store)."""
        blob = self.path_of(relpath).read_bytes()
        key = self.store.key
        return blob if key is None else key.files.open(relpath, blob)

    # -- several files in one transaction (a photo and its thumbnail) -------------------
    def stage(self, relpath: str, data: bytes) -> Staged:
        """Write a file that is not registered yet (sealed in an encrypted store); register
        it with :meth:`register` inside the caller's transaction, or remove it with
        :meth:`discard` if that fails."""
        problem = stored_file_problem(relpath)
        if problem is not None:  # the same rule a restore applies: never a sidecar or hidden
            raise UserError(relpath, f"{problem}; not stored")
        target = self.path_of(relpath)
        ensure_private_dir(target.parent)
        if target.exists():
            raise UserError(relpath, "a file of that name is already in the data folder")
        key = self.store.key
        stored = data if key is None else key.files.seal(relpath, data)
        atomic_write_bytes(target, stored)
        return Staged(relpath, hashlib.sha256(stored).hexdigest(), len(stored))

    @staticmethod
    def register(conn, staged: Staged, kind: str) -> int:
        added = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        cursor = conn.execute(
            "INSERT INTO files (relpath, sha256, size_bytes, added_at, kind) "
            "VALUES (?, ?, ?, ?, ?)",
            (staged.relpath, staged.sha256, staged.size_bytes, added, kind),
        )
        return int(cursor.lastrowid)

    def discard(self, *relpaths: str) -> None:
        for relpath in relpaths:
            self.path_of(relpath).unlink(missing_ok=True)

    def all(self) -> list[StoredFile]:
        rows = self.store.query(
            "SELECT id, relpath, sha256, size_bytes, kind FROM files ORDER BY id"
        )
        return [StoredFile(*row) for row in rows]
