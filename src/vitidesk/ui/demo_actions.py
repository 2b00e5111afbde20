"""Reset the demo profile: wipe the demo folder, seed it again, and reload every view."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from vitidesk.services import demo
from vitidesk.ui.app_state import AppState
from vitidesk.ui.tasks import STORE_GUARD


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

    def swap(_: object) -> None:
        # The slow part ran on a worker while the old store stayed open; the swap itself is
        # quick and happens here on the GUI thread (every other job stopped first), so no
        # view ever sees a closed store.
        state.replace_store(lambda: demo.reset(folder))
        if on_done is not None:
            on_done()

    if state.tasks.start(parent, lambda _job: demo.prepare_reset(), swap, guard=STORE_GUARD):
        return
    QMessageBox.information(
        parent,
        QCoreApplication.translate("Demo", "Reset the demo"),
        QCoreApplication.translate(
            "Demo", "VitiDesk is still busy adding photos or making a backup. Try again soon."
        ),
    )
