"""Splitting the paragraphs of a reference list into entries.

A line (or paragraph) starts a new entry only where an entry visibly begins: an author part
or a title followed by its date group, "Raj, M., & Fisher, O. (2017)." / "Page Group. (2022)."
Any other line continues the entry before it (a wrapped title, a URL on its own line). Entries
pasted into one paragraph are cut where the next author-then-date begins after a sentence end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator, Sequence

from ..model import Location, Paragraph
from .authors import looks_like_lead
from .dates import iter_date_groups

_LINE = re.compile(r"[^\n\r\v\f\x1c-\x1e\x85\u2028\u2029]+")
# Where a new entry may begin inside a line: after a sentence end, or after a URL or DOI
# (entries that end with a link have no final period).
_BOUNDARY = re.compile(r"(?:[.?!][\"'”’]?|https?://\S*|\bdoi:\s?\S*|(?<!\S)10\.\d{4,9}/\S*)\s+", re.IGNORECASE)
# After "(2020). " comes a title, which starts with a capital, a digit or a quote, never lower case.
_LOWER_AFTER = re.compile(r"\s*[^\W\d_]")
_LIST_MARKER = re.compile(r"\s*(?:[-*•▪◦]|\(?\d{1,3}[.)]|\[\d{1,3}\])\s+")
# A line that can only continue the entry before: lower case, a number, a link, "Retrieved …".
_CONTINUATION = re.compile(
    r"[\"'“‘(\[_*\s]*[a-z]|\d|\(|https?://|www\.|doi\b|DOI\b|Retrieved\b|Available\b|Accessed\b|pp?\.\s|In[:\s]",
)
# How the names of an entry begin, in APA and in the shapes students paste from elsewhere:
# "Smith, J." / "Smith, John" / "Blanco C, Hasin DS," / "C. Smith, D. Jones" / "APPELBAUM Eileen,".
_NAME = r"[A-Z][\w'’\-‐‑]+(?:[ \-][A-Z][\w'’\-‐‑]+){0,2}"
_NAMES_START = re.compile(
    rf"(?:\[\d{{1,3}}\]\s*)?(?:{_NAME},\s*(?:[A-Z]\.|[A-Z](?=[,\s])|[A-Z][a-z]+\b(?![,.]?\s*\d))"
    rf"|{_NAME}\s[A-Z]{{1,3}}[,.]\s"
    rf"|(?:[A-Z]\.\s?){{1,3}}{_NAME},"
    rf"|[A-Z]{{2,}}[A-Z\-]*,?\s+[A-Z][a-z]+)"
)
_LINK_END = re.compile(r"(?:https?://|www\.|doi:\s?|\b10\.\d{4,9}/)\S*$", re.IGNORECASE)
_MAX_LEAD_WORDS = 40
_MAX_LEAD = 3000  # an author part with 21 authors is ~600 characters
_MAX_CANDIDATES = 60  # places to try before one date group (keeps the work linear)
_URL_TAIL = re.compile(r"(?:https?://|www\.)\S*[/\-_=?&#%]$", re.IGNORECASE)
_OPEN_ENDING = re.compile(r"(?:[,&;:\-–]|\band|[^\W\d_])$", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:1[5-9]\d\d|20\d\d)\b|\bn\.\s?d\b", re.IGNORECASE)


def entry_starts(line: str) -> list[int]:
    """Offsets in ``line`` where an entry begins (0 only if the line itself starts one)."""
    starts: list[int] = []
    candidates = [0] + [m.end() for m in _BOUNDARY.finditer(line)]
    marker = _LIST_MARKER.match(line)
    first = 0
    previous_end = 0
    for group in iter_date_groups(line):
        while first < len(candidates) and candidates[first] < previous_end:
            first += 1
        last = first
        while last < len(candidates) and candidates[last] < group.start:
            last += 1
        window = candidates[max(first, last - _MAX_CANDIDATES):last]
        for candidate in window:
            if group.start - candidate > _MAX_LEAD:
                continue
            strict = candidate != 0 and not (marker and candidate == marker.end())
            lead = line[candidate:group.start]
            if strict and not group.period_after:
                break
            if _title_in_lower_case(line, group.end) and (strict or not looks_like_names(lead)):
                break  # "Smith, J. (2019). psychmeta: An R package" starts an entry only at a line start
            if _SEPARATOR_FIRST.match(lead):
                break  # "and Ananiadou, S. (2018)": the end of an author list broken over two lines
            if looks_like_lead(lead, strict=strict):
                starts.append(0 if candidate == (marker.end() if marker else -1) else candidate)
                break
        previous_end = group.end
    return starts


_SEPARATOR_FIRST = re.compile(r"\s*(?:and|&|,)\s", re.IGNORECASE)


def _title_in_lower_case(line: str, position: int) -> bool:
    after = _LOWER_AFTER.match(line, position)
    return bool(after and after.group().strip().islower() and not _LINK_START.match(line, position))


_LINK_START = re.compile(r"\s*(?:https?://|www\.|doi:)", re.IGNORECASE)


def begins_new_entry(line: str, previous: str) -> bool:
    """Whether a line that shows no APA "Author. (Year)." start still begins a new entry.

    In a list written one entry per paragraph, it does when the entry before is finished (it
    does not stop inside a name list or a sentence) and the line starts the way names start
    ("Hashimoto, Kazuma, et al.", "Blanco C, Hasin DS,", "[10] Woodford, C.") or as an entry
    with a date group ("K., H. M. (2019).", "Group A, Group B (US). (1999)."), or the entry before
    ends with its link and the line starts with a capital.
    """
    if _OPEN_ENDING.search(previous.rstrip()[-20:]) and not _LINK_END.search(previous.rstrip()[-300:]):
        return False
    if _CONTINUATION.match(line) or _SEPARATOR_FIRST.match(line):
        return False
    if _NAMES_START.match(line):
        return True
    if _LINK_END.search(previous.rstrip()[-300:]) and line.lstrip("\"'“‘_*")[:1].isupper():
        return True
    group = next(iter_date_groups(line, 600), None)
    return bool(group and group.period_after and len(line[:group.start].split()) <= _MAX_LEAD_WORDS
                and "http" not in line[:group.start] and not _title_in_lower_case(line, group.end))


def looks_like_names(text: str) -> bool:
    return bool(_NAMES_START.match(text.strip()))


@dataclass
class _Entry:
    pieces: list[tuple[Paragraph, int, int]] = field(default_factory=list)
    dated: bool = False  # began where an author part and date group were recognised

    def text(self) -> str:
        out: list[str] = []
        for paragraph, start, end in self.pieces:
            piece = paragraph.text[start:end]
            # A URL broken at a slash or hyphen continues without a space on the next line.
            if out and not _URL_TAIL.search(out[-1][-300:]):
                out.append(" ")
            out.append(piece)
        return " ".join("".join(out).split())

    def awaiting_date(self) -> bool:
        """Names (and maybe a title) but no year yet: "C. Smith, D. Jones" / "A title" / "Journal, 8 (2020)"."""
        if self.dated or len(self.pieces) > 8:
            return False
        paragraph, start, end = self.pieces[0]
        return looks_like_names(paragraph.text[start:end]) and not any(
            _YEAR.search(p.text, s, e) for p, s, e in self.pieces)

    def tail(self, size: int = 300) -> str:
        """The last characters of the entry (enough to see how it ends)."""
        paragraph, start, end = self.pieces[-1]
        return paragraph.text[max(start, end - size):end]

    def open_ended(self) -> bool:
        """Still inside its author part: "Raj, M., Fast, N. J., &" then a line break."""
        if self.dated:
            return False
        tail = self.tail()
        return bool(_OPEN_ENDING.search(tail[-20:])) and not _LINK_END.search(tail)

    def location(self) -> Location:
        paragraph, start, end = self.pieces[0]
        for other, _, other_end in self.pieces[1:]:
            if other is paragraph:
                end = other_end
        line = paragraph.line
        if line is not None:
            line += paragraph.text.count("\n", 0, start)
        return Location(paragraph=paragraph.index, start=start, end=end, text=paragraph.text[start:end], line=line)


def _lines(paragraph: Paragraph, skip: int = 0) -> Iterator[tuple[int, int]]:
    """(start, end) of each non-blank line of a paragraph from offset ``skip``, surrounding whitespace trimmed."""
    for match in _LINE.finditer(paragraph.text, skip):
        text = match.group()
        stripped = text.strip()
        if stripped:
            start = match.start() + (len(text) - len(text.lstrip()))
            yield start, start + len(stripped)


def _trimmed(paragraph: Paragraph, start: int, end: int) -> tuple[Paragraph, int, int] | None:
    piece = paragraph.text[start:end]
    if not piece.strip():
        return None
    start += len(piece) - len(piece.lstrip())
    end -= len(piece) - len(piece.rstrip())
    return paragraph, start, end


_LIST_NUMBER = re.compile(r"(?:\[(\d{1,3})\]|(\d{1,3})[.)])[ \t\u00a0]+(?=\S)")
# Bullets as PDFs and pasted text show them (Word's Symbol-font bullets are private-use characters)
_BULLET = re.compile(r"[\u2022\u25cf\u25aa\u25e6\u25a0\u25a1\u27a2\u2713\u2043\uf0b7\uf0a7\uf0d8\uf076]"
                     r"[ \t\u00a0]+(?=\S)")


def list_numbers(paragraphs: Sequence[Paragraph]) -> dict[int, int]:
    """Paragraph index -> length of its list marker, when the list is numbered 1, 2, 3 … in order
    ("1. ", "[2] ", "3) ") or bulleted ("• "): Word's automatic numbering and bullets, which a PDF or
    a pasted text shows as text. A number that starts one entry only ("[10] Dlaptev.") is the
    entry's own and stays."""
    numbered, bulleted = [], []
    for paragraph in paragraphs:
        match = _LIST_NUMBER.match(paragraph.text)
        if match:
            numbered.append((paragraph.index, int(match.group(1) or match.group(2)), match.end()))
        elif bullet := _BULLET.match(paragraph.text):
            bulleted.append((paragraph.index, 0, bullet.end()))
    numbers = [number for _, number, _ in numbered]
    if numbered and (numbers[0] != 1 or numbers != sorted(set(numbers))):
        numbered = []
    found = max(numbered, bulleted, key=len)
    if len(found) < 3 or len(found) * 5 < len(paragraphs) * 3:
        return {}
    return {index: length for index, _, length in found}


