"""A trend chart for one questionnaire: band ranges shaded, dates along the axis, hover values.

Drawn with QPainter (no QtCharts: it would need the 200 MB Addons wheel). Bands carry their
names as text, so colour is never the only signal.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from vitidesk.core.questionnaires import Band, Instrument
from vitidesk.storage.responses import Response
from vitidesk.ui.theme import colour

# Neutral, alternating shades: for WHO-5 high is good, for the others high is bad.
BAND_SHADES = ("chart_band_a", "chart_band_b")
MARGINS = (56, 16, 20, 40)  # left, top, right, bottom


def value_of(response: Response) -> int:
    return response.percent if response.percent is not None else response.raw


class TrendChart(QWidget):
    def __init__(self, instrument: Instrument) -> None:
        super().__init__()
        self.instrument = instrument
        self.responses: list[Response] = []
        self.setMinimumHeight(220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(True)
        self.setAccessibleName(self.tr("Trend of {0} scores").format(instrument.id))
        self.top_value = 100 if instrument.banded_on == "percent" else instrument.max_raw

    def set_responses(self, responses: list[Response]) -> None:
        self.responses = responses
        self.setAccessibleDescription(
            self.tr("{0} answers. Latest: {1}.").format(
                len(responses), value_of(responses[-1]) if responses else "-"
            )
        )
        self.update()

    def plot_rect(self) -> QRectF:
        left, top, right, bottom = MARGINS
        return QRectF(left, top, self.width() - left - right, self.height() - top - bottom)

    def _y(self, value: float) -> float:
        plot = self.plot_rect()
        return plot.bottom() - plot.height() * value / max(self.top_value, 1)

    def _x(self, index: int) -> float:
        plot = self.plot_rect()
        if len(self.responses) < 2:
            return plot.center().x()
        first = self.responses[0].taken_at.timestamp()
        span = max(self.responses[-1].taken_at.timestamp() - first, 1.0)
        return (
            plot.left() + plot.width() * (self.responses[index].taken_at.timestamp() - first) / span
        )

    def points(self) -> list[QPointF]:
        return [QPointF(self._x(i), self._y(value_of(r))) for i, r in enumerate(self.responses)]

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        plot = self.plot_rect()
        painter.fillRect(self.rect(), colour("base"))
        small = QFont(self.font())
        small.setPointSizeF(max(self.font().pointSizeF() * 0.8, 7.5))
        painter.setFont(small)
        bands = self._band_rects()
        for index, (_band, rect) in enumerate(bands):
            painter.fillRect(rect, colour(BAND_SHADES[index % 2]))
        painter.setPen(QPen(colour("chart_frame"), 1))
        painter.drawRect(plot)
        painter.setPen(colour("chart_label"))
        for value in (0, self.top_value // 2, self.top_value):
            y = self._y(value)
            painter.drawText(
                QRectF(0, y - 9, MARGINS[0] - 8, 18), Qt.AlignmentFlag.AlignRight, str(value)
            )
        if not self.responses:
            painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, self.tr("No answers yet"))
        else:
            self._draw_dates(painter, plot)
            self._draw_line(painter)
        self._draw_band_names(painter, bands)
        painter.end()

    def _band_rects(self) -> list[tuple[Band, QRectF]]:
        plot = self.plot_rect()
        bands = sorted(self.instrument.bands, key=lambda b: b.low)
        rects = []
        for index, band in enumerate(bands):
            # Scores move in steps (WHO-5 in 4s): shade up to the midpoint between bands.
            upper = band.high if index == len(bands) - 1 else (band.high + bands[index + 1].low) / 2
            lower = band.low if index == 0 else (bands[index - 1].high + band.low) / 2
            top, bottom = self._y(upper), self._y(lower)
            rects.append((band, QRectF(plot.left(), top, plot.width(), bottom - top)))
        return rects

    def _draw_dates(self, painter: QPainter, plot: QRectF) -> None:
        for index in sorted({0, len(self.responses) - 1, len(self.responses) // 2}):
            label = self.responses[index].taken_at.strftime("%d %b %Y")
            width = painter.fontMetrics().horizontalAdvance(label) + 8
            left = min(max(self._x(index) - width / 2, 0), self.width() - width)  # never cut
            painter.drawText(
                QRectF(left, plot.bottom() + 6, width, 18), Qt.AlignmentFlag.AlignCenter, label
            )

    def _draw_line(self, painter: QPainter) -> None:
        points = self.points()
        painter.setPen(QPen(colour("chart_line"), 2.5))
        if len(points) > 1:
            painter.drawPolyline(points)
        painter.setBrush(colour("chart_line"))
        for point in points:
            painter.drawEllipse(point, 4, 4)

    def _draw_band_names(self, painter: QPainter, bands: list[tuple[Band, QRectF]]) -> None:
        """On top of the line, on a see-through tab of the band's shade, so both stay legible."""
        metrics = painter.fontMetrics()
        for index, (band, rect) in enumerate(bands):
            width = metrics.horizontalAdvance(band.label) + 12
            height = min(metrics.height() + 4, rect.height())
            tab = QRectF(rect.right() - width - 4, rect.center().y() - height / 2, width, height)
            shade = colour(BAND_SHADES[index % 2])
            shade.setAlpha(215)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(shade)
            painter.drawRoundedRect(tab, 4, 4)
            painter.setPen(colour("chart_label"))
            painter.drawText(tab, Qt.AlignmentFlag.AlignCenter, band.label)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        points = self.points()
        if not points:
            return
        position = event.position()
        nearest = min(range(len(points)), key=lambda i: abs(points[i].x() - position.x()))
        if abs(points[nearest].x() - position.x()) > 24:
            QToolTip.hideText()
            return
        response = self.responses[nearest]
        band = self.instrument.band(response.band)
        QToolTip.showText(
            event.globalPosition().toPoint(),
            f"{response.taken_at:%d %b %Y}: {value_of(response)} ({band.label})",
            self,
        )
