"""Learn as a patient and a clinician use it: steps, diagram, inhibitor, glossary, presenter."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QGuiApplication

from vitidesk.core.lessons import load_library
from vitidesk.ui.learn.page import ELEMENT_TERMS, LearnPage
from vitidesk.ui.learn.pathway_scene import DIMMED_OPACITY, MELANOCYTE_LOOKS
from vitidesk.ui.learn.presenter import Presentation
from vitidesk.ui.main_window import MainWindow


@pytest.fixture
def learn(qtbot, window: MainWindow) -> LearnPage:
    window.sidebar.select(0)
    page = window.current_page()
    assert isinstance(page, LearnPage)
    return page


def _lit(page: LearnPage) -> set[str]:
    return {key for key, item in page.scene.elements.items() if item.highlighted}


def test_lessons_are_listed_and_next_back_walk_through_steps(qtbot, learn: LearnPage) -> None:
    library = learn.library
    assert learn.lessons.count() == len(library.lessons)
    first_title = learn.navigator.step.title
    assert first_title in learn.text.toPlainText()
    qtbot.mouseClick(learn.next_button, Qt.MouseButton.LeftButton)
    assert learn.navigator.step_index == 1
    assert learn.navigator.step.title in learn.text.toPlainText()
    assert "Step 2 of" in learn.position.text()
    qtbot.mouseClick(learn.back_button, Qt.MouseButton.LeftButton)
    assert learn.navigator.step_index == 0
    assert not learn.back_button.isEnabled()


def test_every_step_drives_the_diagram(learn: LearnPage) -> None:
    for lesson_index, lesson in enumerate(learn.library.lessons):
        for step_index, step in enumerate(lesson.steps):
            learn.navigator.go_to(lesson_index, step_index)
            state = step.diagram
            assert _lit(learn) == set(state.highlight), step.id
            always_shown = ("melanocyte", "jak", "inhibitor") if state.inhibitor else ()
            for key, item in learn.scene.elements.items():
                if state.highlight and key not in state.highlight and key not in always_shown:
                    assert item.opacity() == DIMMED_OPACITY, (step.id, key)
            if not state.inhibitor:
                visible = {key for key, item in learn.scene.signals.items() if item.isVisible()}
                assert visible == set(state.animate), step.id


def test_inhibitor_toggle_blocks_the_signal_and_the_melanocyte_recovers(
    qtbot, learn: LearnPage
) -> None:
    pathway = next(
        (li, si)
        for li, lesson in enumerate(learn.library.lessons)
        for si, step in enumerate(lesson.steps)
        if "jak_stat" in step.diagram.animate and not step.diagram.inhibitor
    )
    learn.navigator.go_to(*pathway)
    scene = learn.scene
    assert scene.signals["jak_stat"].isVisible()
    assert not scene.elements["inhibitor"].isVisible()
    learn.inhibitor_toggle.click()
    assert scene.elements["inhibitor"].isVisible()
    for quiet in ("jak_stat", "to_nucleus", "chemokine_release", "recruit"):
        assert not scene.signals[quiet].isVisible(), quiet
    assert scene.signals["ifng_release"].isVisible()
    assert scene.elements["stat1"].opacity() == DIMMED_OPACITY
    body_fill = scene.elements["melanocyte"].shapes[1][1].name()
    assert body_fill == MELANOCYTE_LOOKS["recovering"][0]
    learn.inhibitor_toggle.click()
    assert scene.signals["jak_stat"].isVisible()


def test_diagram_parts_explain_themselves_by_click_and_keyboard(qtbot, learn: LearnPage) -> None:
    library = learn.library
    for key, term in ELEMENT_TERMS.items():
        assert term in library.glossary, key
    melanocyte = learn.scene.elements["melanocyte"]
    point = learn.view.mapFromScene(melanocyte.boundingRect().center())
    qtbot.mouseClick(learn.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert library.glossary["melanocyte"].definition in learn.caption.text()
    visible = [k for k, item in learn.scene.elements.items() if item.isVisible()]
    after = visible[(visible.index("melanocyte") + 1) % len(visible)]
    learn.view.setFocus()
    qtbot.keyClick(learn.view, Qt.Key.Key_Right)
    assert learn.caption.text().startswith(learn.scene.labels[after])
    assert learn.view.accessibleDescription() == learn.caption.text()


def test_term_and_citation_links_open_glossary_and_sources(
    qtbot, learn: LearnPage, opened_dialogs
) -> None:
    learn.text.anchorClicked.emit(QUrl("term:melanocyte"))
    glossary = opened_dialogs[-1]
    assert glossary.shown_keys() == ["melanocyte"] or "melanocyte" in glossary.shown_keys()
    glossary.search.setText("zzzz-no-such-word")
    assert glossary.shown_keys() == []
    key = learn.library.citation_order[0]
    learn.text.anchorClicked.emit(QUrl(f"cite:{key}"))
    sources = opened_dialogs[-1]
    assert learn.library.references[key].title in sources.view.toPlainText()


def test_reduced_motion_stops_the_animation(qtbot, learn: LearnPage, state) -> None:
    moving = next(
        (li, si)
        for li, lesson in enumerate(learn.library.lessons)
        for si, step in enumerate(lesson.steps)
        if step.diagram.animate
    )
    learn.navigator.go_to(*moving)
    assert learn.view.is_animating()
    state.set_setting("reduced_motion", True)
    assert not learn.view.is_animating()
    assert any(item.isVisible() for item in learn.scene.signals.values())


def test_presenter_keys_step_blank_and_escape(qtbot, window: MainWindow, learn: LearnPage) -> None:
    qtbot.mouseClick(learn.present_button, Qt.MouseButton.LeftButton)
    from vitidesk.ui.learn.presenter import current_presentation

    presentation = current_presentation()
    assert presentation is not None
    audience = presentation.audience
    qtbot.waitExposed(audience)
    assert not window.isVisible(), "patient data must not show while presenting"
    assert audience.isFullScreen()
    assert audience.title.text() == learn.navigator.step.title
    for key, expected in (
        (Qt.Key.Key_Right, 1),
        (Qt.Key.Key_Space, 2),
        (Qt.Key.Key_PageDown, 3),
        (Qt.Key.Key_Left, 2),
        (Qt.Key.Key_PageUp, 1),
    ):
        qtbot.keyClick(audience, key)
        assert presentation.navigator.step_index == expected, key
        assert audience.title.text() == presentation.navigator.step.title
    qtbot.keyClick(audience, Qt.Key.Key_B)
    assert audience.is_blank()
    qtbot.keyClick(audience, Qt.Key.Key_B)
    assert not audience.is_blank()
    qtbot.keyClick(audience, Qt.Key.Key_Escape)
    assert current_presentation() is None
    assert window.isVisible()
    assert learn.navigator.step_index == 1  # the Learn page follows where the talk ended


def test_pen_pointer_undo_and_take_home_copy(qtbot, learn: LearnPage, tmp_path: Path) -> None:
    presentation = Presentation(learn.navigator, learn.state, None)
    presentation.start()
    audience = presentation.audience
    qtbot.waitExposed(audience)
    view = audience.view
    presentation.set_tool("pen")
    start = view.mapFromScene(300, 300)
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(view.viewport(), start + QPoint(60, 20))
    qtbot.mouseMove(view.viewport(), start + QPoint(120, 60))
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=start + QPoint(120, 60))
    assert presentation.strokes() == 1
    png = presentation.save(tmp_path / "step.png")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    pdf = presentation.save(tmp_path / "step.pdf")
    assert pdf.read_bytes()[:5] == b"%PDF-"
    presentation.undo()
    assert presentation.strokes() == 0
    presentation.set_tool("pointer")
    ring = view.show_pointer(view.mapToScene(start))
    assert ring.scene() is presentation.scene
    presentation.stop()


def test_second_screen_gets_the_audience_and_the_laptop_the_notes(qtbot, learn: LearnPage) -> None:
    screen = QGuiApplication.primaryScreen()
    presentation = Presentation(learn.navigator, learn.state, None, audience_screen=screen)
    presentation.start()
    console = presentation.console
    assert console is not None
    qtbot.waitExposed(console)
    nav = learn.navigator
    assert console.now.text() == nav.step.title
    assert nav.next_step().title in console.upcoming.text()
    assert console.view.scene() is presentation.audience.view.scene()
    assert "next" not in presentation.audience.tool_buttons  # toolbar only on the console
    qtbot.keyClick(console, Qt.Key.Key_Right)
    assert presentation.audience.title.text() == nav.step.title
    presentation.stop()


def test_library_loads_for_the_page() -> None:
    assert load_library().lessons
