"""Synthetic sample photos for the demo profile: skin with vitiligo-like patches, over a year.

Each image is a clearly synthetic close-up of one body site on a dark, non-reflective
background (as the van Geel et al. 2020 photo consensus recommends), with a grey 1 cm scale
bar and a burned-in "sample image" notice. The milky-white, sharp-edged, irregular patches
shrink from visit to visit: the edges move inwards and small follicular islands of pigment
appear inside the patches and grow, the two usual ways vitiligo repigments.

Everything is deterministic: the noise comes from fixed seeds through :class:`random.Random`
and all pixel work is done by Pillow's C routines (no numpy, no per-pixel Python loops), so
the same site and visit always give the same pixels. No Qt here.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import random
from dataclasses import dataclass
from typing import cast

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

WIDTH, HEIGHT = 1600, 1200
BASE_DATE = dt.date(2025, 1, 15)
VISIT_MONTHS = (0, 3, 6, 11)
CAPTION = "VitiDesk sample image – illustrative, not a patient"
LABEL = "Sample (illustrative)"
JPEG_QUALITY = 90
LIGHTS = ("visible", "uv")
RGB = tuple[int, int, int]

# Fraction of the skin covered by patches (before follicular islands), per visit.
_PATCH_FRACTIONS = (0.2, 0.145, 0.095, 0.055)
# Follicular island radius in pixels per visit (times a per-island factor); 0 = not yet.
_ISLAND_RADII = (0.0, 5.0, 9.0, 14.0)
_HALF = (WIDTH // 2, HEIGHT // 2)
VISIBLE_BACKDROP: RGB = (17, 19, 25)  # a dark, non-reflective cloth
UV_SKIN: RGB = (44, 32, 86)  # Wood's lamp: pigmented skin looks dark violet...
UV_PATCH: RGB = (186, 202, 250)  # ...and depigmented skin a bright blue-white
UV_BACKDROP: RGB = (9, 7, 20)


@dataclass(frozen=True)
class SkinTone:
    name: str
    fitzpatrick: str
    skin: RGB  # pigmented skin
    patch: RGB  # depigmented (vitiligo-like) skin
    rim: float  # how much darker the skin is just outside a patch (0 = none)


@dataclass(frozen=True)
class SampleSite:
    name: str  # a built-in body site of the photo library
    tone: SkinTone
    seed: int
    px_per_cm: int  # the scale the 1 cm bar is drawn at
    patches: tuple[tuple[int, int, int], ...]  # (x, y, radius) where patches cluster


@dataclass(frozen=True)
class SampleShot:
    site: str
    visit: int
    taken: dt.date
    light: str

    @property
    def file_name(self) -> str:
        suffix = "-uv" if self.light == "uv" else ""
        return f"vitidesk-sample-{self.site.lower()}-{self.taken.isoformat()}{suffix}.jpg"


MEDIUM_LIGHT = SkinTone("medium-light", "III", (212, 160, 128), (246, 233, 224), 0.06)
DARK = SkinTone("dark", "V-VI", (98, 64, 46), (232, 212, 200), 0.10)
FAIR = SkinTone("fair", "I-II", (236, 205, 189), (250, 242, 237), 0.03)

SITES: tuple[SampleSite, ...] = (
    SampleSite("Face", MEDIUM_LIGHT, 1101, 90, ((560, 430, 170), (990, 640, 150), (760, 860, 110))),
    SampleSite(
        "Hands",
        DARK,
        2202,
        80,
        ((700, 560, 130), (840, 300, 80), (610, 800, 140), (1000, 700, 110), (1230, 700, 70)),
    ),
    SampleSite(
        "Trunk",
        FAIR,
        3303,
        60,
        ((460, 400, 220), (1060, 310, 170), (900, 770, 200), (330, 850, 120)),
    ),
)


def site(name: str) -> SampleSite:
    for candidate in SITES:
        if candidate.name.casefold() == name.casefold():
            return candidate
    raise KeyError(name)


def _add_months(day: dt.date, months: int) -> dt.date:
    years, month = divmod(day.month - 1 + months, 12)
    return day.replace(year=day.year + years, month=month + 1)


def visit_dates() -> tuple[dt.date, ...]:
    """The four visits: a fixed base date, then about 3, 6 and 11 months later."""
    return tuple(_add_months(BASE_DATE, months) for months in VISIT_MONTHS)


def sample_series() -> list[SampleShot]:
    """Every demo photo: each site at each visit in visible light, and one Wood's lamp shot
    of the fair-skinned trunk, where the patches are hardest to see in normal light."""
    dates = visit_dates()
    shots = [
        SampleShot(s.name, visit, dates[visit], "visible")
        for s in SITES
        for visit in range(len(dates))
    ]
    shots.append(SampleShot("Trunk", 0, dates[0], "uv"))
    return shots


# -- noise ---------------------------------------------------------------------------------
def _value_noise(rng: random.Random, size: tuple[int, int], cell: int) -> Image.Image:
    """Smooth noise: a coarse grid of random values scaled up with bicubic interpolation."""
    width, height = size
    grid = (width // cell + 4, height // cell + 4)
    coarse = Image.frombytes("L", grid, rng.randbytes(grid[0] * grid[1]))
    big = coarse.resize((grid[0] * cell, grid[1] * cell), Image.Resampling.BICUBIC)
    offset = cell * 2
    return big.crop((offset, offset, offset + width, offset + height))


def _fractal_noise(
    rng: random.Random, size: tuple[int, int], cells: tuple[int, ...]
) -> Image.Image:
    """Octaves of value noise, coarse first, each finer one with half the weight."""
    result = _value_noise(rng, size, cells[0])
    for index, cell in enumerate(cells[1:], start=1):
        result = Image.blend(result, _value_noise(rng, size, cell), 0.5 / (index + 0.5))
    return _stretch(result)


def _stretch(image: Image.Image) -> Image.Image:
    """Spread an L image's values over 0..255 (deterministic autocontrast)."""
    low, high = cast(tuple[int, int], image.getextrema())  # one band (L): (low, high)
    span = max(1, high - low)
    return image.point(lambda v: (v - low) * 255 // span)


def _threshold(image: Image.Image, level: int) -> Image.Image:
    return image.point(lambda v: 255 if v > level else 0)


def _level_for_fraction(image: Image.Image, fraction: float) -> int:
    """The level above which about ``fraction`` of the pixels of ``image`` lie."""
    wanted = fraction * image.width * image.height
    count = 0
    histogram = image.histogram()
    for level in range(255, 0, -1):
        count += histogram[level]
        if count >= wanted:
            return level - 1
    return 0


# -- the scene -------------------------------------------------------------------------------
def _capsule(draw: ImageDraw.ImageDraw, start: tuple[int, int], end: tuple[int, int], width: int):
    draw.line([start, end], fill=255, width=width)
    radius = width // 2
    for x, y in (start, end):
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=255)


