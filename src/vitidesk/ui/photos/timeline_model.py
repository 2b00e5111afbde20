"""The timeline's model: one row per photo, thumbnails loaded off the GUI thread and cached.

Rows are plain data, so 1,000 photos list instantly; a thumbnail (made once at import) is
read through the photo library only when the view asks for it, on the thread pool, and kept
as a QPixmap. The library hands out the bytes, decrypted in memory when the store is
encrypted, so the timeline never opens a stored file itself.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
)
from PySide6.QtGui import QImage, QPainter, QPixmap

from vitidesk.services.photos import Photo, PhotosService
from vitidesk.ui.tasks import run_in_background
from vitidesk.ui.theme import colour

THUMB_PX = 168
PhotoRole = Qt.ItemDataRole.UserRole + 1
ROOT = QModelIndex()  # the list's parent: rows have no children


def _load_thumbnail(data: bytes) -> QImage:
    """The thumbnail on a square tile, so every caption lines up.
    Runs on a worker: QImage and QPainter-on-QImage (unlike QPixmap) are safe there."""
    image = QImage.fromData(data)
    if image.isNull():
        return image
    scaled = image.scaled(
        THUMB_PX,
        THUMB_PX,
        Qt.AspectRatioMode.KeepAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )
    tile = QImage(THUMB_PX, THUMB_PX, QImage.Format.Format_ARGB32_Premultiplied)
    tile.fill(Qt.GlobalColor.transparent)  # the list's own background shows in light and dark
    painter = QPainter(tile)
    # On the tile's bottom edge: a wide photo sits right above its caption, not far from it.
    painter.drawImage((THUMB_PX - scaled.width()) // 2, THUMB_PX - scaled.height(), scaled)
    painter.end()
    return tile


class ThumbnailCache(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pixmaps: dict[str, QPixmap] = {}
        self.pending: set[str] = set()
        self.placeholder = QPixmap(THUMB_PX, THUMB_PX)
        self.placeholder.fill(colour("tile"))
        self.listeners: list = []

    def get(self, key: str, read: Callable[[], bytes]) -> QPixmap | None:
        """The thumbnail ``key`` names, if loaded; else None, and ``read()`` (on a worker)
        fetches its bytes unless a load is already on its way."""
        pixmap = self.pixmaps.get(key)
        if pixmap is None and key not in self.pending:
            self.pending.add(key)
            run_in_background(
                self,
                lambda: _load_thumbnail(read()),
                lambda img: self._loaded(key, img),
                lambda _error: self._loaded(key, QImage()),  # unreadable: the plain tile
            )
        return pixmap

    def clear(self) -> None:
        """Forget every thumbnail, and every load on its way (the store was replaced: those
        jobs were stopped, and their keys must be asked for again)."""
        self.pixmaps.clear()
        self.pending.clear()

    def _loaded(self, key: str, image: QImage) -> None:
        self.pending.discard(key)
        self.pixmaps[key] = QPixmap.fromImage(image) if not image.isNull() else self.placeholder
        for listener in self.listeners:
            listener(key)


class TimelineModel(QAbstractListModel):
    def __init__(self, library: PhotosService, cache: ThumbnailCache) -> None:
        super().__init__()
        self.library = library
        self.cache = cache
        self.photos: list[Photo] = []
        self.show_site = True
        self._rows_by_thumb: dict[str, int] = {}
        cache.listeners.append(self._thumbnail_ready)

    def load(self, site_id: int | None) -> None:
        self.beginResetModel()
        self.photos = self.library.photos(site_id)
        self.show_site = site_id is None
        self._rows_by_thumb = {photo.thumb_relpath: row for row, photo in enumerate(self.photos)}
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = ROOT) -> int:
        return 0 if parent.isValid() else len(self.photos)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if not index.isValid():
            return None
        photo = self.photos[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return caption(photo, self.show_site)
        if role == Qt.ItemDataRole.DecorationRole:
            library = self.library
            pixmap = self.cache.get(photo.thumb_relpath, lambda: library.thumbnail_bytes(photo))
            return pixmap or self.cache.placeholder
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(photo)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return tooltip(photo)
        if role == PhotoRole:
            return photo
        if role == Qt.ItemDataRole.SizeHintRole:
            return QSize(THUMB_PX + 24, THUMB_PX + 56)
        return None

    def _thumbnail_ready(self, key: str) -> None:
        row = self._rows_by_thumb.get(key)
        if row is not None and row < len(self.photos):
            index = self.index(row)
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])


def caption(photo: Photo, with_site: bool = False) -> str:
    date = photo.taken_at.strftime("%d %b %Y")
    if with_site:
        date = f"{photo.site} · {date}"
    light = " · UV" if photo.light == "uv" else ""
    label = f"\n{photo.label}" if photo.label else ""
    return f"{date}{light}{label}"


def tooltip(photo: Photo) -> str:
    light = "UV light (Wood's lamp)" if photo.light == "uv" else "visible light"
    parts = [
        photo.site,
        photo.taken_at.strftime("%d %B %Y"),
        light,
        f"{photo.width}x{photo.height}",
    ]
    if photo.label:
        parts.append(photo.label)
    return " · ".join(parts)
