"""The clinician report, drawn with QPainter: to PDF bytes (vector text) or page images.

The report is a flow of measured blocks (headings, text, table rows, photo pairs, charts) laid
onto pages before anything is drawn, so every footer can say "Page X of Y", a heading always
stays with the block after it, and the layout log (:class:`ReportLayout`) tells what went on
which page. A demo report says "Sample data" on every page. Photos are scaled down before
they are drawn, so a report with 20 photos stays small; everything reads in greyscale (bands
are named in text, the line is dark, item 9 is a diamond). Dates follow the locale (QLocale).

Only QtCore and QtGui are used here: the ``report`` command draws with a QGuiApplication.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QMarginsF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QImage,
    QImageReader,
    QPageLayout,
    QPageSize,
    QPaintDevice,
    QPainter,
    QPdfWriter,
    QPen,
)

from vitidesk.core.questionnaires import ITEM9_FLAG
from vitidesk.core.report_data import InstrumentHistory, ReportData, SafetyFlag, SitePair
from vitidesk.render import dates
from vitidesk.render.trend_painter import ChartColours, draw_trend, series_of, value_of

DPI = 150
SCREEN_DPI = 96  # the chart painter's sizes are screen pixels: scaled up by DPI / this
PHOTO_LONG_SIDE = 900  # pixels drawn per photo: sharp in print, small in the file
TABLE_ROWS = 12  # the most recent answers listed under each chart
CHART_HEIGHT = 300  # px at DPI: about 5 cm, room for the bands to be read
INK = QColor("#111111")
MUTED = QColor("#444444")
SAMPLE = QColor("#8a5a00")
CHART_COLOURS = ChartColours(
    background=None,
    band_shades=(QColor("#f2f2f2"), QColor("#dedede")),
    frame=QColor("#777777"),
    label=MUTED,
    line=INK,
    flag=QColor("#b3261e"),
    outline=QColor("white"),
)
TITLE = "VitiDesk report for your dermatology visit"
SAMPLE_TEXT = "Sample data: made from the VitiDesk demo profile, not a real person's record."
WRAP = int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)


def ensure_application() -> QCoreApplication:
    """A Qt application to draw with: the running one, else a QApplication in a process that
    already has widgets (tests, the app: they need one later), else a QGuiApplication."""
    app = QCoreApplication.instance()
    if app is not None:
        return app
    widgets = sys.modules.get("PySide6.QtWidgets")
    if widgets is not None:
        return widgets.QApplication([])
    return QGuiApplication([])


def page_size(paper: str) -> QPageSize:
    return QPageSize(QPageSize.PageSizeId.Letter if paper == "Letter" else QPageSize.PageSizeId.A4)


def font(points: float, bold: bool = False) -> QFont:
    chosen = QFont("DejaVu Sans")
    chosen.setPointSizeF(points)
    chosen.setBold(bold)
    if hasattr(QFont, "Tag"):  # no ligatures: "first" stays searchable in every PDF reader
        chosen.setFeature(QFont.Tag("liga"), 0)
    return chosen


# -- the flow --------------------------------------------------------------------------------
@dataclass
class Block:
    """Something drawn at full width: ``draw(painter, left, top, width)``."""

    kind: str  # "heading", "text", "row", "photos", "chart", "box" (for the layout log)
    label: str
    height: float
    draw: Callable[[QPainter, float, float, float], None]
    gap_after: float = 0.0
    keep_with_next: bool = False  # headings: never the last thing on a page


@dataclass(frozen=True)
class Placed:
    block: Block
    top: float  # from the top of the page's content area


def paginate(blocks: Sequence[Block], page_height: float) -> list[list[Placed]]:
    """Blocks onto pages of ``page_height``. A block kept with the next moves to a new page
    with it when the two do not both fit, so no page ends with a heading."""
    pages: list[list[Placed]] = [[]]
    y = 0.0
    index = 0
    while index < len(blocks):
        end = index  # the chain: blocks kept with the next, and the one they lead to
        while end < len(blocks) - 1 and blocks[end].keep_with_next:
            end += 1
        chain = blocks[index : end + 1]
        needed = sum(b.height + b.gap_after for b in chain[:-1]) + chain[-1].height
        if pages[-1] and y + needed > page_height:
            pages.append([])
            y = 0.0
        for block in chain:
            if pages[-1] and y + block.height > page_height:  # a chain longer than a page
                pages.append([])
                y = 0.0
            pages[-1].append(Placed(block, y))
            y += block.height + block.gap_after
        index = end + 1
    return pages if pages[0] else []


@dataclass(frozen=True)
class LogEntry:
    kind: str
    label: str
    top: float
    bottom: float


@dataclass
class ReportLayout:
    """What went on each page, top to bottom (tests and the preview read it)."""

    pages: list[list[LogEntry]] = field(default_factory=list)
    page_size: tuple[int, int] = (0, 0)
    content: tuple[float, float] = (0.0, 0.0)  # top and bottom of the content area


# -- where pages go --------------------------------------------------------------------------
class _Pages:
    """A PDF writer into a buffer, or page images for the preview."""

    def __init__(self, paper: str, to_pdf: bool) -> None:
        self.paper = paper
        self.images: list[QImage] = []
        self.buffer: QBuffer | None = None
        self.writer: QPdfWriter | None = None
        self.painter: QPainter | None = None
        if to_pdf:
            self._bytes = QByteArray()
            self.buffer = QBuffer(self._bytes)
            self.buffer.open(QIODevice.OpenModeFlag.WriteOnly)
            self.writer = QPdfWriter(self.buffer)
            self.writer.setResolution(DPI)
            self.writer.setPageLayout(
                QPageLayout(
                    page_size(paper), QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)
                )
            )
            self.writer.setTitle("VitiDesk report")
            self.writer.setCreator("VitiDesk")
        self._probe = self._blank() if self.writer is None else None

    def size(self) -> tuple[int, int]:
        if self.writer is not None:
            return self.writer.width(), self.writer.height()
        points = page_size(self.paper).sizePoints()
        return round(points.width() * DPI / 72), round(points.height() * DPI / 72)

    def device(self) -> QPaintDevice:
        """What text is measured on: the device it will be drawn on."""
        if self.writer is not None:
            return self.writer
        assert self._probe is not None  # made whenever there is no writer
        return self._probe

    def _blank(self) -> QImage:
        width, height = self.size()
        image = QImage(width, height, QImage.Format.Format_RGB32)
        image.setDotsPerMeterX(round(DPI / 0.0254))
        image.setDotsPerMeterY(round(DPI / 0.0254))
        image.fill(QColor("white"))
        return image

    def page(self) -> QPainter:
        """A painter on a fresh page."""
        if self.writer is not None:
            if self.painter is None:
                self.painter = QPainter(self.writer)
            else:
                self.writer.newPage()
            return self.painter
        if self.painter is not None:
            self.painter.end()
        self.images.append(self._blank())
        self.painter = QPainter(self.images[-1])
        return self.painter

    def finish(self) -> bytes:
        if self.painter is not None:
            self.painter.end()
        if self.buffer is None:
            return b""
        self.buffer.close()
        return bytes(self._bytes.data())


# -- building the blocks ---------------------------------------------------------------------
class _Builder:
    def __init__(self, data: ReportData, device: QPaintDevice, width: float) -> None:
        self.data = data
        self.device = device
        self.width = width
        self.blocks: list[Block] = []

    def metrics(self, chosen: QFont) -> QFontMetricsF:
        return QFontMetricsF(chosen, self.device)

    def measure(self, text: str, chosen: QFont, width: float) -> float:
        return self.metrics(chosen).boundingRect(QRectF(0, 0, width, 1e6), WRAP, text).height()

    # -- kinds of block ------------------------------------------------------------------
    def text(
        self,
        words: str,
        points: float = 10,
        bold: bool = False,
        colour: QColor = INK,
        *,
        heading: bool = False,
        keep: bool = False,
        indent: float = 0.0,
    ) -> Block:
        chosen = font(points, bold)
        width = self.width - indent
        height = self.measure(words, chosen, width) + 2

        def draw(p: QPainter, left: float, top: float, _width: float) -> None:
            p.setFont(chosen)
            p.setPen(colour)
            p.drawText(QRectF(left + indent, top, width, height), WRAP, words)

        block = Block(
            "heading" if heading else "text",
            words,
            height,
            draw,
            gap_after=points * (1.1 if heading else 0.9),
            keep_with_next=heading or keep,
        )
        self.blocks.append(block)
        return block

    def heading(self, words: str, points: float = 14) -> Block:
        return self.text(words, points, True, heading=True)

    def gap(self, height: float) -> None:
        if self.blocks:
            self.blocks[-1].gap_after += height

    def row(
        self,
        cells: Sequence[str],
        columns: Sequence[float],
        *,
        bold: bool = False,
        keep: bool = False,
        points: float = 8.5,
    ) -> Block:
        chosen = font(points, bold)
        starts = [self.width * c for c in columns]
        widths = [
            (starts[i + 1] if i + 1 < len(starts) else self.width) - starts[i] - 12
            for i in range(len(starts))
        ]
        height = max(self.measure(c or " ", chosen, w) for c, w in zip(cells, widths, strict=True))
        height += 4

        def draw(p: QPainter, left: float, top: float, _width: float) -> None:
            p.setFont(chosen)
            p.setPen(INK)
            for words, start, width in zip(cells, starts, widths, strict=True):
                p.drawText(QRectF(left + start, top, width, height), WRAP, words)

        block = Block("row", " | ".join(cells), height, draw, keep_with_next=keep)
        self.blocks.append(block)
        return block

    def safety_box(self, flags: Sequence[SafetyFlag]) -> None:
        title_font, line_font = font(12, True), font(10)
        inner = self.width - 2 * 24
        lines = [flag_line(flag) for flag in flags]
        heights = [self.measure(line, line_font, inner) + 8 for line in lines]
        title_height = self.measure("Safety: please read first", title_font, inner) + 10
        total = 20 + title_height + sum(heights) + 12

        def draw(p: QPainter, left: float, top: float, width: float) -> None:
            p.setPen(QPen(INK, 4))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(QRectF(left + 2, top + 2, width - 4, total - 4))
            y = top + 16
            p.setFont(title_font)
            p.drawText(QRectF(left + 24, y, inner, title_height), WRAP, "Safety: please read first")
            y += title_height
            p.setFont(line_font)
            for line, height in zip(lines, heights, strict=True):
                p.drawText(QRectF(left + 24, y, inner, height), WRAP, line)
                y += height

        self.blocks.append(Block("box", "Safety: please read first", total, draw, gap_after=18))

    def photos(self, pair: SitePair) -> None:
        column = (self.width - 20) / 2
        image_height = column * 0.75
        caption = font(9, True)
        caption_height = self.metrics(caption).height() + 8
        shots = [(pair.first, pair.first_path)]
        if pair.latest.id != pair.first.id:
            shots.append((pair.latest, pair.latest_path))

        def draw(p: QPainter, left: float, top: float, _width: float) -> None:
            for index, (photo, path) in enumerate(shots):
                x = left + index * (column + 20)
                image = _photo(path)
                if not image.isNull():
                    scaled = image.size().scaled(
                        round(column), round(image_height), Qt.AspectRatioMode.KeepAspectRatio
                    )
                    p.drawImage(QRectF(x, top, scaled.width(), scaled.height()), image)
                p.setFont(caption)
                p.setPen(INK)
                light = " (UV light)" if photo.light == "uv" else ""
                p.drawText(
                    QRectF(x, top + image_height + 6, column, caption_height),
                    WRAP,
                    dates.long_date(photo.taken_at) + light,
                )

        self.blocks.append(
            Block("photos", pair.site, image_height + 6 + caption_height, draw, gap_after=8)
        )

    def chart(self, history: InstrumentHistory) -> None:
        series = series_of(history.bands, history.top_value, history.responses, history.percent)
        chart_font = font(7)

        def draw(p: QPainter, left: float, top: float, width: float) -> None:
            rect = QRectF(left, top, width, CHART_HEIGHT)
            draw_trend(p, series, rect, CHART_COLOURS, chart_font, scale=DPI / SCREEN_DPI)

        # Kept with the table under it: a chart alone at a page foot reads as unexplained.
        self.blocks.append(
            Block("chart", history.instrument_id, CHART_HEIGHT, draw, 16, keep_with_next=True)
        )


def _photo(path: Path) -> QImage:
    reader = QImageReader(str(path))
    size = reader.size()
    if size.isValid() and max(size.width(), size.height()) > PHOTO_LONG_SIDE:
        reader.setScaledSize(
            size.scaled(PHOTO_LONG_SIDE, PHOTO_LONG_SIDE, Qt.AspectRatioMode.KeepAspectRatio)
        )
    return reader.read()


def flag_line(flag: SafetyFlag) -> str:
    return (
        f"{flag.instrument_id} item 9 (thoughts of being better off dead or of self-harm) "
        f"answered above 0 on {dates.long_date(flag.taken_at)} (answer: {flag.answer})."
    )


def _flag_cell(data: ReportData, history: InstrumentHistory, response) -> str:
    if ITEM9_FLAG not in response.flags:
        return ""
    for flag in data.flags:
        if flag.taken_at == response.taken_at and flag.instrument_id == history.instrument_id:
            return flag.answer
    return "yes"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _score(history: InstrumentHistory, response) -> str:
    return f"{value_of(response)} / {history.top_value}"


# -- the report's content, top to bottom -----------------------------------------------------
def _cover(b: _Builder, data: ReportData) -> None:
    b.text(TITLE, 18, True, heading=True)
    if data.name:
        b.text(data.name, 12, True, keep=True)
    made = f"{dates.long_date(data.generated)}, {dates.time_of_day(data.generated)}"
    b.text(f"Made on {made}.", 10, colour=MUTED)
    b.gap(10)


def _summary(b: _Builder, data: ReportData) -> None:
    b.heading("Summary")
    if data.flags:
        b.safety_box(data.flags)
    if data.first_date and data.last_date:
        span = dates.long_date(data.first_date)
        if data.last_date != data.first_date:
            span += f" to {dates.long_date(data.last_date)}"
        parts = []
        if data.sites:
            parts.append(_count(len(data.sites), "body site") + " with photos")
        if data.wellbeing:
            parts.append(_count(len(data.wellbeing), "questionnaire"))
        b.text(f"This report covers {span}: {' and '.join(parts)}.", 10)
    if data.sites:
        b.text("Photos (first and latest of each body site)", 10, True, heading=True)
        columns: tuple[float, ...] = (0, 0.22, 0.6)
        for pair in data.sites:
            when = dates.medium_date(pair.first.taken_at)
            if pair.latest.id != pair.first.id:
                when += f" and {dates.medium_date(pair.latest.taken_at)}"
            estimate = ""
            if pair.first_fraction is not None and pair.latest_fraction is not None:
                estimate = f"estimate about {pair.first_fraction:.0%}"
                if pair.latest.id != pair.first.id:
                    estimate += f", then about {pair.latest_fraction:.0%}"
            b.row((pair.site, when, estimate), columns)
        b.gap(10)
    if data.wellbeing:
        b.text("Questionnaires (latest answer)", 10, True, heading=True)
        columns = (0, 0.22, 0.36, 0.68)
        for history in data.wellbeing:
            latest = history.responses[-1]
            b.row(
                (
                    history.instrument_id,
                    _score(history, latest),
                    history.band_label(latest.band),
                    f"{dates.medium_date(latest.taken_at)} "
                    f"({_count(len(history.responses), 'answer')})",
                ),
                columns,
            )
        b.gap(10)
    if not (data.sites or data.wellbeing):
        b.text("Nothing to report for the chosen dates, sites and questionnaires.", 11)
    b.gap(14)


def _photo_section(b: _Builder, data: ReportData) -> None:
    b.heading("Photos by body site")
    for pair in data.sites:
        b.text(pair.site, 12, True, heading=True)
        b.photos(pair)
        if pair.first_fraction is not None and pair.latest_fraction is not None:
            first, latest = pair.first.taken_at, pair.latest.taken_at
            line = (
                f"Estimated share of depigmented skin: about {pair.first_fraction:.0%} on "
                f"{dates.medium_date(first)}"
            )
            if pair.latest.id != pair.first.id:
                line += f", about {pair.latest_fraction:.0%} on {dates.medium_date(latest)}"
            line += "."
            if pair.change:
                line += f" {pair.change[0].upper()}{pair.change[1:]}."
            b.text(line + " An estimate from photos, not a diagnosis.", 9)
        b.gap(14)


def _questionnaire_section(b: _Builder, data: ReportData) -> None:
    b.heading("Wellbeing questionnaires")
    b.text(
        "Screening questionnaires, answered privately by the patient. A result is not a "
        "diagnosis; it is a starting point for talking together.",
        9,
        colour=MUTED,
        keep=True,
    )
    for history in data.wellbeing:
        b.text(history.title, 11, True, heading=True)
        b.chart(history)
        columns = (0, 0.2, 0.34, 0.64)  # date, score, result, flag
        flagged = any(ITEM9_FLAG in response.flags for response in history.responses)
        flag_heading = "Item 9 above 0" if flagged else ""
        b.row(("Date", "Score", "Result", flag_heading), columns, bold=True, keep=True)
        rows = list(history.responses)[-TABLE_ROWS:]
        for response in reversed(rows):
            flag = _flag_cell(data, history, response)
            b.row(
                (
                    dates.medium_date(response.taken_at),
                    _score(history, response),
                    history.band_label(response.band),
                    flag,
                ),
                columns,
            )
        if len(history.responses) > len(rows):
            b.blocks[-1].keep_with_next = True  # the note stays under its table
            b.text(
                f"(the {len(rows)} most recent of {len(history.responses)} shown)", 8, colour=MUTED
            )
        b.gap(16)
    b.heading("Questionnaire sources", 11)
    for history in data.wellbeing:
        b.text(f"{history.title}: {history.licence}", 8, colour=MUTED)


def report_blocks(data: ReportData, device: QPaintDevice, width: float) -> list[Block]:
    """The report's blocks for a content column ``width`` px wide on ``device``."""
    builder = _Builder(data, device, width)
    _cover(builder, data)
    _summary(builder, data)
    if data.sites:
        _photo_section(builder, data)
    if data.wellbeing:
        _questionnaire_section(builder, data)
    return builder.blocks


