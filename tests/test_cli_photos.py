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


def _stored_files(data: str) -> list[bytes]:
    from vitidesk.storage.database import Store
    from vitidesk.storage.vault import FileVault

    with Store.open(Path(data)) as store:
        vault = FileVault(store)
        return [vault.path_of(f.relpath).read_bytes() for f in vault.all()]


def test_import_keeps_only_pixels_no_comments(tmp_path: Path, capsys) -> None:
    picture = Image.open(oriented_jpeg(tmp_path / "plain.jpg", 1))
    commented = tmp_path / "commented.jpg"
    picture.save(commented, "JPEG", comment=b"SECRET: my address")
    gif = tmp_path / "commented.gif"
    picture.convert("P").save(gif, "GIF", comment=b"SECRET: my name")
    data = str(tmp_path / "data")
    assert main(["--data-dir", data, "photos", "import", str(commented), str(gif)]) == 0
    assert "2 imported" in capsys.readouterr().out
    stored = _stored_files(data)
    assert len(stored) == 4 and not [blob for blob in stored if b"SECRET" in blob]


def test_a_file_name_that_is_not_utf8_is_one_refused_file_among_the_rest(
    tmp_path: Path, capsys
) -> None:
    import os

    folder = tmp_path / "camera"
    folder.mkdir()
    oriented_jpeg(folder / "a.jpg", 1)
    latin1 = Path(os.fsdecode(bytes(folder) + b"/caf\xe9.jpg"))
    oriented_jpeg(tmp_path / "tmp.jpg", 3).rename(latin1)
    oriented_jpeg(folder / "z.jpg", 6)
    code = main(["--data-dir", str(tmp_path / "data"), "photos", "import", str(folder)])
    captured = capsys.readouterr()
    assert code == 2
    errors = captured.err.strip().splitlines()
    assert errors == [
        f"vitidesk: error: {folder}/caf\ufffd.jpg: the file name is not valid UTF-8 text; "
        "rename the file and import it again"
    ]
    assert "Done: 2 imported, 0 skipped as duplicates, 1 refused." in captured.out


def test_hidden_files_are_skipped_and_broken_links_reported(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "phone"
    (folder / ".thumbnails").mkdir(parents=True)
    oriented_jpeg(folder / "a.jpg", 1)
    oriented_jpeg(folder / ".hidden.jpg", 1)
    oriented_jpeg(folder / ".thumbnails" / "t.jpg", 1)
    (folder / "gone.jpg").symlink_to(tmp_path / "nowhere.jpg")
    code = main(["--data-dir", str(tmp_path / "data"), "photos", "import", str(folder)])
    captured = capsys.readouterr()
    assert code == 2
    assert captured.err.strip().splitlines() == [
        f"vitidesk: error: {folder / 'gone.jpg'}: a broken link (it points to "
        f"{tmp_path / 'nowhere.jpg'}, which does not exist)"
    ]
    assert "Done: 1 imported, 0 skipped as duplicates, 1 refused." in captured.out


def test_each_file_is_told_as_it_goes_with_a_bar_on_a_terminal(
    tmp_path: Path, capsys, monkeypatch
) -> None:
    import io
    import sys

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    files = [str(oriented_jpeg(tmp_path / f"IMG_{n}.jpg", n)) for n in (1, 3, 6)]
    assert main(["--data-dir", str(tmp_path / "data"), "photos", "import", *files]) == 0
    drawn = terminal.getvalue()
    assert "\r[" in drawn and "] 1/3" in drawn and "left  IMG_3.jpg" in drawn
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 4 and all("imported to Unsorted" in line for line in lines[:3])


def test_ctrl_c_stops_cleanly_and_says_what_was_imported(
    tmp_path: Path, capsys, monkeypatch
) -> None:
    import vitidesk.storage.photo_batch as batch

    real = batch.prepare_photo
    seen: list[Path] = []

    def interrupted(path, taken=None):
        seen.append(path)
        if len(seen) == 3:
            raise KeyboardInterrupt
        return real(path, taken)

    monkeypatch.setattr(batch, "prepare_photo", interrupted)
    files = [str(oriented_jpeg(tmp_path / f"IMG_{n}.jpg", n)) for n in (1, 3, 6, 8)]
    data = str(tmp_path / "data")
    assert main(["--data-dir", data, "photos", "import", *files]) == 130
    out = capsys.readouterr().out
    assert "Stopped after 2 of 4 file(s): 2 imported, 0 skipped as duplicates, 0 refused." in out
    assert main(["--data-dir", data, "check"]) == 0
    assert "Files checked: 4" in capsys.readouterr().out
