"""Build the one-folder bundle with PyInstaller, then smoke-test it.

    python packaging/build.py

Run it in a clean virtual environment that holds only VitiDesk and PyInstaller (an installed
PySide6-Addons would be picked up). Prints the bundle size and the start-up time of the
bundle against the installed app, both measured in this run.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DIST = ROOT / "dist"


def folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def time_start(command: list[str], runs: int = 5) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    times = []
    with tempfile.TemporaryDirectory() as data:
        env["VITIDESK_DATA_DIR"] = data
        for _ in range(runs + 1):
            start = time.perf_counter()
            subprocess.run(
                [*command, "--exit-when-ready"], env=env, check=True, capture_output=True
            )
            times.append(time.perf_counter() - start)
    return statistics.median(times[1:])


def main() -> int:
    shutil.rmtree(DIST / "vitidesk", ignore_errors=True)
    subprocess.run([sys.executable, str(ROOT / "packaging" / "make_icons.py")], check=True)
    # Extract the UI strings again and compile any translations to .qm (the spec bundles them).
    translations = [sys.executable, str(ROOT / "packaging" / "translations.py"), "--compile"]
    subprocess.run(translations, check=True)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--distpath",
            str(DIST),
            "--workpath",
            str(ROOT / "build" / "pyinstaller"),
            str(ROOT / "packaging" / "vitidesk.spec"),
        ],
        check=True,
    )
    bundle = DIST / "vitidesk"
    binary = bundle / ("vitidesk.exe" if os.name == "nt" else "vitidesk")
    size_mb = folder_size(bundle) / 1e6
    bundled = time_start([str(binary)])
    installed = time_start([sys.executable, "-m", "vitidesk"])
    print(f"bundle: {bundle} ({size_mb:.0f} MB; target < 250 MB)")
    print(
        f"start to first frame: bundle {bundled:.2f} s, installed app {installed:.2f} s "
        f"(ratio {bundled / installed:.2f}; target <= 1.5)"
    )
    if not smoke_test(binary):
        return 1
    print("smoke test: passed (--exit-when-ready, info, photo import and check)")
    return 0


def smoke_test(binary: Path) -> bool:
    """The bundle starts, reads its resources, decodes and stores a photo, and checks it."""
    from PIL import Image

    with tempfile.TemporaryDirectory() as folder:
        photo = Path(folder) / "hand.jpg"
        Image.new("RGB", (640, 480), (180, 130, 100)).save(photo, quality=90)
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", VITIDESK_DATA_DIR=folder + "/data")
        for command in (
            ["info", "--json"],
            ["photos", "import", str(photo), "--site", "Hands"],
            ["check"],
        ):
            run = subprocess.run([str(binary), *command], env=env, capture_output=True, text=True)
            if run.returncode != 0:
                print(f"smoke test: {' '.join(command)} failed\n{run.stdout}{run.stderr}")
                return False
    return True


if __name__ == "__main__":
    raise SystemExit(main())
