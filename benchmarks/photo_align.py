"""Automatic alignment of two 12 MP JPEGs against just decoding them with Pillow, same run.

The VitiDesk side is the whole of ``align_files``: read both files, decode them with the
allowed decoders and turn them upright, shrink, and estimate the similarity. The baseline
opens and fully decodes the same two files with bare Pillow. Target: align <= 2 s.

    python benchmarks/photo_align.py [--runs 3]
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

from vitidesk.core.alignment import Similarity, align_files

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.synthetic_skin import pillow_affine, skin_scene

WIDTH, HEIGHT = 4000, 3000  # 12 MP
SCENE = 2000  # the skin "scene" both photos are cut from, at lower resolution
ZOOM = 2.75  # photo pixels per scene pixel
TRUTH_ROTATION, TRUTH_SCALE, TRUTH_SHIFT = -14.0, 1.09, (260.0, -170.0)


def photo(
    scene: Image.Image, moving_to_ref: Similarity, path: Path, tone: tuple, seed: int
) -> None:
    """A 12 MP JPEG: photo pixel q shows the reference photo's point moving_to_ref(q)."""
    to_scene = np.array(
        [
            [1 / ZOOM, 0, SCENE / 2 - WIDTH / (2 * ZOOM)],
            [0, 1 / ZOOM, SCENE / 2 - HEIGHT / (2 * ZOOM)],
            [0, 0, 1.0],
        ]
    )
    m = to_scene @ moving_to_ref.matrix()
    coefficients = pillow_affine(m)
    view = scene.transform(
        (WIDTH, HEIGHT), Image.Transform.AFFINE, coefficients, Image.Resampling.BILINEAR
    )
    gain, gamma, balance = tone
    pixels = np.asarray(view, np.float32) / 255.0
    pixels = np.clip(pixels * gain * np.asarray(balance, np.float32), 0, 1) ** gamma * 255.0
    pixels += np.random.default_rng(seed).normal(0, 4, size=pixels.shape).astype(np.float32)
    Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8)).save(path, "JPEG", quality=90)


def decode_both(paths: list[Path]) -> None:
    for path in paths:
        with Image.open(path) as image:
            image.load()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    centre = np.array([(WIDTH - 1) / 2, (HEIGHT - 1) / 2])
    turn = Similarity(0.0, 0.0, TRUTH_ROTATION, TRUTH_SCALE)
    shift = centre - turn.apply(centre) + np.array(TRUTH_SHIFT)
    truth = Similarity(float(shift[0]), float(shift[1]), TRUTH_ROTATION, TRUTH_SCALE)
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        scene = Image.fromarray(skin_scene(SCENE, SCENE, seed=3))
        ref, moving = folder / "visit1.jpg", folder / "visit2.jpg"
        photo(scene, Similarity.identity(), ref, (1.0, 1.0, (1.0, 1.0, 1.0)), seed=1)
        photo(scene, truth, moving, (0.8, 1.15, (1.08, 1.0, 0.9)), seed=2)
        print(
            f"test photos: {WIDTH}x{HEIGHT} JPEGs, {ref.stat().st_size / 1e6:.1f} and "
            f"{moving.stat().st_size / 1e6:.1f} MB"
        )
        decode_both([ref, moving])
        bare_times, align_times = [], []
        result = None
        for _ in range(args.runs):
            start = time.perf_counter()
            decode_both([ref, moving])
            bare_times.append(time.perf_counter() - start)
            start = time.perf_counter()
            result = align_files(ref, moving)
            align_times.append(time.perf_counter() - start)
    assert result is not None
    corners = np.array([[0, 0], [WIDTH - 1, 0], [0, HEIGHT - 1], [WIDTH - 1, HEIGHT - 1]], float)
    error = np.max(np.hypot(*(result.transform.apply(corners) - truth.apply(corners)).T))
    bare, align = statistics.median(bare_times), statistics.median(align_times)
    print(f"truth:     {_describe(truth)}")
    print(f"estimated: {_describe(result.transform)}, confidence {result.confidence:.2f}")
    print(f"max corner error: {error:.2f} px at full resolution")
    print(f"bare Pillow decode of both: median {bare:.3f} s over {args.runs} runs")
    print(f"vitidesk align_files:       median {align:.3f} s over {args.runs} runs")
    print(f"ratio: {align / bare:.2f}; align {'meets' if align <= 2.0 else 'misses'} <= 2 s")
    print(f"Qt loaded: {'PySide6' in sys.modules}")
    return 0


def _describe(transform: Similarity) -> str:
    return (
        f"rotation {transform.rotation_deg:+.3f} deg, scale {transform.scale:.4f}, "
        f"shift ({transform.dx:+.2f}, {transform.dy:+.2f}) px"
    )


if __name__ == "__main__":
    raise SystemExit(main())
