"""One questionnaire's trend chart, laid out and drawn with QPainter into a given rectangle.

The app's TrendChart widget and the PDF report both draw through here, so they read the same:

- band ranges shaded across the plot and a column to its right that holds the band names, so
  the line never runs through a name;
- score ticks at the band cut-offs (and the top of the scale), calendar date ticks whose step
  follows the span and the room (months, quarters, years...), in the reader's locale;
- the data kept inside the frame by a margin, so no point's marker is cut;
- PHQ-9 answers with item 9 above 0 drawn as a larger diamond in the flag colour, with a
  legend entry (shape and colour both say it);
- with more answers than pixel columns, the line keeps each column's first, lowest, highest
  and last point (min/max decimation), so 3,650 answers draw about as fast as 50.

:func:`layout_trend` is pure geometry (tests read it); :func:`paint_trend` draws a layout.
"""

from __future__ import annotations

import datetime as dt
import itertools
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field

from PySide6.QtCore import QLineF, QLocale, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen, QPolygonF

from vitidesk.core.chart_axes import DateTick, Step, score_ticks, tick_candidates
from vitidesk.core.questionnaires import ITEM9_FLAG, Band
from vitidesk.render import dates

MARKER_RADIUS = 3.5  # px at scale 1: a dot you can see and point at
FLAG_RADIUS = 7.0  # the item-9 diamond, half its diagonal: twice a dot, so it stands out
LINE_WIDTH = 2.5
GAP = 6.0  # between labels, and between a label and what it names
BAND_COLUMN_SHARE = 0.3  # the band names take at most this share of the width


def value_of(response) -> int:
    """The number charted: WHO-5 percent, the raw total for the others."""
    return response.percent if response.percent is not None else response.raw


@dataclass(frozen=True)
class TrendPoint:
    taken_at: dt.datetime
    value: int
    flagged: bool = False  # PHQ-9 item 9 above 0


@dataclass(frozen=True)
class TrendSeries:
    bands: tuple[Band, ...]
    top: int
    points: tuple[TrendPoint, ...]
    percent: bool = False


def series_of(bands: Iterable[Band], top: int, responses: Iterable, percent: bool) -> TrendSeries:
    """A chart series from stored responses (anything with taken_at, raw, percent, flags)."""
    points = tuple(
        TrendPoint(r.taken_at, value_of(r), ITEM9_FLAG in r.flags)
        for r in sorted(responses, key=lambda r: r.taken_at)
    )
    return TrendSeries(tuple(sorted(bands, key=lambda b: b.low)), max(top, 1), points, percent)


@dataclass(frozen=True)
class ChartText:
    """The words the chart paints (the widget passes translated ones)."""

    total: str = "Total score"
    percent: str = "Score in %"
    flag: str = "Item 9 above 0"
    empty: str = "No answers yet"


@dataclass(frozen=True)
class ChartColours:
    background: QColor | None  # None: leave what is there (paper)
    band_shades: tuple[QColor, QColor]
    frame: QColor
    label: QColor
    line: QColor
    flag: QColor
    outline: QColor  # a ring around flag diamonds, set off from the line


@dataclass
class TrendLayout:
    rect: QRectF
    plot: QRectF  # the framed area the line lives in
    data: QRectF  # where points go: the plot less a margin for markers
    band_column: QRectF  # right of the plot: band names
    points: list[QPointF] = field(default_factory=list)
    flagged: list[int] = field(default_factory=list)
    markers: list[QRectF] = field(default_factory=list)  # dots drawn (none when too dense)
    flag_markers: list[QRectF] = field(default_factory=list)
    polyline: list[QPointF] = field(default_factory=list)  # after decimation
    band_areas: list[tuple[Band, QRectF]] = field(default_factory=list)
    band_labels: list[tuple[Band, QRectF]] = field(default_factory=list)
    score_ticks: list[tuple[int, float, QRectF]] = field(default_factory=list)
    date_ticks: list[tuple[DateTick, str, float, QRectF]] = field(default_factory=list)
    legend: list[tuple[str, str, QRectF, QRectF]] = field(default_factory=list)
    empty_text: str = ""
    scale: float = 1.0

    def segments(self) -> list[QLineF]:
        return [QLineF(a, b) for a, b in itertools.pairwise(self.polyline)]

    def nearest(self, x: float) -> int | None:
        """The index of the point nearest to ``x`` (points run left to right)."""
        if not self.points:
            return None
        xs = [p.x() for p in self.points]
        index = bisect_left(xs, x)
        near = [i for i in (index - 1, index) if 0 <= i < len(xs)]
        return min(near, key=lambda i: abs(xs[i] - x))


