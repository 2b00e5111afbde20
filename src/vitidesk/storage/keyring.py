"""The key of an encrypted store, and the small file that keeps it wrapped.

An encrypted store has one random 256-bit *data key*. The database key (SQLCipher) and the
files key (AES-256-GCM) are derived from it with HKDF, each for its own purpose. The data key
itself is never written down: ``vitidesk.keys`` in the data folder holds it twice, wrapped
(AES-256-GCM) by

- a key derived from the passphrase with Argon2id (about 0.5 s, so guessing is slow), and
- a key derived from the *recovery key* (160 random bits, shown once, printable) with HKDF.

Changing the passphrase rewraps the data key: one small file is replaced atomically, and
nothing else is re-encrypted. The key file is read as untrusted input (it may come from a
backup): its size, fields and Argon2 cost are bounded before anything is derived. No Qt.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hmac
import json
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path

from vitidesk.errors import UserError
from vitidesk.storage import crypto
from vitidesk.storage.crypto import Argon2Settings, FileCipher

KEYS_NAME = "vitidesk.keys"
KEYS_FORMAT = "vitidesk-keys"
KEYS_VERSION = 1
MAX_KEYS_BYTES = 64 * 1024  # ours is under 1 KB
MIN_PASSPHRASE_CHARS = 8
"""Why: shorter passphrases fall to guessing within days even at 0.5 s a guess."""
MAX_PASSPHRASE_CHARS = 1024  # a pasted key file or a whole page is a mistake, not a passphrase
RECOVERY_BYTES = 20  # 160 bits: 32 letters and digits, 8 groups of 4
_PASS_LABEL = b"vitidesk-keys/1/passphrase"
_RECOVERY_LABEL = b"vitidesk-keys/1/recovery"
_LOOKALIKES = str.maketrans({"0": "O", "1": "I", "8": "B"})


class KeyFileError(UserError):
    """The key file is missing, damaged or not one VitiDesk writes."""


class WrongPassphraseError(UserError):
    """Neither the passphrase nor the recovery key unwraps the data key."""


class PassphraseNeededError(UserError):
    """Something encrypted was to be opened, and no passphrase was given."""


def normal_passphrase(text: str) -> str:
    """The same passphrase typed on any system (Unicode NFC)."""
    return unicodedata.normalize("NFC", text)


def new_passphrase_problem(text: str) -> str | None:
    """Why ``text`` cannot be a new passphrase (None when it can): for the window's form."""
    if len(text.strip()) < MIN_PASSPHRASE_CHARS:
        return f"the passphrase needs at least {MIN_PASSPHRASE_CHARS} characters"
    if len(text) > MAX_PASSPHRASE_CHARS:
        return f"the passphrase can have at most {MAX_PASSPHRASE_CHARS} characters"
    return None


class StoreKey:
    """An unlocked store's keys (kept in memory only; never printed)."""

    __slots__ = ("_data", "database_key", "files", "key_id")

    def __init__(self, data_key: bytes) -> None:
        if len(data_key) != crypto.KEY_BYTES:
            raise ValueError("a data key has 32 bytes")
        self._data = data_key
        self.database_key = crypto.sub_key(data_key, "vitidesk sqlcipher database")
        self.files = FileCipher(crypto.sub_key(data_key, "vitidesk files aes-256-gcm"))
        self.key_id = crypto.sub_key(data_key, "vitidesk key id")[:8].hex()

    @classmethod
    def generate(cls) -> StoreKey:
        return cls(crypto.random_bytes(crypto.KEY_BYTES))

    @property
    def sqlcipher_pragma_value(self) -> str:
        """SQLCipher's raw-key form (no second key derivation inside SQLCipher)."""
        return f"\"x'{self.database_key.hex()}'\""

    def __repr__(self) -> str:
        return f"StoreKey(id={self.key_id})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, StoreKey) and hmac.compare_digest(self._data, other._data)

    def __hash__(self) -> int:
        return hash(self.key_id)


