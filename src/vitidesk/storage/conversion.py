"""Turning encryption on or off in place, and changing the passphrase, crash-safe.

Turning it on (or off) builds the whole store in its new form in scratch inside the data
folder: the database through SQLCipher's export, every stored file read, checked against its
recorded checksum, sealed (or opened) and written, the register updated to the new bytes, the
key file beside them (only when encrypting). Nothing of the current data changes meanwhile.
Then the new entries are swapped in by renames (:mod:`vitidesk.storage.restore_swap`) and the
old ones deleted. A kill -9 before the swap leaves the old store whole (the next open removes
the scratch); one during the swap is finished by the next open: either way one complete
store, never a mix. Changing the passphrase replaces the small key file atomically.

Each runs while owning the data folder: refused while the app has it open in another process;
in the app's own process its store must be closed first (:func:`database.open_here`). The
demo profile is never encrypted. Plain bytes go only to memory, never to a file, when
encrypting; when decrypting, the plain copy is what the person asked for. No Qt here.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from vitidesk.errors import UserError
from vitidesk.storage import engine
from vitidesk.storage.atomic import (
    PRIVATE_FILE_MODE,
    _fsync_dir,
    atomic_write_bytes,
    ensure_private_dir,
)
from vitidesk.storage.backup_format import FREE_SPACE_MARGIN
from vitidesk.storage.crypto import Argon2Settings, SealedFileError, is_sealed
from vitidesk.storage.database import DB_NAME, Store, open_here, tidy
from vitidesk.storage.folder_lock import owning
from vitidesk.storage.keyring import (
    KEYS_NAME,
    RecoveryKey,
    StoreKey,
    is_encrypted,
    new_key_file,
    new_passphrase_problem,
    read_key_file,
)
from vitidesk.storage.restore_swap import swap_in
from vitidesk.storage.schema_check import schema_problems
from vitidesk.storage.scratch import Scratch
from vitidesk.storage.unlock import unlock_key

Progress = Callable[[int, int], None]  # (bytes done, bytes in all)
SIDECARS = ("-wal", "-shm", "-journal")


@dataclass(frozen=True)
class Registered:
    id: int
    relpath: str
    sha256: str
    size: int


def _refuse_demo(data_dir: Path) -> None:
    from vitidesk.storage.demo import is_demo_dir  # its sample-photo maker loads only here

    if is_demo_dir(data_dir):
        raise UserError(str(data_dir), "the demo profile holds sample data and is never encrypted")


def _refuse_open_here(data_dir: Path) -> None:
    if open_here(data_dir):
        raise UserError(str(data_dir), "the store is open; close it before converting it")


def _why(exc: OSError) -> str:
    if exc.errno == 28:
        return "the disk is full"
    return exc.strerror or str(exc)


# -- what is converted -----------------------------------------------------------------------
def _registered(conn) -> dict[str, Registered]:
    rows = conn.execute("SELECT id, relpath, sha256, size_bytes FROM files ORDER BY id")
    return {str(r[1]): Registered(int(r[0]), str(r[1]), str(r[2]), int(r[3])) for r in rows}


def _files_in(data_dir: Path, registered: dict[str, Registered]) -> list[str]:
    """Every file to convert: the registered ones, and any other non-hidden file in the
    folders that hold them (carried over in the new form too: nothing is dropped). An entry
    VitiDesk did not make is refused, so a swap can never delete something it did not copy."""
    tops = {relpath.split("/")[0] for relpath in registered}
    known = {DB_NAME, KEYS_NAME, *(DB_NAME + s for s in SIDECARS)}
    strange = sorted(
        name
        for name in os.listdir(data_dir)
        if not name.startswith(".") and name not in known and name not in tops
    )
    if strange:
        raise UserError(
            str(data_dir / strange[0]),
            "is not something VitiDesk stored; move it out of the data folder first "
            "(nothing was changed)",
        )
    found = set(registered)
    for top in tops:
        folder = data_dir / top
        if not folder.is_dir() or folder.is_symlink():
            continue
        for root, dirs, names in os.walk(folder):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            for name in names:
                if name.startswith("."):
                    continue  # an unfinished write a killed run left: not data
                path = Path(root, name)
                if path.is_file() and not path.is_symlink():
                    found.add(path.relative_to(data_dir).as_posix())
    return sorted(found)


def _check_space(data_dir: Path, needed: int) -> None:
    try:
        free = shutil.disk_usage(data_dir).free
    except OSError:
        return
    if free < needed + FREE_SPACE_MARGIN:
        raise UserError(
            str(data_dir),
            f"not enough free disk space to convert the data (it needs about "
            f"{(needed + FREE_SPACE_MARGIN) // 2**20} MB, {free // 2**20} MB are free); "
            "nothing was changed",
        )


def _write_private(path: Path, data: bytes) -> None:
    ensure_private_dir(path.parent)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def _converted(
    data_dir: Path,
    relpath: str,
    row: Registered | None,
    source: StoreKey | None,
    target: StoreKey | None,
) -> bytes:
    """One file in its new form, after checking it is the one recorded."""
    try:
        blob = (data_dir / relpath).read_bytes()
    except OSError as exc:
        raise UserError(
            relpath, f"cannot be read ({_why(exc)}); run `vitidesk check` (nothing was changed)"
        ) from None
    if row is not None and (
        len(blob) != row.size or hashlib.sha256(blob).hexdigest() != row.sha256
    ):
        raise UserError(
            relpath,
            "is damaged (its checksum differs from the one recorded); run `vitidesk check` "
            "(nothing was changed)",
        )
    plain = blob
    if source is not None and row is not None:
        plain = source.files.open(relpath, blob)
    elif source is not None and is_sealed(blob):  # not registered: opened if it opens
        with contextlib.suppress(SealedFileError):
            plain = source.files.open(relpath, blob)
    return plain if target is None else target.files.seal(relpath, plain)


# -- the conversion --------------------------------------------------------------------------
def _convert(
    data_dir: Path,
    source: StoreKey | None,
    target: StoreKey | None,
    key_file: bytes | None,
    progress: Progress | None,
) -> None:
    """Build the store in its new form in scratch, then swap it in (the old form deleted)."""
    db_path = data_dir / DB_NAME
    conn = engine.cipher_connect(db_path, source)
    try:
        registered = _registered(conn)
        files = _files_in(data_dir, registered)
        total = db_path.stat().st_size + sum(
            (data_dir / relpath).stat().st_size for relpath in files
        )
        _check_space(data_dir, total)
        scratch = Scratch(data_dir, "encrypt" if target is not None else "decrypt")
    except BaseException:
        conn.close()
        raise
    try:
        fresh = scratch.path / DB_NAME
        try:
            engine.export(conn, fresh, target)
        finally:
            conn.close()
        done = db_path.stat().st_size
        if progress is not None:
            progress(done, total)
        new = engine.connect(fresh, target)
        try:
            new.execute("BEGIN")
            for relpath in files:
                row = registered.get(relpath)
                data = _converted(data_dir, relpath, row, source, target)
                _write_private(scratch.path / relpath, data)
                if row is not None:
                    new.execute(
                        "UPDATE files SET sha256 = ?, size_bytes = ? WHERE id = ?",
                        (hashlib.sha256(data).hexdigest(), len(data), row.id),
                    )
                done += row.size if row is not None else len(data)
                if progress is not None:
                    progress(min(done, total), total)
            new.execute("COMMIT")
            _check_new(new, db_path)
            new.execute("PRAGMA journal_mode = DELETE")
        finally:
            new.close()
        os.chmod(fresh, PRIVATE_FILE_MODE)
        with open(fresh, "rb+") as handle:
            os.fsync(handle.fileno())
        if key_file is not None:
            _write_private(scratch.path / KEYS_NAME, key_file)
        for root, _dirs, _names in os.walk(scratch.path, topdown=False):
            _fsync_dir(Path(root))
        scratch.keep = True  # from here a crash is finished by the next open
        swap_in(data_dir, scratch.path, keep_previous=False)
    except OSError as exc:
        if not scratch.keep:
            raise UserError(
                str(exc.filename or data_dir),
                f"cannot convert the data ({_why(exc)}); nothing was changed",
            ) from None
        raise UserError(
            str(data_dir),
            f"the conversion stopped while swapping the data in ({_why(exc)}); VitiDesk "
            "finishes it the next time it opens this folder",
        ) from None
    finally:
        scratch.close()


def _check_new(conn, db_path: Path) -> None:
    """The converted database reads back whole and is shaped as VitiDesk makes it."""
    verdict = [str(row[0]) for row in conn.execute("PRAGMA quick_check(3)")]
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    problems = schema_problems(conn, version)
    if verdict != ["ok"] or problems:
        raise UserError(
            str(db_path),
            f"the converted database did not check out ({(problems or verdict)[0]}); "
            "nothing was changed",
        )


def encrypt_store(
    data_dir: Path,
    passphrase: str,
    *,
    progress: Progress | None = None,
    settings: Argon2Settings | None = None,
) -> tuple[StoreKey, RecoveryKey]:
    """Encrypt the store in ``data_dir`` (creating an empty one if there is none) with a new
    data key wrapped by ``passphrase``; return the key and the recovery key to show once."""
    data_dir = Path(data_dir).absolute()
    problem = new_passphrase_problem(passphrase)
    if problem is not None:
        raise UserError("new passphrase", problem)
    _refuse_demo(data_dir)
    _refuse_open_here(data_dir)
    if not data_dir.exists():
        try:
            ensure_private_dir(data_dir)
        except OSError as exc:
            raise UserError(str(data_dir), f"cannot create the folder ({_why(exc)})") from None
    with owning(data_dir, wait=0):
        tidy(data_dir)
        if is_encrypted(data_dir):
            raise UserError(str(data_dir), "the data are already encrypted")
        Store.open(data_dir).close()  # finishes cut-short work, migrates, refuses damage
        key_file, key, recovery = new_key_file(passphrase, settings)
        _convert(data_dir, None, key, key_file.to_bytes(), progress)
    return key, recovery


def decrypt_store(data_dir: Path, key: StoreKey, *, progress: Progress | None = None) -> None:
    """Turn encryption off: the store in ``data_dir`` becomes plain files again."""
    data_dir = Path(data_dir).absolute()
    _refuse_open_here(data_dir)
    with owning(data_dir, wait=0):
        tidy(data_dir)
        if not is_encrypted(data_dir):
            raise UserError(str(data_dir), "the data are not encrypted")
        Store.open(data_dir, key=key).close()  # the key fits; migrated; not damaged
        _convert(data_dir, key, None, None, progress)


def change_passphrase(data_dir: Path, secret: str, new_passphrase: str) -> StoreKey:
    """Wrap the data key with ``new_passphrase``; ``secret`` is the passphrase in force or
    the recovery key. Only the key file changes (atomically). Returns the store's key."""
    data_dir = Path(data_dir).absolute()
    problem = new_passphrase_problem(new_passphrase)
    if problem is not None:
        raise UserError("new passphrase", problem)
    with owning(data_dir, wait=0):
        tidy(data_dir)
        key_file = read_key_file(data_dir)
        key = unlock_key(data_dir, secret, key_file)
        atomic_write_bytes(
            data_dir / KEYS_NAME, key_file.with_passphrase(key, new_passphrase).to_bytes()
        )
    return key
