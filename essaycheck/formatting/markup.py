"""Rich text inside the formatter: italics travel as two private-use marks, and leave as text, HTML,
Markdown or character spans.

citeproc-py renders through a formatter module; ours (:data:`FORMATTER`) emits ``ITALIC_ON`` and
``ITALIC_OFF`` instead of tags, so one rendering serves every output and nothing is escaped twice.
"""

from __future__ import annotations

import html
import re
from types import SimpleNamespace

ITALIC_ON = "\ue000"
ITALIC_OFF = "\ue001"
_MARKS = ITALIC_ON + ITALIC_OFF


class Italic(str):
    """citeproc-py calls this for font-style="italic"."""

    def __new__(cls, text):
        return str.__new__(cls, ITALIC_ON + str(text) + ITALIC_OFF)


def _plain(text):
    return str(text)


FORMATTER = SimpleNamespace(
    preformat=lambda text: text,
    Italic=Italic, Oblique=Italic,
    Bold=_plain, Light=_plain, Underline=_plain, Superscript=_plain, Subscript=_plain, SmallCaps=_plain,
)

_TAG = re.compile(r"<(/?)([a-zA-Z]+)([^>]*)>")
_ITALIC_TAGS = {"i", "em"}


def from_html(value: str) -> str:
    """Crossref-style inline markup in a field ('<i>Drosophila</i> genes') to italic marks.

    ``<span class="nocase">`` is kept (citeproc-py understands it); other tags are dropped and
    entities decoded, so no markup can leak into plain text.
    """
    if "<" not in value and "&" not in value:
        return value

    def tag(match: re.Match) -> str:
        closing, name, rest = match.group(1), match.group(2).lower(), match.group(3)
        if name in _ITALIC_TAGS:
            return ITALIC_OFF if closing else ITALIC_ON
        if name == "span" and (closing or "nocase" in rest):
            return match.group(0)
        return ""

    parts = re.split(r"(<[^>]*>)", value)
    out = []
    for part in parts:
        if part.startswith("<") and _TAG.fullmatch(part):
            out.append(_TAG.sub(tag, part))
        else:
            out.append(html.unescape(part))
    return "".join(out)


def italic_spans(marked: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Plain text and its italic character spans; an italic inside an italic reads roman (CSL flip-flop)."""
    text: list[str] = []
    spans: list[tuple[int, int]] = []
    depth = 0
    start = 0
    pos = 0
    for ch in marked:
        if ch in _MARKS:
            was_italic = depth % 2 == 1
            depth = depth + 1 if ch == ITALIC_ON else max(depth - 1, 0)
            now_italic = depth % 2 == 1
            if now_italic and not was_italic:
                start = pos
            elif was_italic and not now_italic and pos > start:
                spans.append((start, pos))
            continue
        text.append(ch)
        pos += 1
    if depth % 2 == 1 and pos > start:
        spans.append((start, pos))
    return "".join(text), _merge(spans)


def _merge(spans: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and merged[-1][1] == start:
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return tuple(merged)


def strip_marks(marked: str) -> str:
    """The text without italic marks."""
    return marked.replace(ITALIC_ON, "").replace(ITALIC_OFF, "")


def segments(text: str, spans: tuple[tuple[int, int], ...]) -> list[tuple[str, bool]]:
    """The text cut into (piece, is_italic) runs."""
    out: list[tuple[str, bool]] = []
    pos = 0
    for start, end in spans:
        if start > pos:
            out.append((text[pos:start], False))
        out.append((text[start:end], True))
        pos = end
    if pos < len(text):
        out.append((text[pos:], False))
    return out


def to_html(text: str, spans: tuple[tuple[int, int], ...]) -> str:
    """Escaped HTML with <i> for the italic spans."""
    return "".join(f"<i>{html.escape(piece, quote=False)}</i>" if italic else html.escape(piece, quote=False)
                   for piece, italic in segments(text, spans))


_MD_SPECIAL = re.compile(r"([\\*_`\[\]<>])")


def to_markdown(text: str, spans: tuple[tuple[int, int], ...]) -> str:
    """Markdown with *…* for the italic spans (white space kept outside the stars)."""
    out = []
    for piece, italic in segments(text, spans):
        escaped = _MD_SPECIAL.sub(r"\\\1", piece)
        if italic and escaped.strip():
            lead = escaped[: len(escaped) - len(escaped.lstrip())]
            trail = escaped[len(escaped.rstrip()):]
            out.append(f"{lead}*{escaped.strip()}*{trail}")
        else:
            out.append(escaped)
    return "".join(out)
