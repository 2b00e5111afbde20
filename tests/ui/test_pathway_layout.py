"""The pathway diagram as people see it, at every size: no label on another label, on a
shape's outline or on a signal's path, and none cut at the edge of the view.

Everything is checked in the view's own pixels (after the scene is scaled to fit), in the
main Learn view from the window's minimum to 1920 px wide, and in the presenter's audience
view on 1920x1080, 1280x720 and 1024x768 projectors.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainterPath, QPainterPathStroker
from PySide6.QtWidgets import QGraphicsSimpleTextItem, QGraphicsView

from tests.ui.looks import look_applied
from vitidesk.ui.learn.page import LearnPage
from vitidesk.ui.learn.presenter import Presentation
from vitidesk.ui.main_window import MainWindow

DOT_REACH = 8.0  # the moving dots and triangles reach this far from their path (scene units)
WINDOW_SIZES = [(0, 0), (1024, 768), (1280, 720), (1366, 768), (1600, 900), (1920, 1080)]
PROJECTORS = [(1920, 1080), (1280, 720), (1024, 768)]


def _stroke(path: QPainterPath, width: float) -> QPainterPath:
    stroker = QPainterPathStroker()
    stroker.setWidth(max(width, 1.0))
    return stroker.createStroke(path)


def _labels(view: QGraphicsView) -> list[QGraphicsSimpleTextItem]:
    return [item for item in view.scene().items() if isinstance(item, QGraphicsSimpleTextItem)]


def label_problems(view: QGraphicsView) -> list[str]:
    """Every way a label is hidden, cut or crowded in ``view``, in words (empty: all clear)."""
    scene = view.scene()
    scale = view.transform().m11()
    visible = QRectF(view.viewport().rect())
    boxes = {
        label.text(): view.mapFromScene(label.sceneBoundingRect()).boundingRect().toRectF()
        for label in _labels(view)
    }
    outlines = []
    for element in scene.elements.values():
        for path, _fill, _stroke_colour, width in element.shapes:
            mapped = view.mapFromScene(element.mapToScene(path))
            outlines.append((element.key, _stroke(mapped, width * scale)))
    for key, signal in scene.signals.items():
        mapped = view.mapFromScene(signal.mapToScene(signal.path))
        outlines.append((f"the {key} dots", _stroke(mapped, 2 * DOT_REACH * scale)))
    problems = []
    names = list(boxes)
    for index, name in enumerate(names):
        box = boxes[name]
        if not visible.contains(box):
            problems.append(f"{name!r} is cut off ({box} outside {visible})")
        for other in names[index + 1 :]:
            if box.intersects(boxes[other]):
                problems.append(f"{name!r} overlaps the label {other!r}")
        for what, outline in outlines:
            if outline.intersects(box):
                problems.append(f"{name!r} sits on {what}")
    return problems


def _resize(window: MainWindow, width: int, height: int) -> None:
    """As if on a screen of that size (the test session's virtual screen is smaller, and the
    window never grows past its screen)."""
    window.setMaximumSize(16777215, 16777215)
    window.resize(width, height)


def _steps_to_check(page_or_navigator) -> list[tuple[int, int]]:
    """The first step, a step with the cream on (its label shows) and a long step."""
    navigator = getattr(page_or_navigator, "navigator", page_or_navigator)
    lessons = navigator.library.lessons
    cream = next(
        (li, si)
        for li, lesson in enumerate(lessons)
        for si, step in enumerate(lesson.steps)
        if step.diagram.inhibitor
    )
    longest = max(
        ((li, si) for li, lesson in enumerate(lessons) for si in range(len(lesson.steps))),
        key=lambda where: len(lessons[where[0]].steps[where[1]].body),
    )
    return [(0, 0), cream, longest]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_main_view_labels_are_whole_and_clear_at_every_window_size(
    qtbot, qapp, demo_state, scheme: str
) -> None:
    with look_applied(qapp, scheme):
        window = MainWindow(demo_state)
        qtbot.addWidget(window)
        window.show()
        window.sidebar.select(0)
        page = window.current_page()
        assert isinstance(page, LearnPage)
        for width, height in WINDOW_SIZES:
            if not width:  # the window's own minimum
                width, height = window.minimumSizeHint().toTuple()
            _resize(window, width, height)
            assert window.size().toTuple() == (width, height)
            for where in _steps_to_check(page):
                page.navigator.go_to(*where)
                qtbot.waitUntil(lambda: page.view.viewport().width() > 0)
                qapp.processEvents()
                problems = label_problems(page.view)
                assert not problems, ((width, height), where, problems)


@pytest.mark.parametrize("size", PROJECTORS, ids=lambda size: f"{size[0]}x{size[1]}")
def test_presenter_labels_are_whole_and_clear_on_every_projector(
    qtbot, qapp, state, size: tuple[int, int]
) -> None:
    from vitidesk.core.lessons import load_library
    from vitidesk.ui.learn.navigator import LessonNavigator

    navigator = LessonNavigator(load_library())
    presentation = Presentation(navigator, state, None)
    audience = presentation.audience
    audience.show()
    audience.resize(*size)
    qtbot.waitUntil(lambda: audience.width() == size[0])
    try:
        for where in _steps_to_check(navigator):
            navigator.go_to(*where)
            qapp.processEvents()
            problems = label_problems(audience.view)
            assert not problems, (size, where, problems)
    finally:
        presentation.stop()


def test_labels_stay_clear_when_the_picture_is_squeezed_into_a_strip(qtbot, qapp) -> None:
    """Wide and short, narrow and tall: the whole scene is fitted, so labels stay whole."""
    from vitidesk.ui.learn.pathway_scene import PathwayScene
    from vitidesk.ui.learn.pathway_view import PathwayView

    view = PathwayView(PathwayScene())
    qtbot.addWidget(view)
    view.show()
    for width, height in ((1900, 240), (420, 600), (300, 120), (1200, 460)):
        view.resize(width, height)
        qapp.processEvents()
        assert not label_problems(view), ((width, height), label_problems(view))


def test_dark_scheme_draws_the_diagram_on_the_dark_card(qtbot, qapp, demo_state) -> None:
    from vitidesk.ui.theme import colour

    with look_applied(qapp, "dark"):
        window = MainWindow(demo_state)
        qtbot.addWidget(window)
        window.show()
        window.sidebar.select(0)
        page = window.current_page()
        view = page.view
        qtbot.waitUntil(lambda: view.viewport().width() > 0)
        card = colour("base", "dark")
        assert page.scene.backgroundBrush().color() == card
        image = view.grab().toImage()
        corner = QColor(image.pixel(1, image.height() // 2))
        assert corner.lightness() < 110, corner.name()  # no bright slab beside the picture
        middle = QColor(image.pixel(image.width() // 2, image.height() // 3))
        assert middle.lightness() < 128, middle.name()  # the skin itself is drawn dark
        for label in page.scene.elements.values():
            assert label.text.brush().color() == colour("text", "dark")


def test_diagram_follows_a_live_switch_to_dark(qtbot, qapp, demo_state) -> None:
    from vitidesk.ui import look
    from vitidesk.ui.theme import colour

    with look_applied(qapp, "light"):
        window = MainWindow(demo_state)
        qtbot.addWidget(window)
        window.show()
        window.sidebar.select(0)
        page = window.current_page()
        assert page.scene.backgroundBrush().color() == colour("base", "light")
        look.apply_scheme(qapp, "dark")
        qtbot.waitUntil(lambda: page.scene.backgroundBrush().color() == colour("base", "dark"))


@pytest.mark.parametrize("size", [(1366, 768), (1280, 720)], ids=["1366x768", "1280x720"])
def test_small_laptop_keeps_steps_in_reach_and_words_most_of_the_height(
    qtbot, qapp, demo_state, size: tuple[int, int]
) -> None:
    from PySide6.QtWidgets import QScrollBar

    with look_applied(qapp, "light"):
        window = MainWindow(demo_state)
        qtbot.addWidget(window)
        window.show()
        _resize(window, *size)
        window.sidebar.select(0)
        page = window.current_page()
        page.navigator.go_to(*_steps_to_check(page)[2])  # the longest step
        qtbot.waitUntil(lambda: page.view.viewport().width() > 0)
        qapp.processEvents()
        inside = window.rect()
        for button in (page.back_button, page.next_button):
            assert button.isVisible()
            corner = button.mapTo(window, button.rect().bottomRight())
            assert inside.contains(corner), (button.text(), corner, inside)
        sideways = [
            bar
            for bar in page.findChildren(QScrollBar)
            if bar.orientation() == Qt.Orientation.Horizontal and bar.isVisible()
        ]
        assert not sideways
        assert page.text.height() > page.view.height(), (page.text.height(), page.view.height())
        # The diagram is smaller, but its labels stay readable (at least 10 px of type).
        scale = page.view.transform().m11()
        label = page.scene.elements["melanocyte"].text
        assert label.font().pixelSize() * scale >= 10, scale
        assert not label_problems(page.view)


def test_learn_footer_says_only_when_lessons_were_reviewed(qtbot, window: MainWindow) -> None:
    window.sidebar.select(0)
    page = window.current_page()
    assert page.footer.text().startswith("Lessons last reviewed")
    assert page.library.last_reviewed in page.footer.text()
    assert "substitute" not in page.footer.text()
