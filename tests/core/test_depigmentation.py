"""The depigmentation estimate against synthetic photos with a known truth (an estimate, not a
diagnosis: these tests check the arithmetic and the image analysis, nothing clinical).

Run with ``-s`` to see the per-image table."""

from __future__ import annotations

import itertools
import math
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw

from tests.depigmentation_samples import DIFFICULTIES, TONES, all_samples, make_sample, plain_skin
from vitidesk.core.depigmentation import (
    Estimate,
    compare,
    estimate_depigmentation,
    measure_file,
    pixels_per_cm_from_points,
    rethreshold,
)

MAX_MEAN_ERROR = 0.02
MAX_ERROR = 0.05


@pytest.fixture(scope="module")
def results() -> list[tuple[object, Estimate]]:
    return [(sample, estimate_depigmentation(sample.image)) for sample in all_samples()]


def test_the_set_covers_every_tone_and_difficulty() -> None:
    samples = all_samples()
    assert len(samples) >= 24
    assert {s.tone for s in samples} == {name for name, _, _ in TONES}
    assert {s.difficulty for s in samples} == set(DIFFICULTIES)
    for sample in samples:
        assert 800 <= sample.image.width <= 1600 and 600 <= sample.image.height <= 1200
        assert 0.0 < sample.fraction < 0.7
    again = make_sample.__wrapped__(2, 3)  # deterministic: a fresh render is identical
    assert np.array_equal(np.asarray(again.image), np.asarray(make_sample(2, 3).image))


def test_accuracy_over_the_synthetic_set(results) -> None:
    rows = []
    for sample, estimate in results:
        error = estimate.depigmented_fraction - sample.fraction
        rows.append((sample.tone, sample.difficulty, sample.fraction, estimate, error))
    print()
    print(f"{'tone':<5} {'difficulty':<11} {'truth':>6} {'estimate':>8} {'error':>7} {'thr':>6}")
    for tone, difficulty, truth, estimate, error in rows:
        print(
            f"{tone:<5} {difficulty:<11} {truth:6.3f} {estimate.depigmented_fraction:8.3f} "
            f"{error:+7.3f} {estimate.threshold:6.1f}"
        )
    errors = np.array([abs(row[4]) for row in rows])
    print(f"mean absolute error {errors.mean():.4f}, largest {errors.max():.4f}")
    assert errors.mean() <= MAX_MEAN_ERROR
    assert errors.max() <= MAX_ERROR, [r[:2] for r in rows if abs(r[4]) > MAX_ERROR]


def test_the_backdrop_is_not_skin(results) -> None:
    for sample, estimate in results:
        assert estimate.skin_mask.shape == sample.skin.shape
        both = (estimate.skin_mask & sample.skin).sum()
        overlap = both / (estimate.skin_mask | sample.skin).sum()
        assert overlap > 0.97, sample.name
        assert not estimate.mask[~sample.skin].any() or (
            estimate.mask[~sample.skin].sum() < 0.002 * sample.skin.sum()
        ), sample.name
        assert np.isnan(estimate.score[~estimate.skin_mask]).all()
        assert not np.isnan(estimate.score[estimate.skin_mask]).any()


def test_a_photo_of_the_backdrop_alone_has_no_skin() -> None:
    cloth = Image.new("RGB", (640, 480), (17, 19, 25))
    estimate = estimate_depigmentation(cloth)
    assert estimate.skin_pixels == 0 and estimate.depigmented_pixels == 0
    assert estimate.depigmented_fraction == 0.0


@pytest.mark.parametrize("tone", range(len(TONES)))
def test_skin_without_patches_is_not_called_depigmented(tone: int) -> None:
    estimate = estimate_depigmentation(plain_skin(tone))
    assert estimate.skin_pixels > 0.95 * 800 * 600
    assert estimate.depigmented_fraction < 0.02


def test_a_region_restricts_the_count() -> None:
    sample = make_sample(3, 0)
    x, y, w, h = 300, 200, 500, 400
    estimate = estimate_depigmentation(sample.image, (x, y, w, h))
    inside = np.zeros(sample.skin.shape, bool)
    inside[y : y + h, x : x + w] = True
    assert not estimate.skin_mask[~inside].any()
    assert not estimate.mask[~inside].any()
    assert np.isnan(estimate.score[~inside]).all()
    truth = (sample.truth & inside).sum() / (sample.skin & inside).sum()
    assert abs(estimate.depigmented_fraction - truth) < 0.03
    assert estimate.skin_pixels == pytest.approx((sample.skin & inside).sum(), rel=0.03)
    # A region partly outside the photo is clipped to it; one wholly outside is an error.
    clipped = estimate_depigmentation(sample.image, (-50, -50, 400, 300))
    assert clipped.skin_mask[:250, :350].sum() == clipped.skin_pixels
    with pytest.raises(ValueError, match="outside"):
        estimate_depigmentation(sample.image, (5000, 0, 10, 10))
    with pytest.raises(ValueError):
        estimate_depigmentation(sample.image, (0, 0, 0, 10))


def test_an_outline_restricts_the_count() -> None:
    sample = make_sample(1, 0)
    outline = [(100.0, 100.0), (900.0, 150.0), (500.0, 700.0)]
    estimate = estimate_depigmentation(sample.image, polygon=outline)
    drawn = Image.new("L", sample.image.size, 0)
    ImageDraw.Draw(drawn).polygon(outline, fill=255, outline=255)
    inside = np.asarray(drawn) > 0
    assert not estimate.skin_mask[~inside].any()
    truth = (sample.truth & inside).sum() / (sample.skin & inside).sum()
    assert abs(estimate.depigmented_fraction - truth) < 0.03
    # With a rectangle too, only their overlap counts.
    both = estimate_depigmentation(sample.image, (0, 0, 500, 800), polygon=outline)
    assert not both.skin_mask[:, 500:].any()
    assert both.skin_pixels < estimate.skin_pixels
    with pytest.raises(ValueError):
        estimate_depigmentation(sample.image, polygon=[(0, 0), (5, 5)])


