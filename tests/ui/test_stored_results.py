"""A result is read as it was scored when recorded: old answers are never re-scored with
today's bands (a revised scoring rule must not rewrite the person's history)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QLabel

from vitidesk.core.questionnaires import get_instrument
from vitidesk.ui.wellbeing.result import ResultView


def test_the_change_since_last_time_uses_the_stored_results(qtbot, state) -> None:
    day = dt.datetime(2026, 3, 2, 9, tzinfo=dt.UTC)
    earlier = state.responses.record("WHO-5", [2, 2, 2, 2, 2], taken_at=day)  # 40 today
    # Scored under an earlier version of the rules: stored as 28 out of 100.
    with state.store.transaction() as conn:
        conn.execute("UPDATE responses SET raw = 7, percent = 28 WHERE id = ?", (earlier.id,))
    later = state.responses.record(
        "WHO-5", [3, 2, 2, 2, 2], taken_at=day + dt.timedelta(days=14)
    )  # 44
    view = ResultView(get_instrument("WHO-5"), later, state.responses)
    qtbot.addWidget(view)
    text = " ".join(label.text() for label in view.findChildren(QLabel))
    assert "Up 16 points since last time" in text
    # The rule sentence agrees with the line above it: 28 -> 44 is a real change.
    assert "went up by 16 points" in text
