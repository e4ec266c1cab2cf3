"""The command line: parse arguments, call the library, print, return an exit code."""

from __future__ import annotations

import argparse
import sys

from . import __version__
from .commands import check, rules
from .commands.common import EXIT_USAGE
from .errors import EssaycheckError

SUBCOMMANDS = [check, rules]
for _optional in ("format", "batch"):
    try:
        SUBCOMMANDS.append(__import__(f"essaycheck.commands.{_optional}", fromlist=["run"]))
    except ImportError:  # being built; the command appears when its module lands
        pass


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="essaycheck",
        description="Check the APA 7 citations and references of essays, and format references.",
        epilog="Run 'essaycheck COMMAND --help' for the options of a command.")
    parser.add_argument("--version", action="version", version=f"essaycheck {__version__}")
    subparsers = parser.add_subparsers(title="commands", metavar="COMMAND", required=True)
    for command in SUBCOMMANDS:
        command.add_parser(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except EssaycheckError as error:
        print(f"essaycheck: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("essaycheck: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
