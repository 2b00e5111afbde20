"""Photos: a private library of skin photos by body site, and before/after comparison."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from vitidesk.ui.app_state import AppState
from vitidesk.ui.widgets.page import SectionPage
from vitidesk.ui.widgets.upcoming import upcoming_section


def _tr(text: str) -> str:
    return QCoreApplication.translate("PhotosPage", text)


def build_photos_page(state: AppState) -> SectionPage:
    return upcoming_section(
        _tr("Photos"),
        _tr("Keep photos of your skin by body site and compare them over months."),
        [
            _tr("add photos from your phone, sorted by body site and date"),
            _tr("follow a guide for taking photos the same way each time"),
            _tr("compare two dates side by side, with a swipe or an overlay"),
            _tr("see an estimate of how much colour has come back (never a diagnosis)"),
        ],
        _tr("Photos are copied into your private data folder, without location or camera data."),
    )
