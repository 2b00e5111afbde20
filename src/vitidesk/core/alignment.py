"""Line up two photos of the same body area: automatically, or from landmark pairs.

A :class:`Similarity` (shift, rotation, uniform scale) maps pixel coordinates of the MOVING
photo onto the REFERENCE photo. Coordinates are in pixels, origin at the top-left, y pointing
down, with integer values at pixel centres (pixel (0, 0) is the centre of the top-left pixel).

:func:`fit_similarity` is the landmark method: the least-squares similarity (Umeyama, never a
reflection) from two or more clicked point pairs.

:func:`estimate_alignment` is the automatic method, built for what changes between clinic
visits: rotation up to about ±20°, scale ±15%, framing shifted by a tenth of the photo, and
different exposure and white balance. It works on small grey copies whose local contrast is
normalised (log brightness minus its local mean, over its local spread), which makes exposure,
gamma and white balance irrelevant. Rotation and scale come from a log-polar phase correlation
of the windowed Fourier magnitudes (which ignore the shift); each candidate, and its 180° twin,
gets its shift by phase correlation and is scored by normalised cross-correlation (NCC). The
best is refined by Gauss-Newton (inverse-compositional Lucas-Kanade) on the four similarity
parameters at 512 and then 1024 pixels. The confidence is the final NCC over the overlap.

Pure numpy and Pillow: no Qt, OpenCV or scipy.
"""

from __future__ import annotations

import math
import warnings
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
_COARSE_ITERATIONS = 20
_FALLBACK_BELOW = 0.12  # coarse NCC under which the grid search runs too
_GRID_ROTATION = 22.5
_GRID_LOG_SCALE = math.log(1.18)
_FINE_ITERATIONS = 8


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
    floor = 0.05 * float(np.mean(spread)) + 1e-8  # flat areas: do not blow up the noise
    return (detail / np.sqrt(spread + floor)).astype(np.float32)


