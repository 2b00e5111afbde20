"""Turn an untrusted photo file into a clean, upright copy safe to keep.

Only the formats VitiDesk needs are decoded (Pillow's ``formats=``): never EPS (which runs
Ghostscript) or anything else a hostile file might ask for. Sizes are checked from the header
before any pixel is decoded, so a decompression bomb is refused without using the memory it
asks for. The stored copy is re-encoded from pixels alone: no EXIF, GPS, maker notes, camera
serials, JPEG or GIF comments, PNG text or colour profile survive (pixels are converted to
sRGB first; a profile that cannot be used is dropped). Every refusal is a
:class:`PhotoRejectedError` naming the file and reason.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import io
import os
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import cast

from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

from vitidesk.core.prepared_photo import PhotoRejectedError, PreparedPhoto, shown_name

BASE_FORMATS = ("JPEG", "PNG", "WEBP", "TIFF", "GIF", "BMP")
MAX_PIXELS = 110_000_000  # covers 108 MP phone cameras
MAX_FILE_BYTES = 300 * 1024 * 1024
THUMB_SIZE = 360
JPEG_QUALITY = 95  # with 4:4:4 chroma: visually lossless
EXIF_IFD = 0x8769
DATE_TIME_ORIGINAL = 36867
READABLE = "JPEG, PNG, WebP, HEIC, TIFF, GIF or BMP"

__all__ = ["PhotoRejectedError", "PreparedPhoto", "open_untrusted", "prepare_photo", "shown_name"]

_heif_ready: bool | None = None
Image.MAX_IMAGE_PIXELS = MAX_PIXELS  # Pillow's own bomb guard, at our limit


def allowed_formats() -> tuple[str, ...]:
    global _heif_ready
    if _heif_ready is None:
        # Register exactly the decoders we use (Image.open's formats= needs them loaded).
        from PIL import (  # noqa: F401
            BmpImagePlugin,
            GifImagePlugin,
            JpegImagePlugin,
            PngImagePlugin,
            TiffImagePlugin,
            WebPImagePlugin,
        )

        try:
            import pillow_heif

            pillow_heif.register_heif_opener()
            _heif_ready = True
        except Exception:  # the wheel is missing or broken: HEIC is then refused cleanly
            _heif_ready = False
    return (*BASE_FORMATS, "HEIF") if _heif_ready else BASE_FORMATS


def _exif_date(image: Image.Image) -> dt.date | None:
    try:
        raw = image.getexif().get_ifd(EXIF_IFD).get(DATE_TIME_ORIGINAL)
    except Exception:
        return None
    if isinstance(raw, bytes):
        raw = raw.decode("ascii", "replace")
    if not isinstance(raw, str):
        return None
    try:
        return dt.datetime.strptime(raw.strip()[:19], "%Y:%m:%d %H:%M:%S").date()
    except ValueError:
        try:
            return dt.datetime.strptime(raw.strip()[:10], "%Y:%m:%d").date()
        except ValueError:
            return None


def _to_8bit(image: Image.Image) -> Image.Image:
    """Bring deep, float, CMYK or palette images to plain 8-bit RGB or RGBA."""
    if image.mode in ("I;16", "I;16L", "I;16B", "I;16N", "I", "F"):
        low, high = cast(tuple[float, float], image.convert("F").getextrema())  # one band
        span = (high - low) or 1.0
        return (
            image.convert("F").point(lambda v: (v - low) * 255.0 / span).convert("L").convert("RGB")
        )
    has_alpha = image.mode in ("RGBA", "LA", "PA", "RGBa", "La") or (
        image.mode == "P" and "transparency" in image.info
    )
    return image.convert("RGBA" if has_alpha else "RGB")


def _to_srgb(image: Image.Image, icc: bytes | None) -> Image.Image:
    """Convert to sRGB with the file's own profile; an unusable profile is dropped (the
    pixels are kept as they are), never copied into the library."""
    if not icc or image.mode not in ("RGB", "RGBA"):
        return image
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        target = ImageCms.createProfile("sRGB")
        return ImageCms.profileToProfile(image, source, target, outputMode=image.mode) or image
    except Exception:  # a broken or mismatched profile
        return image


def _encode(image: Image.Image) -> tuple[bytes, str]:
    buffer = io.BytesIO()
    if image.mode == "RGBA":
        image.save(buffer, "PNG", compress_level=6)
        return buffer.getvalue(), ".png"
    image.save(buffer, "JPEG", quality=JPEG_QUALITY, subsampling=0)
    return buffer.getvalue(), ".jpg"


def make_thumbnail(image: Image.Image, size: int = THUMB_SIZE) -> bytes:
    small = (
        image.copy()
        if max(image.size) <= size * 4
        else image.reduce(max(1, max(image.size) // (size * 2)))
    )
    small.thumbnail((size, size), Image.Resampling.LANCZOS)
    if small.mode == "RGBA":
        backdrop = Image.new("RGB", small.size, "white")
        backdrop.paste(small, mask=small.getchannel("A"))
        small = backdrop
    buffer = io.BytesIO()
    small.convert("RGB").save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


def _read(path: Path) -> bytes:
    try:
        info = path.stat()
    except FileNotFoundError:
        if path.is_symlink():
            target = shown_name(Path(os.readlink(path)))
            raise PhotoRejectedError(
                shown_name(path), f"a broken link (it points to {target}, which does not exist)"
            ) from None
        raise PhotoRejectedError(shown_name(path), "no such file") from None
    except OSError as exc:
        raise PhotoRejectedError(shown_name(path), f"cannot be read ({exc.strerror})") from exc
    if not path.is_file():
        raise PhotoRejectedError(shown_name(path), "not a file")
    if info.st_size == 0:
        raise PhotoRejectedError(shown_name(path), "the file is empty")
    if info.st_size > MAX_FILE_BYTES:
        raise PhotoRejectedError(shown_name(path), "the file is larger than 300 MB")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise PhotoRejectedError(shown_name(path), f"cannot be read ({exc.strerror})") from exc


def decode_upright(path: Path, data: bytes) -> Image.Image:
    """Open with the allowed decoders only, check the size, load, and turn upright."""
    name = shown_name(path)
    try:
        image = Image.open(io.BytesIO(data), formats=allowed_formats())
    except UnidentifiedImageError:
        raise PhotoRejectedError(name, f"not an image VitiDesk reads ({READABLE})") from None
    except Image.DecompressionBombError:
        raise PhotoRejectedError(
            name, "the image is far too large to open safely (over 110 MP)"
        ) from None
    except Exception as exc:
        raise PhotoRejectedError(name, f"damaged image ({_short(exc)})") from None
    width, height = image.size
    if width <= 0 or height <= 0:
        raise PhotoRejectedError(name, "the image has no pixels")
    if width * height > MAX_PIXELS:
        megapixels = width * height / 1e6
        raise PhotoRejectedError(
            name,
            f"the image declares {width}x{height} pixels ({megapixels:.0f} MP); "
            "the limit is 110 MP",
        )
    try:
        image.load()
    except Image.DecompressionBombError:
        raise PhotoRejectedError(
            name, "the image is far too large to open safely (over 110 MP)"
        ) from None
    except Exception as exc:
        raise PhotoRejectedError(name, f"damaged or truncated image ({_short(exc)})") from None
    try:
        upright = ImageOps.exif_transpose(image)
    except Exception:  # unreadable orientation tag: keep the pixels as stored
        upright = image
    return upright if upright is not None else image


@contextlib.contextmanager
def _quiet_native_stderr(active: bool = True) -> Iterator[None]:
    """libtiff and some decoders print straight to file descriptor 2; hide that while
    decoding (the person gets our one-line reason instead)."""
    if not active or os.name != "posix":
        yield
        return
    try:
        saved = os.dup(2)
    except OSError:
        yield
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        os.close(devnull)


def _short(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:80]


def open_untrusted(path: Path) -> Image.Image:
    """Read and decode ``path`` with every check an import makes (size, allowed decoders,
    bombs), turned upright. Raises PhotoRejectedError with a one-line reason."""
    path = Path(path)
    data = _read(path)
    with warnings.catch_warnings(), _quiet_native_stderr():
        warnings.simplefilter("ignore")  # library warnings never reach the person as raw text
        try:
            return decode_upright(path, data)
        except MemoryError:
            raise PhotoRejectedError(
                shown_name(path), "not enough memory to open this image"
            ) from None


def prepare_photo(path: Path, taken: dt.date | None = None) -> PreparedPhoto:
    """Decode, check and clean ``path``. Raises PhotoRejectedError with a one-line reason."""
    path = Path(path)
    data = _read(path)
    with warnings.catch_warnings(), _quiet_native_stderr():
        warnings.simplefilter("ignore")  # library warnings never reach the person as raw text
        image = decode_upright(path, data)
        date_source = "user" if taken else "exif"
        when = taken or _exif_date(image)
        if when is None:
            date_source = "file"
            when = dt.date.fromtimestamp(path.stat().st_mtime)
        try:
            clean = _to_srgb(_to_8bit(image), image.info.get("icc_profile"))
            clean.info = {}  # pixels only: no comment, text chunk, EXIF or (unused) profile
            encoded, suffix = _encode(clean)
            thumbnail = make_thumbnail(clean)
        except MemoryError:
            raise PhotoRejectedError(
                shown_name(path), "not enough memory to process this image"
            ) from None
        except Exception as exc:
            raise PhotoRejectedError(
                shown_name(path), f"cannot be converted ({_short(exc)})"
            ) from None
    return PreparedPhoto(
        source=path,
        source_sha256=hashlib.sha256(data).hexdigest(),
        data=encoded,
        suffix=suffix,
        thumbnail=thumbnail,
        width=clean.width,
        height=clean.height,
        taken_at=when,
        date_source=date_source,
    )
