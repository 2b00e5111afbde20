"""kill -9 at any moment of turning encryption on, off, or changing the passphrase: the next
open finds one complete store, the old one or the new one, never a mix and never a loss; no
copy is left beside the data folder or in the temp folder, and no plain copy inside it."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.encrypted_samples import FAST, PASSPHRASE
from vitidesk.storage.check import check_store
from vitidesk.storage.conversion import encrypt_store
from vitidesk.storage.database import Store, store_is_encrypted
from vitidesk.storage.keyring import WrongPassphraseError
from vitidesk.storage.responses import ResponseStore
from vitidesk.storage.settings import Settings
from vitidesk.storage.unlock import unlock_key
from vitidesk.storage.vault import FileVault

PHOTOS = 24
PHOTO_BYTES = 1024**2
KILLS = 8
NEW_PASSPHRASE = "a new passphrase for the kill test"
NOTE = "a private note about the week"

pytestmark = pytest.mark.skipif(os.name != "posix", reason="kill -9 is POSIX")

DRIVER = f"""
import sys
from pathlib import Path
from vitidesk.storage.conversion import change_passphrase, decrypt_store, encrypt_store
from vitidesk.storage.crypto import Argon2Settings
from vitidesk.storage.unlock import unlock_key
action, data = sys.argv[1], Path(sys.argv[2])
print("go", flush=True)  # imports done: the kills are timed from here
if action == "enable":
    encrypt_store(data, {PASSPHRASE!r}, settings=Argon2Settings(1, 1, 8 * 1024))
elif action == "disable":
    decrypt_store(data, unlock_key(data, {PASSPHRASE!r}))
else:
    change_passphrase(data, {PASSPHRASE!r}, {NEW_PASSPHRASE!r})
"""


@pytest.fixture(autouse=True)
def no_pauses(monkeypatch: pytest.MonkeyPatch) -> None:
    from vitidesk.storage import unlock

    monkeypatch.setattr(unlock, "sleep", lambda _seconds: None)


def _template(folder: Path) -> set[str]:
    """A plain store of random 'photos'; returns the SHA-256 of each photo's plain bytes."""
    digests = set()
    with Store.open(folder) as store:
        vault = FileVault(store)
        for index in range(PHOTOS):
            data = os.urandom(PHOTO_BYTES)
            vault.add(f"photos/2026/{index:03d}.jpg", data, "photo")
            digests.add(hashlib.sha256(data).hexdigest())
        Settings(store).region = "GB"
        ResponseStore(store).record("PHQ-4", [1, 1, 0, 2], note=NOTE)
    return digests


def _run(action: str, data: Path, temp: Path) -> subprocess.Popen:
    env = dict(os.environ, TMPDIR=str(temp), TEMP=str(temp), TMP=str(temp))
    return subprocess.Popen(
        [sys.executable, "-c", DRIVER, action, str(data)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )


def _started(run: subprocess.Popen) -> None:
    assert run.stdout is not None
    assert run.stdout.readline().strip() == b"go"


def _duration(action: str, data: Path, temp: Path) -> float:
    run = _run(action, data, temp)
    _started(run)
    start = time.monotonic()
    assert run.wait(timeout=120) == 0
    return time.monotonic() - start


def _kill_after(action: str, data: Path, temp: Path, delay: float) -> None:
    run = _run(action, data, temp)
    _started(run)
    time.sleep(delay)
    run.send_signal(signal.SIGKILL)
    run.wait(timeout=30)
    assert run.stdout is not None
    run.stdout.close()


def _whole(data: Path, digests: set[str], passphrase: str = PASSPHRASE) -> str:
    """Open the store as the next start would; check that all of it is there, in one form."""
    encrypted = store_is_encrypted(data)  # finishes a swap cut short first
    key = unlock_key(data, passphrase) if encrypted else None
    with Store.open(data, key=key) as store:
        assert check_store(store).healthy
        vault = FileVault(store)
        read = {hashlib.sha256(vault.read(f.relpath)).hexdigest() for f in vault.all()}
        assert read == digests
        assert Settings(store).region == "GB"
        assert [r.note for r in ResponseStore(store).responses()] == [NOTE]
    assert not [p.name for p in data.iterdir() if p.name.startswith((".scratch-", ".pending-"))]
    if encrypted:  # no plain copy of any photo anywhere in the folder
        for path in data.rglob("*"):
            if path.is_file():
                assert hashlib.sha256(path.read_bytes()).hexdigest() not in digests, path
    return "encrypted" if encrypted else "plain"


def _nothing_beside(tmp_path: Path, temp: Path) -> None:
    assert list(temp.iterdir()) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "temp", "template"]


