"""Reset the demo profile: wipe the demo folder, seed it again, and reload every view."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from vitidesk.storage.database import Store
from vitidesk.storage.demo import reset_demo
from vitidesk.ui.app_state import AppState
from vitidesk.ui.tasks import run_in_background


def reset_demo_profile(
    state: AppState, parent: QWidget, *, ask: bool = True, on_done: Callable[[], None] | None = None
) -> None:
    """Ask, then restore the demo profile to its sample data (demo mode only)."""
    if not state.demo:
        return
    if ask:
        answer = QMessageBox.question(
            parent,
            QCoreApplication.translate("Demo", "Reset the demo?"),
            QCoreApplication.translate(
                "Demo",
                "This puts the demo profile back to its sample data. Anything added during "
                "the demo is removed. Your own data are not touched.",
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
    folder = state.paths.data_dir
    state.store.close()

    def finished(store: Store) -> None:
        state.replace_store(store)
        if on_done is not None:
            on_done()

    run_in_background(parent, lambda: reset_demo(folder), finished)