# -- drawing ---------------------------------------------------------------------------------
class _Frame:
    """The parts of every page around the content: the sample banner and the footer."""

    def __init__(self, data: ReportData, width: int, height: int) -> None:
        self.data = data
        self.width, self.height = width, height
        self.margin = round(width * 0.07)
        self.banner = QRectF(self.margin, self.margin * 0.5, width - 2 * self.margin, 44)
        top = self.banner.bottom() + 20 if data.sample else self.margin
        self.content = QRectF(
            self.margin, top, width - 2 * self.margin, height - self.margin * 1.4 - top
        )

    def draw(self, p: QPainter, number: int, total: int) -> None:
        if self.data.sample:
            p.setPen(QPen(SAMPLE, 3, Qt.PenStyle.DashLine))
            p.setBrush(QColor("#fff4d6"))
            p.drawRect(self.banner)
            p.setFont(font(9, True))
            p.setPen(SAMPLE)
            p.drawText(self.banner, Qt.AlignmentFlag.AlignCenter, SAMPLE_TEXT)
        p.setFont(font(7.5))
        p.setPen(MUTED)
        foot = QRectF(
            self.margin, self.height - self.margin * 1.05, self.width - 2 * self.margin, 60
        )
        page = f"Page {number} of {total}"
        page_width = QFontMetricsF(p.font(), p.device()).horizontalAdvance(page) + 8
        p.drawText(foot.adjusted(0, 0, -page_width - 30, 0), WRAP, self.data.footer)
        p.drawText(foot, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop), page)


