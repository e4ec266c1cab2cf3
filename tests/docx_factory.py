"""Build real .docx files for tests, the way Word writes them.

Two ways in:

- :func:`build_docx` for ordinary essays: body paragraphs, a reference heading and
  reference entries, with ``*asterisks*`` marking italic runs (no literal asterisks).
- :func:`docx_from_xml` for anything python-docx has no API for (tracked changes,
  content controls, fields, hyperlinks, footnotes, text boxes): give WordprocessingML
  fragments built with the small helpers below (:func:`p`, :func:`run`, :func:`ins`,
  :func:`deleted`, :func:`hyperlink`, :func:`field`, :func:`simple_field`, :func:`sdt`,
  :func:`table`, :func:`footnote_ref`).

Every builder writes the file at ``path`` and returns it as a :class:`pathlib.Path`.

Example::

    build_docx(tmp_path / "essay.docx", ["Text (Smith, 2020)."], ["Smith, J. (2020). *Title*. Pub."])
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterable, Mapping, Sequence
from xml.sax.saxutils import escape, quoteattr

import docx
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.shared import Inches

NAMESPACES = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
)
_ITALIC_MARKUP = re.compile(r"\*([^*]+)\*")


# --- ordinary essays -----------------------------------------------------------------


def build_docx(
    path,
    paragraphs: Iterable[str | tuple[str, str]] = (),
    references: Iterable[str] = (),
    *,
    heading: str | None = "References",
    heading_style: str | None = "Heading 1",
    title: str | None = None,
) -> Path:
    """An essay: optional title (style "Title"), body paragraphs, heading, reference entries.

    A paragraph is a string or ``(text, style name)``; ``*text*`` becomes an italic run.
    The heading is written only when there are references or ``heading`` is given with
    none; ``heading_style=None`` writes it as a plain paragraph. Entries get APA's
    0.5-inch hanging indent.
    """
    document = docx.Document()
    if title:
        document.add_paragraph(title, style="Title")
    for paragraph in paragraphs:
        text, style = (paragraph, None) if isinstance(paragraph, str) else paragraph
        add_markup_paragraph(document, text, style)
    if heading is not None:
        document.add_paragraph(heading, style=heading_style)
    for entry in references:
        added = add_markup_paragraph(document, entry)
        added.paragraph_format.left_indent = Inches(0.5)
        added.paragraph_format.first_line_indent = Inches(-0.5)
    return _save(document, path)


def add_markup_paragraph(document, text: str, style: str | None = None):
    """Append ``text`` to a python-docx document, ``*x*`` as italic runs; returns the paragraph."""
    paragraph = document.add_paragraph(style=style)
    for number, piece in enumerate(_ITALIC_MARKUP.split(text)):
        if piece:
            paragraph.add_run(piece).italic = bool(number % 2) or None
    return paragraph


# --- raw WordprocessingML ------------------------------------------------------------


def docx_from_xml(
    path,
    body: str | Iterable[str],
    *,
    links: Mapping[str, str] | None = None,
    footnotes: Sequence[str] = (),
    endnotes: Sequence[str] = (),
    styles: str = "",
) -> Path:
    """A .docx whose body is the given XML fragments (``w:``, ``r:``, ``m:``, ``mc:`` … prefixes).

    ``links`` maps relationship ids used in the fragments (e.g. ``"rIdLink1"``) to external
    URLs. ``footnotes`` / ``endnotes`` are the block content (usually one :func:`p`) of notes
    1, 2, …; the separator notes Word always writes are added too. ``styles`` is extra
    ``<w:style>`` XML for styles.xml.
    """
    document = docx.Document()
    body_element = document.element.body
    fragments = [body] if isinstance(body, str) else list(body)
    for element in parse_xml(f"<w:root {NAMESPACES}>{''.join(fragments)}</w:root>"):
        body_element.insert(len(body_element) - 1, element)  # before the final w:sectPr
    for rid, url in (links or {}).items():
        document.part.rels.add_relationship(RT.HYPERLINK, url, rid, is_external=True)
    if footnotes:
        _add_notes(document, "footnote", footnotes)
    if endnotes:
        _add_notes(document, "endnote", endnotes)
    if styles:
        styles_element = document.styles.element
        for element in parse_xml(f"<w:root {NAMESPACES}>{styles}</w:root>"):
            styles_element.append(element)
    return _save(document, path)


def p(*content: str, style: str | None = None, outline: int | None = None) -> str:
    """A ``w:p``; plain strings in ``content`` that are not XML become runs."""
    properties = ""
    if style or outline is not None:
        properties = "<w:pPr>"
        properties += f'<w:pStyle w:val="{style}"/>' if style else ""
        properties += f'<w:outlineLvl w:val="{outline}"/>' if outline is not None else ""
        properties += "</w:pPr>"
    return f"<w:p>{properties}{''.join(_as_xml(c) for c in content)}</w:p>"


def run(text: str, *, italic: bool | None = None, bold: bool | None = None, style: str | None = None,
        italic_val: str | None = None) -> str:
    """A ``w:r`` with text; ``italic_val`` writes ``<w:i w:val="…"/>`` literally (e.g. "0", "false")."""
    properties = f'<w:rStyle w:val="{style}"/>' if style else ""
    if bold is not None:
        properties += "<w:b/>" if bold else '<w:b w:val="0"/>'
    if italic_val is not None:
        properties += f'<w:i w:val="{italic_val}"/>'
    elif italic is not None:
        properties += "<w:i/>" if italic else '<w:i w:val="0"/>'
    properties = f"<w:rPr>{properties}</w:rPr>" if properties else ""
    return f'<w:r>{properties}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def ins(*content: str) -> str:
    """A tracked insertion."""
    return f'<w:ins w:id="901" w:author="Tester" w:date="2026-01-01T00:00:00Z">{_runs(content)}</w:ins>'


def deleted(text: str) -> str:
    """A tracked deletion of ``text``."""
    return (f'<w:del w:id="902" w:author="Tester" w:date="2026-01-01T00:00:00Z"><w:r>'
            f'<w:delText xml:space="preserve">{escape(text)}</w:delText></w:r></w:del>')


def moved(from_text: str, to_text: str) -> str:
    """A tracked move: ``from_text`` moved away (gone) and ``to_text`` moved here (kept)."""
    return (f'<w:moveFrom w:id="903" w:author="Tester"><w:r><w:t>{escape(from_text)}</w:t></w:r></w:moveFrom>'
            f'<w:moveTo w:id="904" w:author="Tester"><w:r><w:t>{escape(to_text)}</w:t></w:r></w:moveTo>')


def hyperlink(rid: str, *content: str) -> str:
    """A ``w:hyperlink`` pointing through relationship ``rid`` (declare it in ``links=``)."""
    return f'<w:hyperlink r:id="{rid}">{_runs(content)}</w:hyperlink>'


def field(instruction: str, *result: str) -> str:
    """A complex field (fldChar begin / instrText / separate / result / end), as runs."""
    return (f'<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r><w:instrText xml:space="preserve">{escape(instruction)}</w:instrText></w:r>'
            f'<w:r><w:fldChar w:fldCharType="separate"/></w:r>{_runs(result)}'
            f'<w:r><w:fldChar w:fldCharType="end"/></w:r>')


def simple_field(instruction: str, *result: str) -> str:
    """A ``w:fldSimple``."""
    return f"<w:fldSimple w:instr={quoteattr(instruction)}>{_runs(result)}</w:fldSimple>"


def sdt(*content: str, gallery: str | None = None) -> str:
    """A content control; ``gallery="Bibliographies"`` makes it look like Word's bibliography."""
    properties = ""
    if gallery:
        properties = (f'<w:docPartObj><w:docPartGallery w:val="{gallery}"/>'
                      "<w:docPartUnique/></w:docPartObj>")
    return f"<w:sdt><w:sdtPr>{properties}</w:sdtPr><w:sdtContent>{''.join(content)}</w:sdtContent></w:sdt>"


