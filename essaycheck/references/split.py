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
_LIST_MARKER = re.compile(r"\s*(?:[-*•▪◦]|\(?\d{1,3}[.)])\s+")
_MAX_LEAD = 3000  # an author part with 21 authors is ~600 characters
_MAX_CANDIDATES = 60  # places to try before one date group (keeps the work linear)
_URL_TAIL = re.compile(r"(?:https?://|www\.)\S*[/\-_=?&#%]$", re.IGNORECASE)
_OPEN_ENDING = re.compile(r"(?:[,&;:\-–]|\band|[^\W\d_])$", re.IGNORECASE)


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
            if strict and not group.period_after or _title_in_lower_case(line, group.end):
                break
            if looks_like_lead(line[candidate:group.start], strict=strict):
                starts.append(0 if candidate == (marker.end() if marker else -1) else candidate)
                break
        previous_end = group.end
    return starts


def _title_in_lower_case(line: str, position: int) -> bool:
    after = _LOWER_AFTER.match(line, position)
    return bool(after and after.group().strip().islower())


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

    def open_ended(self) -> bool:
        """Still inside its author part: "Raj, M., Fast, N. J., &" then a line break."""
        if self.dated:
            return False
        paragraph, start, end = self.pieces[-1]
        return bool(_OPEN_ENDING.search(paragraph.text[max(start, end - 20):end]))

    def location(self) -> Location:
        paragraph, start, end = self.pieces[0]
        for other, _, other_end in self.pieces[1:]:
            if other is paragraph:
                end = other_end
        line = paragraph.line
        if line is not None:
            line += paragraph.text.count("\n", 0, start)
        return Location(paragraph=paragraph.index, start=start, end=end, text=paragraph.text[start:end], line=line)


def _lines(paragraph: Paragraph) -> Iterator[tuple[int, int]]:
    """(start, end) of each non-blank line of a paragraph, surrounding whitespace trimmed."""
    for match in _LINE.finditer(paragraph.text):
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


def split_entries(paragraphs: Sequence[Paragraph]) -> list[tuple[str, Location]]:
    """The entries of a reference list: (text, whitespace-normalised; where it starts)."""
    entries: list[_Entry] = []
    for paragraph in paragraphs:
        for line_start, line_end in _lines(paragraph):
            line = paragraph.text[line_start:line_end]
            starts = entry_starts(line)
            cuts = starts + [len(line)]
            if not starts or starts[0] != 0:
                piece = _trimmed(paragraph, line_start, line_start + cuts[0])
                if piece:
                    if entries:
                        entries[-1].pieces.append(piece)
                    else:
                        entries.append(_Entry([piece]))
            for k, start in enumerate(starts):
                piece = _trimmed(paragraph, line_start + start, line_start + cuts[k + 1])
                if piece is None:
                    continue
                if start == 0 and entries and entries[-1].open_ended():
                    entries[-1].pieces.append(piece)
                    entries[-1].dated = True
                else:
                    entries.append(_Entry([piece], dated=True))
    return [(entry.text(), entry.location()) for entry in entries]
