"""Make small test images on the fly: every format, mode and orientation the import must handle."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

from PIL import Image

# Upright reference: 4 quadrants of clearly different colours, wider than tall.
QUADRANTS = {
    "top_left": (220, 40, 40),
    "top_right": (40, 40, 220),
    "bottom_left": (40, 200, 40),
    "bottom_right": (240, 220, 40),
}
UPRIGHT_SIZE = (120, 80)

# What exif_transpose applies for each orientation, and its inverse (to make the stored pixels).
INVERSE_OF_ORIENTATION = {
    1: None,
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_90,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_270,
}


def upright_reference() -> Image.Image:
    width, height = UPRIGHT_SIZE
    image = Image.new("RGB", UPRIGHT_SIZE)
    for name, colour in QUADRANTS.items():
        left = 0 if "left" in name else width // 2
        top = 0 if name.startswith("top") else height // 2
        image.paste(colour, (left, top, left + width // 2, top + height // 2))
    return image


def quadrant_colours(image: Image.Image) -> dict[str, tuple[int, int, int]]:
    rgb = image.convert("RGB")
    width, height = rgb.size
    points = {
        "top_left": (width // 4, height // 4),
        "top_right": (3 * width // 4, height // 4),
        "bottom_left": (width // 4, 3 * height // 4),
        "bottom_right": (3 * width // 4, 3 * height // 4),
    }
    return {name: rgb.getpixel(point) for name, point in points.items()}


def close(a: tuple[int, ...], b: tuple[int, ...], tolerance: int = 30) -> bool:
    return all(abs(x - y) <= tolerance for x, y in zip(a, b, strict=True))


def oriented_jpeg(path: Path, orientation: int) -> Path:
    stored = upright_reference()
    inverse = INVERSE_OF_ORIENTATION[orientation]
    if inverse is not None:
        stored = stored.transpose(inverse)
    exif = Image.Exif()
    exif[0x0112] = orientation
    stored.save(path, "JPEG", quality=95, exif=exif)
    return path


def jpeg_with_private_metadata(path: Path, when: str = "2025:06:01 10:20:30") -> Path:
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x0110] = "Phone Model X"  # Model
    exif[0x0131] = "Camera firmware 1.2"  # Software
    gps = exif.get_ifd(0x8825)
    gps[1] = "N"
    gps[2] = (51.0, 30.0, 12.5)
    gps[3] = "W"
    gps[4] = (0.0, 7.0, 40.0)
    private = exif.get_ifd(0x8769)
    private[0x9003] = when  # DateTimeOriginal
    private[0xA431] = "SERIAL-123456789"  # BodySerialNumber
    private[0x927C] = b"MAKERNOTE-SECRET"  # MakerNote
    upright_reference().save(path, "JPEG", quality=95, exif=exif)
    return path


def png_declaring(path: Path, width: int, height: int) -> Path:
    """A tiny PNG whose header claims huge dimensions (and whose data is a few bytes)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 64))
    data += chunk(b"IEND", b"")
    path.write_bytes(data)
    return path


def bomb_png(path: Path) -> Path:
    """A real, valid PNG of 11,000 x 11,000 black pixels (121 MP) in a few hundred kB."""
    width = height = 11_000
    raw = zlib.compressobj(9)
    row = b"\0" + b"\0" * width  # filter byte + one grey byte per pixel
    compressed = b"".join(raw.compress(row) for _ in range(height)) + raw.flush()

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", compressed)
        + chunk(b"IEND", b"")
    )
    return path


def encoded(image: Image.Image, fmt: str, **options) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, fmt, **options)
    return buffer.getvalue()
