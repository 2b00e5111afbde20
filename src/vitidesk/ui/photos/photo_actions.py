"""Edit a photo from the timeline: re-date, move, rename, switch light, delete."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QInputDialog,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from vitidesk.services.photos import Photo, PhotosService
from vitidesk.ui.widgets.date_field import date_field, date_of


class DateDialog(QDialog):
    def __init__(self, photo: Photo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Change the date"))
        layout = QVBoxLayout(self)
        label = QLabel(self.tr("&Date this photo was taken:"))
        taken = QDate(photo.taken_at.year, photo.taken_at.month, photo.taken_at.day)
        self.edit = date_field(taken, self.tr("Date taken"))
        self.edit.setMaximumDate(QDate.currentDate())
        label.setBuddy(self.edit)
        layout.addWidget(label)
        layout.addWidget(self.edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


def change_date(library: PhotosService, photo: Photo, parent: QWidget) -> bool:
    dialog = DateDialog(photo, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    library.update(photo.id, taken_at=date_of(dialog.edit))
    return True


def move_to_site(library: PhotosService, photo: Photo, parent: QWidget) -> bool:
    sites = library.sites()
    names = [site.name for site in sites]
    name, ok = QInputDialog.getItem(
        parent,
        parent.tr("Move to another body site"),
        parent.tr("Body site:"),
        names,
        names.index(photo.site) if photo.site in names else 0,
        False,
    )
    if not ok or name == photo.site:
        return False
    library.update(photo.id, site_id=sites[names.index(name)].id)
    return True


def rename(library: PhotosService, photo: Photo, parent: QWidget) -> bool:
    text, ok = QInputDialog.getText(
        parent,
        parent.tr("Name this photo"),
        parent.tr("A short note, such as 'left hand, back':"),
        text=photo.label,
    )
    if not ok:
        return False
    library.update(photo.id, label=text)
    return True


def toggle_light(library: PhotosService, photo: Photo) -> bool:
    library.update(photo.id, light="visible" if photo.light == "uv" else "uv")
    return True


def delete(library: PhotosService, photo: Photo, parent: QWidget) -> bool:
    answer = QMessageBox.question(
        parent,
        parent.tr("Delete this photo?"),
        parent.tr(
            "The photo of {0} from {1} will be removed from VitiDesk and its private copy "
            "deleted. Your original file, if you still have it, is not touched."
        ).format(photo.site, photo.taken_at.strftime("%d %B %Y")),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    if answer != QMessageBox.StandardButton.Yes:
        return False
    library.delete(photo.id)
    return True
