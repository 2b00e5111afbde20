"""The wellbeing trend chart, as a person looks at it: nothing cut or covered, ticks that
read naturally, item 9 marked, and the same painter in the app and the PDF."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import replace

import pytest
from PySide6.QtCore import QLineF, QLocale, QPointF, QRectF
from PySide6.QtGui import QFont, QFontMetricsF

from vitidesk.core.questionnaires import ITEM9_FLAG, load_instruments
from vitidesk.render.trend_painter import TrendPoint, TrendSeries, layout_trend
from vitidesk.storage.responses import ResponseStore
from vitidesk.ui import theme
from vitidesk.ui.wellbeing.trend_chart import TrendChart

SIZES = [(320, 220), (480, 240), (900, 320), (1600, 520)]


def _crosses(line: QLineF, rect: QRectF) -> bool:
    if rect.contains(line.p1()) or rect.contains(line.p2()):
        return True
    corners = [rect.topLeft(), rect.topRight(), rect.bottomRight(), rect.bottomLeft()]
    for a, b in itertools.pairwise([*corners, corners[0]]):
        kind, _ = line.intersects(QLineF(a, b))
        if kind == QLineF.IntersectionType.BoundedIntersection:
            return True
    return False


def _chart(qtbot, instrument_id: str, responses, size) -> TrendChart:
    chart = TrendChart(load_instruments()[instrument_id])
    qtbot.addWidget(chart)
    chart.resize(*size)
    chart.set_responses(responses)
    return chart


@pytest.mark.parametrize("instrument_id", ["WHO-5", "PHQ-4", "PHQ-9", "GAD-7"])
def test_nothing_is_cut_or_covered_at_any_size(qtbot, demo_state, instrument_id) -> None:
    rows = ResponseStore(demo_state.store).responses(instrument_id)
    if instrument_id == "PHQ-9":  # one flagged answer: its larger marker must fit too
        rows[3] = replace(rows[3], flags=frozenset({ITEM9_FLAG}))
    for size in SIZES:
        chart = _chart(qtbot, instrument_id, rows, size)
        layout = chart.chart_layout()
        whole = QRectF(chart.rect())
        assert len(layout.points) == len(rows)
        for box in layout.markers + layout.flag_markers:
            assert whole.contains(box), (size, box)
        assert layout.markers, "dots are drawn while they stay apart"
        segments = layout.segments()
        labels = [box for _band, box in layout.band_labels]
        for box in labels:
            assert whole.contains(box), (size, box)
            assert not any(_crosses(segment, box) for segment in segments), size
        for a, b in itertools.combinations(labels, 2):
            assert not a.intersects(b), size
        values = {value for value, _y, _box in layout.score_ticks}
        assert {band.low for band in chart.instrument.bands} <= values
        ticks = layout.date_ticks
        assert len(ticks) >= 2, size
        assert [x for _t, _l, x, _b in ticks] == sorted(x for _t, _l, x, _b in ticks)
        for (_t, _l, _x, a), (_t2, _l2, _x2, b) in itertools.pairwise(ticks):
            assert a.right() <= b.left(), (size, a, b)
        for _t, _label, _x, box in ticks:
            assert whole.contains(box), size
        chart.grab()  # and it paints


def test_a_year_of_answers_is_ticked_by_month(qtbot, demo_state) -> None:
    rows = ResponseStore(demo_state.store).responses("WHO-5")
    chart = _chart(qtbot, "WHO-5", rows, (1000, 320))
    ticks = chart.chart_layout().date_ticks
    assert all(tick.day.day == 1 for tick, *_ in ticks)
    assert len(ticks) >= 6  # not just first, middle and last
    years = [label for tick, label, *_ in ticks if tick.show_year]
    assert years[0].endswith(str(ticks[0][0].day.year))


def test_item9_answers_get_their_own_marker_and_legend_entry(qtbot, state) -> None:
    store = ResponseStore(state.store)
    start = dt.datetime(2025, 3, 1, 9, 0, tzinfo=dt.UTC)
    for week, item9 in enumerate([0, 0, 1, 0, 2, 0]):
        store.record("PHQ-9", [1] * 8 + [item9], taken_at=start + dt.timedelta(weeks=week))
    theme.set_current_scheme("light")
    chart = _chart(qtbot, "PHQ-9", store.responses("PHQ-9"), (700, 300))
    layout = chart.chart_layout()
    assert layout.flagged == [2, 4]
    assert [box.center() for box in layout.flag_markers] == [layout.points[2], layout.points[4]]
    assert [kind for kind, *_ in layout.legend] == ["line", "flag"]
    assert "Item 9" in layout.legend[1][1]
    image = chart.grab().toImage()
    flag = theme.colour("chart_flag")
    for box in layout.flag_markers:
        pixel = image.pixelColor(box.center().toPoint())
        assert abs(pixel.red() - flag.red()) + abs(pixel.green() - flag.green()) < 40
    line = image.pixelColor(layout.points[1].toPoint())
    assert abs(line.red() - flag.red()) > 60  # an ordinary answer is not marked


def test_no_flag_no_flag_legend(qtbot, demo_state) -> None:
    rows = ResponseStore(demo_state.store).responses("PHQ-9")
    layout = _chart(qtbot, "PHQ-9", rows, (700, 300)).chart_layout()
    assert layout.flag_markers == [] and [kind for kind, *_ in layout.legend] == ["line"]


def test_empty_chart_says_so(qtbot, state) -> None:
    chart = _chart(qtbot, "GAD-7", [], (600, 260))
    assert chart.chart_layout().empty_text == "No answers yet"
    chart.grab()


def test_date_ticks_follow_the_locale() -> None:
    instrument = load_instruments()["GAD-7"]
    start = dt.datetime(2025, 1, 6, 9, tzinfo=dt.UTC)
    points = tuple(TrendPoint(start + dt.timedelta(days=30 * i), 5) for i in range(12))
    series = TrendSeries(instrument.bands, 21, points)
    metrics = QFontMetricsF(QFont())
    rect = QRectF(0, 0, 1200, 300)
    german = layout_trend(series, rect, metrics, locale=QLocale("de_DE"))
    english = layout_trend(series, rect, metrics, locale=QLocale("en_US"))
    assert "Okt." in [label for _t, label, *_ in german.date_ticks]
    assert "Oct" in [label for _t, label, *_ in english.date_ticks]


def test_ten_years_of_daily_answers_draw_one_run_per_pixel_column() -> None:
    instrument = load_instruments()["GAD-7"]
    start = dt.datetime(2015, 1, 1, 9, tzinfo=dt.UTC)
    points = tuple(
        TrendPoint(start + dt.timedelta(days=i), (i * 7) % 22, i == 1234) for i in range(3650)
    )
    series = TrendSeries(instrument.bands, 21, points)
    layout = layout_trend(series, QRectF(0, 0, 800, 300), QFontMetricsF(QFont()))
    assert len(layout.points) == 3650
    assert len(layout.polyline) <= 4 * (layout.data.width() + 1)
    assert {p.y() for p in layout.polyline} == {p.y() for p in layout.points}  # peaks kept
    assert layout.markers == [] and len(layout.flag_markers) == 1  # item 9 is never thinned
    ticks = [tick for tick, *_ in layout.date_ticks]
    assert ticks[0].step.unit == "year" and all(t.day.month == 1 for t in ticks)


def test_hover_finds_the_nearest_answer(qtbot, demo_state) -> None:
    rows = ResponseStore(demo_state.store).responses("WHO-5")
    chart = _chart(qtbot, "WHO-5", rows, (900, 300))
    layout = chart.chart_layout()
    assert layout.nearest(layout.points[5].x() + 1) == 5
    assert layout.nearest(-100) == 0
    assert chart.points() == layout.points
    assert isinstance(chart.points()[0], QPointF)
