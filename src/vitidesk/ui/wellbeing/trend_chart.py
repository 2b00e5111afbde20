"""The trend chart widget for one questionnaire: size, scheme colours and hover tips.

The drawing itself is :mod:`vitidesk.render.trend_painter`, shared with the PDF report
(no QtCharts: it would need the 200 MB Addons wheel).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QFont, QFontMetricsF, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from vitidesk.core.questionnaires import ITEM9_FLAG, Instrument
from vitidesk.render import dates
from vitidesk.render.trend_painter import (
    ChartColours,
    ChartText,
    TrendLayout,
    layout_trend,
    paint_trend,
    series_of,
    value_of,
)
from vitidesk.services.responses import Response
from vitidesk.ui.theme import colour

__all__ = ["TrendChart", "value_of"]

HOVER_REACH = 24  # px either side of a point where its tip shows
PADDING = 6  # px of the widget's own background around the chart


def chart_colours() -> ChartColours:
    """The current scheme's chart colours."""
    return ChartColours(
        background=None,  # the widget fills its whole rect first
        band_shades=(colour("chart_band_a"), colour("chart_band_b")),
        frame=colour("chart_frame"),
        label=colour("chart_label"),
        line=colour("chart_line"),
        flag=colour("chart_flag"),
        outline=colour("base"),
    )


class TrendChart(QWidget):
    def __init__(self, instrument: Instrument) -> None:
        super().__init__()
        self.instrument = instrument
        self.responses: list[Response] = []
        self._layout: TrendLayout | None = None
        self.setMinimumHeight(220)
        self.setMinimumWidth(320)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(True)
        self.setAccessibleName(self.tr("Trend of {0} scores").format(instrument.id))
        self.top_value = 100 if instrument.banded_on == "percent" else instrument.max_raw

    def set_responses(self, responses: list[Response]) -> None:
        self.responses = responses
        self._layout = None
        self.setAccessibleDescription(
            self.tr("{0} answers. Latest: {1}.").format(
                len(responses), value_of(responses[-1]) if responses else "-"
            )
        )
        self.update()

    def chart_font(self) -> QFont:
        small = QFont(self.font())
        small.setPointSizeF(max(self.font().pointSizeF() * 0.85, 7.5))
        return small

    def chart_text(self) -> ChartText:
        return ChartText(
            total=self.tr("Total score"),
            percent=self.tr("Score in %"),
            flag=self.tr("Item 9 above 0"),
            empty=self.tr("No answers yet"),
        )

    def chart_layout(self) -> TrendLayout:
        """Where everything is drawn at the widget's current size (tests read it)."""
        rect = QRectF(self.rect()).adjusted(PADDING, PADDING, -PADDING, -PADDING)
        if self._layout is None or self._layout.rect != rect:
            series = series_of(
                self.instrument.bands,
                self.top_value,
                self.responses,
                self.instrument.banded_on == "percent",
            )
            self._layout = layout_trend(
                series, rect, QFontMetricsF(self.chart_font()), text=self.chart_text()
            )
        return self._layout

    def points(self) -> list[QPointF]:
        return list(self.chart_layout().points)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), colour("base"))
        paint_trend(painter, self.chart_layout(), chart_colours(), self.chart_font())
        painter.end()

    def changeEvent(self, event) -> None:
        self._layout = None  # a new font (zoom) measures differently
        super().changeEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        layout = self.chart_layout()
        position = event.position()
        nearest = layout.nearest(position.x())
        if nearest is None or abs(layout.points[nearest].x() - position.x()) > HOVER_REACH:
            QToolTip.hideText()
            return
        ordered = sorted(self.responses, key=lambda r: r.taken_at)
        response = ordered[nearest]
        band = self.instrument.band(response.band)
        tip = self.tr("{0}: {1} ({2})").format(
            dates.medium_date(response.taken_at), value_of(response), band.label
        )
        if ITEM9_FLAG in response.flags:
            tip += "\n" + self.tr("Item 9 above 0")
        QToolTip.showText(event.globalPosition().toPoint(), tip, self)
