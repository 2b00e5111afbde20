"""Backups of an encrypted store are encrypted: nothing readable in the file, its key file
inside, and a restore that asks for the passphrase the backup was made with."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from tests.encrypted_samples import ANSWER_NOTE, FAST, PASSPHRASE, fill, leaks
from vitidesk.errors import UserError
from vitidesk.services.backup import BackupService
from vitidesk.storage.backup import create_backup, restore_backup, verify_backup
from vitidesk.storage.backup_format import KEYS_MEMBER, MANIFEST_NAME
from vitidesk.storage.check import check_store
from vitidesk.storage.conversion import change_passphrase, encrypt_store
from vitidesk.storage.database import Store
from vitidesk.storage.keyring import PassphraseNeededError, WrongPassphraseError, is_encrypted
from vitidesk.storage.photos import PhotoLibrary
from vitidesk.storage.responses import ResponseStore
from vitidesk.storage.restore import prepare_restore
from vitidesk.storage.unlock import unlock_key


@pytest.fixture(autouse=True)
def no_pauses(monkeypatch: pytest.MonkeyPatch) -> None:
    from vitidesk.storage import unlock

    monkeypatch.setattr(unlock, "sleep", lambda _seconds: None)


def _encrypted_backup(tmp_path: Path) -> tuple[Path, dict[str, bytes], str]:
    data = tmp_path / "source"
    photos = fill(data)
    _key, recovery = encrypt_store(data, PASSPHRASE, settings=FAST)
    out = tmp_path / "backup.zip"
    with Store.open(data, key=unlock_key(data, PASSPHRASE)) as store:
        summary = create_backup(store, out)
    assert summary.encrypted and summary.files == len(photos) * 2
    return out, photos, recovery.text


def test_a_backup_of_an_encrypted_store_holds_nothing_readable(tmp_path: Path) -> None:
    out, _photos, _ = _encrypted_backup(tmp_path)
    scan = tmp_path / "scan"
    scan.mkdir()
    (scan / "backup.zip").write_bytes(out.read_bytes())
    with zipfile.ZipFile(out) as archive:  # unpacked too: a deflated member hides nothing
        archive.extractall(scan / "unpacked")
        manifest = json.loads(archive.read(MANIFEST_NAME))
    assert leaks(scan) == []
    assert manifest["encrypted"] is True and manifest["format_version"] == 2
    assert KEYS_MEMBER in [m["path"] for m in manifest["members"]]


def test_an_encrypted_backup_restores_only_with_its_passphrase(tmp_path: Path) -> None:
    out, photos, _ = _encrypted_backup(tmp_path)
    target = tmp_path / "restored"
    with pytest.raises(PassphraseNeededError, match="encrypted"):
        restore_backup(out, target)
    with pytest.raises(WrongPassphraseError, match="wrong passphrase"):
        restore_backup(out, target, passphrase="not the one")
    assert not target.exists() or not (target / "vitidesk.sqlite3").exists()
    summary = restore_backup(out, target, passphrase=PASSPHRASE)
    assert summary is not None and summary.files == len(photos) * 2
    assert is_encrypted(target) and leaks(target) == []
    with Store.open(target, key=unlock_key(target, PASSPHRASE)) as store:
        library = PhotoLibrary(store)
        assert {p.relpath: library.image_bytes(p) for p in library.photos()} == photos
        assert [r.note for r in ResponseStore(store).responses()] == [ANSWER_NOTE]
        assert check_store(store).healthy


def test_an_old_backup_keeps_the_passphrase_it_was_made_with(tmp_path: Path) -> None:
    out, _photos, recovery = _encrypted_backup(tmp_path)
    change_passphrase(tmp_path / "source", PASSPHRASE, "the passphrase of today")
    with pytest.raises(WrongPassphraseError):
        restore_backup(out, tmp_path / "a", passphrase="the passphrase of today")
    assert restore_backup(out, tmp_path / "b", passphrase=PASSPHRASE) is not None
    assert restore_backup(out, tmp_path / "c", passphrase=recovery) is not None


def test_verifying_checks_checksums_without_and_the_database_with_the_passphrase(
    tmp_path: Path,
) -> None:
    out, photos, _ = _encrypted_backup(tmp_path)
    assert verify_backup(out).encrypted
    service = BackupService(tmp_path / "source")
    assert service.is_encrypted(out)
    assert service.verify(out, passphrase=PASSPHRASE).file_count == len(photos) * 2
    with pytest.raises(WrongPassphraseError):
        service.verify(out, passphrase="wrong passphrase")
    damaged = tmp_path / "damaged.zip"
    with zipfile.ZipFile(out) as source, zipfile.ZipFile(damaged, "w") as copy:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == KEYS_MEMBER:
                data = data.replace(b'"version": 1', b'"version": 2')
            copy.writestr(info, data)
    with pytest.raises(UserError, match=r"vitidesk\.keys is damaged"):
        verify_backup(damaged)


def test_the_preview_says_which_side_is_encrypted(tmp_path: Path) -> None:
    out, _photos, _ = _encrypted_backup(tmp_path)
    plain = tmp_path / "plain"
    fill(plain, photos=1)
    plan = prepare_restore(out, plain, PASSPHRASE)
    try:
        assert plan.preview.encrypted and not plan.preview.current_encrypted
        assert plan.preview.backup.photos == 3 and plan.preview.current.photos == 1
    finally:
        plan.discard()
    with Store.open(plain) as store:
        plain_backup = tmp_path / "plain.zip"
        assert not create_backup(store, plain_backup).encrypted
    source = tmp_path / "source"
    plan = prepare_restore(plain_backup, source)
    try:
        assert plan.preview.current_encrypted and not plan.preview.encrypted
        assert plan.preview.current is None  # not read without the passphrase
    finally:
        plan.discard()
    restore_backup(plain_backup, source)
    assert not is_encrypted(source)
    kept = next(tmp_path.glob("source.before-restore-*"))
    assert is_encrypted(kept) and leaks(kept) == []  # the encrypted data, kept as they were
