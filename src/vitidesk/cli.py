"""The ``vitidesk`` command: opens the app, or runs a headless subcommand.

Errors a person can fix print one line, ``vitidesk: error: <what>: <why>``, and exit 2.
Anything unexpected goes with its traceback to the log folder, and the line says where.
Qt is imported only when the window opens.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import NoReturn

from vitidesk import __version__
from vitidesk.errors import UserError, write_crash_log
from vitidesk.paths import AppPaths

EXIT_OK, EXIT_PROBLEM, EXIT_USAGE = 0, 1, 2


def _say_error(message: str) -> None:
    if sys.stderr is not None:  # a Windows gui-script has no console
        print(f"vitidesk: error: {message}", file=sys.stderr)


class _Parser(argparse.ArgumentParser):
    """argparse with a one-line error instead of a usage dump."""

    def error(self, message: str) -> NoReturn:
        _say_error(message)
        raise SystemExit(EXIT_USAGE)


def _global_parser(*, add_help: bool) -> argparse.ArgumentParser:
    parser = _Parser(
        prog="vitidesk",
        add_help=add_help,
        description="VitiDesk: lessons, photo comparison and private wellbeing questionnaires "
        "for people with vitiligo. With no command, opens the app.",
    )
    parser.add_argument("--version", action="version", version=f"vitidesk {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="keep data in DIR (default: your user data folder, or $VITIDESK_DATA_DIR)",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="use the demo profile with sample data (never touches your own data)",
    )
    parser.add_argument(
        "--exit-when-ready",
        action="store_true",
        help="open the window, wait for its first frame, then exit (for smoke tests)",
    )
    return parser


def build_parser() -> argparse.ArgumentParser:
    """The whole command line: global options and every subcommand."""
    from vitidesk.commands import COMMANDS

    parser = _global_parser(add_help=True)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMANDS:
        sub = commands.add_parser(module.NAME, help=module.HELP, description=module.HELP)
        module.add_arguments(sub)
        sub.set_defaults(run=module.run)
    return parser


def _parse(argv: list[str]) -> argparse.Namespace:
    # Opening the window needs only the global options: skip loading every subcommand then,
    # which keeps start-up fast. Anything else (a command, --help, a typo) gets the full parser.
    known, rest = _global_parser(add_help=False).parse_known_args(argv)
    if not rest:
        known.command = None
        return known
    return build_parser().parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = _parse(list(sys.argv[1:] if argv is None else argv))
    except SystemExit as exit_:
        return int(exit_.code or 0)
    paths = AppPaths.resolve(args.data_dir, args.demo)
    if args.command is None:
        from vitidesk.app import run_gui

        return run_gui(paths, exit_when_ready=args.exit_when_ready)
    from vitidesk.commands import CommandContext

    try:
        return int(args.run(args, CommandContext(paths)))
    except UserError as exc:
        _say_error(exc.one_line())
        return EXIT_USAGE
    except BrokenPipeError:  # output piped into `head` and the like
        return 0
    except OSError as exc:
        _say_error(f"{exc.filename or 'file'}: {exc.strerror or exc}")
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        log = write_crash_log(paths.log_dir, exc)
        where = f"details were saved in {log}" if log else "no log could be written"
        _say_error(f"unexpected problem ({type(exc).__name__}); {where}")
        return EXIT_PROBLEM