@dataclass(frozen=True)
class RecoveryKey:
    """The recovery key, shown once: it unlocks the store like the passphrase does."""

    secret: bytes

    @classmethod
    def generate(cls) -> RecoveryKey:
        return cls(crypto.random_bytes(RECOVERY_BYTES))

    @property
    def text(self) -> str:
        letters = base64.b32encode(self.secret).decode("ascii")
        return "-".join(letters[i : i + 4] for i in range(0, len(letters), 4))

    @classmethod
    def parse(cls, text: str) -> RecoveryKey | None:
        """The key typed back (any case, spaces or dashes, 0/1/8 for O/I/B), or None."""
        letters = "".join(ch for ch in text.upper() if ch not in " -\t\r\n").translate(_LOOKALIKES)
        if len(letters) != 32:
            return None
        try:
            secret = base64.b32decode(letters)
        except (binascii.Error, ValueError):
            return None
        return cls(secret)

    def printable(self, data_dir: Path, when: dt.datetime | None = None) -> str:
        """A sheet to print or write down and keep away from the computer."""
        when = when or dt.datetime.now().astimezone()
        return "\n".join(
            [
                "VitiDesk recovery key",
                "",
                f"    {self.text}",
                "",
                f"Made on {when:%d %B %Y} for the data folder {data_dir}.",
                "This key opens your VitiDesk data if you forget your passphrase.",
                "Keep this sheet in a safe place, away from the computer.",
                "Anyone who has this key can read your data. VitiDesk shows it only once.",
                "",
            ]
        )

    def __repr__(self) -> str:
        return "RecoveryKey(<hidden>)"


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


@dataclass(frozen=True)
class Slot:
    salt: bytes
    nonce: bytes
    wrapped: bytes


@dataclass(frozen=True)
class KeyFile:
    """What ``vitidesk.keys`` holds: the data key wrapped twice, and when it was set."""

    key_id: str
    created_at: str
    changed_at: str
    argon2: Argon2Settings
    passphrase: Slot
    recovery: Slot

    # -- writing -------------------------------------------------------------------------
    def to_bytes(self) -> bytes:
        settings = self.argon2
        payload = {
            "format": KEYS_FORMAT,
            "version": KEYS_VERSION,
            "key_id": self.key_id,
            "created_at": self.created_at,
            "changed_at": self.changed_at,
            "passphrase": {
                "kdf": "argon2id",
                "iterations": settings.iterations,
                "lanes": settings.lanes,
                "memory_kib": settings.memory_kib,
                "salt": _b64(self.passphrase.salt),
                "nonce": _b64(self.passphrase.nonce),
                "wrapped": _b64(self.passphrase.wrapped),
            },
            "recovery": {
                "kdf": "hkdf-sha256",
                "salt": _b64(self.recovery.salt),
                "nonce": _b64(self.recovery.nonce),
                "wrapped": _b64(self.recovery.wrapped),
            },
        }
        return (json.dumps(payload, indent=2) + "\n").encode("utf-8")

    # -- reading -------------------------------------------------------------------------
    @classmethod
    def from_bytes(cls, data: bytes, where: str = KEYS_NAME) -> KeyFile:
        if len(data) > MAX_KEYS_BYTES:
            raise KeyFileError(where, "the key file is implausibly large; not one VitiDesk wrote")
        try:
            raw = json.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            raise KeyFileError(where, "the key file is damaged (not valid JSON)") from None
        if not isinstance(raw, dict) or raw.get("format") != KEYS_FORMAT:
            raise KeyFileError(where, "not a VitiDesk key file")
        version = raw.get("version")
        if not isinstance(version, int) or version < 1:
            raise KeyFileError(where, "the key file has no valid version")
        if version > KEYS_VERSION:
            raise KeyFileError(
                where, "written by a newer VitiDesk; install the newer VitiDesk to open it"
            )
        try:
            words = raw["passphrase"]
            settings = Argon2Settings(
                iterations=_whole(words["iterations"]),
                lanes=_whole(words["lanes"]),
                memory_kib=_whole(words["memory_kib"]),
            )
            if words.get("kdf") != "argon2id" or raw["recovery"].get("kdf") != "hkdf-sha256":
                raise ValueError("kdf")
            key_file = cls(
                key_id=_text(raw["key_id"]),
                created_at=_text(raw.get("created_at", "")),
                changed_at=_text(raw.get("changed_at", "")),
                argon2=settings,
                passphrase=_slot(words),
                recovery=_slot(raw["recovery"]),
            )
        except (KeyError, TypeError, ValueError, AttributeError, binascii.Error):
            raise KeyFileError(where, "the key file is damaged (a field is missing)") from None
        if not settings.sane():
            raise KeyFileError(where, "the key file asks for key settings VitiDesk never uses")
        return key_file

    # -- unlocking -----------------------------------------------------------------------
    def unlock(self, secret: str) -> StoreKey | None:
        """The store's key from the passphrase or the recovery key; None if it is neither."""
        recovery = RecoveryKey.parse(secret)
        if recovery is not None:
            key = self._open(self.recovery, _recovery_kek(recovery, self.recovery.salt))
            if key is not None:
                return key
        kek = crypto.passphrase_key(normal_passphrase(secret), self.passphrase.salt, self.argon2)
        return self._open(self.passphrase, kek, _pass_label(self.argon2))

    def _open(self, slot: Slot, kek: bytes, label: bytes = _RECOVERY_LABEL) -> StoreKey | None:
        data_key = crypto.unwrap(kek, slot.nonce, slot.wrapped, label)
        if data_key is None or len(data_key) != crypto.KEY_BYTES:
            return None
        key = StoreKey(data_key)
        return key if hmac.compare_digest(key.key_id, self.key_id) else None

    def with_passphrase(
        self, key: StoreKey, passphrase: str, settings: Argon2Settings | None = None
    ) -> KeyFile:
        """The same data key wrapped by a new passphrase (the recovery key is kept)."""
        settings = settings or self.argon2
        return replace(
            self,
            argon2=settings,
            passphrase=_passphrase_slot(key, passphrase, settings),
            changed_at=_now(),
        )


