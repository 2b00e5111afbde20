"""The photo library: body sites, and photos with their clean image and thumbnail.

Adding a photo writes both files first (atomically), then records the two files and the photo
row in one transaction; if anything fails, the files are removed again, so a failed import
leaves no file and no row. Deleting removes the rows in one transaction, then the files.

Read a photo or its thumbnail with :meth:`PhotoLibrary.image_bytes` and
:meth:`PhotoLibrary.thumbnail_bytes`: in an encrypted store the files on disk are sealed, and
these decrypt them in memory (``path_of`` is where the file lies, not something to decode).
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from pathlib import Path

from vitidesk.core.prepared_photo import PreparedPhoto, shown_name
from vitidesk.errors import UserError
from vitidesk.storage.database import Store
from vitidesk.storage.vault import FileVault

LIGHTS = ("visible", "uv")

_PHOTO_COLUMNS = (
    "p.id, p.site_id, s.name, p.taken_at, p.date_source, p.light, p.width, p.height, "
    "p.source_sha256, p.original_name, p.label, f.relpath, t.relpath"
)
_PHOTO_FROM = (
    "FROM photos p JOIN sites s ON s.id = p.site_id "
    "JOIN files f ON f.id = p.file_id JOIN files t ON t.id = p.thumb_file_id"
)


@dataclass(frozen=True)
class Site:
    id: int
    name: str
    builtin: bool
    photo_count: int


@dataclass(frozen=True)
class Photo:
    id: int
    site_id: int
    site: str
    taken_at: dt.date
    date_source: str
    light: str
    width: int
    height: int
    source_sha256: str
    original_name: str
    label: str
    relpath: str
    thumb_relpath: str


def _photo(row: tuple) -> Photo:
    values = list(row)
    values[3] = dt.date.fromisoformat(values[3])
    return Photo(*values)


class PhotoLibrary:
    def __init__(self, store: Store) -> None:
        self.store = store
        self.vault = FileVault(store)

    # -- sites ---------------------------------------------------------------------------
    def sites(self) -> list[Site]:
        rows = self.store.query(
            "SELECT s.id, s.name, s.builtin, COUNT(p.id) FROM sites s "
            "LEFT JOIN photos p ON p.site_id = s.id GROUP BY s.id ORDER BY s.position, s.name"
        )
        return [Site(row[0], row[1], bool(row[2]), row[3]) for row in rows]

    def site_named(self, name: str, *, create: bool = False) -> Site:
        clean = " ".join(name.split())
        if not clean:
            raise UserError("site", "a body site needs a name")
        if len(clean) > 60:
            raise UserError(clean[:30] + "…", "a body site name can have at most 60 characters")
        for site in self.sites():
            if site.name.casefold() == clean.casefold():
                return site
        if not create:
            known = ", ".join(site.name for site in self.sites())
            raise UserError(clean, f"no such body site (known: {known})")
        with self.store.transaction() as conn:
            conn.execute("INSERT INTO sites (name) VALUES (?)", (clean,))
        return self.site_named(clean)

    def rename_site(self, site_id: int, name: str) -> None:
        clean = " ".join(name.split())
        if not clean:
            raise UserError("site", "a body site needs a name")
        taken = [
            s for s in self.sites() if s.name.casefold() == clean.casefold() and s.id != site_id
        ]
        if taken:
            raise UserError(clean, "there is already a body site with that name")
        with self.store.transaction() as conn:
            conn.execute("UPDATE sites SET name = ? WHERE id = ?", (clean, site_id))

    # -- photos --------------------------------------------------------------------------
    def photos(self, site_id: int | None = None) -> list[Photo]:
        where, params = ("WHERE p.site_id = ?", (site_id,)) if site_id is not None else ("", ())
        rows = self.store.query(
            f"SELECT {_PHOTO_COLUMNS} {_PHOTO_FROM} {where} ORDER BY p.taken_at, p.id", params
        )
        return [_photo(row) for row in rows]

    def get(self, photo_id: int) -> Photo:
        rows = self.store.query(
            f"SELECT {_PHOTO_COLUMNS} {_PHOTO_FROM} WHERE p.id = ?", (photo_id,)
        )
        if not rows:
            raise UserError(f"photo {photo_id}", "no such photo")
        return _photo(rows[0])

    def find_duplicate(self, source_sha256: str) -> Photo | None:
        rows = self.store.query(
            f"SELECT {_PHOTO_COLUMNS} {_PHOTO_FROM} WHERE p.source_sha256 = ? LIMIT 1",
            (source_sha256,),
        )
        return _photo(rows[0]) if rows else None

    def path_of(self, photo: Photo) -> Path:
        return self.vault.path_of(photo.relpath)

    def thumbnail_path(self, photo: Photo) -> Path:
        return self.vault.path_of(photo.thumb_relpath)

    def image_bytes(self, photo: Photo) -> bytes:
        """The photo's clean image (JPEG or PNG), decrypted in memory if the store is."""
        return self.vault.read(photo.relpath)

    def thumbnail_bytes(self, photo: Photo) -> bytes:
        """The photo's thumbnail (JPEG), decrypted in memory if the store is."""
        return self.vault.read(photo.thumb_relpath)

    @property
    def encrypted(self) -> bool:
        """True when the files on disk are sealed: read them only through the methods above."""
        return self.store.encrypted

    def add(
        self, prepared: PreparedPhoto, site: Site, light: str = "visible", label: str = ""
    ) -> Photo:
        if light not in LIGHTS:
            raise UserError(light, "light must be 'visible' or 'uv'")
        name = uuid.uuid4().hex
        image_rel = f"photos/{prepared.taken_at.year:04d}/{name}{prepared.suffix}"
        thumb_rel = f"thumbs/{name[:2]}/{name}.jpg"
        staged: list[str] = []
        try:
            image = self.vault.stage(image_rel, prepared.data)
            staged.append(image_rel)
            thumb = self.vault.stage(thumb_rel, prepared.thumbnail)
            staged.append(thumb_rel)
            now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
            with self.store.transaction() as conn:
                image_id = FileVault.register(conn, image, "photo")
                thumb_id = FileVault.register(conn, thumb, "thumbnail")
                cursor = conn.execute(
                    "INSERT INTO photos (site_id, file_id, thumb_file_id, taken_at, date_source, "
                    "light, width, height, source_sha256, original_name, label, imported_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        site.id,
                        image_id,
                        thumb_id,
                        prepared.taken_at.isoformat(),
                        prepared.date_source,
                        light,
                        prepared.width,
                        prepared.height,
                        prepared.source_sha256,
                        shown_name(Path(prepared.source.name))[:255],
                        label,
                        now,
                    ),
                )
                assert cursor.lastrowid is not None  # set by every INSERT
                photo_id = int(cursor.lastrowid)
        except BaseException:
            self.vault.discard(*staged)
            raise
        return self.get(photo_id)

    def update(
        self,
        photo_id: int,
        *,
        taken_at: dt.date | None = None,
        site_id: int | None = None,
        label: str | None = None,
        light: str | None = None,
    ) -> Photo:
        changes: dict[str, object] = {}
        if taken_at is not None:
            changes["taken_at"] = taken_at.isoformat()
            changes["date_source"] = "user"
        if site_id is not None:
            changes["site_id"] = site_id
        if label is not None:
            changes["label"] = label.strip()[:200]
        if light is not None:
            if light not in LIGHTS:
                raise UserError(light, "light must be 'visible' or 'uv'")
            changes["light"] = light
        if changes:
            assignments = ", ".join(f"{column} = ?" for column in changes)
            with self.store.transaction() as conn:
                conn.execute(
                    f"UPDATE photos SET {assignments} WHERE id = ?", (*changes.values(), photo_id)
                )
        return self.get(photo_id)

    def delete(self, photo_id: int) -> None:
        photo = self.get(photo_id)
        with self.store.transaction() as conn:
            conn.execute("DELETE FROM photos WHERE id = ?", (photo_id,))
            conn.execute(
                "DELETE FROM files WHERE relpath IN (?, ?)", (photo.relpath, photo.thumb_relpath)
            )
        self.vault.discard(photo.relpath, photo.thumb_relpath)
