"""``vitidesk export``: write your questionnaire results to a CSV file or a FHIR R4 Bundle.

The file is written atomically (never half-written) and readable by you alone (0600 on
POSIX): it holds private health data. No Qt here.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING

from vitidesk.errors import UserError

if TYPE_CHECKING:
    from vitidesk.commands import CommandContext

NAME = "export"
HELP = "export your questionnaire results as CSV (spreadsheets) or a FHIR R4 Bundle (JSON)"

FORMATS = ("csv", "fhir")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format",
        required=True,
        choices=FORMATS,
        help="csv: one row per result, for Excel or LibreOffice; fhir: a FHIR R4 Bundle (JSON)",
    )
    parser.add_argument("--out", required=True, metavar="FILE", help="the file to write")
    parser.add_argument(
        "--instrument", metavar="ID", help="only this questionnaire (WHO-5, PHQ-4, PHQ-9 or GAD-7)"
    )


def _out_path(text: str) -> Path:
    path = Path(text).expanduser()
    if not path.name or path.is_dir():
        raise UserError(text, "is a folder; give a file name to write")
    folder = path.parent
    if not folder.exists():
        raise UserError(text, f"the folder {folder} does not exist")
    if not folder.is_dir():
        raise UserError(text, f"{folder} is not a folder")
    return path


def run(args: argparse.Namespace, ctx: CommandContext) -> int:
    from vitidesk.core.exports import fhir_bundle, responses_csv
    from vitidesk.core.questionnaires import find_instrument, load_instruments
    from vitidesk.storage.atomic import atomic_write_text
    from vitidesk.storage.responses import ResponseStore

    out = _out_path(args.out)
    instruments = load_instruments()
    instrument_id = None
    if args.instrument:
        instrument = find_instrument(args.instrument)
        if instrument is None:
            known = ", ".join(instruments)
            raise UserError(args.instrument, f"no such questionnaire (known: {known})")
        instrument_id = instrument.id
    with ctx.open_store() as store:
        listed = ResponseStore(store).responses(instrument_id)
    if args.format == "csv":
        text = responses_csv(listed, instruments)
        kind = "CSV"
    else:
        text = json.dumps(fhir_bundle(listed, instruments), indent=2, ensure_ascii=False) + "\n"
        kind = "a FHIR R4 Bundle"
    try:
        atomic_write_text(out, text)
    except OSError as exc:
        raise UserError(str(out), f"cannot be written ({exc.strerror or exc})") from None
    count = len(listed)
    noun = "result" if count == 1 else "results"
    forms = sorted({response.instrument for response in listed})
    which = f" ({', '.join(forms)})" if forms else ""
    ctx.say(f"Exported {count} questionnaire {noun}{which} as {kind} to {out}")
    return 0
