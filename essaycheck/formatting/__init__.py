"""APA 7 (and any CSL style) through citeproc-py: reference lists, in-text forms, outputs.

Importing this package is cheap: citeproc is imported inside the functions that need it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..model import Reference
    from .render import RenderedEntry

__all__ = ["reference_to_csl", "format_bibliography", "render_entries", "in_text_forms", "format_references",
           "report_references", "load_style",
           "OUTPUTS"]

OUTPUTS = ("text", "html", "md", "docx", "csl-json", "bibtex", "ris")


def reference_to_csl(ref: "Reference") -> dict:
    """CSL-JSON for a parsed reference-list entry (id ``ref-<index>``)."""
    from .csl_items import reference_to_csl as convert

    return convert(ref)


def render_entries(items: list[dict], style: str = "apa", in_text: bool = False,
                   keep: frozenset[str] = frozenset()) -> "list[RenderedEntry]":
    """The formatted entries of ``items`` in bibliography order (year suffixes assigned); ``keep``:
    the essay's proper nouns, which APA's sentence case leaves capitalised."""
    from .render import render_entries as render

    return render(items, style, in_text=in_text, keep=keep)


def format_bibliography(items: list[dict], style: str = "apa", to: str = "text") -> str | bytes:
    """The whole reference list as text, html, md, docx (bytes), csl-json, bibtex or ris."""
    from .outputs import format_bibliography as fmt

    return fmt(items, style, to)


def in_text_forms(item: dict, items: list[dict] | None = None, style: str = "apa") -> tuple[str, str]:
    """('(Raj et al., 2017)', 'Raj et al. (2017)') for ``item`` among ``items``."""
    from .render import in_text_forms as forms

    return forms(item, items, style)


def format_references(references, records: dict | None = None, style: str = "apa",
                      keep: frozenset[str] = frozenset()) -> "dict[int, RenderedEntry]":
    """Reference index -> formatted entry with its parenthetical and narrative forms (for reports)."""
    from .render import format_references as fmt

    return fmt(references, records, style, keep)


def report_references(report) -> "dict[int, RenderedEntry]":
    """:func:`format_references` for a report's list, formatted once: its JSON and its HTML page both
    show it. Titles are put in sentence case knowing the essay's proper nouns, as the rules do."""
    if "apa" not in report.memo:
        from ..casing import PROPER_WORDS, essay_proper_words

        keep = report.memo.get(PROPER_WORDS)  # the check's own, when title-case ran
        if keep is None:
            heading = report.reference_heading
            body = [p for p in report.document.paragraphs if heading is None or p.index < heading.index]
            keep = essay_proper_words(body, report.references)
        report.memo["apa"] = format_references(report.references, report.records, keep=keep)
    return dict(report.memo["apa"])


def load_style(name_or_path: str = "apa"):
    """The parsed CSL style, parsed once per process."""
    from .style import load_style as load

    return load(name_or_path)
