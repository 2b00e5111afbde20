"""The timeline's model: one row per photo, thumbnails loaded off the GUI thread and cached.

Rows are plain data, so 1,000 photos list instantly; a thumbnail is read from disk (made once
at import) only when the view asks for it, on the thread pool, and kept as a QPixmap.
"""

from __future__ import annotations

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


def _load_thumbnail(path: str) -> QImage:
    """The thumbnail on a square tile, so every caption lines up.
    Runs on a worker: QImage and QPainter-on-QImage (unlike QPixmap) are safe there."""
    image = QImage(path)
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

    def get(self, path: str) -> QPixmap | None:
        pixmap = self.pixmaps.get(path)
        if pixmap is None and path not in self.pending:
            self.pending.add(path)
            run_in_background(
                self, lambda: _load_thumbnail(path), lambda img: self._loaded(path, img)
            )
        return pixmap

    def _loaded(self, path: str, image: QImage) -> None:
        self.pending.discard(path)
        self.pixmaps[path] = QPixmap.fromImage(image) if not image.isNull() else self.placeholder
        for listener in self.listeners:
            listener(path)


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
        self._rows_by_thumb = {
            str(self.library.thumbnail_path(photo)): row for row, photo in enumerate(self.photos)
        }
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
            return self.cache.get(str(self.library.thumbnail_path(photo))) or self.cache.placeholder
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(photo)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return tooltip(photo)
        if role == PhotoRole:
            return photo
        if role == Qt.ItemDataRole.SizeHintRole:
            return QSize(THUMB_PX + 24, THUMB_PX + 56)
        return None

    def _thumbnail_ready(self, path: str) -> None:
        row = self._rows_by_thumb.get(path)
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
