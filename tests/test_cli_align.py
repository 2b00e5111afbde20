"""``vitidesk photos align REF MOVING``: JSON and readable output, one-line refusals, no Qt.

The subcommand is tried on its own parser here (the ``photos`` command wires it in).
"""

from __future__ import annotations

import argparse
import io
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from tests.core.test_alignment import corner_error
from tests.synthetic_skin import pillow_affine, skin_scene
from vitidesk.commands import CommandContext
from vitidesk.commands.photo_align import add_align_parser, run_align
from vitidesk.core.alignment import Similarity
from vitidesk.errors import UserError
from vitidesk.paths import AppPaths

TRUTH = Similarity(40.0, -25.0, 6.0, 1.05)  # MOVING -> REF, on 800x600 photos
SIZE = (800, 600)


@pytest.fixture(scope="module")
def photos(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("visits")
    scene = Image.fromarray(skin_scene(1000, 1200, seed=2))
    ref = scene.crop((200, 200, 200 + SIZE[0], 200 + SIZE[1]))
    m = np.array([[1, 0, 200], [0, 1, 200], [0, 0, 1.0]]) @ TRUTH.matrix()
    data = pillow_affine(m)
    moving = scene.transform(SIZE, Image.Transform.AFFINE, data, Image.Resampling.BILINEAR)
    darker = Image.eval(moving, lambda v: int(v * 0.8))
    ref_path, moving_path = folder / "visit1.jpg", folder / "visit2.png"
    ref.save(ref_path, "JPEG", quality=90)
    darker.save(moving_path)
    return ref_path, moving_path


def _run(tmp_path: Path, argv: list[str]) -> tuple[int, str]:
    parser = argparse.ArgumentParser(prog="vitidesk photos")
    actions = parser.add_subparsers(dest="photos_action", required=True)
    add_align_parser(actions)
    args = parser.parse_args(argv)
    out = io.StringIO()
    ctx = CommandContext(AppPaths.resolve(tmp_path / "data", demo=False), out=out)
    return run_align(args, ctx), out.getvalue()


def test_json_gives_the_transform_and_the_confidence(tmp_path: Path, photos) -> None:
    ref, moving = photos
    code, out = _run(tmp_path, ["align", str(ref), str(moving), "--json"])
    assert code == 0
    values = json.loads(out)
    assert set(values) == {"dx", "dy", "rotation_deg", "scale", "confidence"}
    found = Similarity(values["dx"], values["dy"], values["rotation_deg"], values["scale"])
    assert corner_error(found, TRUTH, SIZE) < 2.0
    assert 0.3 < values["confidence"] <= 1.0


def test_the_readable_line(tmp_path: Path, photos) -> None:
    ref, moving = photos
    code, out = _run(tmp_path, ["align", str(ref), str(moving)])
    assert code == 0
    line = out.strip()
    assert "\n" not in line
    assert "rotation +6.00 deg" in line and "scale 1.05" in line and "confidence" in line


def test_same_photo_twice_is_the_identity(tmp_path: Path, photos) -> None:
    ref, _ = photos
    _, out = _run(tmp_path, ["align", str(ref), str(ref), "--json"])
    values = json.loads(out)
    assert abs(values["dx"]) < 0.05 and abs(values["dy"]) < 0.05
    assert abs(values["rotation_deg"]) < 0.01 and abs(values["scale"] - 1) < 1e-4


def test_bad_files_raise_one_line_user_errors(tmp_path: Path, photos) -> None:
    ref, _ = photos
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"\xff\xd8\xff\xe0 not really")
    for argv, expected in [
        (["align", str(ref), str(broken)], str(broken)),
        (["align", str(tmp_path / "nope.jpg"), str(ref)], "no such file"),
    ]:
        with pytest.raises(UserError) as caught:
            _run(tmp_path, argv)
        assert expected in caught.value.one_line()
        assert "\n" not in caught.value.one_line()


def test_missing_arguments_are_refused_by_the_parser(tmp_path: Path) -> None:
    with pytest.raises(SystemExit):
        _run(tmp_path, ["align", "only-one.jpg"])


def test_importing_the_command_loads_neither_qt_nor_the_image_code() -> None:
    code = (
        "import sys\n"
        "import vitidesk.commands.photo_align\n"
        "print(sorted(m for m in ('PySide6', 'shiboken6', 'vitidesk.core.alignment')"
        " if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_aligning_loads_no_qt(photos) -> None:
    ref, moving = photos
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from vitidesk.core.alignment import align_files\n"
        f"align_files(Path({str(ref)!r}), Path({str(moving)!r}))\n"
        "print('PySide6' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"
