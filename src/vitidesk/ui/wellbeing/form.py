"""Answering a questionnaire: one question at a time, big options, keys 1-9 and Enter.

Every answer is kept as a draft, so closing the app loses nothing. A review comes before
saving, and an incomplete form cannot be saved. PHQ-9 item 9 above 0 shows the safety screen
straight after that question.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from vitidesk.core.questionnaires import Instrument
from vitidesk.storage.responses import ResponseStore
from vitidesk.ui.app_state import AppState
from vitidesk.ui.wellbeing.safety import SafetyPanel
from vitidesk.ui.wellbeing.texts import lead_text
from vitidesk.ui.widgets.page import text_scroll_area, wrapped_label

ITEM9_INDEX = 8


class QuestionnaireForm(QWidget):
    saved = Signal(object)
    cancelled = Signal()

    def __init__(self, state: AppState, instrument: Instrument) -> None:
        super().__init__()
        self.state = state
        self.instrument = instrument
        self.responses = ResponseStore(state.store)
        self.setAccessibleName(instrument.title)
        count = len(instrument.items) + (1 if instrument.difficulty else 0)
        self.answers: list[int | None] = [None] * count
        self.position = 0
        draft = self.responses.load_draft(instrument.id)
        if draft is not None and len(draft[0]) == count:
            self.answers, self.position = list(draft[0]), min(draft[1], count)
        self.safety_shown = False
        column = QVBoxLayout(self)
        column.setContentsMargins(36, 24, 36, 16)
        title = wrapped_label(instrument.title, "PageTitle")
        column.addWidget(title)
        column.addWidget(wrapped_label(lead_text(instrument), "PageLead"))
        self.pages = QStackedWidget()
        self.pages.addWidget(self._question_page())
        self.safety = SafetyPanel(state)
        self.safety.continue_requested.connect(self._after_safety)
        self.pages.addWidget(
            text_scroll_area(self.safety, self.tr("Support if you are struggling"))
        )
        self.pages.addWidget(self._review_page())
        column.addWidget(self.pages, 1)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._show_position()

    # -- pages ---------------------------------------------------------------------------
    def _question_page(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        self.progress_label = QLabel()
        self.progress_label.setObjectName("Muted")
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(8)
        self.progress.setAccessibleName(self.tr("Progress"))
        column.addWidget(self.progress_label)
        column.addWidget(self.progress)
        self.question = wrapped_label("", "CardTitle")
        self.question.setStyleSheet("font-size: 15pt;")
        self.question.setAccessibleName(self.tr("Question"))
        column.addWidget(self.question)
        self.options_box = QVBoxLayout()
        self.option_group = QButtonGroup(self)
        self.option_group.setExclusive(True)
        self.option_buttons: list[QPushButton] = []
        column.addLayout(self.options_box)
        column.addStretch(1)
        row = QHBoxLayout()
        self.back_button = QPushButton(self.tr("◀ Back"))
        self.back_button.clicked.connect(self.back)
        cancel = QPushButton(self.tr("Finish later"))
        cancel.setToolTip(self.tr("Your answers so far are kept as a draft"))
        cancel.clicked.connect(self.cancelled)
        self.next_button = QPushButton(self.tr("Next ▶"))
        self.next_button.clicked.connect(self.forward)
        row.addWidget(self.back_button)
        row.addWidget(cancel)
        row.addStretch(1)
        row.addWidget(self.next_button)
        column.addLayout(row)
        return page

    def _review_page(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.addWidget(wrapped_label(self.tr("Check your answers before saving."), "CardTitle"))
        self.review_list = QVBoxLayout()
        holder = QWidget()
        holder.setLayout(self.review_list)
        column.addWidget(text_scroll_area(holder, self.tr("Your answers")), 1)
        note_label = QLabel(self.tr("&Note (optional):"))
        self.note = QLineEdit()
        self.note.setAccessibleName(self.tr("Note"))
        self.note.setPlaceholderText(self.tr("For example, what made this week hard or good"))
        note_label.setBuddy(self.note)
        column.addWidget(note_label)
        column.addWidget(self.note)
        row = QHBoxLayout()
        back = QPushButton(self.tr("◀ Back"))
        back.clicked.connect(self.back)
        self.save_button = QPushButton(self.tr("Save answers"))
        self.save_button.setObjectName("PrimaryButton")
        self.save_button.clicked.connect(self.save)
        row.addWidget(back)
        row.addStretch(1)
        row.addWidget(self.save_button)
        column.addLayout(row)
        return page

    # -- questions -----------------------------------------------------------------------
    def _current(self):
        items = self.instrument.items
        if self.position < len(items):
            return items[self.position], self.instrument.options
        return self.instrument.difficulty, self.instrument.difficulty_options

    def _show_position(self) -> None:
        total = len(self.answers)
        if self.position >= total:
            self._show_review()
            return
        self.pages.setCurrentIndex(0)
        item, options = self._current()
        self.progress_label.setText(self.tr("Question {0} of {1}").format(self.position + 1, total))
        self.progress.setRange(0, total)
        self.progress.setValue(self.position)
        self.question.setText(item.text)
        for button in self.option_buttons:
            self.option_group.removeButton(button)
            self.options_box.removeWidget(button)
            button.hide()
            button.deleteLater()
        self.option_buttons = []
        for number, option in enumerate(options, start=1):
            button = QPushButton(f"{number}   {option.label}")
            button.setCheckable(True)
            button.setMinimumHeight(44)
            button.setStyleSheet("text-align: left; padding: 8px 16px; font-size: 12pt;")
            button.setAccessibleName(option.label)
            button.clicked.connect(lambda _=False, v=option.value: self.choose(v))
            self.option_group.addButton(button)
            self.options_box.addWidget(button)
            self.option_buttons.append(button)
            if self.answers[self.position] == option.value:
                button.setChecked(True)
        self.back_button.setEnabled(self.position > 0)
        self.next_button.setEnabled(self.answers[self.position] is not None)
        self.setFocus()

    def choose(self, value: int) -> None:
        self.answers[self.position] = value
        self._save_draft()
        self.next_button.setEnabled(True)
        _, options = self._current()
        for button, option in zip(self.option_buttons, options, strict=True):
            button.setChecked(option.value == value)

    def forward(self) -> None:
        if self.pages.currentIndex() != 0 or self.answers[self.position] is None:
            return
        if self._needs_safety_screen():
            self.safety_shown = True
            self.pages.setCurrentIndex(1)
            self.safety.go_on.setFocus()
            return
        self.position += 1
        self._save_draft()
        self._show_position()

    def _needs_safety_screen(self) -> bool:
        return (
            self.instrument.id == "PHQ-9"
            and self.position == ITEM9_INDEX
            and (self.answers[ITEM9_INDEX] or 0) > 0
        )

    def _after_safety(self) -> None:
        self.position += 1
        self._save_draft()
        self._show_position()

    def back(self) -> None:
        if self.position == 0 and self.pages.currentIndex() == 0:
            return
        self.position = max(0, self.position - (0 if self.pages.currentIndex() == 1 else 1))
        self._show_position()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.pages.currentIndex() == 0:
            key = event.key()
            if Qt.Key.Key_1 <= key <= Qt.Key.Key_9:
                index = key - Qt.Key.Key_1
                _, options = self._current()
                if index < len(options):
                    self.choose(options[index].value)
                    return
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.forward()
                return
            if key == Qt.Key.Key_Backspace:
                self.back()
                return
        super().keyPressEvent(event)

    # -- review and save -----------------------------------------------------------------
    def _show_review(self) -> None:
        while self.review_list.count():
            child = self.review_list.takeAt(0)
            if child.widget():
                child.widget().deleteLater()
        items = list(self.instrument.items) + (
            [self.instrument.difficulty] if self.instrument.difficulty else []
        )
        for index, (item, value) in enumerate(zip(items, self.answers, strict=True)):
            options = (
                self.instrument.difficulty_options
                if item is self.instrument.difficulty
                else self.instrument.options
            )
            answer = next((o.label for o in options if o.value == value), self.tr("not answered"))
            row = QWidget()
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 2, 0, 2)
            line.addWidget(wrapped_label(f"{index + 1}. {item.text}\n→ {answer}"), 1)
            change = QPushButton(self.tr("Change"))
            change.setAccessibleName(self.tr("Change answer {0}").format(index + 1))
            change.clicked.connect(lambda _=False, i=index: self._go_to(i))
            line.addWidget(change)
            self.review_list.addWidget(row)
        self.review_list.addStretch(1)
        self.save_button.setEnabled(all(value is not None for value in self.answers))
        self.pages.setCurrentIndex(2)

    def _go_to(self, index: int) -> None:
        self.position = index
        self._show_position()

    def _save_draft(self) -> None:
        self.responses.save_draft(self.instrument.id, list(self.answers), self.position)

    def save(self) -> None:
        if any(value is None for value in self.answers):
            return
        scored = len(self.instrument.items)
        difficulty = self.answers[scored] if self.instrument.difficulty else None
        response = self.responses.record(
            self.instrument.id,
            [int(v) for v in self.answers[:scored]],
            difficulty=difficulty,
            note=self.note.text().strip(),
        )
        self.responses.clear_draft(self.instrument.id)
        self.state.responses_changed.emit()
        self.saved.emit(response)
