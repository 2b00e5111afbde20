"""Decode a stored photo off the GUI thread: a quick preview first, full detail after.

QImageReader decodes JPEG at a reduced size directly (libjpeg's scaled decoding), so the
preview of a 24 MP photo is ready in a fraction of the full decode.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, QSize, QSizeF
from PySide6.QtGui import QImage, QImageReader, QPixmap

from vitidesk.errors import UserError
from vitidesk.ui.tasks import run_in_background

PREVIEW_LONG_SIDE = 1600


def _read(path: Path, long_side: int | None) -> tuple[QImage, QSize]:
    reader = QImageReader(str(path))
    reader.setAutoTransform(False)  # stored copies are already upright
    full = reader.size()
    if not full.isValid():
        raise UserError(str(path), "the stored photo cannot be read")
    if long_side and max(full.width(), full.height()) > long_side:
        reader.setScaledSize(full.scaled(long_side, long_side, _keep_aspect()))
    image = reader.read()
    if image.isNull():
        raise UserError(str(path), f"the stored photo cannot be read ({reader.errorString()})")
    return image, full


def _keep_aspect():
    from PySide6.QtCore import Qt

    return Qt.AspectRatioMode.KeepAspectRatio


@dataclass
class LoadedPhoto:
    """A photo for the canvas: its full size, and the best pixmap we have so far."""

    path: Path
    full_size: QSizeF = field(default_factory=QSizeF)
    pixmap: QPixmap | None = None
    detailed: bool = False

    @property
    def pixmap_scale(self) -> float:
        """Full-resolution pixels per pixmap pixel."""
        if self.pixmap is None or self.pixmap.width() == 0:
            return 1.0
        return self.full_size.width() / self.pixmap.width()


def load_photo(
    owner: QObject,
    path: Path,
    on_preview: Callable[[LoadedPhoto], None],
    on_full: Callable[[LoadedPhoto], None],
    on_error: Callable[[BaseException], None],
) -> LoadedPhoto:
    photo = LoadedPhoto(path)

    def preview_ready(result: tuple[QImage, QSize]) -> None:
        image, full = result
        photo.full_size = QSizeF(full)
        if not photo.detailed:
            photo.pixmap = QPixmap.fromImage(image)
        on_preview(photo)
        run_in_background(owner, lambda: _read(path, None), full_ready, on_error)

    def full_ready(result: tuple[QImage, QSize]) -> None:
        image, _ = result
        photo.pixmap = QPixmap.fromImage(image)
        photo.detailed = True
        on_full(photo)

    run_in_background(owner, lambda: _read(path, PREVIEW_LONG_SIDE), preview_ready, on_error)
    return photo
