"""The encryption service as the window will call it: is it encrypted, unlock, turn on with
progress and a recovery key, change, turn off; photos come back in memory."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.encrypted_samples import FAST, PASSPHRASE, decoded_size, fill, leaks
from vitidesk.errors import UserError
from vitidesk.services.encryption import (
    EncryptionService,
    WrongPassphraseError,
    is_encrypted,
    passphrase_problem,
    unlock,
)
from vitidesk.services.photos import PhotosService
from vitidesk.storage.database import Store


@pytest.fixture(autouse=True)
def pauses(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    from vitidesk.storage import unlock as unlocking

    heard: list[float] = []
    monkeypatch.setattr(unlocking, "sleep", heard.append)
    return heard


def test_turn_on_unlock_change_and_turn_off_as_the_window_does(
    tmp_path: Path, pauses: list[float]
) -> None:
    data = tmp_path / "data"
    photos = fill(data)
    service = EncryptionService(data)
    assert not is_encrypted(data) and not service.status().encrypted
    steps: list[tuple[int, int]] = []
    enabled = service.enable(PASSPHRASE, progress=lambda done, total: steps.append((done, total)))
    assert steps and steps[-1][0] == steps[-1][1]
    assert [done for done, _ in steps] == sorted(done for done, _ in steps)
    assert enabled.recovery_text in enabled.printable()
    assert is_encrypted(data) and leaks(data) == []
    status = service.status()
    assert status.encrypted and status.created_at and status.argon2 is not None

    with Store.open(data, key=enabled.key) as store:  # the window reopens with the key
        shown = PhotosService(store)
        assert shown.encrypted
        for photo in shown.photos():
            assert shown.image_bytes(photo) == photos[photo.relpath]
            assert decoded_size(shown.thumbnail_bytes(photo))[0] > 0
        service.change(PASSPHRASE, "a passphrase for today")  # with the store open

    assert service.next_pause() == 1.0
    with pytest.raises(WrongPassphraseError):
        unlock(data, PASSPHRASE)
    assert pauses == [1.0] and service.next_pause() == 2.0
    with unlock(data, enabled.recovery_text, readonly=True) as store:
        assert len(PhotosService(store).photos()) == len(photos)
    assert service.next_pause() == 1.0  # a right answer starts the count again

    service.disable("a passphrase for today", progress=lambda done, total: None)
    assert not is_encrypted(data)
    with Store.open(data) as store:
        assert not PhotosService(store).encrypted


def test_the_window_must_close_its_store_before_turning_encryption_on(tmp_path: Path) -> None:
    data = tmp_path / "data"
    fill(data, photos=1)
    with Store.open(data), pytest.raises(UserError, match="close it"):
        EncryptionService(data).enable(PASSPHRASE, settings=FAST)
    assert not is_encrypted(data)


def test_the_form_is_told_why_a_passphrase_will_not_do() -> None:
    assert "at least 8" in (passphrase_problem("short") or "")
    assert passphrase_problem("a long enough one") is None


def test_the_demo_profile_says_it_is_never_encrypted(demo_state) -> None:
    folder = demo_state.paths.data_dir
    demo_state.close()
    service = EncryptionService(folder)
    assert service.status().demo
    with pytest.raises(UserError, match="never encrypted"):
        service.enable(PASSPHRASE, settings=FAST)
