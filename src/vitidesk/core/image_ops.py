"""Small image filters for the photo measurement, numpy and Pillow only (no scipy, no Qt):
box and near-Gaussian blurs, binary and grey dilation, block shrink, resize, connected parts."""

from __future__ import annotations

import math

import numpy as np
from PIL import Image


def box_sum(values: np.ndarray, radius: int, axis: int) -> np.ndarray:
    """Sum over a window of 2*radius+1 along ``axis`` (zero outside), via cumulative sums."""
    if radius < 1:
        return values
    n = values.shape[axis]
    pad = [(0, 0)] * values.ndim
    pad[axis] = (radius + 1, radius)
    cumulative = np.cumsum(np.pad(values, pad), axis=axis, dtype=np.float64)
    upper = [slice(None)] * values.ndim
    lower = [slice(None)] * values.ndim
    upper[axis], lower[axis] = slice(2 * radius + 1, 2 * radius + 1 + n), slice(0, n)
    return (cumulative[tuple(upper)] - cumulative[tuple(lower)]).astype(np.float32)


def blur_sum(values: np.ndarray, sigma: float) -> np.ndarray:
    """Three box passes per axis: close to a Gaussian of ``sigma`` (unnormalised at edges)."""
    radius = max(1, round(math.sqrt(12 * sigma * sigma / 3 + 1) / 2 - 0.5))
    out: np.ndarray = values.astype(np.float32)
    for axis in (0, 1):
        for _ in range(3):
            out = box_sum(out, radius, axis) / (2 * radius + 1)
    return out


def masked_blur(values: np.ndarray, weights: np.ndarray, sigma: float) -> np.ndarray:
    """Normalised convolution: the blur of ``values`` counting only where ``weights`` > 0."""
    top = blur_sum(values * weights, sigma)
    bottom = blur_sum(weights, sigma)
    return np.divide(top, bottom, out=np.full_like(top, np.nan), where=bottom > 1e-3)


def box_mean(values: np.ndarray, radius: int) -> np.ndarray:
    """Mean over a (2 radius + 1) square, the window cut at the edges."""
    ones = np.ones(values.shape, np.float32)
    top = box_sum(box_sum(values.astype(np.float32), radius, 0), radius, 1)
    bottom = box_sum(box_sum(ones, radius, 0), radius, 1)
    return top / bottom


def mean3(values: np.ndarray) -> np.ndarray:
    """Mean over each 3 x 3 neighbourhood (edges repeated): a light denoise, fast."""
    padded = np.pad(values.astype(np.float32, copy=False), 1, mode="edge")
    rows = padded[:-2] + padded[1:-1] + padded[2:]
    return (rows[:, :-2] + rows[:, 1:-1] + rows[:, 2:]) * np.float32(1 / 9)


def _window_axis(values: np.ndarray, radius: int, axis: int, combine, fill) -> np.ndarray:
    pad = [(0, 0)] * values.ndim
    pad[axis] = (radius, radius)
    padded = np.pad(values, pad, constant_values=fill)
    n = padded.shape[axis]
    width = 2 * radius + 1

    def part(array: np.ndarray, start: int, stop: int) -> np.ndarray:
        index = [slice(None)] * array.ndim
        index[axis] = slice(start, stop)
        return array[tuple(index)]

    # covered[i] = combine(padded[i : i + span]), span doubling up to the largest power <= width
    covered, span = padded, 1
    while span * 2 <= width:
        covered = combine(part(covered, 0, n - span), part(covered, span, n))
        n -= span
        span *= 2
    count = values.shape[axis]
    return combine(part(covered, 0, count), part(covered, width - span, width - span + count))


def dilate(mask: np.ndarray, radius: int) -> np.ndarray:
    """Binary dilation by a (2 radius + 1) square, with doubling shifts (log radius steps)."""
    if radius < 1 or not mask.any():
        return mask
    out = mask
    for axis in (0, 1):
        out = _window_axis(out, radius, axis, np.logical_or, False)
    return out


