"""Splitting an essay at its reference-list heading: body, heading, list.

The list starts at the LAST paragraph that says only "References" (or Reference list,
Bibliography, Works Cited, Sources, Literature cited …, any case, with or without a
trailing colon or a number such as "5." / "V.") and ends at the next Appendix,
Footnotes, Tables, Figures or "Table 1" heading, or at the next heading paragraph that is not a
sub-heading of the reference heading. Footnotes and endnotes always belong to the body.
"""

from __future__ import annotations

import re

from .model import Document, Paragraph, Sections

_NUMBER = r"(?:(?:\d+(?:\.\d+)*|[ivxlcdm]+|[a-z])[.)]?\s+)?"
_DECORATION = "*#_ \t\u00a0"  # Markdown-ish marks a .txt may keep around a heading
REFERENCE_HEADING = re.compile(
    _NUMBER + r"(?:references?(?:\s+(?:list|cited))?|list\s+of\s+references|bibliography|works\s+cited|"
    r"works\s+consulted|sources(?:\s+cited)?|literature\s+cited)\s*:?",
    re.IGNORECASE,
)
END_HEADING = re.compile(
    _NUMBER + r"(?:appendix(?:\s+[a-z0-9]{1,3})?(?:\s*[:.\u2013\u2014-].{0,120})?|appendices|"
    r"(?:foot|end)?notes|tables|figures|tables\s+and\s+figures|(?:table|figure)\s+\d{1,3})\s*:?",
    re.IGNORECASE,
)
_HEADING_LEVEL = re.compile(r"heading\s+([1-9])", re.IGNORECASE)
_NOTES = ("footnote", "endnote")


def split_sections(document: Document) -> Sections:
    """``document`` split into body, reference heading (None if absent) and list paragraphs."""
    paragraphs = document.paragraphs
    start = next((i for i in range(len(paragraphs) - 1, -1, -1) if is_reference_heading(paragraphs[i])), None)
    if start is None:
        return Sections(body=paragraphs, heading=None, references=())
    heading = paragraphs[start]
    end = start + 1
    while end < len(paragraphs) and not _ends_list(paragraphs[end], heading):
        end += 1
    before, listed, after = paragraphs[:start], paragraphs[start + 1:end], paragraphs[end:]
    notes = tuple(p for p in listed if p.part in _NOTES)
    return Sections(
        body=before + notes + after,
        heading=heading,
        references=tuple(p for p in listed if p.part not in _NOTES),
    )


def is_reference_heading(paragraph: Paragraph) -> bool:
    """Whether the paragraph says only "References", "Bibliography", "5. Works Cited:" …"""
    return paragraph.part not in _NOTES and bool(REFERENCE_HEADING.fullmatch(_bare(paragraph.text)))


def _ends_list(paragraph: Paragraph, heading: Paragraph) -> bool:
    if paragraph.part in _NOTES:
        return False  # notes come after the body in reading order; they never end the list
    if END_HEADING.fullmatch(_bare(paragraph.text)):
        return True
    return paragraph.is_heading and not _is_sub_heading(paragraph, heading)


def _is_sub_heading(paragraph: Paragraph, heading: Paragraph) -> bool:
    """'Heading 2' under a 'Heading 1' references heading (e.g. "Primary sources")."""
    inner, outer = _HEADING_LEVEL.fullmatch(paragraph.style), _HEADING_LEVEL.fullmatch(heading.style)
    return bool(inner and outer and int(inner.group(1)) > int(outer.group(1)))


def _bare(text: str) -> str:
    return " ".join(text.strip(_DECORATION).split())
