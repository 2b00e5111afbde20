"""``vitidesk report --out FILE.pdf``: the clinician report, drawn offscreen (only this command
loads Qt, and only QtGui to draw: :mod:`vitidesk.render`, never the widgets)."""

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


def run(args: argparse.Namespace, ctx: CommandContext) -> int:
    out = Path(args.out).expanduser()
    if out.suffix.lower() != ".pdf":
        out = out.with_suffix(".pdf")
    if not out.parent.is_dir():
        raise UserError(str(out.parent), "no such folder")
    from vitidesk.core.report_data import ReportOptions, gather

    sites = tuple(s.strip() for s in args.sites.split(",") if s.strip()) if args.sites else None
    options = ReportOptions(since=args.since, sites=sites, name=args.name, demo=ctx.paths.demo)
    with ctx.open_store(readonly=False) as store:
        paper = args.paper or _paper_setting(store)
        data = gather(store, options)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from vitidesk.render.pdf_report import write_pdf

    try:
        layout = write_pdf(data, out, paper)
    except OSError as exc:
        raise UserError(str(out), f"cannot be saved ({exc.strerror or exc})") from None
    sample = ", sample data" if data.sample else ""
    flagged = ", safety flag at the top" if data.flags else ""
    ctx.say(
        f"Report saved: {out} ({len(data.sites)} body site(s), "
        f"{len(data.wellbeing)} questionnaire(s), {len(layout.pages)} page(s){flagged}{sample})."
    )
    return 0


def _paper_setting(store) -> str:
    from vitidesk.storage.settings import Settings

    chosen = Settings(store).paper_size
    return chosen if chosen in ("A4", "Letter") else "A4"
