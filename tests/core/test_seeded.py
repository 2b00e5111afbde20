"""Guided measurement: clicks inside a patch and on normal skin, painted corrections, any
region shape, UV photos; the numbers said honestly."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from tests.skin_photos import render
from vitidesk.core.depigmentation import (
    Change,
    MixedLightError,
    compare,
    estimate_depigmentation,
    full_size_mask,
)
from vitidesk.core.seeded import SeededSession, Seeds, Stroke, measure_seeded


@pytest.fixture(scope="module")
def case():
    return render(0)  # tone I on a white wall, hairs


@pytest.fixture(scope="module")
def session(case):
    return SeededSession.open(case.image)


def _seeds(case) -> Seeds:
    return Seeds((case.patch_point,), (case.skin_point,))


def test_two_clicks_find_the_patches(case, session) -> None:
    estimate = session.estimate(_seeds(case))
    assert estimate.method == "seeded" and estimate.refusal is None
    assert abs(estimate.depigmented_fraction - case.fraction) < 0.03
    both = (estimate.mask & case.truth).sum()
    assert 2 * both / (estimate.mask.sum() + case.truth.sum()) > 0.85
    assert not estimate.mask[~case.skin].any() or estimate.mask[~case.skin].mean() < 0.01


def test_which_seed_is_lighter_does_not_matter(case, session) -> None:
    """Clicking the dark skin as the "patch" finds the dark skin: the mode follows the seeds."""
    swapped = session.estimate(Seeds((case.skin_point,), (case.patch_point,)))
    normal = case.skin & ~case.truth
    assert (swapped.mask & normal).sum() > 0.8 * normal.sum()


def test_a_correction_stroke_changes_the_patch_at_once(case, session) -> None:
    first = session.estimate(_seeds(case))
    x, y = case.patch_point
    erase = Stroke(((x - 60.0, y), (x + 60.0, y)), 25.0, patch=False)
    erased = session.estimate(_seeds(case).with_stroke(erase))
    assert erased.depigmented_pixels < first.depigmented_pixels
    assert not erased.mask[int(y), int(x)]  # painted as skin: never a patch
    sx, sy = case.skin_point
    add = Stroke(((sx, sy), (sx + 30.0, sy)), 12.0, patch=True)
    added = session.estimate(_seeds(case).with_stroke(erase).with_stroke(add))
    assert added.mask[int(sy), int(sx)]
    assert added.depigmented_pixels > erased.depigmented_pixels


def test_erasing_a_white_patch_does_not_change_the_skin_measured() -> None:
    """Erasing says "not patch", not "this is the skin colour": painting over a paper-white
    patch on fair skin leaves the skin counted as it was (it once shrank to the patch)."""
    from vitidesk.core.demo_photos import render_sample
    from vitidesk.core.image_ops import erode

    image = render_sample("Trunk", 0, "visible").convert("RGB")
    guess = estimate_depigmentation(image)
    ys, xs = np.nonzero(erode(guess.mask, 12))
    ky, kx = np.nonzero(erode(guess.skin_mask & ~guess.mask, 25))
    seeds = Seeds(((xs[len(xs) // 2], ys[len(ys) // 2]),), ((kx[len(kx) // 2], ky[len(ky) // 2]),))
    session = SeededSession.open(image)
    first = session.estimate(seeds)
    y, x = float(ys[len(ys) // 3]), float(xs[len(xs) // 3])
    erased = session.estimate(seeds.with_stroke(Stroke(((x - 40, y), (x + 40, y)), 14.0, False)))
    assert erased.skin_pixels == pytest.approx(first.skin_pixels, rel=0.03)
    assert erased.depigmented_fraction < first.depigmented_fraction + 0.01


def test_a_freehand_region_limits_what_is_counted(case) -> None:
    x, y = case.patch_point
    outline = [
        (x - 150.0, y - 120.0),
        (x + 170.0, y - 90.0),
        (x + 120.0, y + 140.0),
        (x - 160, y + 100),
    ]
    estimate = measure_seeded(case.image, _seeds(case), polygon=outline)
    inside = np.asarray(_polygon_mask(case.image.size, outline))
    assert not estimate.mask[~inside].any() and not estimate.skin_mask[~inside].any()
    assert estimate.region_pixels == pytest.approx(inside.sum(), rel=0.02)
    truth = (case.truth & inside).sum() / (case.skin & inside).sum()
    assert abs(estimate.depigmented_fraction - truth) < 0.05


def _polygon_mask(size, outline) -> np.ndarray:
    from PIL import ImageDraw

    canvas = Image.new("L", size, 0)
    ImageDraw.Draw(canvas).polygon(outline, fill=255, outline=255)
    return np.asarray(canvas) > 0


def test_only_a_patch_click_uses_the_automatic_guess_for_skin(case, session) -> None:
    estimate = session.estimate(Seeds((case.patch_point,), ()))
    assert estimate.refusal is None
    assert abs(estimate.depigmented_fraction - case.fraction) < 0.06


def test_more_sensitivity_counts_more(case, session) -> None:
    low = session.estimate(_seeds(case), bias=-15.0)
    high = session.estimate(_seeds(case), bias=15.0)
    assert low.depigmented_pixels <= high.depigmented_pixels


def test_the_mask_at_full_size(case, session) -> None:
    estimate = session.estimate(_seeds(case))
    big = full_size_mask(estimate, (2000, 1500))
    assert big.size == (2000, 1500) and big.mode == "L"
    values = set(np.unique(np.asarray(big)))
    assert values <= {0, 255}
    assert abs(np.asarray(big).mean() / 255 - estimate.mask.mean()) < 0.01


def test_seeds_survive_a_round_trip() -> None:
    seeds = Seeds(((1.0, 2.0),), ((3.0, 4.5),), (Stroke(((1, 1), (5, 5)), 3.0, False),))
    assert Seeds.from_dict(seeds.as_dict()) == seeds


def test_uv_photos_are_measured_and_never_compared_with_visible_ones() -> None:
    rng = np.random.default_rng(3)
    h, w = 480, 640
    skin = np.full((h, w, 3), (44, 32, 86), np.float64)
    yy, xx = np.mgrid[0:h, 0:w]
    patch = (yy - 240) ** 2 + (xx - 300) ** 2 < 90**2
    skin[patch] = (186, 202, 250)
    skin[:, :60] = (9, 7, 20)  # backdrop
    skin += rng.normal(0, 3, skin.shape)
    image = Image.fromarray(np.clip(skin, 0, 255).astype(np.uint8))
    truth = patch[:, 60:].sum() / (h * (w - 60))
    uv = estimate_depigmentation(image, light="uv")
    assert uv.light == "uv" and uv.refusal is None
    assert abs(uv.depigmented_fraction - truth) < 0.02
    seeded = measure_seeded(image, Seeds(((300, 240),), ((500, 400),)), light="uv")
    assert abs(seeded.depigmented_fraction - truth) < 0.02
    visible = estimate_depigmentation(render(3).image)
    with pytest.raises(MixedLightError):
        compare(uv, visible)


def test_the_change_is_said_honestly() -> None:
    grew = Change(0.04, 0.17, (0.04 - 0.17) / 0.04, in_region=True)
    assert grew.describe() == "patch area from 4% to 17% of the skin in the region: 325% larger"
    assert grew.relative_change == pytest.approx(3.25)
    shrank = Change(0.20, 0.12, 0.4, before_cm2=5.04, after_cm2=3.0)
    assert shrank.describe() == "patch area from 5.0 cm² (20%) to 3.0 cm² (12%): 40% smaller"
    assert "about the same" in Change(0.2, 0.201, -0.005).describe()
    assert "new since the first date" in Change(0.0, 0.1, 0.0).describe()
    assert "under 1%" in Change(0.003, 0.2, (0.003 - 0.2) / 0.003).describe()
