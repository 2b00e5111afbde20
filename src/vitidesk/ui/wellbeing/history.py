"""History of one questionnaire: the trend chart and a table with notes and delete."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QInputDialog,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from vitidesk.core.questionnaires import ITEM9_FLAG, Instrument
from vitidesk.storage.responses import ResponseStore
from vitidesk.ui.app_state import AppState
from vitidesk.ui.wellbeing.trend_chart import TrendChart, value_of
from vitidesk.ui.widgets.page import wrapped_label


class HistoryView(QWidget):
    done = Signal()

    def __init__(self, state: AppState, instrument: Instrument) -> None:
        super().__init__()
        self.state = state
        self.instrument = instrument
        self.responses = ResponseStore(state.store)
        self.setAccessibleName(self.tr("{0} history").format(instrument.id))
        column = QVBoxLayout(self)
        column.setContentsMargins(36, 24, 36, 16)
        column.addWidget(
            wrapped_label(self.tr("{0}: your history").format(instrument.title), "PageTitle")
        )
        self.chart = TrendChart(instrument)
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
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setResizeContentsPrecision(40)  # size columns from 40 rows
        self.table.verticalHeader().setVisible(False)
        column.addWidget(self.table, 2)
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

    def reload(self) -> None:
        self.rows = self.responses.responses(self.instrument.id)
        self.chart.set_responses(self.rows)
        self.table.setUpdatesEnabled(False)
        self.table.setRowCount(len(self.rows))
        for row, response in enumerate(reversed(self.rows)):
            band = self.instrument.band(response.band)
            flags = self.tr("Item 9 answered above 0") if ITEM9_FLAG in response.flags else ""
            values = [
                response.taken_at.strftime("%d %b %Y"),
                str(value_of(response)),
                band.label,
                flags,
                response.note,
            ]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, response.id)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.table.setUpdatesEnabled(True)

    def selected_id(self) -> int | None:
        items = self.table.selectedItems()
        return items[0].data(Qt.ItemDataRole.UserRole) if items else None

    def edit_note(self) -> None:
        response_id = self.selected_id()
        if response_id is None:
            return
        current = self.responses.get(response_id)
        text, ok = QInputDialog.getText(self, self.tr("Note"), self.tr("Note:"), text=current.note)
        if ok:
            self.responses.update_note(response_id, text.strip())
            self.state.responses_changed.emit()

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
            self.state.responses_changed.emit()
