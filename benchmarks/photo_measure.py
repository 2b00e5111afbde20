"""``photos measure`` on a 24 MP phone JPEG against a bare Pillow decode, same run.

The VitiDesk side is :func:`vitidesk.core.depigmentation.measure_file`: read, safe decode,
upright, reduce to the working size, CIELAB, skin, light correction, scoring and threshold.
The baseline is Pillow opening and fully decoding the same file. Target: <= 1 s.

    python benchmarks/photo_measure.py [--runs 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from PIL import Image

from vitidesk.core.depigmentation import measure_file

WIDTH, HEIGHT = 6000, 4000  # 24 MP
TARGET_SECONDS = 1.0


def make_photo(path: Path) -> Path:
    """A synthetic skin photo (tone III, side light, glare...) enlarged to 24 MP, with the
    sensor grain of a phone photo (a smooth upscale would decode unrealistically fast)."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from tests.depigmentation_samples import make_sample

    sample = make_sample(2, 3)
    big = sample.image.resize((WIDTH, HEIGHT), Image.Resampling.BICUBIC)
    grain = np.random.default_rng(7).integers(-6, 7, size=(HEIGHT, WIDTH, 3), dtype=np.int16)
    pixels = np.clip(np.asarray(big, dtype=np.int16) + grain, 0, 255).astype(np.uint8)
    Image.fromarray(pixels).save(path, "JPEG", quality=90)
    return path


def bare_pillow(path: Path) -> None:
    with Image.open(path) as image:
        image.load()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        photo = make_photo(Path(scratch) / "IMG_0001.jpg")
        print(f"test photo: {WIDTH}x{HEIGHT}, {photo.stat().st_size / 1e6:.1f} MB")
        bare_pillow(photo)
        estimate = measure_file(photo)  # warm up imports and caches
        bare_times, app_times = [], []
        for _ in range(args.runs):
            start = time.perf_counter()
            bare_pillow(photo)
            bare_times.append(time.perf_counter() - start)
            start = time.perf_counter()
            estimate = measure_file(photo)
            app_times.append(time.perf_counter() - start)
    bare, app = statistics.median(bare_times), statistics.median(app_times)
    print(f"bare Pillow decode:          median {bare:.3f} s over {args.runs} runs")
    print(f"measure_file (whole photo):  median {app:.3f} s over {args.runs} runs")
    print(f"ratio: {app / bare:.2f}; target <= {TARGET_SECONDS:.1f} s: {app <= TARGET_SECONDS}")
    print(
        f"estimate: {estimate.depigmented_fraction:.1%} depigmented, working scale "
        f"{estimate.scale:.3f}, mask {estimate.mask.shape[1]}x{estimate.mask.shape[0]}"
    )
    print(f"Qt loaded: {'PySide6' in sys.modules}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
