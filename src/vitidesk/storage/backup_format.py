"""The backup file: a ZIP holding the database, every stored file and a manifest of SHA-256
checksums; and the bounded, distrustful reading of one.

Nothing in a backup is believed before it is checked: the manifest's size and nesting are
limited before it is parsed, every entry's name must be one VitiDesk writes (never a runtime
or sidecar file such as ``-wal``, ``-shm`` or the lock), and every size is declared and
capped before a byte is unpacked, so a small crafted file cannot fill the disk.

A backup of an encrypted store has the same layout with ``"encrypted": true`` in its manifest
(format version 2): its database and files are the store's own encrypted bytes, and it holds
the store's key file (``vitidesk.keys``), so the passphrase in force when it was made (or the
recovery key) opens it. A plain backup stays format version 1. No Qt here.
"""

from __future__ import annotations

import hashlib
import json
import struct
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import IO, TypeGuard

from vitidesk.errors import UserError
from vitidesk.paths import RUNTIME_FILES

FORMAT_ID = "vitidesk-backup"
FORMAT_VERSION = 2  # the newest this version reads
PLAIN_FORMAT_VERSION = 1  # what a plain backup is written as (older VitiDesks read it)
ENCRYPTED_FORMAT_VERSION = 2
MANIFEST_NAME = "manifest.json"
DB_MEMBER = "vitidesk.sqlite3"  # the store's file name (storage.database.DB_NAME)
KEYS_MEMBER = "vitidesk.keys"  # the key file's name (storage.keyring.KEYS_NAME)
MAX_KEYS_BYTES = 64 * 1024  # storage.keyring.MAX_KEYS_BYTES
FILES_PREFIX = "files/"

MAX_TOTAL_BYTES = 20 * 1024**3  # refuse archives that would unpack to more than 20 GiB
MAX_MEMBERS = 200_000
MAX_MANIFEST_BYTES = 64 * 1024**2  # 200,000 entries take about 30 MB
MAX_MANIFEST_DEPTH = 4  # ours is 3 deep: the object, its member list, each member
MAX_DB_BYTES = 4 * 1024**3
MAX_FILE_BYTES = 1024**3  # the largest photo VitiDesk stores is well under this
MAX_RATIO = 64  # unpacked / packed size above which a large entry is refused as a bomb
RATIO_FROM = 64 * 1024**2  # smaller entries may compress well (an empty database does)
FREE_SPACE_MARGIN = 64 * 1024**2  # left free after a restore, for the store to keep working
SIDECAR_SUFFIXES = ("-wal", "-shm", "-journal")
_CAPS = {DB_MEMBER: MAX_DB_BYTES, KEYS_MEMBER: MAX_KEYS_BYTES}

CHUNK = 1 << 20
NOT_A_BACKUP = "not a VitiDesk backup"
ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError)


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
    left_out: tuple[str, ...] = field(default=())  # files a backup could not include, why
    encrypted: bool = False  # the store's encrypted bytes and its key file

    @property
    def total_bytes(self) -> int:
        return sum(member.size for member in self.members)

    @property
    def file_count(self) -> int:
        return sum(1 for member in self.members if member.path.startswith(FILES_PREFIX))


def refuse(path: Path, why: str) -> UserError:
    return UserError(str(path), why)


def zip_reason(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0]


# -- names -----------------------------------------------------------------------------------
def safe_member_name(name: str) -> bool:
    """A relative POSIX path with no '..', '.', empty parts, backslashes or drive letters."""
    if not name or "\\" in name or ":" in name or "\x00" in name or name.startswith("/"):
        return False
    rel = PurePosixPath(name)
    return not rel.is_absolute() and all(part not in ("", ".", "..") for part in name.split("/"))


def runtime_name(name: str) -> bool:
    """A file that belongs to a running store, never to a backup: the lock, the raise
    request, SQLite's write-ahead log, shared memory or rollback journal."""
    base = name.rsplit("/", 1)[-1]
    return base in RUNTIME_FILES or base.endswith(SIDECAR_SUFFIXES)


def stored_file_problem(relpath: str) -> str | None:
    """Why a file path inside the data folder is not one a backup may hold (None if it is)."""
    if not safe_member_name(relpath):
        return "an unsafe path (absolute or with '..')"
    parts = relpath.split("/")
    if any(part.startswith(".") for part in parts):
        return "a hidden name, which VitiDesk never stores"
    if parts[0].startswith(DB_MEMBER):
        return "the name of the database itself"
    if parts[0] == KEYS_MEMBER:
        return "the name of the key file"
    if runtime_name(relpath):
        return "a runtime or sidecar file (lock, -wal, -shm), which a backup never holds"
    return None


# -- the manifest ----------------------------------------------------------------------------
def json_depth(text: str) -> int:
    """How deeply ``text``'s arrays and objects nest (strings skipped), without parsing."""
    depth = deepest = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth -= 1
    return deepest


