"""A Gaussian mixture over pixel colours (as in GrabCut): fitted to the pixels of one class
(a patch, or normal skin) and asked how likely each pixel's colour is. numpy only."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

MAX_SAMPLES = 2_500  # pixels used to fit one model
MIN_VARIANCE = 1.0  # in squared CIELAB units: a seed of one flat colour still has a spread
EM_ROUNDS = 5  # EM rounds per colour model: a fixed count keeps each cut quick and bounded


@dataclass(frozen=True)
class ColourModel:
    weights: np.ndarray  # (k,)
    means: np.ndarray  # (k, d)
    whitening: np.ndarray  # (k, d, d): diff @ whitening[k] has unit covariance
    log_norms: np.ndarray  # (k,) log(weight) - log(sqrt(det(2 pi cov)))

    def cost(self, features: np.ndarray) -> np.ndarray:
        """-log p(x) for each row of ``features`` (n, d), float32."""
        columns = np.ascontiguousarray(np.asarray(features, dtype=np.float32).T)
        parts = np.empty((self.weights.size, columns.shape[1]), np.float32)
        for k in range(self.weights.size):
            parts[k] = self.log_norms[k] - 0.5 * _squared_norm(
                columns, self.means[k], self.whitening[k]
            )
        best = parts.max(axis=0)
        total = best + np.log(np.exp(parts - best).sum(axis=0))
        return (-total).astype(np.float32)


def _squared_norm(columns: np.ndarray, mean: np.ndarray, whitening: np.ndarray) -> np.ndarray:
    """|(x - mean) @ whitening|^2 for the columns (d, n), column by column: a (n, 3) @ (3, 3)
    matrix product is slow in BLAS, plain element-wise arithmetic is not."""
    diffs = [columns[i] - mean[i] for i in range(columns.shape[0])]
    total = np.zeros(columns.shape[1], np.float32)
    for j in range(columns.shape[0]):
        white = diffs[0] * whitening[0, j]
        for i in range(1, columns.shape[0]):
            white += diffs[i] * whitening[i, j]
        total += white * white
    return total


def fit(samples: np.ndarray, components: int, seed: int = 0) -> ColourModel:
    """Fit ``components`` Gaussians to ``samples`` (n, d): k-means++ start, a few EM rounds."""
    samples = np.asarray(samples, dtype=np.float64)
    rng = np.random.default_rng(seed)
    if samples.shape[0] > MAX_SAMPLES:
        samples = samples[rng.choice(samples.shape[0], MAX_SAMPLES, replace=False)]
    n = samples.shape[0]
    k = max(1, min(components, n // 20))
    means = _kmeans_plus_plus(samples, k, rng)
    resp = _assign(samples, means)
    for _ in range(EM_ROUNDS):
        weights, means, covs = _m_step(samples, resp)
        resp = _e_step(samples, weights, means, covs)
    weights, means, covs = _m_step(samples, resp)
    return _model(weights, means, covs)


def _kmeans_plus_plus(samples: np.ndarray, k: int, rng: np.random.Generator) -> np.ndarray:
    centres = [samples[rng.integers(samples.shape[0])]]
    for _ in range(1, k):
        dist = np.min([((samples - c) ** 2).sum(axis=1) for c in centres], axis=0)
        total = dist.sum()
        if total <= 0:
            break
        centres.append(samples[rng.choice(samples.shape[0], p=dist / total)])
    return np.array(centres)


def _assign(samples: np.ndarray, means: np.ndarray) -> np.ndarray:
    dist = ((samples[:, None, :] - means[None, :, :]) ** 2).sum(axis=2)
    resp = np.zeros_like(dist)
    resp[np.arange(samples.shape[0]), dist.argmin(axis=1)] = 1.0
    return resp


def _m_step(samples: np.ndarray, resp: np.ndarray):
    d = samples.shape[1]
    counts = resp.sum(axis=0) + 1e-9
    keep = counts > 2.0
    resp, counts = resp[:, keep], counts[keep]
    weights = counts / counts.sum()
    means = (
        np.array(
            [
                [float(np.dot(resp[:, j], samples[:, i])) for i in range(d)]
                for j in range(resp.shape[1])
            ]
        )
        / counts[:, None]
    )
    covs = []
    for j in range(means.shape[0]):
        diff = samples - means[j]
        weighted = diff * resp[:, j, None]
        cov = np.array(
            [[float(np.dot(weighted[:, a], diff[:, b])) for b in range(d)] for a in range(d)]
        )
        covs.append(cov / counts[j] + np.eye(d) * MIN_VARIANCE)
    return weights, means, np.array(covs)


def _e_step(samples, weights, means, covs) -> np.ndarray:
    model = _model(weights, means, covs)
    columns = np.ascontiguousarray(samples.T.astype(np.float32))
    parts = [
        model.log_norms[j] - 0.5 * _squared_norm(columns, model.means[j], model.whitening[j])
        for j in range(weights.size)
    ]
    logp = np.stack(parts, axis=1).astype(np.float64)
    logp -= logp.max(axis=1, keepdims=True)
    resp = np.exp(logp)
    return resp / resp.sum(axis=1, keepdims=True)


def _model(weights, means, covs) -> ColourModel:
    d = means.shape[1]
    # cov = C C^T (Cholesky); x^T cov^-1 x = |C^-1 x|^2, so rows times (C^-1)^T whiten.
    whitening = np.transpose(np.linalg.inv(np.linalg.cholesky(covs)), (0, 2, 1))
    _, logdets = np.linalg.slogdet(covs)
    log_norms = np.log(weights) - 0.5 * (logdets + d * math.log(2 * math.pi))
    return ColourModel(
        weights.astype(np.float64),
        means.astype(np.float32),
        whitening.astype(np.float32),
        log_norms.astype(np.float32),
    )
