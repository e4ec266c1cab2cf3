"""A formatted reference list in each output format: text, html, md, docx, csl-json, bibtex, ris."""

from __future__ import annotations

import html
import io
import json

from ..errors import ConfigError
from . import markup
from .render import RenderedEntry, render_entries

OUTPUTS = ("text", "html", "md", "docx", "csl-json", "bibtex", "ris")


def to_text(entries: list[RenderedEntry]) -> str:
    return "".join(e.text + "\n" for e in entries)


def to_html(entries: list[RenderedEntry], title: str = "References") -> str:
    """A standalone HTML fragment; the hanging indent comes from the inline style."""
    rows = "\n".join(f'  <div class="csl-entry" id="{html.escape(e.id)}">{e.html}</div>' for e in entries)
    return (f'<div class="csl-bib-body" style="line-height:2;padding-left:0.5in;text-indent:-0.5in">\n'
            f"{rows}\n</div>\n")


def to_markdown(entries: list[RenderedEntry]) -> str:
    return "\n\n".join(e.markdown for e in entries) + "\n"


def to_docx(entries: list[RenderedEntry], heading: str = "References") -> bytes:
    """A Word document: centred bold heading, entries with real italics and a 0.5-inch hanging indent."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Inches

    document = Document()
    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.add_run(heading).bold = True
    for entry in entries:
        paragraph = document.add_paragraph()
        paragraph.paragraph_format.left_indent = Inches(0.5)
        paragraph.paragraph_format.first_line_indent = Inches(-0.5)
        paragraph.paragraph_format.line_spacing = 2.0
        for piece, italic in markup.segments(entry.text, entry.italic):
            run = paragraph.add_run(piece)
            run.italic = italic or None
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def to_csl_json(items: list[dict]) -> str:
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"


_RIS_TYPES = {"article-journal": "JOUR", "book": "BOOK", "chapter": "CHAP", "paper-conference": "CPAPER",
              "thesis": "THES", "report": "RPRT", "webpage": "ELEC"}


def to_ris(items: list[dict]) -> str:
    """RIS records for CSL-JSON items."""
    lines: list[str] = []
    for item in items:
        lines.append(f"TY  - {_RIS_TYPES.get(item.get('type', ''), 'GEN')}")
        for role, tag in (("author", "AU"), ("editor", "ED")):
            for name in item.get(role) or []:
                lines.append(f"{tag}  - " + (name.get("literal") or
                                             ", ".join(p for p in (name.get("family"), name.get("given")) if p)))
        year = ((item.get("issued") or {}).get("date-parts") or [[None]])[0][0]
        if year:
            lines.append(f"PY  - {year}")
        container = "T2" if item.get("type") in ("chapter", "paper-conference") else "JO"
        for source, tag in (("title", "TI"), ("container-title", container), ("volume", "VL"),
                            ("issue", "IS"), ("publisher", "PB"), ("DOI", "DO"), ("URL", "UR")):
            if item.get(source):
                lines.append(f"{tag}  - {markup.strip_marks(markup.from_html(str(item[source])))}")
        page = str(item.get("page", ""))
        if page:
            first, _, last = page.replace("\u2013", "-").partition("-")
            lines.append(f"SP  - {first}")
            if last:
                lines.append(f"EP  - {last}")
        lines.append("ER  - ")
        lines.append("")
    return "\n".join(lines)


def format_bibliography(items: list[dict], style: str = "apa", to: str = "text") -> str | bytes:
    """The reference list of ``items`` in ``style``, as ``to`` (docx gives bytes)."""
    if to not in OUTPUTS:
        raise ConfigError(f"unknown output {to!r}; choose one of {', '.join(OUTPUTS)}")
    if to in ("csl-json", "bibtex", "ris"):
        from .bibtex import to_bibtex

        return {"csl-json": to_csl_json, "bibtex": to_bibtex, "ris": to_ris}[to](items)
    entries = render_entries(items, style)
    return {"text": to_text, "html": to_html, "md": to_markdown, "docx": to_docx}[to](entries)