def _whole(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def _member_from(entry: object) -> Member | None:
    if not isinstance(entry, dict):
        return None
    name, size, sha = entry.get("path"), entry.get("size"), entry.get("sha256")
    if not isinstance(name, str) or not safe_member_name(name):
        return None
    if not _whole(size) or size < 0:
        return None
    if not isinstance(sha, str) or len(sha) != 64 or any(c not in "0123456789abcdef" for c in sha):
        return None
    return Member(name, size, sha)


def read_member(path: Path, archive: zipfile.ZipFile, name: str, limit: int) -> bytes:
    try:
        with archive.open(name) as source:
            data = source.read(limit + 1)
    except ZIP_ERRORS as exc:
        raise refuse(path, f"{name} is damaged ({zip_reason(exc)})") from None
    if len(data) > limit:
        raise refuse(path, f"{name} is implausibly large; refused as unsafe")
    return data


def open_zip(path: Path) -> zipfile.ZipFile:
    if not path.is_file():
        raise refuse(path, "no such backup file")
    try:
        return zipfile.ZipFile(path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError):
        raise refuse(path, f"{NOT_A_BACKUP} (not a ZIP file, or cut short)") from None


def _parse_manifest(path: Path, data: bytes) -> dict:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise refuse(path, f"{NOT_A_BACKUP} ({MANIFEST_NAME} is not valid JSON)") from None
    if json_depth(text) > MAX_MANIFEST_DEPTH:
        raise refuse(path, f"{MANIFEST_NAME} is nested far deeper than a VitiDesk manifest")
    try:
        raw = json.loads(text)
    except (json.JSONDecodeError, RecursionError):
        raise refuse(path, f"{NOT_A_BACKUP} ({MANIFEST_NAME} is not valid JSON)") from None
    if not isinstance(raw, dict) or raw.get("format") != FORMAT_ID:
        raise refuse(path, f"{NOT_A_BACKUP} (its manifest is of another format)")
    return raw


def read_manifest(path: Path, archive: zipfile.ZipFile) -> Manifest:
    infos = archive.infolist()
    if len(infos) > MAX_MEMBERS:
        raise refuse(path, f"too many entries ({len(infos)}); refused as unsafe")
    names = [info.filename for info in infos]
    if len(set(names)) != len(names):
        raise refuse(path, "an entry appears twice; refused as unsafe")
    for name in names:
        if not safe_member_name(name):
            raise refuse(path, f"unsafe entry {name!r} (absolute path or '..'); refused")
    if MANIFEST_NAME not in names:
        raise refuse(path, f"{NOT_A_BACKUP} (no {MANIFEST_NAME})")
    if archive.getinfo(MANIFEST_NAME).file_size > MAX_MANIFEST_BYTES:
        raise refuse(path, f"{MANIFEST_NAME} is implausibly large; refused as unsafe")
    raw = _parse_manifest(path, read_member(path, archive, MANIFEST_NAME, MAX_MANIFEST_BYTES))
    version = raw.get("format_version")
    if not _whole(version) or version < 1:
        raise refuse(path, "the manifest has no valid format version")
    if version > FORMAT_VERSION:
        raise refuse(
            path,
            f"made by a newer VitiDesk (backup format {version}; this version reads up to "
            f"{FORMAT_VERSION}). Install the newer VitiDesk to restore it.",
        )
    schema = raw.get("schema_version")
    entries = raw.get("members")
    if not _whole(schema) or not isinstance(entries, list):
        raise refuse(path, "the manifest is incomplete (no data version or member list)")
    members: list[Member] = []
    for entry in entries:
        member = _member_from(entry)
        if member is None:
            raise refuse(path, "the manifest lists an entry without a valid path, size, checksum")
        members.append(member)
    encrypted = raw.get("encrypted", False)
    if not isinstance(encrypted, bool) or (encrypted and version < ENCRYPTED_FORMAT_VERSION):
        raise refuse(path, "the manifest's encryption flag is not valid")
    left_out = raw.get("left_out", [])
    if not isinstance(left_out, list) or not all(isinstance(x, str) for x in left_out):
        left_out = []
    return Manifest(
        format_version=version,
        created_at=str(raw.get("created_at", "")),
        app_version=str(raw.get("app_version", "")),
        schema_version=schema,
        members=tuple(members),
        left_out=tuple(item[:300] for item in left_out[:1000]),
        encrypted=encrypted,
    )


# -- the member list -------------------------------------------------------------------------
def _size_problem(info: zipfile.ZipInfo, cap: int) -> str | None:
    if info.file_size > cap:
        return "is larger than anything VitiDesk stores; refused as unsafe"
    packed = max(info.compress_size, 1)
    if info.file_size > RATIO_FROM and info.file_size > MAX_RATIO * packed:
        return "would unpack to far more than it takes in the backup (a zip bomb); refused"
    return None


def check_member_list(path: Path, archive: zipfile.ZipFile, manifest: Manifest) -> None:
    """Names, sizes and limits, all from the ZIP's directory: nothing is unpacked yet."""
    listed = [member.path for member in manifest.members]
    if len(set(listed)) != len(listed):
        raise refuse(path, "the manifest lists an entry twice")
    if DB_MEMBER not in listed:
        raise refuse(path, f"the manifest does not list the database ({DB_MEMBER})")
    if manifest.encrypted and KEYS_MEMBER not in listed:
        raise refuse(path, f"the backup is encrypted but holds no key file ({KEYS_MEMBER})")
    for name in [*listed, *archive.namelist()]:
        if runtime_name(name):
            raise refuse(path, f"{name} is a runtime or sidecar file, which a backup never holds")
    for name in listed:
        if name == DB_MEMBER or (name == KEYS_MEMBER and manifest.encrypted):
            continue
        if not name.startswith(FILES_PREFIX):
            raise refuse(path, f"the manifest lists an unexpected entry {name!r}")
        problem = stored_file_problem(name[len(FILES_PREFIX) :])
        if problem is not None:
            raise refuse(path, f"{name} has {problem}; refused")
    present = set(archive.namelist()) - {MANIFEST_NAME}
    for name in listed:
        if name not in present:
            raise refuse(path, f"{name} is listed in the manifest but missing from the backup")
    extra = sorted(present - set(listed))
    if extra:
        raise refuse(path, f"{extra[0]} is in the backup but not listed in its manifest; refused")
    if manifest.total_bytes > MAX_TOTAL_BYTES:
        raise refuse(path, "would unpack to more than 20 GB; refused as unsafe")
    for member in manifest.members:
        info = archive.getinfo(member.path)
        if info.file_size != member.size:
            raise refuse(path, f"{member.path} has a different size than its manifest says")
        problem = _size_problem(info, _CAPS.get(member.path, MAX_FILE_BYTES))
        if problem is not None:
            raise refuse(path, f"{member.path} {problem}")


# -- streaming -------------------------------------------------------------------------------
def stream_member(
    path: Path,
    archive: zipfile.ZipFile,
    member: Member,
    target: IO[bytes] | None,
    progress: Callable[[int], None] | None = None,
) -> None:
    """Copy one member (to ``target`` if given), never more than its declared size, and
    check its size and SHA-256 on the way."""
    digest = hashlib.sha256()
    size = 0
    try:
        with archive.open(member.path) as source:
            while chunk := source.read(CHUNK):
                size += len(chunk)
                if size > member.size:
                    break
                digest.update(chunk)
                if target is not None:
                    target.write(chunk)
                if progress is not None:
                    progress(len(chunk))
    except ZIP_ERRORS as exc:
        raise refuse(path, f"{member.path} is damaged ({zip_reason(exc)})") from None
    if size != member.size:
        raise refuse(path, f"{member.path} has a different size than its manifest says")
    if digest.hexdigest() != member.sha256:
        raise refuse(path, f"{member.path} is damaged (checksum differs from the manifest)")


_LOCAL_HEADER = struct.Struct("<4s5H3L2H")  # a ZIP local file header, before name and extra
_UTF8_NAME = 0x800


def stored_span(handle: IO[bytes], info: zipfile.ZipInfo) -> tuple[int, int] | None:
    """Where an uncompressed member's bytes lie in the archive (offset, length), checked as
    :mod:`zipfile` checks them; None for a compressed or encrypted member. Reading them
    directly skips ZIP's CRC-32, which the member's SHA-256 makes redundant."""
    if info.compress_type != zipfile.ZIP_STORED or info.flag_bits & 0x1:
        return None
    if info.compress_size != info.file_size:
        raise zipfile.BadZipFile("stored entry with a packed size unlike its size")
    handle.seek(info.header_offset)
    raw = handle.read(_LOCAL_HEADER.size)
    if len(raw) != _LOCAL_HEADER.size:
        raise zipfile.BadZipFile("Truncated file header")
    fields = _LOCAL_HEADER.unpack(raw)
    if fields[0] != b"PK\x03\x04":
        raise zipfile.BadZipFile("Bad magic number for file header")
    name_length, extra_length = fields[9], fields[10]
    name = handle.read(name_length)
    text = name.decode("utf-8" if fields[2] & _UTF8_NAME else "cp437", "replace")
    if text != info.orig_filename:
        raise zipfile.BadZipFile(f"File name in directory and header differ ({text!r})")
    return info.header_offset + _LOCAL_HEADER.size + name_length + extra_length, info.file_size


def copy_span(
    path: Path,
    source: IO[bytes],
    member: Member,
    span: tuple[int, int],
    target: IO[bytes],
    progress: Callable[[int], None] | None = None,
) -> None:
    """Copy a stored member's bytes to ``target``, checking size and SHA-256 on the way."""
    offset, length = span
    digest = hashlib.sha256()
    source.seek(offset)
    left = length
    while left:
        chunk = source.read(min(CHUNK, left))
        if not chunk:
            raise refuse(path, f"{member.path} is damaged (the backup is cut short)")
        left -= len(chunk)
        digest.update(chunk)
        target.write(chunk)
        if progress is not None:
            progress(len(chunk))
    if length != member.size:
        raise refuse(path, f"{member.path} has a different size than its manifest says")
    if digest.hexdigest() != member.sha256:
        raise refuse(path, f"{member.path} is damaged (checksum differs from the manifest)")
