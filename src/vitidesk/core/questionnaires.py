"""The wellbeing questionnaires (WHO-5, PHQ-4, PHQ-9, GAD-7): their text and their scoring.

The wording, answer options, bands, codes and attribution live in ``resources/questionnaires/``
as TOML files (see the README there), taken from the team's reference sheet. This module
reads and cross-checks them (:func:`load_instruments`) and scores a finished form
(:func:`score`). Scoring is a plain sum, never pro-rated: a missing, out-of-range or
non-integer answer raises :class:`AnswerError` (a :class:`ValueError`) naming the item.

Every result is a screening result, not a diagnosis. No Qt here.
"""

from __future__ import annotations

import functools
import logging
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from vitidesk.core.content_language import preferred_languages, translated
from vitidesk.core.records import ResponseRecord
from vitidesk.core.resources import read_text
from vitidesk.errors import UserError

FILES = ("who5.toml", "phq4.toml", "phq9.toml", "gad7.toml")
"""The data files, in the order the questionnaires are offered."""

ITEM9_ID = "phq9-9"
"""PHQ-9 item 9 (thoughts of being better off dead or of self-harm): looked up by this id,
never by position, so its safety rule has one owner (reference sheet §3.4)."""

ITEM9_FLAG = "item9_positive"
ANY_ITEM_LE_1_FLAG = "any_item_le_1"
TOTAL_GE_10_FLAG = "total_ge_10"
ANXIETY_SUBSCALE_FLAG = "anxiety_subscale_positive"
DEPRESSION_SUBSCALE_FLAG = "depression_subscale_positive"

FLAG_TEXT: dict[str, str] = {
    ANY_ITEM_LE_1_FLAG: "At least one answer was 'Some of the time' or 'At no time'. "
    "It may help to also answer the PHQ-9 and to talk with a doctor.",
    ITEM9_FLAG: "You said you have had thoughts that you would be better off dead or of "
    "hurting yourself. Please talk with someone about this soon.",
    TOTAL_GE_10_FLAG: "Your total is 10 or more, the usual point at which to talk with a "
    "doctor or nurse.",
    ANXIETY_SUBSCALE_FLAG: "Your answers to the two worry questions add up to 3 or more. "
    "The longer GAD-7 can tell you more.",
    DEPRESSION_SUBSCALE_FLAG: "Your answers to the two mood questions add up to 3 or more. "
    "The longer PHQ-9 can tell you more.",
}
"""One plain sentence or two for each flag, for the CLI and the result screen."""

LOINC_NOTICE = (
    "LOINC codes: copyright © 1995 Regenstrief Institute, Inc. and the LOINC Committee, "
    "and available at no cost under the license at https://loinc.org/license/"
)
"""Shown wherever LOINC codes are shipped or exported (reference sheet §7)."""


class QuestionnaireError(UserError):
    """A questionnaire data file is missing, malformed or inconsistent."""


class AnswerError(ValueError):
    """An answer (or the set of answers) cannot be scored. ``item`` is 1-based, or None."""

    def __init__(self, instrument: str, item: int | None, reason: str) -> None:
        self.instrument = instrument
        self.item = item
        self.reason = reason
        where = f"{instrument} item {item}" if item is not None else instrument
        super().__init__(f"{where}: {reason}")

    @property
    def detail(self) -> str:
        """The message without the instrument's name: ``item 9: 4 is not one of 0, 1, 2, 3``."""
        return f"item {self.item}: {self.reason}" if self.item is not None else self.reason


@dataclass(frozen=True)
class Option:
    value: int
    label: str


@dataclass(frozen=True)
class Item:
    id: str
    text: str
    loinc: str | None = None


@dataclass(frozen=True)
class Band:
    key: str
    low: int
    high: int
    label: str
    meaning: str
    discuss: bool

    def contains(self, value: int) -> bool:
        return self.low <= value <= self.high


