"""Where the reader is in the lessons. The Learn page and presenter mode share one navigator."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from vitidesk.core.diagram_model import DiagramState
from vitidesk.core.lessons import Lesson, Library, Step


class LessonNavigator(QObject):
    """Current lesson and step, and whether the JAK-inhibitor toggle is on."""

    moved = Signal()  # the step changed
    inhibitor_changed = Signal(bool)

    def __init__(self, library: Library) -> None:
        super().__init__()
        self.library = library
        self.lesson_index = 0
        self.step_index = 0
        self.inhibitor_override: bool | None = None

    # -- where we are --------------------------------------------------------------------
    @property
    def lesson(self) -> Lesson:
        return self.library.lessons[self.lesson_index]

    @property
    def step(self) -> Step:
        return self.lesson.steps[self.step_index]

    def next_step(self) -> Step | None:
        """The step after this one (crossing into the next lesson), or None at the very end."""
        if self.step_index + 1 < len(self.lesson.steps):
            return self.lesson.steps[self.step_index + 1]
        if self.lesson_index + 1 < len(self.library.lessons):
            return self.library.lessons[self.lesson_index + 1].steps[0]
        return None

    def diagram_state(self) -> DiagramState:
        base = self.step.diagram
        if self.inhibitor_override is None:
            return base
        return DiagramState(base.highlight, base.animate, self.inhibitor_override, base.melanocyte)

    def position_text(self) -> str:
        return self.tr("Lesson {0} of {1} · Step {2} of {3}").format(
            self.lesson_index + 1,
            len(self.library.lessons),
            self.step_index + 1,
            len(self.lesson.steps),
        )

    # -- moving --------------------------------------------------------------------------
    def go_to(self, lesson_index: int, step_index: int = 0) -> None:
        lesson_index = max(0, min(lesson_index, len(self.library.lessons) - 1))
        steps = len(self.library.lessons[lesson_index].steps)
        step_index = max(0, min(step_index, steps - 1))
        if (lesson_index, step_index) == (self.lesson_index, self.step_index):
            return
        self.lesson_index, self.step_index = lesson_index, step_index
        self.inhibitor_override = None
        self.moved.emit()

    def forward(self) -> bool:
        if self.step_index + 1 < len(self.lesson.steps):
            self.go_to(self.lesson_index, self.step_index + 1)
            return True
        if self.lesson_index + 1 < len(self.library.lessons):
            self.go_to(self.lesson_index + 1, 0)
            return True
        return False

    def back(self) -> bool:
        if self.step_index > 0:
            self.go_to(self.lesson_index, self.step_index - 1)
            return True
        if self.lesson_index > 0:
            previous = self.lesson_index - 1
            self.go_to(previous, len(self.library.lessons[previous].steps) - 1)
            return True
        return False

    def set_inhibitor(self, on: bool) -> None:
        if self.diagram_state().inhibitor == on:
            return
        self.inhibitor_override = on
        self.inhibitor_changed.emit(on)
        self.moved.emit()
