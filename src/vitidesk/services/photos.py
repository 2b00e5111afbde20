"""The photo library: body sites, photos and imports, for the Photos section, Compare, the
report and the ``photos`` command. Reads say nothing; every change reports ``photos``.

Imports may run on a worker: ``progress(index, outcome)`` is called after each file and may
raise to stop between files (what was imported stays, the rest is left out).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from pathlib import Path

from vitidesk.core.prepared_photo import PreparedPhoto
from vitidesk.services.changes import Changes, Listener, Service
from vitidesk.storage.database import Store
from vitidesk.storage.photo_batch import (
    DEFAULT_SITE,
    DUPLICATE,
    IMPORTED,
    REFUSED,
    ImportOutcome,
    expand_paths,
    import_files,
)
from vitidesk.storage.photos import LIGHTS, Photo, PhotoLibrary, Site

__all__ = [
    "DEFAULT_SITE",
    "DUPLICATE",
    "IMPORTED",
    "LIGHTS",
    "REFUSED",
    "ImportOutcome",
    "Photo",
    "PhotosService",
    "Site",
    "expand_paths",
]

PHOTOS = Changes(photos=True)


class PhotosService(Service):
    def __init__(self, store: Store, listener: Listener | None = None) -> None:
        super().__init__(listener)
        self._library = PhotoLibrary(store)

    # -- reading -------------------------------------------------------------------------
    def sites(self) -> list[Site]:
        return self._library.sites()

    def site(self, site_id: int) -> Site | None:
        return next((site for site in self.sites() if site.id == site_id), None)

    def site_named(self, name: str) -> Site:
        """The site of that name (any letter case), or a one-line UserError naming the known."""
        return self._library.site_named(name)

    def photos(self, site_id: int | None = None) -> list[Photo]:
        """Oldest first; every site's when ``site_id`` is None."""
        return self._library.photos(site_id)

    def get(self, photo_id: int) -> Photo:
        return self._library.get(photo_id)

    def path_of(self, photo: Photo) -> Path:
        return self._library.path_of(photo)

    def thumbnail_path(self, photo: Photo) -> Path:
        return self._library.thumbnail_path(photo)

    def image_bytes(self, photo: Photo) -> bytes:
        """The photo's image, decrypted in memory when the store is encrypted (its file on
        disk is then sealed: never decode ``path_of``)."""
        return self._library.image_bytes(photo)

    def thumbnail_bytes(self, photo: Photo) -> bytes:
        """The thumbnail (JPEG) in memory, decrypted when the store is encrypted."""
        return self._library.thumbnail_bytes(photo)

    @property
    def encrypted(self) -> bool:
        return self._library.encrypted

    # -- changing ------------------------------------------------------------------------
    def add_site(self, name: str) -> Site:
        """A new body site (or the one already of that name)."""
        site = self._library.site_named(name, create=True)
        self._changed(PHOTOS)
        return site

    def rename_site(self, site_id: int, name: str) -> None:
        self._library.rename_site(site_id, name)
        self._changed(PHOTOS)

    def add(
        self, prepared: PreparedPhoto, site: Site, light: str = "visible", label: str = ""
    ) -> Photo:
        """One photo already prepared (the demo and tests; people import files)."""
        photo = self._library.add(prepared, site, light, label)
        self._changed(PHOTOS)
        return photo

    def import_files(
        self,
        paths: Iterable[Path],
        *,
        site: Site,
        taken: dt.date | None = None,
        light: str = "visible",
        allow_duplicates: bool = False,
        progress: Callable[[int, ImportOutcome], None] | None = None,
    ) -> list[ImportOutcome]:
        """Each file imported, skipped as a duplicate or refused with its reason."""
        outcomes: list[ImportOutcome] = []

        def step(index: int, outcome: ImportOutcome) -> None:
            outcomes.append(outcome)
            if progress is not None:
                progress(index, outcome)

        try:
            return import_files(
                self._library,
                paths,
                site=site,
                taken=taken,
                light=light,
                allow_duplicates=allow_duplicates,
                progress=step,
            )
        finally:  # stopped half-way or not: what was imported is there to be shown
            if any(outcome.status == IMPORTED for outcome in outcomes):
                self._changed(PHOTOS)

    def update(
        self,
        photo_id: int,
        *,
        taken_at: dt.date | None = None,
        site_id: int | None = None,
        label: str | None = None,
        light: str | None = None,
    ) -> Photo:
        photo = self._library.update(
            photo_id, taken_at=taken_at, site_id=site_id, label=label, light=light
        )
        self._changed(PHOTOS)
        return photo

    def delete(self, photo_id: int) -> None:
        self._library.delete(photo_id)
        self._changed(PHOTOS)
