"""Two-class graph-cut segmentation from seeds (GrabCut's way, Rother et al. 2004): a colour
model per class fitted to its seeds, then refitted to the cut; a contrast-sensitive smoothness
term between neighbouring pixels; the minimum cut found by PyMaxflow (Boykov-Kolmogorov).

Everything here works on one array size (the caller reduces the photo first); no Qt.
"""

from __future__ import annotations

from dataclasses import dataclass

import maxflow
import numpy as np

from vitidesk.core.colour_model import ColourModel, fit

COMPONENTS = 4  # Gaussians per colour model
SMOOTHNESS = 12.0  # weight of a neighbour pair that looks alike (GrabCut's gamma, per pixel)
MAX_COST = 60.0  # a colour far from both models is not decided by -log p alone
HARD = 1e4  # a seed's own label is never cut away (far above any cost of a neighbour pair)
NON_SKIN_COST = 20.0  # extra cost for calling a pixel that does not look like skin a patch
REFITS = 3  # colour models refitted to the cut this many times on a fresh estimate


@dataclass(frozen=True)
class CutResult:
    patch: np.ndarray  # bool: the patch label
    llr: np.ndarray  # float32: skin cost - patch cost (higher = more patch-like)
    models: tuple[ColourModel, ColourModel]  # patch, skin


