"""Draw the clinician report with QPainter: to a PDF (vector text) or to page images (preview).

Photos are scaled down before they are drawn, so a report with 20 photos stays small, and
everything is legible in greyscale (bands are named in text, lines are dark).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QImageReader,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)

from vitidesk.core.report_data import ReportData

DPI = 150
PHOTO_LONG_SIDE = 900  # pixels drawn per photo: sharp in print, small in the file
INK = QColor("#111111")
MUTED = QColor("#444444")
BAND_SHADES = (QColor("#f0f0f0"), QColor("#dedede"))


def page_size(paper: str) -> QPageSize:
    return QPageSize(QPageSize.PageSizeId.Letter if paper == "Letter" else QPageSize.PageSizeId.A4)


class _Sink:
    """Where pages go: a PDF writer, or a list of images for the preview."""

    def __init__(self, paper: str, pdf_path: Path | None) -> None:
        self.paper = paper
        self.images: list[QImage] = []
        self.writer = None
        if pdf_path is not None:
            self.writer = QPdfWriter(str(pdf_path))
            self.writer.setResolution(DPI)
            self.writer.setPageLayout(
                QPageLayout(
                    page_size(paper), QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)
                )
            )
            self.writer.setTitle("VitiDesk report")
            self.writer.setCreator("VitiDesk")
        self.painter: QPainter | None = None

    def size(self) -> tuple[int, int]:
        if self.writer is not None:
            return self.writer.width(), self.writer.height()
        points = page_size(self.paper).sizePoints()
        return round(points.width() * DPI / 72), round(points.height() * DPI / 72)

    def first(self) -> QPainter:
        if self.writer is not None:
            self.painter = QPainter(self.writer)
        else:
            self.painter = self._image_painter()
        return self.painter

    def _image_painter(self) -> QPainter:
        width, height = self.size()
        image = QImage(width, height, QImage.Format.Format_RGB32)
        image.setDotsPerMeterX(round(DPI / 0.0254))
        image.setDotsPerMeterY(round(DPI / 0.0254))
        image.fill(QColor("white"))
        self.images.append(image)
        return QPainter(image)

    def next(self) -> QPainter:
        if self.writer is not None:
            self.writer.newPage()
            return self.painter
        self.painter.end()
        self.painter = self._image_painter()
        return self.painter

    def finish(self) -> None:
        if self.painter is not None:
            self.painter.end()


class ReportRenderer:
    def __init__(self, data: ReportData, sink: _Sink) -> None:
        self.data = data
        self.sink = sink
        self.width, self.height = sink.size()
        self.margin = round(self.width * 0.07)
        self.y = self.margin
        self.page = 1
        self.p = sink.first()

    # -- text helpers --------------------------------------------------------------------
    def font(self, points: float, bold: bool = False) -> QFont:
        font = QFont("DejaVu Sans")
        font.setPointSizeF(points)
        font.setBold(bold)
        if hasattr(QFont, "Tag"):  # no ligatures: "first" stays searchable in every PDF reader
            font.setFeature(QFont.Tag("liga"), 0)
        return font

    def text(self, text: str, points: float = 10, bold: bool = False, colour: QColor = INK) -> None:
        self.p.setFont(self.font(points, bold))
        self.p.setPen(colour)
        box = QRectF(self.margin, self.y, self.width - 2 * self.margin, self.height)
        bounds = self.p.boundingRect(box, Qt.TextFlag.TextWordWrap, text)
        self.need(bounds.height() + 6)
        box = QRectF(self.margin, self.y, self.width - 2 * self.margin, bounds.height() + 2)
        self.p.drawText(box, Qt.TextFlag.TextWordWrap, text)
        self.y += bounds.height() + round(points * 0.6)

    def need(self, height: float) -> None:
        if self.y + height > self.height - self.margin * 1.3:
            self.new_page()

    def new_page(self) -> None:
        self.footer()
        self.p = self.sink.next()
        self.page += 1
        self.y = self.margin

    def footer(self) -> None:
        self.p.setFont(self.font(7.5))
        self.p.setPen(MUTED)
        box = QRectF(
            self.margin,
            self.height - self.margin * 0.9,
            self.width - 2 * self.margin,
            self.margin * 0.7,
        )
        self.p.drawText(box, Qt.TextFlag.TextWordWrap, f"{self.data.footer}   Page {self.page}")

    # -- sections ------------------------------------------------------------------------
    def render(self) -> None:
        data = self.data
        self.text("VitiDesk report for your dermatology visit", 18, True)
        if data.name:
            self.text(data.name, 12, True)
        if data.first_date and data.last_date:
            self.text(f"Covers {data.first_date:%d %B %Y} to {data.last_date:%d %B %Y}.", 10)
        self.text(f"Made on {data.generated:%d %B %Y at %H:%M}.", 10, colour=MUTED)
        if data.flags:
            self.safety()
        if data.sites:
            self.text("Photos by body site", 14, True)
            for pair in data.sites:
                self.site(pair)
        if data.wellbeing:
            self.text("Wellbeing questionnaires", 14, True)
            self.text(
                "Screening questionnaires, answered privately by the patient. A result is not a "
                "diagnosis; it is a starting point for talking together.",
                9,
                colour=MUTED,
            )
            for history in data.wellbeing:
                self.questionnaire(history)
            self.text("Questionnaire sources", 11, True)
            for history in data.wellbeing:
                self.text(f"{history.title}: {history.licence}", 8, colour=MUTED)
        if not (data.sites or data.wellbeing):
            self.text("Nothing to report for the chosen dates, sites and questionnaires.", 11)
        self.footer()
        self.sink.finish()

    def safety(self) -> None:
        lines = ["Safety: please read first", *self.data.flags]
        self.need(40 * len(lines) + 40)
        top = self.y
        self.y += 12
        self.margin += 16
        self.text(lines[0], 12, True)
        for line in lines[1:]:
            self.text(line, 10)
        self.margin -= 16
        self.p.setPen(QPen(INK, 4))
        self.p.setBrush(Qt.BrushStyle.NoBrush)
        self.p.drawRect(QRectF(self.margin, top, self.width - 2 * self.margin, self.y - top + 6))
        self.y += 20

    def _photo(self, path: Path) -> QImage:
        reader = QImageReader(str(path))
        size = reader.size()
        if size.isValid() and max(size.width(), size.height()) > PHOTO_LONG_SIDE:
            reader.setScaledSize(
                size.scaled(PHOTO_LONG_SIDE, PHOTO_LONG_SIDE, Qt.AspectRatioMode.KeepAspectRatio)
            )
        return reader.read()

    def site(self, pair) -> None:
        column = (self.width - 2 * self.margin - 20) / 2
        image_height = column * 0.75
        self.need(image_height + 160)
        self.text(pair.site, 12, True)
        top = self.y
        for index, (photo, path) in enumerate(
            ((pair.first, pair.first_path), (pair.latest, pair.latest_path))
        ):
            left = self.margin + index * (column + 20)
            image = self._photo(path)
            if not image.isNull():
                scaled = image.size().scaled(
                    round(column), round(image_height), Qt.AspectRatioMode.KeepAspectRatio
                )
                target = QRectF(left, top, scaled.width(), scaled.height())
                self.p.drawImage(target, image)
            self.p.setFont(self.font(9, True))
            self.p.setPen(INK)
            light = " (UV light)" if photo.light == "uv" else ""
            self.p.drawText(
                QPointF(left, top + image_height + 22), f"{photo.taken_at:%d %B %Y}{light}"
            )
        self.y = top + image_height + 34
        if pair.first_fraction is not None and pair.latest_fraction is not None:
            line = (
                f"Estimated share of depigmented skin: about {pair.first_fraction:.0%} on "
                f"{pair.first.taken_at:%d %b %Y}, about {pair.latest_fraction:.0%} on "
                f"{pair.latest.taken_at:%d %b %Y}."
            )
            if pair.change:
                line += f" {pair.change[0].upper()}{pair.change[1:]}."
            self.text(line + " An estimate from photos, not a diagnosis.", 9)
        self.y += 10

    def questionnaire(self, history) -> None:
        chart_height = 230
        self.need(chart_height + 120)
        self.text(history.title, 11, True)
        plot = QRectF(self.margin + 50, self.y, self.width - 2 * self.margin - 60, chart_height)
        self._chart(plot, history)
        self.y += chart_height + 40
        rows = list(history.responses)[-12:]
        columns = (0, 0.2, 0.32, 0.62)  # date, score, result, flag: fractions of the width
        self._row(("Date", "Score", "Result", ""), columns, bold=True)
        for response in rows:
            value = response.percent if response.percent is not None else response.raw
            band = next((b.label for b in history.bands if b.key == response.band), response.band)
            flag = "item 9 above 0" if "item9_positive" in response.flags else ""
            self._row((f"{response.taken_at:%d %b %Y}", str(value), band, flag), columns)
        if len(history.responses) > len(rows):
            self.text(
                f"(the {len(rows)} most recent of {len(history.responses)} shown)", 8, colour=MUTED
            )
        self.y += 10

    def _row(self, cells: tuple[str, ...], columns: tuple[float, ...], bold: bool = False) -> None:
        self.p.setFont(self.font(8.5, bold))
        height = self.p.fontMetrics().height() + 4
        self.need(height)
        self.p.setPen(INK)
        usable = self.width - 2 * self.margin
        for text, start in zip(cells, columns, strict=True):
            self.p.drawText(QPointF(self.margin + usable * start, self.y + height - 6), text)
        self.y += height

    def _chart(self, plot: QRectF, history) -> None:
        top_value = max(history.top_value, 1)

        def y_of(value: float) -> float:
            return plot.bottom() - plot.height() * value / top_value

        bands = sorted(history.bands, key=lambda b: b.low)
        self.p.setFont(self.font(7))
        for index, band in enumerate(bands):
            upper = band.high if index == len(bands) - 1 else (band.high + bands[index + 1].low) / 2
            lower = band.low if index == 0 else (bands[index - 1].high + band.low) / 2
            rect = QRectF(plot.left(), y_of(upper), plot.width(), y_of(lower) - y_of(upper))
            self.p.fillRect(rect, BAND_SHADES[index % 2])
            self.p.setPen(MUTED)
            self.p.drawText(
                rect.adjusted(4, 0, -4, 0),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                band.label,
            )
        self.p.setPen(QPen(MUTED, 1))
        self.p.setBrush(Qt.BrushStyle.NoBrush)
        self.p.drawRect(plot)
        for value in (0, top_value):
            self.p.drawText(
                QRectF(plot.left() - 48, y_of(value) - 10, 42, 20),
                Qt.AlignmentFlag.AlignRight,
                str(value),
            )
        rows = history.responses
        if not rows:
            return
        first = rows[0].taken_at.timestamp()
        span = max(rows[-1].taken_at.timestamp() - first, 1.0)
        points = [
            QPointF(
                plot.left() + plot.width() * (r.taken_at.timestamp() - first) / span
                if len(rows) > 1
                else plot.center().x(),
                y_of(r.percent if r.percent is not None else r.raw),
            )
            for r in rows
        ]
        self.p.setPen(QPen(INK, 3))
        if len(points) > 1:
            self.p.drawPolyline(points)
        self.p.setBrush(INK)
        for point in points:
            self.p.drawEllipse(point, 4, 4)
        self.p.setPen(MUTED)
        for index in {0, len(rows) - 1}:
            x = points[index].x()
            self.p.drawText(
                QRectF(x - 60, plot.bottom() + 4, 120, 18),
                Qt.AlignmentFlag.AlignCenter,
                f"{rows[index].taken_at:%d %b %Y}",
            )


def write_pdf(data: ReportData, path: Path, paper: str = "A4") -> Path:
    sink = _Sink(paper, path)
    ReportRenderer(data, sink).render()
    return path


def render_pages(data: ReportData, paper: str = "A4") -> list[QImage]:
    sink = _Sink(paper, None)
    ReportRenderer(data, sink).render()
    return sink.images
