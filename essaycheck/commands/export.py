"""``essaycheck export ESSAY --to FORMAT``: the records reference managers stored in a Word essay."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .common import EXIT_CLEAN, EXIT_PROBLEMS, EXIT_USAGE

FORMATS = ("csl-json", "bibtex", "ris")

DESCRIPTION = """\
Write out the works a reference manager stored in a Word essay, each once: the records
Zotero, Mendeley, EndNote or Word's own citation tool keep inside the citations they insert.
Import the file into a reference manager to get a lost library back, or format it with
'essaycheck format refs.json'.

  essaycheck export essay.docx --to ris -o library.ris
  essaycheck export essay.docx --to bibtex > refs.bib

Exit status: 0 records written, 1 the essay holds no records a reference manager stored
(its citations were typed by hand, or the manager kept nothing essaycheck can read),
2 the essay could not be read or the command line is wrong. The essay is never changed."""


def add_parser(subparsers) -> argparse.ArgumentParser:
    parser = subparsers.add_parser("export", help="recover the reference-manager library stored in a Word essay",
                                   description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("essay", type=Path, metavar="ESSAY",
                        help="a Word essay (.docx) written with a reference manager")
    parser.add_argument("--to", required=True, choices=FORMATS,
                        help="csl-json (one JSON array: Zotero, Mendeley, 'essaycheck format'), bibtex (LaTeX, "
                             "JabRef; keys like Smith2020) or ris (EndNote, Zotero, Mendeley and most others)")
    parser.add_argument("-o", "--output", type=Path, metavar="FILE",
                        help="write to FILE (atomically; never over the essay) instead of standard output")
    parser.set_defaults(run=run)
    return parser


def run(args: argparse.Namespace) -> int:
    from ..managers import read_managed
    from ..managers.export import EXPORTERS
    from ..read import read_document

    if args.output is not None and _same_file(args.output, args.essay):
        print("essaycheck export: -o must not overwrite the essay itself; choose another name", file=sys.stderr)
        return EXIT_USAGE
    document = read_document(args.essay)  # an unreadable essay: InputError, one line and exit 2 in cli.main
    managed = read_managed(document)
    records = managed.records()
    if not records:
        print(f"essaycheck export: {_why_none(document, managed)}", file=sys.stderr)
        return EXIT_PROBLEMS
    for note in managed.notes:  # e.g. part of the citations stored as Zotero bookmarks
        print(f"essaycheck export: note: {note}", file=sys.stderr)
    text = EXPORTERS[args.to](records)
    if args.output is None:
        _print(text)
        return EXIT_CLEAN
    from ..outputs import write_text

    try:
        write_text(args.output, text)
    except OSError as error:
        print(f"essaycheck export: cannot write {_shown(args.output)}: {error.strerror or error}", file=sys.stderr)
        return EXIT_USAGE
    works = f"{len(records)} work{'s' if len(records) != 1 else ''}"
    print(f"essaycheck export: {works} from {', '.join(managed.managers)} written to {_shown(args.output)}",
          file=sys.stderr)
    return EXIT_CLEAN


def _why_none(document, managed) -> str:
    """One line saying why the essay gave no records."""
    name = _shown(document.path)
    if document.kind != "docx":
        return (f"{name} has no reference-manager records: only a Word (.docx) essay can hold them, and this is "
                f"a .{document.kind} file")
    if managed.notes:
        return f"{name}: nothing to export. {' '.join(managed.notes)}"
    if managed.managers:
        return (f"{name}: {' and '.join(managed.managers)} left citations or a bibliography in this essay but no "
                "records essaycheck can read (export the library from the reference manager itself)")
    return (f"{name} has no reference-manager records: its citations were typed by hand, or the manager's "
            "fields were turned into plain text (e.g. 'Unlink Citations')")


def _shown(path) -> str:
    """A file name on one line (a name may hold a line break)."""
    return str(path).replace("\r", "\\r").replace("\n", "\\n")


def _same_file(output: Path, essay: Path) -> bool:
    try:
        return output.exists() and essay.exists() and os.path.samefile(output, essay)
    except OSError:
        return output.resolve() == essay.resolve()


def _print(text: str) -> None:
    """Standard output as UTF-8, whatever the terminal's encoding (names and titles are not ASCII)."""
    stream = getattr(sys.stdout, "buffer", None)
    if stream is None:
        sys.stdout.write(text)
        return
    sys.stdout.flush()
    stream.write(text.encode("utf-8"))
    stream.flush()
