"""``vitidesk photos`` from a shell: exit codes, one-line refusals, JSON listing."""

from __future__ import annotations

import json
from pathlib import Path

from PIL import Image

from tests.photo_samples import QUADRANTS, close, oriented_jpeg, quadrant_colours
from vitidesk.cli import main


def test_import_list_and_duplicate(tmp_path: Path, capsys) -> None:
    data = str(tmp_path / "data")
    photo = oriented_jpeg(tmp_path / "IMG_1.jpg", 8)
    assert (
        main(
            [
                "--data-dir",
                data,
                "photos",
                "import",
                str(photo),
                "--site",
                "Hands",
                "--taken",
                "2026-03-01",
            ]
        )
        == 0
    )
    assert "imported to Hands, 2026-03-01" in capsys.readouterr().out
    assert main(["--data-dir", data, "photos", "import", str(photo), "--site", "Hands"]) == 0
    assert "skipped" in capsys.readouterr().out
    assert main(["--data-dir", data, "photos", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert len(listed) == 1
    entry = listed[0]
    assert {"id", "site", "taken_at", "path", "width", "height"} <= set(entry)
    assert (entry["site"], entry["taken_at"], entry["width"], entry["height"]) == (
        "Hands",
        "2026-03-01",
        120,
        80,
    )
    stored = Path(entry["path"])
    assert stored.is_absolute() and stored.is_file()
    assert close(quadrant_colours(Image.open(stored))["top_left"], QUADRANTS["top_left"])


def test_a_refused_file_gives_one_line_and_exit_2_but_the_rest_import(
    tmp_path: Path, capsys
) -> None:
    good = oriented_jpeg(tmp_path / "good.jpg", 1)
    bad = tmp_path / "broken.jpg"
    bad.write_bytes(b"\xff\xd8\xff\xe0 not really")
    code = main(["--data-dir", str(tmp_path / "d"), "photos", "import", str(bad), str(good)])
    captured = capsys.readouterr()
    assert code == 2
    errors = captured.err.strip().splitlines()
    assert len(errors) == 1 and errors[0].startswith(f"vitidesk: error: {bad}: ")
    assert "1 imported" in captured.out and "1 refused" in captured.out


def test_bad_arguments_are_one_line(tmp_path: Path, capsys) -> None:
    data = str(tmp_path / "d")
    assert main(["--data-dir", data, "photos", "import", "x.jpg", "--taken", "March"]) == 2
    assert "is not a date" in capsys.readouterr().err
    assert main(["--data-dir", data, "photos", "list", "--site", "Moon"]) == 2
    assert "Moon: no such body site" in capsys.readouterr().err