def _kill_test(tmp_path: Path, action: str, prepare, outcomes: set[str]) -> list[str]:
    template = tmp_path / "template"
    digests = _template(template)
    prepare(template)
    temp = tmp_path / "temp"
    temp.mkdir()
    data = tmp_path / "data"

    def fresh() -> None:
        shutil.rmtree(data, ignore_errors=True)
        shutil.copytree(template, data)

    fresh()
    full = _duration(action, data, temp)
    seen = []
    for kill in range(KILLS):
        fresh()
        _kill_after(action, data, temp, full * (kill + 0.5) / KILLS)
        _nothing_beside(tmp_path, temp)
        seen.append(_whole(data, digests))
    assert set(seen) <= outcomes
    print(action, "outcomes after kills:", seen)
    return seen


def test_a_killed_enable_leaves_the_plain_store_or_the_encrypted_one(tmp_path: Path) -> None:
    _kill_test(tmp_path, "enable", lambda _t: None, {"plain", "encrypted"})


def test_a_killed_disable_leaves_the_encrypted_store_or_the_plain_one(tmp_path: Path) -> None:
    def encrypted(template: Path) -> None:
        encrypt_store(template, PASSPHRASE, settings=FAST)

    _kill_test(tmp_path, "disable", encrypted, {"plain", "encrypted"})


def test_a_killed_passphrase_change_leaves_the_old_passphrase_or_the_new(tmp_path: Path) -> None:
    template = tmp_path / "template"
    digests = _template(template)
    encrypt_store(template, PASSPHRASE)  # the real Argon2 cost: the change takes a while
    temp = tmp_path / "temp"
    temp.mkdir()
    data = tmp_path / "data"
    shutil.copytree(template, data)
    full = _duration("change", data, temp)
    for kill in range(KILLS):
        shutil.rmtree(data)
        shutil.copytree(template, data)
        _kill_after("change", data, temp, full * (kill + 0.5) / KILLS)
        _nothing_beside(tmp_path, temp)
        try:
            _whole(data, digests, PASSPHRASE)
        except WrongPassphraseError:
            _whole(data, digests, NEW_PASSPHRASE)


@pytest.mark.parametrize("action", ["enable", "disable"])
def test_a_conversion_cut_short_at_any_step_of_its_swap_is_finished_by_the_next_open(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, action: str
) -> None:
    import vitidesk.storage.restore_swap as swap
    from vitidesk.storage.conversion import decrypt_store

    real_rename = os.rename
    step = 0
    while True:
        data = tmp_path / f"data{step}"
        with Store.open(data) as store:
            FileVault(store).add("photos/2026/a.jpg", b"\xff\xd8\xff a photo", "photo")
            FileVault(store).add("thumbs/aa/a.jpg", b"\xff\xd8\xff a thumbnail", "thumbnail")
            Settings(store).region = "GB"
        digests = {
            hashlib.sha256(b"\xff\xd8\xff a " + word).hexdigest()
            for word in (b"photo", b"thumbnail")
        }
        if action == "disable":
            key, _ = encrypt_store(data, PASSPHRASE, settings=FAST)
        calls = {"n": 0}

        class PowerCut(BaseException):
            pass

        def cut(src, dst, _calls=calls, _step=step):
            if _calls["n"] == _step:
                raise PowerCut
            _calls["n"] += 1
            return real_rename(src, dst)

        class OsWithCut:  # only the swap's renames are cut
            def __getattr__(self, name):
                return cut if name == "rename" else getattr(os, name)

        monkeypatch.setattr(swap, "os", OsWithCut())
        try:
            if action == "enable":
                encrypt_store(data, PASSPHRASE, settings=FAST)
            else:
                decrypt_store(data, key)
            finished = True
        except PowerCut:
            finished = False
        monkeypatch.setattr(swap, "os", os)
        expected = "encrypted" if action == "enable" else "plain"
        assert _whole_small(data, digests) == expected  # the next open finishes the swap
        assert not list(tmp_path.glob(f"data{step}.before-*"))
        if finished:
            break
        step += 1
    assert step >= 4  # the swap has several steps, and each was cut once


def _whole_small(data: Path, digests: set[str]) -> str:
    encrypted = store_is_encrypted(data)
    key = unlock_key(data, PASSPHRASE) if encrypted else None
    with Store.open(data, key=key) as store:
        assert check_store(store).healthy
        vault = FileVault(store)
        assert {hashlib.sha256(vault.read(f.relpath)).hexdigest() for f in vault.all()} == digests
        assert Settings(store).region == "GB"
    return "encrypted" if encrypted else "plain"
