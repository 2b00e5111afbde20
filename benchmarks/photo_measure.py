"""``photos measure`` on a 24 MP phone JPEG, and the guided (seeded) estimate with its
corrections, against a bare Pillow decode in the same run.

- automatic: :func:`vitidesk.core.depigmentation.measure_file` (the CLI: safe decode, upright,
  working size, skin, light correction, scoring and threshold);
- seeded: what Compare does with a stored photo: a reduced-size decode
  (:func:`~vitidesk.core.depigmentation.open_stored`), the session (skin, colour features, the
  graph) and the first cut from one click in a patch and one on skin. Target <= 1 s;
- re-segment: one more cut after a correction stroke, on the open session. Target <= 150 ms.

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

from vitidesk.core.depigmentation import measure_file, open_stored
from vitidesk.core.seeded import SeededSession, Seeds, Stroke

WIDTH, HEIGHT = 6000, 4000  # 24 MP
TARGET_SECONDS = 1.0
TARGET_RESEGMENT = 0.150


def make_photo(path: Path):
    """A synthetic skin photo (tone III, side light, glare...) enlarged to 24 MP, with the
    sensor grain of a phone photo (a smooth upscale would decode unrealistically fast).
    Returns the sample (its truth is at the sample's own size)."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from tests.depigmentation_samples import make_sample

    sample = make_sample(2, 3)
    big = sample.image.resize((WIDTH, HEIGHT), Image.Resampling.BICUBIC)
    grain = np.random.default_rng(7).integers(-6, 7, size=(HEIGHT, WIDTH, 3), dtype=np.int16)
    pixels = np.clip(np.asarray(big, dtype=np.int16) + grain, 0, 255).astype(np.uint8)
    Image.fromarray(pixels).save(path, "JPEG", quality=90)
    return sample


def bare_pillow(path: Path) -> None:
    with Image.open(path) as image:
        image.load()


def seeds_for(sample) -> Seeds:
    """One click well inside a patch and one on skin, in 24 MP pixels (the sample was
    stretched to 3:2, so x and y are scaled apart)."""
    zoom_x, zoom_y = WIDTH / sample.image.width, HEIGHT / sample.image.height
    ys, xs = np.nonzero(sample.truth)
    ky, kx = np.nonzero(sample.skin & ~sample.truth)
    i, j = len(ys) // 2, len(ky) // 3
    return Seeds(((xs[i] * zoom_x, ys[i] * zoom_y),), ((kx[j] * zoom_x, ky[j] * zoom_y),))


def seeded(path: Path, seeds: Seeds):
    image, full = open_stored(path)
    session = SeededSession.open(image, _full_size=full)
    return session, session.estimate(seeds)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        photo = Path(scratch) / "IMG_0001.jpg"
        sample = make_photo(photo)
        print(f"test photo: {WIDTH}x{HEIGHT}, {photo.stat().st_size / 1e6:.1f} MB")
        seeds = seeds_for(sample)
        bare_pillow(photo)
        estimate = measure_file(photo)  # warm up imports and caches
        seeded(photo, seeds)
        bare_times, app_times, seeded_times, cut_times = [], [], [], []
        guided = None
        for run in range(args.runs):
            start = time.perf_counter()
            bare_pillow(photo)
            bare_times.append(time.perf_counter() - start)
            start = time.perf_counter()
            estimate = measure_file(photo)
            app_times.append(time.perf_counter() - start)
            start = time.perf_counter()
            session, guided = seeded(photo, seeds)
            seeded_times.append(time.perf_counter() - start)
            corrected = seeds
            for stroke in range(3):  # erase a strip of skin, then add one, then erase again
                x0, y0 = 600.0 + 900 * stroke + 300 * run, 900.0 + 500 * stroke
                corrected = corrected.with_stroke(
                    Stroke(((x0, y0), (x0 + 800, y0 + 300)), 60.0, patch=stroke == 1)
                )
                start = time.perf_counter()
                session.estimate(corrected)
                cut_times.append(time.perf_counter() - start)
    bare, app = statistics.median(bare_times), statistics.median(app_times)
    first, again = statistics.median(seeded_times), statistics.median(cut_times)
    print(f"bare Pillow decode:             median {bare:.3f} s over {args.runs} runs")
    print(f"measure_file (automatic, CLI):  median {app:.3f} s (ratio {app / bare:.2f})")
    print(
        f"seeded estimate (stored photo): median {first:.3f} s (ratio {first / bare:.2f}); "
        f"target <= {TARGET_SECONDS:.1f} s: {first <= TARGET_SECONDS}"
    )
    print(
        f"re-segment after a stroke:      median {again * 1000:.0f} ms, worst "
        f"{max(cut_times) * 1000:.0f} ms over {len(cut_times)}; target <= "
        f"{TARGET_RESEGMENT * 1000:.0f} ms: {again <= TARGET_RESEGMENT}"
    )
    print(
        f"estimates: automatic {estimate.depigmented_fraction:.1%}, seeded "
        f"{guided.depigmented_fraction:.1%}, truth {sample.fraction:.1%}; working scale "
        f"{estimate.scale:.3f}, mask {estimate.mask.shape[1]}x{estimate.mask.shape[0]}"
    )
    print(f"Qt loaded: {'PySide6' in sys.modules}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
