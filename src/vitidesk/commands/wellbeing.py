"""``vitidesk wellbeing``: record a questionnaire's answers and list past results. No Qt.

Every result is a screening result, not a diagnosis. A PHQ-9 with item 9 answered above
"Not at all" always prints where to find help, whatever the total.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from typing import TYPE_CHECKING

from vitidesk.core.questionnaires import (
    FLAG_TEXT,
    ITEM9_FLAG,
    AnswerError,
    Instrument,
    Score,
    find_instrument,
    load_instruments,
    meaningful_change,
)
from vitidesk.errors import UserError
from vitidesk.services.responses import Response, ResponsesService

if TYPE_CHECKING:
    from vitidesk.commands import CommandContext

NAME = "wellbeing"
HELP = "record and list your wellbeing questionnaires (WHO-5, PHQ-4, PHQ-9, GAD-7)"

CRISIS_POINTER = (
    "If you are struggling, see 'Get help' in the app or call your local emergency number."
)
NOBODY_IS_TOLD = (
    "VitiDesk works offline: it does not send your answers to anyone, and no one is alerted."
)
NOT_A_DIAGNOSIS = "This is a screening result, not a diagnosis."


def _moment(text: str) -> dt.datetime:
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date like 2026-03-01 or 2026-03-01T09:30+01:00"
        ) from None
    return moment if moment.tzinfo is not None else moment.astimezone()


def add_arguments(parser: argparse.ArgumentParser) -> None:
    known = "WHO-5, PHQ-4, PHQ-9 or GAD-7"  # no file reading while building the parser
    actions = parser.add_subparsers(dest="wellbeing_action", metavar="ACTION", required=True)
    record = actions.add_parser("record", help="score and keep one questionnaire's answers")
    record.add_argument("instrument", metavar="INSTRUMENT", help=f"one of {known}")
    record.add_argument(
        "--answers",
        required=True,
        metavar="N,N,...",
        help="the answer values in form order, separated by commas (e.g. 1,2,0,3)",
    )
    record.add_argument(
        "--date", type=_moment, metavar="ISO", help="when it was answered (default: now)"
    )
    record.add_argument(
        "--difficulty",
        type=int,
        metavar="N",
        help="PHQ-9 only: how difficult the problems made things (0-3; not scored)",
    )
    record.add_argument("--note", default="", metavar="TEXT", help="a private note to keep")
    listing = actions.add_parser("list", help="list your past results, oldest first")
    listing.add_argument("--instrument", metavar="ID", help=f"only this one ({known})")
    listing.add_argument("--json", action="store_true", help="print a JSON array")


def _instrument(name: str) -> Instrument:
    instrument = find_instrument(name)
    if instrument is None:
        known = ", ".join(load_instruments())
        raise UserError(name, f"no such questionnaire (known: {known})")
    return instrument


def _parse_answers(instrument: Instrument, text: str) -> list[int]:
    values = []
    for position, token in enumerate(text.split(","), start=1):
        token = token.strip()
        if not token:
            raise UserError(f"{instrument.id} answers", f"item {position}: missing")
        try:
            values.append(int(token))
        except ValueError:
            raise UserError(
                f"{instrument.id} answers", f"item {position}: {token!r} is not a whole number"
            ) from None
    return values


def run(args: argparse.Namespace, ctx: CommandContext) -> int:
    instrument = None
    if args.wellbeing_action == "record":
        instrument = _instrument(args.instrument)
        answers = _parse_answers(instrument, args.answers)
    elif args.instrument:
        instrument = _instrument(args.instrument)
    with ctx.open_store() as store:
        responses = ResponsesService(store)
        if args.wellbeing_action == "record":
            assert instrument is not None
            try:
                saved = responses.record(
                    instrument.id,
                    answers,
                    taken_at=args.date,
                    difficulty=args.difficulty,
                    note=args.note,
                )
            except AnswerError as exc:
                raise UserError(f"{instrument.id} answers", exc.detail) from None
            except ValueError as exc:  # a note that is too long
                raise UserError(f"{instrument.id} note", str(exc)) from None
            _print_result(ctx, instrument, saved, responses.previous(saved))
            return 0
        listed = responses.responses(instrument.id if instrument else None)
    if args.json:
        ctx.say(json.dumps([_as_json(response) for response in listed], indent=2))
    else:
        _print_table(ctx, listed)
    return 0


def _score_text(instrument: Instrument, response: Response) -> str:
    text = f"{response.raw} of {instrument.max_raw}"
    if response.percent is not None:
        text += f" ({response.percent}%)"
    return text


def _print_result(
    ctx: CommandContext, instrument: Instrument, saved: Response, previous: Response | None
) -> None:
    band = instrument.band(saved.band)
    if ITEM9_FLAG in saved.flags:  # help comes first, before the score (sheet §3.4)
        ctx.say(CRISIS_POINTER)
        ctx.say(NOBODY_IS_TOLD)
    ctx.say(f"Recorded {instrument.id} for {saved.taken_at.date().isoformat()} (#{saved.id}).")
    ctx.say(f"Score: {_score_text(instrument, saved)}")
    ctx.say(f"Result: {band.label}")
    ctx.say(band.meaning)
    if saved.flags:
        ctx.say(f"Flags: {', '.join(sorted(saved.flags))}")
        for flag in sorted(saved.flags):
            ctx.say(f"  - {FLAG_TEXT.get(flag, flag)}")
    else:
        ctx.say("Flags: none")
    if previous is not None:
        change = meaningful_change(
            instrument.id,
            Score.as_stored(previous),
            Score.as_stored(saved),
        )
        if change:
            ctx.say(change)


def _as_json(response: Response) -> dict[str, object]:
    return {
        "id": response.id,
        "instrument": response.instrument,
        "version": response.version,
        "taken_at": response.taken_at.isoformat(),
        "answers": list(response.answers),
        "difficulty": response.difficulty,
        "raw": response.raw,
        "percent": response.percent,
        "band": response.band,
        "flags": sorted(response.flags),
        "note": response.note,
    }


def _print_table(ctx: CommandContext, listed: list[Response]) -> None:
    if not listed:
        ctx.say("No questionnaire results yet.")
        return
    instruments = load_instruments()
    ctx.say(f"{'id':>5}  {'date':<10}  {'form':<6}  {'score':<14}  result")
    for response in listed:
        instrument = instruments.get(response.instrument)
        if instrument is None:  # written by a newer VitiDesk with more questionnaires
            score_text, label = str(response.raw), response.band
        else:
            score_text = _score_text(instrument, response)
            label = instrument.band(response.band).label
        flags = f"  [{', '.join(sorted(response.flags))}]" if response.flags else ""
        ctx.say(
            f"{response.id:>5}  {response.taken_at.date().isoformat():<10}  "
            f"{response.instrument:<6}  {score_text:<14}  {label}{flags}"
        )
    ctx.say(NOT_A_DIAGNOSIS)
    if any(ITEM9_FLAG in response.flags for response in listed):
        ctx.say(CRISIS_POINTER)
