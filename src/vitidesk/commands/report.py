"""``vitidesk report --out FILE.pdf``: the clinician report, drawn offscreen (only this command
loads Qt, and only to draw)."""

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
    options = ReportOptions(since=args.since, sites=sites, name=args.name)
    with ctx.open_store(readonly=False) as store:
        paper = args.paper or _paper_setting(store)
        data = gather(store, options)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    # A full QApplication (not just QGuiApplication), so a later window in the same process
    # (tests, or the app) can still be made.
    app = QApplication.instance() or QApplication([])  # noqa: F841 (alive while drawing)
    from vitidesk.ui.report.pdf_render import write_pdf

    temp = out.with_name(f".{out.name}.part")
    try:
        write_pdf(data, temp, paper)
        os.replace(temp, out)
    finally:
        temp.unlink(missing_ok=True)
    flagged = ", safety flag at the top" if data.flags else ""
    ctx.say(
        f"Report saved: {out} ({len(data.sites)} body site(s), "
        f"{len(data.wellbeing)} questionnaire(s){flagged})."
    )
    return 0


def _paper_setting(store) -> str:
    from vitidesk.storage.settings import Settings

    chosen = Settings(store).paper_size
    return chosen if chosen in ("A4", "Letter") else "A4"
