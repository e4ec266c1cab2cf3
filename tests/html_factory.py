"""Model paragraphs written as HTML the way Moodle's online-text editor saves them."""

import re
from html import escape

from equivalence import segments

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
    out, open_url = [], None
    for piece, italic, url in segments(paragraph):
        if url != open_url:
            out.append("</a>" if open_url else "")
            out.append(f'<a href="{escape(url)}">' if url else "")
            open_url = url
        piece = escape(piece, quote=False).replace("  ", " &nbsp;")
        out.append(f"<em>{piece}</em>" if italic else piece)
    out.append("</a>" if open_url else "")
    return "".join(out)