def _whole(value: object) -> int:
    if type(value) is not int:
        raise ValueError("not a whole number")
    return value


def _text(value: object) -> str:
    if not isinstance(value, str) or len(value) > 100:
        raise ValueError("not short text")
    return value


def _slot(words: dict) -> Slot:
    slot = Slot(
        salt=base64.b64decode(_text(words["salt"]), validate=True),
        nonce=base64.b64decode(_text(words["nonce"]), validate=True),
        wrapped=base64.b64decode(_text(words["wrapped"]), validate=True),
    )
    if len(slot.nonce) != crypto.NONCE_BYTES or len(slot.salt) != crypto.SALT_BYTES:
        raise ValueError("bad sizes")
    return slot


def _now() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


def _pass_label(settings: Argon2Settings) -> bytes:
    """The passphrase slot's associated data: its Argon2 cost cannot be lowered unseen."""
    cost = f"/{settings.iterations}/{settings.lanes}/{settings.memory_kib}"
    return _PASS_LABEL + cost.encode("ascii")


def _recovery_kek(recovery: RecoveryKey, salt: bytes) -> bytes:
    return crypto.sub_key(recovery.secret, "vitidesk recovery key", salt)


def _passphrase_slot(key: StoreKey, passphrase: str, settings: Argon2Settings) -> Slot:
    salt = crypto.random_bytes(crypto.SALT_BYTES)
    kek = crypto.passphrase_key(normal_passphrase(passphrase), salt, settings)
    nonce, wrapped = crypto.wrap(kek, key._data, _pass_label(settings))
    return Slot(salt, nonce, wrapped)


def new_key_file(
    passphrase: str, settings: Argon2Settings | None = None
) -> tuple[KeyFile, StoreKey, RecoveryKey]:
    """A fresh data key, wrapped by ``passphrase`` and by a new recovery key."""
    problem = new_passphrase_problem(passphrase)
    if problem is not None:
        raise UserError("new passphrase", problem)
    settings = settings or Argon2Settings()
    key = StoreKey.generate()
    recovery = RecoveryKey.generate()
    salt = crypto.random_bytes(crypto.SALT_BYTES)
    nonce, wrapped = crypto.wrap(_recovery_kek(recovery, salt), key._data, _RECOVERY_LABEL)
    now = _now()
    key_file = KeyFile(
        key_id=key.key_id,
        created_at=now,
        changed_at=now,
        argon2=settings,
        passphrase=_passphrase_slot(key, passphrase, settings),
        recovery=Slot(salt, nonce, wrapped),
    )
    return key_file, key, recovery


def read_key_file(data_dir: Path) -> KeyFile:
    path = data_dir / KEYS_NAME
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_KEYS_BYTES + 1)
    except FileNotFoundError:
        raise KeyFileError(str(path), "the key file is missing") from None
    except OSError as exc:
        raise KeyFileError(str(path), f"cannot be read ({exc.strerror or exc})") from None
    return KeyFile.from_bytes(data, str(path))


def is_encrypted(data_dir: Path) -> bool:
    """True when ``data_dir`` holds an encrypted store (its key file is there)."""
    return (Path(data_dir) / KEYS_NAME).is_file()
