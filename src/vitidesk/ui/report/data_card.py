"""Your data, your way: CSV and FHIR exports, and a verified backup you can restore."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QGridLayout, QMessageBox, QPushButton

from vitidesk.errors import UserError
from vitidesk.ui.app_state import AppState
from vitidesk.ui.tasks import run_in_background
from vitidesk.ui.widgets.page import Card


class DataCard(Card):
    def __init__(self, state: AppState) -> None:
        super().__init__("Your data, your way")
        self.state = state
        self.add_text(
            self.tr(
                "Take your answers to another program, or keep a full backup (photos too) that "
                "you can restore on this or another computer. Files are saved only where you "
                "choose, and they are not encrypted: keep them somewhere private."
            ),
            "Muted",
        )
        grid = QGridLayout()
        buttons = (
            (self.tr("Answers as a spreadsheet (CSV)…"), lambda: self.export("csv")),
            (self.tr("Answers as a health record (FHIR)…"), lambda: self.export("fhir")),
            (self.tr("Back up everything…"), lambda: self.backup()),
            (self.tr("Restore from a backup…"), lambda: self.restore()),
        )
        self.buttons: list[QPushButton] = []
        for index, (text, action) in enumerate(buttons):
            button = QPushButton(text)
            button.clicked.connect(action)
            grid.addWidget(button, index, 0)
            self.buttons.append(button)
        self.body.addLayout(grid)
        self.status = self.add_text("")

    def _ask_path(self, title: str, name: str, pattern: str) -> Path | None:
        chosen, _ = QFileDialog.getSaveFileName(self, title, name, pattern)
        return Path(chosen) if chosen else None

    def _busy(self, busy: bool, text: str = "") -> None:
        for button in self.buttons:
            button.setEnabled(not busy)
        if text:
            self.status.setText(text)

    def _failed(self, error: BaseException) -> None:
        self._busy(False)
        message = error.one_line() if isinstance(error, UserError) else str(error)
        self.status.setText(self.tr("That did not work: {0}").format(message))

    def export(self, kind: str, path: Path | None = None) -> None:
        stamp = dt.date.today().isoformat()
        if path is None:
            if kind == "csv":
                path = self._ask_path(
                    self.tr("Export answers"), f"VitiDesk answers {stamp}.csv", "CSV (*.csv)"
                )
            else:
                path = self._ask_path(
                    self.tr("Export answers"), f"VitiDesk FHIR {stamp}.json", "JSON (*.json)"
                )
            if path is None:
                return
        exports, target = self.state.exports, path

        def work() -> int:  # the save dialog asked before replacing a file
            return exports.export_answers(kind, target, force=True)

        self._busy(True, self.tr("Exporting…"))
        run_in_background(
            self,
            work,
            lambda count: (
                self._busy(False),
                self.status.setText(self.tr("{0} answers exported to {1}.").format(count, path)),
            ),
            self._failed,
        )

    def backup(self, path: Path | None = None) -> None:
        from vitidesk.storage.backup import create_backup

        if path is None:
            stamp = dt.date.today().isoformat()
            path = self._ask_path(
                self.tr("Back up VitiDesk"),
                f"VitiDesk backup {stamp}.zip",
                "VitiDesk backup (*.zip)",
            )
            if path is None:
                return
        store = self.state.store
        self._busy(True, self.tr("Backing up…"))
        run_in_background(
            self,
            lambda: create_backup(store, path),
            lambda summary: (
                self._busy(False),
                self.status.setText(
                    self.tr("Backup saved: {0} ({1} files, {2:.1f} MB).").format(
                        summary.path, summary.files, summary.archive_bytes / 1e6
                    )
                ),
            ),
            self._failed,
        )

    def restore(self, path: Path | None = None, *, ask: bool = True) -> None:
        from vitidesk.storage.backup import verify_backup

        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(
                self, self.tr("Restore from a backup"), "", "VitiDesk backup (*.zip)"
            )
            if not chosen:
                return
            path = Path(chosen)
        try:
            manifest = verify_backup(path)
        except UserError as exc:
            self._failed(exc)
            return
        if ask:
            answer = QMessageBox.question(
                self,
                self.tr("Replace your data with this backup?"),
                self.tr(
                    "The backup from {0} will replace what VitiDesk holds now. Your current data "
                    "are kept in a folder next to it, so nothing is lost."
                ).format(manifest.created_at[:10]),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self._swap_in(path)

    def _swap_in(self, path: Path) -> None:
        from vitidesk.storage.backup import restore_backup
        from vitidesk.storage.database import Store

        data_dir = self.state.paths.data_dir
        self._busy(True, self.tr("Restoring…"))
        self.state.store.close()
        try:
            summary = restore_backup(path, data_dir)
        except UserError as exc:
            self.state.replace_store(Store.open(data_dir))  # untouched: carry on as before
            self._failed(exc)
            return
        self.state.replace_store(Store.open(data_dir))
        self._busy(False)
        kept = (
            self.tr(" Your previous data are kept in {0}.").format(summary.previous)
            if summary.previous
            else ""
        )
        self.status.setText(self.tr("Restored {0} files.").format(summary.files) + kept)
