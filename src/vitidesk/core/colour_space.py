"""sRGB to CIELAB (D65), for the photo measurement. numpy only, no Qt."""

from __future__ import annotations

import numpy as np

_XYZ_FROM_RGB = np.array(
    [
        [0.4124564, 0.3575761, 0.1804375],
        [0.2126729, 0.7151522, 0.0721750],
        [0.0193339, 0.1191920, 0.9503041],
    ],
    dtype=np.float32,
)
_WHITE = np.array([0.95047, 1.0, 1.08883], dtype=np.float32)
_EPSILON = 216 / 24389
_KAPPA = 24389 / 27


def _srgb_lut() -> np.ndarray:
    values = np.arange(256, dtype=np.float64) / 255.0
    linear = np.where(values <= 0.04045, values / 12.92, ((values + 0.055) / 1.055) ** 2.4)
    return linear.astype(np.float32)


_LINEAR = _srgb_lut()


def lab(rgb: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """uint8 sRGB (h, w, 3) to (Y, L*, a*, b*), float32, D65."""
    red, green, blue = (_LINEAR[rgb[..., i]] for i in range(3))
    # Channel by channel: an (n, 3) @ (3, 3) matrix product is slow in BLAS.
    m = _XYZ_FROM_RGB / _WHITE[:, None]
    x, luminance, z = (m[i, 0] * red + m[i, 1] * green + m[i, 2] * blue for i in range(3))
    fx, fy, fz = cube_root(x), cube_root(luminance), cube_root(z)
    big_l = 116.0 * fy - 16.0
    a = 500.0 * (fx - fy)
    b = 200.0 * (fy - fz)
    return luminance, big_l, a, b


def cube_root(t: np.ndarray) -> np.ndarray:
    """CIELAB's f(t): the cube root, with its linear part near black."""
    return np.where(t > _EPSILON, np.cbrt(np.maximum(t, _EPSILON)), (_KAPPA * t + 16.0) / 116.0)


def lightness(y: np.ndarray) -> np.ndarray:
    """L* from relative luminance Y."""
    return 116.0 * cube_root(y) - 16.0
