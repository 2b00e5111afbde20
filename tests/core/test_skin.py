"""Skin before patches: backdrops, clothes, rulers and labels are left out, and a photo with
no skin (a flower, a plain colour, a printed page) is refused."""

from __future__ import annotations

import numpy as np
import pytest

from tests.skin_photos import non_skin_photos, render
from vitidesk.core.colour_space import lab
from vitidesk.core.depigmentation import estimate_depigmentation
from vitidesk.core.skin import find_skin


def _skin(image):
    _, big_l, a, b = lab(np.asarray(image))
    return find_skin(big_l, a, b)


@pytest.mark.parametrize("name", sorted(non_skin_photos()))
def test_photos_without_skin_are_refused(name: str) -> None:
    image = non_skin_photos()[name]
    estimate = estimate_depigmentation(image)
    assert estimate.refusal is not None, name
    assert estimate.depigmented_pixels == 0 and estimate.depigmented_fraction == 0.0


@pytest.mark.parametrize("number", [1, 5, 9])  # blue cloth + ruler + label; white wall + sleeve
def test_backdrop_clothes_rulers_and_labels_are_not_skin(number: int) -> None:
    case = render(number)
    found = _skin(case.image)
    assert found.usable
    overlap = (found.skin & case.skin).sum() / (found.skin | case.skin).sum()
    assert overlap > 0.9, case.name
    # The patches are skin too, however colourless.
    assert (found.skin & case.truth).sum() > 0.95 * case.truth.sum(), case.name


def test_a_region_off_the_skin_is_refused() -> None:
    case = render(1)  # blue cloth around the body part
    estimate = estimate_depigmentation(case.image, (0, 0, 80, 80))
    assert estimate.refusal is not None
    assert estimate.skin_pixels == 0 or estimate.depigmented_pixels == 0
