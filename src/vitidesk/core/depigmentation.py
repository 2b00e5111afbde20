"""Estimate how much of the skin in a photo (or a drawn region) is depigmented.

An estimate, not a diagnosis: the number helps a person follow their own photos over time.
numpy and Pillow only, no Qt.

How it works
------------
1. **Working resolution.** The photo is box-reduced by a whole factor until its longest side is
   at most :data:`WORK_MAX_SIDE` pixels (a 24 MP photo is reduced 4x; photos up to 1600 px are
   used as they are). ``mask``, ``skin_mask`` and ``score`` in :class:`Estimate` have the
   *working* shape, and ``Estimate.scale`` is working size / full size (1.0 when not
   reduced). Fractions do not depend on the resolution; ``depigmented_pixels`` and
   ``skin_pixels`` count working pixels, and ``area_cm2`` takes the scale into account.
2. **CIELAB.** sRGB is linearised, taken to XYZ (D65) and to L*a*b*.
3. **Skin.** The app's photos have a plain dark backdrop: smoothed pixels that are dark and
   not warm in colour (or simply very dark) are backdrop and never counted; along the outline
   a pixel is skin when it is lighter than the midpoint of the backdrop and the nearby skin.
   ``skin_mask`` is that skin (inside the region, if one is given).
4. **Uneven light.** The illumination is a heavily blurred ratio of each skin pixel's
   luminance Y to the typical Y of its own class (pigmented or depigmented; how much lighter
   a patch is gets measured where the classes meet, under the same light). It is a
   normalised convolution that skips glare, hairs and the blended edges of patches. Dividing
   XYZ by it removes side light and soft shadows; L*, a*, b* are then recomputed
   ("corrected"). Before any class is known, the classes come from the yellowness
   b*/(L*+16), which does not change with the brightness of the light. Three rounds.
5. **Score.** ``score = (L*c - L*skin) + 2 (b*skin - b*c)`` where ``c`` is corrected and
   ``skin`` is the median of the photo's own pigmented skin. Melanin darkens skin and adds
   yellow-brown (b*); depigmented skin is lighter and less yellow. On fair skin the lightness
   contrast is small and the b* term does most of the work, so no global L* threshold is
   used anywhere. Units are L*-like: pigmented skin scores about 0, depigmented skin about 20
   (Fitzpatrick I) to 70 (VI). **A higher score is more depigmented; a pixel counts as
   depigmented when its score is above the threshold**, so raising the threshold never
   raises the fraction.
6. **Glare and hairs.** Specular glare is as light and colourless as a patch but says
   nothing about pigment: clipped pixels, and pixels far lighter than the photo's
   depigmented skin, grown through their still-too-light fading edge, get no score of their
   own. Neither do hairs and other specks far darker than pigmented skin. Their score is
   filled in from the skin around them (a pyramid fill), so a glint on a patch counts as
   patch and a glint on pigmented skin as pigmented skin.
7. **Threshold.** A two-class Gaussian mixture is fitted to the scores of the skin (EM,
   started from Otsu), then each class is re-described by its median and the outer half of
   its values (the blended patch edges between the classes would otherwise widen both).
   The automatic threshold is where the expected number of pigmented
   pixels above it equals the expected number of depigmented pixels below it, so the count
   is not biased towards the larger class. If the mixture is not clearly two-peaked, or
   its classes are less than :data:`MIN_GAP` apart (no patches), the threshold is put
   well above the skin's own spread instead. The caller may
   override it (e.g. a slider) and :func:`rethreshold` re-counts without recomputing.
   The automatic threshold and the references come from all the skin in the photo, even
   when a region is given: a region drawn inside one patch has nothing else to compare with.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw

from vitidesk.core.colour_space import lab, lightness
from vitidesk.core.image_ops import blur_sum, box_sum, dilate, masked_blur, resize, shrink
from vitidesk.core.skin import find_skin

Region = tuple[int, int, int, int] | None  # x, y, w, h in full-image pixels; None = whole photo
Point = tuple[float, float]

WORK_MAX_SIDE = 1600  # measured this long at most: patch edges stay clear, big photos quick
B_WEIGHT = 2.0  # how much one unit of lost yellowness (b*) counts against one unit of L*
MIN_SEPARATION = 2.2  # Ashman's D below which the scores are taken as one class (no patches)
NO_PATCH_SIGMAS = 4.0  # with one class: threshold this many SDs above the skin's median
MIN_GAP = 6.0  # score units: skin and patches closer than this are one class
MIN_GAP_YELLOWNESS = 0.03  # the same for b*/(L*+16), used before the light is known
SKIN_BLUR = 0.003  # smoothing for the skin/backdrop decision (share of longest side)
LIGHT_BLUR = 0.012  # illumination blur (Gaussian sigma) as a share of the longest side
GLARE_REACH = 0.012  # how far a glare's fading edge may reach (share of the longest side)
NO_SKIN_THRESHOLD = 20.0  # reported with an empty result (no skin): any value, nothing counts
STATS_PIXELS = 250_000  # statistics use about this many pixels
BORDER = 0.003  # blended patch edges left out of the light estimate (share of the side)


@dataclass(frozen=True)
class Estimate:
    """The result for one photo. See the module docstring for the score and the resolution:
    ``mask``, ``skin_mask`` and ``score`` have the working shape (``scale`` x full size)."""

    depigmented_fraction: float  # depigmented skin pixels / skin pixels in the region
    threshold: float  # the score threshold used (auto or given)
    auto_threshold: float  # what the automatic choice was
    skin_pixels: int  # at working resolution
    depigmented_pixels: int  # at working resolution
    mask: np.ndarray = field(repr=False)  # bool (h, w): True = depigmented skin
    skin_mask: np.ndarray = field(repr=False)  # bool (h, w): True = skin considered
    score: np.ndarray = field(repr=False)  # float32 (h, w); NaN outside skin/region
    area_cm2: float | None  # depigmented area if pixels_per_cm (full-size pixels) was given
    scale: float = 1.0  # working size / full size
    refusal: str | None = None  # why nothing could be measured ("no skin found", ...)
    light: str = "visible"  # "visible" or "uv": estimates of the two are never compared
    method: str = "automatic"  # or "seeded" (from clicks and painted corrections)
    region_pixels: int = 0  # working pixels in the region (0: the whole photo)
    full_size: tuple[int, int] | None = None  # the photo's (width, height), when known

    def as_dict(self) -> dict:
        return {
            "depigmented_fraction": self.depigmented_fraction,
            "threshold": self.threshold,
            "auto_threshold": self.auto_threshold,
            "skin_pixels": self.skin_pixels,
            "depigmented_pixels": self.depigmented_pixels,
            "area_cm2": self.area_cm2,
        }


@dataclass(frozen=True)
class Change:
    """Two estimates of the same skin, in plain numbers: the patch before and after (a share
    of the skin measured, and cm² when a scale was set) and the relative change of its area,
    without a cap (a patch four times as large "grew by 300%")."""

    before_fraction: float
    after_fraction: float
    repigmented_share: float  # (before - after) / before patch area; None-like 0 if no patch
    before_cm2: float | None = None
    after_cm2: float | None = None
    in_region: bool = False

    @property
    def relative_change(self) -> float | None:
        """(after - before) / before patch area; None when there was no patch before."""
        if self.before_fraction <= 0:
            return None
        return -self.repigmented_share

    def describe(self) -> str:
        where = "of the skin in the region" if self.in_region else "of the skin measured"
        before, after = _percent(self.before_fraction), _percent(self.after_fraction)
        if self.before_cm2 is not None and self.after_cm2 is not None:
            amounts = (
                f"from {self.before_cm2:.1f} cm² ({before}) to {self.after_cm2:.1f} cm² ({after})"
            )
        else:
            amounts = f"from {before} to {after} {where}"
        change = self.relative_change
        if change is None:
            if self.after_fraction <= 0:
                return f"no patch counted on either date (0% {where})"
            return f"patch area {amounts}: new since the first date"
        percent = round(abs(change) * 100)
        if percent < SAME_WITHIN_PERCENT:
            return f"patch area about the same, {amounts}"
        if change < 0:
            return f"patch area {amounts}: {percent}% smaller"
        return f"patch area {amounts}: {percent}% larger"


SAME_WITHIN_PERCENT = 3  # area changes smaller than this are within the estimate's own noise


def _percent(fraction: float) -> str:
    """A share as people read it: whole percent, or "under 1%" rather than "0%"."""
    if 0 < fraction < 0.005:
        return "under 1%"
    return f"{round(fraction * 100)}%"


# -- colour and filters (shared with the skin finder and the seeded mode) -------------------
_lab = lab
_lightness = lightness
_box = box_sum
_blur_sum = blur_sum
_masked_blur = masked_blur
_dilate = dilate
_shrink = shrink
_grow = resize


def _smooth(values: np.ndarray, factor: int, sigma: float) -> np.ndarray:
    """A cheap large blur: shrink, blur, grow back."""
    small = _shrink(values, factor)
    small = _masked_blur(small, np.ones_like(small), sigma / factor)  # no darkening at edges
    return _grow(small, values.shape)


# -- two classes -----------------------------------------------------------------------------
def _normal_cdf(z: np.ndarray) -> np.ndarray:
    return 0.5 * (1.0 + np.vectorize(math.erf)(z / math.sqrt(2.0)))


@dataclass(frozen=True)
class _Mixture:
    low: float  # mean of the lower (pigmented) class
    low_sd: float
    high: float  # mean of the higher (depigmented) class
    high_sd: float
    high_share: float
    threshold: float
    separated: bool


def _otsu(centres: np.ndarray, counts: np.ndarray) -> float:
    weights = np.cumsum(counts)
    means = np.cumsum(counts * centres)
    total, grand = weights[-1], means[-1]
    w1 = total - weights
    valid = (weights > 0) & (w1 > 0)
    between = np.zeros_like(centres)
    between[valid] = (grand * weights[valid] / total - means[valid]) ** 2 / (
        weights[valid] * w1[valid]
    )
    return float(centres[int(np.argmax(between))])


def _two_classes(values: np.ndarray, min_gap: float) -> _Mixture:
    """Fit two Gaussians to ``values`` (EM on a histogram) and choose the balanced threshold.
    Two classes whose means are less than ``min_gap`` apart count as one (no patches)."""
    low_q, high_q = np.percentile(values, [0.2, 99.8])
    if not np.isfinite(low_q) or high_q - low_q < 1e-6:
        centre = float(np.median(values)) if values.size else 0.0
        return _Mixture(centre, 1.0, centre, 1.0, 0.0, centre + 10.0, False)
    counts, edges = np.histogram(values, bins=256, range=(low_q, high_q))
    counts = counts.astype(np.float64)
    centres = (edges[:-1] + edges[1:]) / 2
    bin_width = edges[1] - edges[0]
    split = _otsu(centres, counts)
    params = []
    for part in (centres <= split, centres > split):
        n = counts[part].sum()
        if n <= 0:
            params.append((float(centres.mean()), float(high_q - low_q), 0.5))
            continue
        mean = float((counts[part] * centres[part]).sum() / n)
        var = float((counts[part] * (centres[part] - mean) ** 2).sum() / n)
        params.append((mean, math.sqrt(var) + bin_width, n / counts.sum()))
    total = counts.sum()
    for _ in range(60):
        dens = []
        for mean, sd, share in params:
            dens.append(share / sd * np.exp(-0.5 * ((centres - mean) / sd) ** 2))
        norm = dens[0] + dens[1] + 1e-300
        new = []
        for d in dens:
            resp = counts * d / norm
            n = resp.sum()
            if n <= 1e-9:
                new.append((float(centres.mean()), float(high_q - low_q), 1e-9))
                continue
            mean = float((resp * centres).sum() / n)
            var = float((resp * (centres - mean) ** 2).sum() / n)
            new.append((mean, max(math.sqrt(var), bin_width), n / total))
        moved = max(abs(a[0] - b[0]) for a, b in zip(new, params, strict=True))
        params = new
        if moved < 1e-3 * bin_width:
            break
    (m0, s0, p0), (m1, s1, p1) = sorted(params)
    separation = math.sqrt(2) * (m1 - m0) / math.sqrt(s0 * s0 + s1 * s1)
    separated = separation >= MIN_SEPARATION and m1 - m0 >= min_gap and p1 >= 0.002 and p0 >= 0.002
    if not separated:
        return _one_class(values, min_gap)
    threshold = _balanced(m0, s0, p0, m1, s1, p1)
    # The blended borders of patches fill the gap between the classes and widen the fitted
    # Gaussians; each class is better described by its median and its outer half (the
    # quarter of its values furthest from the other class), which the borders do not reach.
    for _ in range(3):
        low, high = values[values <= threshold], values[values > threshold]
        if low.size < 20 or high.size < 20:
            break
        q0 = np.percentile(low, [25, 50])
        q1 = np.percentile(high, [50, 75])
        m0, s0 = float(q0[1]), max(float(q0[1] - q0[0]) / 0.6745, bin_width)
        m1, s1 = float(q1[0]), max(float(q1[1] - q1[0]) / 0.6745, bin_width)
        p1 = high.size / values.size
        threshold = _balanced(m0, s0, 1.0 - p1, m1, s1, p1)
    if m1 - m0 < min_gap:
        return _one_class(values, min_gap)
    return _Mixture(m0, s0, m1, s1, p1, threshold, True)


def _clarity(mix: _Mixture) -> float:
    """How clearly two classes stand apart (Ashman's D), whatever their units."""
    return math.sqrt(2) * (mix.high - mix.low) / math.sqrt(mix.low_sd**2 + mix.high_sd**2)


def _one_class(values: np.ndarray, min_gap: float) -> _Mixture:
    """No patches: the threshold goes well above the skin's own spread."""
    median = float(np.median(values))
    spread = float(np.percentile(values, 84) - np.percentile(values, 16)) / 2
    threshold = median + max(NO_PATCH_SIGMAS * spread, min_gap)
    return _Mixture(median, spread, median, spread, 0.0, threshold, False)


def _balanced(m0: float, s0: float, p0: float, m1: float, s1: float, p1: float) -> float:
    """The score between the class means where as many pigmented pixels are expected above
    it as depigmented pixels below it."""
    grid = np.linspace(m0, m1, 400)
    false_high = p0 * (1.0 - _normal_cdf((grid - m0) / s0))  # pigmented above the line
    false_low = p1 * _normal_cdf((grid - m1) / s1)  # depigmented below it
    return float(grid[int(np.argmin(np.abs(false_high - false_low)))])


# -- the pipeline ----------------------------------------------------------------------------
def _working(image: Image.Image) -> tuple[np.ndarray, float, tuple[int, int]]:
    full = image.size
    if image.mode != "RGB":
        if image.mode in ("RGBA", "LA", "PA", "RGBa", "La") or "transparency" in image.info:
            rgba = image.convert("RGBA")
            image = Image.new("RGB", rgba.size, (0, 0, 0))
            image.paste(rgba, mask=rgba.getchannel("A"))  # transparent = backdrop
        elif image.mode in ("I;16", "I;16L", "I;16B", "I;16N", "I", "F"):
            from vitidesk.core.photo_import import _to_8bit

            image = _to_8bit(image)
        else:
            image = image.convert("RGB")
    factor = max(1, math.ceil(max(image.size) / WORK_MAX_SIDE))
    if factor > 1:
        image = image.reduce(factor)
    return np.asarray(image, dtype=np.uint8), image.size[0] / full[0], full


def _skin(luminance: np.ndarray, big_l: np.ndarray, b: np.ndarray, factor: int) -> np.ndarray:
    """Skin vs the plain dark backdrop. Smoothed pixels that are dark and not warm in colour
    (or simply very dark) are backdrop; along the border between the two, a pixel is skin
    when its luminance is above the midpoint of the backdrop's and the nearby skin's."""
    longest = max(big_l.shape)
    sigma = SKIN_BLUR * longest
    smooth_l = _smooth(big_l, factor, sigma)
    warmth = _smooth(b, factor, sigma) / (smooth_l + 16.0)
    backdrop = (smooth_l < 9.0) | ((smooth_l < 24.0) & (warmth < 0.1))
    if not backdrop.any():
        return np.ones(big_l.shape, bool)
    if backdrop.all():
        return np.zeros(big_l.shape, bool)
    reach = max(2, round(3 * sigma))
    band = _dilate(backdrop, reach) & _dilate(~backdrop, reach)
    inner = ~backdrop & ~band
    outer = backdrop & ~band
    y_skin = _local_mean(luminance, inner, factor, 4 * sigma, fallback=luminance[~backdrop])
    y_back = _local_mean(luminance, outer, factor, 4 * sigma, fallback=luminance[backdrop])
    edge = luminance > (y_skin + y_back) / 2
    return np.where(band, edge, ~backdrop)


def _local_mean(
    values: np.ndarray, where: np.ndarray, factor: int, sigma: float, fallback: np.ndarray
) -> np.ndarray:
    """The blurred mean of ``values`` over ``where`` (the overall median where none is near)."""
    top = _shrink(np.where(where, values, 0.0).astype(np.float32), factor)
    bottom = _shrink(where.astype(np.float32), factor)
    small = _masked_blur(
        np.divide(top, bottom, out=np.zeros_like(top), where=bottom > 0), bottom, sigma / factor
    )
    default = float(np.median(fallback)) if fallback.size else 0.0
    return _grow(np.nan_to_num(small, nan=default).astype(np.float32), values.shape)


def _region_mask(
    shape: tuple[int, int],
    scale: float,
    full: tuple[int, int],
    region: Region,
    polygon: list[Point] | None,
) -> np.ndarray | None:
    h, w = shape
    mask = None
    if region is not None:
        try:
            x, y, rw, rh = (int(v) for v in region)
        except (TypeError, ValueError):
            raise ValueError("region must be four whole numbers: x, y, width, height") from None
        if rw <= 0 or rh <= 0:
            raise ValueError("the region's width and height must be positive")
        if x >= full[0] or y >= full[1] or x + rw <= 0 or y + rh <= 0:
            raise ValueError(f"the region lies outside the {full[0]}x{full[1]} photo")
        left, top = max(0, math.floor(x * scale)), max(0, math.floor(y * scale))
        right = min(w, max(left + 1, math.ceil((x + rw) * scale)))
        bottom = min(h, max(top + 1, math.ceil((y + rh) * scale)))
        mask = np.zeros(shape, bool)
        mask[top:bottom, left:right] = True
    if polygon is not None:
        if len(polygon) < 3:
            raise ValueError("an outline needs at least three points")
        canvas = Image.new("L", (w, h), 0)
        ImageDraw.Draw(canvas).polygon(
            [(float(px) * scale, float(py) * scale) for px, py in polygon], fill=255, outline=255
        )
        drawn = np.asarray(canvas) > 0
        mask = drawn if mask is None else mask & drawn
    return mask


def _area(pixels: int, scale: float, pixels_per_cm: float | None) -> float | None:
    if pixels_per_cm is None:
        return None
    if not pixels_per_cm > 0 or not math.isfinite(pixels_per_cm):
        raise ValueError("pixels per cm must be a positive number")
    return pixels / (pixels_per_cm * scale) ** 2


def estimate_depigmentation(
    image: Image.Image,
    region: Region = None,
    *,
    threshold: float | None = None,
    pixels_per_cm: float | None = None,
    polygon: list[Point] | None = None,
    light: str = "visible",
    _full_size: tuple[int, int] | None = None,
) -> Estimate:
    """Estimate the depigmented share of the skin in ``region`` (and inside ``polygon``, an
    outline in full-image pixels), or in the whole photo. ``pixels_per_cm`` is in full-image
    pixels; ``light`` is "visible" or "uv" (a Wood's lamp photo). Raises ValueError for a
    region or outline that makes no sense. A photo or region without enough skin gives an
    estimate whose ``refusal`` says so (and counts nothing)."""
    rgb, scale, full = _working(image)
    if _full_size is not None:  # ``image`` was already reduced from a photo of this size
        scale, full = rgb.shape[1] / _full_size[0], _full_size
    shape = rgb.shape[:2]
    region_mask = _region_mask(shape, scale, full, region, polygon)
    return _automatic(rgb, scale, region_mask, threshold, pixels_per_cm, light)


def _automatic(
    rgb: np.ndarray,
    scale: float,
    region_mask: np.ndarray | None,
    threshold: float | None,
    pixels_per_cm: float | None,
    light: str,
) -> Estimate:
    kind = light  # "visible" or "uv" ("light" is the illumination further down)
    shape = rgb.shape[:2]
    longest = max(shape)
    factor = max(1, longest // 400)  # for fine smoothing
    sigma = LIGHT_BLUR * longest
    coarse = max(1, round(sigma / 2.5))  # for the light: its blur is a few coarse pixels

    luminance, big_l, a, b = _lab(rgb)
    found = find_skin(big_l, a, b, light=light)
    del a
    skin = found.skin if light == "uv" else found.skin & _skin(luminance, big_l, b, factor)
    in_region = found if region_mask is None else found.within(region_mask)
    if not in_region.usable:
        nothing = _nothing(shape, threshold, scale, pixels_per_cm)
        return replace(nothing, refusal=in_region.refusal, light=light)
    b_weight = 0.0 if light == "uv" else B_WEIGHT  # under UV, b* says nothing about pigment
    if light == "uv":
        b = np.zeros_like(b)
    clipped = (np.maximum(np.maximum(rgb[..., 0], rgb[..., 1]), rgb[..., 2]) >= 250) & skin
    if kind == "uv":  # under a Wood's lamp the glow of a patch is the signal, not glare
        clipped = np.zeros_like(clipped)
    reach = max(3, round(GLARE_REACH * longest))
    unknown = _glare_zone(clipped, skin, reach // 2) & skin
    border = max(2, round(BORDER * longest))

    # First classes from the yellowness alone (it does not change with the light).
    yellowness = b / (big_l + 16.0)
    known = skin & ~unknown
    if known.sum() < 50:
        nothing = _nothing(shape, threshold, scale, pixels_per_cm)
        return replace(nothing, refusal="no skin found", light=light)
    mix = _two_classes(-_pick(yellowness, known), MIN_GAP_YELLOWNESS)
    depig = np.zeros(shape, bool)
    confident = known.copy()
    if mix.separated:
        depig = -yellowness > mix.threshold
    # The score under even light, against the photo's typical skin, may tell the classes
    # apart better (fair skin with little b*; a cloth or sleeve of another yellowness): the
    # start with the clearer two classes wins.
    raw = (big_l - float(np.median(_pick(big_l, known)))) + b_weight * (
        float(np.median(_pick(b, known))) - b
    )
    raw_mix = _two_classes(_pick(raw, known), MIN_GAP)
    if raw_mix.separated and (not mix.separated or _clarity(raw_mix) > _clarity(mix)):
        mix = raw_mix
        depig = raw > mix.threshold
    if mix.separated:
        confident &= ~_borders(depig, border)

    score: np.ndarray = np.zeros(shape, np.float32)
    for _round in range(3):
        illumination = _illumination(luminance, depig, confident, coarse, sigma)
        corrected_l = _lightness(luminance / illumination)
        corrected_b = b * (corrected_l + 16.0) / (big_l + 16.0)
        pig = known & ~depig
        dep = known & depig
        if pig.sum() < 50:  # almost all one class: use the whole skin as reference
            pig = known
        l_ref = float(np.median(_pick(corrected_l, pig)))
        b_ref = float(np.median(_pick(corrected_b, pig)))
        score = (corrected_l - l_ref) + b_weight * (b_ref - corrected_b)
        # Glare: much lighter than depigmented skin could be here. Hairs and other dark
        # specks: far darker than pigmented skin. Both are scored from their surroundings.
        dep_l = _pick(corrected_l, dep)
        top_l = float(np.percentile(dep_l, 75)) if dep_l.size >= 50 else l_ref + 20.0
        bright = skin & (corrected_l > max(top_l, l_ref) + 8.0) & (kind != "uv")
        q25, q50, q75 = np.percentile(_pick(score, pig), [25, 50, 75])
        dark = skin & (score < float(q50) - max(5.0 * float(q75 - q25) / 1.349, 10.0))
        first = _two_classes(_pick(score, known), MIN_GAP)
        if first.separated:  # still lighter than plain skin: a glare's fading edge
            allowed = score > first.low + 0.5 * (first.threshold - first.low)
        else:
            allowed = score > float(q50) + 3.0 * float(q75 - q25) / 1.349
        glare = _glare_zone(clipped | bright, allowed & skin, reach)
        unknown = skin & (glare | _dilate(dark, 1))
        known = skin & ~unknown
        if known.sum() < 50:
            known = skin
        mix = _two_classes(_pick(score, known), MIN_GAP)
        depig = score > mix.threshold
        confident = known.copy()
        if mix.separated:
            confident &= ~_borders(depig, border)

    if unknown.any():
        score = np.where(unknown, _fill(score, known, factor), score)
    considered = skin if region_mask is None else skin & region_mask
    score = np.where(considered, score, np.nan).astype(np.float32)
    result = _count(score, considered, mix.threshold, threshold, scale, pixels_per_cm)
    region_pixels = int(region_mask.sum()) if region_mask is not None else 0
    return replace(result, light=kind, region_pixels=region_pixels)


def _nothing(
    shape: tuple[int, int], threshold: float | None, scale: float, pixels_per_cm: float | None
) -> Estimate:
    return _count(
        np.full(shape, np.nan, np.float32),
        np.zeros(shape, bool),
        NO_SKIN_THRESHOLD,
        threshold,
        scale,
        pixels_per_cm,
    )


def _fill(values: np.ndarray, known: np.ndarray, factor: int) -> np.ndarray:
    """``values`` where ``known``, elsewhere the mean of the nearest known values, blurred
    wider and wider until every hole is filled (a pyramid fill)."""
    top = _shrink(np.where(known, values, 0.0).astype(np.float32), factor)
    bottom = _shrink(known.astype(np.float32), factor)
    small = np.divide(top, bottom, out=np.full_like(top, np.nan), where=bottom > 0)
    weight = np.minimum(bottom, 1.0)
    sigma = 1.5
    while np.isnan(small).any() and sigma < max(small.shape):
        wider = _masked_blur(np.nan_to_num(small), weight, sigma)
        small = np.where(np.isnan(small), wider, small)
        weight = (~np.isnan(small)).astype(np.float32)
        sigma *= 2
    picked = _pick(values, known)
    default = float(np.median(picked)) if picked.size else 0.0
    return _grow(np.nan_to_num(small, nan=default).astype(np.float32), values.shape)


def _pick(values: np.ndarray, where: np.ndarray) -> np.ndarray:
    """``values[where]`` on a sparser grid for big images: enough for medians and histograms."""
    step = max(1, math.isqrt(values.size // STATS_PIXELS))
    if step > 1:
        picked = values[::step, ::step][where[::step, ::step]]
        if picked.size >= 1000:
            return picked
    return values[where]


def _borders(classes: np.ndarray, radius: int) -> np.ndarray:
    """Pixels within ``radius`` of a change of class (blended patch edges, small specks)."""
    return _dilate(classes, radius) & _dilate(~classes, radius)


def _glare_zone(core: np.ndarray, allowed: np.ndarray, reach: int) -> np.ndarray:
    """Glare and its fading edge: ``core`` grown step by step through ``allowed`` pixels
    (still too light to be plain skin) for at most ``reach`` pixels. Works at half
    resolution on big images; the result is a bit generous, never smaller than the core."""
    if not core.any():
        return core
    step = 2 if max(core.shape) > 800 else 1
    small_core: np.ndarray = core
    small_allowed: np.ndarray = allowed
    if step > 1:
        h, w = (core.shape[0] // 2) * 2, (core.shape[1] // 2) * 2
        small_core = np.asarray(core[:h, :w].reshape(h // 2, 2, w // 2, 2).any(axis=(1, 3)))
        small_allowed = allowed[:h:2, :w:2]
    zone = _dilate(small_core, 1)
    for index in range(max(1, reach // step)):
        grown = zone | (_dilate(zone, 1) & small_allowed)
        if index % 4 == 3 and np.array_equal(grown, zone):
            break
        zone = grown
    if step > 1:
        zone = np.repeat(np.repeat(zone, 2, axis=0), 2, axis=1)
        zone = np.pad(
            zone, ((0, core.shape[0] - zone.shape[0]), (0, core.shape[1] - zone.shape[1]))
        )
    return zone | _dilate(core, 2)


def _illumination(
    luminance: np.ndarray, depig: np.ndarray, confident: np.ndarray, factor: int, sigma: float
) -> np.ndarray:
    """Relative illumination: the blurred ratio of Y to its own class's typical Y.

    How much lighter depigmented skin is than pigmented skin is measured where the two meet
    (both under the same light), not from the whole photo, where it would be skewed by
    patches lying mostly in the light or in the shade."""
    pig = confident & ~depig
    dep = confident & depig
    if np.count_nonzero(pig) < 50:
        pig = confident
    pig_y = _pick(luminance, pig)
    level_pig = float(np.median(pig_y)) if pig_y.size else 1.0
    level_dep = level_pig
    if np.count_nonzero(dep) >= 50:
        near = 2.0 * sigma / factor
        share_pig = _blur_sum(_shrink(pig.astype(np.float32), factor), near)
        share_dep = _blur_sum(_shrink(dep.astype(np.float32), factor), near)
        mean_pig = _blur_sum(_shrink(np.where(pig, luminance, 0.0), factor), near)
        mean_dep = _blur_sum(_shrink(np.where(dep, luminance, 0.0), factor), near)
        both = (share_pig > 0.2) & (share_dep > 0.2)
        if np.count_nonzero(both) >= 10:
            ratios = (mean_dep[both] / share_dep[both]) / (mean_pig[both] / share_pig[both])
            level_dep = level_pig * float(np.median(ratios))
        else:
            level_dep = float(np.median(_pick(luminance, dep)))
    reference = np.where(depig, level_dep, level_pig).astype(np.float32)
    relative = np.where(confident, luminance / np.maximum(reference, 1e-6), 0.0)
    weights = confident.astype(np.float32)
    top = _shrink(relative.astype(np.float32), factor)
    bottom = _shrink(weights, factor)
    small = _masked_blur(
        np.divide(top, bottom, out=np.zeros_like(top), where=bottom > 0), bottom, sigma / factor
    )
    if np.isnan(small).any():  # holes far from any usable skin: fill with a wider blur
        wide = _masked_blur(
            np.nan_to_num(small), (~np.isnan(small)).astype(np.float32), 4 * sigma / factor
        )
        small = np.where(np.isnan(small), wide, small)
        small = np.nan_to_num(small, nan=1.0)
    light = _grow(small.astype(np.float32), luminance.shape)
    return np.maximum(light, 1e-3)


def _count(
    score: np.ndarray,
    considered: np.ndarray,
    auto: float,
    threshold: float | None,
    scale: float,
    pixels_per_cm: float | None,
) -> Estimate:
    used = auto if threshold is None else float(threshold)
    with np.errstate(invalid="ignore"):
        mask = score > used
    skin_pixels = int(considered.sum())
    depigmented = int(mask.sum())
    return Estimate(
        depigmented_fraction=depigmented / skin_pixels if skin_pixels else 0.0,
        threshold=used,
        auto_threshold=float(auto),
        skin_pixels=skin_pixels,
        depigmented_pixels=depigmented,
        mask=mask,
        skin_mask=considered,
        score=score,
        area_cm2=_area(depigmented, scale, pixels_per_cm),
        scale=scale,
    )


def rethreshold(
    estimate: Estimate, threshold: float, pixels_per_cm: float | None = None
) -> Estimate:
    """The same estimate counted at another threshold (fast: reuses ``estimate.score``)."""
    result = _count(
        estimate.score,
        estimate.skin_mask,
        estimate.auto_threshold,
        float(threshold),
        estimate.scale,
        pixels_per_cm,
    )
    return replace(
        estimate,
        depigmented_fraction=result.depigmented_fraction,
        threshold=result.threshold,
        depigmented_pixels=result.depigmented_pixels,
        mask=result.mask,
        area_cm2=result.area_cm2,
    )


def pixels_per_cm_from_points(p1: Point, p2: Point, length_cm: float) -> float:
    """The scale from two points a known distance apart (e.g. the ends of a ruler's 1 cm)."""
    if not length_cm > 0 or not math.isfinite(length_cm):
        raise ValueError("the length must be a positive number of centimetres")
    distance = math.hypot(float(p2[0]) - float(p1[0]), float(p2[1]) - float(p1[1]))
    if distance <= 0:
        raise ValueError("the two points are the same")
    return distance / length_cm


class MixedLightError(ValueError):
    """A UV (Wood's lamp) estimate and a normal-light one: patches look different under UV."""


def compare(before: Estimate, after: Estimate) -> Change:
    """How the depigmented area changed between two estimates of the same region. The share
    is measured on the skin of each date (the photos may differ in size and framing), the
    relative change is of the share, without a cap. Raises MixedLightError for a UV and a
    normal-light estimate."""
    if before.light != after.light:
        raise MixedLightError("a UV photo and a normal-light photo cannot be compared")
    if before.depigmented_fraction > 0:
        share = (
            before.depigmented_fraction - after.depigmented_fraction
        ) / before.depigmented_fraction
    else:
        share = 0.0
    return Change(
        before_fraction=before.depigmented_fraction,
        after_fraction=after.depigmented_fraction,
        repigmented_share=share,
        before_cm2=before.area_cm2,
        after_cm2=after.area_cm2,
        in_region=before.region_pixels > 0,
    )


def measure_file(
    path: Path,
    region: Region = None,
    *,
    seeds=None,
    light: str = "visible",
    threshold: float | None = None,
    pixels_per_cm: float | None = None,
) -> Estimate:
    """Decode ``path`` safely (photo_import's decoders and size checks, turned upright),
    bring it to sRGB and estimate: automatically, or from ``seeds`` (a
    :class:`vitidesk.core.seeded.Seeds`; ``threshold`` is then the sensitivity bias). Raises
    PhotoRejectedError (a UserError) for a file that cannot be read and ValueError for a bad
    region. ``Estimate.full_size`` is the photo's size."""
    from vitidesk.core.photo_import import _to_srgb, open_untrusted

    image = open_untrusted(Path(path))
    icc = image.info.get("icc_profile")
    full = image.size
    # Reduce first: converting colour profiles and everything after is then cheap.
    factor = max(1, math.ceil(max(full) / WORK_MAX_SIDE))
    working = image.reduce(factor) if factor > 1 and image.mode == "RGB" else image
    if icc and working.mode == "RGB":
        working = _to_srgb(working, icc)
    if seeds is not None and not seeds.empty():
        from vitidesk.core.seeded import measure_seeded

        estimate = measure_seeded(
            working,
            seeds,
            region,
            light=light,
            pixels_per_cm=pixels_per_cm,
            bias=threshold or 0.0,
            _full_size=full,
        )
    else:
        estimate = estimate_depigmentation(
            working,
            region,
            threshold=threshold,
            pixels_per_cm=pixels_per_cm,
            light=light,
            _full_size=full,
        )
    return replace(estimate, full_size=full)


def full_size_mask(estimate: Estimate, size: tuple[int, int]) -> Image.Image:
    """The estimate's mask as an 8-bit image of ``size`` (the photo's): 255 where skin is
    counted depigmented, 0 elsewhere; edges enlarged smoothly, then cut at halfway."""
    small = Image.fromarray(estimate.mask.astype(np.uint8) * 255, "L")
    if small.size != tuple(size):
        small = small.resize((size[0], size[1]), Image.Resampling.BILINEAR)
    return small.point(lambda v: 255 if v >= 128 else 0)


def open_stored(path: Path) -> tuple[Image.Image, tuple[int, int]]:
    """One of the library's own clean, upright sRGB copies, decoded at about the working size
    (JPEG's reduced-size decoding: a 24 MP photo decodes several times faster), and the
    photo's full size. Not for untrusted files: :func:`measure_file` checks those."""
    with Image.open(path) as image:
        full = image.size
        factor = max(1, math.ceil(max(full) / WORK_MAX_SIDE))
        if factor > 1 and image.format == "JPEG":
            image.draft("RGB", (math.ceil(full[0] / factor), math.ceil(full[1] / factor)))
        image.load()
        return image.convert("RGB"), full
