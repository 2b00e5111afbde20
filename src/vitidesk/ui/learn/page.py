"""Learn: lessons on the left; the pathway diagram, the step's words and controls on the right."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from vitidesk.core.diagram_model import ELEMENTS
from vitidesk.core.lessons import LessonError, Library, load_library
from vitidesk.ui.app_state import AppState
from vitidesk.ui.learn.diagram_column import DiagramColumn
from vitidesk.ui.learn.library_dialogs import GlossaryDialog, ReferencesDialog
from vitidesk.ui.learn.navigator import LessonNavigator
from vitidesk.ui.learn.pathway_scene import PathwayScene
from vitidesk.ui.learn.pathway_view import PathwayView
from vitidesk.ui.learn.step_text import StepText
from vitidesk.ui.shortcuts import StandardKey, bind
from vitidesk.ui.theme import current_scheme
from vitidesk.ui.widgets.page import SectionPage, wrapped_label

# When the diagram and the words cannot both have the height they want, the diagram gets this
# share: the words are the lesson, the picture supports them (it shrinks, but stays whole).
DIAGRAM_SHARE_WHEN_TIGHT = 0.45

# Which glossary entry explains each part of the picture.
ELEMENT_TERMS = {
    "keratinocyte": "keratinocyte",
    "melanocyte": "melanocyte",
    "tcell": "cd8-t-cell",
    "ifng": "ifn-gamma",
    "receptor": "receptor",
    "jak": "jak",
    "stat1": "stat1",
    "nucleus": "nucleus",
    "chemokines": "chemokine",
    "recruited": "cxcr3",
    "trm": "resident-memory-t-cell",
    "il15": "il-15",
    "inhibitor": "jak-inhibitor",
    "follicle": "hair-follicle",
}


class LearnPage(QWidget):
    def __init__(self, state: AppState, library: Library) -> None:
        super().__init__()
        self.state = state
        self.library = library
        self.navigator = LessonNavigator(library)
        self.setAccessibleName(self.tr("Learn"))
        outer = QVBoxLayout(self)
        outer.setContentsMargins(28, 20, 28, 12)
        outer.setSpacing(10)
        outer.addLayout(self._header())
        splitter = QSplitter()
        splitter.addWidget(self._lesson_list())
        splitter.addWidget(self._lesson_pane())
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([210, 900])
        outer.addWidget(splitter, 1)
        # The main window's footer carries the one medical disclaimer for every screen.
        self.footer = wrapped_label(
            self.tr("Lessons last reviewed {0}.").format(library.last_reviewed), "Muted"
        )
        outer.addWidget(self.footer)
        self.navigator.moved.connect(self._show_current)
        state.settings_changed.connect(self._setting_changed)
        bind(self, [StandardKey.Forward], self.navigator.forward)
        bind(self, [StandardKey.Back], self.navigator.back)
        bind(self, [StandardKey.FullScreen, "F11", "F5"], self.start_presenting)
        self.view.reduced_motion = state.settings.reduced_motion
        self._show_current()

    # -- layout --------------------------------------------------------------------------
    def _header(self) -> QVBoxLayout:
        """Title and buttons on one row, the lead sentence under them at full width (beside
        the buttons it would wrap to three lines on a small screen)."""
        column = QVBoxLayout()
        row = QHBoxLayout()
        self.title_label = QLabel(self.tr("Learn"))
        self.title_label.setObjectName("PageTitle")
        row.addWidget(self.title_label, 1)
        column.addLayout(row)
        column.addWidget(
            wrapped_label(
                self.tr("How vitiligo works, and how JAK-inhibitor treatment steps in."),
                "PageLead",
            )
        )
        self.glossary_button = QPushButton(self.tr("Glossary"))
        self.glossary_button.clicked.connect(lambda: self.show_glossary(""))
        self.sources_button = QPushButton(self.tr("Sources"))
        self.sources_button.clicked.connect(lambda: self.show_reference(""))
        self.present_button = QPushButton(self.tr("Present (F11)"))
        self.present_button.setToolTip(self.tr("Full-screen presenter mode for consultations"))
        self.present_button.clicked.connect(self.start_presenting)
        for button in (self.glossary_button, self.sources_button, self.present_button):
            row.addWidget(button, 0, Qt.AlignmentFlag.AlignVCenter)
        return column

    def _lesson_list(self) -> QListWidget:
        self.lessons = QListWidget()
        self.lessons.setObjectName("LessonList")
        self.lessons.setAccessibleName(self.tr("Lessons"))
        self.lessons.setWordWrap(True)  # a long title takes two lines, never a sideways bar
        self.lessons.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.lessons.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.lessons.setMinimumWidth(170)
        for number, lesson in enumerate(self.library.lessons, start=1):
            self.lessons.addItem(f"{number}. {lesson.title}")
            self.lessons.item(number - 1).setToolTip(lesson.summary)
        self.lessons.currentRowChanged.connect(self._lesson_chosen)
        return self.lessons

    def _lesson_pane(self) -> QWidget:
        """Diagram, its controls and the step's words share the height by rule (see
        :mod:`diagram_column`); Back and Next, with where we are, stay at the bottom."""
        pane = QWidget()
        column = QVBoxLayout(pane)
        column.setContentsMargins(12, 0, 0, 0)
        self.scene = PathwayScene(scheme=current_scheme())
        self.view = PathwayView(self.scene)
        self.view.setAccessibleName(self.tr("Pathway diagram"))
        self.scene.element_chosen.connect(self.explain_element)
        self.text = StepText(self.library)
        self.text.term_chosen.connect(self.show_glossary)
        self.text.cite_chosen.connect(self.show_reference)
        self.text.setMinimumHeight(60)
        self.diagram_column = DiagramColumn(
            self.view,
            self.text,
            self._diagram_controls(),
            diagram_share_when_tight=DIAGRAM_SHARE_WHEN_TIGHT,
        )
        column.addWidget(self.diagram_column, 1)
        steps = QHBoxLayout()
        self.back_button = QPushButton(self.tr("◀ Back"))
        self.back_button.setAccessibleName(self.tr("Previous step"))
        self.back_button.clicked.connect(self.navigator.back)
        self.next_button = QPushButton(self.tr("Next ▶"))
        self.next_button.setAccessibleName(self.tr("Next step"))
        self.next_button.clicked.connect(self.navigator.forward)
        self.position = wrapped_label("", "Muted")
        self.position.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.position.setAccessibleName(self.tr("Position in the lessons"))
        steps.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignVCenter)
        steps.addWidget(self.position, 1)
        steps.addWidget(self.next_button, 0, Qt.AlignmentFlag.AlignVCenter)
        column.addLayout(steps)
        return pane

    def _diagram_controls(self) -> QWidget:
        """The cream switch, and beside it what the part being pointed at is."""
        controls = QWidget()
        column = QHBoxLayout(controls)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(16)
        self.inhibitor_toggle = QCheckBox(self.tr("Show the JAK-inhibitor cream at work"))
        self.inhibitor_toggle.setAccessibleName(self.tr("JAK inhibitor on or off"))
        self.inhibitor_toggle.toggled.connect(self.navigator.set_inhibitor)
        column.addWidget(self.inhibitor_toggle, 0, Qt.AlignmentFlag.AlignTop)
        self.caption = wrapped_label(
            self.tr("Point at any part of the picture, or use the arrow keys, to see what it is.")
        )
        self.caption.setObjectName("Muted")
        self.caption.setAccessibleName(self.tr("What this part is"))
        # Room for two lines, so pointing at parts does not make the picture jump.
        self.caption.setMinimumHeight(2 * self.caption.fontMetrics().lineSpacing())
        self.caption.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        column.addWidget(self.caption, 1)
        return controls

    # -- behaviour -----------------------------------------------------------------------
    def _lesson_chosen(self, row: int) -> None:
        if row >= 0 and row != self.navigator.lesson_index:
            self.navigator.go_to(row, 0)

    def _show_current(self) -> None:
        nav = self.navigator
        self.lessons.blockSignals(True)
        self.lessons.setCurrentRow(nav.lesson_index)
        self.lessons.blockSignals(False)
        self.position.setText(f"{nav.lesson.title} · {nav.position_text()}")
        state = nav.diagram_state()
        self.scene.apply(state)
        self.view.refresh_animation()
        self.inhibitor_toggle.blockSignals(True)
        self.inhibitor_toggle.setChecked(state.inhibitor)
        self.inhibitor_toggle.blockSignals(False)
        self.text.show_step(nav.step)
        self.diagram_column.relayout()
        self.back_button.setEnabled(nav.lesson_index > 0 or nav.step_index > 0)
        self.next_button.setEnabled(nav.next_step() is not None)

    def explain_element(self, key: str) -> None:
        term = self.library.glossary.get(ELEMENT_TERMS.get(key, ""))
        name = self.scene.labels.get(key, ELEMENTS.get(key, key))
        text = f"{name}: {term.definition}" if term else name
        self.caption.setText(text)
        self.view.setAccessibleDescription(text)
        self.diagram_column.relayout()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "scene"):
            self.scene.set_scheme(current_scheme())  # the diagram's card follows the scheme

    def _setting_changed(self, name: str) -> None:
        if name == "reduced_motion":
            self.view.reduced_motion = self.state.settings.reduced_motion
            self.view.refresh_animation()

    def show_glossary(self, term: str) -> None:
        GlossaryDialog(self.library, self, term).exec()

    def show_reference(self, key: str) -> None:
        ReferencesDialog(self.library, self, key).exec()

    def start_presenting(self) -> None:
        from vitidesk.ui.learn.presenter import start_presentation

        start_presentation(self.navigator, self.state, self.window())


def build_learn_page(state: AppState) -> QWidget:
    try:
        library = load_library()
    except LessonError as exc:
        tr = QCoreApplication.translate
        return SectionPage(
            tr("LearnPage", "Learn"),
            tr("LearnPage", "The lessons could not be loaded: {0}").format(exc.one_line()),
        )
    return LearnPage(state, library)
