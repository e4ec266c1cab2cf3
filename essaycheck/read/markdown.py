"""Markdown: one paragraph per block (paragraph, heading, list item, table cell), markers removed.

Parsing is CommonMark through markdown-it-py (linear time, so hostile input stays cheap);
emphasis becomes italic spans, links keep their text and record the URL, and
``<https://…>`` autolinks become the bare URL.
"""

from __future__ import annotations

from ..model import Paragraph
from .paragraphs import TextBudget, trimmed_paragraph

_SKIPPED_INLINE = {"html_inline", "image", "strong_open", "strong_close", "s_open", "s_close"}


def markdown_paragraphs(text: str, path: str) -> tuple[Paragraph, ...]:
    """The paragraphs of Markdown ``text``; ``line`` is the 1-based line where each block starts."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    budget = TextBudget(path)
    paragraphs: list[Paragraph] = []
    heading_level = 0
    part = "body"
    for token in tokens:
        if token.type == "heading_open":
            heading_level = int(token.tag[1:])
        elif token.type == "heading_close":
            heading_level = 0
        elif token.type == "table_open":
            part = "table"
        elif token.type == "table_close":
            part = "body"
        elif token.type in ("inline", "fence", "code_block"):
            if token.type == "inline":
                raw, italic, links = _inline_text(token.children or [])
                style = f"Heading {heading_level}" if heading_level else ""
            else:
                raw, italic, links, style = token.content.replace("\n", " "), (), (), "Code"
            budget.spend(raw)
            paragraph = trimmed_paragraph(
                len(paragraphs), raw, italic, links, style=style, part=part,
                is_heading=bool(heading_level), line=token.map[0] + 1 if token.map else None,
            )
            if paragraph is not None:
                paragraphs.append(paragraph)
    return tuple(paragraphs)


def _inline_text(children) -> tuple[str, list[tuple[int, int]], list[tuple[int, int, str]]]:
    """Plain text of inline tokens, with italic spans and (start, end, url) links."""
    pieces: list[str] = []
    size = 0
    italic: list[tuple[int, int]] = []
    links: list[tuple[int, int, str]] = []
    open_em: list[int] = []
    open_links: list[tuple[int, str]] = []
    for token in children:
        kind = token.type
        if kind in ("text", "code_inline"):
            pieces.append(token.content)
            size += len(token.content)
        elif kind in ("softbreak", "hardbreak"):
            pieces.append(" ")
            size += 1
        elif kind == "em_open":
            open_em.append(size)
        elif kind == "em_close" and open_em:
            italic.append((open_em.pop(), size))
        elif kind == "link_open":
            open_links.append((size, str(token.attrs.get("href", ""))))
        elif kind == "link_close" and open_links:
            start, url = open_links.pop()
            links.append((start, size, url))
        elif kind not in _SKIPPED_INLINE:
            pieces.append(token.content)
            size += len(token.content)
    return "".join(pieces), italic, links
