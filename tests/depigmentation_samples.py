"""Synthetic skin photos with a known depigmented fraction, for testing the estimate.

Each sample is painted in linear light from CIELAB targets for one Fitzpatrick tone (I-VI)
and then made deliberately hard: skin texture and melanin mottling, soft (blurred) patch
borders, small pigment islands inside patches, and, depending on the difficulty, a strong
side light, a cast shadow, a white-balance cast, shiny specular highlights, red (erythema)
blotches, freckles, hairs and JPEG compression. The skin lies on a dark cloth backdrop.

The truth is what was painted: the skin silhouette (its 50% edge) and, on it, the
depigmented area at the 50% contour of the patch blend (after the pigment islands). Glare,
hairs, freckles and redness do not change the truth. Everything is deterministic (fixed
seeds), numpy + Pillow only.
"""

from __future__ import annotations

import functools
import io
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

# (name, pigmented skin L*, a*, b*, depigmented skin L*, a*, b*)
TONES: tuple[tuple[str, tuple[float, float, float], tuple[float, float, float]], ...] = (
    ("I", (71.0, 8.0, 14.0), (79.0, 7.0, 7.0)),
    ("II", (64.0, 10.0, 17.0), (81.0, 7.0, 7.0)),
    ("III", (56.0, 12.0, 20.0), (83.0, 7.0, 7.0)),
    ("IV", (47.0, 13.0, 21.0), (84.0, 7.0, 7.0)),
    ("V", (38.0, 12.0, 18.0), (85.0, 7.0, 6.0)),
    ("VI", (30.0, 10.0, 13.0), (86.0, 6.0, 6.0)),
)
DIFFICULTIES = ("texture", "lighting", "surface", "everything")
SIZES = ((800, 600), (1024, 768), (1200, 900), (1600, 1200))
FRACTIONS = (0.05, 0.12, 0.22, 0.33, 0.45, 0.08, 0.28, 0.55, 0.17, 0.38, 0.03, 0.25)

_XYZ_TO_RGB = np.array(
    [
        [3.2404542, -1.5371385, -0.4985314],
        [-0.9692660, 1.8760108, 0.0415560],
        [0.0556434, -0.2040259, 1.0572252],
    ]
)
_WHITE = np.array([0.95047, 1.0, 1.08883])


@dataclass(frozen=True)
class Sample:
    tone: str
    difficulty: str
    image: Image.Image
    skin: np.ndarray  # bool (H, W): the painted skin
    truth: np.ndarray  # bool (H, W): depigmented skin (50% contour)

    @property
    def fraction(self) -> float:
        return float(self.truth.sum() / self.skin.sum())

    @property
    def name(self) -> str:
        return f"{self.tone}/{self.difficulty}"


def lab_to_linear(lab: tuple[float, float, float]) -> np.ndarray:
    """CIELAB (D65) to linear sRGB reflectance."""
    big_l, a, b = lab
    fy = (big_l + 16) / 116
    fx, fz = fy + a / 500, fy - b / 200

    def inverse(t: float) -> float:
        return t**3 if t > 6 / 29 else 3 * (6 / 29) ** 2 * (t - 4 / 29)

    xyz = np.array([inverse(fx), inverse(fy), inverse(fz)]) * _WHITE
    return np.clip(_XYZ_TO_RGB @ xyz, 1e-4, 1.0)


def _to_srgb8(linear: np.ndarray) -> np.ndarray:
    linear = np.clip(linear, 0.0, 1.0)
    srgb = np.where(linear <= 0.0031308, 12.92 * linear, 1.055 * np.power(linear, 1 / 2.4) - 0.055)
    return np.clip(np.round(srgb * 255), 0, 255).astype(np.uint8)


def _noise(rng: np.random.Generator, shape: tuple[int, int], cell: float) -> np.ndarray:
    """Smooth value noise in about -1..1: a coarse random grid, bicubically enlarged."""
    height, width = shape
    gw, gh = int(width / cell) + 4, int(height / cell) + 4
    coarse = Image.fromarray(rng.uniform(-1, 1, (gh, gw)).astype(np.float32), "F")
    big = coarse.resize((int(gw * cell), int(gh * cell)), Image.Resampling.BICUBIC)
    ox, oy = int(cell), int(cell)
    return np.asarray(big, dtype=np.float32)[oy : oy + height, ox : ox + width]


