"""Photo import: every format and mode, upright, clean of metadata, and safe with hostile files."""

from __future__ import annotations

import datetime as dt
import io
import os
from pathlib import Path

import pytest
from PIL import Image

from tests.photo_samples import (
    QUADRANTS,
    bomb_png,
    close,
    encoded,
    jpeg_with_private_metadata,
    oriented_jpeg,
    png_declaring,
    quadrant_colours,
    upright_reference,
)
from vitidesk.core.photo_import import PhotoRejectedError, prepare_photo


def _stored(prepared) -> Image.Image:
    return Image.open(io.BytesIO(prepared.data))


@pytest.mark.parametrize("orientation", range(1, 9))
def test_every_exif_orientation_is_stored_upright(tmp_path: Path, orientation: int) -> None:
    prepared = prepare_photo(oriented_jpeg(tmp_path / f"o{orientation}.jpg", orientation))
    stored = _stored(prepared)
    assert stored.size == (120, 80)
    assert (prepared.width, prepared.height) == (120, 80)
    colours = quadrant_colours(stored)
    for name, expected in QUADRANTS.items():
        assert close(colours[name], expected), (orientation, name, colours[name])
    assert 0x0112 not in stored.getexif()


def _make(fmt: str, mode: str, **options) -> bytes:
    image = upright_reference()
    if mode == "RGBA":
        image = image.convert("RGBA")
    elif mode == "I;16":
        image = image.convert("L").point(lambda v: v * 256, "I").convert("I;16")
    elif mode != "RGB":
        image = image.convert(mode)
    return encoded(image, fmt, **options)


FORMAT_CASES = [
    ("JPEG", "RGB", {}),
    ("JPEG", "L", {}),
    ("JPEG", "CMYK", {}),
    ("PNG", "RGB", {}),
    ("PNG", "RGBA", {}),
    ("PNG", "LA", {}),
    ("PNG", "P", {}),
    ("PNG", "I;16", {}),
    ("PNG", "1", {}),
    ("WEBP", "RGB", {"quality": 95}),
    ("WEBP", "RGBA", {"lossless": True}),
    ("TIFF", "RGB", {}),
    ("TIFF", "CMYK", {}),
    ("TIFF", "I;16", {}),
    ("GIF", "P", {}),
    ("BMP", "RGB", {}),
    ("BMP", "L", {}),
]


@pytest.mark.parametrize(("fmt", "mode", "options"), FORMAT_CASES)
def test_every_format_and_mode_imports(tmp_path: Path, fmt: str, mode: str, options) -> None:
    path = tmp_path / f"photo.{fmt.lower()}"
    path.write_bytes(_make(fmt, mode, **options))
    prepared = prepare_photo(path)
    stored = _stored(prepared)
    assert stored.format in ("JPEG", "PNG")
    assert stored.mode in ("RGB", "RGBA")
    assert stored.size == (120, 80)
    if mode not in ("1", "L", "LA", "I;16", "CMYK", "P"):  # colour survives in colour formats
        assert close(quadrant_colours(stored)["top_left"], QUADRANTS["top_left"], 40)
    thumb = Image.open(io.BytesIO(prepared.thumbnail))
    assert thumb.format == "JPEG" and max(thumb.size) <= 360


def test_heic_from_an_iphone_imports(tmp_path: Path) -> None:
    import pillow_heif

    pillow_heif.register_heif_opener()
    path = tmp_path / "IMG_0001.HEIC"
    upright_reference().save(path, "HEIF", quality=95)
    prepared = prepare_photo(path)
    assert close(quadrant_colours(_stored(prepared))["bottom_right"], QUADRANTS["bottom_right"], 40)


def test_first_frame_of_animated_gif_and_multipage_tiff(tmp_path: Path) -> None:
    first = upright_reference()
    second = Image.new("RGB", first.size, (0, 0, 0))
    gif = tmp_path / "anim.gif"
    first.save(gif, save_all=True, append_images=[second], duration=100, loop=0)
    tiff = tmp_path / "pages.tiff"
    first.save(tiff, save_all=True, append_images=[second])
    for path in (gif, tiff):
        colours = quadrant_colours(_stored(prepare_photo(path)))
        assert close(colours["top_right"], QUADRANTS["top_right"], 40), path


def test_format_is_recognised_by_content_not_name(tmp_path: Path) -> None:
    path = tmp_path / "holiday.jpg"
    path.write_bytes(_make("PNG", "RGB"))
    assert _stored(prepare_photo(path)).size == (120, 80)


def test_private_metadata_is_stripped_and_the_date_kept(tmp_path: Path) -> None:
    prepared = prepare_photo(jpeg_with_private_metadata(tmp_path / "phone.jpg"))
    assert prepared.taken_at == dt.date(2025, 6, 1)
    assert prepared.date_source == "exif"
    assert len(_stored(prepared).getexif()) == 0
    for secret in (
        b"Exif",
        b"GPS",
        b"SERIAL-123456789",
        b"MAKERNOTE",
        b"PhoneMaker",
        b"Phone Model",
    ):
        assert secret not in prepared.data
        assert secret not in prepared.thumbnail
    assert "icc_profile" not in _stored(prepared).info


def test_png_text_chunks_are_stripped(tmp_path: Path) -> None:
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", "home address 1 Secret Lane")
    path = tmp_path / "scan.png"
    upright_reference().save(path, "PNG", pnginfo=info)
    assert b"Secret Lane" not in prepare_photo(path).data


