"""The key of an encrypted store: wrapped by the passphrase and by the recovery key, rewrapped
by a passphrase change, sealed files bound to their path, and a key file read distrustfully."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from vitidesk.errors import UserError
from vitidesk.storage import unlock
from vitidesk.storage.crypto import Argon2Settings, FileCipher, SealedFileError
from vitidesk.storage.keyring import (
    KEYS_NAME,
    KeyFile,
    KeyFileError,
    RecoveryKey,
    StoreKey,
    WrongPassphraseError,
    new_key_file,
    new_passphrase_problem,
)

FAST = Argon2Settings(iterations=1, lanes=1, memory_kib=8 * 1024)  # tests only


def test_the_passphrase_and_the_recovery_key_both_unwrap_the_same_data_key() -> None:
    key_file, key, recovery = new_key_file("correct horse battery", FAST)
    again = KeyFile.from_bytes(key_file.to_bytes())
    assert again.unlock("correct horse battery") == key
    assert again.unlock(recovery.text) == key
    assert again.unlock(recovery.text.lower().replace("-", " ")) == key  # typed back loosely
    assert again.unlock("correct horse batterY") is None
    assert again.unlock("") is None


def test_a_changed_passphrase_rewraps_the_key_and_keeps_the_recovery_key() -> None:
    key_file, key, recovery = new_key_file("first passphrase", FAST)
    changed = KeyFile.from_bytes(key_file.with_passphrase(key, "second passphrase").to_bytes())
    assert changed.unlock("second passphrase") == key
    assert changed.unlock("first passphrase") is None
    assert changed.unlock(recovery.text) == key
    assert changed.passphrase.salt != key_file.passphrase.salt


def test_the_key_file_never_holds_a_key_or_the_passphrase() -> None:
    key_file, key, recovery = new_key_file("a private passphrase", FAST)
    text = key_file.to_bytes()
    assert b"a private passphrase" not in text
    assert key.database_key.hex().encode() not in text
    assert recovery.text.encode() not in text
    assert "hidden" in repr(recovery) and key.database_key.hex() not in repr(key)


def test_a_lowered_argon2_cost_is_refused_or_fails_to_unwrap() -> None:
    key_file, _key, _ = new_key_file("a private passphrase", Argon2Settings(2, 1, 8 * 1024))
    raw = json.loads(key_file.to_bytes())
    raw["passphrase"]["iterations"] = 1  # someone makes guessing cheaper
    tampered = KeyFile.from_bytes(json.dumps(raw).encode())
    assert tampered.unlock("a private passphrase") is None
    raw["passphrase"]["memory_kib"] = 16  # far below anything VitiDesk writes
    with pytest.raises(KeyFileError, match="key settings"):
        KeyFile.from_bytes(json.dumps(raw).encode())


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"not json",
        b"[1, 2]",
        json.dumps({"format": "other"}).encode(),
        json.dumps({"format": "vitidesk-keys", "version": 1}).encode(),
        json.dumps({"format": "vitidesk-keys", "version": 99}).encode(),
        b" " * 70_000,
    ],
)
def test_a_damaged_key_file_is_one_line(data: bytes) -> None:
    with pytest.raises(KeyFileError) as caught:
        KeyFile.from_bytes(data)
    assert "\n" not in caught.value.one_line()


def test_a_sealed_file_opens_only_at_its_own_path_with_its_own_key() -> None:
    cipher = FileCipher(StoreKey.generate().database_key)
    blob = cipher.seal("photos/2026/a.jpg", b"\xff\xd8\xff pixels")
    assert b"pixels" not in blob and not blob.startswith(b"\xff\xd8")
    assert cipher.open("photos/2026/a.jpg", blob) == b"\xff\xd8\xff pixels"
    with pytest.raises(SealedFileError, match="cannot be decrypted"):
        cipher.open("photos/2026/b.jpg", blob)  # swapped for another photo
    with pytest.raises(SealedFileError):
        FileCipher(StoreKey.generate().database_key).open("photos/2026/a.jpg", blob)
    damaged = blob[:-1] + bytes([blob[-1] ^ 1])
    with pytest.raises(SealedFileError):
        cipher.open("photos/2026/a.jpg", damaged)
    with pytest.raises(SealedFileError, match="not an encrypted"):
        cipher.open("photos/2026/a.jpg", b"\xff\xd8\xff plain")


def test_the_recovery_key_prints_in_groups_and_reads_back_with_lookalikes() -> None:
    recovery = RecoveryKey(bytes(range(20)))
    groups = recovery.text.split("-")
    assert len(groups) == 8 and all(len(g) == 4 for g in groups)
    assert RecoveryKey.parse(recovery.text.replace("O", "0").replace("I", "1")) == recovery
    assert RecoveryKey.parse("too-short") is None
    sheet = recovery.printable(Path("/home/alex/data"))
    assert recovery.text in sheet and "/home/alex/data" in sheet and "only once" in sheet


def test_new_passphrases_are_long_enough() -> None:
    assert new_passphrase_problem("short") is not None
    assert new_passphrase_problem("        x") is not None  # spaces do not count
    assert new_passphrase_problem("long enough") is None
    with pytest.raises(UserError, match="at least 8"):
        new_key_file("short", FAST)


def test_wrong_tries_pause_longer_each_time_and_a_right_one_resets(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pauses: list[float] = []
    monkeypatch.setattr(unlock, "sleep", pauses.append)
    key_file, key, _ = new_key_file("the right passphrase", FAST)
    (tmp_path / KEYS_NAME).write_bytes(key_file.to_bytes())
    for _ in range(3):
        with pytest.raises(WrongPassphraseError) as caught:
            unlock.unlock_key(tmp_path, "a wrong passphrase")
        assert caught.value.one_line().count("\n") == 0
    assert pauses == [1.0, 2.0, 4.0]
    assert unlock.unlock_key(tmp_path, "the right passphrase") == key
    assert not (tmp_path / unlock.ATTEMPTS_FILE).exists()
    with pytest.raises(WrongPassphraseError):
        unlock.unlock_key(tmp_path, "wrong again")
    assert pauses[-1] == 1.0
    assert unlock.pause_after(50) == unlock.MAX_PAUSE_S