@dataclass(frozen=True)
class Instrument:
    id: str
    version: str
    title: str
    instructions: str
    recall_period: str
    items: tuple[Item, ...]
    options: tuple[Option, ...]
    difficulty: Item | None
    difficulty_options: tuple[Option, ...]
    banded_on: str
    max_raw: int
    bands: tuple[Band, ...]
    loinc_panel: str | None
    loinc_total: str | None
    source: str
    licence: str
    meaningful_percent_points: int | None = None

    def band(self, key: str) -> Band:
        for band in self.bands:
            if band.key == key:
                return band
        raise KeyError(f"{self.id} has no band {key!r}")

    @property
    def option_values(self) -> tuple[int, ...]:
        return tuple(sorted(option.value for option in self.options))

    def option_label(self, value: int) -> str:
        for option in self.options:
            if option.value == value:
                return option.label
        raise KeyError(f"{self.id} has no answer {value!r}")

    def answer_text(self, value: int, *, difficulty: bool = False) -> str:
        """An answer as the person saw it on the form: ``Several days (1)``. The unscored
        difficulty question prints no numbers on the form, so its answer is the label only."""
        if difficulty:
            for option in self.difficulty_options:
                if option.value == value:
                    return option.label
            raise KeyError(f"{self.id} has no difficulty answer {value!r}")
        return f"{self.option_label(value)} ({value})"

    def item_position(self, item_id: str) -> int | None:
        """The 0-based position of an item in the answer list, or None if there is none."""
        for position, item in enumerate(self.items):
            if item.id == item_id:
                return position
        return None

    def item_answer(self, item_id: str, answers: Sequence[int | None]) -> int | None:
        """The answer given to one item (None when the form has no such item or it is blank)."""
        position = self.item_position(item_id)
        if position is None or position >= len(answers):
            return None
        return answers[position]

    def percent_of(self, raw: int) -> int | None:
        """The percentage score (WHO-5: raw x 4, §2.3), or None for forms scored on the raw
        total. The one place the x4 rule lives."""
        return raw * 100 // self.max_raw if self.banded_on == "percent" else None

    def band_for(self, raw: int) -> Band:
        """The band a raw total falls in (on the percent scale for WHO-5)."""
        percent = self.percent_of(raw)
        value = raw if percent is None else percent
        for band in self.bands:
            if band.contains(value):
                return band
        raise ValueError(f"{self.id}: no band holds {value}")  # the loader rules this out


@dataclass(frozen=True)
class Score:
    raw: int
    percent: int | None
    band: str
    flags: frozenset[str]

    @classmethod
    def as_stored(cls, record: ResponseRecord) -> Score:
        """A recorded answer's result as it was scored then: never re-scored with today's
        bands, so history does not change if the bands are revised."""
        return cls(record.raw, record.percent, record.band, record.flags)


# -- loading --------------------------------------------------------------------------------
def _text(table: Mapping[str, Any], key: str, where: str) -> str:
    value = table.get(key)
    if not isinstance(value, str) or not value.strip():
        raise QuestionnaireError(where, f"'{key}' must be a non-empty text")
    return value.strip()


def _optional_text(table: Mapping[str, Any], key: str, where: str) -> str | None:
    if key not in table:
        return None
    return _text(table, key, where)


def _int(table: Mapping[str, Any], key: str, where: str) -> int:
    value = table.get(key)
    if type(value) is not int:
        raise QuestionnaireError(where, f"'{key}' must be a whole number")
    return value


def _options(rows: Any, where: str) -> tuple[Option, ...]:
    if not isinstance(rows, list) or not rows:
        raise QuestionnaireError(where, "needs a list of answer options")
    options = tuple(Option(_int(row, "value", where), _text(row, "label", where)) for row in rows)
    values = [option.value for option in options]
    if len(set(values)) != len(values) or sorted(values) != list(range(len(values))):
        raise QuestionnaireError(where, f"option values must be 0 to {len(values) - 1}, once each")
    return options


def _item(row: Any, where: str) -> Item:
    if not isinstance(row, dict):
        raise QuestionnaireError(where, "an item must be a table")
    return Item(
        _text(row, "id", where), _text(row, "text", where), _optional_text(row, "loinc", where)
    )


