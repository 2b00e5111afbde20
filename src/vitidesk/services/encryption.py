"""Encryption at rest: the one way the window and the commands turn it on or off, change the
passphrase and unlock a store. No Qt, no widgets: each call may run on a worker thread.

For the window:

- at start, :func:`is_encrypted` says whether to show the unlock screen; :func:`unlock`
  (about 0.5 s: run it off the GUI thread) gives the opened :class:`Store`, or raises a
  one-line :class:`WrongPassphraseError` after a pause that grows with each wrong try
  (:meth:`EncryptionService.next_pause` says how long the next one would be);
- :meth:`EncryptionService.enable`, :meth:`~EncryptionService.disable` and
  :meth:`~EncryptionService.change` with ``progress(done_bytes, total_bytes)``. The app's
  own store must be closed before ``enable`` or ``disable`` and opened again afterwards
  (with :attr:`Enabled.key` after ``enable``), whatever the outcome: on any error the data
  are as they were. ``change`` may run with the store open;
- :attr:`Enabled.recovery_text` is shown once; :meth:`Enabled.printable` is a sheet to print;
- photos and thumbnails come as bytes in memory from ``PhotosService`` (``image_bytes``,
  ``thumbnail_bytes``), never from a path, and nothing decrypted is written anywhere.

Exports (PDF, CSV, FHIR) are plain files by design: :data:`PLAIN_EXPORT_NOTE` says so. The
demo profile is never encrypted.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from vitidesk.storage.conversion import change_passphrase, decrypt_store, encrypt_store
from vitidesk.storage.crypto import Argon2Settings
from vitidesk.storage.database import Store, store_is_encrypted
from vitidesk.storage.keyring import (
    MIN_PASSPHRASE_CHARS,
    KeyFileError,
    PassphraseNeededError,
    RecoveryKey,
    StoreKey,
    WrongPassphraseError,
    new_passphrase_problem,
    read_key_file,
)
from vitidesk.storage.unlock import failed_tries, pause_after, unlock_key

Progress = Callable[[int, int], None]

PLAIN_EXPORT_NOTE = (
    "This file is not encrypted: anyone who opens it can read it. Keep it somewhere private."
)

__all__ = [
    "MIN_PASSPHRASE_CHARS",
    "PLAIN_EXPORT_NOTE",
    "Enabled",
    "EncryptionService",
    "EncryptionStatus",
    "KeyFileError",
    "PassphraseNeededError",
    "StoreKey",
    "WrongPassphraseError",
    "is_encrypted",
    "passphrase_problem",
    "unlock",
]


@dataclass(frozen=True)
class EncryptionStatus:
    encrypted: bool
    demo: bool = False
    key_id: str = ""
    created_at: str = ""  # when encryption was turned on (ISO 8601, local time)
    changed_at: str = ""  # when the passphrase was last set
    argon2: Argon2Settings | None = None


@dataclass(frozen=True)
class Enabled:
    """What turning encryption on gives back: the key to open the store with, and the
    recovery key to show the person once."""

    data_dir: Path
    key: StoreKey
    recovery_key: RecoveryKey

    @property
    def recovery_text(self) -> str:
        return self.recovery_key.text

    def printable(self) -> str:
        return self.recovery_key.printable(self.data_dir)


def is_encrypted(data_dir: Path) -> bool:
    """True when the store in ``data_dir`` is encrypted (finishing first any conversion or
    restore that a crash cut short)."""
    return store_is_encrypted(Path(data_dir))


def passphrase_problem(text: str) -> str | None:
    """Why ``text`` cannot be a new passphrase (for the form), or None."""
    return new_passphrase_problem(text)


def unlock(data_dir: Path, passphrase: str, *, readonly: bool = False) -> Store:
    """The encrypted store, opened with ``passphrase`` or the recovery key."""
    data_dir = Path(data_dir)
    key = unlock_key(data_dir, passphrase)
    return Store.open(data_dir, readonly=readonly, key=key)


class EncryptionService:
    """Encryption of one data folder."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = Path(data_dir).absolute()

    def _demo(self) -> bool:
        from vitidesk.storage.demo import is_demo_dir

        return is_demo_dir(self.data_dir)

    def is_encrypted(self) -> bool:
        return is_encrypted(self.data_dir)

    def status(self) -> EncryptionStatus:
        """Whether the store is encrypted, since when and how (no passphrase needed)."""
        if not self.is_encrypted():
            return EncryptionStatus(False, demo=self._demo())
        key_file = read_key_file(self.data_dir)
        return EncryptionStatus(
            True,
            key_id=key_file.key_id,
            created_at=key_file.created_at,
            changed_at=key_file.changed_at,
            argon2=key_file.argon2,
        )

    def unlock_key(self, passphrase: str) -> StoreKey:
        return unlock_key(self.data_dir, passphrase)

    def unlock(self, passphrase: str, *, readonly: bool = False) -> Store:
        return unlock(self.data_dir, passphrase, readonly=readonly)

    def next_pause(self) -> float:
        """Seconds the next wrong passphrase would wait (to tell the person)."""
        return pause_after(failed_tries(self.data_dir) + 1)

    def enable(
        self,
        new_passphrase: str,
        *,
        progress: Progress | None = None,
        settings: Argon2Settings | None = None,
    ) -> Enabled:
        """Encrypt the store (the app's store closed first); open it again with
        ``result.key``. The demo profile is refused."""
        key, recovery = encrypt_store(
            self.data_dir, new_passphrase, progress=progress, settings=settings
        )
        return Enabled(self.data_dir, key, recovery)

    def disable(self, passphrase: str | StoreKey, *, progress: Progress | None = None) -> None:
        """Decrypt the store (the app's store closed first); ``passphrase`` may be the key
        of the store the app had open."""
        key = passphrase if isinstance(passphrase, StoreKey) else self.unlock_key(passphrase)
        decrypt_store(self.data_dir, key, progress=progress)

    def change(self, passphrase: str, new_passphrase: str) -> StoreKey:
        """Set a new passphrase; ``passphrase`` is the one in force or the recovery key.
        Backups made before keep the passphrase they were made with."""
        return change_passphrase(self.data_dir, passphrase, new_passphrase)
