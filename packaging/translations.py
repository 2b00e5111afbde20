"""Extract every tr() string into resources/translations/vitidesk_en.ts (the file translators
start from) and, with --compile, build .qm files next to the .ts files for the app to load.

    python packaging/translations.py [--compile]
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS_DIR = ROOT / "resources" / "translations"


def tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).with_name(name))
    if not Path(found).exists():
        raise SystemExit(f"translations: {name} is missing (it comes with PySide6)")
    return found


def sources() -> list[str]:
    return sorted(str(path) for path in (ROOT / "src" / "vitidesk" / "ui").rglob("*.py"))


def extract(target: Path) -> None:
    subprocess.run(
        [tool("pyside6-lupdate"), "-no-obsolete", *sources(), "-ts", str(target)],
        check=True,
        capture_output=True,
    )


def main() -> int:
    TS_DIR.mkdir(parents=True, exist_ok=True)
    extract(TS_DIR / "vitidesk_en.ts")
    if "--compile" in sys.argv:
        for ts in TS_DIR.glob("vitidesk_*.ts"):
            if ts.name != "vitidesk_en.ts":  # English is the source language
                subprocess.run([tool("pyside6-lrelease"), str(ts)], check=True, capture_output=True)
    print(f"translations: {TS_DIR / 'vitidesk_en.ts'} updated")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
