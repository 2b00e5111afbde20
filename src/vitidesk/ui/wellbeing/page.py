"""Wellbeing: private, validated questionnaires and their history."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from vitidesk.ui.app_state import AppState
from vitidesk.ui.widgets.page import SectionPage
from vitidesk.ui.widgets.upcoming import upcoming_section


def _tr(text: str) -> str:
    return QCoreApplication.translate("WellbeingPage", text)


def build_wellbeing_page(state: AppState) -> SectionPage:
    return upcoming_section(
        _tr("Wellbeing"),
        _tr(
            "Living with vitiligo can weigh on your mood. Short questionnaires help you keep track."
        ),
        [
            _tr("answer the WHO-5, PHQ-4, PHQ-9 and GAD-7 questionnaires in a few minutes"),
            _tr("see what your score means in plain words (a screening result, not a diagnosis)"),
            _tr("follow how your answers change over time"),
        ],
        _tr("Your answers never leave this computer. No one else sees them unless you share them."),
    )