def _render(data: ReportData, pages: _Pages) -> ReportLayout:
    width, height = pages.size()
    frame = _Frame(data, width, height)
    content = frame.content
    blocks = report_blocks(data, pages.device(), content.width())
    laid = paginate(blocks, content.height()) or [[]]
    layout = ReportLayout(page_size=(width, height), content=(content.top(), content.bottom()))
    for number, placed in enumerate(laid, start=1):
        painter = pages.page()
        frame.draw(painter, number, len(laid))
        log = []
        for item in placed:
            top = content.top() + item.top
            painter.save()
            item.block.draw(painter, content.left(), top, content.width())
            painter.restore()
            log.append(LogEntry(item.block.kind, item.block.label, top, top + item.block.height))
        layout.pages.append(log)
    return layout


def pdf_bytes(data: ReportData, paper: str = "A4") -> tuple[bytes, ReportLayout]:
    """The report as a PDF file's bytes, and its layout. Saving them is the caller's part
    (:meth:`vitidesk.services.reports.ReportsService.save`: private and whole)."""
    ensure_application()
    pages = _Pages(paper, to_pdf=True)
    layout = _render(data, pages)
    return pages.finish(), layout


def render_pages(data: ReportData, paper: str = "A4") -> tuple[list[QImage], ReportLayout]:
    """The report as page images (for the preview), laid out as the PDF is, and its layout."""
    ensure_application()
    pages = _Pages(paper, to_pdf=False)
    layout = _render(data, pages)
    pages.finish()
    return pages.images, layout
