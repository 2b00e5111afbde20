"""The backup service: what the window and the commands call, and what it says changed."""

from __future__ import annotations

from pathlib import Path

import pytest

from vitidesk.errors import UserError
from vitidesk.services.backup import EVERYTHING, BackupService
from vitidesk.services.changes import Changes
from vitidesk.storage.database import Store
from vitidesk.storage.responses import ResponseStore
from vitidesk.storage.settings import Settings


def _folder(data: Path) -> dict[str, bytes]:
    return {str(p.relative_to(data)): p.read_bytes() for p in data.rglob("*") if p.is_file()}


def test_prepare_preview_then_restore_or_discard(tmp_path: Path) -> None:
    data = tmp_path / "data"
    heard: list[Changes] = []
    with Store.open(data) as store:
        ResponseStore(store).record("WHO-5", [3, 3, 3, 3, 3])
        Settings(store).local_crisis_number = "0800 111"
        service = BackupService(data, store, listener=heard.append)
        summary = service.backup(tmp_path / "b.zip")
        assert summary.left_out == () and heard == []  # a backup changes nothing here
        Settings(store).local_crisis_number = "999"
        ResponseStore(store).record("WHO-5", [1, 1, 1, 1, 1])
    assert service.verify(tmp_path / "b.zip").schema_version == summary.schema_version
    before = _folder(data)
    plan = service.prepare_restore(tmp_path / "b.zip")
    preview = plan.preview
    assert (preview.backup.responses, preview.current.responses) == (1, 2)
    assert [(c.key, c.now, c.backup) for c in preview.settings] == [
        ("local_crisis_number", "999", "0800 111")
    ]
    service.discard(plan)  # the person said no
    assert _folder(data) == before and heard == []
    plan = service.prepare_restore(tmp_path / "b.zip")
    result = service.restore(plan)  # the window closed its store first
    assert result.previous is not None and heard == [EVERYTHING]
    with Store.open(data) as store:
        assert Settings(store).local_crisis_number == "0800 111"


def test_a_failed_restore_leaves_the_previous_data_to_reopen(tmp_path: Path, monkeypatch) -> None:
    import vitidesk.storage.restore as restore

    data = tmp_path / "data"
    with Store.open(data) as store:
        Settings(store).region = "GB"
        service = BackupService(data, store)
        service.backup(tmp_path / "b.zip")
        Settings(store).region = "IE"
    plan = service.prepare_restore(tmp_path / "b.zip")

    def disk_full(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(restore, "_bring_up_to_date", disk_full)
    with pytest.raises(UserError, match="the disk is full"):
        service.restore(plan)
    with Store.open(data) as store:  # what the window opens again
        assert Settings(store).region == "IE"
    assert not [p for p in data.iterdir() if p.name.startswith(".")]


def test_backup_never_writes_into_a_protected_folder(tmp_path: Path) -> None:
    data, other = tmp_path / "data", tmp_path / "demo"
    other.mkdir()
    with Store.open(data) as store:
        service = BackupService(data, store, protect=(other,))
        with pytest.raises(UserError, match="inside VitiDesk's data folder"):
            service.backup(other / "b.zip")
        with pytest.raises(UserError, match="inside VitiDesk's data folder"):
            service.backup(data / "b.zip")
