"""Light and dark colour schemes: one set of named colours each, used by the palette,
the style sheet template (``@name`` placeholders) and widgets that paint themselves.

Which scheme is shown follows the person's "Appearance" setting; "system" follows Qt's
colour scheme hint (``QStyleHints.colorScheme``) and changes with it while the app runs.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette

SCHEMES: dict[str, dict[str, str]] = {
    "light": {
        "window": "#f7f8fa",
        "text": "#1c2733",
        "base": "#ffffff",
        "alt_base": "#eef2f4",
        "sidebar": "#eaf0f2",
        "border": "#d3dde1",
        "card_border": "#d9e1e5",
        "input_border": "#a9b8bf",
        "hover": "#eef4f5",
        "selected": "#cfe5e8",
        "selected_text": "#0b3a40",
        "accent": "#1f6f78",
        "accent_hover": "#185a62",
        "on_accent": "#ffffff",
        "control": "#d3dde2",
        "app_title": "#134b52",
        "title": "#10353a",
        "lead": "#33424f",
        "muted": "#4d5b66",
        "disabled": "#6b7780",
        "link": "#0b5cad",
        "focus": "#0b5cad",
        "list_focus": "#7fb0e0",
        "help": "#a3262a",
        "help_hover": "#8c1f23",
        "help_border": "#7d1c1f",
        "help_text": "#ffffff",
        "warn_bg": "#fff1c7",
        "warn_border": "#d9b94a",
        "warn_text": "#4a3a00",
        "due_bg": "#e3f0f2",
        "due_border": "#9cc5cb",
        "due_text": "#0b3a40",
        "tooltip_bg": "#fffbe6",
        "icon": "#23465a",
        "chart_band_a": "#eef3f6",
        "chart_band_b": "#e2ebf0",
        "chart_label": "#4d5b66",
        "chart_frame": "#8a979f",
        "chart_line": "#1f6f78",
        "chart_flag": "#b3261e",
        "tile": "#e9eef0",
        "highlight_row": "#fff1c7",
    },
    "dark": {
        "window": "#1a2126",
        "text": "#e4eaed",
        "base": "#232c32",
        "alt_base": "#29343b",
        "sidebar": "#20292f",
        "border": "#36434b",
        "card_border": "#36434b",
        "input_border": "#5d6e79",
        "hover": "#2c3a42",
        "selected": "#1e4a50",
        "selected_text": "#e8f6f7",
        "accent": "#5cbfc8",
        "accent_hover": "#7ccdd4",
        "on_accent": "#0b2226",
        "control": "#56666f",
        "app_title": "#8fd3da",
        "title": "#d3edf0",
        "lead": "#c5ced4",
        "muted": "#a7b3ba",
        "disabled": "#7f8c95",
        "link": "#8cc4f5",
        "focus": "#8cc4f5",
        "list_focus": "#8cc4f5",
        "help": "#a3262a",
        "help_hover": "#8c1f23",
        "help_border": "#e0676b",
        "help_text": "#ffffff",
        "warn_bg": "#453813",
        "warn_border": "#9c8230",
        "warn_text": "#ffe7a0",
        "due_bg": "#1b383c",
        "due_border": "#3d6a70",
        "due_text": "#d5eff2",
        "tooltip_bg": "#2f3a41",
        "icon": "#cfe0e6",
        "chart_band_a": "#263139",
        "chart_band_b": "#2d3942",
        "chart_label": "#b4bfc6",
        "chart_frame": "#66757f",
        "chart_line": "#5cbfc8",
        "chart_flag": "#f28b82",
        "tile": "#2a343b",
        "highlight_row": "#4d3f14",
    },
}

# Pairs (text, background) that must reach WCAG AA (4.5:1) in every scheme.
TEXT_PAIRS = (
    ("text", "window"),
    ("text", "base"),
    ("text", "sidebar"),
    ("text", "alt_base"),
    ("text", "hover"),
    ("text", "highlight_row"),
    ("selected_text", "selected"),
    ("app_title", "sidebar"),
    ("title", "window"),
    ("title", "base"),
    ("lead", "window"),
    ("muted", "window"),
    ("muted", "base"),
    ("link", "base"),
    ("link", "window"),
    ("help_text", "help"),
    ("help_text", "help_hover"),
    ("warn_text", "warn_bg"),
    ("due_text", "due_bg"),
    ("chart_label", "chart_band_a"),
    ("chart_label", "chart_band_b"),
    ("text", "tooltip_bg"),
    ("on_accent", "accent"),
    ("on_accent", "accent_hover"),
)

_current = {"name": "light"}


def current_scheme() -> str:
    return _current["name"]


def set_current_scheme(name: str) -> None:
    if name not in SCHEMES:
        raise ValueError(f"colour scheme {name!r} is not light or dark")
    _current["name"] = name


def colour(name: str, scheme: str | None = None) -> QColor:
    """A named colour of the current (or the given) scheme."""
    return QColor(SCHEMES[scheme or current_scheme()][name])


def resolve_scheme(appearance: str, system: Qt.ColorScheme) -> str:
    """The scheme to show for the Appearance setting and the system's hint."""
    if appearance in SCHEMES:
        return appearance
    return "dark" if system == Qt.ColorScheme.Dark else "light"


def fill_template(template: str, scheme: str) -> str:
    """Replace every ``@name`` with the scheme's colour; an unknown name is an error."""
    tokens = SCHEMES[scheme]

    def replace(match: re.Match[str]) -> str:
        key = match.group(1)
        if key not in tokens:
            raise KeyError(f"style sheet colour @{key} is not defined")
        return tokens[key]

    return re.sub(r"@([a-z_]+)", replace, template)


PALETTE_ROLES = {
    "Window": "window",
    "WindowText": "text",
    "Base": "base",
    "AlternateBase": "alt_base",
    "Text": "text",
    "Button": "control",  # slider handles and scrollbar thumbs: set off from cards
    "ButtonText": "text",
    "ToolTipBase": "tooltip_bg",
    "ToolTipText": "text",
    "Highlight": "accent",
    "Link": "link",
    "LinkVisited": "link",
    "PlaceholderText": "muted",
}


def palette_for(scheme: str) -> QPalette:
    """A complete palette, so unstyled widgets are readable whatever the platform theme is."""
    palette = QPalette()
    for name, token in PALETTE_ROLES.items():
        palette.setColor(getattr(QPalette.ColorRole, name), colour(token, scheme))
    palette.setColor(QPalette.ColorRole.BrightText, QColor("#ffffff"))
    highlighted = "#ffffff" if scheme == "light" else "#0b2226"
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor(highlighted))
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
        QPalette.ColorRole.Highlight,  # a disabled slider's filled part
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, colour("disabled", scheme))
    return palette


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG 2 contrast ratio between two ``#rrggbb`` colours."""

    def luminance(hex_colour: str) -> float:
        channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    high, low = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (high + 0.05) / (low + 0.05)
