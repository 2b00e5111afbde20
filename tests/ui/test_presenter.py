"""Presenter mode on a real projector: nothing to scroll, words that fit, a light view in a
dark app, clicker keys, a toolbar sized for its screen and a hand-out that keeps its sources."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QScrollBar

from tests.ui.looks import look_applied
from vitidesk.core.lesson_text import citation_keys
from vitidesk.core.lessons import load_library
from vitidesk.ui.learn.navigator import LessonNavigator
from vitidesk.ui.learn.presenter import Presentation, current_presentation
from vitidesk.ui.learn.presenter_windows import SMALLEST_AUDIENCE_TEXT_PX, toolbar_font_px

PROJECTORS = [(1920, 1080), (1280, 720), (1024, 768)]


@pytest.fixture
def presentation(qtbot, state):
    talk = Presentation(LessonNavigator(load_library()), state, None)
    talk.audience.show()
    yield talk
    talk.stop()  # does nothing if the test already left presenter mode


def _on_projector(qtbot, presentation: Presentation, size: tuple[int, int]) -> None:
    presentation.audience.resize(*size)
    qtbot.waitUntil(lambda: presentation.audience.size().toTuple() == size)


def _every_step(navigator: LessonNavigator):
    for li, lesson in enumerate(navigator.library.lessons):
        for si in range(len(lesson.steps)):
            navigator.go_to(li, si)
            yield li, si


@pytest.mark.parametrize("size", PROJECTORS, ids=lambda size: f"{size[0]}x{size[1]}")
def test_audience_view_has_nothing_to_scroll_and_every_step_fits(
    qtbot, qapp, presentation: Presentation, size: tuple[int, int]
) -> None:
    _on_projector(qtbot, presentation, size)
    audience = presentation.audience
    for where in _every_step(presentation.navigator):
        qapp.processEvents()
        bars = [bar for bar in audience.findChildren(QScrollBar) if bar.isVisible()]
        assert not bars, (size, where)
        assert audience.text_fits(), (size, where, audience.text.verticalScrollBar().maximum())
        assert audience.body.text_px >= SMALLEST_AUDIENCE_TEXT_PX, (size, where)
        text_bottom = audience.text.mapTo(audience, audience.text.rect().bottomLeft()).y()
        assert text_bottom <= audience.height(), (size, where)
        # the words are the real ones, all of them in view
        assert presentation.navigator.step.title == audience.title.text()


def test_short_steps_keep_the_projector_type_size(qtbot, presentation: Presentation) -> None:
    _on_projector(qtbot, presentation, (1920, 1080))
    presentation.navigator.go_to(2, 0)
    assert presentation.audience.body.text_px == presentation.audience.font_px


@pytest.mark.parametrize("size", PROJECTORS, ids=lambda size: f"{size[0]}x{size[1]}")
def test_audience_view_stays_light_in_a_dark_app_with_no_dark_bars(
    qtbot, qapp, state, size: tuple[int, int]
) -> None:
    with look_applied(qapp, "dark"):
        talk = Presentation(LessonNavigator(load_library()), state, None)
        talk.audience.show()
        try:
            _on_projector(qtbot, talk, size)
            for where in ((0, 0), (2, 0)):
                talk.navigator.go_to(*where)
                qapp.processEvents()
                image = talk.audience.grab().toImage()
                width, height = image.width(), image.height()
                view = talk.audience.view
                box = view.geometry().translated(
                    view.parentWidget().mapTo(talk.audience, view.pos()) - view.pos()
                )
                # the margins, the strips beside the picture and the gap under it
                edges = [(x, y) for y in range(0, height, 5) for x in (2, width - 3)]
                edges += [(x, y) for x in range(0, width, 5) for y in (1, height - 2)]
                edges += [(x, box.bottom() + 3) for x in range(0, width, 5)]
                for x in (box.left() - 3, box.right() + 3):
                    if 0 <= x < width:
                        edges += [(x, y) for y in range(box.top(), box.bottom(), 5)]
                dark = [(x, y) for x, y in edges if QColor(image.pixel(x, y)).lightness() < 150]
                assert not dark, (size, where, dark[:8])
        finally:
            talk.stop()


def test_clicker_keys_step_blank_and_leave(qtbot, presentation: Presentation) -> None:
    audience = presentation.audience
    navigator = presentation.navigator
    for key, expected in (
        (Qt.Key.Key_PageDown, 1),
        (Qt.Key.Key_Right, 2),
        (Qt.Key.Key_PageDown, 3),
        (Qt.Key.Key_PageUp, 2),
        (Qt.Key.Key_Left, 1),
    ):
        qtbot.keyClick(audience, key)
        assert navigator.step_index == expected, key
        assert audience.title.text() == navigator.step.title
    for key in (Qt.Key.Key_B, Qt.Key.Key_Period):
        qtbot.keyClick(audience, key)
        assert audience.is_blank(), key
        qtbot.keyClick(audience, key)
        assert not audience.is_blank(), key
    qtbot.keyClick(audience, Qt.Key.Key_B)
    qtbot.keyClick(audience, Qt.Key.Key_Period)  # either key brings the picture back
    assert not audience.is_blank()
    from vitidesk.ui.learn import presenter

    presenter._current = presentation
    qtbot.keyClick(audience, Qt.Key.Key_Escape)
    assert current_presentation() is None
    assert not audience.isVisible()


@pytest.mark.parametrize("size", [(1366, 768), (1024, 768), (1920, 1080)])
def test_toolbar_is_sized_for_its_screen_and_fits_it(
    qtbot, presentation: Presentation, size: tuple[int, int]
) -> None:
    _on_projector(qtbot, presentation, size)
    audience = presentation.audience
    buttons = audience.tool_buttons
    assert buttons, "one screen: the audience window carries the toolbar"
    px = toolbar_font_px(size[1])
    for button in buttons.values():
        assert f"font-size:{px}px" in button.styleSheet()
    right = max(b.mapTo(audience, b.rect().topRight()).x() for b in buttons.values())
    assert right <= audience.width()
    bottom = max(b.mapTo(audience, b.rect().bottomLeft()).y() for b in buttons.values())
    assert bottom <= audience.height()


def test_console_on_the_laptop_sizes_its_toolbar_for_the_laptop(qtbot, state) -> None:
    from PySide6.QtGui import QGuiApplication

    talk = Presentation(
        LessonNavigator(load_library()),
        state,
        None,
        audience_screen=QGuiApplication.primaryScreen(),
    )
    console = talk.console
    assert console is not None
    console.show()
    console.resize(1366, 768)
    qtbot.waitUntil(lambda: console.height() == 768)
    px = toolbar_font_px(768)
    assert all(f"font-size:{px}px" in b.styleSheet() for b in console.tool_buttons.values())
    # the live copy of the diagram is whole: its whole scene lies inside the view
    view = console.view
    shown = view.mapFromScene(view.sceneRect()).boundingRect()
    assert view.viewport().rect().contains(shown)
    talk.stop()


def test_saved_hand_out_keeps_its_citations(qtbot, presentation: Presentation, tmp_path) -> None:
    import pypdf

    navigator = presentation.navigator
    library = navigator.library
    where = next(
        (li, si)
        for li, lesson in enumerate(library.lessons)
        for si, step in enumerate(lesson.steps)
        if len(set(citation_keys(step.text))) >= 2
    )
    navigator.go_to(*where)
    keys = list(dict.fromkeys(citation_keys(navigator.step.text)))
    pdf = presentation.save(tmp_path / "hand-out.pdf")
    text = " ".join(page.extract_text() for page in pypdf.PdfReader(str(pdf)).pages)
    flat = " ".join(text.split())
    assert "Sources" in flat
    for key in keys:
        number = library.cite_number(key)
        assert f"[{number}]" in flat, key
        title_words = " ".join(library.references[key].title.split()[:4])
        assert title_words in flat, (key, title_words)
    png = presentation.save(tmp_path / "hand-out.png")
    assert Path(png).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
