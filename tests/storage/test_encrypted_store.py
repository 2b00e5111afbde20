"""An encrypted store: nothing readable on disk, everything readable with the key, and turning
encryption on, off and changing the passphrase lose nothing."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.encrypted_samples import (
    ANSWER_NOTE,
    DIARY_NOTE,
    FAST,
    PASSPHRASE,
    decoded_size,
    fill,
    leaks,
)
from tests.photo_samples import encoded, upright_reference
from vitidesk.core.photo_import import prepare_photo
from vitidesk.errors import UserError
from vitidesk.storage.check import check_store
from vitidesk.storage.conversion import change_passphrase, decrypt_store, encrypt_store
from vitidesk.storage.database import LockedStoreError, Store, StoreError
from vitidesk.storage.diary import Diary
from vitidesk.storage.keyring import KEYS_NAME, StoreKey, WrongPassphraseError, is_encrypted
from vitidesk.storage.photos import PhotoLibrary
from vitidesk.storage.responses import ResponseStore
from vitidesk.storage.settings import Settings
from vitidesk.storage.unlock import unlock_key


@pytest.fixture(autouse=True)
def no_pauses(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    from vitidesk.storage import unlock

    pauses: list[float] = []
    monkeypatch.setattr(unlock, "sleep", pauses.append)
    return pauses


def _encrypted(tmp_path: Path) -> tuple[Path, dict[str, bytes], StoreKey, str]:
    data = tmp_path / "data"
    photos = fill(data)
    key, recovery = encrypt_store(data, PASSPHRASE, settings=FAST)
    return data, photos, key, recovery.text


def test_turning_encryption_on_leaves_nothing_readable_in_the_data_folder(tmp_path: Path) -> None:
    data = tmp_path / "data"
    fill(data)
    assert leaks(data)  # the scan finds what a plain store shows
    encrypt_store(data, PASSPHRASE, settings=FAST)
    assert is_encrypted(data)
    assert leaks(data) == []
    assert not [p for p in data.iterdir() if p.name.startswith(".scratch-")]
    assert not list(tmp_path.glob("data.before-*"))  # the plain copy is not kept beside it


def test_everything_reads_back_with_the_key(tmp_path: Path) -> None:
    data, photos, _key, _ = _encrypted(tmp_path)
    key = unlock_key(data, PASSPHRASE)
    with Store.open(data, key=key) as store:
        assert store.encrypted
        library = PhotoLibrary(store)
        shown = {p.relpath: library.image_bytes(p) for p in library.photos()}
        assert shown == photos
        for photo in library.photos():
            assert decoded_size(library.thumbnail_bytes(photo))[0] > 0
            assert library.path_of(photo).read_bytes() != photos[photo.relpath]  # sealed
        assert [r.note for r in ResponseStore(store).responses()] == [ANSWER_NOTE]
        assert [e.note for e in Diary(store).entries()] == [DIARY_NOTE]
        assert Settings(store).region == "GB"
        assert check_store(store).healthy


def test_a_photo_added_to_an_encrypted_store_is_sealed_and_can_be_deleted(tmp_path: Path) -> None:
    data, _photos, key, _ = _encrypted(tmp_path)
    source = tmp_path / "new.png"
    source.write_bytes(encoded(upright_reference(), "PNG"))
    with Store.open(data, key=key) as store:
        library = PhotoLibrary(store)
        photo = library.add(prepare_photo(source), library.site_named("Hands"))
        assert decoded_size(library.image_bytes(photo)) == (120, 80)
        assert leaks(data) == []
        assert check_store(store).healthy
        library.delete(photo.id)
        assert not library.path_of(photo).exists()


def test_opening_without_the_key_or_with_another_is_one_line(tmp_path: Path) -> None:
    data, _photos, _key, _ = _encrypted(tmp_path)
    with pytest.raises(LockedStoreError, match="encrypted"):
        Store.open(data)
    with pytest.raises(LockedStoreError):
        Store.open(data, readonly=True)
    with pytest.raises(StoreError, match="does not open with the key"):
        Store.open(data, key=StoreKey.generate())
    with pytest.raises(WrongPassphraseError, match="wrong passphrase"):
        unlock_key(data, "not the passphrase")
    plain = tmp_path / "plain"
    Store.open(plain).close()
    with pytest.raises(StoreError, match="not encrypted"):
        Store.open(plain, key=StoreKey.generate())


def test_a_read_only_open_and_the_recovery_key_work(tmp_path: Path) -> None:
    data, photos, _key, recovery = _encrypted(tmp_path)
    with Store.open(data, readonly=True, key=unlock_key(data, recovery)) as store:
        assert sorted(p.relpath for p in PhotoLibrary(store).photos()) == sorted(photos)


def test_turning_encryption_off_gives_back_the_same_plain_store(tmp_path: Path) -> None:
    data, photos, key, _ = _encrypted(tmp_path)
    decrypt_store(data, key)
    assert not is_encrypted(data) and not (data / KEYS_NAME).exists()
    with Store.open(data) as store:
        library = PhotoLibrary(store)
        assert {p.relpath: library.path_of(p).read_bytes() for p in library.photos()} == photos
        assert [r.note for r in ResponseStore(store).responses()] == [ANSWER_NOTE]
        assert check_store(store).healthy


def test_changing_the_passphrase_rewraps_the_key_only(tmp_path: Path) -> None:
    data, _photos, key, recovery = _encrypted(tmp_path)
    database = (data / "vitidesk.sqlite3").read_bytes()
    assert change_passphrase(data, PASSPHRASE, "a brand new passphrase") == key
    assert (data / "vitidesk.sqlite3").read_bytes() == database  # nothing re-encrypted
    with pytest.raises(WrongPassphraseError):
        unlock_key(data, PASSPHRASE)
    assert unlock_key(data, "a brand new passphrase") == key
    assert change_passphrase(data, recovery, "forgot it, set again") == key  # recovery
    with pytest.raises(UserError, match="at least 8"):
        change_passphrase(data, "forgot it, set again", "short")


def test_an_empty_or_missing_folder_can_be_encrypted_from_the_start(tmp_path: Path) -> None:
    key, _ = encrypt_store(tmp_path / "new", PASSPHRASE, settings=FAST)
    with Store.open(tmp_path / "new", key=key) as store:
        assert store.schema_version > 0 and PhotoLibrary(store).photos() == []


def test_what_cannot_be_converted_is_refused_and_nothing_changes(tmp_path: Path) -> None:
    data = tmp_path / "data"
    photos = fill(data)
    (data / "my notes.txt").write_text("mine")
    with pytest.raises(UserError, match="not something VitiDesk stored"):
        encrypt_store(data, PASSPHRASE, settings=FAST)
    (data / "my notes.txt").unlink()
    first = sorted(photos)[0]
    original = (data / first).read_bytes()
    (data / first).write_bytes(original[:-1] + b"X")
    with pytest.raises(UserError, match="damaged"):
        encrypt_store(data, PASSPHRASE, settings=FAST)
    assert not is_encrypted(data)
    assert not [p for p in data.iterdir() if p.name.startswith(".scratch-")]
    (data / first).write_bytes(original)
    with Store.open(data) as store:
        with pytest.raises(UserError, match="close it"):
            encrypt_store(data, PASSPHRASE, settings=FAST)
        assert check_store(store).healthy
    with pytest.raises(UserError, match="at least 8"):
        encrypt_store(data, "short")


def test_a_file_left_by_a_killed_import_is_carried_over_sealed(tmp_path: Path) -> None:
    data = tmp_path / "data"
    photos = fill(data, photos=1)
    orphan = data / "photos" / "2026" / "orphan.jpg"
    orphan.parent.mkdir(parents=True, exist_ok=True)
    orphan.write_bytes(next(iter(photos.values())))
    (orphan.parent / ".orphan.jpg.x.part").write_bytes(b"\xff\xd8\xff half")
    key, _ = encrypt_store(data, PASSPHRASE, settings=FAST)
    assert leaks(data) == []
    decrypt_store(data, key)
    assert orphan.read_bytes() == next(iter(photos.values()))


def test_the_demo_profile_is_never_encrypted(demo_state) -> None:
    folder = demo_state.paths.data_dir
    demo_state.close()
    with pytest.raises(UserError, match="demo profile"):
        encrypt_store(folder, PASSPHRASE, settings=FAST)
    assert not is_encrypted(folder)


def test_an_encrypted_store_whose_key_file_is_lost_is_told(tmp_path: Path) -> None:
    data, _photos, _key, _ = _encrypted(tmp_path)
    os.rename(data / KEYS_NAME, tmp_path / "elsewhere.keys")
    with pytest.raises(StoreError, match=r"key file \(vitidesk.keys\) is missing"):
        Store.open(data)