def split_entries(paragraphs: Sequence[Paragraph]) -> list[tuple[str, Location]]:
    """The entries of a reference list: (text, whitespace-normalised; where it starts), without
    the numbers of a numbered list."""
    entries: list[_Entry] = []
    numbered = list_numbers(paragraphs)
    for paragraph in paragraphs:
        for line_start, line_end in _lines(paragraph, numbered.get(paragraph.index, 0)):
            line = paragraph.text[line_start:line_end]
            starts, dated_from = _line_starts(line, entries[-1] if entries else None)
            cuts = starts + [len(line)]
            if not starts or starts[0] != 0:
                piece = _trimmed(paragraph, line_start, line_start + cuts[0])
                if piece:
                    if entries:
                        entries[-1].pieces.append(piece)
                    else:
                        entries.append(_Entry([piece], dated=bool(_YEAR.search(line, 0, cuts[0]))))
            for k, start in enumerate(starts):
                piece = _trimmed(paragraph, line_start + start, line_start + cuts[k + 1])
                if piece is None:
                    continue
                dated = start >= dated_from or bool(_YEAR.search(line, start, cuts[k + 1]))
                if start == 0 and entries and entries[-1].open_ended():
                    entries[-1].pieces.append(piece)
                    entries[-1].dated = dated
                else:
                    entries.append(_Entry([piece], dated=dated))
    return [(entry.text(), entry.location()) for entry in entries]


def _line_starts(line: str, previous: _Entry | None) -> tuple[list[int], int]:
    """Where entries begin in ``line``, and the first of them found by its "Author. (Year)." start.

    A start in the middle of a line needs a whole entry before it: "Title. Site. (n.d.). URL"
    is one entry whose title stands first, not a title and an entry.
    """
    starts = entry_starts(line)
    if previous and starts[:1] == [0] and previous.awaiting_date() and not looks_like_names(line):
        starts = starts[1:]  # the line with the year finishes the entry whose names came first
    dated_from = starts[0] if starts else len(line) + 1
    if previous and starts[:1] != [0] and begins_new_entry(line, previous.tail()):
        starts = [0] + starts
    kept: list[int] = []
    for start in starts:
        before = line[kept[-1] if kept else 0:start]
        continues = not kept and (previous is not None and previous.dated)
        if before.strip() and line.startswith(before.strip(), start):
            continue  # "Adams, P. (1992). Adams, P. (1992). Title": authors and date typed twice
        if start == 0 or continues or _YEAR.search(before):
            kept.append(start)
    return kept, dated_from
