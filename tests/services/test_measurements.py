"""The measurement kept with a photo: saved, read back, replaced, gone with the photo."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from tests.photo_samples import oriented_jpeg
from vitidesk.core.photo_import import prepare_photo
from vitidesk.core.seeded import Seeds, Stroke
from vitidesk.services.measurements import MeasurementService, SavedMeasurement, encode_mask
from vitidesk.storage.database import Store
from vitidesk.storage.photos import PhotoLibrary


def test_a_measurement_is_kept_with_its_photo(tmp_path: Path) -> None:
    mask = np.zeros((30, 40), bool)
    mask[5:12, 8:20] = True
    seeds = Seeds(((10.0, 12.5),), ((30.0, 20.0),), (Stroke(((1, 2), (5, 6)), 4.0, False),))
    with Store.open(tmp_path / "data") as store:
        library = PhotoLibrary(store)
        photo = library.add(
            prepare_photo(oriented_jpeg(tmp_path / "a.jpg", 1)), library.site_named("Face")
        )
        service = MeasurementService(store)
        assert service.load(photo.id) is None
        outline = ((1.0, 1.0), (30.0, 2.0), (20.0, 25.0))
        service.save(SavedMeasurement(photo.id, outline, seeds, 0.07, "seeded", "visible", 1.5,
                                      encode_mask(mask)))  # fmt: skip
    with Store.open(tmp_path / "data") as store:  # read back after the app was closed
        saved = MeasurementService(store).load(photo.id)
        assert saved is not None
        assert saved.outline == outline and saved.seeds == seeds
        assert saved.fraction == 0.07 and saved.method == "seeded" and saved.area_cm2 == 1.5
        assert np.array_equal(saved.mask(), mask)
        MeasurementService(store).save(
            SavedMeasurement(photo.id, (), Seeds(), 0.2, "automatic", "visible")
        )
        again = MeasurementService(store).load(photo.id)
        assert again.outline == () and again.method == "automatic" and again.mask() is None
        PhotoLibrary(store).delete(photo.id)
        assert MeasurementService(store).load(photo.id) is None
        # A photo that is not there keeps nothing.
        MeasurementService(store).save(SavedMeasurement(999, (), Seeds(), 0.1, "automatic", "uv"))
        assert MeasurementService(store).load(999) is None
