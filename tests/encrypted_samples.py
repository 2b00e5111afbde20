"""A store full of private things (photos, answers with notes, diary notes), and a scan of
every byte of a folder for anything that would give them away."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PIL import Image

from tests.photo_samples import encoded, upright_reference
from vitidesk.core.photo_import import prepare_photo
from vitidesk.storage.crypto import Argon2Settings
from vitidesk.storage.database import Store
from vitidesk.storage.diary import Diary
from vitidesk.storage.photos import PhotoLibrary
from vitidesk.storage.responses import ResponseStore
from vitidesk.storage.settings import Settings

FAST = Argon2Settings(iterations=1, lanes=1, memory_kib=8 * 1024)  # tests only: quick unlocks
PASSPHRASE = "plum tree by the river"
ANSWER_NOTE = "PRIVATE-ANSWER-felt low after the clinic"
DIARY_NOTE = "PRIVATE-DIARY-stared at on the bus"
SECRETS = (ANSWER_NOTE.encode(), DIARY_NOTE.encode(), b"felt low", b"stared at")
JPEG_HEADER = b"\xff\xd8\xff"
PNG_HEADER = b"\x89PNG\r\n\x1a\n"
SQLITE_HEADER = b"SQLite format 3\x00"


def fill(data: Path, photos: int = 3) -> dict[str, bytes]:
    """A plain store with JPEG and PNG photos, answers and a diary note; returns each
    photo's relpath and image bytes as stored."""
    kept: dict[str, bytes] = {}
    with Store.open(data) as store:
        library = PhotoLibrary(store)
        face = library.site_named("Face")
        source = data.parent / "sources"
        source.mkdir(exist_ok=True)
        for index in range(photos):
            image = upright_reference().resize((160 + index, 120))
            fmt, suffix = ("PNG", ".png") if index % 2 else ("JPEG", ".jpg")
            path = source / f"photo-{index}{suffix}"
            path.write_bytes(encoded(image, fmt))
            photo = library.add(prepare_photo(path), face, label=f"label {index}")
            kept[photo.relpath] = library.image_bytes(photo)
        ResponseStore(store).record(
            "PHQ-4", [1, 2, 0, 1], note=ANSWER_NOTE, taken_at=dt.datetime(2026, 3, 1, 9, 0)
        )
        Diary(store).add(4, DIARY_NOTE)
        Settings(store).region = "GB"
    return kept


def leaks(folder: Path) -> list[str]:
    """Every file under ``folder`` holding an image or SQLite header or a private text."""
    found = []
    for path in sorted(folder.rglob("*")):
        if not path.is_file():
            continue
        data = path.read_bytes()
        for name, needle in (
            ("JPEG header", JPEG_HEADER),
            ("PNG header", PNG_HEADER),
            ("SQLite header", SQLITE_HEADER),
            *((f"text {s[:12]!r}", s) for s in SECRETS),
        ):
            if needle in data:
                found.append(f"{path.relative_to(folder)}: {name}")
    return found


def decoded_size(data: bytes) -> tuple[int, int]:
    import io

    with Image.open(io.BytesIO(data)) as image:
        return image.size
