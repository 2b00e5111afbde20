"""Render the app icon (SVG) to the PNG sizes desktops want, plus .ico and .icns, into
build/icons (not committed).

python packaging/make_icons.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
APP_ID = "io.github.vitidesk.VitiDesk"


def main() -> int:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841
    renderer = QSvgRenderer(str(ROOT / "packaging" / "icons" / f"{APP_ID}.svg"))
    if not renderer.isValid():
        print("make_icons: the SVG icon cannot be read", file=sys.stderr)
        return 1
    for size in SIZES:
        target = ROOT / "build" / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        if not image.save(str(target)):
            print(f"make_icons: cannot write {target}", file=sys.stderr)
            return 1
    write_platform_icons(ROOT / "build" / "icons")
    print(f"icons: {len(SIZES)} PNG sizes, .ico and .icns in {ROOT / 'build' / 'icons'}")
    return 0


def write_platform_icons(folder: Path) -> None:
    """vitidesk.ico (Windows installer and .exe) and vitidesk.icns (macOS .app), from the
    largest PNG; Pillow scales it down for each size the formats hold."""
    from PIL import Image

    largest = Image.open(folder / "hicolor" / "512x512" / "apps" / f"{APP_ID}.png")
    largest.save(folder / "vitidesk.ico", sizes=[(s, s) for s in (16, 24, 32, 48, 64, 128, 256)])
    largest.save(folder / "vitidesk.icns")


if __name__ == "__main__":
    raise SystemExit(main())
