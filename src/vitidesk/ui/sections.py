"""The app's sections, in sidebar order. Pages are built the first time they are shown."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QSize
from PySide6.QtWidgets import QStackedWidget, QWidget

from vitidesk.ui.app_state import AppState


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    icon: str
    build: Callable[[AppState], QWidget]


def _build_learn(state: AppState) -> QWidget:
    from vitidesk.ui.learn.page import build_learn_page

    return build_learn_page(state)


def _build_photos(state: AppState) -> QWidget:
    from vitidesk.ui.photos.page import build_photos_page

    return build_photos_page(state)


def _build_wellbeing(state: AppState) -> QWidget:
    from vitidesk.ui.wellbeing.page import build_wellbeing_page

    return build_wellbeing_page(state)


def _build_report(state: AppState) -> QWidget:
    from vitidesk.ui.report.page import build_report_page

    return build_report_page(state)


def _build_settings(state: AppState) -> QWidget:
    from vitidesk.ui.settings.page import build_settings_page

    return build_settings_page(state)


def sections() -> list[Section]:
    tr = QCoreApplication.translate
    return [
        Section("learn", tr("Sections", "Learn"), "learn", _build_learn),
        Section("photos", tr("Sections", "Photos"), "photos", _build_photos),
        Section("wellbeing", tr("Sections", "Wellbeing"), "wellbeing", _build_wellbeing),
        Section("report", tr("Sections", "Report"), "report", _build_report),
        Section("settings", tr("Sections", "Settings and About"), "settings", _build_settings),
    ]


PAGE_MIN_SIZE = QSize(620, 470)
"""The least room any section page needs (tests/ui/test_small_screens.py holds every page and
sub-view to it). The stack always asks for this much, no more and no less, so the window's
minimum never changes with the section: it never jumps wider or taller on a switch, and with
the sidebar, banners and footer it fits a 1280 x 720 screen."""


class LazyStack(QStackedWidget):
    """A stack whose pages are created on first use, so start-up stays fast."""

    def minimumSizeHint(self) -> QSize:
        return PAGE_MIN_SIZE

    def __init__(self, state: AppState, specs: list[Section]) -> None:
        super().__init__()
        self._state = state
        self._specs = specs
        self._built: dict[int, QWidget] = {}
        for _ in specs:
            self.addWidget(QWidget())

    def show_section(self, index: int, *, defer: bool = False) -> None:
        """Show section ``index``; with ``defer``, its page is built by :meth:`build_current`
        (after the window's first frame), and a light stand-in with its title shows until then."""
        if defer and index not in self._built:
            stub = self.widget(index)
            if stub is not None and not stub.layout():
                from vitidesk.ui.widgets.page import SectionPage

                self.insertWidget(index, SectionPage(self._specs[index].title, ""))
                self.removeWidget(stub)
                stub.deleteLater()
            self.setCurrentIndex(index)
            return
        self.page(index)
        self.setCurrentIndex(index)

    def build_current(self) -> QWidget:
        index = self.currentIndex()
        page = self.page(index)
        self.setCurrentIndex(index)
        return page

    def page(self, index: int) -> QWidget:
        if index not in self._built:
            page = self._specs[index].build(self._state)
            stub = self.widget(index)
            self.insertWidget(index, page)
            if stub is not None:
                self.removeWidget(stub)
                stub.deleteLater()
            self._built[index] = page
        return self._built[index]
