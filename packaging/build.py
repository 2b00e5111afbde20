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
    with tempfile.TemporaryDirectory() as data:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", VITIDESK_DATA_DIR=data)
        check = subprocess.run(
            [str(binary), "info", "--json"], env=env, capture_output=True, text=True
        )
        if check.returncode != 0:
            print(check.stderr)
            return 1
    print("smoke test: passed (--exit-when-ready and info)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
