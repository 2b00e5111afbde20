"""Light and dark schemes: readable contrast, the Appearance setting, following the system."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from tests.ui.looks import look_applied
from vitidesk.core.questionnaires import get_instrument
from vitidesk.core.resources import read_text
from vitidesk.ui import look, theme
from vitidesk.ui.main_window import MainWindow
from vitidesk.ui.wellbeing.trend_chart import TrendChart


@pytest.fixture
def styled_app(qapp: QApplication) -> Iterator[QApplication]:
    """The app with VitiDesk's look; put back as it was afterwards."""
    with look_applied(qapp):
        yield qapp


@pytest.mark.parametrize("scheme", sorted(theme.SCHEMES))
def test_every_text_colour_is_readable_on_its_background(scheme: str) -> None:
    colours = theme.SCHEMES[scheme]
    weak = {
        (fg, bg): round(theme.contrast_ratio(colours[fg], colours[bg]), 2)
        for fg, bg in theme.TEXT_PAIRS
        if theme.contrast_ratio(colours[fg], colours[bg]) < 4.5
    }
    assert not weak, f"{scheme}: below WCAG AA 4.5:1: {weak}"


def test_both_schemes_define_every_colour_the_style_sheet_uses() -> None:
    assert theme.SCHEMES["light"].keys() == theme.SCHEMES["dark"].keys()
    used = set(re.findall(r"@([a-z_]+)", read_text("styles", "app.qss")))
    assert used <= theme.SCHEMES["light"].keys()
    for scheme in theme.SCHEMES:
        assert "@" not in look.style_sheet(scheme)


def test_system_hint_decides_only_when_the_setting_says_follow() -> None:
    dark, light, unknown = Qt.ColorScheme.Dark, Qt.ColorScheme.Light, Qt.ColorScheme.Unknown
    assert theme.resolve_scheme("system", dark) == "dark"
    assert theme.resolve_scheme("system", unknown) == "light"
    assert theme.resolve_scheme("light", dark) == "light"
    assert theme.resolve_scheme("dark", light) == "dark"


def _lightness(widget: QWidget, point: QPoint) -> int:
    return widget.grab().toImage().pixelColor(point).lightness()


def test_choosing_dark_in_settings_repaints_the_whole_window(qtbot, styled_app, state) -> None:
    window = MainWindow(state)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    look.AppearanceFollower(styled_app, state)
    sidebar = window.findChild(QWidget, "Sidebar")
    assert _lightness(sidebar, QPoint(5, sidebar.height() // 2)) > 200

    settings_page = window.stack.page(window.stack.count() - 1)
    box = settings_page.appearance_box
    box.setCurrentIndex(box.findData("dark"))

    assert state.settings.appearance == "dark"
    assert theme.current_scheme() == "dark"
    assert QApplication.palette().window().color().lightness() < 60
    assert _lightness(sidebar, QPoint(5, sidebar.height() // 2)) < 60
    section_icon = look.icon("learn").pixmap(32, 32).toImage()
    ink = max(
        section_icon.pixelColor(x, y).lightness()
        for x in range(32)
        for y in range(32)
        if section_icon.pixelColor(x, y).alpha() > 200
    )
    assert ink > 180, "section icons must turn light on the dark sidebar"

    box.setCurrentIndex(box.findData("light"))
    assert _lightness(sidebar, QPoint(5, sidebar.height() // 2)) > 200


def test_following_the_system_switches_when_the_system_does(
    qtbot, styled_app, state, monkeypatch
) -> None:
    follower = look.AppearanceFollower(styled_app, state)
    assert state.settings.appearance == "system"
    monkeypatch.setattr(look, "system_scheme", lambda: Qt.ColorScheme.Dark)
    QGuiApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert theme.current_scheme() == "dark"

    chart = TrendChart(get_instrument("WHO-5"))
    chart.resize(400, 240)
    assert _lightness(chart, QPoint(3, 3)) < 60

    state.set_setting("appearance", "light")  # an explicit choice beats the system
    assert theme.current_scheme() == "light"
    assert _lightness(chart, QPoint(3, 3)) > 200
    follower.deleteLater()


def test_a_fixed_scheme_window_keeps_its_colours_when_the_app_turns_dark(qtbot, styled_app):
    audience = QWidget()
    qtbot.addWidget(audience)
    look.fix_scheme(audience, "light")
    look.apply_scheme(styled_app, "dark")
    assert audience.palette().window().color().lightness() > 200


def test_icons_are_drawn_at_the_screens_pixel_ratio(qapp) -> None:
    """On a 2x (HiDPI) screen a 22 px icon is drawn from 44 real pixels, not scaled up."""
    pixmap = look.icon("photos").pixmap(QSize(22, 22), 2.0)
    assert (pixmap.width(), pixmap.height(), pixmap.devicePixelRatio()) == (44, 44, 2.0)
    image = pixmap.toImage()
    edge = [image.pixelColor(x, 22).alpha() for x in range(44)]
    assert any(0 < alpha < 255 for alpha in edge)  # antialiased vector edges
    assert max(edge) == 255


def test_lesson_links_follow_a_live_scheme_change_but_not_on_the_projector(
    qtbot, styled_app
) -> None:
    from vitidesk.core.lessons import load_library
    from vitidesk.ui.learn.step_text import StepText

    library = load_library(())
    step = library.lessons[0].steps[0]
    lesson_text, projector_text = StepText(library), StepText(library)
    projector_text.fixed_scheme = "light"
    for widget in (lesson_text, projector_text):
        qtbot.addWidget(widget)
        widget.show_step(step)
    look.apply_scheme(styled_app, "dark")
    dark_link = theme.SCHEMES["dark"]["link"]
    assert dark_link in lesson_text.document().defaultStyleSheet()
    assert theme.SCHEMES["light"]["link"] in projector_text.document().defaultStyleSheet()
    assert dark_link not in projector_text.document().defaultStyleSheet()
