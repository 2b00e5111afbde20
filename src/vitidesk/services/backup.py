"""Backup, verify and restore: the one way the window and the commands reach them.

The window runs each call on a worker thread (none of them touches a widget) and reports
``progress(done_bytes, total_bytes)``. A restore has two steps so the person can see what
it changes before it happens: :meth:`BackupService.prepare_restore` checks the backup and
returns a plan whose ``preview`` holds the counts and the settings that would change (the
local crisis number among them); :meth:`BackupService.restore` carries it out, or
:meth:`BackupService.discard` drops it. The app's own store must be closed before
``restore`` and opened again afterwards, whatever the outcome: on any error the previous
data are untouched. Commands use :meth:`BackupService.restore_file`, which does it all
while owning the folder.

A backup of an encrypted store is encrypted (the store passed in must be open with its key).
Restoring or fully verifying an encrypted backup needs the passphrase it was made with (or
its recovery key): ask :meth:`BackupService.is_encrypted` first, then pass ``passphrase``;
without it a :class:`PassphraseNeededError`, a wrong one a :class:`WrongPassphraseError`
(after a pause that grows with each wrong try). No Qt here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from vitidesk.services.changes import Changes, Listener, Service
from vitidesk.storage.backup import (
    BackupSummary,
    backup_is_encrypted,
    create_backup,
    verify_backup,
)
from vitidesk.storage.backup_format import Manifest
from vitidesk.storage.database import Store, data_entries
from vitidesk.storage.keyring import PassphraseNeededError, WrongPassphraseError
from vitidesk.storage.restore import (
    Counts,
    RestorePlan,
    RestorePreview,
    RestoreSummary,
    SettingChange,
    commit_restore,
    prepare_restore,
    restore_backup,
)
from vitidesk.storage.settings import Settings

Progress = Callable[[int, int], None]

EVERYTHING = Changes(
    responses=True, drafts=True, diary=True, photos=True, settings=tuple(Settings.options())
)
"""What a restore changes: all of it."""


__all__ = [
    "BackupService",
    "BackupSummary",
    "Counts",
    "Manifest",
    "PassphraseNeededError",
    "RestorePlan",
    "RestorePreview",
    "RestoreSummary",
    "SettingChange",
    "WrongPassphraseError",
]


class BackupService(Service):
    """Backups of, and restores into, one data folder."""

    def __init__(
        self,
        data_dir: Path,
        store: Store | None = None,
        *,
        protect: Iterable[Path] = (),
        listener: Listener | None = None,
    ) -> None:
        super().__init__(listener)
        self.data_dir = Path(data_dir).absolute()
        self._store = store
        self._protect = tuple(protect)

    def backup(
        self, out: Path, *, force: bool = False, progress: Progress | None = None
    ) -> BackupSummary:
        """Write a backup to ``out`` (refused inside a data folder, and over an existing file
        unless ``force``: the window asks first, then passes True). Damaged or missing files
        are left out and named in ``left_out``; everything else is backed up."""
        if self._store is not None and not self._store.closed:
            return create_backup(
                self._store, out, force=force, protect=self._protect, progress=progress
            )
        with Store.open(self.data_dir, create=False, readonly=True) as store:  # plain only
            return create_backup(store, out, force=force, protect=self._protect, progress=progress)

    def holds_data(self) -> bool:
        """True when a restore would replace something (the previous data are kept)."""
        return self.data_dir.is_dir() and bool(data_entries(self.data_dir))

    @staticmethod
    def is_encrypted(path: Path) -> bool:
        """True when the backup at ``path`` needs its passphrase to be restored."""
        return backup_is_encrypted(path)

    def verify(self, path: Path, *, passphrase: str | None = None) -> Manifest:
        """Check a backup end to end (every checksum) without changing anything; an
        encrypted backup's database is checked too when ``passphrase`` is given."""
        scratch_in = self.data_dir if self.data_dir.is_dir() else None
        return verify_backup(path, scratch_in, passphrase=passphrase)

    def prepare_restore(self, path: Path, *, passphrase: str | None = None) -> RestorePlan:
        """Check the backup and its database; ``plan.preview`` says what would change
        (``preview.encrypted``: the restored data will be encrypted, with that passphrase)."""
        return prepare_restore(path, self.data_dir, passphrase)

    def restore(self, plan: RestorePlan, *, progress: Progress | None = None) -> RestoreSummary:
        """Swap the plan's data in (the app's store closed first). Refused while another
        process owns the folder; on any error nothing changed (the plan is dropped)."""
        try:
            summary = commit_restore(plan, progress)
        finally:
            plan.discard()
        self._changed(EVERYTHING)
        return summary

    def discard(self, plan: RestorePlan) -> None:
        """The person said no: remove what the plan unpacked."""
        plan.discard()

    def restore_file(
        self,
        path: Path,
        *,
        confirm: Callable[[RestorePreview], bool] | None = None,
        progress: Progress | None = None,
        passphrase: str | None = None,
    ) -> RestoreSummary | None:
        """All of a restore while owning the folder (for commands): refused at once if the
        app has the folder open; ``confirm`` sees the preview first (None if it said no)."""
        summary = restore_backup(path, self.data_dir, progress, confirm, passphrase)
        if summary is not None:
            self._changed(EVERYTHING)
        return summary
