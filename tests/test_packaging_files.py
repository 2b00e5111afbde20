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


def test_flatpak_manifest_is_offline_and_installs_our_files() -> None:
    import json
    import re

    manifest = json.loads((PACKAGING / "flatpak" / f"{APP_ID}.json").read_text())
    assert manifest["id"] == APP_ID
    arguments = " ".join(manifest["finish-args"])
    assert "network" not in arguments, "VitiDesk never goes online: no network in the sandbox"
    assert "--filesystem" not in arguments, "files come in through the portal's file chooser"
    sources = [s for module in manifest["modules"] for s in module["sources"]]
    wheels = [s for s in sources if s["type"] == "file"]
    assert all(re.fullmatch(r"[0-9a-f]{64}", s["sha256"]) for s in wheels)
    names = {s["url"].rsplit("/", 1)[1].split("-")[0].lower() for s in wheels}
    assert names == {
        "pyside6_essentials",
        "shiboken6",
        "numpy",
        "pillow",
        "pillow_heif",
        "platformdirs",
    }
    pyside = next(s["url"] for s in wheels if "pyside6_essentials" in s["url"])
    minor = int(re.search(r"-6\.(\d+)\.", pyside).group(1))
    assert 8 <= minor < 12, "the same PySide6 range as pyproject.toml"
    root = PACKAGING.parent
    for command in manifest["modules"][-1]["build-commands"]:
        for path in re.findall(r"\b(packaging/\S+)", command):
            assert (root / path).is_file(), path


def test_windows_installer_is_per_user_and_keeps_data_unless_asked() -> None:
    script = (PACKAGING / "windows" / "vitidesk.iss").read_text()
    assert f'#define AppVersion "{__version__}"' in script
    assert "PrivilegesRequired=lowest" in script
    assert "{autoprograms}" in script  # Start menu entry
    assert "MB_DEFBUTTON2, IDNO" in script  # "keep my data" is the default, and when silent
    assert '#define DataFolder "{localappdata}\\vitidesk"' in script


def test_the_data_folder_the_uninstaller_offers_to_delete_is_where_the_app_keeps_it(
    monkeypatch,
) -> None:
    """platformdirs on Windows puts data, the demo profile and logs in %LOCALAPPDATA%\\vitidesk."""
    import platformdirs.windows as windows_dirs

    from vitidesk import paths

    for name in ("VITIDESK_DATA_DIR", "VITIDESK_DEMO_DIR", "VITIDESK_LOG_DIR"):
        monkeypatch.delenv(name)
    monkeypatch.setattr(windows_dirs, "get_win_folder", lambda name: "LOCAL")
    monkeypatch.setattr(paths.platformdirs, "user_data_path", _windows("user_data_path"))
    monkeypatch.setattr(paths.platformdirs, "user_cache_path", _windows("user_cache_path"))
    monkeypatch.setattr(paths.platformdirs, "user_log_path", _windows("user_log_path"))
    for folder in (paths.default_data_dir(), paths.default_demo_dir(), paths.default_log_dir()):
        assert folder.as_posix().startswith("LOCAL/vitidesk"), folder


def _windows(attribute: str):
    import platformdirs.windows as windows_dirs

    def resolve(appname: str, appauthor: object = None, **kwargs: object) -> Path:
        return getattr(windows_dirs.Windows(appname=appname, appauthor=appauthor), attribute)

    return resolve


def test_mac_bundle_settings_follow_dark_mode_and_retina() -> None:
    spec = (PACKAGING / "vitidesk.spec").read_text()
    for key in ("NSHighResolutionCapable", "NSRequiresAquaSystemAppearance", "CFBundleVersion"):
        assert key in spec
    assert "bundle_identifier=APP_ID" in spec


def test_every_metainfo_screenshot_is_in_the_repository() -> None:
    images = [node.text for node in ET.parse(METAINFO).getroot().iter("image")]
    assert len(images) >= 2  # light and dark
    for url in images:
        assert (PACKAGING.parent / url.split("/main/", 1)[1]).is_file(), url
