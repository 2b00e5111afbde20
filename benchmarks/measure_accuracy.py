"""Accuracy of the photo measurement, on data it was not tuned on.

1. **Real dermoscopy, seeded** (ISIC 2017, ``../shared/corpus/isic-lesions``, read in place):
   a box around the lesion (its outline's bounding box, widened by 30% on each side), one
   click well inside the lesion and one on skin near it (three draws per photo, fixed seeds);
   Dice overlap with the expert mask inside the box. The photos are split by their sorted
   position: even ones were used to tune (``--split tune``), odd ones are the held-out report
   set (default). Beside it the 20-line baseline of issue 14 (each pixel to the nearer of the
   two clicked colours in CIELAB), on the same clicks.
2. **Synthetic, independent generator** (``tests/skin_photos.py``, not the generator the
   automatic estimate was first built on): mean and worst absolute error of the depigmented
   fraction, automatic (whole photo) and seeded (one click in a patch, one on skin).
3. **Non-skin photos** (flowers, plain colours, printed pages): each must be refused.

    python benchmarks/measure_accuracy.py [--split tune|report|all] [--synthetic 36] [--quick]

Targets (issue 14): seeded Dice median >= 0.80; synthetic MAE <= 0.02, worst <= 0.05; every
non-skin photo refused.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import numpy as np
from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from vitidesk.core.colour_space import lab  # noqa: E402
from vitidesk.core.depigmentation import estimate_depigmentation  # noqa: E402
from vitidesk.core.image_ops import dilate, erode  # noqa: E402
from vitidesk.core.seeded import SeededSession, Seeds  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "isic-lesions"
BOX_MARGIN = 0.3
DRAWS = 3


def isic_files(split: str) -> list[Path]:
    files = sorted((CORPUS / "images").glob("ISIC_*.jpg"))
    if split == "tune":
        return files[::2]
    if split == "report":
        return files[1::2]
    return files


def interior_point(mask: np.ndarray) -> tuple[int, int]:
    """(x, y) of a pixel as far inside ``mask`` as erosion can tell."""
    last = mask
    while mask.any():
        last, mask = mask, erode(mask, 1)
    ys, xs = np.nonzero(last)
    return int(xs[len(xs) // 2]), int(ys[len(ys) // 2])


def dice(a: np.ndarray, b: np.ndarray) -> float:
    total = a.sum() + b.sum()
    return float(2 * (a & b).sum() / total) if total else 1.0


def nearest_colour(rgb: np.ndarray, patch: tuple[int, int], skin: tuple[int, int], r: int):
    _, big_l, a, b = lab(rgb)
    features = np.stack([big_l, a, b], axis=2)

    def mean_at(point):
        x, y = point
        return features[max(0, y - r) : y + r + 1, max(0, x - r) : x + r + 1].reshape(-1, 3).mean(0)

    p, s = mean_at(patch), mean_at(skin)
    return ((features - p) ** 2).sum(2) < ((features - s) ** 2).sum(2)


def dermoscopy(split: str) -> dict[str, list[float]]:
    out: dict[str, list[float]] = {"seeded": [], "baseline": [], "seconds": []}
    for path in isic_files(split):
        image = Image.open(path).convert("RGB")
        mask_path = CORPUS / "masks" / (path.stem + "_segmentation.png")
        truth = np.asarray(Image.open(mask_path)) > 127
        ys, xs = np.nonzero(truth)
        pad_y = int((ys.max() - ys.min()) * BOX_MARGIN)
        pad_x = int((xs.max() - xs.min()) * BOX_MARGIN)
        y0, y1 = max(0, ys.min() - pad_y), min(truth.shape[0], ys.max() + pad_y + 1)
        x0, x1 = max(0, xs.min() - pad_x), min(truth.shape[1], xs.max() + pad_x + 1)
        box = (int(x0), int(y0), int(x1 - x0), int(y1 - y0))
        inside = np.zeros(truth.shape, bool)
        inside[y0:y1, x0:x1] = True
        patch_point = interior_point(truth)
        margin = max(3, int(0.1 * np.sqrt(truth.sum())))
        ring = inside & ~dilate(truth, margin)
        if not ring.any():
            ring = ~truth
        ry, rx = np.nonzero(ring)
        rng = np.random.default_rng(int(path.stem.split("_")[1]))
        session = SeededSession.open(image, box)
        rgb = np.asarray(image)
        for _ in range(DRAWS):
            j = int(rng.integers(len(ry)))
            skin_point = (int(rx[j]), int(ry[j]))
            start = time.perf_counter()
            session.last = None  # each draw is a fresh estimate
            estimate = session.estimate(Seeds((patch_point,), (skin_point,)))
            out["seconds"].append(time.perf_counter() - start)
            out["seeded"].append(dice(estimate.mask & inside, truth & inside))
            baseline = nearest_colour(rgb, patch_point, skin_point, 4) & inside
            out["baseline"].append(dice(baseline, truth & inside))
    return out


def synthetic(count: int) -> tuple[np.ndarray, np.ndarray, list[str]]:
    from tests.skin_photos import cases

    automatic, seeded, names = [], [], []
    for case in cases(count):
        auto = estimate_depigmentation(case.image)
        guided = SeededSession.open(case.image).estimate(
            Seeds((case.patch_point,), (case.skin_point,))
        )
        automatic.append(auto.depigmented_fraction - case.fraction)
        seeded.append(guided.depigmented_fraction - case.fraction)
        names.append(case.name)
    return np.array(automatic), np.array(seeded), names


def refusals() -> list[tuple[str, str | None]]:
    from tests.skin_photos import non_skin_photos

    return [(name, estimate_depigmentation(im).refusal) for name, im in non_skin_photos().items()]


def summary(values: list[float]) -> str:
    a = np.array(values)
    return f"median {np.median(a):.3f}, mean {a.mean():.3f}, below 0.5: {(a < 0.5).sum()}/{a.size}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("tune", "report", "all"), default="report")
    parser.add_argument("--synthetic", type=int, default=36)
    parser.add_argument("--quick", action="store_true", help="a few cases, to prove it runs")
    args = parser.parse_args()
    if args.quick:
        args.synthetic = 3
    if CORPUS.is_dir():
        files = isic_files(args.split)
        if args.quick:
            files = files[:2]
        print(f"dermoscopy ({args.split} split, {len(files)} photos x {DRAWS} click draws):")
        results = dermoscopy(args.split) if not args.quick else _quick(files)
        print(f"  seeded graph cut Dice:      {summary(results['seeded'])}")
        print(f"  nearest-colour baseline:    {summary(results['baseline'])}")
        print(f"  time per estimate: median {statistics.median(results['seconds']):.3f} s")
        print(f"  target median >= 0.80: {np.median(results['seeded']) >= 0.80}")
    else:
        print(f"dermoscopy: {CORPUS} not found, skipped")
    automatic, seeded, names = synthetic(args.synthetic)
    print(f"synthetic, independent generator ({len(names)} photos):")
    for label, errors in (("automatic", automatic), ("seeded", seeded)):
        worst = int(np.argmax(np.abs(errors)))
        print(
            f"  {label:<10} MAE {np.abs(errors).mean():.4f}, worst {np.abs(errors).max():.4f} "
            f"({names[worst]})"
        )
    print(
        f"  target MAE <= 0.02 and worst <= 0.05 (seeded): "
        f"{np.abs(seeded).mean() <= 0.02 and np.abs(seeded).max() <= 0.05}"
    )
    refused = refusals()
    for name, why in refused:
        print(f"  non-skin {name!r}: {why or 'NOT REFUSED'}")
    print(f"  every non-skin photo refused: {all(why for _, why in refused)}")
    return 0


def _quick(files: list[Path]) -> dict[str, list[float]]:
    global isic_files
    saved = isic_files
    isic_files = lambda _split: files  # noqa: E731
    try:
        return dermoscopy("all")
    finally:
        isic_files = saved


if __name__ == "__main__":
    raise SystemExit(main())
