"""Line up two photos of the same body area: automatically, or from landmark pairs.

A :class:`Similarity` (shift, rotation, uniform scale) maps pixel coordinates of the MOVING
photo onto the REFERENCE photo. Coordinates are in pixels, origin at the top-left, y pointing
down, with integer values at pixel centres (pixel (0, 0) is the centre of the top-left pixel).

:func:`fit_similarity` is the landmark method: the least-squares similarity (Umeyama, never a
reflection) from two or more clicked point pairs.

:func:`estimate_alignment` is the automatic method, built for what changes between clinic
visits: rotation up to about ±20°, scale ±15%, framing shifted by a tenth of the photo, and
different exposure and white balance. Photos from different visits need not share their fine
texture (skin grain, noise, focus) and their patches shrink, so it works at several scales.

First the large-scale structure, which does correspond across visits: the outline of the body
part against the background, creases and the edges of patches. At 128, 256 and 512 pixels on
the long side, the structure image is the gradient magnitude of strongly blurred log brightness
(so exposure and white balance hardly matter), square-rooted and smoothed. At 128 pixels every
rotation (3° apart) and scale (7% apart) of a grid over the visit range, plus the log-polar
phase-correlation guesses from the Fourier magnitudes (each with its 180° twin), gets its shift
by cross-correlation and is scored by normalised cross-correlation (NCC) over the overlap. The
best few distinct guesses are refined there by Gauss-Newton (inverse-compositional
Lucas-Kanade on the four similarity parameters, with a gain and offset fitted at every step),
the best two again at 256 pixels, the winner at 512.

Last the texture: small grey copies whose local contrast is normalised (log brightness minus
its local mean, over its local spread) at 1024 pixels refine the result once more, kept only
when that raises their NCC without lowering the structure NCC: when the photos share fine
texture this makes the result sub-pixel, when they do not it leaves the structure's answer. The
confidence is the texture NCC over the overlap at 512 pixels.

Pure numpy and Pillow: no Qt, OpenCV or scipy.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image

FINE_SIDE = 1024  # long side of the finest working copy
MIN_SIDE = 32  # smaller photos cannot be aligned automatically
MAX_ROTATION_DEG = 30.0  # the log-polar search (plus the 180° twins); visits need ±20°
MAX_SCALE_RATIO = 1.35  # the log-polar search covers 1/1.35 .. 1.35; visits need ±15%
_LOG_POLAR_ANGLES = 360  # over 180°: 0.5° a step
_LOG_POLAR_RADII = 192
_CANDIDATES = 3  # log-polar peaks tried (each with its 180° twin)
_COARSE_ITERATIONS = 20  # Gauss-Newton steps at the coarsest structure level
_FINE_ITERATIONS = 8  # ... and at every finer level
_GRID_ROTATION = 24.0  # the structure grid: rotations -24..24° ...
_GRID_ROTATION_STEP = 3.0
_GRID_LOG_SCALE = math.log(1.22)  # ... and scales 1/1.22 .. 1.22
_GRID_SCALES = 7
_STRUCTURE_SIDES = (128, 256, 512)  # long sides of the structure levels
_STRUCTURE_SIGMA = 1.5  # blur of the structure images, in their own pixels
_STRUCTURE_CANDIDATES = 4  # guesses refined at the coarsest structure level
_STRUCTURE_FINALISTS = 2  # of which refined at the next
_STRUCTURE_TOLERANCE = 0.01  # structure NCC the texture refinement may cost
_FINE_DETAIL_SIGMA = 6.0  # local contrast over ~6 px at 1024: pores and hairs, not lighting
_COARSE_DETAIL_SIGMA = 4.0  # the same skin detail at half the size
_FLAT_FLOOR = 0.05  # share of the mean spread added: flat skin is not blown up into noise
_MIN_NCC_PIXELS = 64  # fewer overlapping pixels than this say nothing about a match
_FULL_OVERLAP = 0.25  # a quarter of the photo overlapping is enough to trust the score fully


# ---------------------------------------------------------------------------------------------
# The transform


@dataclass(frozen=True)
class Similarity:
    """Maps a pixel (x, y) of MOVING onto REF::

    x' = scale * (cos t * x - sin t * y) + dx
    y' = scale * (sin t * x + cos t * y) + dy      with t = rotation_deg in degrees.

    With y pointing down, a positive rotation turns the picture clockwise on screen.
    """

    dx: float
    dy: float
    rotation_deg: float
    scale: float

    @classmethod
    def identity(cls) -> Similarity:
        return cls(0.0, 0.0, 0.0, 1.0)

    @classmethod
    def from_matrix(cls, matrix: np.ndarray) -> Similarity:
        """The similarity of a 2x3 or 3x3 matrix (its linear part must be a rotation x scale)."""
        m = np.asarray(matrix, dtype=float)
        a = 0.5 * (m[0, 0] + m[1, 1])
        b = 0.5 * (m[1, 0] - m[0, 1])
        return cls(
            dx=float(m[0, 2]),
            dy=float(m[1, 2]),
            rotation_deg=_wrap_degrees(math.degrees(math.atan2(b, a))),
            scale=float(math.hypot(a, b)),
        )

    def matrix(self) -> np.ndarray:
        """The 3x3 homogeneous matrix: ``matrix() @ [x, y, 1]`` is the point on REF."""
        t = math.radians(self.rotation_deg)
        c, s = self.scale * math.cos(t), self.scale * math.sin(t)
        return np.array([[c, -s, self.dx], [s, c, self.dy], [0.0, 0.0, 1.0]])

    def apply(self, points: np.ndarray) -> np.ndarray:
        """Map points (N, 2) of MOVING onto REF; a single point (2,) gives a (2,) answer."""
        pts = np.asarray(points, dtype=float)
        single = pts.shape == (2,)
        pts = pts.reshape(1, 2) if single else pts
        if pts.ndim != 2 or pts.shape[1] != 2:
            raise ValueError(f"points must have shape (N, 2), not {np.shape(points)}")
        m = self.matrix()
        out = pts @ m[:2, :2].T + m[:2, 2]
        return out[0] if single else out

    def inverse(self) -> Similarity:
        """The similarity mapping REF back onto MOVING."""
        if self.scale <= 0 or not math.isfinite(self.scale):
            raise ValueError(f"a similarity with scale {self.scale} has no inverse")
        t = math.radians(-self.rotation_deg)
        c, s = math.cos(t) / self.scale, math.sin(t) / self.scale
        return Similarity(
            dx=-(c * self.dx - s * self.dy),
            dy=-(s * self.dx + c * self.dy),
            rotation_deg=_wrap_degrees(-self.rotation_deg),
            scale=1.0 / self.scale,
        )

    def then(self, other: Similarity) -> Similarity:
        """This similarity followed by ``other``."""
        return Similarity.from_matrix(other.matrix() @ self.matrix())

    def as_dict(self) -> dict[str, float]:
        return {
            "dx": float(self.dx),
            "dy": float(self.dy),
            "rotation_deg": float(self.rotation_deg),
            "scale": float(self.scale),
        }


def _wrap_degrees(angle: float) -> float:
    """An angle in (-180, 180]."""
    wrapped = math.fmod(angle, 360.0)
    if wrapped <= -180.0:
        wrapped += 360.0
    elif wrapped > 180.0:
        wrapped -= 360.0
    return float(wrapped)


def fit_similarity(moving_points: np.ndarray, ref_points: np.ndarray) -> Similarity:
    """The least-squares similarity taking ``moving_points`` onto ``ref_points`` (both (N, 2)).

    Umeyama / Procrustes without reflection, in closed form: with the points as complex numbers,
    ref ~ a * moving + d where a = scale * e^(i rotation). Raises ValueError for fewer than two
    pairs, different counts, non-finite values, or points that all coincide.
    """
    moving = np.asarray(moving_points, dtype=float)
    ref = np.asarray(ref_points, dtype=float)
    for name, pts in (("moving", moving), ("reference", ref)):
        if pts.ndim != 2 or pts.shape[1] != 2:
            raise ValueError(f"{name} points must have shape (N, 2), not {pts.shape}")
        if not np.all(np.isfinite(pts)):
            raise ValueError(f"{name} points must be finite numbers")
    if len(moving) != len(ref):
        raise ValueError(
            f"every landmark needs a partner: {len(moving)} on the moving photo, "
            f"{len(ref)} on the reference"
        )
    if len(moving) < 2:
        raise ValueError(f"at least 2 landmark pairs are needed, got {len(moving)}")
    zm = moving[:, 0] + 1j * moving[:, 1]
    zr = ref[:, 0] + 1j * ref[:, 1]
    cm, cr = zm - zm.mean(), zr - zr.mean()
    spread_m, spread_r = float(np.sum(np.abs(cm) ** 2)), float(np.sum(np.abs(cr) ** 2))
    if spread_m < 1e-12:
        raise ValueError("the landmarks on the moving photo all coincide; pick points apart")
    if spread_r < 1e-12:
        raise ValueError("the landmarks on the reference photo all coincide; pick points apart")
    a = complex(np.sum(np.conj(cm) * cr) / spread_m)
    if abs(a) < 1e-9:
        raise ValueError("the landmarks give no consistent scale; check that the pairs match")
    d = complex(zr.mean() - a * zm.mean())
    return Similarity(
        dx=d.real,
        dy=d.imag,
        rotation_deg=_wrap_degrees(math.degrees(math.atan2(a.imag, a.real))),
        scale=abs(a),
    )


# ---------------------------------------------------------------------------------------------
# Warping


def _pillow_coefficients(ref_to_moving: np.ndarray) -> tuple[float, ...]:
    """Pillow's AFFINE data (output -> input) for a 3x3 map in pixel-centre coordinates.

    Pillow maps the output pixel centre (x + 0.5, y + 0.5) and samples the input at its
    coordinate minus 0.5; so centre coordinates shift by half a pixel either side.
    """
    m = ref_to_moving
    a, b, c = m[0]
    d, e, f = m[1]
    return (
        float(a),
        float(b),
        float(c + 0.5 - 0.5 * (a + b)),
        float(d),
        float(e),
        float(f + 0.5 - 0.5 * (d + e)),
    )


def warp_to_reference(
    moving: Image.Image, transform: Similarity, ref_size: tuple[int, int]
) -> Image.Image:
    """MOVING resampled into REF's frame (``ref_size`` = (width, height)): bilinear, with
    black where MOVING has no pixels. Palette images are converted to RGB(A) first."""
    image = moving
    if image.mode in ("P", "PA", "1"):
        image = image.convert("RGBA" if "transparency" in image.info else "RGB")
    inverse = transform.inverse().matrix()
    return image.transform(
        (int(ref_size[0]), int(ref_size[1])),
        Image.Transform.AFFINE,
        _pillow_coefficients(inverse),
        resample=Image.Resampling.BILINEAR,
    )


def _warp_array(image: np.ndarray, ref_to_moving: np.ndarray, shape: tuple[int, int]) -> np.ndarray:
    """A float32 array sampled (bilinear, 0 outside) at ref_to_moving(p) for each p of shape."""
    source = Image.fromarray(np.ascontiguousarray(image, dtype=np.float32))
    out = source.transform(
        (shape[1], shape[0]),
        Image.Transform.AFFINE,
        _pillow_coefficients(ref_to_moving),
        resample=Image.Resampling.BILINEAR,
    )
    return np.asarray(out, dtype=np.float32)


def _inside_mask(
    ref_to_moving: np.ndarray,
    shape: tuple[int, int],
    moving_shape: tuple[int, int],
    margin: float = 1.0,
) -> np.ndarray:
    """Which pixels of a ``shape`` frame map inside MOVING (keeping ``margin`` from its edge)."""
    h, w = shape
    m = ref_to_moving
    xs = np.arange(w, dtype=np.float32)
    ys = np.arange(h, dtype=np.float32)[:, None]
    qx = np.float32(m[0, 0]) * xs + np.float32(m[0, 1]) * ys + np.float32(m[0, 2])
    qy = np.float32(m[1, 0]) * xs + np.float32(m[1, 1]) * ys + np.float32(m[1, 2])
    mh, mw = moving_shape
    return (qx >= margin) & (qx <= mw - 1 - margin) & (qy >= margin) & (qy <= mh - 1 - margin)


# ---------------------------------------------------------------------------------------------
# Working copies: small, grey, locally normalised


@dataclass(frozen=True)
class _Level:
    image: np.ndarray  # normalised float32 (height, width)
    factor: float  # full-resolution pixels per working pixel

    def to_full(self) -> np.ndarray:
        """3x3 map from this level's pixel-centre coordinates to full resolution."""
        f = self.factor
        return np.array([[f, 0.0, (f - 1) / 2], [0.0, f, (f - 1) / 2], [0.0, 0.0, 1.0]])


