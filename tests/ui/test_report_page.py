"""The Report section on small laptop screens: options whole, no sideways scrolling, and a
preview whose pages fit their pane and follow one another."""

from __future__ import annotations

import contextlib
import itertools

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit

from tests.ui.looks import look_applied
from vitidesk.ui.main_window import MainWindow


@pytest.mark.parametrize("size", [(1920, 1080), (1366, 768), (1280, 720)])
@pytest.mark.parametrize("scheme", ["light", "dark", None])
def test_report_section_fits_a_small_screen(qtbot, qapp, demo_state, size, scheme) -> None:
    """None: the platform's plain style, where wrapped labels may give no height-for-width."""
    with look_applied(qapp, scheme) if scheme else contextlib.nullcontext():
        window = MainWindow(demo_state)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.setMaximumSize(16777215, 16777215)  # the test screen is smaller than a laptop's
        window.resize(*size)
        window.sidebar.select(3)
        page = window.current_page()
        qtbot.waitUntil(lambda: window.width() == size[0] and page.options_scroll.isVisible())
        options = page.options_scroll
        viewport = options.viewport()
        # nothing to scroll sideways to, once the scroll bar has come or gone
        qtbot.waitUntil(lambda: options.widget().width() <= viewport.width())
        inner = options.widget()
        needed = inner.layout().totalHeightForWidth(inner.width())
        least = max(needed, inner.minimumSizeHint().height())
        qtbot.waitUntil(lambda: inner.height() >= least)  # never squeezed: all can be scrolled to
        tail = options.verticalScrollBar().maximum() - max(0, least - viewport.height())
        assert tail <= 2, tail  # and no empty scroll below it
        controls = [
            w
            for kind in (QAbstractButton, QLineEdit, QComboBox)
            for w in options.widget().findChildren(kind)
            if w.isVisibleTo(options.widget())
        ]
        assert len(controls) > 10
        for control in controls:
            right = control.mapTo(viewport, QPoint(control.width(), 0)).x()
            assert right <= viewport.width(), (
                control.text() if hasattr(control, "text") else control
            )
            assert control.width() >= control.minimumSizeHint().width(), control

        page.include_photos.setChecked(False)
        page.make_preview()
        qtbot.waitUntil(lambda: bool(page.page_labels), timeout=30000)
        pane = page.preview_scroll.viewport()
        qtbot.waitUntil(lambda: page.preview.height() >= sum(p.height() for p in page.page_labels))
        assert len(page.page_labels) >= 2
        for label in page.page_labels:
            left = label.mapTo(pane, QPoint(0, 0)).x()
            assert left >= 0 and left + label.width() <= pane.width(), (left, label.width())
        for above, below in itertools.pairwise(page.page_labels):
            assert above.geometry().bottom() < below.geometry().top()  # one after the other
        window.close()
