"""One paragraph's text as a reader builds it: pieces with italic and bold flags, and link spans.

Markup languages (ODF, HTML) collapse runs of whitespace in their character data to one
space, across element boundaries; :meth:`Line.add_markup` does that, :meth:`Line.add` keeps
characters as they are (ODF's text:s, a tab, HTML's <pre>).
"""

from __future__ import annotations

import re

_SPACES = re.compile(r"[ \t\r\n\f]+")


class Line:
    """The text of one paragraph being read, with italic/bold flags per piece and link spans."""

    def __init__(self) -> None:
        self.pieces: list[tuple[str, bool, bool]] = []
        self.size = 0
        self.links: list[tuple[int, int, str]] = []
        self.space_pending = False  # the last character was collapsible whitespace

    def add_markup(self, text: str, italic: bool = False, bold: bool = False) -> None:
        """Character data of markup, whose whitespace collapses (also with the piece before)."""
        text = _SPACES.sub(" ", text)
        if text.startswith(" ") and (self.space_pending or not self.size):
            text = text[1:]
        if text:
            self._add(text, italic, bold)
            self.space_pending = text.endswith(" ")

    def add(self, text: str, italic: bool = False, bold: bool = False) -> None:
        """Characters that stand as written."""
        if text:
            self._add(text, italic, bold)
            self.space_pending = False

    def _add(self, text: str, italic: bool, bold: bool) -> None:
        self.pieces.append((text, italic, bold))
        self.size += len(text)

    def text(self) -> str:
        return "".join(piece for piece, _, _ in self.pieces)

    def italic_spans(self) -> list[tuple[int, int]]:
        spans, position = [], 0
        for piece, italic, _ in self.pieces:
            if italic:
                spans.append((position, position + len(piece)))
            position += len(piece)
        return spans

    def mostly_bold(self) -> bool:
        """Whether nine in ten of its letters are bold (a heading whose colon or space is not)."""
        letters = [(sum(c.isalnum() for c in piece), bold) for piece, _, bold in self.pieces]
        total = sum(n for n, _ in letters)
        return bool(total) and sum(n for n, bold in letters if bold) >= 0.9 * total

    def all_bold(self) -> bool:
        """Whether every visible character is bold (a heading typed as a bold line)."""
        visible = [bold for piece, _, bold in self.pieces if piece.strip()]
        return bool(visible) and all(visible)