def table(rows: Sequence[Sequence[str]]) -> str:
    """A ``w:tbl``; each cell is a string (one paragraph) or XML (``<w:p>`` fragments)."""
    cells = "".join(
        "<w:tr>" + "".join(f"<w:tc>{c if c.startswith('<') else p(c)}</w:tc>" for c in row) + "</w:tr>"
        for row in rows
    )
    return f"<w:tbl><w:tblPr/><w:tblGrid/>{cells}</w:tbl>"


def footnote_ref(number: int) -> str:
    """The superscript mark in the body that points at footnote ``number``."""
    return f'<w:r><w:footnoteReference w:id="{number}"/></w:r>'


def text_box(*paragraphs: str) -> str:
    """A run holding a floating text box (Word's mc:AlternateContent with a wps choice)."""
    content = "".join(paragraphs)
    return ("<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wp:anchor><a:graphic>"
            f"<a:graphicData><wps:wsp><wps:txbx><w:txbxContent>{content}</w:txbxContent></wps:txbx>"
            "</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
            f"<mc:Fallback><w:pict><w:txbxContent>{content}</w:txbxContent></w:pict></mc:Fallback>"
            "</mc:AlternateContent></w:r>")


# --- internals -----------------------------------------------------------------------


def _as_xml(content: str) -> str:
    return content if content.startswith("<") else run(content)


def _runs(content: Iterable[str]) -> str:
    return "".join(_as_xml(c) for c in content)


def _add_notes(document, kind: str, notes: Sequence[str]) -> None:
    root = "footnotes" if kind == "footnote" else "endnotes"
    separators = (f'<w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{kind}>'
                  f'<w:{kind} w:type="continuationSeparator" w:id="0"><w:p><w:r>'
                  f"<w:continuationSeparator/></w:r></w:p></w:{kind}>")
    bodies = "".join(f'<w:{kind} w:id="{n}">{note}</w:{kind}>' for n, note in enumerate(notes, start=1))
    blob = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:{root} {NAMESPACES}>' \
           f"{separators}{bodies}</w:{root}>"
    content_type = CT.WML_FOOTNOTES if kind == "footnote" else CT.WML_ENDNOTES
    relationship = RT.FOOTNOTES if kind == "footnote" else RT.ENDNOTES
    part = Part(PackURI(f"/word/{root}.xml"), content_type, blob.encode("utf-8"), document.part.package)
    document.part.relate_to(part, relationship)


def _save(document, path) -> Path:
    path = Path(path)
    document.save(str(path))
    return path

