"""``vitidesk export``: write your questionnaire results to a CSV file or a FHIR R4 Bundle.

The file is written atomically (never half-written) and readable by you alone (0600 on
POSIX): it holds private health data. It is never written inside a data folder, nor over an
existing file unless ``--force`` (:func:`vitidesk.storage.outputs.check_output_path`). No Qt.
"""

from __future__ import annotations

import argparse
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
    parser.add_argument("--force", action="store_true", help="replace FILE if it exists")


def run(args: argparse.Namespace, ctx: CommandContext) -> int:
    from vitidesk.core.questionnaires import find_instrument, load_instruments
    from vitidesk.services.exports import ExportsService
    from vitidesk.storage.outputs import check_output_path

    out = check_output_path(args.out, protect=ctx.paths.protected_folders(), force=args.force)
    instruments = load_instruments()
    instrument_id = None
    if args.instrument:
        instrument = find_instrument(args.instrument)
        if instrument is None:
            known = ", ".join(instruments)
            raise UserError(args.instrument, f"no such questionnaire (known: {known})")
        instrument_id = instrument.id
    with ctx.open_store() as store:
        exports = ExportsService(store, protect=ctx.paths.protected_folders())
        try:
            summary = exports.export_answers(
                args.format, out, instrument_id=instrument_id, force=args.force
            )
        except OSError as exc:
            raise UserError(str(out), f"cannot be written ({exc.strerror or exc})") from None
    kind = "CSV" if args.format == "csv" else "a FHIR R4 Bundle"
    count = summary.count
    noun = "result" if count == 1 else "results"
    which = f" ({', '.join(summary.instruments)})" if summary.instruments else ""
    ctx.say(f"Exported {count} questionnaire {noun}{which} as {kind} to {out}")
    return 0
