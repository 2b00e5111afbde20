"""Real-looking synthetic skin photos with a known truth, from a generator of their own (not
tests/depigmentation_samples.py, which the automatic estimate was first built on).

Each case is a body part (a smooth blob) in front of a backdrop that real photos have - a white
or beige wall, blue cloth, a wooden table, a dark cloth - sometimes with a shirt sleeve over
its edge, a white ruler with black marks, a white label with printed lines, and dark hairs.
Skin colours come from the individual typology angle (ITA°, Chardon et al. 1991) across the
whole range of tones I-VI; depigmented patches are milky, a little pink, with soft edges and
follicular islands of pigment. Light: a colour cast, a smooth fall-off, a vignette; then sensor
noise and JPEG compression. The truth is the skin (the body part less sleeve, ruler, label) and
the patch at the 50% point of its blend, on that skin. Deterministic from the case number;
numpy and Pillow only. Also the photos that must be refused: a flower, a plain colour, a
printed page.
"""

from __future__ import annotations

import functools
import io
import math
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

SIZE = (1000, 750)
BACKDROPS = ("white wall", "blue cloth", "wood", "dark cloth", "beige wall")
# ITA° ranges per Fitzpatrick-like category (Del Bino et al.): I > 55 ... VI < -30.
ITA_RANGES = ((55, 65), (41, 55), (28, 41), (10, 28), (-30, 10), (-55, -30))

_XYZ_TO_RGB = np.array(
    [
        [3.2404542, -1.5371385, -0.4985314],
        [-0.9692660, 1.8760108, 0.0415560],
        [0.0556434, -0.2040259, 1.0572252],
    ]
)
_WHITE = np.array([0.95047, 1.0, 1.08883])


@dataclass(frozen=True)
class Case:
    number: int
    tone: int  # 1..6
    backdrop: str
    extras: tuple[str, ...]
    image: Image.Image
    skin: np.ndarray  # bool (h, w)
    truth: np.ndarray  # bool (h, w): depigmented skin
    patch_point: tuple[int, int]  # (x, y) well inside a patch
    skin_point: tuple[int, int]  # (x, y) on normal skin near that patch

    @property
    def fraction(self) -> float:
        return float(self.truth.sum() / self.skin.sum())

    @property
    def name(self) -> str:
        return f"#{self.number} tone {self.tone}, {self.backdrop}" + "".join(
            f", {e}" for e in self.extras
        )


def lab_to_linear(lab: np.ndarray) -> np.ndarray:
    """CIELAB (..., 3) to linear sRGB."""
    big_l, a, b = lab[..., 0], lab[..., 1], lab[..., 2]
    fy = (big_l + 16) / 116
    fx, fz = fy + a / 500, fy - b / 200

    def inverse(t):
        return np.where(t > 6 / 29, t**3, 3 * (6 / 29) ** 2 * (t - 4 / 29))

    xyz = np.stack([inverse(fx), inverse(fy), inverse(fz)], axis=-1) * _WHITE
    return np.clip(np.einsum("ij,...j->...i", _XYZ_TO_RGB, xyz), 0.0, 1.0)


def to_srgb8(linear: np.ndarray) -> np.ndarray:
    linear = np.clip(linear, 0.0, 1.0)
    srgb = np.where(linear <= 0.0031308, 12.92 * linear, 1.055 * linear ** (1 / 2.4) - 0.055)
    return np.clip(np.round(srgb * 255), 0, 255).astype(np.uint8)


def _noise_field(rng: np.random.Generator, shape: tuple[int, int], scale: float) -> np.ndarray:
    """Smooth noise: random values on a coarse grid, enlarged bicubically, unit spread."""
    h, w = shape
    coarse = rng.normal(size=(max(2, int(h / scale) + 2), max(2, int(w / scale) + 2)))
    image = Image.fromarray(coarse.astype(np.float32), "F").resize((w, h), Image.BICUBIC)
    field = np.asarray(image, dtype=np.float64)
    return (field - field.mean()) / (field.std() + 1e-9)


def _blob(rng: np.random.Generator, shape: tuple[int, int], centre, radius, wobble) -> np.ndarray:
    h, w = shape
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float64)
    angle = np.arctan2(yy - centre[1], xx - centre[0])
    r = np.hypot((xx - centre[0]) / radius[0], (yy - centre[1]) / radius[1])
    bumps = np.zeros_like(angle)
    for k in range(2, 7):
        bumps += rng.uniform(-wobble, wobble) / k * np.cos(k * angle + rng.uniform(0, 6.3))
    return r < 1.0 + bumps


