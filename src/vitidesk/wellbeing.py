"""Public entry point for wellbeing scoring: ``from vitidesk.wellbeing import score``.

Everything here is re-exported from :mod:`vitidesk.core.questionnaires` (no Qt).
"""

from __future__ import annotations

from vitidesk.core.questionnaires import (
    FLAG_TEXT,
    ITEM9_FLAG,
    LOINC_NOTICE,
    AnswerError,
    Band,
    Instrument,
    Item,
    Option,
    Score,
    find_instrument,
    load_instruments,
    meaningful_change,
    score,
)

__all__ = [
    "FLAG_TEXT",
    "ITEM9_FLAG",
    "LOINC_NOTICE",
    "AnswerError",
    "Band",
    "Instrument",
    "Item",
    "Option",
    "Score",
    "find_instrument",
    "load_instruments",
    "meaningful_change",
    "score",
]
