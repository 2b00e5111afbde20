"""Shared by the compare-view tests: open Compare from Photos and wait for both photos."""

from __future__ import annotations


def open_compare_and_wait(qtbot, page):
    page.reload()
    page.open_compare()
    view = page.compare_view
    qtbot.waitUntil(
        lambda: all(p is not None and p.pixmap is not None for p in view.canvas.photos),
        timeout=10000,
    )
    return view
