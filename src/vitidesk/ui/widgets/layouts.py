"""Emptying a layout that is filled again (crisis numbers, the review list, report pages)."""

from __future__ import annotations

from PySide6.QtWidgets import QLayout


def clear_layout(layout: QLayout) -> None:
    """Take every item out of ``layout``, nested layouts too; their widgets are hidden at
    once (no flicker) and deleted later (a signal being handled may still point at one)."""
    while layout.count():
        item = layout.takeAt(0)
        if item is None:
            continue
        widget = item.widget()
        if widget is not None:
            widget.hide()
            widget.deleteLater()
            continue
        inner = item.layout()
        if inner is not None:
            clear_layout(inner)