def erode(mask: np.ndarray, radius: int) -> np.ndarray:
    """Binary erosion by a (2 radius + 1) square (outside the picture counts as set)."""
    return ~dilate(~mask, radius)


def _lowest(values: np.ndarray):
    return np.iinfo(values.dtype).min if values.dtype.kind in "iu" else -np.inf


def _highest(values: np.ndarray):
    return np.iinfo(values.dtype).max if values.dtype.kind in "iu" else np.inf


def grey_max(values: np.ndarray, radius: int) -> np.ndarray:
    if radius < 1:
        return values
    out = values
    for axis in (0, 1):
        out = _window_axis(out, radius, axis, np.maximum, _lowest(values))
    return out


def grey_min(values: np.ndarray, radius: int) -> np.ndarray:
    if radius < 1:
        return values
    out = values
    for axis in (0, 1):
        out = _window_axis(out, radius, axis, np.minimum, _highest(values))
    return out


def shrink(values: np.ndarray, factor: int) -> np.ndarray:
    """Block mean by ``factor`` (the edges are cropped to whole blocks)."""
    factor = min(factor, *values.shape)
    if factor <= 1:
        return values.astype(np.float32, copy=False)
    h, w = values.shape[0] // factor, values.shape[1] // factor
    cropped = np.ascontiguousarray(values[: h * factor, : w * factor], dtype=np.float32)
    image = Image.fromarray(cropped, "F").resize((w, h), Image.Resampling.BOX)
    return np.asarray(image, dtype=np.float32)


def resize(values: np.ndarray, shape: tuple[int, int], smooth: bool = True) -> np.ndarray:
    """Resize a float32 array to ``shape`` (h, w): bilinear (area-averaged when smaller)."""
    if values.shape == shape:
        return values
    image = Image.fromarray(np.ascontiguousarray(values, dtype=np.float32), "F")
    method = Image.Resampling.BILINEAR if smooth else Image.Resampling.NEAREST
    if smooth and shape[0] < values.shape[0] and shape[1] < values.shape[1]:
        method = Image.Resampling.BOX
    return np.asarray(image.resize((shape[1], shape[0]), method))


def resize_mask(mask: np.ndarray, shape: tuple[int, int]) -> np.ndarray:
    """A bool mask at another size: smooth edges when enlarged (bilinear, then halfway)."""
    if mask.shape == shape:
        return mask
    return resize(mask.astype(np.float32), shape) >= 0.5


def label_parts(mask: np.ndarray) -> tuple[np.ndarray, int]:
    """Connected parts of ``mask`` (4-neighbours): labels 1..n, 0 outside. Union by hooking
    each root onto the smaller neighbouring root, then pointer jumping (Shiloach-Vishkin)."""
    h, w = mask.shape
    index = np.arange(h * w, dtype=np.int64).reshape(h, w)
    across = mask[:, 1:] & mask[:, :-1]
    down = mask[1:, :] & mask[:-1, :]
    first = np.concatenate([index[:, :-1][across], index[:-1, :][down]])
    second = np.concatenate([index[:, 1:][across], index[1:, :][down]])
    parent = np.arange(h * w, dtype=np.int64)
    while first.size:
        root_a, root_b = parent[first], parent[second]
        differ = root_a != root_b
        if not differ.any():
            break
        low = np.minimum(root_a[differ], root_b[differ])
        high = np.maximum(root_a[differ], root_b[differ])
        np.minimum.at(parent, high, low)
        while True:
            jumped = parent[parent]
            if np.array_equal(jumped, parent):
                break
            parent = jumped
        first, second = first[differ], second[differ]
    flat = mask.ravel()
    roots = parent[flat]
    unique, inverse = np.unique(roots, return_inverse=True)
    out = np.zeros(h * w, np.int32)
    out[flat] = inverse.astype(np.int32) + 1
    return out.reshape(h, w), int(unique.size)
