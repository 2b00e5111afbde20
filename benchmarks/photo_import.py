"""Import of a 24 MP phone JPEG against a bare Pillow open + upright + re-encode, same run.

The VitiDesk side is the whole headless import (no Qt): read, hash, decode with the allowed
decoders, turn upright, strip metadata, re-encode, make the thumbnail, write both files
atomically and record them in the store. Target: ratio <= 1.5.

    python benchmarks/photo_import.py [--runs 5]
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from PIL import Image, ImageOps

from vitidesk.storage.database import Store
from vitidesk.storage.photo_batch import IMPORTED, import_files
from vitidesk.storage.photos import PhotoLibrary

WIDTH, HEIGHT = 6000, 4000  # 24 MP


def make_phone_jpeg(path: Path) -> Path:
    rng = np.random.default_rng(7)
    y, x = np.mgrid[0:HEIGHT, 0:WIDTH]
    base = np.stack(
        [
            170 + 30 * np.sin(x / 700.0),
            120 + 25 * np.cos(y / 500.0),
            95 + 20 * np.sin((x + y) / 900.0),
        ],
        axis=-1,
    )
    noise = rng.normal(0, 9, size=(HEIGHT, WIDTH, 3))
    pixels = np.clip(base + noise, 0, 255).astype(np.uint8)
    exif = Image.Exif()
    exif[0x0112] = 6
    exif.get_ifd(0x8769)[36867] = "2026:03:01 09:30:00"
    Image.fromarray(pixels).save(path, "JPEG", quality=90, exif=exif)
    return path


def bare_pillow(path: Path) -> None:
    with Image.open(path) as image:
        upright = ImageOps.exif_transpose(image)
        upright.save(io.BytesIO(), "JPEG", quality=95, subsampling=0)


def vitidesk_import(path: Path, data_dir: Path) -> None:
    with Store.open(data_dir) as store:
        library = PhotoLibrary(store)
        (outcome,) = import_files(
            library, [path], site=library.site_named("Face"), allow_duplicates=True
        )
        assert outcome.status == IMPORTED, outcome.message


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        photo = make_phone_jpeg(folder / "IMG_0001.jpg")
        print(
            f"test photo: {WIDTH}x{HEIGHT}, {photo.stat().st_size / 1e6:.1f} MB, EXIF orientation 6"
        )
        bare_pillow(photo)
        vitidesk_import(photo, folder / "warm")
        bare_times, app_times = [], []
        for run in range(args.runs):
            start = time.perf_counter()
            bare_pillow(photo)
            bare_times.append(time.perf_counter() - start)
            start = time.perf_counter()
            vitidesk_import(photo, folder / f"data{run}")
            app_times.append(time.perf_counter() - start)
    bare, app = statistics.median(bare_times), statistics.median(app_times)
    print(f"bare Pillow open+upright+re-encode: median {bare:.3f} s over {args.runs} runs")
    print(f"vitidesk import (headless):         median {app:.3f} s over {args.runs} runs")
    print(f"ratio: {app / bare:.2f} (target <= 1.5)")
    print(f"Qt loaded: {'PySide6' in sys.modules}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