def _tick_label(tick: DateTick, locale: QLocale) -> str:
    if tick.step.unit == "year":
        return dates.year(tick.day, locale)
    if tick.step.unit == "month":
        return (dates.month_year if tick.show_year else dates.month)(tick.day, locale)
    return (dates.medium_date if tick.show_year else dates.day_month)(tick.day, locale)


def _wrapped(metrics: QFontMetricsF, text: str, width: float) -> QRectF:
    flags = int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft)
    return metrics.boundingRect(QRectF(0, 0, width, 10_000), flags, text)


def _decimated(points: list[QPointF]) -> list[QPointF]:
    """Each pixel column's first, lowest, highest and last point, in their order."""
    kept: list[QPointF] = []
    column: list[int] = []

    def flush() -> None:
        if not column:
            return
        low = min(column, key=lambda i: points[i].y())
        high = max(column, key=lambda i: points[i].y())
        for i in sorted({column[0], low, high, column[-1]}):
            kept.append(points[i])

    current = None
    for index, point in enumerate(points):
        x = int(point.x())
        if x != current:
            flush()
            column, current = [], x
        column.append(index)
    flush()
    return kept


def layout_trend(
    series: TrendSeries,
    rect: QRectF,
    metrics: QFontMetricsF,
    *,
    scale: float = 1.0,
    text: ChartText | None = None,
    locale: QLocale | None = None,
) -> TrendLayout:
    """Where everything goes in ``rect``, for text measured by ``metrics``."""
    text = text or ChartText()
    locale = locale or QLocale()
    gap = GAP * scale
    line_height = metrics.height()
    ticks = score_ticks(series.bands, series.top)
    axis_width = max(metrics.horizontalAdvance(str(v)) for v in ticks) + 2 * gap
    legend_height = line_height + gap
    date_height = line_height + gap * 1.5
    widest = max((metrics.horizontalAdvance(b.label) for b in series.bands), default=0)
    column_width = min(widest + 2 * gap, max(rect.width() * BAND_COLUMN_SHARE, 60 * scale))
    plot = QRectF(
        rect.left() + axis_width,
        rect.top() + legend_height,
        max(rect.width() - axis_width - column_width, 10.0),
        max(rect.height() - legend_height - date_height, 10.0),
    )
    band_column = QRectF(plot.right(), plot.top(), column_width, plot.height())
    pad = FLAG_RADIUS * scale + 2 * scale
    data = plot.adjusted(pad, pad, -pad, -pad)
    layout = TrendLayout(rect, plot, data, band_column, scale=scale)

    def y_of(value: float) -> float:
        return data.bottom() - data.height() * value / series.top

    bands = series.bands
    for index, band in enumerate(bands):
        # Scores move in steps (WHO-5 in 4s): a band is shaded up to the midpoint of the gap.
        upper = (
            plot.top() if index == len(bands) - 1 else y_of((band.high + bands[index + 1].low) / 2)
        )
        lower = plot.bottom() if index == 0 else y_of((bands[index - 1].high + band.low) / 2)
        area = QRectF(plot.left(), upper, plot.width() + column_width, lower - upper)
        layout.band_areas.append((band, area))
    _place_band_labels(layout, metrics, gap)
    for value in ticks:
        y = y_of(value)
        label = QRectF(rect.left(), y - line_height / 2, axis_width - gap, line_height)
        layout.score_ticks.append((value, y, label))
    _place_points(layout, series, y_of)
    _place_date_ticks(layout, series, metrics, locale, gap, date_height)
    _place_legend(layout, series, metrics, text, gap)
    if not series.points:
        layout.empty_text = text.empty
    return layout