def _parse(name: str, text: str) -> Instrument:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise QuestionnaireError(name, f"not valid TOML ({exc})") from None
    instrument_id = _text(data, "id", name)
    where = f"{name} ({instrument_id})"
    items = tuple(_item(row, where) for row in data.get("item", []))
    if not items:
        raise QuestionnaireError(where, "has no items")
    if len({item.id for item in items}) != len(items):
        raise QuestionnaireError(where, "item ids must be unique")
    options = _options(data.get("option"), where)
    difficulty = None
    difficulty_options: tuple[Option, ...] = ()
    if "difficulty" in data:
        difficulty = _item(data["difficulty"], f"{where} difficulty")
        difficulty_options = _options(data.get("difficulty_option"), f"{where} difficulty")
    banded_on = _text(data, "banded_on", where)
    if banded_on not in ("raw", "percent"):
        raise QuestionnaireError(where, "'banded_on' must be 'raw' or 'percent'")
    max_raw = _int(data, "max_raw", where)
    if max_raw != len(items) * max(option.value for option in options):
        raise QuestionnaireError(where, "'max_raw' does not match the items and options")
    bands = tuple(
        Band(
            _text(row, "key", where),
            _int(row, "low", where),
            _int(row, "high", where),
            _text(row, "label", where),
            _text(row, "meaning", where),
            bool(row.get("discuss", False)),
        )
        for row in data.get("band", [])
    )
    # Every reachable score falls in exactly one band.
    if banded_on == "percent" and 100 % max_raw:
        raise QuestionnaireError(where, "a percent score needs 'max_raw' to divide 100")
    scale = [raw * 100 // max_raw if banded_on == "percent" else raw for raw in range(max_raw + 1)]
    for value in scale:
        holders = [band.key for band in bands if band.contains(value)]
        if len(holders) != 1:
            raise QuestionnaireError(
                where, f"score {value} is in {len(holders)} bands; it must be in exactly one"
            )
    change = data.get("change", {})
    meaningful = change.get("meaningful_percent_points") if isinstance(change, dict) else None
    if meaningful is not None and (type(meaningful) is not int or banded_on != "percent"):
        raise QuestionnaireError(where, "'change.meaningful_percent_points' is for percent scores")
    return Instrument(
        id=instrument_id,
        version=_text(data, "version", where),
        title=_text(data, "title", where),
        instructions=_text(data, "instructions", where),
        recall_period=_text(data, "recall_period", where),
        items=items,
        options=options,
        difficulty=difficulty,
        difficulty_options=difficulty_options,
        banded_on=banded_on,
        max_raw=max_raw,
        bands=bands,
        loinc_panel=_optional_text(data, "loinc_panel", where),
        loinc_total=_optional_text(data, "loinc_total", where),
        source=_text(data, "source", where),
        licence=_text(data, "licence", where),
        meaningful_percent_points=meaningful,
    )


def load_instruments(languages: tuple[str, ...] | None = None) -> dict[str, Instrument]:
    """Every questionnaire by id, in the order offered: WHO-5, PHQ-4, PHQ-9, GAD-7, each in
    the first of ``languages`` (default: the person's) it has a fitting translation in."""
    return _load_instruments(preferred_languages() if languages is None else tuple(languages))


def scoring_of(instrument: Instrument) -> tuple:
    """Everything about an instrument except its words: a translation must match it."""
    return (
        instrument.id,
        instrument.version,
        tuple((item.id, item.loinc) for item in instrument.items),
        tuple(option.value for option in instrument.options),
        instrument.difficulty.id if instrument.difficulty else None,
        tuple(option.value for option in instrument.difficulty_options),
        instrument.banded_on,
        instrument.max_raw,
        tuple((band.key, band.low, band.high, band.discuss) for band in instrument.bands),
        instrument.loinc_panel,
        instrument.loinc_total,
        instrument.meaningful_percent_points,
    )


def _translation(name: str, english: Instrument, languages: tuple[str, ...]) -> Instrument:
    """The first translation whose scoring is exactly the English one; else the English."""
    for language in languages:
        node = translated("questionnaires", name, language)
        if node is None:
            continue
        where = f"l10n/{language}/{name}"
        try:
            candidate = _parse(where, node.read_text(encoding="utf-8"))
        except (OSError, QuestionnaireError) as exc:
            logging.getLogger(__name__).warning("%s not used: %s", where, exc)
            continue
        if scoring_of(candidate) == scoring_of(english):
            return candidate
        logging.getLogger(__name__).warning("%s not used: its scoring differs", where)
    return english


@functools.cache
def _load_instruments(languages: tuple[str, ...]) -> dict[str, Instrument]:
    instruments: dict[str, Instrument] = {}
    for name in FILES:
        try:
            text = read_text("questionnaires", name)
        except OSError as exc:
            raise QuestionnaireError(name, f"cannot be read ({exc})") from None
        instrument = _translation(name, _parse(name, text), languages)
        if instrument.id in instruments:
            raise QuestionnaireError(name, f"{instrument.id} is defined twice")
        instruments[instrument.id] = instrument
    return instruments


def _squash(name: str) -> str:
    return "".join(ch for ch in name.casefold() if ch.isalnum())


def find_instrument(name: str) -> Instrument | None:
    """Look a questionnaire up loosely (``phq9``, ``PHQ-9`` and ``Phq 9`` all match)."""
    wanted = _squash(name)
    for instrument in load_instruments().values():
        if _squash(instrument.id) == wanted:
            return instrument
    return None


def get_instrument(instrument_id: object) -> Instrument:
    """The questionnaire with exactly this id; :class:`AnswerError` for any other."""
    instruments = load_instruments()
    if not isinstance(instrument_id, str) or instrument_id not in instruments:
        known = ", ".join(instruments)
        raise AnswerError(str(instrument_id), None, f"no such questionnaire (known: {known})")
    return instruments[instrument_id]


# -- scoring --------------------------------------------------------------------------------
def _valid_value(value: object, allowed: tuple[int, ...]) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value in allowed


def check_value(instrument: Instrument, position: int, value: object) -> int:
    """``value`` if it is an allowed answer to item ``position`` (1-based); else AnswerError."""
    allowed = instrument.option_values
    if value is None:
        raise AnswerError(instrument.id, position, "no answer; every item needs one")
    if not isinstance(value, int) or not _valid_value(value, allowed):
        choices = ", ".join(str(v) for v in allowed)
        raise AnswerError(instrument.id, position, f"{value!r} is not one of {choices}")
    return int(value)


def check_answers(instrument: Instrument, answers: object) -> tuple[int, ...]:
    """The answers as a tuple of ints, each checked; raises AnswerError naming the item."""
    if isinstance(answers, (str, bytes, Mapping)) or not isinstance(answers, Iterable):
        raise AnswerError(
            instrument.id, None, f"answers must be a list of numbers, not {answers!r}"
        )
    given = list(answers)
    count = len(instrument.items)
    if len(given) < count:
        raise AnswerError(
            instrument.id,
            len(given) + 1,
            f"missing (only {len(given)} of {count} answered; partial forms are not scored)",
        )
    if len(given) > count:
        raise AnswerError(
            instrument.id, count + 1, f"there is no such item ({instrument.id} has {count} items)"
        )
    return tuple(check_value(instrument, n, value) for n, value in enumerate(given, start=1))


def check_difficulty(instrument: Instrument, value: object) -> int | None:
    """A checked answer to the unscored difficulty question (None: not answered)."""
    if value is None:
        return None
    if instrument.difficulty is None:
        raise AnswerError(instrument.id, None, "this form has no difficulty question")
    allowed = tuple(option.value for option in instrument.difficulty_options)
    if not isinstance(value, int) or not _valid_value(value, allowed):
        choices = ", ".join(str(v) for v in sorted(allowed))
        raise AnswerError(instrument.id, None, f"difficulty: {value!r} is not one of {choices}")
    return int(value)


def item9_positive(instrument: Instrument, answers: Sequence[int | None]) -> bool:
    """PHQ-9 item 9 answered above 0 ("Not at all"), whatever the total (§3.4)."""
    return instrument.id == "PHQ-9" and (instrument.item_answer(ITEM9_ID, answers) or 0) >= 1


def _flags(instrument: Instrument, values: tuple[int, ...], raw: int) -> frozenset[str]:
    flags: set[str] = set()
    instrument_id = instrument.id
    if instrument_id == "WHO-5" and any(value <= 1 for value in values):
        flags.add(ANY_ITEM_LE_1_FLAG)
    if item9_positive(instrument, values):
        flags.add(ITEM9_FLAG)
    if instrument_id in ("PHQ-9", "GAD-7") and raw >= 10:
        flags.add(TOTAL_GE_10_FLAG)
    if instrument_id == "PHQ-4":
        if values[0] + values[1] >= 3:
            flags.add(ANXIETY_SUBSCALE_FLAG)
        if values[2] + values[3] >= 3:
            flags.add(DEPRESSION_SUBSCALE_FLAG)
    return frozenset(flags)


def score(instrument_id: str, answers: Iterable[int]) -> Score:
    """Score a finished form. ``answers`` are the item values in form order (for PHQ-4:
    nervous, worrying, interest, down). Raises :class:`AnswerError` naming the bad item."""
    instrument = get_instrument(instrument_id)
    values = check_answers(instrument, answers)
    raw = sum(values)
    band = instrument.band_for(raw)
    return Score(
        raw=raw,
        percent=instrument.percent_of(raw),
        band=band.key,
        flags=_flags(instrument, values, raw),
    )


def meaningful_change(instrument_id: str, before: Score, after: Score) -> str | None:
    """A plain sentence when the change between two results counts as meaningful by a rule
    the reference sheet gives; otherwise None. Only the WHO-5 has such a rule (a change of
    10 percentage points or more); for the others this always returns None."""
    instrument = get_instrument(instrument_id)
    threshold = instrument.meaningful_percent_points
    if threshold is None or before.percent is None or after.percent is None:
        return None
    change = after.percent - before.percent
    if abs(change) < threshold:
        return None
    direction = "up" if change > 0 else "down"
    return (
        f"Your score went {direction} by {abs(change)} points. A change of {threshold} points "
        "or more is seen as a real change."
    )
