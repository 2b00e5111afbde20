"""History of one questionnaire: the trend chart and a table with notes and delete; with no
answers yet, one clear next step (answer it a first time)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from vitidesk.core.limits import NOTE_MAX_CHARS
from vitidesk.core.questionnaires import ITEM9_FLAG, ITEM9_ID, Instrument
from vitidesk.render.dates import medium_date
from vitidesk.services.responses import Response
from vitidesk.ui.app_state import AppState
from vitidesk.ui.wellbeing.trend_chart import TrendChart, value_of
from vitidesk.ui.widgets.page import wrapped_label

_FIT = QHeaderView.ResizeMode.ResizeToContents
_SHARE = QHeaderView.ResizeMode.Stretch
HISTORY_COLUMN_MODES = (_FIT, _FIT, _SHARE, _FIT, _SHARE)  # date, score, result, flags, note


class HistoryView(QWidget):
    done = Signal()
    start_requested = Signal(str)  # the questionnaire's id

    def __init__(self, state: AppState, instrument: Instrument) -> None:
        super().__init__()
        self.state = state
        self.instrument = instrument
        self.responses = state.responses
        self.setAccessibleName(self.tr("{0} history").format(instrument.id))
        column = QVBoxLayout(self)
        column.setContentsMargins(36, 24, 36, 16)
        column.addWidget(
            wrapped_label(self.tr("{0}: your history").format(instrument.title), "PageTitle")
        )
        self.content = QStackedWidget()
        self.content.addWidget(self._history_pane())
        self.content.addWidget(self._empty_pane())
        column.addWidget(self.content, 1)
        row = QHBoxLayout()
        back = QPushButton(self.tr("Back to Wellbeing"))
        back.clicked.connect(self.done)
        self.note_button = QPushButton(self.tr("Edit note…"))
        self.note_button.clicked.connect(self.edit_note)
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.delete_button.clicked.connect(self.delete)
        row.addWidget(back)
        row.addStretch(1)
        row.addWidget(self.note_button)
        row.addWidget(self.delete_button)
        column.addLayout(row)
        state.responses_changed.connect(self.reload)
        self.reload()

    def _history_pane(self) -> QWidget:
        pane = QWidget()
        column = QVBoxLayout(pane)
        column.setContentsMargins(0, 0, 0, 0)
        self.chart = TrendChart(self.instrument)
        column.addWidget(self.chart, 3)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Date"),
                self.tr("Score"),
                self.tr("Result"),
                self.tr("Flags"),
                self.tr("Note"),
            ]
        )
        self.table.setAccessibleName(self.tr("Answers so far"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Date, score and flag fit their text; result and note share the rest, so the table
        # never needs a sideways scroll bar (a long note is cut with "…", whole in its tip).
        header = self.table.horizontalHeader()
        header.setResizeContentsPrecision(40)  # size columns from 40 rows
        for index, mode in enumerate(HISTORY_COLUMN_MODES):
            header.setSectionResizeMode(index, mode)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        column.addWidget(self.table, 2)
        return pane

    def _empty_pane(self) -> QWidget:
        pane = QWidget()
        column = QVBoxLayout(pane)
        column.addStretch(1)
        title = wrapped_label(self.tr("No answers yet"), "CardTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column.addWidget(title)
        hint = wrapped_label(
            self.tr(
                "Answer the {0} once, and your results will show here over time. "
                "It takes about two minutes."
            ).format(self.instrument.id)
        )
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column.addWidget(hint)
        row = QHBoxLayout()
        row.addStretch(1)
        self.first_button = QPushButton(self.tr("Answer the {0} now").format(self.instrument.id))
        self.first_button.setObjectName("PrimaryButton")
        self.first_button.clicked.connect(lambda: self.start_requested.emit(self.instrument.id))
        row.addWidget(self.first_button)
        row.addStretch(1)
        column.addLayout(row)
        column.addStretch(2)
        return pane

    def flag_text(self, response: Response) -> str:
        """The flag as the person answered it: "Item 9: Several days (1)"."""
        if ITEM9_FLAG not in response.flags:
            return ""
        value = self.instrument.item_answer(ITEM9_ID, response.answers)
        answer = self.instrument.answer_text(value) if value is not None else ""
        return self.tr("Item 9: {0}").format(answer)

    def reload(self) -> None:
        self.rows = self.responses.responses(self.instrument.id)
        self.content.setCurrentIndex(0 if self.rows else 1)
        self.note_button.setVisible(bool(self.rows))
        self.delete_button.setVisible(bool(self.rows))
        self.chart.set_responses(self.rows)
        self.table.setUpdatesEnabled(False)
        self.table.setRowCount(len(self.rows))
        for row, response in enumerate(reversed(self.rows)):
            band = self.instrument.band(response.band)
            flags = self.flag_text(response)
            values = [
                medium_date(response.taken_at),
                str(value_of(response)),
                band.label,
                flags,
                response.note,
            ]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                item.setData(Qt.ItemDataRole.UserRole, response.id)
                self.table.setItem(row, column, item)
        self.table.setUpdatesEnabled(True)

    def selected_id(self) -> int | None:
        items = self.table.selectedItems()
        return items[0].data(Qt.ItemDataRole.UserRole) if items else None

    def edit_note(self) -> None:
        response_id = self.selected_id()
        if response_id is None:
            return
        current = self.responses.get(response_id)
        dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("Note"))
        dialog.setLabelText(self.tr("Note:"))
        dialog.setTextValue(current.note)
        field = dialog.findChild(QLineEdit)
        if field is not None:
            field.setMaxLength(NOTE_MAX_CHARS)  # the store keeps no more: never cut silently
        if dialog.exec():
            self.responses.update_note(response_id, dialog.textValue().strip())

    def delete(self) -> None:
        response_id = self.selected_id()
        if response_id is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete these answers?"),
            self.tr("The answers from this date will be removed for good."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.responses.delete(response_id)