def _grey_small(image: Image.Image, long_side: int) -> tuple[np.ndarray, float]:
    """Log brightness (float32) of a copy whose long side is at most ``long_side``, and the
    exact factor between full-resolution and working pixels (the same along both axes)."""
    width, height = image.size
    if min(width, height) < MIN_SIDE:
        raise ValueError(
            f"a {width}x{height} image is too small to align (needs {MIN_SIDE} pixels a side)"
        )
    if image.mode in ("I;16", "I;16L", "I;16B", "I;16N", "I", "F"):
        source = image.convert("F")
    elif image.mode in ("L", "RGB"):
        source = image
    elif image.mode == "LA":
        source = image.convert("L")
    else:
        source = image.convert("RGB")
    factor = max(1.0, max(width, height) / long_side)
    if factor > 1.0:
        w_small = max(1, int(width / factor))
        h_small = max(1, int(height / factor))
        box = (0.0, 0.0, min(width, w_small * factor), min(height, h_small * factor))
        source = source.resize(
            (w_small, h_small), Image.Resampling.BILINEAR, box=box, reducing_gap=2.0
        )
    pixels = np.asarray(source, dtype=np.float32)
    if pixels.ndim == 3:
        pixels = pixels[..., 0] * 0.299 + pixels[..., 1] * 0.587 + pixels[..., 2] * 0.114
    if source.mode == "F":  # deep images: bring to 0..255 first
        low, high = float(pixels.min()), float(pixels.max())
        pixels = (pixels - low) * (255.0 / ((high - low) or 1.0))
    return np.log(pixels + 4.0), factor


