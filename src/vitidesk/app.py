"""Start the desktop app: QApplication set-up, the store, the main window."""

from __future__ import annotations

import sys

from vitidesk import APP_ID, APP_NAME, __version__
from vitidesk.errors import UserError
from vitidesk.paths import AppPaths

READY_TIMEOUT_MS = 30_000


def _open_store(paths: AppPaths):
    if paths.demo:  # imported only here: seeding the demo needs Pillow, opening a store does not
        from vitidesk.storage.demo import open_demo_store

        return open_demo_store(paths.data_dir)
    from vitidesk.storage.database import Store

    return Store.open(paths.data_dir)


def _import_qt_free_modules_first() -> None:
    """Once PySide6 is loaded, its import hook reads the source of every module imported after
    it (to look for ``__feature__``); loading the Qt-free ones before it saves that time."""
    import importlib.readers  # noqa: F401  (importlib.resources reads package data with it)

    from vitidesk.core import content_language, resources  # noqa: F401
    from vitidesk.storage import atomic, database, settings  # noqa: F401


def run_gui(paths: AppPaths, *, exit_when_ready: bool = False) -> int:
    _import_qt_free_modules_first()
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication, QMessageBox

    from vitidesk.ui import crash_handler
    from vitidesk.ui.app_state import AppState
    from vitidesk.ui.look import AppearanceFollower, apply_look, icon
    from vitidesk.ui.main_window import MainWindow

    running = QApplication.instance()
    app = running if isinstance(running, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    QGuiApplication.setDesktopFileName(APP_ID)
    app.setWindowIcon(icon("vitidesk"))
    apply_look(app)
    from vitidesk.ui.translation import install_translations

    install_translations(app)
    crash_handler.install(paths.log_dir)
    from vitidesk.storage.atomic import ensure_private_dir
    from vitidesk.ui.single_instance import InstanceGuard

    try:
        ensure_private_dir(paths.data_dir)
    except OSError as exc:
        print(
            f"vitidesk: error: {paths.data_dir}: cannot create the data folder ({exc})",
            file=sys.stderr,
        )
        return 2
    guard = InstanceGuard(paths.data_dir)
    if not guard.acquire():
        guard.ask_first_instance_to_show()
        print("VitiDesk is already open with this data folder: showing that window.")
        return 0
    try:
        store = _open_store(paths)
    except UserError as exc:
        if exit_when_ready or QGuiApplication.platformName() == "offscreen":
            print(f"vitidesk: error: {exc.one_line()}", file=sys.stderr)
        else:
            QMessageBox.critical(None, "VitiDesk", exc.one_line())
        return 2
    state = AppState(paths, store)
    AppearanceFollower(app, state)
    window = MainWindow(state)
    guard.raise_requested.connect(window.bring_to_front)
    state.store_replaced.connect(guard.relock)
    exit_code = {"value": 0}
    if exit_when_ready:
        window.first_painted.connect(app.quit)

        def too_slow() -> None:
            exit_code["value"] = 1
            print("vitidesk: error: window: not painted within 30 s", file=sys.stderr)
            app.quit()

        QTimer.singleShot(READY_TIMEOUT_MS, too_slow)
    window.show()
    app.exec()
    if not state.store.closed:
        window.save_geometry()
    state.close()  # every job cancelled and waited for, then the store closed
    guard.release()
    return exit_code["value"]
