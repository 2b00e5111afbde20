"""Backup and restore of a large library against ``tar cf`` and ``tar xf`` of the same
files, measured in the same run, with the restore's peak memory.

The library is many photo-sized files of random bytes (incompressible, like JPEGs) plus a
database. The backup side is ``vitidesk backup`` (snapshot, every checksum checked, ZIP,
fsync); the restore side is ``vitidesk restore`` into an empty folder (manifest and database
checked, every file unpacked once with its checksum, fsync, swap). Both flush to disk and
tar does not, so tar is also timed followed by ``sync``. Each runs in a fresh process; the
peak memory (max RSS) reported is the larger of the two. Targets (issue 19): backup <= 1.2x tar cf,
restore <= 1.5x tar xf, restore memory <= 100 MB.

    python benchmarks/backup_restore.py [--photos 400 --megabytes 5]   (about 2 GB)
    python benchmarks/backup_restore.py --quick                         (CI: proves it runs)
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from vitidesk.storage.database import Store
from vitidesk.storage.vault import FileVault


def make_library(data: Path, photos: int, size: int) -> int:
    with Store.open(data) as store:
        vault = FileVault(store)
        for index in range(photos):
            vault.add(f"photos/2026/{index:05d}.jpg", os.urandom(size), "photo")
    return photos * size


def _timed(command: list[str]) -> tuple[float, float]:
    """Seconds and the child's peak memory in MB."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    elapsed = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return elapsed, max(peak, before) / 1024


def _vitidesk(*args: str) -> list[str]:
    return [sys.executable, "-m", "vitidesk", *args]


def _synced(command: list[str]) -> float:
    """Seconds for ``command`` and then ``sync``: tar does not flush to disk, VitiDesk does."""
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    os.sync()
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--photos", type=int, default=400)
    parser.add_argument("--megabytes", type=float, default=5.0)
    parser.add_argument("--quick", action="store_true", help="a small run for CI")
    args = parser.parse_args()
    photos, size = (20, 256 * 1024) if args.quick else (args.photos, int(args.megabytes * 2**20))
    with tempfile.TemporaryDirectory(prefix="vitidesk-bench-") as work_dir:
        work = Path(work_dir)
        data = work / "data"
        total = make_library(data, photos, size)
        print(f"library: {photos} files, {total / 2**20:.0f} MB")
        os.sync()
        tar = work / "data.tar"
        tar_c, _ = _timed(["tar", "cf", str(tar), "-C", str(work), "data"])
        os.sync()
        tar.unlink()
        tar_c_sync = _synced(["tar", "cf", str(tar), "-C", str(work), "data"])
        backup = work / "b.zip"
        ours_c, _ = _timed(_vitidesk("--data-dir", str(data), "backup", "--out", str(backup)))
        os.sync()
        (work / "untar").mkdir()
        tar_x, _ = _timed(["tar", "xf", str(tar), "-C", str(work / "untar")])
        os.sync()
        shutil.rmtree(work / "untar")
        (work / "untar").mkdir()
        tar_x_sync = _synced(["tar", "xf", str(tar), "-C", str(work / "untar")])
        ours_x, peak = _timed(
            _vitidesk("--data-dir", str(work / "restored"), "restore", str(backup))
        )
    print(
        f"backup:  {ours_c:.2f} s; tar cf {tar_c:.2f} s -> {ours_c / tar_c:.2f}x (target 1.2); "
        f"tar cf + sync {tar_c_sync:.2f} s -> {ours_c / tar_c_sync:.2f}x"
    )
    print(
        f"restore: {ours_x:.2f} s; tar xf {tar_x:.2f} s -> {ours_x / tar_x:.2f}x (target 1.5); "
        f"tar xf + sync {tar_x_sync:.2f} s -> {ours_x / tar_x_sync:.2f}x"
    )
    print(f"peak memory of the backup and restore processes: {peak:.0f} MB (target 100)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
