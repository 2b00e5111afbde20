"""Report: a PDF for your consultation, exports and backups."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from vitidesk.ui.app_state import AppState
from vitidesk.ui.widgets.page import SectionPage
from vitidesk.ui.widgets.upcoming import upcoming_section


def _tr(text: str) -> str:
    return QCoreApplication.translate("ReportPage", text)


def build_report_page(state: AppState) -> SectionPage:
    return upcoming_section(
        _tr("Report"),
        _tr("Bring your photos and questionnaire results to your dermatologist, on your terms."),
        [
            _tr("make a printable PDF report and choose what goes in it"),
            _tr("export your answers as a spreadsheet file or in the FHIR health-record format"),
            _tr("back up everything to one file and restore it on another computer"),
        ],
        _tr("Reports and exports are saved only where you choose. Nothing is uploaded."),
    )
