"""Which pixels of a photo are skin, before anything is measured on them. numpy only, no Qt.

Normal-light photos
-------------------
1. **Colour.** Skin of every tone (Fitzpatrick I-VI) has a hue between orange-red and
   yellow-orange in CIELAB (its hue angle atan2(b*, a*) within :data:`SKIN_HUE`), a modest
   chroma (:data:`SKIN_CHROMA`: blood and melanin colour it; nothing in skin is as vivid as a
   flower, a sticker or a shirt), some redness (a* at least :data:`MIN_REDNESS`: paper and
   walls under warm light are yellow but not red) and is not near black. Such pixels are
   *sure* skin. This leaves out blue and green cloth, rulers' black marks, labels, ink, dark
   hair and eyes' pupils, and lips (more red than skin: hue below :data:`LIP_HUE` with chroma
   above :data:`LIP_CHROMA`).
2. **Pale parts.** Depigmented skin can be almost colourless (and so can glare), like a white
   wall or a sheet of paper. A light, nearly colourless part counts as skin only when sure
   skin surrounds at least :data:`PALE_SURROUNDED` of its outline (the photo's edge counts
   against it): a patch or a glint lies inside skin, a wall or a page lies beside it.
3. **Enough to judge.** A photo (or region) whose skin is under :data:`MIN_SKIN_SHARE` of it,
   or under :data:`MIN_SKIN_PIXELS`, is refused. So is a plain colour: skin has fine texture
   (pores, grain), a flat fill does not (:data:`MIN_TEXTURE`).

UV (Wood's lamp) photos
-----------------------
Under UV everything is violet and blue, so colour says little: skin is what is not the
near-black backdrop. Depigmented skin glows; the measurement takes it from there.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from vitidesk.core.image_ops import box_mean, dilate, grey_max, label_parts, mean3, resize, shrink

SKIN_HUE = (15.0, 78.0)  # degrees: skin's hue angle, from reddish to the yellowest dark skin
SKIN_CHROMA = (5.0, 50.0)  # below: grey or white; above: vivid dyes, petals, stickers
MIN_REDNESS = 3.5  # a*: blood shows through every skin tone; paper and walls are not red
SKIN_MIN_L = 12.0  # darker than this is shadow, backdrop or hair, even on the darkest skin
LIP_HUE, LIP_CHROMA = 28.0, 26.0  # redder and more vivid than skin: lips, red cloth
VIVID_HUE_CHROMA = 10.0  # chroma from which a blue, green or violet hue is surely not skin
PALE_MIN_L = 30.0  # colourless depigmented skin (even in shade) or glare; not black marks
PALE_MAX_CHROMA = 12.0  # ... and nearly colourless: a pale part, not a vivid cloth
PALE_SURROUNDED = 0.5  # share of a pale part's outline that must be skin
MIN_SKIN_SHARE = 0.03  # less skin than this share of the photo or region: nothing to judge
MIN_SKIN_PIXELS = 400  # ... or fewer working pixels than this
MIN_TEXTURE = 0.05  # L* units: skin's median local spread (0.15-0.4 on real photos); a fill ~0
PARTS_SIDE = 320  # the pale parts are found on a copy this long (their outline is coarse)
UV_BACKDROP_L = 14.0  # under UV, darker than this (smoothed) is the backdrop


@dataclass(frozen=True)
class SkinMap:
    skin: np.ndarray  # bool: counted as skin
    sure: np.ndarray  # bool: skin by its colour alone (before pale parts were added)
    refusal: str | None  # why there is nothing to measure, or None
    _lightness: np.ndarray = field(repr=False, compare=False)  # L*, for the refusal check

    @property
    def usable(self) -> bool:
        return self.refusal is None

    def within(self, region: np.ndarray) -> SkinMap:
        """The same skin, judged inside ``region`` only."""
        skin = self.skin & region
        return SkinMap(
            skin, self.sure & region, _refusal(skin, self._lightness, region), self._lightness
        )


def _hue_between(a: np.ndarray, b: np.ndarray, low: float, high: float) -> np.ndarray:
    """atan2(b, a) within [low, high] degrees (0 < low < high < 90), without an arctangent."""
    return (
        (a > 0) & (b >= a * math.tan(math.radians(low))) & (b <= a * math.tan(math.radians(high)))
    )


def sure_skin(big_l: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    chroma2 = a * a + b * b
    colour = _hue_between(a, b, *SKIN_HUE)
    colour &= (chroma2 >= SKIN_CHROMA[0] ** 2) & (chroma2 <= SKIN_CHROMA[1] ** 2)
    colour &= (a >= MIN_REDNESS) & (big_l >= SKIN_MIN_L)
    lips = ~_hue_between(a, b, LIP_HUE, 90.0) & (chroma2 > LIP_CHROMA**2)
    return colour & ~lips


def vivid_non_skin(big_l: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Colours no skin has, in any light: vivid (chroma above :data:`SKIN_CHROMA`), or clearly
    blue, green or violet (stickers, ink, cloth). Dark and grey are not here: a lesion can be
    nearly black or blue-grey."""
    chroma2 = a * a + b * b
    coloured = chroma2 >= VIVID_HUE_CHROMA**2
    skin_side = (b >= a * math.tan(math.radians(-15.0))) & ((a > 0) | (b > -a * 5.0))
    return (chroma2 > SKIN_CHROMA[1] ** 2) | (coloured & ~skin_side)


