"""What a restore would change, shown before it happens: the backup's date, what it holds
next to what VitiDesk holds now, and each setting that would change (the local crisis number
among them). Restoring keeps the current data beside the folder, so nothing is lost."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from vitidesk.services.backup import Counts, RestorePreview


def _tr(text: str) -> str:
    return QCoreApplication.translate("RestoreDialog", text)


def _setting_names() -> dict[str, str]:
    return {
        "local_crisis_number": _tr("Local crisis number"),
        "region": _tr("Region for help contacts"),
        "reminder_days": _tr("Check-in reminder (days)"),
        "appearance": _tr("Appearance"),
        "paper_size": _tr("Report paper size"),
        "reduced_motion": _tr("Reduce motion"),
    }


def _counts(counts: Counts) -> str:
    return _tr("questionnaire answers {0}, photos {1}, diary entries {2}").format(
        counts.responses, counts.photos, counts.diary
    )


def _value(value: Any) -> str:
    if value in ("", None):
        return _tr("not set")
    if isinstance(value, bool):
        return _tr("on") if value else _tr("off")
    return str(value)


def preview_text(preview: RestorePreview) -> str:
    """The preview in plain lines: what is in the backup, what is here now, what changes."""
    made = preview.created_at[:10] if preview.created_at else _tr("an unknown date")
    lines = [
        _tr("This backup is from {0}.").format(made),
        _tr("In the backup: {0}.").format(_counts(preview.backup)),
    ]
    if preview.current is not None:
        lines.append(_tr("In VitiDesk now: {0}.").format(_counts(preview.current)))
    names = _setting_names()
    for change in preview.settings:
        lines.append(
            _tr("{0} changes from {1} to {2}.").format(
                names.get(change.key, change.key), _value(change.now), _value(change.backup)
            )
        )
    if preview.left_out:
        lines.append(
            _tr("{0} file(s) could not be included when the backup was made.").format(
                len(preview.left_out)
            )
        )
    lines.append(_tr("Your current data are kept in a folder next to it, so nothing is lost."))
    return "\n".join(lines)


def confirm_restore(parent: QWidget, preview: RestorePreview) -> bool:
    """Ask before replacing the data; True when the person said yes."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(_tr("Restore from a backup"))
    box.setText(_tr("Replace your data with this backup?"))
    box.setInformativeText(preview_text(preview))
    replace = box.addButton(_tr("Replace my data"), QMessageBox.ButtonRole.AcceptRole)
    keep = box.addButton(_tr("Keep my data"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.exec()
    return box.clickedButton() is replace
