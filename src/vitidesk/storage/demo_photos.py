"""Seed the demo profile with the synthetic sample photo series (never a real patient).

Three body sites, four visits over about a year, plus one Wood's lamp (UV) shot. Each image
goes through the same :func:`prepare_photo` path as a real import, so the demo exercises the
real library; every photo is labelled as an illustrative sample.

Rendering and preparing the series takes a second or two, so the prepared photos (about
6 MB of JPEG data) are kept for the life of the process: "Reset demo" then only has to write
the files and rows again.
"""

from __future__ import annotations

import functools
import tempfile
from pathlib import Path

from vitidesk.core import demo_photos
from vitidesk.core.photo_import import PreparedPhoto, prepare_photo
from vitidesk.storage.database import Store
from vitidesk.storage.photos import PhotoLibrary


@functools.lru_cache(maxsize=1)
def prepared_series() -> tuple[tuple[demo_photos.SampleShot, PreparedPhoto], ...]:
    """Every sample shot, rendered and prepared exactly as an imported photo would be."""
    series = []
    try:
        with tempfile.TemporaryDirectory(prefix="vitidesk-demo-") as folder:
            for shot in demo_photos.sample_series():
                path = Path(folder) / shot.file_name
                path.write_bytes(demo_photos.sample_jpeg(shot.site, shot.visit, shot.light))
                series.append((shot, prepare_photo(path, taken=shot.taken)))
    finally:
        demo_photos.clear_cache()
    return tuple(series)


def seed_photos(store: Store) -> None:
    library = PhotoLibrary(store)
    for shot, prepared in prepared_series():
        site = library.site_named(shot.site, create=True)
        library.add(prepared, site, light=shot.light, label=demo_photos.LABEL)
