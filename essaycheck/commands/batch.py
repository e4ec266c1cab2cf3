"""``essaycheck batch FOLDER``: check a whole class folder (tutor mode)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .common import EXIT_USAGE, _positive_int, add_settings_options, settings_from_args

DESCRIPTION = """\
Check every .docx, .txt and .md essay below FOLDER in parallel and write, into
OUTDIR, a JSON and an HTML report per essay, an annotated copy of each Word
essay (a comment at each problem; the original is never changed), summary.csv
and index.html for the class. Essays unchanged since the last run are skipped.

Exit status: 0 no errors in any essay, 1 errors found or an essay could not be
read, 2 the command line or configuration is wrong, 130 interrupted (Ctrl-C;
what was finished is kept)."""


def add_parser(subparsers) -> argparse.ArgumentParser:
    parser = subparsers.add_parser("batch", help="check a class folder: summary, HTML reports, annotated copies",
                                   description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path, metavar="FOLDER", help="the class folder (searched recursively)")
    parser.add_argument("-o", "--output", type=Path, metavar="OUTDIR",
                        help="where the reports go (default: FOLDER/essaycheck-report)")
    parser.add_argument("-j", "--jobs", type=_positive_int, metavar="N",
                        help="worker processes (default: one per CPU)")
    parser.add_argument("--force", action="store_true", help="check every essay, even unchanged ones")
    parser.add_argument("--no-annotate", dest="annotate", action="store_false",
                        help="do not write annotated copies of the Word essays")
    add_settings_options(parser)
    parser.set_defaults(run=run)
    return parser


def run(args: argparse.Namespace) -> int:
    from ..batch import run_batch

    if not args.folder.is_dir():
        print(f"essaycheck: {args.folder} is not a folder", file=sys.stderr)
        return EXIT_USAGE
    settings = settings_from_args(args, args.folder)
    result = run_batch(args.folder, args.output, settings, force=args.force, annotate=args.annotate)
    print(result.summary_line)
    print(f"Reports: {result.outdir / 'index.html'}")
    return result.exit_code