def _blur(a: np.ndarray, sigma: float) -> np.ndarray:
    """A smooth low-pass of about ``sigma`` pixels, cheaply: Pillow's antialiased bilinear
    shrink by ``k`` (a triangle of sigma ~ k / sqrt(6)) and a bilinear enlargement back."""
    h, w = a.shape
    k = max(1.0, sigma * math.sqrt(3.0))
    small_size = (max(2, round(w / k)), max(2, round(h / k)))
    image = Image.fromarray(np.ascontiguousarray(a, dtype=np.float32))
    small = image.resize(small_size, Image.Resampling.BILINEAR)
    return np.asarray(small.resize((w, h), Image.Resampling.BILINEAR), dtype=np.float32)


def _normalise(log_grey: np.ndarray, sigma: float) -> np.ndarray:
    """Local contrast normalisation: (I - local mean) / local spread, in log brightness."""
    detail = log_grey - _blur(log_grey, sigma)
    spread = _blur(detail * detail, 2.0 * sigma)
    floor = _FLAT_FLOOR * float(np.mean(spread)) + 1e-8
    return (detail / np.sqrt(spread + floor)).astype(np.float32)


def _halve(a: np.ndarray) -> np.ndarray:
    h, w = (a.shape[0] // 2) * 2, (a.shape[1] // 2) * 2
    a = a[:h, :w]
    return 0.25 * (a[0::2, 0::2] + a[1::2, 0::2] + a[0::2, 1::2] + a[1::2, 1::2])


def _pyramid(log_grey: np.ndarray, factor: float) -> tuple[_Level, _Level]:
    """The (coarse, fine) working levels: about 512 and 1024 pixels on the long side."""
    fine = _Level(_normalise(log_grey, _FINE_DETAIL_SIGMA), factor)
    half = _halve(log_grey) if min(log_grey.shape) >= 2 * MIN_SIDE else log_grey
    coarse_factor = factor * (2.0 if half is not log_grey else 1.0)
    coarse = _Level(_normalise(half, _COARSE_DETAIL_SIGMA), coarse_factor)
    return coarse, fine


# ---------------------------------------------------------------------------------------------
# The search: log-polar guesses and a grid on the structure images, each completed by its shift


def _hann(n: int) -> np.ndarray:
    return (0.5 - 0.5 * np.cos(2.0 * np.pi * (np.arange(n) + 0.5) / n)).astype(np.float32)


def _bilinear(image: np.ndarray, xs: np.ndarray, ys: np.ndarray) -> np.ndarray:
    """Sample ``image`` at float coordinates (clamped to the edge)."""
    h, w = image.shape
    xs = np.clip(xs, 0, w - 1.000001)
    ys = np.clip(ys, 0, h - 1.000001)
    x0 = xs.astype(np.intp)
    y0 = ys.astype(np.intp)
    fx, fy = xs - x0, ys - y0
    top = image[y0, x0] * (1 - fx) + image[y0, x0 + 1] * fx
    bottom = image[y0 + 1, x0] * (1 - fx) + image[y0 + 1, x0 + 1] * fx
    return top * (1 - fy) + bottom * fy


def _log_polar_spectrum(image: np.ndarray, side: int) -> tuple[np.ndarray, float]:
    """The windowed Fourier magnitude of the central ``side`` square, resampled on a log-polar
    grid (angles over 180°, log radii); also the log-radius step."""
    h, w = image.shape
    top, left = (h - side) // 2, (w - side) // 2
    crop = image[top : top + side, left : left + side]
    r = np.hypot(*np.meshgrid(np.arange(side) - (side - 1) / 2, np.arange(side) - (side - 1) / 2))
    window = np.where(r < side / 2, 0.5 + 0.5 * np.cos(np.pi * r / (side / 2)), 0.0)
    spectrum = np.abs(np.fft.fftshift(np.fft.fft2(crop * window)))
    # Emphasise the higher frequencies a little (Reddy & Chatterji) and compress the range.
    freq = np.fft.fftshift(np.fft.fftfreq(side))
    fy, fx = np.meshgrid(freq, freq, indexing="ij")
    x = np.cos(np.pi * fx) * np.cos(np.pi * fy)
    spectrum = np.log1p(spectrum * (1.0 - x) * (2.0 - x))
    centre = side // 2
    r_min, r_max = 2.0, side / 2 * 0.95
    step = math.log(r_max / r_min) / (_LOG_POLAR_RADII - 1)
    radii = r_min * np.exp(step * np.arange(_LOG_POLAR_RADII))
    angles = np.pi * np.arange(_LOG_POLAR_ANGLES) / _LOG_POLAR_ANGLES
    xs = centre + np.cos(angles)[:, None] * radii[None, :]
    ys = centre + np.sin(angles)[:, None] * radii[None, :]
    polar = _bilinear(spectrum, xs, ys)
    polar = polar - polar.mean(axis=0, keepdims=True)  # per radius: leave the angular pattern
    return polar * _hann(_LOG_POLAR_RADII)[None, :], step


def _phase_correlation(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """The phase-correlation surface: its peak sits at the shift taking ``b`` onto ``a``."""
    fa, fb = np.fft.rfft2(a), np.fft.rfft2(b)
    cross = fa * np.conj(fb)
    cross /= np.abs(cross) + 1e-6 * float(np.abs(cross).max() + 1e-30)
    return np.fft.irfft2(cross, s=a.shape)


def _subpixel(surface: np.ndarray, row: int, col: int) -> tuple[float, float]:
    """Parabolic refinement of a peak (wrapping around the edges)."""
    h, w = surface.shape

    def offset(minus: float, centre: float, plus: float) -> float:
        denominator = minus - 2.0 * centre + plus
        if denominator >= 0:
            return 0.0
        return float(np.clip(0.5 * (minus - plus) / denominator, -0.5, 0.5))

    c = surface[row, col]
    dr = offset(surface[(row - 1) % h, col], c, surface[(row + 1) % h, col])
    dc = offset(surface[row, (col - 1) % w], c, surface[row, (col + 1) % w])
    return row + dr, col + dc


def _signed(index: float, size: int) -> float:
    return index - size if index > size / 2 else index


def _rotation_scale_candidates(ref: np.ndarray, moving: np.ndarray) -> list[tuple[float, float]]:
    """(rotation_deg, scale) guesses, best first, from the log-polar phase correlation."""
    side = min(*ref.shape, *moving.shape)
    side -= side % 2
    lp_ref, step = _log_polar_spectrum(ref, side)
    lp_mov, _ = _log_polar_spectrum(moving, side)
    surface = _phase_correlation(lp_mov, lp_ref)
    n_a, n_r = surface.shape
    a_index, r_index = np.arange(n_a), np.arange(n_r)
    a_shift = np.where(a_index > n_a / 2, a_index - n_a, a_index) * (180.0 / n_a)
    r_shift = np.where(r_index > n_r / 2, r_index - n_r, r_index) * step
    allowed = (np.abs(a_shift)[:, None] <= MAX_ROTATION_DEG) & (
        np.abs(r_shift)[None, :] <= math.log(MAX_SCALE_RATIO)
    )
    masked = np.where(allowed, surface, -np.inf)
    found: list[tuple[float, float]] = []
    for _ in range(_CANDIDATES):
        row, col = np.unravel_index(int(np.argmax(masked)), masked.shape)
        if not np.isfinite(masked[row, col]):
            break
        sub_row, sub_col = _subpixel(surface, int(row), int(col))
        rotation = -_signed(sub_row, n_a) * (180.0 / n_a)
        scale = math.exp(_signed(sub_col, n_r) * step)
        found.append((rotation, scale))
        rows = (np.arange(row - 4, row + 5)) % n_a
        cols = (np.arange(col - 4, col + 5)) % n_r
        masked[np.ix_(rows, cols)] = -np.inf
    return found


def _about_centres(
    rotation_deg: float, scale: float, ref_shape: tuple[int, int], moving_shape: tuple[int, int]
) -> np.ndarray:
    """3x3 moving -> ref map: the rotation and scale about the centres of the two frames."""
    t = math.radians(rotation_deg)
    c, s = scale * math.cos(t), scale * math.sin(t)
    cm = np.array([(moving_shape[1] - 1) / 2, (moving_shape[0] - 1) / 2])
    cr = np.array([(ref_shape[1] - 1) / 2, (ref_shape[0] - 1) / 2])
    linear = np.array([[c, -s], [s, c]])
    out = np.eye(3)
    out[:2, :2] = linear
    out[:2, 2] = cr - linear @ cm
    return out


def _translate(dx: float, dy: float) -> np.ndarray:
    return np.array([[1.0, 0.0, dx], [0.0, 1.0, dy], [0.0, 0.0, 1.0]])


def _ncc(a: np.ndarray, b: np.ndarray, mask: np.ndarray) -> float:
    count = int(mask.sum())
    if count < _MIN_NCC_PIXELS:
        return 0.0
    x = a[mask].astype(np.float64)
    y = b[mask].astype(np.float64)
    x -= x.mean()
    y -= y.mean()
    # Plain sums: on small vectors a threaded BLAS dot costs more than it saves.
    denominator = math.sqrt(float(np.sum(x * x)) * float(np.sum(y * y)))
    return float(np.sum(x * y)) / denominator if denominator > 0 else 0.0


def _structure_levels(log_grey: np.ndarray, factor: float) -> list[_Level]:
    """The structure levels, coarsest first: the smoothed gradient magnitude of log brightness
    at 128, 256 and 512 pixels on the long side (fewer for small photos), so that two photos
    of the same area at different resolutions give levels at about the same scale."""
    levels = []
    for side in _STRUCTURE_SIDES:
        shrunk, shrink = _shrink(log_grey, side)
        levels.append(_Level(_structure(shrunk), factor * shrink))
        if shrink == 1.0:
            break
    return levels


def _shrink(a: np.ndarray, long_side: int) -> tuple[np.ndarray, float]:
    """A copy of ``a`` whose long side is at most ``long_side`` (antialiased bilinear), and the
    factor between ``a``'s pixels and the copy's (the same along both axes)."""
    height, width = a.shape
    factor = max(1.0, max(width, height) / long_side)
    if factor == 1.0:
        return a, 1.0
    w_small, h_small = max(1, int(width / factor)), max(1, int(height / factor))
    box = (0.0, 0.0, min(width, w_small * factor), min(height, h_small * factor))
    image = Image.fromarray(np.ascontiguousarray(a, dtype=np.float32))
    small = image.resize((w_small, h_small), Image.Resampling.BILINEAR, box=box)
    return np.asarray(small, dtype=np.float32), factor


def _structure(log_grey: np.ndarray) -> np.ndarray:
    """Where the picture changes on a large scale (the outline against the background, creases,
    the edges of patches): the gradient magnitude of strongly blurred log brightness, square-
    rooted so the outline does not drown the rest, smoothed, and divided by its mean."""
    smooth = _blur(log_grey, _STRUCTURE_SIGMA)
    gy, gx = np.gradient(smooth)
    magnitude = _blur(np.sqrt(np.hypot(gx, gy)), 0.5 * _STRUCTURE_SIGMA)
    mean = float(magnitude.mean())
    if not mean > 1e-6:
        return np.zeros_like(magnitude)
    return (magnitude / mean).astype(np.float32)


def _structure_shift(
    ref_spectrum: np.ndarray,
    window: np.ndarray,
    ref: np.ndarray,
    moving: np.ndarray,
    guess: np.ndarray,
) -> np.ndarray:
    """Complete a rotation-and-scale guess (moving -> ref) of structure images with the shift
    from their (half-whitened) cross-correlation."""
    inverse = np.linalg.inv(guess)
    warped = _warp_array(moving, inverse, ref.shape)
    mask = _inside_mask(inverse, ref.shape, moving.shape)
    if mask.sum() < 64:
        return guess
    centred = np.where(mask, warped - float(warped[mask].mean()), 0.0) * window
    cross = ref_spectrum * np.conj(np.fft.rfft2(centred))
    cross /= np.sqrt(np.abs(cross)) + 1e-6 * float(np.sqrt(np.abs(cross)).max() + 1e-30)
    surface = np.fft.irfft2(cross, s=ref.shape)
    row, col = np.unravel_index(int(np.argmax(surface)), surface.shape)
    sub_row, sub_col = _subpixel(surface, int(row), int(col))
    shift = _translate(_signed(sub_col, surface.shape[1]), _signed(sub_row, surface.shape[0]))
    return shift @ guess


def _structure_search(ref: np.ndarray, moving: np.ndarray) -> list[np.ndarray]:
    """Moving -> ref guesses for two structure images, best first: every rotation and scale of
    a grid over the visit range, and the log-polar guesses with their 180° twins, each
    completed by its shift and scored by NCC; only guesses apart from better ones are kept."""
    window = _hann(ref.shape[0])[:, None] * _hann(ref.shape[1])[None, :]
    ref_spectrum = np.fft.rfft2((ref - float(ref.mean())) * window)
    guesses = [
        (float(rotation), math.exp(float(log_scale)))
        for rotation in np.arange(-_GRID_ROTATION, _GRID_ROTATION + 1e-9, _GRID_ROTATION_STEP)
        for log_scale in np.linspace(-_GRID_LOG_SCALE, _GRID_LOG_SCALE, _GRID_SCALES)
    ]
    for rotation, scale in _rotation_scale_candidates(ref, moving):
        guesses += [(rotation, scale), (rotation + 180.0, scale)]
    scored = []
    for rotation, scale in guesses:
        guess = _about_centres(rotation, scale, ref.shape, moving.shape)
        candidate = _structure_shift(ref_spectrum, window, ref, moving, guess)
        scored.append((_overlap_ncc(ref, moving, candidate), candidate))
    scored.sort(key=lambda item: -item[0])
    kept: list[np.ndarray] = []
    for _, candidate in scored:
        if all(_corner_distance(candidate, other, moving.shape) > 4.0 for other in kept):
            kept.append(candidate)
            if len(kept) == _STRUCTURE_CANDIDATES:
                break
    return kept


def _corner_distance(a: np.ndarray, b: np.ndarray, shape: tuple[int, int]) -> float:
    """The largest distance between where two maps take the corners of a ``shape`` frame."""
    h, w = shape
    corners = np.array([[0, 0, 1], [w - 1, 0, 1], [0, h - 1, 1], [w - 1, h - 1, 1]], float).T
    return float(np.max(np.hypot(*((a - b) @ corners)[:2])))


# ---------------------------------------------------------------------------------------------
# Refinement: inverse-compositional Gauss-Newton on the similarity parameters


def _refine(
    ref: np.ndarray,
    moving: np.ndarray,
    moving_to_ref: np.ndarray,
    iterations: int,
    photometric: bool = False,
) -> np.ndarray:
    """Improve a moving -> ref map by minimising the (Huber-weighted) squared difference
    between REF and MOVING warped into REF's frame; with ``photometric``, after fitting the
    warped MOVING's gain and offset to REF over the overlap at every step."""
    h, w = ref.shape
    gy, gx = np.gradient(ref)
    centre_x, centre_y, radius = (w - 1) / 2, (h - 1) / 2, 0.5 * math.hypot(w, h)
    u = ((np.arange(w, dtype=np.float32) - centre_x) / radius)[None, :]
    v = ((np.arange(h, dtype=np.float32) - centre_y) / radius)[:, None]
    # Steepest-descent images of the increment, in centred coordinates scaled by radius:
    # p~ -> [[1 + a, -b], [b, 1 + a]] p~ + (tx, ty) with p~ = (p - centre) / radius.
    steepest = radius * np.stack(
        [(gx * u + gy * v).ravel(), (gy * u - gx * v).ravel(), gx.ravel(), gy.ravel()]
    ).astype(np.float32)  # (4, N)
    border = np.zeros((h, w), dtype=bool)
    border[2:-2, 2:-2] = True
    to_centred = np.array(
        [[1 / radius, 0, -centre_x / radius], [0, 1 / radius, -centre_y / radius], [0, 0, 1]]
    )
    from_centred = np.linalg.inv(to_centred)
    ref_flat = ref.ravel()
    warp = np.linalg.inv(moving_to_ref)  # ref -> moving
    for _ in range(iterations):
        mask = (_inside_mask(warp, ref.shape, moving.shape) & border).ravel()
        if mask.sum() < 256:
            break
        warped = _warp_array(moving, warp, ref.shape).ravel()
        if photometric:
            warped = _fit_levels(warped, ref_flat, mask)
        error = warped - ref_flat
        error = np.where(mask, error, 0.0).astype(np.float32)
        sigma = 1.4826 * float(np.median(np.abs(error[mask]))) + 1e-6
        huber = 1.345 * sigma
        weights = np.where(mask, np.minimum(1.0, huber / (np.abs(error) + 1e-12)), 0.0)
        weighted = steepest * weights.astype(np.float32)
        hessian = (weighted @ steepest.T).astype(np.float64)
        gradient = (weighted @ error).astype(np.float64)
        try:
            step = np.linalg.solve(hessian, gradient)
        except np.linalg.LinAlgError:
            break
        a, b, tx, ty = (float(value) for value in step)
        increment = np.array([[1 + a, -b, tx], [b, 1 + a, ty], [0, 0, 1.0]])
        increment = from_centred @ increment @ to_centred  # in pixel coordinates
        warp = warp @ np.linalg.inv(increment)
        if max(abs(a), abs(b), abs(tx), abs(ty)) * radius < 0.005:
            break
    return np.linalg.inv(warp)


def _fit_levels(values: np.ndarray, target: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """``values`` times a gain plus an offset: the least-squares fit to ``target`` on mask."""
    x = values[mask].astype(np.float64)
    y = target[mask].astype(np.float64)
    x_mean, y_mean = float(x.mean()), float(y.mean())
    x -= x_mean
    spread = float(np.sum(x * x))
    gain = float(np.sum(x * (y - y_mean))) / spread if spread > 0 else 0.0
    gain = max(gain, 0.0)
    return ((values - x_mean) * gain + y_mean).astype(np.float32)


def _overlap_ncc(ref: np.ndarray, moving: np.ndarray, moving_to_ref: np.ndarray) -> float:
    inverse = np.linalg.inv(moving_to_ref)
    mask = _inside_mask(inverse, ref.shape, moving.shape)
    score = _ncc(ref, _warp_array(moving, inverse, ref.shape), mask)
    return score * min(1.0, float(mask.mean()) / _FULL_OVERLAP)  # a sliver scores less


# ---------------------------------------------------------------------------------------------
# The automatic method


TRUSTED_CONFIDENCE = 0.15
"""The one cut-off for an automatic alignment: unrelated photos score about 0.03 and the same
skin 0.5 or more, so under this the match is no better than chance (ask for landmarks)."""


@dataclass(frozen=True)
class AlignmentResult:
    transform: Similarity  # MOVING -> REF, full-resolution pixels
    confidence: float  # 0..1: the normalised cross-correlation of the aligned overlap
    method: str  # "automatic"

    @property
    def trusted(self) -> bool:
        """Good enough to use; otherwise the person should pick matching points."""
        return self.confidence >= TRUSTED_CONFIDENCE


def _level_change(source_level: _Level, target_level: _Level) -> np.ndarray:
    """3x3 map from ``source_level`` coordinates to ``target_level`` coordinates."""
    return np.linalg.inv(target_level.to_full()) @ source_level.to_full()


def estimate_alignment(ref: Image.Image, moving: Image.Image) -> AlignmentResult:
    """Find the similarity that lays MOVING over REF (see the module notes for how).

    The confidence is the NCC of the aligned overlap at 512 pixels, lightly smoothed: about
    0.03 for unrelated photos, 0.5 and more for the same skin even when noisy and faint. Under
    :data:`TRUSTED_CONFIDENCE` the result should not be trusted (``result.trusted`` is False):
    ask for landmarks instead. Raises ValueError for images under 32 pixels a side.
    """
    with np.errstate(all="ignore"):  # thread-local, unlike warnings.catch_warnings
        ref_grey, ref_factor = _grey_small(ref, FINE_SIDE)
        mov_grey, mov_factor = _grey_small(moving, FINE_SIDE)
        ref_levels = _structure_levels(ref_grey, ref_factor)
        mov_levels = _structure_levels(mov_grey, mov_factor)
        structure, level = _structure_alignment(ref_levels, mov_levels)
        ref_coarse, ref_fine = _pyramid(ref_grey, ref_factor)
        mov_coarse, mov_fine = _pyramid(mov_grey, mov_factor)
        fine = _between(ref_fine, level[0]) @ structure @ _between(level[1], mov_fine)
        fine = _refine_texture(ref_fine, mov_fine, fine, level)
        coarse = _between(ref_coarse, ref_fine) @ fine @ _between(mov_fine, mov_coarse)
        confidence = _overlap_ncc(
            _blur(ref_coarse.image, 1.0), _blur(mov_coarse.image, 1.0), coarse
        )
        full = ref_fine.to_full() @ fine @ np.linalg.inv(mov_fine.to_full())
    transform = Similarity.from_matrix(full)
    if not all(math.isfinite(value) for value in transform.as_dict().values()):
        return AlignmentResult(Similarity.identity(), 0.0, "automatic")
    return AlignmentResult(transform, float(np.clip(confidence, 0.0, 1.0)), "automatic")


def _between(target: _Level, source: _Level) -> np.ndarray:
    """3x3 map from ``source`` level coordinates to ``target`` level coordinates."""
    return _level_change(source, target)


def _structure_alignment(
    ref_levels: list[_Level], mov_levels: list[_Level]
) -> tuple[np.ndarray, tuple[_Level, _Level]]:
    """The moving -> ref map found on the structure levels, coarse to fine, and the (ref,
    moving) levels it is in: the coarsest level's guesses are each refined there, the best
    few again at the next level, and the best of those at every finer level."""
    top_ref, top_mov = ref_levels[0], mov_levels[0]
    refined = []
    for guess in _structure_search(top_ref.image, top_mov.image):
        found = _refine(top_ref.image, top_mov.image, guess, _COARSE_ITERATIONS, True)
        refined.append((_overlap_ncc(top_ref.image, top_mov.image, found), found))
    refined.sort(key=lambda item: -item[0])
    best, best_score = np.eye(3), -np.inf
    level = (top_ref, top_mov)
    if len(ref_levels) > 1 and len(mov_levels) > 1:
        ref_next, mov_next = ref_levels[1], mov_levels[1]
        for _, found in refined[:_STRUCTURE_FINALISTS]:
            found = _between(ref_next, top_ref) @ found @ _between(top_mov, mov_next)
            found = _refine(ref_next.image, mov_next.image, found, _FINE_ITERATIONS, True)
            score = _overlap_ncc(ref_next.image, mov_next.image, found)
            if score > best_score:
                best, best_score = found, score
        level = (ref_next, mov_next)
    elif refined:
        best = refined[0][1]
    for ref_next, mov_next in zip(ref_levels[2:], mov_levels[2:], strict=False):
        best = _between(ref_next, level[0]) @ best @ _between(level[1], mov_next)
        best = _refine(ref_next.image, mov_next.image, best, _FINE_ITERATIONS, True)
        level = (ref_next, mov_next)
    return best, level


def _refine_texture(
    ref: _Level, moving: _Level, moving_to_ref: np.ndarray, structure: tuple[_Level, _Level]
) -> np.ndarray:
    """The texture refinement of a map between the finest working copies, kept only when it
    raises the texture NCC without lowering the structure NCC (at the ``structure`` levels)
    by more than a little: photos from different visits can share no fine texture."""
    refined = _refine(ref.image, moving.image, moving_to_ref, _FINE_ITERATIONS)
    if _overlap_ncc(ref.image, moving.image, refined) <= _overlap_ncc(
        ref.image, moving.image, moving_to_ref
    ):
        return moving_to_ref
    s_ref, s_mov = structure
    before = _overlap_ncc(
        s_ref.image, s_mov.image, _between(s_ref, ref) @ moving_to_ref @ _between(moving, s_mov)
    )
    after = _overlap_ncc(
        s_ref.image, s_mov.image, _between(s_ref, ref) @ refined @ _between(moving, s_mov)
    )
    return refined if after >= before - _STRUCTURE_TOLERANCE else moving_to_ref


def align_files(ref_path: Path, moving_path: Path) -> AlignmentResult:
    """Decode two photo files safely (upright, allowed formats only) and align them.

    Problems with a file raise :class:`~vitidesk.core.photo_import.PhotoRejectedError`, a
    UserError naming the file and the reason in one line.
    """
    images = [_open_photo(Path(path)) for path in (ref_path, moving_path)]
    return estimate_alignment(images[0], images[1])


def _open_photo(path: Path) -> Image.Image:
    from vitidesk.core.photo_import import PhotoRejectedError, open_untrusted

    image = open_untrusted(path)
    width, height = image.size
    if min(width, height) < MIN_SIDE:
        raise PhotoRejectedError(
            str(path), f"{width}x{height} is too small to align (needs {MIN_SIDE} pixels a side)"
        )
    return image