def test_without_exif_the_file_date_is_used_and_a_given_date_wins(tmp_path: Path) -> None:
    path = tmp_path / "plain.png"
    upright_reference().save(path)
    stamp = dt.datetime(2024, 2, 29, 12, 0).timestamp()
    os.utime(path, (stamp, stamp))
    prepared = prepare_photo(path)
    assert (prepared.taken_at, prepared.date_source) == (dt.date(2024, 2, 29), "file")
    chosen = prepare_photo(path, dt.date(2023, 1, 5))
    assert (chosen.taken_at, chosen.date_source) == (dt.date(2023, 1, 5), "user")


def _refusal(path: Path) -> str:
    with pytest.raises(PhotoRejectedError) as caught:
        prepare_photo(path)
    message = caught.value.one_line()
    assert message.startswith(str(path) + ": ")
    assert "\n" not in message and "Traceback" not in message
    return message


def test_empty_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "empty.jpg"
    path.write_bytes(b"")
    assert _refusal(path).endswith("the file is empty")


def test_truncated_jpeg_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "cut.jpg"
    path.write_bytes(_make("JPEG", "RGB")[:400])
    assert "truncated" in _refusal(path)


def test_not_an_image_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.jpg"
    path.write_text("Dear doctor, here are my notes.")
    assert "not an image VitiDesk reads" in _refusal(path)


def test_formats_we_do_not_need_are_never_decoded(tmp_path: Path, monkeypatch) -> None:
    import subprocess

    def no_subprocess(*args, **kwargs):
        raise AssertionError("a decoder tried to run a program")

    monkeypatch.setattr(subprocess, "Popen", no_subprocess)
    eps = tmp_path / "drawing.jpg"
    eps.write_bytes(b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 10 10\nshowpage\n")
    assert "not an image VitiDesk reads" in _refusal(eps)
    for fmt, name in (("ICO", "icon.ico"), ("PPM", "x.ppm"), ("TGA", "x.tga")):
        path = tmp_path / name
        path.write_bytes(encoded(upright_reference(), fmt))
        assert "not an image VitiDesk reads" in _refusal(path)


def test_header_declaring_huge_dimensions_is_refused_before_decoding(tmp_path: Path) -> None:
    message = _refusal(png_declaring(tmp_path / "huge.png", 100_000, 100_000))
    assert "too large to open safely (over 110 MP)" in message
    message = _refusal(png_declaring(tmp_path / "wide.png", 12_000, 12_000))
    assert "declares 12000x12000 pixels (144 MP); the limit is 110 MP" in message


def test_decompression_bomb_is_refused_without_using_its_memory(tmp_path: Path) -> None:
    import resource

    path = bomb_png(tmp_path / "bomb.png")
    assert path.stat().st_size < 2_000_000
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    message = _refusal(path)
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    assert "11000x11000" in message
    assert (after - before) < 200 * 1024  # kB: far less than the 121 MP it would decode to


def test_missing_file_and_folder_are_refused(tmp_path: Path) -> None:
    assert _refusal(tmp_path / "gone.jpg").endswith("no such file")
    assert _refusal(tmp_path).endswith("not a file")


def _secret_files(tmp_path: Path) -> dict[str, Path]:
    """Files carrying the word SECRET in every kind of metadata import has met."""
    from PIL import ImageCms, PngImagePlugin

    picture = upright_reference()
    files = {}
    files["jpeg comment"] = tmp_path / "com.jpg"
    picture.save(files["jpeg comment"], "JPEG", comment=b"SECRET jpeg comment")
    files["gif comment"] = tmp_path / "com.gif"
    picture.convert("P").save(files["gif comment"], "GIF", comment=b"SECRET gif comment")
    text = PngImagePlugin.PngInfo()
    text.add_text("comment", "SECRET png text")
    text.add_itxt("Description", "SECRET png itxt")
    files["png text"] = tmp_path / "text.png"
    picture.save(files["png text"], "PNG", pnginfo=text)
    files["png text, transparent"] = tmp_path / "alpha.png"
    picture.convert("RGBA").save(files["png text, transparent"], "PNG", pnginfo=text)
    lab = ImageCms.ImageCmsProfile(ImageCms.createProfile("LAB")).tobytes()
    files["unusable profile"] = tmp_path / "lab.png"
    picture.convert("RGBA").save(files["unusable profile"], "PNG", icc_profile=lab)
    files["broken profile"] = tmp_path / "junk-icc.jpg"
    picture.save(files["broken profile"], "JPEG", icc_profile=b"SECRET not a profile" * 8)
    return files


@pytest.mark.parametrize(
    "kind",
    [
        "jpeg comment",
        "gif comment",
        "png text",
        "png text, transparent",
        "unusable profile",
        "broken profile",
    ],
)
def test_comments_text_and_unusable_profiles_do_not_survive_import(
    tmp_path: Path, kind: str
) -> None:
    prepared = prepare_photo(_secret_files(tmp_path)[kind])
    for blob in (prepared.data, prepared.thumbnail):
        stored = Image.open(io.BytesIO(blob))
        stored.load()
        assert b"SECRET" not in blob
        assert not {"comment", "icc_profile", "Description", "exif"} & set(stored.info), kind
        assert not getattr(stored, "text", {}), kind
    assert quadrant_colours(_stored(prepared))  # the pixels themselves are kept


def test_a_broken_link_is_refused_with_where_it_pointed(tmp_path: Path) -> None:
    link = tmp_path / "photo.jpg"
    link.symlink_to(tmp_path / "moved-away.jpg")
    message = _refusal(link)
    assert "a broken link" in message and "moved-away.jpg" in message