def _skin_lab(rng: np.random.Generator, tone: int) -> tuple[np.ndarray, np.ndarray]:
    ita = math.radians(rng.uniform(*ITA_RANGES[tone - 1]))
    big_l = rng.uniform(*((62, 72), (56, 66), (50, 60), (42, 54), (32, 46), (22, 34))[tone - 1])
    b = max(6.0, (big_l - 50) / math.tan(ita)) if abs(math.tan(ita)) > 1e-3 else 18.0
    if b > 26 or b < 0:
        b = rng.uniform(12, 24)
    a = rng.uniform(7, 14)
    skin = np.array([big_l, a, b])
    patch = np.array([rng.uniform(78, 88), rng.uniform(4, 8), rng.uniform(5, 10)])
    return skin, patch


def _backdrop(rng: np.random.Generator, kind: str, shape) -> np.ndarray:
    h, w = shape
    base = {
        "white wall": (92, 0.5, 3),
        "beige wall": (82, 2, 12),
        "blue cloth": (45, 5, -35),
        "wood": (55, 12, 30),
        "dark cloth": (12, 1, -2),
    }[kind]
    lab = np.broadcast_to(np.array(base, float), (h, w, 3)).copy()
    grain = _noise_field(rng, shape, 3)
    if kind == "wood":
        yy = np.mgrid[0:h, 0:w][0]
        lab[..., 0] += 6 * np.sin(yy / 9.0 + 3 * _noise_field(rng, shape, 60)) + 2 * grain
    elif kind == "blue cloth":
        lab[..., 0] += 3 * grain
    else:
        lab[..., 0] += 0.6 * grain
    return lab


def render(number: int) -> Case:
    return _render(number)