def _fractal(rng: np.random.Generator, shape: tuple[int, int], cells: tuple[float, ...]):
    total = np.zeros(shape, np.float32)
    weight = 1.0
    for cell in cells:
        total += weight * _noise(rng, shape, cell)
        weight *= 0.5
    return total / np.abs(total).max()


def _blur(mask: np.ndarray, radius: float) -> np.ndarray:
    """Gaussian blur of a 0..1 float mask (through 16-bit precision in Pillow's 'I;16')."""
    if radius <= 0:
        return mask.astype(np.float32)
    # Pillow blurs 8-bit images only: blur the high and low bytes of a 16-bit copy.
    value = np.clip(mask, 0, 1) * 65535.0
    high = np.floor(value / 256)
    low = value - high * 256
    out = np.zeros(mask.shape, np.float32)
    for part, factor in ((high, 256.0), (low, 1.0)):
        image = Image.fromarray(part.astype(np.uint8), "L").filter(ImageFilter.GaussianBlur(radius))
        out += np.asarray(image, np.float32) * factor
    return out / 65535.0


def _silhouette(rng: np.random.Generator, shape: tuple[int, int]) -> np.ndarray:
    """A limb or back seen close: a large rounded blob with an irregular edge (float 0..1)."""
    height, width = shape
    y, x = np.mgrid[0:height, 0:width].astype(np.float32)
    cx = width * rng.uniform(0.45, 0.55)
    cy = height * rng.uniform(0.45, 0.55)
    angle = rng.uniform(-0.5, 0.5)
    u = ((x - cx) * np.cos(angle) + (y - cy) * np.sin(angle)) / (width * rng.uniform(0.40, 0.5))
    v = (-(x - cx) * np.sin(angle) + (y - cy) * np.cos(angle)) / (height * rng.uniform(0.33, 0.42))
    field = 1.0 - (np.abs(u) ** 3 + np.abs(v) ** 3) ** (1 / 3)
    field += 0.06 * _fractal(rng, shape, (width / 6, width / 16))
    edge = (field > 0).astype(np.float32)
    return _blur(edge, 1.5)


def _patch_alpha(
    rng: np.random.Generator, skin: np.ndarray, fraction: float, softness: float
) -> np.ndarray:
    """Patches: irregular blobs covering about ``fraction`` of the skin, soft-edged."""
    height, width = skin.shape
    field = _fractal(rng, skin.shape, (width / 5, width / 11, width / 25, width / 60))
    y, x = np.mgrid[0:height, 0:width].astype(np.float32)
    for _ in range(rng.integers(2, 5)):
        px, py = rng.uniform(0.2, 0.8) * width, rng.uniform(0.2, 0.8) * height
        radius = rng.uniform(0.08, 0.2) * width
        field += 0.5 * np.exp(-((x - px) ** 2 + (y - py) ** 2) / (2 * radius**2))
    inner = _blur((skin > 0.5).astype(np.float32), width / 60) > 0.9  # keep off the edge
    values = field[inner]
    level = np.quantile(values, 1.0 - fraction * skin.sum() / inner.sum())
    hard = ((field > level) & inner).astype(np.float32)
    alpha = _blur(hard, softness)
    # Pigment islands around hair follicles inside the patches.
    islands = Image.new("L", (width, height), 0)
    draw = ImageDraw.Draw(islands)
    core = np.argwhere(alpha > 0.95)
    if len(core):
        for index in rng.choice(len(core), size=min(len(core), 40), replace=False):
            cy, cx = core[index]
            r = rng.uniform(2.0, 6.0) * width / 1200
            draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=255)
    islands_f = _blur(np.asarray(islands, np.float32) / 255.0, 1.2 * width / 1200)
    return alpha * (1.0 - islands_f)


