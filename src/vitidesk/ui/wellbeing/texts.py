"""Small wording helpers shared by the Wellbeing screens."""

from __future__ import annotations

from vitidesk.core.questionnaires import Instrument


def lead_text(instrument: Instrument) -> str:
    """The instructions, with the recall period added only when they do not already say it."""
    period = instrument.recall_period.strip()
    if not period or period.lower().removeprefix("the ") in instrument.instructions.lower():
        return instrument.instructions
    return f"{instrument.instructions} ({period})"