def _place_band_labels(layout: TrendLayout, metrics: QFontMetricsF, gap: float) -> None:
    column = layout.band_column
    width = column.width() - 2 * gap
    placed: list[tuple[Band, QRectF]] = []
    for band, area in layout.band_areas:
        size = _wrapped(metrics, band.label, max(width, 10.0))
        box = QRectF(
            column.left() + gap, area.center().y() - size.height() / 2, width, size.height()
        )
        placed.append((band, box))
    placed.sort(key=lambda pair: pair[1].top())
    for index in range(1, len(placed)):  # push apart downwards...
        above, box = placed[index - 1][1], placed[index][1]
        if box.top() < above.bottom():
            box.moveTop(above.bottom())
    bottom = layout.rect.bottom()
    for index in range(len(placed) - 1, -1, -1):  # ...then back up from the foot
        box = placed[index][1]
        limit = bottom if index == len(placed) - 1 else placed[index + 1][1].top()
        if box.bottom() > limit:
            box.moveBottom(limit)
    layout.band_labels = placed


def _place_points(layout: TrendLayout, series: TrendSeries, y_of) -> None:
    data, scale = layout.data, layout.scale
    rows = series.points
    if not rows:
        return
    first = rows[0].taken_at.timestamp()
    span = rows[-1].taken_at.timestamp() - first
    for index, row in enumerate(rows):
        x = (
            data.center().x()
            if span <= 0
            else data.left() + data.width() * (row.taken_at.timestamp() - first) / span
        )
        layout.points.append(QPointF(x, y_of(row.value)))
        if row.flagged:
            layout.flagged.append(index)
    points = layout.points
    layout.polyline = _decimated(points) if len(points) > data.width() else list(points)
    radius, flag = MARKER_RADIUS * scale, FLAG_RADIUS * scale
    spacing = data.width() / max(len(points) - 1, 1)
    if spacing >= 2.5 * radius or len(points) == 1:  # dots only while they stay apart
        layout.markers = [
            QRectF(p.x() - radius, p.y() - radius, 2 * radius, 2 * radius) for p in points
        ]
    layout.flag_markers = [
        QRectF(points[i].x() - flag, points[i].y() - flag, 2 * flag, 2 * flag)
        for i in layout.flagged
    ]


def _x_of_day(layout: TrendLayout, series: TrendSeries, day: dt.date) -> float | None:
    rows = series.points
    first = rows[0].taken_at
    start = first.timestamp()
    span = rows[-1].taken_at.timestamp() - start
    if span <= 0:
        return layout.data.center().x() if day == first.date() else None
    moment = dt.datetime.combine(day, dt.time(), tzinfo=first.tzinfo).timestamp()
    if moment < start or moment > start + span:
        return None
    return layout.data.left() + layout.data.width() * (moment - start) / span


