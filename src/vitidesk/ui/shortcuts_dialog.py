"""The "Keyboard shortcuts" window (F1): every key, grouped by where it works."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from vitidesk.ui.shortcuts import shortcut_groups
from vitidesk.ui.widgets.page import text_scroll_area


class ShortcutsDialog(QDialog):
    def __init__(self, section_titles: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.setMinimumSize(520, 480)
        outer = QVBoxLayout(self)
        inner = QWidget()
        inner.setObjectName("PageInner")
        grid = QGridLayout(inner)
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(6)
        row = 0
        self.rows: list[tuple[str, str]] = []
        for group in shortcut_groups(section_titles):
            heading = QLabel(group.title)
            heading.setObjectName("CardTitle")
            heading.setContentsMargins(0, 12 if row else 0, 0, 2)
            grid.addWidget(heading, row, 0, 1, 2)
            row += 1
            for keys, meaning in group.rows:
                key_label = QLabel(f"<b>{keys}</b>")
                key_label.setAccessibleName(keys)
                grid.addWidget(key_label, row, 0)
                meaning_label = QLabel(meaning)
                meaning_label.setWordWrap(True)
                grid.addWidget(meaning_label, row, 1)
                self.rows.append((keys, meaning))
                row += 1
        grid.setColumnStretch(1, 1)
        outer.addWidget(text_scroll_area(inner, self.tr("Keyboard shortcuts")), 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)