def test_a_higher_threshold_never_counts_more() -> None:
    """The score grows with depigmentation: skin counts when its score is above the
    threshold, so raising the threshold can only lower the fraction."""
    estimate = estimate_depigmentation(make_sample(2, 1).image)
    fractions = [
        rethreshold(estimate, t).depigmented_fraction for t in np.linspace(-20.0, 80.0, 41)
    ]
    assert all(a >= b for a, b in itertools.pairwise(fractions))
    assert fractions[0] > 0.95 and fractions[-1] < 0.01
    same = rethreshold(estimate, estimate.auto_threshold)
    assert same.depigmented_pixels == estimate.depigmented_pixels
    moved = rethreshold(estimate, estimate.auto_threshold + 5)
    assert moved.threshold == estimate.auto_threshold + 5
    assert moved.auto_threshold == estimate.auto_threshold
    assert moved.score is estimate.score  # nothing recomputed
    given = estimate_depigmentation(make_sample(2, 1).image, threshold=10.0)
    assert given.threshold == 10.0 and given.auto_threshold == estimate.auto_threshold
    assert given.depigmented_pixels == rethreshold(estimate, 10.0).depigmented_pixels


def test_scale_and_area() -> None:
    assert pixels_per_cm_from_points((0, 0), (30, 40), 5.0) == pytest.approx(10.0)
    with pytest.raises(ValueError):
        pixels_per_cm_from_points((1, 1), (1, 1), 1.0)
    with pytest.raises(ValueError):
        pixels_per_cm_from_points((0, 0), (1, 1), 0.0)
    sample = make_sample(4, 0)
    estimate = estimate_depigmentation(sample.image, pixels_per_cm=40.0)
    assert estimate.scale == 1.0
    assert estimate.area_cm2 == pytest.approx(estimate.depigmented_pixels / 1600.0)
    assert estimate.area_cm2 == pytest.approx(sample.truth.sum() / 1600.0, rel=0.05)
    assert rethreshold(estimate, 30.0).area_cm2 is None
    assert rethreshold(estimate, 30.0, 40.0).area_cm2 is not None
    assert estimate.as_dict()["area_cm2"] == estimate.area_cm2
    assert estimate_depigmentation(sample.image).area_cm2 is None


def test_a_big_photo_is_measured_at_working_resolution(tmp_path: Path) -> None:
    sample = make_sample(5, 0)  # 1024 x 768
    big = sample.image.resize((sample.image.width * 3, sample.image.height * 3))
    estimate = estimate_depigmentation(big, pixels_per_cm=90.0)
    assert estimate.scale == pytest.approx(1 / 2)
    assert estimate.mask.shape == (big.height // 2, big.width // 2)
    assert estimate.score.dtype == np.float32 and estimate.mask.dtype == bool
    assert abs(estimate.depigmented_fraction - sample.fraction) < 0.02
    # The area is in real centimetres, whatever the working size.
    assert estimate.area_cm2 == pytest.approx(sample.truth.sum() * 9 / 90.0**2, rel=0.05)
    # A region is in full-size pixels.
    region = estimate_depigmentation(big, (0, 0, big.width // 2, big.height))
    assert not region.skin_mask[:, estimate.mask.shape[1] // 2 + 1 :].any()
    path = tmp_path / "big.jpg"
    big.save(path, "JPEG", quality=92)
    from_file = measure_file(path)
    assert from_file.scale == pytest.approx(1 / 2)
    assert abs(from_file.depigmented_fraction - estimate.depigmented_fraction) < 0.01


def test_compare_and_its_wording() -> None:
    before = estimate_depigmentation(make_sample(3, 0).image)
    same = compare(before, estimate_depigmentation(make_sample(3, 0).image))
    assert same.repigmented_share == 0.0 and same.describe().startswith("patch area about the same")
    after = rethreshold(before, before.threshold + 1)
    smaller = compare(before, after)
    assert smaller.before_fraction == before.depigmented_fraction
    assert smaller.after_fraction == after.depigmented_fraction
    assert smaller.repigmented_share == pytest.approx(
        (before.depigmented_fraction - after.depigmented_fraction) / before.depigmented_fraction
    )
    assert compare(after, before).repigmented_share < 0
    # No cap: from almost nothing to something is a big relative change, said as it is.
    tiny = rethreshold(before, np.nanpercentile(before.score, 99.9))
    grown = compare(tiny, before)
    assert grown.relative_change > 10
    assert f"{round(grown.relative_change * 100)}% larger" in grown.describe()
    nothing = rethreshold(before, 1000.0)
    assert compare(nothing, before).describe().endswith("new since the first date")


def test_estimate_as_dict() -> None:
    estimate = estimate_depigmentation(make_sample(0, 0).image)
    data = estimate.as_dict()
    assert set(data) == {
        "depigmented_fraction",
        "threshold",
        "auto_threshold",
        "skin_pixels",
        "depigmented_pixels",
        "area_cm2",
    }
    assert math.isclose(
        data["depigmented_fraction"], estimate.depigmented_pixels / estimate.skin_pixels
    )


def test_other_image_modes_are_measured() -> None:
    sample = make_sample(2, 0)
    rgba = sample.image.convert("RGBA")
    estimate = estimate_depigmentation(rgba)
    assert abs(estimate.depigmented_fraction - sample.fraction) < 0.02
    grey = estimate_depigmentation(sample.image.convert("L"))  # no colour: still no crash
    assert 0.0 <= grey.depigmented_fraction <= 1.0
