"""Shared by the compare-view tests: open Compare from Photos and wait for both photos, open it
on one body site of a profile, and measure the whole photo."""

from __future__ import annotations

from PySide6.QtCore import Qt


def open_compare_and_wait(qtbot, page, reload: bool = True):
    if reload:
        page.reload()
    page.open_compare()
    view = page.compare_view
    qtbot.waitUntil(
        lambda: all(p is not None and p.pixmap is not None for p in view.canvas.photos),
        timeout=10000,
    )
    return view


def open_compare_on_site(qtbot, window, site: str = "Hands"):
    """Photos, that body site chosen, Compare: its first and latest photo."""
    window.sidebar.select(1)
    page = window.current_page()
    names = [page.sites.item(row).text() for row in range(page.sites.count())]
    page.sites.setCurrentRow(next(i for i, name in enumerate(names) if name.startswith(site)))
    return open_compare_and_wait(qtbot, page)


def measure_whole_photo(qtbot, view) -> None:
    panel = view.panel
    qtbot.mouseClick(panel.whole_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.result.text().startswith("Before"), timeout=30000)


def resize_window(qtbot, window, width: int, height: int) -> None:
    """The window at exactly this size. The test screen is small and the window never grows
    past its screen, so lift that limit first: this stands for a screen of at least that size."""
    window.setMaximumSize(10_000, 10_000)
    window.resize(width, height)
    qtbot.waitUntil(lambda: (window.width(), window.height()) == (width, height))
