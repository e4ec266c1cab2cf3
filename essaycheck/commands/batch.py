"""``essaycheck batch FOLDER``: check a whole class folder (tutor mode)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .common import EXIT_USAGE, _positive_int, add_settings_options, settings_from_args

DESCRIPTION = """\
Check every submission below FOLDER, or in the zip a learning platform gives
for download (Moodle, Canvas, Blackboard), in parallel. Essays may be Word
(.docx), OpenDocument (.odt), PDF with a text layer, RTF, HTML (Moodle's online
text), plain text or Markdown. Into OUTDIR go a JSON and an HTML report per
essay, an annotated copy of each Word and PDF essay (a comment or note at each
problem; the original is never changed), and summary.csv, summary.xlsx and
index.html for the class, with each student's name as the platform gives it.

Every file gets a row with its status: checked, unchanged (skipped: same bytes
as last run), unreadable (with the reason: an old .doc, a password, a scanned
PDF with no text), not an essay (an image, a receipt), or duplicate (the same
bytes as another submission). Hidden and system files are counted, not listed.

  essaycheck batch submissions.zip --feedback-zip feedback.zip

Exit status: 0 no errors in any essay, 1 errors found or a submission could not
be read, 2 the command line or configuration is wrong or the zip was refused,
130 interrupted (Ctrl-C; what was finished is kept)."""


def add_parser(subparsers) -> argparse.ArgumentParser:
    parser = subparsers.add_parser("batch", help="check a class folder: summary, HTML reports, annotated copies",
                                   description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path, metavar="FOLDER",
                        help="the class folder (searched recursively), or the platform's download zip")
    parser.add_argument("-o", "--output", type=Path, metavar="OUTDIR",
                        help="where the reports go (default: FOLDER/essaycheck-report, or "
                             "NAME-essaycheck-report beside NAME.zip)")
    parser.add_argument("--feedback-zip", type=Path, metavar="FILE",
                        help="also write a feedback file per checked submission into FILE (the annotated copy, "
                             "else the HTML report), laid out as Moodle's 'Upload multiple feedback files in a zip' "
                             "expects")
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

    from ..batch.archive import is_zip

    if not (args.folder.is_dir() or args.folder.is_file() and is_zip(args.folder)):
        print(f"essaycheck: {args.folder} is neither a folder nor a zip file", file=sys.stderr)
        return EXIT_USAGE
    if args.feedback_zip is not None and not args.annotate:
        print("essaycheck: --feedback-zip needs the annotated copies; drop --no-annotate", file=sys.stderr)
        return EXIT_USAGE
    settings = settings_from_args(args, args.folder if args.folder.is_dir() else args.folder.parent)
    result = run_batch(args.folder, args.output, settings, force=args.force, annotate=args.annotate,
                       feedback_zip=args.feedback_zip)
    print(result.summary_line)
    print(f"Reports: {result.outdir / 'index.html'}")
    if args.feedback_zip is not None:
        given = sum(1 for row in result.rows if row.has_report)
        print(f"Feedback files: {args.feedback_zip} ({given} {'submission' if given == 1 else 'submissions'})")
    return result.exit_code
