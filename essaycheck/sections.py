"""Splitting an essay at its reference-list headings: body, heading, list.

A list starts at a paragraph that says only "References" (or Reference list, Bibliography,
Works Cited, Sources, Literature cited, "References for the appendix" …, any case, with or
without a trailing colon or a number such as "5." / "V.") and that entries follow; with no such
heading, at the LAST heading of that kind (a table of contents may name the list earlier). An
essay may have several lists (one for an appendix). Each ends at the next Appendix, Footnotes,
Tables, Figures or "Table 1" heading, or at the next heading paragraph that is neither a
sub-heading of the reference heading nor followed by more entries ("Websites", "New
citations:"). Footnotes and endnotes always belong to the body.
"""

from __future__ import annotations

import re

from .model import Document, Paragraph, Sections

_NUMBER = r"(?:(?:\d+(?:\.\d+)*|[ivxlcdm]+|[a-z])[.)]?\s+)?"
_DECORATION = "*#_ \t\u00a0"  # Markdown-ish marks a .txt may keep around a heading
REFERENCE_HEADING = re.compile(
    _NUMBER + r"(?:references?(?:\s+(?:list|cited))?|list\s+of\s+references|bibliography|works\s+cited|"
    r"works\s+consulted|sources(?:\s+cited)?|literature\s+cited|references\s+for\s+(?:the\s+)?[\w ]{3,60})\s*:?",
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
    headings = [i for i, paragraph in enumerate(paragraphs) if is_reference_heading(paragraph)]
    if not headings:
        return Sections(body=paragraphs, heading=None, references=())
    starts = [i for i in headings if _entries_follow(paragraphs, i)] or headings[-1:]
    listed: list[Paragraph] = []
    taken: set[int] = set()
    for start in starts:
        if start in taken:
            continue
        taken.add(start)
        end = start + 1
        while end < len(paragraphs) and end not in headings:
            paragraph = paragraphs[end]
            if paragraph.part in _NOTES:
                pass
            elif END_HEADING.fullmatch(_bare(paragraph.text)):
                break
            elif paragraph.is_heading or _looks_like_sub_heading(paragraph):
                if not (_entries_follow(paragraphs, end) or _is_sub_heading(paragraph, paragraphs[start])):
                    break
                taken.add(end)  # a sub-heading inside the list: "Websites", "New citations:"
            else:
                listed.append(paragraph)
                taken.add(end)
            end += 1
    return Sections(
        body=tuple(p for i, p in enumerate(paragraphs) if i not in taken),
        heading=paragraphs[starts[0]],
        references=tuple(listed),
        headings=tuple(paragraphs[i] for i in starts),
    )


_LOOKAHEAD = 3
# How an entry starts: names or a title, then its date in parentheses ("Smith, J. (2019).",
# "Page Group. (n.d.)."), or names the way other styles write them with a year further on.
_ENTRY_LIKE = re.compile(
    r"[\"'“‘\[_*]?[^\W\d_][^()]{0,300}?\((?:1[5-9]\d\d|20\d\d|n\.\s?d\.)"
    r"|[A-Z][\w'’\-]+(?: [A-Z][\w'’\-]+)?, (?:[A-Z]\.|[A-Z][a-z]+,).{0,300}?\b(?:1[5-9]\d\d|20\d\d)\b",
    re.DOTALL,
)
_SUB_HEADING_MAX_WORDS = 6


def _looks_like_sub_heading(paragraph: Paragraph) -> bool:
    """A short line ending in a colon and holding no year: "New citations:", "Websites:"."""
    text = _bare(paragraph.text)
    return text.endswith(":") and len(text.split()) <= _SUB_HEADING_MAX_WORDS and not re.search(r"\d", text)


def _entries_follow(paragraphs: tuple[Paragraph, ...], index: int) -> bool:
    """Whether the next paragraph with text reads like a reference entry (a name or title, then a year)."""
    for paragraph in paragraphs[index + 1:index + 1 + _LOOKAHEAD]:
        if paragraph.part in _NOTES or not paragraph.text.strip():
            continue
        return not paragraph.is_heading and _ENTRY_LIKE.match(paragraph.text.strip()) is not None
    return False


def is_reference_heading(paragraph: Paragraph) -> bool:
    """Whether the paragraph says only "References", "Bibliography", "5. Works Cited:" …"""
    return paragraph.part not in _NOTES and bool(REFERENCE_HEADING.fullmatch(_bare(paragraph.text)))


def _is_sub_heading(paragraph: Paragraph, heading: Paragraph) -> bool:
    """'Heading 2' under a 'Heading 1' references heading (e.g. "Primary sources")."""
    inner, outer = _HEADING_LEVEL.fullmatch(paragraph.style), _HEADING_LEVEL.fullmatch(heading.style)
    return bool(inner and outer and int(inner.group(1)) > int(outer.group(1)))


def _bare(text: str) -> str:
    return " ".join(text.strip(_DECORATION).split())
