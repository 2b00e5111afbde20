"""Your data, your way: CSV and FHIR exports, and a verified backup you can restore.

Everything slow runs on a worker through the services (exports, backup, restore), with its
progress shown; one backup or restore at a time. A restore first checks the backup and shows
what it would change; only on "Replace" is the store closed (every other job stopped first),
the backup swapped in and the store opened again. Whatever goes wrong, the disk filling up
included, the app opens the data folder again as it was.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QGridLayout, QProgressDialog, QPushButton

from vitidesk.errors import UserError
from vitidesk.services.backup import BackupSummary, RestorePlan, RestoreSummary
from vitidesk.services.exports import ExportSummary
from vitidesk.ui.app_state import AppState
from vitidesk.ui.report.restore_dialog import confirm_restore
from vitidesk.ui.tasks import STORE_GUARD, Job
from vitidesk.ui.widgets.page import Card

PROGRESS_STEPS = 1000  # the bar's resolution: bytes are scaled to this


def _why(error: BaseException) -> str:
    if isinstance(error, UserError):
        return error.one_line()
    if isinstance(error, OSError):
        return error.strerror or str(error)
    return str(error)


class DataCard(Card):
    def __init__(self, state: AppState) -> None:
        super().__init__("Your data, your way")
        self.state = state
        self.progress: QProgressDialog | None = None
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
        self._end_progress()
        self._busy(False)
        self.status.setText(self.tr("That did not work: {0}").format(_why(error)))

    def _say_busy(self) -> None:
        self.status.setText(
            self.tr("VitiDesk is still busy adding photos or making a backup. Try again soon.")
        )

    # -- progress ------------------------------------------------------------------------
    def _start_progress(self, text: str) -> None:
        self._end_progress()
        dialog = QProgressDialog(text, "", 0, PROGRESS_STEPS, self)
        dialog.setCancelButton(None)  # a restore is never cut off half-way
        dialog.setWindowTitle(self.tr("VitiDesk"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)  # nothing else meanwhile
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setValue(0)
        self.progress = dialog

    def _advance(self, done: int, total: int) -> None:
        if self.progress is not None and total > 0:
            self.progress.setValue(min(PROGRESS_STEPS, done * PROGRESS_STEPS // total))

    def _end_progress(self) -> None:
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None

    # -- exports -------------------------------------------------------------------------
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

        def work(_job: Job) -> ExportSummary:  # the save dialog asked before replacing a file
            return exports.export_answers(kind, target, force=True)

        def done(summary: ExportSummary) -> None:
            self._busy(False)
            self.status.setText(
                self.tr("{0} answers exported to {1}.").format(summary.count, summary.path)
            )

        self._busy(True, self.tr("Exporting…"))
        self.state.tasks.start(self, work, done, self._failed)

    # -- backup --------------------------------------------------------------------------
    def backup(self, path: Path | None = None) -> None:
        if path is None:
            stamp = dt.date.today().isoformat()
            path = self._ask_path(
                self.tr("Back up VitiDesk"),
                f"VitiDesk backup {stamp}.zip",
                "VitiDesk backup (*.zip)",
            )
            if path is None:
                return
        backups, target = self.state.backups, path

        def work(job: Job) -> BackupSummary:  # closing the window stops it; no file is left
            return backups.backup(target, force=True, progress=job.stopping_progress)

        job = self.state.tasks.start(
            self, work, self._backed_up, self._failed, guard=STORE_GUARD, on_progress=self._advance
        )
        if job is None:
            self._say_busy()
            return
        self._busy(True, self.tr("Backing up…"))
        self._start_progress(self.tr("Backing up your data and photos…"))

    def _backed_up(self, summary: BackupSummary) -> None:
        self._end_progress()
        self._busy(False)
        text = self.tr("Backup saved: {0} ({1} files, {2:.1f} MB).").format(
            summary.path, summary.files, summary.archive_bytes / 1e6
        )
        if summary.left_out:
            text += " " + self.tr("Left out (damaged or missing): {0}.").format(
                ", ".join(summary.left_out)
            )
        self.status.setText(text)

    # -- restore -------------------------------------------------------------------------
    def restore(self, path: Path | None = None, *, ask: bool = True) -> None:
        """Check the backup on a worker, show what it changes, then swap it in."""
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(
                self, self.tr("Restore from a backup"), "", "VitiDesk backup (*.zip)"
            )
            if not chosen:
                return
            path = Path(chosen)
        backups, source = self.state.backups, path
        job = self.state.tasks.start(
            self,
            lambda _job: backups.prepare_restore(source),
            lambda plan: self._prepared(plan, ask),
            self._failed,
            guard=STORE_GUARD,
        )
        if job is None:
            self._say_busy()
            return
        self._busy(True, self.tr("Checking the backup…"))

    def _prepared(self, plan: RestorePlan, ask: bool) -> None:
        if ask and not confirm_restore(self, plan.preview):
            self.state.backups.discard(plan)
            self._busy(False, self.tr("Nothing was changed."))
            return
        self._swap_in(plan)

    def _swap_in(self, plan: RestorePlan) -> None:
        backups = self.state.backups
        self._start_progress(self.tr("Restoring your data and photos…"))
        self._busy(True, self.tr("Restoring…"))
        self.state.release_store()  # every job stopped, then the store closed

        def work(job: Job) -> RestoreSummary:  # never stopped half-way: it is waited for
            return backups.restore(plan, progress=job.progress)

        started = self.state.tasks.start(
            self,
            work,
            self._restored,
            self._restore_failed,
            guard=STORE_GUARD,
            on_progress=self._advance,
        )
        if started is None:  # pragma: no cover - the guard was just let go by the check
            backups.discard(plan)
            self._reopen(None)

    def _restored(self, summary: RestoreSummary) -> None:
        self._reopen(None, summary)

    def _restore_failed(self, error: BaseException) -> None:
        self._reopen(error)

    def _reopen(self, error: BaseException | None, summary: Any = None) -> None:
        """Open the data folder again: the backup's data, or, after any error, the data as
        they were."""
        self._end_progress()
        try:
            self.state.reopen()
        except UserError as exc:  # the folder cannot be opened at all: say so, plainly
            self._busy(False)
            self.status.setText(self.tr("VitiDesk cannot open your data: {0}").format(_why(exc)))
            return
        if error is not None:
            self._failed(error)
            self.status.setText(self.status.text() + " " + self.tr("Your data are unchanged."))
            return
        self._busy(False)
        kept = (
            self.tr(" Your previous data are kept in {0}.").format(summary.previous)
            if summary.previous
            else ""
        )
        self.status.setText(self.tr("Restored {0} files.").format(summary.files) + kept)
