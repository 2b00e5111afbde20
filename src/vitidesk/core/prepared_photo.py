"""What an import makes of a photo file, and why it may refuse one; without Pillow, so the
library, its services and the window can name these without loading the image code."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from vitidesk.errors import UserError


class PhotoRejectedError(UserError):
    """A file that cannot become a photo in the library."""


@dataclass(frozen=True)
class PreparedPhoto:
    source: Path
    source_sha256: str
    data: bytes  # the clean full-resolution image
    suffix: str  # ".jpg" or ".png"
    thumbnail: bytes  # a small JPEG for the timeline
    width: int
    height: int
    taken_at: dt.date
    date_source: str  # "exif", "file" or "user"


def shown_name(path: Path) -> str:
    """``path`` as text that can always be printed and stored: bytes that are not UTF-8 (a
    name from another system) show as the replacement character."""
    return os.fsencode(path).decode("utf-8", "replace")