@functools.lru_cache(maxsize=64)
def _render(number: int) -> Case:
    rng = np.random.default_rng(1000 + number)
    w, h = SIZE
    tone = number % 6 + 1
    backdrop = BACKDROPS[(number // 6 + number) % len(BACKDROPS)]
    extras = tuple(
        name
        for name, chance in (("sleeve", 0.35), ("ruler", 0.35), ("label", 0.25), ("hair", 0.5))
        if rng.random() < chance
    )
    skin_lab, patch_lab = _skin_lab(rng, tone)
    lab = _backdrop(rng, backdrop, (h, w))
    body = _blob(
        rng,
        (h, w),
        (w * rng.uniform(0.45, 0.55), h * rng.uniform(0.45, 0.55)),
        (w * rng.uniform(0.33, 0.42), h * rng.uniform(0.33, 0.42)),
        0.12,
    )
    # Melanin mottling and a soft patch map: blobs of smooth noise above a threshold.
    mottle = _noise_field(rng, (h, w), 25)
    patch_field = _noise_field(rng, (h, w), rng.uniform(70, 120))
    level = np.quantile(patch_field[body], 1 - rng.uniform(0.06, 0.45))
    softness = rng.uniform(0.04, 0.15)
    blend = 1 / (1 + np.exp(-(patch_field - level) / softness))
    islands = np.zeros((h, w), bool)
    yy, xx = np.mgrid[0:h, 0:w]
    for _ in range(int(rng.integers(0, 25))):
        cy, cx = int(rng.integers(0, h)), int(rng.integers(0, w))
        if blend[cy, cx] > 0.9:
            radius = rng.uniform(3, 9)
            islands |= (yy - cy) ** 2 + (xx - cx) ** 2 < radius**2
    blend = np.where(islands, 0.0, blend)
    skin_pixels = skin_lab + np.stack([1.6 * mottle, 0.6 * mottle, 1.0 * mottle], axis=-1)
    patch_pixels = patch_lab + np.stack([0.8 * mottle, 0.3 * mottle, 0.3 * mottle], axis=-1)
    inside = blend[..., None] * patch_pixels + (1 - blend[..., None]) * skin_pixels
    fine = _noise_field(rng, (h, w), 1.5)
    inside[..., 0] += 0.9 * fine
    lab = np.where(body[..., None], inside, lab)
    skin = body.copy()
    truth = body & (blend >= 0.5)
    canvas_extras = []
    if "sleeve" in extras:
        side = rng.integers(0, 2)
        edge = w * (rng.uniform(0.1, 0.25) if side == 0 else rng.uniform(0.75, 0.9))
        cover = (
            (xx < edge + 20 * np.sin(yy / 50.0))
            if side == 0
            else (xx > edge + 20 * np.sin(yy / 50.0))
        )
        colour = np.array([rng.choice([30, 60, 85]), rng.uniform(-20, 30), rng.uniform(-40, 20)])
        lab = np.where(cover[..., None], colour + np.stack([2 * fine, 0 * fine, 0 * fine], -1), lab)
        skin &= ~cover
        truth &= ~cover
    if "hair" in extras:
        canvas_extras.append("hair")
    linear = lab_to_linear(lab)
    # Light: a colour cast, a smooth fall-off from one side, a vignette.
    cast = rng.uniform(-0.08, 0.08)
    gain = np.array([1 + cast, 1.0, 1 - cast])
    angle = rng.uniform(0, 2 * math.pi)
    ramp = ((xx - w / 2) * math.cos(angle) + (yy - h / 2) * math.sin(angle)) / max(w, h)
    falloff = 1.0 + rng.uniform(0.1, 0.35) * ramp
    vignette = 1 - 0.18 * (((xx - w / 2) / w) ** 2 + ((yy - h / 2) / h) ** 2) * 2
    linear = linear * gain * (falloff * vignette)[..., None] * rng.uniform(0.85, 1.1)
    rgb = to_srgb8(linear)
    image = Image.fromarray(rgb)
    draw = ImageDraw.Draw(image)
    hidden = Image.new("L", SIZE, 0)
    hidden_draw = ImageDraw.Draw(hidden)
    if "ruler" in extras:
        x0, y0 = int(w * rng.uniform(0.15, 0.5)), int(h * rng.uniform(0.7, 0.82))
        length, width = int(w * 0.4), 34
        box = (x0, y0, x0 + length, y0 + width)
        draw.rectangle(box, fill=(238, 238, 232), outline=(40, 40, 40))
        for i in range(0, length, 10):
            tick = 14 if i % 50 == 0 else 8
            draw.line((x0 + i, y0, x0 + i, y0 + tick), fill=(20, 20, 20), width=2)
        hidden_draw.rectangle(box, fill=255)
    if "label" in extras:
        x0, y0 = int(w * rng.uniform(0.55, 0.75)), int(h * rng.uniform(0.1, 0.25))
        box = (x0, y0, x0 + 150, y0 + 70)
        draw.rectangle(box, fill=(246, 246, 244))
        for line in range(3):
            y = y0 + 14 + line * 18
            draw.rectangle(
                (x0 + 10, y, x0 + 10 + int(rng.integers(60, 130)), y + 7), fill=(30, 30, 40)
            )
        hidden_draw.rectangle(box, fill=255)
    if "hair" in extras:
        colour = (25, 18, 14) if tone < 5 else (12, 10, 9)
        for _ in range(40):
            x, y = rng.uniform(0, w), rng.uniform(0, h)
            if not body[int(y), int(x)]:
                continue
            t = rng.uniform(0, math.pi)
            points = [(x, y)]
            for _step in range(6):
                t += rng.uniform(-0.3, 0.3)
                x, y = x + 9 * math.cos(t), y + 9 * math.sin(t)
                points.append((x, y))
            draw.line(points, fill=colour, width=1)
    covered = np.asarray(hidden) > 0
    skin &= ~covered
    truth &= ~covered
    # Sensor noise, a little blur, JPEG.
    image = image.filter(ImageFilter.GaussianBlur(rng.uniform(0.4, 0.9)))
    pixels = np.asarray(image, dtype=np.float64) + rng.normal(0, rng.uniform(1.0, 3.0), (h, w, 3))
    image = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=int(rng.integers(78, 95)))
    image = Image.open(io.BytesIO(buffer.getvalue())).convert("RGB")
    patch_point, skin_point = _seed_points(truth, skin, rng)
    return Case(number, tone, backdrop, extras, image, skin, truth, patch_point, skin_point)


def _seed_points(
    truth: np.ndarray, skin: np.ndarray, rng
) -> tuple[tuple[int, int], tuple[int, int]]:
    """A click well inside the largest patch, and one on normal skin near it."""
    core = truth.copy()
    small = core[::4, ::4]
    while True:
        shrunk = small.copy()
        shrunk[1:, :] &= small[:-1, :]
        shrunk[:-1, :] &= small[1:, :]
        shrunk[:, 1:] &= small[:, :-1]
        shrunk[:, :-1] &= small[:, 1:]
        if not shrunk.any():
            break
        small = shrunk
    ys, xs = np.nonzero(small)
    i = int(rng.integers(len(ys)))
    py, px = int(ys[i]) * 4 + 1, int(xs[i]) * 4 + 1
    normal = skin & ~truth
    ny, nx = np.nonzero(normal[::4, ::4])
    distance = (ny * 4 - py) ** 2 + (nx * 4 - px) ** 2
    order = np.argsort(distance)
    j = order[min(len(order) - 1, len(order) // 20)]
    return (px, py), (int(nx[j]) * 4, int(ny[j]) * 4)


def cases(count: int = 36) -> list[Case]:
    return [render(n) for n in range(count)]


# -- photos with no skin ---------------------------------------------------------------------
def flower(seed: int = 0) -> Image.Image:
    """A close-up of flowers: petals in pink, red, yellow or white, green leaves, a yellow
    heart, soft focus, JPEG."""
    rng = np.random.default_rng(seed)
    w, h = SIZE
    leaves = np.zeros((h, w, 3))
    leaves[..., 0] = 40 + 12 * _noise_field(rng, (h, w), 30)
    leaves[..., 1] = -30 + 8 * _noise_field(rng, (h, w), 40)
    leaves[..., 2] = 30 + 8 * _noise_field(rng, (h, w), 40)
    image = Image.fromarray(to_srgb8(lab_to_linear(leaves)))
    draw = ImageDraw.Draw(image)
    petals = [(235, 90, 150), (210, 30, 45), (250, 205, 40), (245, 240, 235), (240, 130, 170)]
    for _ in range(6):
        cx, cy = rng.uniform(0.1, 0.9) * w, rng.uniform(0.1, 0.9) * h
        colour = petals[int(rng.integers(len(petals)))]
        size = rng.uniform(60, 150)
        for k in range(int(rng.integers(5, 9))):
            t = k * 2 * math.pi / 7 + rng.uniform(-0.2, 0.2)
            px, py = cx + size * 0.6 * math.cos(t), cy + size * 0.6 * math.sin(t)
            shade = tuple(int(c * rng.uniform(0.85, 1.0)) for c in colour)
            draw.ellipse(
                (px - size * 0.45, py - size * 0.3, px + size * 0.45, py + size * 0.3), fill=shade
            )
        draw.ellipse(
            (cx - size * 0.25, cy - size * 0.25, cx + size * 0.25, cy + size * 0.25),
            fill=(235, 180, 20),
        )
    image = image.filter(ImageFilter.GaussianBlur(1.2))
    return _photo_finish(image, rng)


def plain_colour(rgb: tuple[int, int, int] = (214, 170, 140)) -> Image.Image:
    """A flat fill of a skin-like colour (a screenshot or a blank test card)."""
    return _photo_finish(Image.new("RGB", SIZE, rgb), None)


def printed_page(warm: bool = True) -> Image.Image:
    """A photographed page: warm-lit paper, black lines of text, a blue heading."""
    rng = np.random.default_rng(5)
    w, h = SIZE
    paper = (246, 236, 214) if warm else (244, 244, 242)
    image = Image.new("RGB", SIZE, paper)
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default()
    draw.rectangle((60, 40, 600, 80), fill=(30, 60, 150))
    y = 110
    while y < h - 40:
        x = 60
        while x < w - 80:
            word = int(rng.integers(20, 70))
            draw.rectangle((x, y, x + word, y + 9), fill=(25, 25, 25))
            x += word + 8
        draw.text((60, y + 12), "page text", fill=(40, 40, 40), font=font)
        y += 30
    return _photo_finish(image, rng)


def _photo_finish(image: Image.Image, rng) -> Image.Image:
    if rng is not None:
        pixels = np.asarray(image, dtype=np.float64) + rng.normal(0, 1.5, (*image.size[::-1], 3))
        image = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=90)
    return Image.open(io.BytesIO(buffer.getvalue())).convert("RGB")


def non_skin_photos() -> dict[str, Image.Image]:
    return {
        "flower": flower(0),
        "flowers 2": flower(1),
        "plain skin colour": plain_colour(),
        "plain grey": plain_colour((128, 128, 128)),
        "printed page (warm light)": printed_page(True),
        "printed page": printed_page(False),
    }
