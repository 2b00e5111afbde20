"""Photo alignment: landmark fits, the automatic method on synthetic skin, and warping.

The test photos are made on the fly: a skin-like scene (mottled tone, soft pale patches,
creases, shading, fine texture), the reference cut from its middle, and the moving photo a
view of the same scene through a known similarity, with its own exposure, gamma, white
balance, lighting gradient, blur, noise, JPEG artefacts and some repigmented spots.
"""

from __future__ import annotations

import io
import math
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageFilter

from tests.synthetic_skin import pillow_affine, skin_scene
from vitidesk.core import alignment
from vitidesk.core.alignment import (
    AlignmentResult,
    Similarity,
    align_files,
    estimate_alignment,
    fit_similarity,
    warp_to_reference,
)
from vitidesk.errors import UserError

SIZE = (1600, 1200)
SCENE_SIDE = 2800  # covers the moving view for ±20°, ±15% and a 10% shift


# ---------------------------------------------------------------------------------------------
# Synthetic photos


def about_centre(rotation: float, scale: float, shift: tuple[float, float]) -> Similarity:
    """Rotation and scale about the frame centre, then a shift (the truth, MOVING -> REF)."""
    centre = np.array([(SIZE[0] - 1) / 2, (SIZE[1] - 1) / 2])
    turn = Similarity(0.0, 0.0, rotation, scale)
    offset = centre - turn.apply(centre) + np.asarray(shift)
    return Similarity(float(offset[0]), float(offset[1]), rotation, scale)


def retouch(
    image: Image.Image,
    seed: int,
    *,
    gain: float = 1.0,
    gamma: float = 1.0,
    balance: tuple[float, float, float] = (1.0, 1.0, 1.0),
    light: float = 0.0,
    blur: float = 0.0,
    noise: float = 4.0,
    spots: int = 0,
    jpeg: int | None = None,
) -> Image.Image:
    """Another day, another camera: exposure, gamma, white balance, a lighting gradient,
    focus, noise, a few repigmented spots and JPEG compression."""
    rng = np.random.default_rng(seed)
    if blur:
        image = image.filter(ImageFilter.GaussianBlur(blur))
    pixels = np.asarray(image, np.float32) / 255.0
    h, w = pixels.shape[:2]
    y, x = np.mgrid[0:h, 0:w].astype(np.float32)
    factor = np.full((h, w), gain, np.float32)
    if light:
        angle = rng.uniform(0, 2 * math.pi)
        factor *= 1 + light * ((x / w - 0.5) * math.cos(angle) + (y / h - 0.5) * math.sin(angle))
    for _ in range(spots):
        cx, cy, r = rng.uniform(0, w), rng.uniform(0, h), rng.uniform(60, 200)
        factor *= 1 - 0.25 * np.exp(-((((x - cx) ** 2 + (y - cy) ** 2) / r**2) ** 2))
    pixels = np.clip(pixels * factor[..., None] * np.asarray(balance, np.float32), 0, 1)
    pixels = pixels**gamma * 255 + rng.normal(0, noise, pixels.shape).astype(np.float32)
    out = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))
    if jpeg:
        buffer = io.BytesIO()
        out.save(buffer, "JPEG", quality=jpeg)
        out = Image.open(io.BytesIO(buffer.getvalue()))
        out.load()
    return out