def pale_candidates(big_l: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return (big_l >= PALE_MIN_L) & (a * a + b * b <= PALE_MAX_CHROMA**2)


def find_skin(
    big_l: np.ndarray,
    a: np.ndarray,
    b: np.ndarray,
    within: np.ndarray | None = None,
    light: str = "visible",
) -> SkinMap:
    """The skin among working-size CIELAB arrays, inside ``within`` (a region) if given."""
    smooth = [mean3(channel) for channel in (big_l, a, b)]
    if light == "uv":
        sure = box_mean(big_l, 2) >= UV_BACKDROP_L
        skin = sure
    else:
        sure = sure_skin(*smooth)
        pale = pale_candidates(*smooth) & ~sure
        skin = sure | _surrounded(pale, sure)
    if within is not None:
        skin = skin & within
        sure = sure & within
    return SkinMap(skin, sure, _refusal(skin, big_l, within), big_l)


def _surrounded(pale: np.ndarray, sure: np.ndarray) -> np.ndarray:
    """The pale parts that lie inside skin (see the module's notes), at working size."""
    if not pale.any():
        return pale
    factor = max(1, math.ceil(max(pale.shape) / PARTS_SIDE))
    small_pale = shrink(pale.astype(np.float32), factor) >= 0.5
    small_sure = shrink(sure.astype(np.float32), factor) >= 0.5
    small_sure &= ~small_pale
    labels, count = label_parts(small_pale)
    if count == 0:
        return np.zeros(pale.shape, bool)
    near = grey_max(labels, 1)  # a pale part's label on the pixels just outside it
    outline = (near > 0) & (labels == 0)
    skin_votes = np.bincount(near[outline & small_sure], minlength=count + 1)
    other_votes = np.bincount(near[outline & ~small_sure], minlength=count + 1)
    edge = np.zeros(labels.shape, bool)
    edge[0, :] = edge[-1, :] = edge[:, 0] = edge[:, -1] = True
    other_votes += np.bincount(labels[edge & small_pale], minlength=count + 1)
    total = skin_votes + other_votes
    share = np.divide(skin_votes, total, out=np.zeros(count + 1), where=total > 0)
    keep = share >= PALE_SURROUNDED
    keep[0] = False
    accepted = keep[labels]
    return pale & enlarge(dilate(accepted, 1), pale.shape, factor)


def enlarge(small: np.ndarray, shape: tuple[int, int], factor: int) -> np.ndarray:
    """A mask made by :func:`shrink` (whole blocks of ``factor``) back at ``shape``."""
    if factor <= 1:
        return small
    cropped = (small.shape[0] * factor, small.shape[1] * factor)
    grown = resize(small.astype(np.float32), cropped) > 0.5
    pad = ((0, shape[0] - cropped[0]), (0, shape[1] - cropped[1]))
    return np.pad(grown, pad, mode="edge")


def _refusal(skin: np.ndarray, big_l: np.ndarray, within: np.ndarray | None) -> str | None:
    area = int(within.sum()) if within is not None else skin.size
    count = int(skin.sum())
    if count == 0:
        return "no skin found"
    if count < MIN_SKIN_PIXELS or count < MIN_SKIN_SHARE * max(area, 1):
        return "too little skin to judge"
    step = max(1, math.isqrt(count // 50_000))
    sample = big_l[::step, ::step]
    spread = np.abs(sample - mean3(sample))[skin[::step, ::step]]
    if float(np.median(spread)) < MIN_TEXTURE:
        return "a plain colour, not a photo of skin"
    return None
