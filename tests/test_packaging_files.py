"""The Linux desktop entry and AppStream metainfo pass the freedesktop validators."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from vitidesk import APP_ID, __version__

PACKAGING = Path(__file__).resolve().parents[1] / "packaging"
DESKTOP = PACKAGING / f"{APP_ID}.desktop"
METAINFO = PACKAGING / f"{APP_ID}.metainfo.xml"


def _run(*command: str) -> subprocess.CompletedProcess:
    if shutil.which(command[0]) is None:
        pytest.fail(
            f"{command[0]} is missing: .ci/run installs it (apt desktop-file-utils appstream)"
        )
    return subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)


def test_desktop_entry_is_valid() -> None:
    result = _run("desktop-file-validate", str(DESKTOP))
    assert result.returncode == 0, result.stdout + result.stderr


def test_metainfo_is_valid_and_matches_the_app() -> None:
    result = _run("appstreamcli", "validate", "--no-net", str(METAINFO))
    assert result.returncode == 0, result.stdout + result.stderr
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert root.find("launchable").text == DESKTOP.name
    assert root.find("releases/release").get("version") == __version__
    assert root.find("supports/internet").text == "offline-only"


def test_icon_and_ids_agree() -> None:
    assert (PACKAGING / "icons" / f"{APP_ID}.svg").is_file()
    assert f"Icon={APP_ID}" in DESKTOP.read_text()
