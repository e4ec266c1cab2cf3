"""Turning raw text with spans into model Paragraphs, within the size limits."""

from __future__ import annotations

from ..errors import InputError
from ..model import Hyperlink, Paragraph
from .limits import MAX_CHARS, MAX_PARAGRAPH_CHARS


class TextBudget:
    """Counts the characters read so far and refuses a document or paragraph beyond the limits."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.total = 0

    def spend(self, text: str) -> None:
        """Count ``text`` (one paragraph or line) against the limits."""
        if len(text) > MAX_PARAGRAPH_CHARS:
            raise InputError(f"{self.path} has a single paragraph or line longer than {MAX_PARAGRAPH_CHARS:,} "
                             "characters; that is not an essay. Check that you picked the right file.")
        self.total += len(text)
        if self.total > MAX_CHARS:
            raise too_much_text(self.path)


def too_much_text(path: str) -> InputError:
    """The error for a document with more than ``MAX_CHARS`` characters of text."""
    return InputError(f"{path} has more than {MAX_CHARS:,} characters of text, far beyond any essay. "
                      "Check that you picked the right file.")


def trimmed_paragraph(index: int, text: str, italic=(), links=(), **fields) -> Paragraph | None:
    """A Paragraph of ``text`` without surrounding whitespace, spans shifted to match; None if blank.

    ``italic`` holds (start, end) spans and ``links`` (start, end, url) triples into ``text``;
    spans are clipped, empty ones dropped and touching italic spans merged.
    """
    body = text.strip()
    if not body:
        return None
    shift = len(text) - len(text.lstrip())

    def clip(start: int, end: int) -> tuple[int, int]:
        return max(0, start - shift), min(len(body), end - shift)

    spans: list[tuple[int, int]] = []
    for start, end in sorted(clip(s, e) for s, e in italic):
        if start >= end:
            continue
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((start, end))
    hyperlinks = []
    for start, end, url in links:
        start, end = clip(start, end)
        if start < end:
            hyperlinks.append(Hyperlink(start, end, url))
    return Paragraph(index=index, text=body, italic=tuple(spans), links=tuple(hyperlinks), **fields)