def _outline(spec: SampleSite) -> Image.Image:
    """The skin's silhouette at full size (L, 255 = skin), before the edge is roughened."""
    mask = Image.new("L", (WIDTH, HEIGHT), 0)
    draw = ImageDraw.Draw(mask)
    if spec.name == "Hands":  # the back of a hand, fingers up, wrist leaving the frame
        draw.rounded_rectangle((470, 440, 1130, 1010), radius=170, fill=255)
        draw.rectangle((600, 900, 1000, HEIGHT), fill=255)
        for start, end, width in (
            ((545, 520), (470, 170), 118),
            ((690, 470), (675, 70), 126),
            ((840, 470), (865, 90), 124),
            ((985, 520), (1060, 200), 112),
            ((1080, 860), (1380, 560), 140),
        ):
            _capsule(draw, start, end, width)
    elif spec.name == "Face":  # a cheek-and-brow close-up
        draw.ellipse((200, 60, 1400, 1020), fill=255)
    else:  # a broad area of the back
        draw.rounded_rectangle((110, 50, 1490, 1020), radius=260, fill=255)
    return mask


@dataclass(frozen=True)
class _Layers:
    skin: Image.Image  # L, soft-edged skin silhouette
    field: Image.Image  # L, the patch field: patches are where it is above a visit's level
    levels: tuple[int, ...]
    islands: tuple[tuple[int, int, float, int], ...]  # half-size x, y, size factor, first visit
    shade: Image.Image  # L, lighting and texture of the skin (235 = the tone's own colour)
    skin_rgb: Image.Image  # the pigmented skin in visible light
    patch_rgb: Image.Image  # the depigmented skin in visible light
    rim_rgb: Image.Image  # the pigmented skin a little darker, for the margin of a patch
    cloth: Image.Image  # the texture of the dark cloth behind, as an RGB multiplier
    backdrop: Image.Image  # the dark cloth in visible light


def _creases(rng: random.Random, cell: int, width: int) -> Image.Image:
    """Thin wandering lines (the contour lines of smooth noise), like fine skin creases."""
    noise = _value_noise(rng, _HALF, cell)
    return noise.point(lambda v: 255 if abs(v - 128) <= width else 0).filter(
        ImageFilter.GaussianBlur(0.7)
    )