def _halve(a: np.ndarray) -> np.ndarray:
    h, w = (a.shape[0] // 2) * 2, (a.shape[1] // 2) * 2
    a = a[:h, :w]
    return 0.25 * (a[0::2, 0::2] + a[1::2, 0::2] + a[0::2, 1::2] + a[1::2, 1::2])


def _pyramid(image: Image.Image) -> tuple[_Level, _Level]:
    """The (coarse, fine) working levels: about 512 and 1024 pixels on the long side."""
    log_grey, factor = _grey_small(image, FINE_SIDE)
    fine = _Level(_normalise(log_grey, 6.0), factor)
    half = _halve(log_grey) if min(log_grey.shape) >= 2 * MIN_SIDE else log_grey
    coarse_factor = factor * (2.0 if half is not log_grey else 1.0)
    coarse = _Level(_normalise(half, 4.0), coarse_factor)
    return coarse, fine


# ---------------------------------------------------------------------------------------------
# Coarse search: log-polar phase correlation for rotation and scale, then the shift


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
    a_shift = np.arange(n_a)
    a_shift = np.where(a_shift > n_a / 2, a_shift - n_a, a_shift) * (180.0 / n_a)
    r_shift = np.arange(n_r)
    r_shift = np.where(r_shift > n_r / 2, r_shift - n_r, r_shift) * step
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
    if count < 64:
        return 0.0
    x = a[mask].astype(np.float64)
    y = b[mask].astype(np.float64)
    x -= x.mean()
    y -= y.mean()
    # Plain sums: on small vectors a threaded BLAS dot costs more than it saves.
    denominator = math.sqrt(float(np.sum(x * x)) * float(np.sum(y * y)))
    return float(np.sum(x * y)) / denominator if denominator > 0 else 0.0


def _shift_and_score(
    ref: np.ndarray, moving: np.ndarray, guess: np.ndarray, window: np.ndarray
) -> tuple[np.ndarray, float]:
    """Complete a rotation-and-scale guess (moving -> ref) with the shift from phase
    correlation; score it by NCC, discounted when the overlap is a sliver."""
    warped = _warp_array(moving, np.linalg.inv(guess), ref.shape)
    surface = _phase_correlation(ref * window, warped * window)
    row, col = np.unravel_index(int(np.argmax(surface)), surface.shape)
    sub_row, sub_col = _subpixel(surface, int(row), int(col))
    shift = _translate(_signed(sub_col, surface.shape[1]), _signed(sub_row, surface.shape[0]))
    candidate = shift @ guess
    return candidate, _overlap_ncc(ref, moving, candidate)


def _coarse_search(ref: np.ndarray, moving: np.ndarray) -> tuple[np.ndarray, float]:
    """The best moving -> ref map at the coarse level, and its NCC."""
    window = _hann(ref.shape[0])[:, None] * _hann(ref.shape[1])[None, :]
    guesses = _rotation_scale_candidates(ref, moving)
    guesses.append((0.0, 1.0))  # always try "no rotation, no zoom" too
    best, best_score = np.eye(3), -np.inf
    tried: set[tuple[float, float]] = set()
    for rotation, scale in guesses:
        for twin in (rotation, rotation + 180.0):
            key = (round(twin, 1), round(scale, 3))
            if key in tried:
                continue
            tried.add(key)
            guess = _about_centres(twin, scale, ref.shape, moving.shape)
            candidate, score = _shift_and_score(ref, moving, guess, window)
            if score > best_score:
                best, best_score = candidate, score
    return best, best_score


def _grid_search(ref: np.ndarray, moving: np.ndarray) -> tuple[np.ndarray, float]:
    """The fallback when the log-polar guesses all fail: every rotation (2.5° apart) and
    scale (5% apart) in the visit range, each completed by its shift."""
    window = _hann(ref.shape[0])[:, None] * _hann(ref.shape[1])[None, :]
    best, best_score = np.eye(3), -np.inf
    for rotation in np.arange(-_GRID_ROTATION, _GRID_ROTATION + 1e-9, 2.5):
        for log_scale in np.linspace(-_GRID_LOG_SCALE, _GRID_LOG_SCALE, 7):
            guess = _about_centres(
                float(rotation), math.exp(float(log_scale)), ref.shape, moving.shape
            )
            candidate, score = _shift_and_score(ref, moving, guess, window)
            if score > best_score:
                best, best_score = candidate, score
    return best, best_score


# ---------------------------------------------------------------------------------------------
# Refinement: inverse-compositional Gauss-Newton on the similarity parameters


def _refine(
    ref: np.ndarray, moving: np.ndarray, moving_to_ref: np.ndarray, iterations: int
) -> np.ndarray:
    """Improve a moving -> ref map by minimising the (Huber-weighted) squared difference
    between REF and MOVING warped into REF's frame."""
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
        error = _warp_array(moving, warp, ref.shape).ravel() - ref_flat
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


def _overlap_ncc(ref: np.ndarray, moving: np.ndarray, moving_to_ref: np.ndarray) -> float:
    inverse = np.linalg.inv(moving_to_ref)
    mask = _inside_mask(inverse, ref.shape, moving.shape)
    score = _ncc(ref, _warp_array(moving, inverse, ref.shape), mask)
    return score * min(1.0, float(mask.mean()) / 0.25)


# ---------------------------------------------------------------------------------------------
# The automatic method


@dataclass(frozen=True)
class AlignmentResult:
    transform: Similarity  # MOVING -> REF, full-resolution pixels
    confidence: float  # 0..1: the normalised cross-correlation of the aligned overlap
    method: str  # "automatic"


def _level_change(source_level: _Level, target_level: _Level) -> np.ndarray:
    """3x3 map from ``source_level`` coordinates to ``target_level`` coordinates."""
    return np.linalg.inv(target_level.to_full()) @ source_level.to_full()


def estimate_alignment(ref: Image.Image, moving: Image.Image) -> AlignmentResult:
    """Find the similarity that lays MOVING over REF (see the module notes for how).

    The confidence is the NCC of the aligned overlap at 512 pixels, lightly smoothed: about
    0.03 for unrelated photos, 0.5 and more for the same skin even when noisy and faint. Under
    about 0.15 the result should not be trusted: ask for landmarks instead. Raises ValueError
    for images under 32 pixels a side.
    """
    with np.errstate(all="ignore"):  # thread-local, unlike warnings.catch_warnings
        ref_coarse, ref_fine = _pyramid(ref)
        mov_coarse, mov_fine = _pyramid(moving)
        coarse, _ = _coarse_search(ref_coarse.image, mov_coarse.image)
        coarse, score = _refine_if_better(ref_coarse, mov_coarse, coarse, _COARSE_ITERATIONS)
        if score < _FALLBACK_BELOW:
            other = _fallback(ref_coarse, mov_coarse)
            other_score = _overlap_ncc(ref_coarse.image, mov_coarse.image, other)
            if other_score > score:
                coarse = other
        fine = _level_change(ref_coarse, ref_fine) @ coarse @ _level_change(mov_fine, mov_coarse)
        fine, _ = _refine_if_better(ref_fine, mov_fine, fine, _FINE_ITERATIONS)
        coarse = _level_change(ref_fine, ref_coarse) @ fine @ _level_change(mov_coarse, mov_fine)
        confidence = _overlap_ncc(
            _blur(ref_coarse.image, 1.0), _blur(mov_coarse.image, 1.0), coarse
        )
        full = ref_fine.to_full() @ fine @ np.linalg.inv(mov_fine.to_full())
    transform = Similarity.from_matrix(full)
    if not all(math.isfinite(value) for value in transform.as_dict().values()):
        return AlignmentResult(Similarity.identity(), 0.0, "automatic")
    return AlignmentResult(transform, float(np.clip(confidence, 0.0, 1.0)), "automatic")


def _refine_if_better(
    ref: _Level, moving: _Level, moving_to_ref: np.ndarray, iterations: int
) -> tuple[np.ndarray, float]:
    """Refine, but keep the start if refining lowered the NCC (it minimises a robust squared
    difference, which can drift on photos that share little); also return the NCC."""
    before = _overlap_ncc(ref.image, moving.image, moving_to_ref)
    refined = _refine(ref.image, moving.image, moving_to_ref, iterations)
    after = _overlap_ncc(ref.image, moving.image, refined)
    return (refined, after) if after >= before else (moving_to_ref, before)


def _fallback(ref: _Level, moving: _Level) -> np.ndarray:
    """Grid search at half the coarse size, refined there and at the coarse size."""
    if min(*ref.image.shape, *moving.image.shape) < 4 * MIN_SIDE:
        small_ref, small_mov = ref, moving
    else:
        small_ref = _Level(_halve(ref.image), ref.factor * 2)
        small_mov = _Level(_halve(moving.image), moving.factor * 2)
    found, _ = _grid_search(small_ref.image, small_mov.image)
    found = _refine(small_ref.image, small_mov.image, found, _COARSE_ITERATIONS)
    found = _level_change(small_ref, ref) @ found @ _level_change(moving, small_mov)
    return _refine(ref.image, moving.image, found, _COARSE_ITERATIONS)


def align_files(ref_path: Path, moving_path: Path) -> AlignmentResult:
    """Decode two photo files safely (upright, allowed formats only) and align them.

    Problems with a file raise :class:`~vitidesk.core.photo_import.PhotoRejectedError`, a
    UserError naming the file and the reason in one line.
    """
    images = [_open_photo(Path(path)) for path in (ref_path, moving_path)]
    return estimate_alignment(images[0], images[1])


def _open_photo(path: Path) -> Image.Image:
    from vitidesk.core.photo_import import (
        MAX_FILE_BYTES,
        PhotoRejectedError,
        decode_upright,
    )

    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise PhotoRejectedError(str(path), "no such file") from None
    except OSError as exc:
        raise PhotoRejectedError(str(path), f"cannot be read ({exc.strerror})") from None
    if not path.is_file():
        raise PhotoRejectedError(str(path), "not a file")
    if size == 0:
        raise PhotoRejectedError(str(path), "the file is empty")
    if size > MAX_FILE_BYTES:
        raise PhotoRejectedError(str(path), "the file is larger than 300 MB")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise PhotoRejectedError(str(path), f"cannot be read ({exc.strerror})") from None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            image = decode_upright(path, data)
        except MemoryError:
            raise PhotoRejectedError(str(path), "not enough memory to open this image") from None
    width, height = image.size
    if min(width, height) < MIN_SIDE:
        raise PhotoRejectedError(
            str(path), f"{width}x{height} is too small to align (needs {MIN_SIDE} pixels a side)"
        )
    return image
