"""Model paragraphs written as HTML the way Moodle's online-text editor saves them."""

import re
from html import escape

from equivalence import linked_runs

__all__ = ["html_from_paragraphs"]


def html_from_paragraphs(paragraphs) -> str:
    """Model Paragraphs as a Moodle-like fragment: <p>, <h1>…, <em> and <a> at the right offsets,
    table paragraphs as one-cell rows."""
    out, rows = [], []
    for paragraph in paragraphs:
        content = _inline_html(paragraph)
        if paragraph.part == "table":
            rows.append(f"<tr><td>{content}</td></tr>")
            continue
        if rows:
            out.append(f"<table>{''.join(rows)}</table>")
            rows = []
        if paragraph.is_heading:
            level = re.fullmatch(r"Heading ([1-6])", paragraph.style)
            tag = f"h{level.group(1) if level else 1}"
            out.append(f"<{tag}>{content}</{tag}>")
        else:
            out.append(f'<p dir="ltr" style="text-align: left;">{content}</p>')
    if rows:
        out.append(f"<table>{''.join(rows)}</table>")
    return "\n".join(out)


def _inline_html(paragraph) -> str:
    out = []
    for url, runs in linked_runs(paragraph):
        text = "".join(f"<em>{_escaped(piece)}</em>" if italic else _escaped(piece) for piece, italic in runs)
        out.append(f'<a href="{escape(url)}">{text}</a>' if url else text)
    return "".join(out)


def _escaped(piece: str) -> str:
    return escape(piece, quote=False).replace("  ", " &nbsp;")
