"""``photos measure``: the parser pieces, JSON and readable output, one-line refusals."""

from __future__ import annotations

import argparse
import io
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from tests.depigmentation_samples import make_sample
from vitidesk.commands import CommandContext
from vitidesk.commands.photo_measure import add_measure_parser, run_measure
from vitidesk.errors import UserError
from vitidesk.paths import AppPaths


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="photos")
    actions = parser.add_subparsers(dest="photos_action", required=True)
    add_measure_parser(actions)
    return parser


def _run(tmp_path: Path, *argv: str) -> tuple[int, str]:
    args = _parser().parse_args(["measure", *argv])
    out = io.StringIO()
    ctx = CommandContext(AppPaths.resolve(tmp_path, demo=False), out=out)
    return run_measure(args, ctx), out.getvalue()


@pytest.fixture(scope="module")
def photo(tmp_path_factory) -> tuple[Path, float]:
    sample = make_sample(2, 0)
    path = tmp_path_factory.mktemp("photos") / "arm.jpg"
    sample.image.save(path, "JPEG", quality=92)
    return path, sample.fraction


def test_json_output(tmp_path: Path, photo) -> None:
    path, truth = photo
    code, out = _run(tmp_path, str(path), "--json")
    assert code == 0
    data = json.loads(out)
    assert set(data) == {
        "depigmented_fraction",
        "threshold",
        "auto_threshold",
        "skin_pixels",
        "depigmented_pixels",
        "area_cm2",
        "method",
        "light",
    }
    assert data["method"] == "automatic" and data["light"] == "visible"
    assert abs(data["depigmented_fraction"] - truth) < 0.03
    assert data["threshold"] == data["auto_threshold"]
    assert data["area_cm2"] is None


def test_readable_line_says_it_is_an_estimate(tmp_path: Path, photo) -> None:
    path, _ = photo
    code, out = _run(tmp_path, str(path))
    assert code == 0
    lines = out.strip().splitlines()
    assert len(lines) == 1
    assert "estimate, not a diagnosis" in lines[0] and "%" in lines[0]
    code, out = _run(tmp_path, str(path), "--roi", "100,100,300,200")
    assert code == 0 and "in the region" in out


def test_threshold_and_roi(tmp_path: Path, photo) -> None:
    path, _ = photo
    _, whole = _run(tmp_path, str(path), "--json")
    _, strict = _run(tmp_path, str(path), "--json", "--threshold", "60")
    _, lax = _run(tmp_path, str(path), "--json", "--threshold", "-5")
    whole, strict, lax = json.loads(whole), json.loads(strict), json.loads(lax)
    assert strict["threshold"] == 60.0 and strict["auto_threshold"] == whole["auto_threshold"]
    assert strict["depigmented_fraction"] <= whole["depigmented_fraction"]
    assert lax["depigmented_fraction"] >= whole["depigmented_fraction"]
    _, part = _run(tmp_path, str(path), "--json", "--roi", "0,0,400,300")
    assert json.loads(part)["skin_pixels"] < whole["skin_pixels"]


@pytest.mark.parametrize(
    ("roi", "reason"),
    [
        ("1,2,3", "not a region like X,Y,W,H"),
        ("a,b,c,d", "not a region like X,Y,W,H"),
        ("0,0,0,10", "W and H more than 0"),
        ("-1,0,10,10", "X and Y must be 0 or more"),
        ("9000,9000,10,10", "outside"),
    ],
)
def test_a_bad_roi_is_one_line(tmp_path: Path, photo, roi: str, reason: str) -> None:
    path, _ = photo
    with pytest.raises(UserError) as caught:
        _run(tmp_path, str(path), f"--roi={roi}")
    line = caught.value.one_line()
    assert line.startswith(f"--roi {roi}: ") and reason in line
    assert "\n" not in line


def test_bad_files_are_one_line(tmp_path: Path) -> None:
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"\xff\xd8\xff\xe0 not really")
    text = tmp_path / "notes.txt"
    text.write_text("hello")
    for path, reason in (
        (tmp_path / "missing.jpg", "no such file"),
        (broken, ""),
        (text, "not an image"),
        (tmp_path, "not a file"),
    ):
        with pytest.raises(UserError) as caught:
            _run(tmp_path, str(path))
        line = caught.value.one_line()
        assert line.startswith(f"{path}: ") and reason in line and "\n" not in line


@pytest.fixture(scope="module")
def case_photo(tmp_path_factory):
    from tests.skin_photos import render

    case = render(0)
    path = tmp_path_factory.mktemp("photos") / "leg.jpg"
    case.image.save(path, "JPEG", quality=92)
    return path, case


def test_seeds_and_the_mask_out(tmp_path: Path, case_photo) -> None:
    path, case = case_photo
    (px, py), (sx, sy) = case.patch_point, case.skin_point
    mask_path = tmp_path / "mask.png"
    code, out = _run(
        tmp_path,
        str(path),
        "--patch", f"{px},{py}",
        "--skin", f"{sx},{sy}",
        "--mask-out", str(mask_path),
        "--json",
    )  # fmt: skip
    assert code == 0
    data = json.loads(out)
    assert data["method"] == "seeded"
    assert abs(data["depigmented_fraction"] - case.fraction) < 0.03
    from PIL import Image

    with Image.open(mask_path) as mask:
        assert mask.size == case.image.size and mask.mode == "L"
        pixels = np.asarray(mask)
    assert set(np.unique(pixels)) <= {0, 255}
    counted = pixels == 255
    assert 2 * (counted & case.truth).sum() / (counted.sum() + case.truth.sum()) > 0.85
    # A scale gives the area in cm², and the readable line says where the number came from.
    code, out = _run(tmp_path, str(path), "--patch", f"{px},{py}", "--skin", f"{sx},{sy}",
                     "--px-per-cm", "40")  # fmt: skip
    assert "cm²" in out and "from your clicks" in out and "not a diagnosis" in out


def test_a_point_outside_the_photo_is_one_line(tmp_path: Path, case_photo) -> None:
    path, _ = case_photo
    for option, text in (("--patch", "5000,10"), ("--skin", "x,y"), ("--patch", "1")):
        with pytest.raises(UserError) as caught:
            _run(tmp_path, str(path), option, text, "--skin", "10,10")
        line = caught.value.one_line()
        assert line.startswith(f"{option} ") and "\n" not in line


@pytest.mark.parametrize("name", ["flower", "plain skin colour", "printed page (warm light)"])
def test_a_photo_without_skin_is_refused_in_one_line(tmp_path: Path, name: str) -> None:
    from tests.skin_photos import non_skin_photos

    path = tmp_path / "not-skin.jpg"
    non_skin_photos()[name].save(path, "JPEG", quality=90)
    with pytest.raises(UserError) as caught:
        _run(tmp_path, str(path), "--json")
    line = caught.value.one_line()
    assert line.startswith(f"{path}: ") and "skin" in line and "\n" not in line


def test_a_photo_without_skin_exits_2_naming_the_file(tmp_path: Path) -> None:
    from PIL import Image

    path = tmp_path / "grey.png"
    Image.new("RGB", (300, 200), (128, 128, 128)).save(path)
    env_dir = tmp_path / "data"
    result = subprocess.run(
        [sys.executable, "-m", "vitidesk", "--data-dir", str(env_dir), "photos", "measure",
         str(path)],
        capture_output=True,
        text=True,
    )  # fmt: skip
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(path) in lines[0] and "skin" in lines[0]


def test_importing_the_command_does_not_load_qt() -> None:
    code = (
        "import sys\n"
        "import vitidesk.commands.photo_measure\n"
        "import vitidesk.core.depigmentation\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