def _hairs(rng: np.random.Generator, shape: tuple[int, int], count: int) -> np.ndarray:
    height, width = shape
    canvas = Image.new("L", (width, height), 0)
    draw = ImageDraw.Draw(canvas)
    for _ in range(count):
        x, y = rng.uniform(0, width), rng.uniform(0, height)
        angle = rng.uniform(0, np.pi)
        points = []
        for _step in range(6):
            points.append((x, y))
            angle += rng.normal(0, 0.25)
            x += np.cos(angle) * width / 90
            y += np.sin(angle) * width / 90
        draw.line(points, fill=int(rng.integers(120, 220)), width=int(rng.integers(1, 3)))
    return _blur(np.asarray(canvas, np.float32) / 255.0, 0.6)


@functools.cache
def make_sample(tone_index: int, difficulty_index: int) -> Sample:
    """One sample: tone 0..5 (Fitzpatrick I..VI), difficulty 0..3."""
    name, skin_lab, patch_lab = TONES[tone_index]
    difficulty = DIFFICULTIES[difficulty_index]
    seed = 1000 + 37 * tone_index + difficulty_index
    rng = np.random.default_rng(seed)
    width, height = SIZES[(tone_index + difficulty_index) % len(SIZES)]
    shape = (height, width)
    fraction = FRACTIONS[(tone_index * 4 + difficulty_index * 5) % len(FRACTIONS)]
    lighting = difficulty in ("lighting", "everything")
    surface = difficulty in ("surface", "everything")

    skin_alpha = _silhouette(rng, shape)
    softness = rng.uniform(1.5, 5.0) * width / 1200
    alpha = _patch_alpha(rng, skin_alpha, fraction, softness)
    skin = skin_alpha >= 0.5
    truth = skin & (alpha >= 0.5)

    # Reflectance as optical density: melanin mottling varies the pigmented skin's density,
    # and the patch border blends the two densities (a gradual loss of melanin).
    skin_density = -np.log(lab_to_linear(skin_lab))
    patch_density = -np.log(lab_to_linear(patch_lab))
    mottle = 1.0 + 0.10 * _fractal(rng, shape, (width / 8, width / 20, width / 50))
    density = (
        skin_density[None, None, :] * (mottle * (1 - alpha))[..., None]
        + patch_density[None, None, :] * alpha[..., None]
    )
    if surface:  # freckles: small darker spots, on pigmented skin only
        spots = Image.new("L", (width, height), 0)
        draw = ImageDraw.Draw(spots)
        for _ in range(int(120 * width * height / 1.9e6) + 40):
            x, y = rng.uniform(0, width), rng.uniform(0, height)
            r = rng.uniform(1.5, 4.0) * width / 1200
            draw.ellipse((x - r, y - r, x + r, y + r), fill=255)
        freckles = _blur(np.asarray(spots, np.float32) / 255.0, 1.0) * (1 - alpha)
        density += 0.5 * freckles[..., None] * skin_density[None, None, :]
    reflectance = np.exp(-density)
    # Fine texture: pores, creases and grain, in brightness only.
    grain = (
        1.0
        + 0.04 * _fractal(rng, shape, (width / 150, 3.0))
        + rng.normal(0, 0.015, shape).astype(np.float32)
    )
    reflectance *= grain[..., None]
    if surface:  # erythema: reddish blotches (haemoglobin absorbs green, some blue)
        red = np.clip(_fractal(rng, shape, (width / 7, width / 18)) * 2.2 - 0.8, 0, 1)
        reflectance *= 1.0 - red[..., None] * np.array([0.0, 0.16, 0.10])
        hairs = _hairs(rng, shape, int(60 * width / 1200))
        reflectance = reflectance * (1 - 0.85 * hairs[..., None]) + 0.01 * hairs[..., None]

    # The dark cloth behind.
    cloth = np.array([0.0075, 0.008, 0.0105]) * (1 + 0.15 * _noise(rng, shape, 6.0))[..., None]
    scene = reflectance * skin_alpha[..., None] + cloth * (1 - skin_alpha[..., None])

    # Light: a side light across the frame and a soft cast shadow, or a gentle gradient.
    y, x = np.mgrid[0:height, 0:width].astype(np.float32)
    direction = rng.uniform(0, 2 * np.pi)
    t = ((x - width / 2) * np.cos(direction) + (y - height / 2) * np.sin(direction)) / width
    if lighting:
        light = 0.78 + 0.6 * t + 0.2 * (t**2)  # about 0.5 .. 1.2
        sx, sy = rng.uniform(0.3, 0.7) * width, rng.uniform(0.3, 0.7) * height
        sa = rng.uniform(0, np.pi)
        side = (x - sx) * np.cos(sa) + (y - sy) * np.sin(sa)
        shadow = _blur((side > 0).astype(np.float32), rng.uniform(8, 25) * width / 1200)
        light = light * (1 - 0.42 * shadow)
        gains = np.array([1.09, 1.0, 0.84]) if tone_index % 2 else np.array([0.9, 1.0, 1.14])
    else:
        light = 0.95 + 0.25 * t
        gains = np.array([1.0, 1.0, 1.0])
    radiance = scene * light[..., None]
    if surface:  # specular glare: sharp, mostly clipped highlights and a faint broad sheen
        glare = np.zeros(shape, np.float32)
        spots = [(3.0, 14.0, 1.0, 2.5)] * int(rng.integers(6, 13)) + [(60.0, 120.0, 0.03, 0.06)]
        for small_r, big_r, low_a, high_a in spots:
            gx, gy = rng.uniform(0.15, 0.85) * width, rng.uniform(0.15, 0.85) * height
            ga = rng.uniform(0, np.pi)
            long_r = rng.uniform(small_r, big_r) * width / 1200
            short_r = long_r * rng.uniform(0.3, 0.6)
            u = (x - gx) * np.cos(ga) + (y - gy) * np.sin(ga)
            v = -(x - gx) * np.sin(ga) + (y - gy) * np.cos(ga)
            strength = rng.uniform(low_a, high_a)
            glare += strength * np.exp(-(u**2) / (2 * long_r**2) - v**2 / (2 * short_r**2))
        radiance = radiance + (glare * skin_alpha)[..., None]
    radiance = radiance * gains[None, None, :]
    # The camera: exposure, a little optical blur, sensor noise, 8-bit sRGB.
    radiance *= 0.86
    srgb = _to_srgb8(radiance)
    image = Image.fromarray(srgb, "RGB").filter(ImageFilter.GaussianBlur(0.6))
    noisy = np.asarray(image, np.float32) + rng.normal(0, 1.5, (height, width, 3))
    image = Image.fromarray(np.clip(np.round(noisy), 0, 255).astype(np.uint8), "RGB")
    if difficulty == "everything":
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=88)
        image = Image.open(io.BytesIO(buffer.getvalue()))
        image.load()
    return Sample(name, difficulty, image, skin, truth)


def all_samples() -> list[Sample]:
    """The 24 test images: 6 tones x 4 difficulties."""
    return [make_sample(t, d) for t in range(len(TONES)) for d in range(len(DIFFICULTIES))]


def plain_skin(tone_index: int = 2, size: tuple[int, int] = (800, 600)) -> Image.Image:
    """Textured skin of one tone filling the frame, no patch at all."""
    rng = np.random.default_rng(77 + tone_index)
    width, height = size
    shape = (height, width)
    base = lab_to_linear(TONES[tone_index][1])
    mottle = 1.0 + 0.10 * _fractal(rng, shape, (width / 8, width / 20, width / 50))
    reflectance = np.exp(-(-np.log(base))[None, None, :] * mottle[..., None])
    grain = 1.0 + 0.04 * _fractal(rng, shape, (width / 150, 3.0))
    light = np.linspace(0.7, 1.1, width, dtype=np.float32)[None, :]
    radiance = reflectance * (grain * light)[..., None] * 0.92
    return Image.fromarray(_to_srgb8(radiance), "RGB")
