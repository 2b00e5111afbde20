"""Synthetic skin photos for alignment tests and benchmarks: a skin-like scene (mottled
tone, soft pale patches, creases, shading, fine texture) and Pillow's AFFINE data for a
known similarity, so a second "visit" can be cut from the same scene."""

from __future__ import annotations

import math

import numpy as np


def skin_scene(height: int, width: int, seed: int, texture: float = 0.06) -> np.ndarray:
    """Skin-like uint8 RGB of (height, width)."""
    rng = np.random.default_rng(seed)
    fy = np.fft.fftfreq(height)[:, None]
    fx = np.fft.rfftfreq(width)[None, :]
    f = np.hypot(fx, fy)
    f[0, 0] = 1.0

    def field(power: float, cutoff: float) -> np.ndarray:
        spectrum = (rng.normal(size=f.shape) + 1j * rng.normal(size=f.shape)) / f**power
        spectrum *= np.exp(-((f / cutoff) ** 2))
        spectrum[0, 0] = 0
        out = np.fft.irfft2(spectrum, s=(height, width))
        return (out / out.std()).astype(np.float32)

    fine, low, shading = field(0.9, 0.2), field(2.0, 0.01), field(2.5, 0.004)
    patches = 1 / (1 + np.exp(-(low - 0.9) * 6))
    y, x = np.mgrid[0:height, 0:width].astype(np.float32)
    x -= width / 2
    y -= height / 2
    creases = np.zeros((height, width), np.float32)
    for _ in range(8):
        angle = rng.uniform(0, math.pi)
        across = x * math.cos(angle) + y * math.sin(angle) - rng.uniform(-0.5, 0.5) * width
        along = y * math.cos(angle) - x * math.sin(angle)
        across += rng.uniform(5, 40) * np.sin(along * (2 * math.pi / rng.uniform(100, 600)))
        creases += np.exp(-((across / rng.uniform(1.5, 4)) ** 2)) * rng.uniform(0.3, 1)
    skin = np.array([196, 140, 110], np.float32)
    pale = np.array([236, 214, 200], np.float32)
    base = skin * (1 - patches[..., None]) + pale * patches[..., None]
    light = 1 + texture * fine + 0.12 * shading - 0.25 * np.clip(creases, 0, 1.5)
    return np.clip(base * light[..., None], 0, 255).astype(np.uint8)


def pillow_affine(moving_to_source: np.ndarray) -> tuple[float, ...]:
    """Pillow AFFINE data for a map from output pixel centres to source pixel centres."""
    m = moving_to_source
    return (
        m[0, 0],
        m[0, 1],
        m[0, 2] + 0.5 - 0.5 * (m[0, 0] + m[0, 1]),
        m[1, 0],
        m[1, 1],
        m[1, 2] + 0.5 - 0.5 * (m[1, 0] + m[1, 1]),
    )
