"""Answering a questionnaire: one question at a time, big options, number keys and Enter.

Each option shows the number the official form prints for it (WHO-5: 5 "All of the time" to
0 "At no time"; PHQ: 0 "Not at all" to 3 "Nearly every day"), in the form's order, and the
number keys type those same numbers; the arrow keys move between options. Every answer is
kept as a draft, so closing the app loses nothing. A review comes before saving, and an
incomplete form cannot be saved. PHQ-9 item 9 above 0 shows the safety screen straight after
that question.
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

from vitidesk.core.limits import NOTE_MAX_CHARS
from vitidesk.core.questionnaires import ITEM9_ID, Instrument, Item, Option, item9_positive
from vitidesk.ui.app_state import AppState
from vitidesk.ui.wellbeing.safety import SafetyPanel
from vitidesk.ui.wellbeing.texts import lead_text
from vitidesk.ui.widgets.layouts import clear_layout
from vitidesk.ui.widgets.page import text_scroll_area, wrapped_label

DIGIT_KEYS = {getattr(Qt.Key, f"Key_{digit}"): digit for digit in range(10)}


class QuestionnaireForm(QWidget):
    saved = Signal(object)
    cancelled = Signal()
    help_requested = Signal()

    def __init__(self, state: AppState, instrument: Instrument) -> None:
        super().__init__()
        self.state = state
        self.instrument = instrument
        self.responses = state.responses
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
        self.safety.help_requested.connect(self.help_requested)
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
        # The question and its options scroll on a short screen; Back and Next never do.
        holder = QWidget()
        holder.setObjectName("PageInner")
        inner = QVBoxLayout(holder)
        inner.setContentsMargins(0, 0, 0, 0)
        self.question = wrapped_label("", "CardTitle")
        self.question.setStyleSheet("font-size: 15pt;")
        self.question.setAccessibleName(self.tr("Question"))
        inner.addWidget(self.question)
        self.options_box = QVBoxLayout()
        self.option_group = QButtonGroup(self)
        self.option_group.setExclusive(True)
        self.option_buttons: list[QPushButton] = []
        inner.addLayout(self.options_box)
        inner.addStretch(1)
        column.addWidget(text_scroll_area(holder, self.tr("Question and answers")), 1)
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
        self.note.setMaxLength(NOTE_MAX_CHARS)  # the store keeps no more: never cut silently
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
    def _current(self) -> tuple[Item, tuple[Option, ...]]:
        items = self.instrument.items
        if self.position < len(items) or self.instrument.difficulty is None:
            return items[self.position], self.instrument.options
        return self.instrument.difficulty, self.instrument.difficulty_options

    def shows_numbers(self) -> bool:
        """Scored items show the form's printed numbers; the unscored PHQ-9 difficulty
        question has none on the paper form, so it shows words only."""
        return self.position < len(self.instrument.items)

    def option_text(self, option: Option) -> str:
        return f"{option.value}   {option.label}" if self.shows_numbers() else option.label

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
        for option in options:
            button = QPushButton(self.option_text(option))
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
            self.safety.get_help.setFocus()  # Enter by reflex opens help, never skips it
            return
        self.position += 1
        self._save_draft()
        self._show_position()

    def _needs_safety_screen(self) -> bool:
        return self.position == self.instrument.item_position(ITEM9_ID) and item9_positive(
            self.instrument, self.answers
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
            _, options = self._current()
            if key in DIGIT_KEYS and self.shows_numbers():
                typed = DIGIT_KEYS[key]
                if any(option.value == typed for option in options):
                    self.choose(typed)
                    return
            if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                self._step_choice(options, -1 if key == Qt.Key.Key_Up else 1)
                return
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.forward()
                return
            if key == Qt.Key.Key_Backspace:
                self.back()
                return
        super().keyPressEvent(event)

    def _step_choice(self, options: tuple[Option, ...], step: int) -> None:
        """Move the choice one option up or down the list, in the order shown."""
        values = [option.value for option in options]
        current = self.answers[self.position]
        index = values.index(current) + step if current in values else (0 if step > 0 else -1)
        self.choose(values[max(0, min(index, len(values) - 1))])

    # -- review and save -----------------------------------------------------------------
    def _show_review(self) -> None:
        clear_layout(self.review_list)
        items = list(self.instrument.items) + (
            [self.instrument.difficulty] if self.instrument.difficulty else []
        )
        for index, (item, value) in enumerate(zip(items, self.answers, strict=True)):
            difficulty = item is self.instrument.difficulty
            answer = (
                self.tr("not answered")
                if value is None
                else self.instrument.answer_text(value, difficulty=difficulty)
            )
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
            [v for v in self.answers[:scored] if v is not None],  # all answered, checked above
            difficulty=difficulty,
            note=self.note.text().strip(),
        )
        self.responses.clear_draft(self.instrument.id)
        self.saved.emit(response)
