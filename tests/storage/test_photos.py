"""The photo library: atomic import, duplicates, timeline edits, delete, migration."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.photo_samples import jpeg_with_private_metadata, oriented_jpeg, upright_reference
from vitidesk.core.photo_import import prepare_photo
from vitidesk.errors import UserError
from vitidesk.storage.check import check_store
from vitidesk.storage.database import Store
from vitidesk.storage.migrations import MIGRATIONS
from vitidesk.storage.photo_batch import DUPLICATE, IMPORTED, REFUSED, import_files
from vitidesk.storage.photos import PhotoLibrary


@pytest.fixture
def library(tmp_path: Path):
    with Store.open(tmp_path / "data") as store:
        yield PhotoLibrary(store)


def _files_under(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file() and p.parent != root)


def test_import_stores_an_upright_clean_copy_with_thumbnail(
    library: PhotoLibrary, tmp_path
) -> None:
    face = library.site_named("face")
    photo = library.add(prepare_photo(oriented_jpeg(tmp_path / "a.jpg", 6)), face)
    assert (photo.site, photo.width, photo.height) == ("Face", 120, 80)
    assert library.path_of(photo).is_file() and library.thumbnail_path(photo).is_file()
    assert library.photos(face.id) == [photo]
    assert [s.photo_count for s in library.sites() if s.name == "Face"] == [1]
    assert check_store(library.store).healthy


def test_failure_mid_import_leaves_no_file_and_no_row(
    library: PhotoLibrary, tmp_path: Path, monkeypatch
) -> None:
    prepared = prepare_photo(oriented_jpeg(tmp_path / "a.jpg", 1))
    original = library.store.transaction

    def failing_transaction():
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(library.store, "transaction", failing_transaction)
    with pytest.raises(OSError):
        library.add(prepared, library.site_named("Hands"))
    monkeypatch.setattr(library.store, "transaction", original)
    assert library.photos() == []
    assert library.store.query("SELECT COUNT(*) FROM files") == [(0,)]
    assert _files_under(library.store.data_dir) == []


def test_batch_import_skips_duplicates_and_keeps_going_after_bad_files(
    library: PhotoLibrary, tmp_path: Path
) -> None:
    good = jpeg_with_private_metadata(tmp_path / "good.jpg")
    bad = tmp_path / "bad.jpg"
    bad.write_text("not a photo")
    other = tmp_path / "other.png"
    upright_reference().rotate(90, expand=True).save(other)
    site = library.site_named("Arms")
    first = import_files(library, [good, bad, other], site=site)
    assert [o.status for o in first] == [IMPORTED, REFUSED, IMPORTED]
    assert first[1].message.startswith(f"{bad}: ")
    again = import_files(library, [good], site=site)
    assert again[0].status == DUPLICATE
    assert "already in your library" in again[0].message
    forced = import_files(library, [good], site=site, allow_duplicates=True)
    assert forced[0].status == IMPORTED
    assert len(library.photos()) == 3


def test_redate_move_label_light_and_delete(library: PhotoLibrary, tmp_path: Path) -> None:
    photo = library.add(
        prepare_photo(oriented_jpeg(tmp_path / "a.jpg", 1)), library.site_named("Face")
    )
    legs = library.site_named("Legs")
    changed = library.update(
        photo.id, taken_at=dt.date(2025, 1, 2), site_id=legs.id, label=" left shin ", light="uv"
    )
    assert (changed.taken_at, changed.date_source, changed.site) == (
        dt.date(2025, 1, 2),
        "user",
        "Legs",
    )
    assert (changed.label, changed.light) == ("left shin", "uv")
    with pytest.raises(UserError):
        library.update(photo.id, light="infrared")
    image, thumb = library.path_of(changed), library.thumbnail_path(changed)
    library.delete(photo.id)
    assert library.photos() == []
    assert not image.exists() and not thumb.exists()
    assert library.store.query("SELECT COUNT(*) FROM files") == [(0,)]
    assert check_store(library.store).healthy


def test_sites_can_be_added_and_renamed_but_not_duplicated(library: PhotoLibrary) -> None:
    elbow = library.site_named("Left  elbow", create=True)
    assert elbow.name == "Left elbow" and not elbow.builtin
    assert library.site_named("LEFT ELBOW").id == elbow.id
    with pytest.raises(UserError, match="no such body site"):
        library.site_named("Nowhere")
    with pytest.raises(UserError, match="already"):
        library.rename_site(elbow.id, "face")
    library.rename_site(elbow.id, "Right elbow")
    assert "Right elbow" in [s.name for s in library.sites()]


def test_version_2_store_gains_the_photo_tables_with_data_intact(tmp_path: Path) -> None:
    with Store.open(tmp_path / "old", migrations=MIGRATIONS[:2]) as old, old.transaction() as conn:
        conn.execute("INSERT INTO settings VALUES ('region', '\"US\"')")
    with Store.open(tmp_path / "old") as store:
        assert store.query("SELECT value FROM settings") == [('"US"',)]
        assert len(PhotoLibrary(store).sites()) == 7
