"""The names the pathway diagram understands: its elements, signals and melanocyte states.

Lesson manifests refer to these names; the loader rejects any other, so a typo in a lesson
file is caught by the tests rather than silently drawing nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

ELEMENTS: dict[str, str] = {
    "keratinocyte": "Keratinocyte",
    "melanocyte": "Melanocyte",
    "tcell": "CD8+ T cell",
    "ifng": "IFN-γ",
    "receptor": "IFN-γ receptor",
    "jak": "JAK1 + JAK2",
    "stat1": "STAT1",
    "nucleus": "Nucleus",
    "chemokines": "CXCL9 and CXCL10",
    "recruited": "More T cells (CXCR3)",
    "trm": "Memory T cell",
    "il15": "IL-15",
    "inhibitor": "JAK inhibitor",
    "follicle": "Hair follicle",
}

SIGNALS: dict[str, str] = {
    "stress": "Stressed melanocyte sends alarm signals",
    "ifng_release": "T cell releases IFN-gamma",
    "jak_stat": "Receptor switches on JAK1/JAK2, which switch on STAT1",
    "to_nucleus": "STAT1 carries the message into the nucleus",
    "chemokine_release": "Keratinocyte sends out CXCL9 and CXCL10",
    "recruit": "More T cells follow the chemokines into the skin",
    "il15_trm": "IL-15 keeps resident memory T cells alive (via JAK1/JAK3)",
    "repigment": "New pigment cells move in from the hair follicle",
}

MELANOCYTE_STATES = ("healthy", "stressed", "under_attack", "lost", "recovering")


@dataclass(frozen=True)
class DiagramState:
    """What one lesson step shows: lit elements, moving signals, the cream on or off."""

    highlight: tuple[str, ...] = ()
    animate: tuple[str, ...] = ()
    inhibitor: bool = False
    melanocyte: str = "healthy"

    def problems(self) -> list[str]:
        found = [
            f"unknown diagram element {name!r}" for name in self.highlight if name not in ELEMENTS
        ]
        found += [
            f"unknown diagram signal {name!r}" for name in self.animate if name not in SIGNALS
        ]
        if self.melanocyte not in MELANOCYTE_STATES:
            found.append(f"unknown melanocyte state {self.melanocyte!r}")
        return found
