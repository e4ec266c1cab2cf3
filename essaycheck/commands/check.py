"""``essaycheck check ESSAY``: the report for one or more essays."""

from __future__ import annotations

import argparse
import json
import sys
from contextlib import ExitStack
from pathlib import Path

from ..errors import EssaycheckError
from .common import EXIT_CLEAN, EXIT_USAGE, add_settings_options, settings_from_args, use_colour

DESCRIPTION = """\
Check the APA 7 citations and reference list of an essay: Word (.docx), OpenDocument (.odt),
PDF with a text layer, RTF, HTML, plain text (.txt) or Markdown (.md).

Exit status: 0 no errors, 1 errors found, 2 the essay could not be read or the
command line is wrong. The essay itself is never changed."""


def add_parser(subparsers) -> argparse.ArgumentParser:
    parser = subparsers.add_parser("check", help="check one essay (or a few) and print a report",
                                   description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("essays", nargs="+", type=Path, metavar="ESSAY",
                        help=".docx, .odt, .pdf, .rtf, .html, .txt or .md file")
    parser.add_argument("--format", dest="output_format", choices=("text", "json", "html"),
                        help="report format (default: text; json is a stable contract, see docs/json.md)")
    parser.add_argument("-o", "--output", type=Path, metavar="FILE",
                        help="write the report to FILE instead of the terminal (written atomically)")
    parser.add_argument("--annotate", action="store_true",
                        help="also write ESSAY.checked.docx (or .pdf), a copy of a Word or PDF essay with a comment "
                             "or highlighted note at each problem")
    parser.add_argument("--annotate-to", type=Path, metavar="COPY",
                        help="like --annotate, with the copy's name chosen (one essay)")
    add_settings_options(parser)
    parser.set_defaults(run=run)
    return parser


def run(args: argparse.Namespace) -> int:
    if len(args.essays) > 1 and (args.output or args.annotate_to):
        print("essaycheck: -o and --annotate-to take one essay; use 'essaycheck batch' for a folder",
              file=sys.stderr)
        return EXIT_USAGE
    settings = settings_from_args(args, args.essays[0].parent if args.essays[0].parent.exists() else Path.cwd())
    status = EXIT_CLEAN
    outputs = []
    with ExitStack() as stack:
        resolver = None
        if settings.resolve and len(args.essays) > 1:  # one session and one lookup per DOI for them all
            from ..resolve import Resolver

            resolver = stack.enter_context(Resolver(settings))
        for path in args.essays:
            status = max(status, _check_one(path, args, settings, resolver, outputs))
    if outputs:
        _emit(outputs, args, settings)
    return status


def _check_one(path: Path, args: argparse.Namespace, settings, resolver, outputs: list) -> int:
    """Check one essay into ``outputs``; its exit status (an unreadable essay is one line on stderr)."""
    from ..api import check

    try:
        report = check(path, settings, resolver=resolver)
        if args.annotate or args.annotate_to:
            _annotate(report, path, args.annotate_to or path.with_name(f"{path.stem}.checked.{report.document.kind}"))
    except EssaycheckError as error:
        message = str(error)
        named = str(EssaycheckError(str(path)))  # the path as messages show it (one line)
        print(f"essaycheck: {message if named in message else f'{named}: {message}'}", file=sys.stderr)
        return EXIT_USAGE
    outputs.append(report)
    return report.exit_code


def _annotate(report, path: Path, destination: Path) -> None:
    from ..annotate import annotate_copy
    from ..errors import InputError

    if destination.resolve() == path.resolve():
        raise InputError("--annotate must not overwrite the essay itself; choose another name")
    annotate_copy(report, path, destination)
    print(f"essaycheck: annotated copy written to {destination}", file=sys.stderr)


def _emit(reports, args: argparse.Namespace, settings) -> None:
    if settings.output_format == "json":
        from ..render.json import report_to_json

        data = [report_to_json(r) for r in reports]
        text = json.dumps(data[0] if len(data) == 1 else data, ensure_ascii=False, indent=2) + "\n"
    elif settings.output_format == "html":
        from ..render.html import render_html

        text = "\n".join(render_html(r) for r in reports)
    else:
        from ..render.text import render_text

        colour = use_colour(settings.colour) and not args.output
        text = "\n".join(render_text(r, colour=colour) for r in reports)
    if args.output:
        from ..outputs import write_text

        write_text(args.output, text)
    else:
        sys.stdout.write(text)
