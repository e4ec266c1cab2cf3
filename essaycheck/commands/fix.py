"""``essaycheck fix``: a copy of the essay with the fixes made, as Word tracked changes."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import InputError
from .common import EXIT_CLEAN, EXIT_USAGE, add_settings_options, settings_from_args

DESCRIPTION = """\
Write a copy of the essay with the fixes essaycheck is sure of made for you. In a Word file each
fix is a tracked change (Review tab: accept or reject each one) with a comment saying why; a .txt
or .md essay gets a fixed copy, and the changes are printed as a unified diff. The essay itself
is never changed.

Safe fixes are made by default (citation punctuation and forms, years and a/b letters the list
settles, the order of works in one citation and of the reference list, DOI forms, "Retrieved
from" without a date, & in entries, journal names in title case, the list's hanging indent and
spacing). --unsafe adds rewrites that go further (a whole entry in APA 7,
an author's spelling, a title in sentence case). A citation a reference manager inserted is
never edited: the manager would undo it. Exit status: 0 done, 2 bad input or options."""


def add_parser(subparsers) -> argparse.ArgumentParser:
    parser = subparsers.add_parser("fix", help="make the fixes in a copy of the essay (Word tracked changes)",
                                   description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("essay", type=Path, metavar="ESSAY", help="the essay (.docx, .txt or .md)")
    parser.add_argument("-o", "--output", type=Path, metavar="FILE",
                        help="where to write the fixed copy (default: ESSAY.fixed.docx beside it)")
    parser.add_argument("--unsafe", action="store_true", help="also make the rewrites that go further")
    parser.add_argument("--dry-run", action="store_true", help="print what would change, write nothing")
    add_settings_options(parser)
    parser.set_defaults(run=run)
    return parser


def run(args: argparse.Namespace) -> int:
    from ..api import check
    from ..fix import fix_docx, fix_text, fixed_name, unified_diff
    from ..outputs import write_text
    from ..read import read_document

    essay: Path = args.essay
    if not essay.is_file():
        raise InputError(f"{essay}: no such file")
    settings = settings_from_args(args, essay.parent)
    report = check(essay, settings)
    kind = report.document.kind
    if kind not in ("docx", "txt", "md"):
        print(f"essaycheck fix: {essay} is a {kind} file; fixes are written into Word (.docx), .txt and .md "
              "essays. The report (essaycheck check) shows every fix to make by hand.", file=sys.stderr)
        return EXIT_USAGE
    target = args.output or fixed_name(essay)
    if target.exists() and target.resolve() == essay.resolve():
        raise InputError("the fixed copy must not overwrite the essay itself; choose another -o FILE")
    diff = ""
    if kind == "docx" and args.dry_run:  # the copy made in a temporary folder, shown as a diff, dropped
        import tempfile

        with tempfile.TemporaryDirectory() as folder:
            result = fix_docx(report, essay, Path(folder) / "dry-run.docx", unsafe=args.unsafe, durable=False)
            after = [p.text for p in read_document(Path(folder) / "dry-run.docx").paragraphs]
        diff = unified_diff([p.text for p in report.document.paragraphs], after, str(essay))
    elif kind == "docx":
        result = fix_docx(report, essay, target, unsafe=args.unsafe)
    else:
        text = essay.read_text(encoding="utf-8-sig")
        fixed, result = fix_text(report, text, unsafe=args.unsafe)
        diff = unified_diff(text.split("\n"), fixed.split("\n"), str(essay))
        if not args.dry_run:
            write_text(target, fixed)
    sys.stdout.write(diff)
    written = "would be made" if args.dry_run else f"made in {target}"
    print(f"essaycheck fix: {len(result.applied)} fix{'es' if len(result.applied) != 1 else ''} {written}"
          + (" as tracked changes" if kind == "docx" and not args.dry_run else ""), file=sys.stderr)
    for problem, reason in result.skipped:
        where = problem.location.describe() if problem.location else "the essay"
        print(f"  left for you: {where} [{problem.rule}]: {reason}", file=sys.stderr)
    return EXIT_CLEAN
