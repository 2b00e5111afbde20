"""Photos: body sites on the left, that site's timeline of photos on the right."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QSize, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from vitidesk.errors import UserError
from vitidesk.services.photos import IMPORTED, ImportOutcome, Photo, Site, expand_paths
from vitidesk.ui.app_state import AppState
from vitidesk.ui.photos import photo_actions
from vitidesk.ui.photos.import_flow import (
    ImportOptionsDialog,
    ImportRequest,
    ImportResultDialog,
    choose_files,
    run_import,
)
from vitidesk.ui.photos.timeline_model import THUMB_PX, PhotoRole, ThumbnailCache, TimelineModel
from vitidesk.ui.shortcuts import StandardKey, bind, with_key
from vitidesk.ui.tasks import STORE_GUARD
from vitidesk.ui.widgets.page import Card, link_button, text_scroll_area, wrapped_label

if TYPE_CHECKING:
    from vitidesk.services.photos import PhotosService
    from vitidesk.ui.compare.compare_view import CompareView

ALL_SITES = -1
EMPTY_STATE_WIDTH = 640  # a comfortable reading line for the first steps
CELL_MIN_WIDTH = THUMB_PX + 28  # a thumbnail and room for a two-line caption
CELL_HEIGHT = THUMB_PX + 62


def _tr(text: str) -> str:
    return QCoreApplication.translate("PhotosPage", text)


class PhotosPage(QWidget):
    def __init__(self, state: AppState) -> None:
        super().__init__()
        self.state = state
        self.setAcceptDrops(True)
        self.setAccessibleName(self.tr("Photos"))
        self.cache = ThumbnailCache(self)
        self.model = TimelineModel(state.photos, self.cache)
        self.compare_view: CompareView | None = None
        self.sections = QStackedWidget()
        browse = QWidget()
        self.sections.addWidget(browse)
        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        root.addWidget(self.sections)
        outer = QVBoxLayout(browse)
        outer.setContentsMargins(28, 20, 28, 12)
        outer.addLayout(self._header())
        splitter = QSplitter()
        splitter.addWidget(self._site_list())
        splitter.addWidget(self._timeline_area())
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([210, 900])
        outer.addWidget(splitter, 1)
        self.status = wrapped_label("", "Muted")
        self.status.setAccessibleName(self.tr("Status"))
        outer.addWidget(self.status)
        state.photos_changed.connect(self.reload)
        state.store_replaced.connect(self._store_replaced)
        self.reload()

    # -- layout --------------------------------------------------------------------------
    def _header(self) -> QHBoxLayout:
        row = QHBoxLayout()
        column = QVBoxLayout()
        self.title_label = QLabel(self.tr("Photos"))
        self.title_label.setObjectName("PageTitle")
        column.addWidget(self.title_label)
        column.addWidget(
            wrapped_label(
                self.tr("Your skin photos by body site and date. They stay on this computer."),
                "PageLead",
            )
        )
        row.addLayout(column, 1)
        self.guide_button = QPushButton(self.tr("Photo guide"))
        self.guide_button.setToolTip(self.tr("How to take photos the same way each time"))
        self.guide_button.clicked.connect(self.show_guide)
        self.add_button = QPushButton(self.tr("Add photos…"))
        self.add_button.setObjectName("PrimaryButton")
        self.add_button.clicked.connect(self.add_photos)
        self.add_button.setToolTip(with_key(self.tr("Add photos from files"), StandardKey.Open))
        bind(self, [StandardKey.Open], self.add_photos)
        self.compare_button = QPushButton(self.tr("Compare…"))
        self.compare_button.setToolTip(
            self.tr("See two dates side by side, with swipe, overlay and an estimate of change")
        )
        self.compare_button.clicked.connect(self.open_compare)
        row.addWidget(self.compare_button, 0, Qt.AlignmentFlag.AlignBottom)
        row.addWidget(self.guide_button, 0, Qt.AlignmentFlag.AlignBottom)
        row.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignBottom)
        return row

    def _site_list(self) -> QWidget:
        pane = QWidget()
        column = QVBoxLayout(pane)
        column.setContentsMargins(0, 0, 8, 0)
        self.sites = QListWidget()
        self.sites.setObjectName("LessonList")
        self.sites.setAccessibleName(self.tr("Body sites"))
        self.sites.setMinimumWidth(140)
        self.sites.currentRowChanged.connect(self._site_chosen)
        self.sites.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.sites.customContextMenuRequested.connect(self._site_menu)
        column.addWidget(self.sites, 1)
        add_site = QPushButton(self.tr("New body site…"))
        add_site.clicked.connect(self.add_site)
        column.addWidget(add_site)
        return pane

    def _timeline_area(self) -> QWidget:
        self.stack = QStackedWidget()
        self.timeline = QListView()
        self.timeline.setObjectName("Timeline")
        self.timeline.setAccessibleName(self.tr("Photo timeline"))
        bind(
            self.timeline,
            [StandardKey.Delete],
            lambda: self.act_on_selection("delete"),
            within=True,
        )
        self.timeline.setViewMode(QListView.ViewMode.IconMode)
        self.timeline.setResizeMode(QListView.ResizeMode.Adjust)
        self.timeline.setMovement(QListView.Movement.Static)
        self.timeline.setUniformItemSizes(True)
        self.timeline.setLayoutMode(QListView.LayoutMode.Batched)
        self.timeline.setBatchSize(200)
        self.timeline.setIconSize(QSize(THUMB_PX, THUMB_PX))
        self.timeline.setGridSize(QSize(CELL_MIN_WIDTH, CELL_HEIGHT))
        self.timeline.viewport().installEventFilter(self)
        self.timeline.setWordWrap(True)
        self.timeline.setSpacing(6)
        self.timeline.setSelectionMode(QListView.SelectionMode.ExtendedSelection)
        self.timeline.setModel(self.model)
        self.timeline.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.timeline.customContextMenuRequested.connect(self._context_menu)
        self.timeline_pane = QWidget()
        pane_column = QVBoxLayout(self.timeline_pane)
        pane_column.setContentsMargins(0, 0, 0, 0)
        pane_column.addWidget(self.timeline, 1)
        self.action_row = QHBoxLayout()
        self.action_buttons: list[QPushButton] = []
        for key, text in (
            ("date", self.tr("Date…")),
            ("site", self.tr("Move…")),
            ("name", self.tr("Name…")),
            ("light", self.tr("Light")),
            ("delete", self.tr("Delete…")),
        ):
            button = QPushButton(text)
            button.setProperty("action_key", key)
            button.setStyleSheet("padding: 6px 10px;")
            button.setToolTip(
                {
                    "date": self.tr("Change the date of the selected photo"),
                    "site": self.tr("Move the selected photo to another body site"),
                    "name": self.tr("Give the selected photo a short name"),
                    "light": self.tr("Switch between normal light and UV (Wood's lamp)"),
                    "delete": self.tr("Delete the selected photo"),
                }[key]
            )
            button.clicked.connect(lambda _=False, k=key: self.act_on_selection(k))
            self.action_row.addWidget(button)
            self.action_buttons.append(button)
        self.action_row.addStretch(1)
        pane_column.addLayout(self.action_row)
        self.timeline.selectionModel().selectionChanged.connect(self._selection_changed)
        self.stack.addWidget(self.timeline_pane)
        self.empty = self._empty_state()
        self.stack.addWidget(self.empty)
        return self.stack

    def _empty_state(self) -> QScrollArea:
        """No photos here yet: one next step (add), with the guide's key points right there."""
        content = QWidget()
        content.setObjectName("PageInner")
        column = QVBoxLayout(content)
        column.setContentsMargins(24, 16, 24, 16)
        column.setSpacing(12)
        column.addStretch(1)
        self.empty_title = wrapped_label("", "CardTitle")
        column.addWidget(self.empty_title)
        column.addWidget(
            wrapped_label(self.tr("Choose photos from your phone or camera, or drag them here."))
        )
        self.first_button = QPushButton(self.tr("Add a first photo…"))
        self.first_button.setObjectName("PrimaryButton")
        self.first_button.setToolTip(with_key(self.tr("Add photos from files"), StandardKey.Open))
        self.first_button.clicked.connect(self.add_photos)
        column.addWidget(self.first_button, 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(self._guide_card())
        column.addStretch(2)
        content.setMaximumWidth(EMPTY_STATE_WIDTH)
        holder = QWidget()
        holder.setObjectName("PageInner")
        centre = QHBoxLayout(holder)
        centre.setContentsMargins(0, 0, 0, 0)
        centre.addWidget(content)
        return text_scroll_area(holder, self.tr("Getting started with photos"))

    def _guide_card(self) -> Card:
        from vitidesk.ui.photos.capture_guide import key_points

        card = Card(self.tr("Take each photo the same way"))
        self.guide_points = [card.add_text(f"•  {point}") for point in key_points()]
        self.guide_link = link_button(self.tr("Read the whole photo guide"))
        self.guide_link.clicked.connect(self.show_guide)
        card.body.addWidget(self.guide_link, 0, Qt.AlignmentFlag.AlignLeft)
        return card

    def eventFilter(self, watched, event) -> bool:
        if watched is self.timeline.viewport() and event.type() == QEvent.Type.Resize:
            self._justify_timeline(event.size().width())
        return super().eventFilter(watched, event)

    def _justify_timeline(self, width: int) -> None:
        """As many columns as fit, sharing the width: no empty strip down the right side."""
        columns = max(1, width // CELL_MIN_WIDTH)
        cell = QSize(max(CELL_MIN_WIDTH, width // columns), CELL_HEIGHT)
        if cell != self.timeline.gridSize():
            self.timeline.setGridSize(cell)

    # -- data ----------------------------------------------------------------------------
    @property
    def library(self) -> PhotosService:
        """The photo library as it is now (a restore or reset hands out a new one)."""
        return self.state.photos

    def _store_replaced(self) -> None:
        if self.compare_view is not None:
            self.sections.removeWidget(self.compare_view)
            self.compare_view.deleteLater()
            self.compare_view = None
        self.sections.setCurrentIndex(0)
        self.model.library = self.library
        self.cache.clear()
        self.reload()

    def reload(self) -> None:
        current = self.current_site_id()
        sites = self.library.sites()
        total = sum(site.photo_count for site in sites)
        self.sites.blockSignals(True)
        self.sites.clear()
        everything = QListWidgetItem(self.tr("All photos ({0})").format(total))
        everything.setData(Qt.ItemDataRole.UserRole, ALL_SITES)
        self.sites.addItem(everything)
        for site in sites:
            name = _tr(site.name) if site.builtin else site.name
            item = QListWidgetItem(f"{name} ({site.photo_count})")
            item.setData(Qt.ItemDataRole.UserRole, site.id)
            self.sites.addItem(item)
        row = next(
            (
                r
                for r in range(self.sites.count())
                if self.sites.item(r).data(Qt.ItemDataRole.UserRole) == current
            ),
            0,
        )
        self.sites.setCurrentRow(row)
        self.sites.blockSignals(False)
        self._show_site()

    def current_site_id(self) -> int:
        item = self.sites.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else ALL_SITES

    def current_site(self) -> Site | None:
        return self.library.site(self.current_site_id())

    def _site_chosen(self, row: int) -> None:
        if row >= 0:
            self._show_site()

    def _show_site(self) -> None:
        site_id = self.current_site_id()
        self.model.load(None if site_id == ALL_SITES else site_id)
        self.compare_button.setEnabled(self.model.rowCount() >= 2)
        self._selection_changed()
        has_photos = self.model.rowCount() > 0
        if has_photos:
            self.stack.setCurrentWidget(self.timeline_pane)
        else:
            site = self.current_site()
            first = not any(s.photo_count for s in self.library.sites())
            if first:
                self.empty_title.setText(self.tr("No photos yet: add a first photo"))
            else:
                name = _tr(site.name) if site and site.builtin else (site.name if site else "")
                self.empty_title.setText(self.tr("No photos of {0} yet").format(name))
            self.first_button.setText(
                self.tr("Add a first photo…") if first else self.tr("Add photos…")
            )
            self.stack.setCurrentWidget(self.empty)
        # The empty state carries the one next step: no second "Add" or guide button above it.
        for button in (self.add_button, self.guide_button, self.compare_button):
            button.setVisible(has_photos)

    def _selection_changed(self, *args) -> None:
        single = len(self.timeline.selectionModel().selectedIndexes()) == 1
        for button in self.action_buttons:
            button.setEnabled(single)

    def act_on_selection(self, key: str) -> None:
        selected = self.selected_photos()
        if len(selected) != 1:
            return
        order = ["date", "site", "name", "light", "delete"]
        _, action = self.photo_actions(selected[0])[order.index(key)]
        action()

    def selected_photos(self) -> list[Photo]:
        return [index.data(PhotoRole) for index in self.timeline.selectionModel().selectedIndexes()]

    # -- actions -------------------------------------------------------------------------
    def open_compare(self) -> None:
        """Compare the two selected photos; with more selected, or none, the first and latest
        of one body site among them (never two sites when one site has a pair)."""
        from vitidesk.ui.compare.compare_view import CompareView, default_pair

        photos = list(self.model.photos)
        selected = sorted(self.selected_photos(), key=lambda p: (p.taken_at, p.id))
        pair: tuple[Photo, Photo] | None
        if len(selected) == 2:
            pair = (selected[0], selected[1])
        elif len(selected) > 2:
            pair = default_pair(selected) or (selected[0], selected[-1])
        else:
            pair = default_pair(photos)
        if pair is None and len(photos) >= 2:
            pair = (photos[0], photos[-1])
        if pair is None:
            self.status.setText(self.tr("Add at least two photos to compare them."))
            return
        if self.compare_view is None:
            self.compare_view = CompareView(self.library, self.state.measurements)
            self.compare_view.closed.connect(self.close_compare)
            self.sections.addWidget(self.compare_view)
        self.sections.setCurrentWidget(self.compare_view)
        self.compare_view.open_pair(photos, *pair)

    def close_compare(self) -> None:
        self.sections.setCurrentIndex(0)

    def show_guide(self) -> None:
        from vitidesk.ui.photos.capture_guide import CaptureGuideDialog

        CaptureGuideDialog(self).exec()

    def add_site(self) -> None:
        name, ok = QInputDialog.getText(
            self, self.tr("New body site"), self.tr("Name, such as 'left knee':")
        )
        if ok and name.strip():
            try:
                self.library.add_site(name)
            except UserError as exc:
                self.status.setText(exc.one_line())

    def _site_menu(self, point: QPoint) -> None:
        site = self.current_site()
        if site is None or site.builtin:
            return
        menu = QMenu(self)
        menu.addAction(self.tr("Rename body site…"), lambda: self.rename_site(site))
        menu.exec(self.sites.viewport().mapToGlobal(point))

    def rename_site(self, site: Site) -> None:
        name, ok = QInputDialog.getText(
            self, self.tr("Rename body site"), self.tr("New name:"), text=site.name
        )
        if ok and name.strip():
            try:
                self.library.rename_site(site.id, name)
            except UserError as exc:
                self.status.setText(exc.one_line())

    def add_photos(self) -> None:
        self.import_paths(choose_files(self))

    @property
    def busy(self) -> bool:
        """An import, restore or backup is running: a second one waits."""
        return self.state.tasks.busy(STORE_GUARD)

    def import_paths(
        self, paths: list[Path], *, ask: bool = True, allow_duplicates: bool = False
    ) -> None:
        if not paths:
            return
        if self.busy:
            self._say_busy()
            return
        sites = self.library.sites()
        current = self.current_site()
        options = ImportOptionsDialog(sites, current, len(paths), self)
        if ask and options.exec() != ImportOptionsDialog.DialogCode.Accepted:
            return
        site = next(s for s in sites if s.id == options.site_id())
        request = ImportRequest(paths, site, options.light(), options.taken())
        self._start_import(request, allow_duplicates=allow_duplicates)

    def _start_import(self, request: ImportRequest, allow_duplicates: bool = False) -> None:
        started = run_import(
            self.state,
            self,
            request,
            on_done=lambda outcomes: self._imported(outcomes, request),
            on_error=self._import_failed,
            on_progress=self._import_progress,
            allow_duplicates=allow_duplicates,
        )
        if not started:
            self._say_busy()
            return
        self._set_importing(True)
        self.status.setText(self.tr("Adding {0} photo(s)…").format(len(request.paths)))

    def _say_busy(self) -> None:
        self.status.setText(
            self.tr("VitiDesk is still busy adding photos or making a backup. Try again soon.")
        )

    def _set_importing(self, importing: bool) -> None:
        self.add_button.setEnabled(not importing)
        self.first_button.setEnabled(not importing)

    def _import_progress(self, done: int, total: int) -> None:
        self.status.setText(self.tr("Adding photos: {0} of {1} done…").format(done, total))

    def _import_failed(self, error: BaseException) -> None:
        self._set_importing(False)
        message = error.one_line() if isinstance(error, UserError) else str(error)
        self.status.setText(self.tr("The photos could not be added: {0}").format(message))

    def _imported(self, outcomes: list[ImportOutcome], request: ImportRequest) -> None:
        self._set_importing(False)
        added = sum(o.status == IMPORTED for o in outcomes)
        self.status.setText(self.tr("{0} of {1} photo(s) added.").format(added, len(outcomes)))
        if added == len(outcomes):
            return
        result = ImportResultDialog(outcomes, self)
        result.exec()
        if result.import_duplicates:
            again = ImportRequest(result.duplicates(), request.site, request.light, request.taken)
            self._start_import(again, allow_duplicates=True)

    def _context_menu(self, point: QPoint) -> None:
        index = self.timeline.indexAt(point)
        if not index.isValid():
            return
        photo: Photo = index.data(PhotoRole)
        menu = QMenu(self)
        for text, action in self.photo_actions(photo):
            menu.addAction(text, action)
        menu.exec(self.timeline.viewport().mapToGlobal(point))

    def photo_actions(self, photo: Photo) -> list[tuple[str, Callable[[], None]]]:
        def run(edit: Callable[[], bool]) -> None:
            try:
                edit()  # the library says what changed; the timeline reloads from that
            except UserError as exc:
                self.status.setText(exc.one_line())

        other_light = (
            self.tr("Mark as normal light") if photo.light == "uv" else self.tr("Mark as UV light")
        )
        return [
            (
                self.tr("Change date…"),
                lambda: run(lambda: photo_actions.change_date(self.library, photo, self)),
            ),
            (
                self.tr("Move to body site…"),
                lambda: run(lambda: photo_actions.move_to_site(self.library, photo, self)),
            ),
            (
                self.tr("Name…"),
                lambda: run(lambda: photo_actions.rename(self.library, photo, self)),
            ),
            (other_light, lambda: run(lambda: photo_actions.toggle_light(self.library, photo))),
            (
                self.tr("Delete…"),
                lambda: run(lambda: photo_actions.delete(self.library, photo, self)),
            ),
        ]

    # -- drag and drop -------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_paths(expand_paths(paths))


def build_photos_page(state: AppState) -> PhotosPage:
    return PhotosPage(state)