class GraphCut:
    """The smoothness part of the graph, built once for one picture and reused for every cut
    (seeds added, corrections painted, sensitivity moved)."""

    def __init__(self, features: np.ndarray, inside: np.ndarray) -> None:
        self.features = np.ascontiguousarray(features, dtype=np.float32)
        self.shape = inside.shape
        self.inside = inside
        self.flat = self.features.reshape(-1, self.features.shape[-1])
        right = ((self.features[:, 1:] - self.features[:, :-1]) ** 2).sum(axis=2)
        down = ((self.features[1:, :] - self.features[:-1, :]) ** 2).sum(axis=2)
        both_r = inside[:, 1:] & inside[:, :-1]
        both_d = inside[1:, :] & inside[:-1, :]
        mean = float(np.concatenate([right[both_r], down[both_d]]).mean()) if inside.any() else 1
        beta = 1.0 / (2.0 * max(mean, 1e-6))
        self.weight_right = np.zeros(self.shape, np.float32)
        self.weight_down = np.zeros(self.shape, np.float32)
        self.weight_right[:, :-1] = np.where(both_r, SMOOTHNESS * np.exp(-beta * right), 0.0)
        self.weight_down[:-1, :] = np.where(both_d, SMOOTHNESS * np.exp(-beta * down), 0.0)
        # Colours to the nearest CIELAB unit: each colour model is asked about each distinct
        # colour once (a photo region has far fewer colours than pixels).
        chosen = self.flat[inside.ravel()]
        codes = np.round(chosen).astype(np.int64)
        codes -= codes.min(axis=0) if codes.size else 0
        span = codes.max(axis=0) + 1 if codes.size else np.ones(3, np.int64)
        keys = (codes[:, 0] * span[1] + codes[:, 1]) * span[2] + codes[:, 2]
        _, first, self._inverse = np.unique(keys, return_index=True, return_inverse=True)
        self._colours = chosen[first]
        # One graph for every cut: a new cut only changes the pixels' own costs (t-links),
        # and the solver reuses its search trees (Kohli and Torr's dynamic graph cuts).
        self._graph = maxflow.GraphFloat()
        self._nodes = self._graph.add_grid_nodes(self.shape)
        right_only = np.array([[0, 0, 0], [0, 0, 1], [0, 0, 0]])
        down_only = np.array([[0, 0, 0], [0, 0, 0], [0, 1, 0]])
        self._graph.add_grid_edges(
            self._nodes, weights=self.weight_right, structure=right_only, symmetric=True
        )
        self._graph.add_grid_edges(
            self._nodes, weights=self.weight_down, structure=down_only, symmetric=True
        )
        self._links: tuple[np.ndarray, np.ndarray] | None = None

    def cut(
        self,
        patch_seeds: np.ndarray,
        skin_seeds: np.ndarray,
        *,
        patch_samples: np.ndarray | None = None,
        skin_samples: np.ndarray | None = None,
        non_skin: np.ndarray | None = None,
        bias: float = 0.0,
        refits: int | None = None,
        start: np.ndarray | None = None,
        models: tuple[ColourModel, ColourModel] | None = None,
    ) -> CutResult:
        """Cut with these seeds (bool arrays; a seed keeps its label). The colour models are
        fitted to ``*_samples`` (default: the seeds) or, with ``start`` (a previous cut), to
        that cut and the seeds, then refitted to each new cut ``refits`` times in all
        (default :data:`REFITS`). With ``models`` (a previous cut's) and ``refits`` 0 the
        colour models are kept and only the seeds change: the fastest cut, for a correction
        stroke. ``bias`` > 0 counts more as patch."""
        patch_seeds = patch_seeds & self.inside
        skin_seeds = skin_seeds & self.inside & ~patch_seeds
        samples = (
            patch_seeds if patch_samples is None else (patch_samples | patch_seeds) & self.inside,
            skin_seeds if skin_samples is None else (skin_samples | skin_seeds) & self.inside,
        )
        if models is not None and refits == 0:
            patch, llr = self._cut_once(models, patch_seeds, skin_seeds, non_skin, bias)
            return CutResult(patch, llr, models)
        patch = start
        llr = np.zeros(self.shape, np.float32)
        for _ in range(max(1, REFITS if refits is None else refits)):
            models = self._fit(samples, patch_seeds, skin_seeds, patch)
            patch, llr = self._cut_once(models, patch_seeds, skin_seeds, non_skin, bias)
        assert models is not None  # fitted at least once above
        return CutResult(patch, llr, models)

    def _fit(self, samples, patch_seeds, skin_seeds, labels) -> tuple[ColourModel, ColourModel]:
        patch_pixels, skin_pixels = samples
        if labels is not None:
            patch_pixels = (labels & self.inside & ~skin_seeds) | patch_seeds
            skin_pixels = (~labels & self.inside & ~patch_seeds) | skin_seeds
            if patch_pixels.sum() < 20:
                patch_pixels = samples[0]
            if skin_pixels.sum() < 20:
                skin_pixels = samples[1]
        return (
            fit(self.features[patch_pixels], COMPONENTS, seed=1),
            fit(self.features[skin_pixels], COMPONENTS, seed=2),
        )

    def _cut_once(self, models, patch_seeds, skin_seeds, non_skin, bias):
        patch_model, skin_model = models
        inside_flat = self.inside.ravel()
        cost_patch: np.ndarray = np.full(inside_flat.size, MAX_COST, np.float32)
        cost_skin: np.ndarray = np.full(inside_flat.size, MAX_COST, np.float32)
        cost_patch[inside_flat] = np.minimum(patch_model.cost(self._colours), MAX_COST)[
            self._inverse
        ]
        cost_skin[inside_flat] = np.minimum(skin_model.cost(self._colours), MAX_COST)[self._inverse]
        cost_patch = cost_patch.reshape(self.shape) - bias
        cost_skin = cost_skin.reshape(self.shape)
        llr = cost_skin - cost_patch
        if non_skin is not None:
            cost_patch = cost_patch + np.where(non_skin, NON_SKIN_COST, 0.0).astype(np.float32)
        offset = np.minimum(cost_patch, cost_skin)
        cost_patch, cost_skin = cost_patch - offset, cost_skin - offset
        cost_patch = np.where(self.inside, cost_patch, HARD)  # outside: never a patch
        cost_patch = np.where(skin_seeds, HARD, cost_patch)
        cost_skin = np.where(patch_seeds, HARD, cost_skin)
        # A node left on the source side is a patch: it pays cost_patch to the sink edge, and
        # cost_skin is what cutting its source edge (calling it skin) costs.
        cost_skin = cost_skin.astype(np.float32)
        cost_patch = cost_patch.astype(np.float32)
        if self._links is None:
            self._graph.add_grid_tedges(self._nodes, cost_skin, cost_patch)
            self._graph.maxflow()
        else:
            old_skin, old_patch = self._links
            changed = (old_skin != cost_skin) | (old_patch != cost_patch)
            self._graph.add_grid_tedges(self._nodes, cost_skin - old_skin, cost_patch - old_patch)
            if changed.any():
                self._graph.mark_grid_nodes(self._nodes[changed])
                self._graph.maxflow(reuse_trees=True)
        self._links = (cost_skin, cost_patch)
        patch = ~self._graph.get_grid_segments(self._nodes) & self.inside
        return patch, llr.astype(np.float32)
