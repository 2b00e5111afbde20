"""Learn: guided lessons about vitiligo and JAK-inhibitor treatment."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from vitidesk.ui.app_state import AppState
from vitidesk.ui.widgets.page import SectionPage
from vitidesk.ui.widgets.upcoming import upcoming_section


def _tr(text: str) -> str:
    return QCoreApplication.translate("LearnPage", text)


def build_learn_page(state: AppState) -> SectionPage:
    return upcoming_section(
        _tr("Learn"),
        _tr("Plain-language lessons about vitiligo and how JAK-inhibitor treatment works."),
        [
            _tr("follow short lessons on why pigment cells are lost in vitiligo"),
            _tr("step through a picture of the JAK-STAT pathway, one signal at a time"),
            _tr("read what treatment trials found, with every source listed"),
            _tr("make a list of questions to bring to your dermatologist"),
        ],
        _tr("Lessons are stored inside the app. Reading them needs no internet."),
    )
