"""The cryptography an encrypted store uses, all of it from the ``cryptography`` library.

Nothing is hand-rolled here: keys come from the operating system's random source, a key is
derived from a passphrase with Argon2id and from another key with HKDF-SHA256, and data are
sealed with AES-256-GCM (confidential and tamper-evident). A sealed file is
``MAGIC | nonce (12 bytes) | ciphertext | tag (16 bytes)``; its path inside the data folder
is bound to it (associated data), so a sealed photo cannot be passed off as another one.
The database itself is encrypted by SQLCipher (:mod:`vitidesk.storage.engine`). No Qt here.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from vitidesk.errors import UserError

KEY_BYTES = 32  # AES-256
NONCE_BYTES = 12  # GCM's standard nonce; random, one key seals far fewer than 2**32 items
SALT_BYTES = 16
MAGIC = b"VDX1"  # "VitiDesk sealed file, format 1": never an image or SQLite header
SEAL_OVERHEAD = len(MAGIC) + NONCE_BYTES + 16


@dataclass(frozen=True)
class Argon2Settings:
    """Argon2id's cost. The defaults take about 0.5 s on a 2-core laptop (measured in
    benchmarks/encryption.py): slow for someone guessing, unnoticed by the person."""

    iterations: int = 5
    lanes: int = 4
    memory_kib: int = 64 * 1024

    # Bounds for settings read from a key file (it may come from an untrusted backup):
    # never so low that guessing is cheap, never so high that opening it exhausts memory.
    MIN_MEMORY_KIB = 8 * 1024
    MAX_MEMORY_KIB = 1024 * 1024
    MAX_ITERATIONS = 64
    MAX_LANES = 16

    def sane(self) -> bool:
        return (
            1 <= self.iterations <= self.MAX_ITERATIONS
            and 1 <= self.lanes <= self.MAX_LANES
            and self.MIN_MEMORY_KIB <= self.memory_kib <= self.MAX_MEMORY_KIB
            and self.memory_kib >= 8 * self.lanes
        )


class SealedFileError(UserError):
    """A sealed file that does not open with this store's key (damaged, or another's)."""


def random_bytes(count: int) -> bytes:
    return os.urandom(count)


def passphrase_key(passphrase: str, salt: bytes, settings: Argon2Settings) -> bytes:
    """A 256-bit key from a passphrase (Argon2id; the text is used exactly as given)."""
    kdf = Argon2id(
        salt=salt,
        length=KEY_BYTES,
        iterations=settings.iterations,
        lanes=settings.lanes,
        memory_cost=settings.memory_kib,
    )
    return kdf.derive(passphrase.encode("utf-8"))


def sub_key(secret: bytes, purpose: str, salt: bytes | None = None) -> bytes:
    """A 256-bit key for one purpose from a high-entropy secret (HKDF-SHA256)."""
    kdf = HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=salt, info=purpose.encode())
    return kdf.derive(secret)


def wrap(kek: bytes, secret: bytes, label: bytes) -> tuple[bytes, bytes]:
    """``secret`` sealed under ``kek`` (AES-256-GCM, ``label`` bound): (nonce, wrapped)."""
    nonce = random_bytes(NONCE_BYTES)
    return nonce, AESGCM(kek).encrypt(nonce, secret, label)


def unwrap(kek: bytes, nonce: bytes, wrapped: bytes, label: bytes) -> bytes | None:
    """The secret, or None when ``kek`` is not the one it was wrapped with."""
    try:
        return AESGCM(kek).decrypt(nonce, wrapped, label)
    except (InvalidTag, ValueError):
        return None


class FileCipher:
    """Seals and opens the store's files (photos, thumbnails) with one AES-256-GCM key."""

    __slots__ = ("_aead",)

    def __init__(self, key: bytes) -> None:
        self._aead = AESGCM(key)

    def __repr__(self) -> str:
        return "FileCipher(<key hidden>)"

    @staticmethod
    def _label(relpath: str) -> bytes:
        return MAGIC + relpath.encode("utf-8")

    def seal(self, relpath: str, data: bytes) -> bytes:
        nonce = random_bytes(NONCE_BYTES)
        return MAGIC + nonce + self._aead.encrypt(nonce, data, self._label(relpath))

    def open(self, relpath: str, blob: bytes) -> bytes:
        """The plain bytes of a sealed file, or a one-line :class:`SealedFileError`."""
        if len(blob) < SEAL_OVERHEAD or not blob.startswith(MAGIC):
            raise SealedFileError(relpath, "is not an encrypted VitiDesk file")
        nonce = blob[len(MAGIC) : len(MAGIC) + NONCE_BYTES]
        try:
            return self._aead.decrypt(nonce, blob[len(MAGIC) + NONCE_BYTES :], self._label(relpath))
        except InvalidTag:
            why = "cannot be decrypted (damaged, or not from this store); run `vitidesk check`"
            raise SealedFileError(relpath, why) from None


def is_sealed(head: bytes) -> bool:
    return head.startswith(MAGIC)