def _place_date_ticks(
    layout: TrendLayout,
    series: TrendSeries,
    metrics: QFontMetricsF,
    locale: QLocale,
    gap: float,
    height: float,
) -> None:
    rows = series.points
    if not rows:
        return
    first, last = rows[0].taken_at.date(), rows[-1].taken_at.date()
    rect, top = layout.rect, layout.plot.bottom() + gap / 2
    narrowest = metrics.horizontalAdvance("0000") + gap
    max_count = max(int(layout.data.width() // narrowest), 1)
    chosen: list[tuple[DateTick, str, float, QRectF]] = []
    for candidate in tick_candidates(first, last, max_count):
        ticks = []
        for tick in candidate:
            x = _x_of_day(layout, series, tick.day)
            if x is None:
                continue
            label = _tick_label(tick, locale)
            width = metrics.horizontalAdvance(label) + gap / 2
            left = min(max(x - width / 2, rect.left()), rect.right() - width)
            ticks.append((tick, label, x, QRectF(left, top, width, height - gap / 2)))
        if ticks and all(b[3].left() >= a[3].right() + gap for a, b in itertools.pairwise(ticks)):
            chosen = ticks
            break
    if not chosen:  # no calendar step fits: the first day, and the last if there is room
        for day, x in ((first, layout.points[0].x()), (last, layout.points[-1].x())):
            label = dates.medium_date(day, locale)
            width = metrics.horizontalAdvance(label) + gap / 2
            left = min(max(x - width / 2, rect.left()), rect.right() - width)
            box = QRectF(left, top, width, height - gap / 2)
            if chosen and (day == first or box.left() < chosen[-1][3].right() + gap):
                break
            chosen.append((DateTick(day, Step("day", 1), True), label, x, box))
    layout.date_ticks = chosen


def _place_legend(
    layout: TrendLayout, series: TrendSeries, metrics: QFontMetricsF, text: ChartText, gap: float
) -> None:
    entries = [("line", text.percent if series.percent else text.total)]
    if layout.flagged:
        entries.append(("flag", text.flag))
    x = layout.plot.left()
    height = metrics.height()
    top = layout.rect.top()
    for kind, words in entries:
        swatch = QRectF(x, top, 4 * gap if kind == "line" else 2.5 * gap, height)
        words_box = QRectF(
            swatch.right() + gap / 2, top, metrics.horizontalAdvance(words) + 2, height
        )
        layout.legend.append((kind, words, swatch, words_box))
        x = words_box.right() + 3 * gap


def _diamond(box: QRectF) -> QPolygonF:
    c = box.center()
    return QPolygonF(
        [
            QPointF(c.x(), box.top()),
            QPointF(box.right(), c.y()),
            QPointF(c.x(), box.bottom()),
            QPointF(box.left(), c.y()),
        ]
    )


def _draw_dot_and_line(
    painter: QPainter, swatch: QRectF, colours: ChartColours, scale: float
) -> None:
    y = swatch.center().y()
    painter.setPen(QPen(colours.line, LINE_WIDTH * scale))
    painter.drawLine(QLineF(swatch.left(), y, swatch.right(), y))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colours.line)
    painter.drawEllipse(
        QPointF(swatch.center().x(), y), MARKER_RADIUS * scale, MARKER_RADIUS * scale
    )


def _draw_flag(painter: QPainter, box: QRectF, colours: ChartColours, scale: float) -> None:
    painter.setPen(QPen(colours.outline, 1.5 * scale))
    painter.setBrush(colours.flag)
    painter.drawPolygon(_diamond(box))


def paint_trend(painter: QPainter, layout: TrendLayout, colours: ChartColours, font: QFont) -> None:
    """Draw ``layout`` (made with metrics of ``font`` on this painter's device)."""
    scale = layout.scale
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setFont(font)
    if colours.background is not None:
        painter.fillRect(layout.rect, colours.background)
    for index, (_band, area) in enumerate(layout.band_areas):
        painter.fillRect(area, colours.band_shades[index % 2])
    painter.setPen(QPen(colours.frame, max(scale, 1.0)))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(layout.plot)
    tick_length = GAP * scale * 0.6
    for _value, y, _box in layout.score_ticks:
        painter.drawLine(QLineF(layout.plot.left() - tick_length, y, layout.plot.left(), y))
    for _tick, _label, x, _box in layout.date_ticks:
        painter.drawLine(QLineF(x, layout.plot.bottom(), x, layout.plot.bottom() + tick_length))
    painter.setPen(colours.label)
    right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    for value, _y, box in layout.score_ticks:
        painter.drawText(box, right, str(value))
    for _tick, label, _x, box in layout.date_ticks:
        painter.drawText(box, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, label)
    wrap = int(
        Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    )
    for band, box in layout.band_labels:
        painter.drawText(box, wrap, band.label)
    if layout.empty_text:
        painter.drawText(layout.plot, Qt.AlignmentFlag.AlignCenter, layout.empty_text)
    if len(layout.polyline) > 1:
        painter.setPen(QPen(colours.line, LINE_WIDTH * scale))
        painter.drawPolyline(layout.polyline)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colours.line)
    for box in layout.markers:
        painter.drawEllipse(box)
    for box in layout.flag_markers:
        _draw_flag(painter, box, colours, scale)
    for kind, words, swatch, words_box in layout.legend:
        if kind == "line":
            _draw_dot_and_line(painter, swatch, colours, scale)
        else:
            side = min(swatch.height(), FLAG_RADIUS * 2 * scale)
            box = QRectF(0, 0, side, side)
            box.moveCenter(swatch.center())
            _draw_flag(painter, box, colours, scale)
        painter.setPen(colours.label)
        painter.drawText(
            words_box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, words
        )
    painter.restore()


def draw_trend(
    painter: QPainter,
    series: TrendSeries,
    rect: QRectF,
    colours: ChartColours,
    font: QFont,
    *,
    scale: float = 1.0,
    text: ChartText | None = None,
    locale: QLocale | None = None,
) -> TrendLayout:
    """Lay out and draw in one go; returns the layout drawn."""
    metrics = QFontMetricsF(font, painter.device())
    layout = layout_trend(series, rect, metrics, scale=scale, text=text, locale=locale)
    paint_trend(painter, layout, colours, font)
    return layout
