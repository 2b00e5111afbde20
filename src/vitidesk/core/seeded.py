"""Guided measurement: the person clicks (or brushes) inside a patch and on normal skin, then
paints corrections; the patch is segmented from those seeds by a graph cut (see
:mod:`vitidesk.core.graph_cut`) and re-segmented at once after every stroke. No Qt.

Sizes
-----
The photo is first brought to the estimate's working size (:func:`depigmentation._working`,
at most 1600 px). The cut itself runs on the region's bounding box, reduced by a whole factor
until it has at most :data:`CUT_PIXELS` pixels, and its mask is enlarged back (bilinear,
halfway) to the working size: that keeps a cut after a correction stroke well inside
150 ms for a 24 MP photo. The :class:`~vitidesk.core.depigmentation.Estimate` it gives has
the working size, like the automatic one.

What is counted
---------------
The patch is what the cut calls patch inside the region. The skin it is a share of is the
region's skin (:mod:`vitidesk.core.skin`) plus the patch itself: a patch the person marked is
skin even when it is as colourless as a wall. Parts of the cut that look like no skin at all
(a wall, a shirt) are dropped unless they touch a patch seed or an "add" stroke.

Colour features are CIELAB after a small closing of L* that lifts thin dark hairs to the skin
around them (so hairs do not join a dark lesion). The sensitivity (``bias``) moves every
pixel's cost towards "patch" (> 0) or "skin" (< 0), in the same units as the colour costs.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
from PIL import Image, ImageDraw

from vitidesk.core import depigmentation as dp
from vitidesk.core.colour_space import lab
from vitidesk.core.graph_cut import CutResult, GraphCut
from vitidesk.core.image_ops import erode, grey_max, grey_min, label_parts, resize, resize_mask
from vitidesk.core.skin import (
    MIN_REDNESS,
    SkinMap,
    find_skin,
    pale_candidates,
    vivid_non_skin,
)

Point = tuple[float, float]
CUT_PIXELS = 150_000  # the cut's size: at most this many pixels
SEED_RADIUS = 0.015  # a click marks a disc this wide (share of the cut's longest side)
MIN_SEED_RADIUS = 2  # pixels of the cut
CLICK_CORE = 0.35  # a click's sure part: this share of the seed radius
CLICK_SIMILAR = 10.0  # CIELAB distance from a click's colour still sampled around it
HAIR_RADIUS = 1  # closing of L* (pixels of the cut): removes dark lines up to 3 px wide
HAIR_DEPTH = 6.0  # L* units a pixel must rise by the closing to count as a hair
MIN_PART = 0.0005  # patch parts smaller than this share of the region are noise
AUTOMATIC_CORE = 2  # automatic seeds: the automatic mask eroded by this many cut pixels
LIGHT_L = 55.0  # "light" for the rule above (L*)
PATCH_CHROMA_REACH = 4.0  # a colourless part joined to a patch counts only this near its a*b*
SKIN_CHROMA_REACH = 12.0  # a*b* distance from the marked normal skin still counted as skin


@dataclass(frozen=True)
class Stroke:
    """A painted correction, in full-image pixels: ``patch`` True adds to the patch, False
    marks normal skin (erases)."""

    points: tuple[Point, ...]
    radius: float
    patch: bool


@dataclass(frozen=True)
class Seeds:
    patch: tuple[Point, ...] = ()  # clicks inside patches (full-image pixels)
    skin: tuple[Point, ...] = ()  # clicks on normal skin
    strokes: tuple[Stroke, ...] = ()  # painted corrections, in order

    def with_click(self, point: Point, patch: bool) -> Seeds:
        if patch:
            return Seeds((*self.patch, point), self.skin, self.strokes)
        return Seeds(self.patch, (*self.skin, point), self.strokes)

    def with_stroke(self, stroke: Stroke) -> Seeds:
        return Seeds(self.patch, self.skin, (*self.strokes, stroke))

    def empty(self) -> bool:
        return not (self.patch or self.skin or self.strokes)

    def as_dict(self) -> dict:
        return {
            "patch": [list(p) for p in self.patch],
            "skin": [list(p) for p in self.skin],
            "strokes": [
                {"points": [list(p) for p in s.points], "radius": s.radius, "patch": s.patch}
                for s in self.strokes
            ],
        }

    @staticmethod
    def from_dict(data: dict) -> Seeds:
        def points(values) -> tuple[Point, ...]:
            return tuple((float(x), float(y)) for x, y in values)

        return Seeds(
            points(data.get("patch", ())),
            points(data.get("skin", ())),
            tuple(
                Stroke(points(s["points"]), float(s["radius"]), bool(s["patch"]))
                for s in data.get("strokes", ())
            ),
        )


@dataclass
class SeededSession:
    """One photo and region, ready to be cut again and again (see the module's notes)."""

    rgb: np.ndarray = field(repr=False)  # working size
    scale: float  # working / full
    region: np.ndarray = field(repr=False)  # working size, bool
    light: str = "visible"
    pixels_per_cm: float | None = None

    def __post_init__(self) -> None:
        ys, xs = np.nonzero(self.region)
        if ys.size == 0:
            raise ValueError("the region holds no pixels of the photo")
        self.box = (int(ys.min()), int(ys.max()) + 1, int(xs.min()), int(xs.max()) + 1)
        top, bottom, left, right = self.box
        _, big_l, a, b = lab(self.rgb)
        self.skin_map: SkinMap = find_skin(big_l, a, b, light=self.light).within(self.region)
        self.chroma = (a, b)
        crop = self.rgb[top:bottom, left:right]
        area = crop.shape[0] * crop.shape[1]
        self.factor = max(1, math.ceil(math.sqrt(area / CUT_PIXELS)))
        small = crop
        if self.factor > 1:
            small = np.asarray(Image.fromarray(crop).reduce(self.factor))
        self.cut_shape = small.shape[:2]
        _, cl, ca, cb = lab(small)
        closed = grey_min(grey_max(cl, HAIR_RADIUS), HAIR_RADIUS)
        hair = (closed - cl) > HAIR_DEPTH
        cl = np.where(hair, closed, cl)
        features = np.stack([cl, ca, cb], axis=2)
        self.inside = self._to_cut(self.region[top:bottom, left:right])
        self.skin_cut = self._to_cut(self.skin_map.skin[top:bottom, left:right])
        self.pale_cut = pale_candidates(cl, ca, cb) & self.inside
        self.vivid_cut = vivid_non_skin(cl, ca, cb) & self.inside
        # Light and not skin-coloured: a wall, paper, a label (dark non-skin colours can be a
        # dark lesion, so they are not held against a patch).
        # Light, not skin and not red at all (a wall, paper, a label, a grey shirt). Dark or
        # reddish colours that are not skin can be part of a lesion: not held against it.
        self.light_other = (cl >= LIGHT_L) & (ca < MIN_REDNESS) & ~self.skin_cut & self.inside
        if self.light == "uv":  # under UV everything is violet or blue: colour rules nothing out
            self.vivid_cut = np.zeros_like(self.inside)
            self.light_other = np.zeros_like(self.inside)
        self.graph = GraphCut(features, self.inside)
        self.features = features
        self.last: CutResult | None = None
        self.last_seeds: Seeds | None = None
        self.automatic: dp.Estimate | None = None

    @classmethod
    def open(
        cls,
        image: Image.Image,
        region: dp.Region = None,
        polygon: list[Point] | None = None,
        light: str = "visible",
        pixels_per_cm: float | None = None,
        _full_size: tuple[int, int] | None = None,
    ) -> SeededSession:
        rgb, scale, full = dp._working(image)
        if _full_size is not None:
            scale, full = rgb.shape[1] / _full_size[0], _full_size
        mask = dp._region_mask(rgb.shape[:2], scale, full, region, polygon)
        if mask is None:
            mask = np.ones(rgb.shape[:2], bool)
        return cls(rgb, scale, mask, light, pixels_per_cm)

    def _to_cut(self, mask: np.ndarray) -> np.ndarray:
        if self.factor == 1:
            return mask.copy()
        return resize(mask.astype(np.float32), self.cut_shape) >= 0.5

    # -- seeds to the cut's pixels -------------------------------------------------------
    def _cut_point(self, point: Point) -> tuple[float, float]:
        top, _, left, _ = self.box
        x = (float(point[0]) * self.scale - left) / self.factor
        y = (float(point[1]) * self.scale - top) / self.factor
        return x, y

    def seed_radius(self) -> float:
        return max(MIN_SEED_RADIUS, SEED_RADIUS * max(self.cut_shape))

    def _click_samples(self, points: tuple[Point, ...]) -> np.ndarray:
        """Around each click, the pixels of about the clicked colour (within
        :data:`CLICK_SIMILAR` in CIELAB of the click's own 3 x 3 median): a click next to a
        pigment island or a hair still describes the skin it was made on."""
        h, w = self.cut_shape
        out = np.zeros((h, w), bool)
        radius = self.seed_radius()
        yy, xx = np.ogrid[0:h, 0:w]
        for point in points:
            x, y = self._cut_point(point)
            cx, cy = min(w - 1, max(0, round(x))), min(h - 1, max(0, round(y)))
            centre = self.features[max(0, cy - 1) : cy + 2, max(0, cx - 1) : cx + 2]
            colour = np.median(centre.reshape(-1, 3), axis=0)
            disc = (xx - x) ** 2 + (yy - y) ** 2 <= radius**2
            close = ((self.features - colour) ** 2).sum(axis=2) <= CLICK_SIMILAR**2
            out |= disc & close
        return out & self.inside

    def _marks(self, seeds: Seeds) -> tuple[np.ndarray, np.ndarray]:
        """The seeds' pixels in the cut: a click is a small disc (the person meant that
        spot), a painted stroke all the skin it covers."""
        h, w = self.cut_shape
        canvas = Image.new("L", (w, h), 0)  # 0 nothing, 1 skin, 2 patch; later marks win
        draw = ImageDraw.Draw(canvas)
        radius = max(MIN_SEED_RADIUS, CLICK_CORE * self.seed_radius())
        for points, value in ((seeds.skin, 1), (seeds.patch, 2)):
            for point in points:
                x, y = self._cut_point(point)
                draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=value)
        for stroke in seeds.strokes:
            value = 2 if stroke.patch else 1
            r = max(1.0, stroke.radius * self.scale / self.factor)
            path = [self._cut_point(p) for p in stroke.points]
            if len(path) > 1:
                draw.line(path, fill=value, width=max(1, round(2 * r)), joint="curve")
            for x, y in (path[0], path[-1]) if path else ():
                draw.ellipse((x - r, y - r, x + r, y + r), fill=value)
        marks = np.asarray(canvas)
        return (marks == 2) & self.inside, (marks == 1) & self.inside

    # -- the estimate --------------------------------------------------------------------
    def estimate(self, seeds: Seeds, bias: float = 0.0) -> dp.Estimate:
        """The patch from these seeds (and ``bias``, see the module's notes)."""
        if not self.skin_map.usable:
            return self._refused(self.skin_map.refusal)
        patch_seeds, skin_seeds = self._marks(seeds)
        patch_samples = patch_seeds | (self._click_samples(seeds.patch) & ~skin_seeds)
        skin_samples = skin_seeds | (self._click_samples(seeds.skin) & ~patch_seeds)
        if not patch_seeds.any() or not skin_seeds.any():
            # Only one kind of seed (or only corrections): the automatic estimate gives the
            # colours of the other kind.
            auto_patch, auto_skin = self._automatic_samples()
            if not patch_seeds.any():
                patch_samples = auto_patch & ~skin_seeds
            if not skin_seeds.any():
                skin_samples = auto_skin & ~patch_seeds
            if patch_samples.sum() < 5 or skin_samples.sum() < 5:
                return self._refused("mark a patch and normal skin first")
        # This person's skin colour comes from clicks on normal skin (or the first guess): an
        # "erase" stroke says only "not patch", and may lie on a wall or a ruler.
        skin_reference = self._click_samples(seeds.skin) & ~patch_seeds
        if not skin_reference.any():
            skin_reference = self._automatic_samples()[1] & ~patch_seeds
        if not skin_reference.any():
            skin_reference = skin_samples
        start = None
        previous = self.last_seeds
        if (
            self.last is not None
            and previous is not None
            and (previous.patch, previous.skin) == (seeds.patch, seeds.skin)
            and seeds.strokes[: len(previous.strokes)] == previous.strokes
        ):
            # Only corrections were painted since: the last cut's colour models, new seeds.
            start = self.last.patch
        result = self.graph.cut(
            patch_seeds,
            skin_seeds,
            patch_samples=patch_samples,
            skin_samples=skin_samples,
            non_skin=self.vivid_cut | self.light_other,
            bias=bias,
            refits=0 if start is not None else None,
            start=start,
            models=self.last.models if start is not None and self.last is not None else None,
        )
        self.last, self.last_seeds = result, seeds
        return self._count(result, patch_seeds, skin_reference, patch_samples)

    def _automatic_samples(self) -> tuple[np.ndarray, np.ndarray]:
        if self.automatic is None:
            self.automatic = dp._automatic(
                self.rgb, self.scale, self.region, None, None, self.light
            )
        top, bottom, left, right = self.box
        mask = self._to_cut(self.automatic.mask[top:bottom, left:right])
        skin = self._to_cut(self.automatic.skin_mask[top:bottom, left:right])
        return erode(mask, AUTOMATIC_CORE), erode(skin & ~mask, AUTOMATIC_CORE)

    def _like_marked_skin(self, skin_samples: np.ndarray) -> np.ndarray:
        """Working pixels whose a*, b* are near the normal skin marked (or guessed): a wooden
        table or a beige wall is skin-coloured, but not this person's skin colour."""
        if self.light == "uv" or not skin_samples.any():
            return np.ones(self.rgb.shape[:2], bool)
        ref_a = float(np.median(self.features[..., 1][skin_samples]))
        ref_b = float(np.median(self.features[..., 2][skin_samples]))
        a, b = self.chroma
        return (a - ref_a) ** 2 + (b - ref_b) ** 2 <= SKIN_CHROMA_REACH**2

    def _like(self, samples: np.ndarray, reach: float) -> np.ndarray:
        """Cut pixels whose a*, b* are within ``reach`` of the samples' median."""
        if not samples.any():
            return np.ones(self.cut_shape, bool)
        a, b = self.features[..., 1], self.features[..., 2]
        ref_a, ref_b = float(np.median(a[samples])), float(np.median(b[samples]))
        return (a - ref_a) ** 2 + (b - ref_b) ** 2 <= reach**2

    def _count(
        self,
        result: CutResult,
        patch_seeds: np.ndarray,
        skin_samples: np.ndarray,
        patch_samples: np.ndarray,
    ) -> dp.Estimate:
        patch = result.patch
        labels, count = label_parts(patch)
        if count:
            flat = labels.ravel()
            sizes = np.bincount(flat, minlength=count + 1)
            seeded = np.bincount(flat, weights=patch_seeds.ravel(), minlength=count + 1) > 0
            keep = (sizes >= MIN_PART * max(1, int(self.inside.sum()))) | seeded
            keep[0] = False
            # Never a colour no skin has; light parts only where they look like skin, or are
            # colourless and joined to a patch seed (a patch as white as a wall).
            seeded_part = seeded[labels]
            like_patch = self._like(patch_samples, PATCH_CHROMA_REACH)
            light_ok = ~self.light_other | (self.pale_cut & seeded_part & like_patch)
            patch = (keep[labels] & ~self.vivid_cut & light_ok) | patch_seeds
        shape = self.rgb.shape[:2]
        top, bottom, left, right = self.box
        mask = np.zeros(shape, bool)
        box_shape = (bottom - top, right - left)
        mask[top:bottom, left:right] = resize_mask(patch, box_shape)
        mask &= self.region
        skin = self.skin_map.skin & self._like_marked_skin(skin_samples)
        considered = (skin | mask) & self.region
        score = np.full(shape, np.nan, np.float32)
        score[top:bottom, left:right] = resize(result.llr, box_shape)
        score = np.where(considered, score, np.nan).astype(np.float32)
        skin_pixels = int(considered.sum())
        depigmented = int(mask.sum())
        return dp.Estimate(
            depigmented_fraction=depigmented / skin_pixels if skin_pixels else 0.0,
            threshold=0.0,
            auto_threshold=0.0,
            skin_pixels=skin_pixels,
            depigmented_pixels=depigmented,
            mask=mask,
            skin_mask=considered,
            score=score,
            area_cm2=dp._area(depigmented, self.scale, self.pixels_per_cm),
            scale=self.scale,
            light=self.light,
            method="seeded",
            region_pixels=0 if self.region.all() else int(self.region.sum()),
        )

    def _refused(self, why: str | None) -> dp.Estimate:
        shape = self.rgb.shape[:2]
        nothing = dp._nothing(shape, 0.0, self.scale, self.pixels_per_cm)
        return dp.replace(nothing, refusal=why, light=self.light, method="seeded")


def measure_seeded(
    image: Image.Image,
    seeds: Seeds,
    region: dp.Region = None,
    *,
    polygon: list[Point] | None = None,
    light: str = "visible",
    pixels_per_cm: float | None = None,
    bias: float = 0.0,
    _full_size: tuple[int, int] | None = None,
) -> dp.Estimate:
    """One guided estimate (see :class:`SeededSession` to re-segment after corrections)."""
    session = SeededSession.open(image, region, polygon, light, pixels_per_cm, _full_size)
    return session.estimate(seeds, bias)
