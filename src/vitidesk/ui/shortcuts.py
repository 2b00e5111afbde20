"""Keyboard shortcuts: bound with the platform's standard keys where one exists (Ctrl+O to
add, Ctrl+S to save, Alt+Left/Right or Cmd+[ ] to go back and forward, F1 for help), and
listed in one place for the "Keyboard shortcuts" window (F1)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

Key = QKeySequence.StandardKey | str
StandardKey = QKeySequence.StandardKey


def sequences(keys: Iterable[Key]) -> list[QKeySequence]:
    """Every sequence the keys stand for on this platform (a standard key may have several;
    on some platforms it has none)."""
    found: list[QKeySequence] = []
    for key in keys:
        if isinstance(key, QKeySequence.StandardKey):
            found += [s for s in QKeySequence.keyBindings(key) if not s.isEmpty()]
        else:
            found.append(QKeySequence(key))
    return found


def bind(
    widget: QWidget,
    keys: Iterable[Key],
    action: Callable[[], object],
    *,
    within: bool = False,
) -> list[QShortcut]:
    """Shortcuts on ``widget`` that run ``action``. ``within``: only while the focus is in
    ``widget`` (so Delete in a text field still deletes text)."""
    made = []
    for sequence in sequences(keys):
        shortcut = QShortcut(sequence, widget)
        if within:
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(action)
        made.append(shortcut)
    return made


def key_text(*keys: Key) -> str:
    """How the keys are written on this platform, e.g. "Ctrl+O" or "⌘O" (for a standard
    key, its main binding only: not the media keys some keyboards have)."""
    native = QKeySequence.SequenceFormat.NativeText
    shown = []
    for key in keys:
        found = sequences([key])[:1]
        shown += [s.toString(native) for s in found if s.toString(native) not in shown]
    return " / ".join(shown)


def with_key(text: str, *keys: Key) -> str:
    """A tooltip with its shortcut: "Add photos from files (Ctrl+O)"."""
    shown = key_text(*keys)
    return f"{text} ({shown})" if shown else text


@dataclass(frozen=True)
class ShortcutGroup:
    title: str
    rows: tuple[tuple[str, str], ...]  # (keys as shown, what they do)


def _t(text: str) -> str:
    return QCoreApplication.translate("Shortcuts", text)


def shortcut_groups(section_titles: list[str]) -> list[ShortcutGroup]:
    """Every shortcut in the app, grouped where it works."""
    sections = tuple(
        (key_text(f"Ctrl+{number}"), _t("Go to {0}").format(title))
        for number, title in enumerate(section_titles, start=1)
    )
    return [
        ShortcutGroup(
            _t("Everywhere"),
            (
                *sections,
                (key_text(StandardKey.HelpContents), _t("Show this list of shortcuts")),
                (key_text("Ctrl+Q"), _t("Quit VitiDesk")),
            ),
        ),
        ShortcutGroup(
            _t("Learn"),
            (
                (key_text(StandardKey.Forward), _t("Next step")),
                (key_text(StandardKey.Back), _t("Previous step")),
                (key_text(StandardKey.FullScreen, "F11", "F5"), _t("Present full screen")),
            ),
        ),
        ShortcutGroup(
            _t("Presenting"),
            (
                (_t("Right, Space, Page Down"), _t("Next step")),
                (_t("Left, Page Up"), _t("Previous step")),
                ("B", _t("Blank the screen")),
                ("P / D", _t("Pointer / pen")),
                (key_text(StandardKey.Undo), _t("Undo the last pen line")),
                ("J", _t("JAK-inhibitor cream on or off")),
                ("Esc", _t("Stop presenting")),
            ),
        ),
        ShortcutGroup(
            _t("Photos"),
            (
                (key_text(StandardKey.Open), _t("Add photos")),
                (key_text(StandardKey.Delete), _t("Delete the selected photo (asks first)")),
            ),
        ),
        ShortcutGroup(
            _t("Compare"),
            (
                ("1 – 5", _t("Side by side, swipe, overlay, blink, difference")),
                (key_text(StandardKey.ZoomIn, "+"), _t("Zoom in")),
                (key_text(StandardKey.ZoomOut, "-"), _t("Zoom out")),
                ("F / 0", _t("Fit / actual size")),
                ("L", _t("Link or unlink the zoom")),
                ("Esc", _t("Back to the photos")),
            ),
        ),
        ShortcutGroup(
            _t("Questionnaires"),
            (
                ("1 – 9", _t("Choose an answer")),
                (_t("Enter"), _t("Next question")),
                (_t("Backspace"), _t("Previous question")),
            ),
        ),
        ShortcutGroup(_t("Report"), ((key_text(StandardKey.Save), _t("Save the PDF")),)),
    ]