def view(scene: np.ndarray, moving_to_ref: Similarity, size: tuple[int, int] = SIZE) -> Image.Image:
    """The photo whose pixel q shows the reference photo's point moving_to_ref(q); the
    reference photo is the middle ``SIZE`` of the scene."""
    height, width = scene.shape[:2]
    ref_to_scene = np.array(
        [[1, 0, (width - SIZE[0]) // 2], [0, 1, (height - SIZE[1]) // 2], [0, 0, 1.0]]
    )
    data = pillow_affine(ref_to_scene @ moving_to_ref.matrix())
    return Image.fromarray(scene).transform(
        size, Image.Transform.AFFINE, data, Image.Resampling.BILINEAR
    )


def corner_error(found: Similarity, truth: Similarity, size: tuple[int, int] = SIZE) -> float:
    w, h = size
    corners = np.array([[0, 0], [w - 1, 0], [0, h - 1], [w - 1, h - 1]], float)
    return float(np.max(np.hypot(*(found.apply(corners) - truth.apply(corners)).T)))


@pytest.fixture(scope="module")
def scene() -> np.ndarray:
    return skin_scene(SCENE_SIDE, SCENE_SIDE, seed=1)


# ---------------------------------------------------------------------------------------------
# The transform and the landmark fit

TRANSFORMS = [
    Similarity.identity(),
    Similarity(120.0, -80.0, 20.0, 1.15),
    Similarity(-40.5, 300.25, -17.5, 0.85),
    Similarity(3.0, 4.0, 178.0, 2.5),
]


@pytest.mark.parametrize("transform", TRANSFORMS)
def test_matrix_apply_and_inverse_agree(transform: Similarity) -> None:
    points = np.array([[0.0, 0.0], [1599.0, 0.0], [800.5, 600.25], [10.0, 1199.0]])
    mapped = transform.apply(points)
    homogeneous = np.c_[points, np.ones(len(points))] @ transform.matrix().T
    assert np.allclose(mapped, homogeneous[:, :2])
    assert np.allclose(transform.inverse().apply(mapped), points, atol=1e-9)
    assert np.allclose(transform.inverse().matrix(), np.linalg.inv(transform.matrix()))
    assert np.allclose(transform.then(transform.inverse()).matrix(), np.eye(3), atol=1e-9)
    assert np.allclose(transform.apply(points[1]), mapped[1])
    assert set(transform.as_dict()) == {"dx", "dy", "rotation_deg", "scale"}
    again = Similarity.from_matrix(transform.matrix())
    assert np.allclose(list(again.as_dict().values()), list(transform.as_dict().values()))


def test_the_formula_and_the_identity() -> None:
    t = Similarity(10.0, -5.0, 90.0, 2.0)  # (x, y) -> 2 * (-y, x) + (10, -5)
    assert np.allclose(t.apply(np.array([[1.0, 0.0], [0.0, 1.0]])), [[10, -3], [8, -5]])
    assert Similarity.identity().as_dict() == {
        "dx": 0.0,
        "dy": 0.0,
        "rotation_deg": 0.0,
        "scale": 1.0,
    }


@pytest.mark.parametrize("transform", TRANSFORMS)
@pytest.mark.parametrize("count", [2, 3])
def test_landmarks_recover_the_exact_transform(transform: Similarity, count: int) -> None:
    moving = np.array([[100.0, 200.0], [1400.0, 950.0], [300.0, 1100.0]])[:count]
    found = fit_similarity(moving, transform.apply(moving))
    assert corner_error(found, transform) < 1e-6


def test_landmarks_with_click_noise_stay_within_a_few_pixels() -> None:
    rng = np.random.default_rng(4)
    truth = about_centre(-12.0, 1.08, (60.0, -90.0))
    moving = np.array([[150, 180], [1450, 210], [820, 640], [240, 1030], [1380, 1080]], float)
    ref = truth.apply(moving) + rng.uniform(-1, 1, size=moving.shape)
    found = fit_similarity(moving + rng.uniform(-1, 1, size=moving.shape), ref)
    assert corner_error(found, truth) < 2.0
    # Two landmarks far apart: still within a few pixels.
    two = fit_similarity(moving[[0, 4]], ref[[0, 4]])
    assert corner_error(two, truth) < 3.0


@pytest.mark.parametrize(
    ("moving", "ref", "message"),
    [
        ([[1.0, 2.0]], [[3.0, 4.0]], "at least 2"),
        ([[1.0, 2.0], [3.0, 4.0]], [[3.0, 4.0]], "partner"),
        ([[5.0, 5.0], [5.0, 5.0]], [[1.0, 2.0], [3.0, 4.0]], "moving photo all coincide"),
        ([[1.0, 2.0], [3.0, 4.0]], [[7.0, 7.0], [7.0, 7.0]], "reference photo all coincide"),
        ([[1.0, 2.0, 3.0]], [[1.0, 2.0, 3.0]], "shape"),
        ([[1.0, np.nan], [3.0, 4.0]], [[1.0, 2.0], [3.0, 4.0]], "finite"),
    ],
)
def test_bad_landmarks_are_explained(moving, ref, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        fit_similarity(np.array(moving), np.array(ref))


# ---------------------------------------------------------------------------------------------
# Warping


def test_warp_puts_a_marker_where_the_transform_says() -> None:
    moving = Image.new("RGB", (400, 300), "black")
    marker = (130, 70)
    moving.paste((255, 255, 255), (marker[0] - 2, marker[1] - 2, marker[0] + 3, marker[1] + 3))
    transform = Similarity(35.0, -12.0, 25.0, 1.2)
    warped = warp_to_reference(moving, transform, (500, 350))
    assert warped.size == (500, 350) and warped.mode == "RGB"
    weights = np.asarray(warped, np.float64)[..., 0]
    ys, xs = np.mgrid[0 : weights.shape[0], 0 : weights.shape[1]]
    centroid = np.array([(xs * weights).sum(), (ys * weights).sum()]) / weights.sum()
    assert np.allclose(centroid, transform.apply(np.array(marker, float)), atol=0.1)
    # Outside MOVING the frame is black.
    corner = transform.inverse().apply(np.array([499.0, 349.0]))
    assert not (0 <= corner[0] < 400 and 0 <= corner[1] < 300)
    assert warped.getpixel((499, 349)) == (0, 0, 0)


def test_warping_by_the_estimate_overlays_the_photos(scene: np.ndarray) -> None:
    truth = about_centre(9.0, 1.05, (70.0, -40.0))
    ref = view(scene, Similarity.identity())
    moving = view(scene, truth)
    back = np.asarray(warp_to_reference(moving, truth, ref.size), np.float32)
    inside = back.sum(axis=2) > 0
    inside[:2], inside[-2:], inside[:, :2], inside[:, -2:] = False, False, False, False
    difference = np.abs(back - np.asarray(ref, np.float32))[inside]
    assert inside.mean() > 0.6
    assert float(np.median(difference)) < 3.0


# ---------------------------------------------------------------------------------------------
# The automatic method

PAIRS = [
    # rotation, scale, shift (px at 1600x1200), how the second visit looks
    (20.0, 1.15, (160.0, -120.0), {"gain": 1.3, "gamma": 0.8, "balance": (1.1, 1.0, 0.9)}),
    (-20.0, 0.85, (-160.0, 120.0), {"gain": 0.7, "gamma": 1.2, "balance": (0.9, 1.0, 1.1)}),
    (20.0, 0.85, (-160.0, -120.0), {"gain": 0.8, "light": 0.6, "spots": 3}),
    (-20.0, 1.15, (160.0, 120.0), {"gain": 1.2, "blur": 1.5, "jpeg": 70}),
    (7.5, 0.92, (60.0, 100.0), {"gain": 0.85, "noise": 8.0, "jpeg": 80}),
    (-12.0, 1.08, (-100.0, -40.0), {"gamma": 1.15, "balance": (1.05, 0.95, 1.0), "spots": 2}),
    (2.0, 1.0, (0.0, 0.0), {"light": 0.5, "blur": 1.0}),
    (-3.5, 1.03, (-25.0, 140.0), {"balance": (0.92, 1.0, 1.08), "jpeg": 75}),
]


@pytest.mark.parametrize(("rotation", "scale", "shift", "look"), PAIRS)
def test_automatic_alignment_is_within_3_px(
    scene: np.ndarray, rotation: float, scale: float, shift: tuple[float, float], look: dict
) -> None:
    truth = about_centre(rotation, scale, shift)
    ref = retouch(view(scene, Similarity.identity()), seed=1, light=0.3, jpeg=85)
    moving = retouch(view(scene, truth), seed=2, **look)
    result = estimate_alignment(ref, moving)
    assert isinstance(result, AlignmentResult) and result.method == "automatic"
    error = corner_error(result.transform, truth)
    assert error < 3.0, (truth, result.transform, error)
    assert result.confidence > 0.3


def test_the_same_photo_gives_the_identity(scene: np.ndarray) -> None:
    ref = view(scene, Similarity.identity())
    result = estimate_alignment(ref, ref.copy())
    assert corner_error(result.transform, Similarity.identity()) < 0.05
    assert result.confidence > 0.95


def test_faint_texture_and_heavy_noise_still_align() -> None:
    faint = skin_scene(1400, 1800, seed=5, texture=0.01)
    truth = Similarity(-30.0, 25.0, -6.0, 1.04)
    source = np.ascontiguousarray(faint[100:1300, 100:1700])
    ref = retouch(Image.fromarray(source), seed=3, noise=10.0)
    shifted = view(np.pad(faint, ((600, 600), (500, 500), (0, 0)), mode="reflect"), truth)
    moving = retouch(shifted, seed=4, noise=10.0, gain=0.8, jpeg=75)
    result = estimate_alignment(ref, moving)
    assert corner_error(result.transform, truth) < 3.0
    assert result.confidence > 0.2


def test_the_alignment_is_found_from_the_moving_photo_at_another_resolution(
    scene: np.ndarray,
) -> None:
    truth = about_centre(-8.0, 0.95, (40.0, 30.0))
    ref = view(scene, Similarity.identity())
    # The moving photo from a 800x600 camera: its pixel q is the 1600x1200 pixel 2q + 0.5.
    small = retouch(view(scene, truth).resize((800, 600), Image.Resampling.BOX), seed=5)
    small_truth = Similarity(0.5, 0.5, 0.0, 2.0).then(truth)
    result = estimate_alignment(ref, small)
    assert corner_error(result.transform, small_truth, (800, 600)) < 3.0


def test_unrelated_photos_get_a_low_confidence(scene: np.ndarray) -> None:
    other = skin_scene(1200, 1600, seed=9)
    result = estimate_alignment(view(scene, Similarity.identity()), Image.fromarray(other))
    assert result.confidence < 0.12
    flat = Image.new("RGB", SIZE, (200, 150, 120))
    assert estimate_alignment(flat, flat).confidence == 0.0


def test_the_grid_search_takes_over_when_the_log_polar_guess_fails(
    scene: np.ndarray, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(alignment, "_rotation_scale_candidates", lambda ref, moving: [])
    truth = about_centre(17.0, 1.12, (-120.0, 90.0))
    ref = view(scene, Similarity.identity())
    moving = retouch(view(scene, truth), seed=6, gain=0.8)
    result = estimate_alignment(ref, moving)
    assert corner_error(result.transform, truth) < 3.0


def test_photos_in_other_modes_align(scene: np.ndarray) -> None:
    truth = about_centre(5.0, 1.0, (20.0, -10.0))
    ref = view(scene, Similarity.identity()).convert("L")
    moving = view(scene, truth).convert("RGBA")
    assert corner_error(estimate_alignment(ref, moving).transform, truth) < 3.0


# ---------------------------------------------------------------------------------------------
# Different visits: the demo photos, whose patches shrink from visit to visit

BACKDROP = (20, 22, 26)

VISITS = [
    # site, later visit, rotation, scale, shift (px), exposure gain, white balance
    ("Face", 1, 20.0, 0.85, (-160.0, -120.0), 1.3, (1.1, 1.0, 0.9)),
    ("Face", 2, -8.5, 1.12, (95.0, -60.0), 0.75, (0.9, 1.0, 1.12)),
    ("Face", 3, 3.0, 0.93, (30.0, 110.0), 1.15, (1.05, 0.97, 0.92)),
    ("Hands", 1, -20.0, 1.15, (160.0, 120.0), 0.7, (0.92, 1.0, 1.1)),
    ("Hands", 2, 6.0, 1.0, (40.0, -25.0), 1.2, (1.08, 1.0, 0.88)),
    ("Hands", 3, 14.0, 0.88, (-120.0, 70.0), 0.85, (1.0, 1.06, 0.9)),
    ("Trunk", 1, -15.0, 0.85, (120.0, -100.0), 1.25, (0.88, 1.0, 1.08)),
    ("Trunk", 2, 17.5, 1.09, (-60.0, -120.0), 0.8, (1.1, 0.95, 1.0)),
    ("Trunk", 3, -2.5, 1.15, (-160.0, 40.0), 1.1, (0.95, 1.0, 1.1)),
]


def later_visit(
    site: str, visit: int, truth: Similarity, gain: float, balance: tuple[float, float, float]
) -> Image.Image:
    """The demo photo of ``site`` at ``visit`` seen through ``truth`` (its pixel q shows the
    point truth(q) of the visit's own frame, the frame of visit 0), with another exposure and
    white balance; dark cloth where the view leaves the photo."""
    from vitidesk.core.demo_photos import render_sample

    seen = render_sample(site, visit).transform(
        SIZE,
        Image.Transform.AFFINE,
        pillow_affine(truth.matrix()),
        Image.Resampling.BILINEAR,
        fillcolor=BACKDROP,
    )
    pixels = np.asarray(seen, np.float32) * gain * np.asarray(balance, np.float32)
    return Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))


@pytest.fixture(scope="module")
def first_visits() -> dict[str, Image.Image]:
    from vitidesk.core.demo_photos import render_sample

    return {site: render_sample(site, 0) for site in ("Face", "Hands", "Trunk")}


@pytest.mark.parametrize(("site", "visit", "rotation", "scale", "shift", "gain", "balance"), VISITS)
def test_photos_from_different_visits_align_within_3_px(
    first_visits: dict[str, Image.Image],
    site: str,
    visit: int,
    rotation: float,
    scale: float,
    shift: tuple[float, float],
    gain: float,
    balance: tuple[float, float, float],
) -> None:
    truth = about_centre(rotation, scale, shift)
    moving = later_visit(site, visit, truth, gain, balance)
    result = estimate_alignment(first_visits[site], moving)
    error = corner_error(result.transform, truth)
    assert error <= 3.0, (truth, result.transform, error)
    assert result.confidence > 0.3


@pytest.mark.parametrize(
    ("site", "visit", "rotation", "scale", "shift", "gain", "balance"), VISITS[::4]
)
def test_the_structure_alone_aligns_different_visits(
    first_visits: dict[str, Image.Image],
    monkeypatch: pytest.MonkeyPatch,
    site: str,
    visit: int,
    rotation: float,
    scale: float,
    shift: tuple[float, float],
    gain: float,
    balance: tuple[float, float, float],
) -> None:
    """Without the last, texture, refinement (as when the visits share no fine texture)."""
    monkeypatch.setattr(alignment, "_refine_texture", lambda ref, moving, found, levels: found)
    truth = about_centre(rotation, scale, shift)
    moving = later_visit(site, visit, truth, gain, balance)
    error = corner_error(estimate_alignment(first_visits[site], moving).transform, truth)
    assert error <= 3.0, error


def test_a_later_visit_turned_by_pillow_rotate(first_visits: dict[str, Image.Image]) -> None:
    """Pillow's rotate(6) turns the picture counter-clockwise on screen about (800, 600) in its
    pixel-corner coordinates, then shifts it: taking it back is a clockwise turn, +6° here."""
    from vitidesk.core.demo_photos import render_sample

    moving = render_sample("Hands", 2).rotate(
        6.0, resample=Image.Resampling.BILINEAR, translate=(40, -25), fillcolor=BACKDROP
    )
    corner_centre = np.array([800.0, 600.0])  # Pillow's centre, in pixel-corner coordinates
    turn = Similarity(0.0, 0.0, 6.0, 1.0)
    # moving (corner coords) c -> turn(c - centre - shift) + centre; pixel centres are c - 0.5.
    offset = corner_centre - turn.apply(corner_centre + np.array([40.0, -25.0]))
    offset += turn.apply(np.array([0.5, 0.5])) - np.array([0.5, 0.5])
    truth = Similarity(float(offset[0]), float(offset[1]), 6.0, 1.0)
    assert np.allclose(truth.apply(np.array([410.83, 318.45])), [400.0, 300.0], atol=0.1)
    result = estimate_alignment(first_visits["Hands"], moving)
    assert corner_error(result.transform, truth) <= 3.0, result.transform


def test_tiny_images_are_refused() -> None:
    with pytest.raises(ValueError, match="too small"):
        estimate_alignment(Image.new("RGB", (20, 20)), Image.new("RGB", (200, 200)))


# ---------------------------------------------------------------------------------------------
# Files


def test_align_files_decodes_upright_and_aligns(scene: np.ndarray, tmp_path: Path) -> None:
    truth = about_centre(-9.0, 1.06, (-50.0, 35.0))
    ref_path, moving_path = tmp_path / "visit1.png", tmp_path / "visit2.jpg"
    view(scene, Similarity.identity()).save(ref_path)
    # Stored sideways with EXIF orientation 6: decoding must turn it upright first.
    exif = Image.Exif()
    exif[0x0112] = 6
    sideways = retouch(view(scene, truth), seed=7).transpose(Image.Transpose.ROTATE_90)
    sideways.save(moving_path, "JPEG", quality=90, exif=exif)
    result = align_files(ref_path, moving_path)
    assert corner_error(result.transform, truth) < 3.0


def test_bad_files_are_one_line_user_errors(tmp_path: Path) -> None:
    good = tmp_path / "good.png"
    Image.new("RGB", (100, 80), "white").save(good)
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"\xff\xd8\xff\xe0 not really")
    tiny = tmp_path / "tiny.png"
    Image.new("RGB", (10, 10)).save(tiny)
    for ref, moving, reason in [
        (tmp_path / "missing.jpg", good, "no such file"),
        (good, broken, ""),
        (good, tiny, "too small"),
        (tmp_path, good, "not a file"),
    ]:
        with pytest.raises(UserError) as caught:
            align_files(ref, moving)
        message = caught.value.one_line()
        assert "\n" not in message and reason in message
