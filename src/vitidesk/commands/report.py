"""``vitidesk report --out FILE.pdf``: the clinician report, drawn offscreen (only this command
loads Qt, and only QtGui to draw: :mod:`vitidesk.render`, never the widgets). The data come
from :class:`~vitidesk.services.reports.ReportsService`, which also saves the PDF by the
output rule: never inside a data folder, never over a file unless ``--force``."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import TYPE_CHECKING

from vitidesk.commands.arguments import iso_date
from vitidesk.errors import UserError

if TYPE_CHECKING:
    from vitidesk.commands import CommandContext

NAME = "report"
HELP = "make a PDF report for your dermatology visit"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", required=True, metavar="FILE.pdf", help="where to save the PDF")
    parser.add_argument("--since", type=iso_date, metavar="YYYY-MM-DD", help="only from this date")
    parser.add_argument("--sites", metavar="A,B", help="only these body sites, e.g. Face,Hands")
    parser.add_argument("--name", default="", help="a name for the cover (optional)")
    parser.add_argument("--paper", choices=("A4", "Letter"), help="paper size (default: A4)")
    parser.add_argument("--force", action="store_true", help="replace FILE.pdf if it exists")


def run(args: argparse.Namespace, ctx: CommandContext) -> int:
    from vitidesk.services.reports import ReportOptions, ReportsService
    from vitidesk.services.settings import SettingsService

    out = Path(args.out).expanduser()
    if out.suffix.lower() != ".pdf":
        out = out.with_suffix(".pdf")
    if not out.parent.is_dir():
        raise UserError(str(out.parent), "no such folder")
    sites = tuple(s.strip() for s in args.sites.split(",") if s.strip()) if args.sites else None
    options = ReportOptions(since=args.since, sites=sites, name=args.name, demo=ctx.paths.demo)
    with ctx.open_store(readonly=False) as store:
        reports = ReportsService(store, protect=ctx.paths.protected_folders())
        reports.check_output(out, force=args.force)  # refused before the slow part
        paper = args.paper or _paper(SettingsService(store).paper_size)
        data = reports.gather(options)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from vitidesk.render.pdf_report import pdf_bytes

    payload, layout = pdf_bytes(data, paper)
    try:
        reports.save(payload, out, force=args.force)
    except OSError as exc:
        raise UserError(str(out), f"cannot be saved ({exc.strerror or exc})") from None
    sample = ", sample data" if data.sample else ""
    flagged = ", safety flag at the top" if data.flags else ""
    ctx.say(
        f"Report saved: {out} ({len(data.sites)} body site(s), "
        f"{len(data.wellbeing)} questionnaire(s), {len(layout.pages)} page(s){flagged}{sample})."
    )
    return 0


def _paper(setting: str) -> str:
    return setting if setting in ("A4", "Letter") else "A4"
