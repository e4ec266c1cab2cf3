"""The command line: parse arguments, call the library, print, return an exit code."""

from __future__ import annotations

import argparse
import os
import sys

from . import __version__
from .commands import batch, check, export, fix, rules, serve
from .commands import format as format_
from .commands.common import EXIT_USAGE
from .errors import EssaycheckError

SUBCOMMANDS = (check, fix, format_, export, batch, serve, rules)


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
    except BrokenPipeError:  # the reader went away (`essaycheck check … | head`): not an error of ours
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
