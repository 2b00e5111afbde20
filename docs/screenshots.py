"""Screenshots of every section, dialog and presenter view, for looking at by eye.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots.py OUT_DIR [--sizes 1920x1080,...]
        [--schemes light,dark] [--only NAME,...]

Runs offscreen on virtual screens of the asked sizes (Qt's offscreen ``configfile`` option),
with the app's real look, the demo profile and an empty profile of one's own. The presenter is
shot on a laptop plus a 1920x1080 projector screen, and on one screen alone. Nothing here is
part of the app or its tests; open the PNGs and look at them.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

SIZES = ("1920x1080", "1366x768", "1280x720")
SCHEMES = ("light", "dark")


def _screen_config(size: str, projector: str | None) -> str:
    width, height = (int(part) for part in size.split("x"))
    screens = [{"name": "Laptop", "x": 0, "y": 0, "width": width, "height": height}]
    if projector:
        pw, ph = (int(part) for part in projector.split("x"))
        screens.append({"name": "Projector", "x": width, "y": 0, "width": pw, "height": ph})
    for screen in screens:
        screen.update(logicalDpi=96, logicalBaseDpi=96, dpr=1)
    handle = tempfile.NamedTemporaryFile("w", suffix=".json", delete=False)
    json.dump({"screens": screens}, handle)
    handle.close()
    return handle.name


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--sizes", default=",".join(SIZES))
    parser.add_argument("--schemes", default=",".join(SCHEMES))
    parser.add_argument("--only", default="", help="comma-separated shot names to keep")
    parser.add_argument("--projector", default="", help="second screen, for example 1920x1080")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return _shoot(args)
    args.out.mkdir(parents=True, exist_ok=True)
    failed = 0
    for size in args.sizes.split(","):
        for projector in ("", "1920x1080"):
            config = _screen_config(size, projector or None)
            env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}")
            for scheme in args.schemes.split(","):
                command = [sys.executable, __file__, str(args.out), "--child"]
                command += ["--sizes", size, "--schemes", scheme, "--only", args.only]
                command += ["--projector", projector]
                failed |= subprocess.run(command, env=env).returncode
    return failed


def _shoot(args: argparse.Namespace) -> int:  # noqa: C901 - one list of shots, read top down
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication, QDialog, QWidget

    from vitidesk.paths import AppPaths
    from vitidesk.storage.database import Store
    from vitidesk.storage.demo import open_demo_store
    from vitidesk.ui import look
    from vitidesk.ui.app_state import AppState
    from vitidesk.ui.main_window import MainWindow

    size, scheme, projector = args.sizes, args.schemes, args.projector
    only = {name for name in args.only.split(",") if name}
    if projector:  # the second screen matters only to the presenter
        only = {name for name in only if name.startswith("presenter")} or {"presenter"}
    app = QApplication.instance() or QApplication(sys.argv[:1])
    look.apply_look(app, scheme)
    home = Path(tempfile.mkdtemp(prefix="vitidesk-shots-"))
    os.environ["VITIDESK_DEMO_DIR"] = str(home / "demo")
    os.environ["VITIDESK_LOG_DIR"] = str(home / "logs")
    tag = f"{size}-{scheme}" + (f"-2screens" if projector else "")

    def settle(ms: int = 150) -> None:
        # A local event loop: app.quit() would close every window (Qt 6).
        for _ in range(3):
            app.processEvents()
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def save(widget: QWidget, name: str) -> None:
        if only and not any(name.startswith(o) for o in only):
            return
        settle()
        path = args.out / f"{name}-{tag}.png"
        widget.grab().save(str(path))
        print(path)

    def open_window(demo: bool) -> tuple[MainWindow, AppState]:
        paths = AppPaths.resolve(None if demo else home / "own", demo=demo)
        store = open_demo_store(paths.data_dir) if demo else Store.open(paths.data_dir)
        state = AppState(paths, store)
        state.settings.last_section = 4  # a broken section must not stop the other shots
        window = MainWindow(state)
        screen = app.primaryScreen().availableGeometry()
        window.setGeometry(screen)
        window.show()
        settle()
        return window, state

    def shoot_dialogs(window: MainWindow, prefix: str) -> None:
        shown: list[QDialog] = []

        def fake_exec(dialog: QDialog) -> int:
            dialog.show()
            shown.append(dialog)
            return 0

        original = QDialog.exec
        QDialog.exec = fake_exec  # type: ignore[method-assign]
        try:
            for name, opener in (
                ("help", window.show_help),
                ("about", window.show_about),
                ("shortcuts", window.show_shortcuts),
            ):
                opener()
                save(shown[-1], f"{prefix}dialog-{name}")
                shown[-1].close()
            window.sidebar.select(0)
            learn = window.current_page()
            for name, opener in (
                ("sources", lambda: learn.show_reference("")),
                ("glossary", lambda: learn.show_glossary("")),
            ):
                opener()
                save(shown[-1], f"{prefix}dialog-{name}")
                shown[-1].close()
        finally:
            QDialog.exec = original  # type: ignore[method-assign]

    # -- demo profile: every section, the questionnaire, compare, presenter ---------------
    window, state = open_window(demo=True)
    titles = ["learn", "photos", "wellbeing", "report", "settings"]
    for index, name in enumerate(titles):
        try:
            window.sidebar.select(index)
            window.current_page()
            settle(300)
            save(window, f"demo-{index + 1}-{name}")
        except Exception as exc:  # a screenshot tool: say what failed and go on
            print(f"{name}: {exc!r}", file=sys.stderr)
    try:
        shoot_dialogs(window, "demo-")
    except Exception as exc:
        print(f"dialogs: {exc!r}", file=sys.stderr)

    window.sidebar.select(2)
    wellbeing = window.current_page()
    for instrument in ("WHO-5", "PHQ-9"):
        wellbeing.start(instrument)
        settle()
        save(window, f"demo-form-{instrument}")
        from vitidesk.ui.wellbeing.form import QuestionnaireForm

        form = window.findChild(QuestionnaireForm)
        if form is not None and instrument == "PHQ-9":
            for _ in range(8):
                form.choose(1)
                form.forward()
            form.choose(1)
            save(window, "demo-form-PHQ-9-item9")
            form.forward()
            save(window, "demo-form-PHQ-9-safety")
            form.safety.continue_requested.emit()
            form.choose(1)
            form.forward()
            save(window, "demo-form-PHQ-9-review")
        if form is not None:
            form.cancelled.emit()
        settle()
    wellbeing.show_history("PHQ-9")
    save(window, "demo-history-PHQ-9")
    wellbeing.show_history("WHO-5")
    save(window, "demo-history-WHO-5")
    wellbeing.go_home()

    window.sidebar.select(1)
    photos = window.current_page()
    settle(800)
    try:
        photos.timeline.selectAll()
        photos.open_compare()
        settle(1500)
        save(window, "demo-compare")
        photos.close_compare()
    except Exception as exc:  # a screenshot tool: say what failed and go on
        print(f"compare: {exc}", file=sys.stderr)

    window.sidebar.select(3)
    report = window.current_page()
    try:
        report.make_preview()
        for _ in range(100):  # up to 20 s: the preview renders off the GUI thread
            settle(200)
            if getattr(report, "page_labels", None):
                break
        settle(300)
        save(window, "demo-report-preview")
    except Exception as exc:
        print(f"report preview: {exc}", file=sys.stderr)

    if not only or any(o.startswith("presenter") for o in only):
        window.sidebar.select(0)
        learn = window.current_page()
        learn.navigator.go_to(2, 0)
        learn.start_presenting()
        settle(800)
        from vitidesk.ui.learn.presenter import current_presentation

        presentation = current_presentation()
        if presentation is not None:
            save(presentation.audience, "presenter-audience")
            if presentation.console is not None:
                save(presentation.console, "presenter-console")
            for _ in range(6):
                presentation.navigator.forward()
            settle(500)
            save(presentation.audience, "presenter-audience-step7")
            presentation.stop()
            settle()
    window.close()
    state.close()

    # -- an empty profile of one's own: the first-run states ------------------------------
    if not projector:
        window, state = open_window(demo=False)
        for index, name in enumerate(titles):
            window.sidebar.select(index)
            window.current_page()
            settle(300)
            save(window, f"own-{index + 1}-{name}")
        window.close()
        state.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