@functools.lru_cache(maxsize=1)
def _layers(name: str) -> _Layers:
    spec = site(name)
    rng = random.Random(spec.seed)
    half_w, half_h = _HALF

    # Silhouette with an irregular, slightly blurred (out-of-focus) edge.
    outline = _outline(spec).resize(_HALF, Image.Resampling.BILINEAR)
    wobble = _value_noise(rng, _HALF, 60)
    rough = Image.blend(outline.filter(ImageFilter.GaussianBlur(18)), wobble, 0.18)
    skin_half = _threshold(rough, 118).filter(ImageFilter.GaussianBlur(1.5))
    skin = skin_half.resize((WIDTH, HEIGHT), Image.Resampling.BILINEAR)

    # Patch field: clusters at the site's spots plus fractal noise for irregular borders,
    # kept away from the skin's edge.
    clusters = Image.new("L", _HALF, 0)
    draw = ImageDraw.Draw(clusters)
    for x, y, radius in spec.patches:
        x, y, radius = x // 2, y // 2, radius // 2
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=255)
    clusters = clusters.filter(ImageFilter.GaussianBlur(28))
    noise = _fractal_noise(rng, _HALF, (70, 32, 14, 6))
    field = Image.blend(_stretch(clusters), noise, 0.42)
    inner = _threshold(skin_half.filter(ImageFilter.GaussianBlur(4)), 235)  # shrunk a little
    inner = inner.filter(ImageFilter.GaussianBlur(14))
    field_half = ImageChops.multiply(field, inner)
    skin_pixels = skin_half.histogram()
    skin_share = sum(skin_pixels[128:]) / (half_w * half_h)
    levels = tuple(_level_for_fraction(field_half, f * skin_share) for f in _PATCH_FRACTIONS)
    field_full = field_half.resize((WIDTH, HEIGHT), Image.Resampling.BICUBIC)

    # Follicular islands: well inside the first visit's patches; they appear and grow.
    islands: list[tuple[int, int, float, int]] = []
    pixels = field_half.load()
    assert pixels is not None  # an image in memory always loads
    attempts = 0
    while len(islands) < 60 and attempts < 6000:
        attempts += 1
        x, y = rng.randrange(half_w), rng.randrange(half_h)
        if cast(int, pixels[x, y]) > levels[0] + 10:  # L image: one int per pixel
            islands.append((x, y, 0.5 + rng.random(), 1 + rng.randrange(3)))

    # Lighting and texture: darker towards the edge (the body curves away), blotchy
    # mottling, fine creases, pores and a fine grain.
    falloff = skin_half.filter(ImageFilter.GaussianBlur(70))
    mottle = _fractal_noise(rng, _HALF, (90, 40, 16))
    shade_half = ImageChops.add(
        falloff.point(lambda v: 175 + v * 60 // 255),
        mottle.point(lambda v: v * 24 // 255),
        1.0,
        -12,
    )
    creases = ImageChops.lighter(_creases(rng, 22, 3), _creases(rng, 9, 4))
    shade_half = ImageChops.subtract(shade_half, creases.point(lambda v: v * 14 // 255))
    grain = Image.frombytes("L", (WIDTH, HEIGHT), rng.randbytes(WIDTH * HEIGHT))
    pores = grain.point(lambda v: 40 if v < 4 else 0)
    grain = ImageChops.subtract(grain.filter(ImageFilter.GaussianBlur(0.8)), pores)
    shade = ImageChops.add(
        shade_half.resize((WIDTH, HEIGHT), Image.Resampling.BICUBIC),
        grain.point(lambda v: (v - 128) // 5 + 128),
        1.0,
        -128,
    )
    patch_shade = shade.point(lambda v: 235 + (v - 235) * 2 // 3)
    cloth = grain.point(lambda v: 248 + (v - 128) // 16).convert("RGB")
    skin_rgb = _tinted(spec.tone.skin, shade)
    rim = round(255 * (1 - spec.tone.rim))
    return _Layers(
        skin=skin,
        field=field_full,
        levels=levels,
        islands=tuple(islands),
        shade=shade,
        skin_rgb=skin_rgb,
        patch_rgb=_tinted(spec.tone.patch, patch_shade),
        rim_rgb=ImageChops.multiply(skin_rgb, Image.new("RGB", (WIDTH, HEIGHT), (rim, rim, rim))),
        cloth=cloth,
        backdrop=_multiply_color(cloth, VISIBLE_BACKDROP),
    )


def _island_mask(layers: _Layers, visit: int) -> Image.Image:
    """Pigmented dots around hair follicles inside the patches (L, full size)."""
    mask = Image.new("L", _HALF, 0)
    draw = ImageDraw.Draw(mask)
    for x, y, factor, first in layers.islands:
        if visit < first:
            continue
        radius = _ISLAND_RADII[visit - first + 1] * factor / 2
        for dx, dy in ((0, 0), (radius * 0.45, radius * 0.2), (-radius * 0.2, radius * 0.4)):
            r = radius * 0.8
            draw.ellipse((x + dx - r, y + dy - r, x + dx + r, y + dy + r), fill=255)
    mask = mask.filter(ImageFilter.GaussianBlur(0.8))
    return mask.resize((WIDTH, HEIGHT), Image.Resampling.BILINEAR)


def patch_mask(name: str, visit: int) -> Image.Image:
    """The depigmented area at a visit (L, 255 = patch), as drawn into the photo."""
    if not 0 <= visit < len(VISIT_MONTHS):
        raise ValueError(f"visit must be 0..{len(VISIT_MONTHS) - 1}")
    layers = _layers(site(name).name)
    level = layers.levels[visit]
    # A steep ramp instead of a hard step: sharp, but anti-aliased, edges.
    edges = layers.field.point(lambda v: max(0, min(255, (v - level) * 85 + 43)))
    return ImageChops.subtract(edges, _island_mask(layers, visit))


def _multiply_color(image: Image.Image, color: RGB) -> Image.Image:
    return ImageChops.multiply(image, Image.new("RGB", image.size, color))


def _tinted(color: RGB, shade: Image.Image) -> Image.Image:
    """``color`` lit by ``shade`` (235 in ``shade`` gives ``color`` itself)."""
    bright = tuple(min(255, round(c * 255 / 235)) for c in color)
    return ImageChops.multiply(Image.new("RGB", (WIDTH, HEIGHT), bright), shade.convert("RGB"))


def _scale_and_caption(image: Image.Image, spec: SampleSite, uv: bool) -> None:
    draw = ImageDraw.Draw(image)
    grey = (96, 92, 120) if uv else (150, 150, 150)
    left, top, cm = 70, HEIGHT - 86, spec.px_per_cm
    draw.rectangle((left, top, left + cm, top + 16), fill=grey)
    for mm in range(11):
        tick_x = left + round(mm * cm / 10)
        height = 30 if mm in (0, 10) else (24 if mm == 5 else 21)
        draw.line([(tick_x, top), (tick_x, top + height)], fill=grey, width=2)
    font = ImageFont.load_default(size=22)
    draw.text((left + cm + 14, top - 2), "1 cm", fill=grey, font=font)
    # Pillow's built-in font has no en dash: draw the two halves and the dash as a line.
    first, second = (part.strip() for part in CAPTION.split("–"))
    gap, dash = font.getlength(" "), 12
    total = font.getlength(first) + font.getlength(second) + 2 * gap + dash
    x, y = WIDTH - 40 - total, HEIGHT - 74
    draw.text((x, y), first, fill=grey, font=font)
    x += font.getlength(first) + gap
    middle = y + font.getbbox("x")[1] + (font.getbbox("x")[3] - font.getbbox("x")[1]) // 2
    draw.line([(x, middle), (x + dash, middle)], fill=grey, width=2)
    draw.text((x + dash + gap, y), second, fill=grey, font=font)


def render_sample(name: str, visit: int, light: str = "visible") -> Image.Image:
    """The synthetic photo of site ``name`` at ``visit`` (0-3), 1600x1200 RGB."""
    spec = site(name)
    if light not in LIGHTS:
        raise ValueError("light must be 'visible' or 'uv'")
    patches = patch_mask(spec.name, visit)
    layers = _layers(spec.name)
    if light == "uv":  # Wood's lamp: a dark violet-blue cast, depigmented skin glows blue-white
        skin = _tinted(UV_SKIN, layers.shade)
        patch = _tinted(UV_PATCH, layers.shade.point(lambda v: 235 + (v - 235) // 3))
        backdrop = _multiply_color(layers.cloth, UV_BACKDROP)
    else:
        skin, patch, backdrop = layers.skin_rgb, layers.patch_rgb, layers.backdrop
        if spec.tone.rim:  # skin just outside a patch is often a little darker
            small = patches.reduce(4).filter(ImageFilter.GaussianBlur(2))
            halo = small.resize((WIDTH, HEIGHT), Image.Resampling.BILINEAR)
            halo = ImageChops.subtract(halo, patches, 0.5)
            skin = Image.composite(layers.rim_rgb, skin, halo)
    scene = Image.composite(patch, skin, patches)
    image = Image.composite(scene, backdrop, layers.skin)
    _scale_and_caption(image, spec, light == "uv")
    return image


def sample_jpeg(name: str, visit: int, light: str = "visible") -> bytes:
    buffer = io.BytesIO()
    render_sample(name, visit, light).save(buffer, "JPEG", quality=JPEG_QUALITY)
    return buffer.getvalue()


def clear_cache() -> None:
    """Free the cached layers (a few tens of MB) once the samples are made."""
    _layers.cache_clear()
