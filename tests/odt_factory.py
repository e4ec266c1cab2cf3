"""Build real .odt files for tests, the way LibreOffice writes them.

A zip with ``mimetype`` first and stored, ``META-INF/manifest.xml``, ``content.xml`` and
``styles.xml``. Two ways in:

- :func:`build_odt` for ordinary essays: title, body paragraphs, a "References" heading and
  entries with a hanging indent; ``*asterisks*`` mark italics and ``[text](url)`` a hyperlink.
- :func:`odt_from_xml` for anything else: give content.xml body fragments built with the helpers
  below (:func:`p`, :func:`h`, :func:`span`, :func:`link`, :func:`note`, :func:`frame`,
  :func:`table`, :func:`text_list`, :func:`deletion`), plus automatic styles if needed.

:func:`odt_from_paragraphs` writes model Paragraphs (text, italic spans, links, headings, tables,
notes, text boxes) back as an .odt, for tests comparing formats.

Every builder writes the file at ``path`` and returns it as a :class:`pathlib.Path`.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Iterable, Sequence
from xml.sax.saxutils import escape, quoteattr

MIMETYPE = "application/vnd.oasis.opendocument.text"
NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:xlink="http://www.w3.org/1999/xlink" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
    'office:version="1.3"'
)
# Named styles as LibreOffice writes them in styles.xml (display names, escaped names, parents).
NAMED_STYLES = (
    '<style:default-style style:family="paragraph"><style:text-properties fo:font-size="12pt"/>'
    "</style:default-style>"
    '<style:style style:name="Standard" style:family="paragraph" style:class="text"/>'
    '<style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" '
    'style:parent-style-name="Standard"/>'
    '<style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard">'
    '<style:text-properties fo:font-weight="bold"/></style:style>'
    '<style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" '
    'style:parent-style-name="Heading" style:default-outline-level="1"/>'
    '<style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" '
    'style:parent-style-name="Heading" style:default-outline-level="2"/>'
    '<style:style style:name="Title" style:family="paragraph" style:parent-style-name="Heading"/>'
    '<style:style style:name="Bibliography_20_Entry" style:display-name="Bibliography Entry" '
    'style:family="paragraph" style:parent-style-name="Standard">'
    '<style:paragraph-properties fo:margin-left="0.5in" fo:text-indent="-0.5in"/></style:style>'
    '<style:style style:name="Emphasis" style:family="text"><style:text-properties fo:font-style="italic"/>'
    "</style:style>"
    '<style:style style:name="Book_20_Title" style:display-name="Book Title" style:family="text" '
    'style:parent-style-name="Emphasis"/>'
    '<style:style style:name="Hidden" style:family="text"><style:text-properties text:display="none"/>'
    "</style:style>"
    '<style:style style:name="Table_20_Contents" style:display-name="Table Contents" style:family="paragraph" '
    'style:parent-style-name="Standard"/>'
    '<style:style style:name="Footnote" style:family="paragraph" style:parent-style-name="Standard"/>'
)
# Automatic styles of content.xml: T1 italic span, T2 bold, T3 upright (cancels an italic
# paragraph), P1 a reference entry (hanging indent) on a named parent, P2 an italic paragraph.
AUTOMATIC_STYLES = (
    '<style:style style:name="T1" style:family="text"><style:text-properties fo:font-style="italic" '
    'style:font-style-asian="italic"/></style:style>'
    '<style:style style:name="T2" style:family="text"><style:text-properties fo:font-weight="bold"/>'
    "</style:style>"
    '<style:style style:name="T3" style:family="text"><style:text-properties fo:font-style="normal"/>'
    "</style:style>"
    '<style:style style:name="P1" style:family="paragraph" style:parent-style-name="Bibliography_20_Entry">'
    '<style:paragraph-properties fo:margin-left="0.5in" fo:text-indent="-0.5in"/></style:style>'
    '<style:style style:name="P2" style:family="paragraph" style:parent-style-name="Text_20_body">'
    '<style:text-properties fo:font-style="italic"/></style:style>'
    '<style:style style:name="fr1" style:family="graphic" style:parent-style-name="Frame"/>'
    '<style:style style:name="Table1" style:family="table"/>'
)
_MARKUP = re.compile(r"\*([^*]+)\*|\[([^\]]+)\]\(([^)\s]+)\)")


# --- the package -----------------------------------------------------------------------


def odt_from_xml(path, body: Iterable[str] = (), *, automatic_styles: str = "", named_styles: str = "",
                 mimetype: str = MIMETYPE, encrypted: bool = False, tracked_changes: str = "",
                 content_xml: str | None = None) -> Path:
    """An .odt whose office:text holds the ``body`` fragments (and ``tracked_changes`` first).

    ``automatic_styles`` and ``named_styles`` are added to the ones above; ``content_xml``
    replaces content.xml whole (for damaged files); ``encrypted`` writes the manifest's
    encryption data the way a password-protected file has it.
    """
    content = content_xml if content_xml is not None else (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {NAMESPACES}>'
        f"<office:automatic-styles>{AUTOMATIC_STYLES}{automatic_styles}</office:automatic-styles>"
        "<office:body><office:text>"
        '<text:sequence-decls><text:sequence-decl text:display-outline-level="0" text:name="Table"/>'
        "</text:sequence-decls>"
        f"{tracked_changes}{''.join(body)}</office:text></office:body></office:document-content>")
    styles = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-styles {NAMESPACES}>'
              f"<office:styles>{NAMED_STYLES}{named_styles}</office:styles>"
              '<office:automatic-styles><style:style style:name="MP1" style:family="paragraph">'
              '<style:text-properties fo:font-style="italic"/></style:style></office:automatic-styles>'
              "</office:document-styles>")
    encryption = ('<manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="AAAA">'
                  '<manifest:algorithm manifest:algorithm-name="Blowfish CFB" manifest:initialisation-vector="AAAA"/>'
                  '<manifest:key-derivation manifest:key-derivation-name="PBKDF2" manifest:iteration-count="1024" '
                  'manifest:salt="AAAA"/></manifest:encryption-data>') if encrypted else ""
    manifest = ('<?xml version="1.0" encoding="UTF-8"?>'
                '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
                'manifest:version="1.3">'
                f'<manifest:file-entry manifest:full-path="/" manifest:media-type="{mimetype}"/>'
                f'<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">{encryption}'
                "</manifest:file-entry>"
                '<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>'
                "</manifest:manifest>")
    path = Path(path)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), mimetype, compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", content)
        archive.writestr("styles.xml", styles)
        archive.writestr("META-INF/manifest.xml", manifest)
    return path


# --- fragments ---------------------------------------------------------------------------


def p(*content: str, style: str = "Standard") -> str:
    """A text:p; plain strings in ``content`` are escaped by :func:`inline` (``*italic*``, ``[t](url)``)."""
    return f"<text:p text:style-name={quoteattr(style)}>{''.join(content)}</text:p>"


def h(text: str, level: int = 1, style: str | None = None) -> str:
    """A heading (text:h) of ``level`` in style "Heading N"."""
    style = style or f"Heading_20_{level}"
    return f'<text:h text:style-name="{style}" text:outline-level="{level}">{inline(text)}</text:h>'


def span(text: str, style: str = "T1") -> str:
    """A text:span (T1: automatic italic style)."""
    return f"<text:span text:style-name={quoteattr(style)}>{escape(text)}</text:span>"


def link(text: str, url: str) -> str:
    return f'<text:a xlink:type="simple" xlink:href={quoteattr(url)}>{escape(text)}</text:a>'


def note(mark: str, *paragraphs: str, endnote: bool = False, number: int = 1) -> str:
    """A text:note: its citation mark and body paragraphs (fragments)."""
    kind = "endnote" if endnote else "footnote"
    return (f'<text:note text:id="ftn{number}" text:note-class="{kind}"><text:note-citation>{escape(mark)}'
            f"</text:note-citation><text:note-body>{''.join(paragraphs)}</text:note-body></text:note>")


def frame(*paragraphs: str, name: str = "Frame1") -> str:
    """A draw:frame holding a draw:text-box with ``paragraphs``, anchored as LibreOffice anchors one."""
    return (f'<draw:frame draw:style-name="fr1" draw:name="{name}" text:anchor-type="paragraph" svg:width="2in">'
            f"<svg:title>decorative</svg:title><draw:text-box>{''.join(paragraphs)}</draw:text-box></draw:frame>")


def table(rows: Sequence[Sequence[str]]) -> str:
    """A table:table with a header-rows group holding the first row; cells are plain text."""
    def row(cells: Sequence[str]) -> str:
        return "<table:table-row>" + "".join(
            f'<table:table-cell office:value-type="string">{p(inline(cell), style="Table_20_Contents")}'
            "</table:table-cell>" for cell in cells) + "</table:table-row>"

    width = max((len(r) for r in rows), default=1)
    head, rest = rows[:1], rows[1:]
    return (f'<table:table table:name="Table1" table:style-name="Table1">'
            f'<table:table-column table:number-columns-repeated="{width}"/>'
            f"<table:table-header-rows>{''.join(row(r) for r in head)}</table:table-header-rows>"
            f"{''.join(row(r) for r in rest)}</table:table>")


def text_list(*items: str) -> str:
    """A text:list, one item per fragment."""
    return ("<text:list>" + "".join(f"<text:list-item>{item}</text:list-item>" for item in items)
            + "</text:list>")


def deletion(change_id: str, *paragraphs: str) -> str:
    """The text:tracked-changes record of a deletion whose removed text is ``paragraphs``;
    put ``change(change_id)`` where it was in the body."""
    return ('<text:tracked-changes text:track-changes="true">'
            f'<text:changed-region xml:id="{change_id}" text:id="{change_id}"><text:deletion>'
            "<office:change-info><dc:creator>Student</dc:creator><dc:date>2026-03-01T10:00:00</dc:date>"
            f"</office:change-info>{''.join(paragraphs)}</text:deletion></text:changed-region>"
            "</text:tracked-changes>")


def change(change_id: str) -> str:
    """The point in the body where tracked deletion ``change_id`` was."""
    return f'<text:change text:change-id="{change_id}"/>'


def inline(text: str) -> str:
    """``text`` as ODF inline content: ``*italic*`` spans (T1), ``[text](url)`` links, runs of
    spaces as text:s, everything else escaped."""
    out, position = [], 0
    for match in _MARKUP.finditer(text):
        out.append(_spaced(text[position:match.start()]))
        if match.group(1) is not None:
            out.append(f'<text:span text:style-name="T1">{_spaced(match.group(1))}</text:span>')
        else:
            out.append(f'<text:a xlink:type="simple" xlink:href={quoteattr(match.group(3))}>'
                       f"{_spaced(match.group(2))}</text:a>")
        position = match.end()
    out.append(_spaced(text[position:]))
    return "".join(out)


def _spaced(text: str) -> str:
    """Escaped text with every space after the first of a run written as text:s, as ODF requires."""
    return re.sub(r"  +", lambda m: f' <text:s text:c="{len(m.group()) - 1}"/>', escape(text))


# --- whole essays -----------------------------------------------------------------------


def build_odt(path, paragraphs: Iterable[str] = (), references: Iterable[str] = (), *,
              heading: str | None = "References", title: str | None = None) -> Path:
    """An essay: optional title (style "Title"), body paragraphs, a Heading 1 and reference entries
    (style P1: a hanging indent), with ``*italic*`` and ``[text](url)`` markup."""
    body = [p(inline(title), style="Title")] if title else []
    body += [p(inline(text), style="Text_20_body") for text in paragraphs]
    if heading:
        body.append(h(heading, 1))
    body += [p(inline(entry), style="P1") for entry in references]
    return odt_from_xml(path, body)


def odt_from_paragraphs(path, paragraphs) -> Path:
    """Model Paragraphs written back as an .odt: headings as text:h (level from a "Heading N"
    style, else 1), table paragraphs as one-column rows, text boxes as frames after the paragraph
    before them, foot- and endnotes as notes anchored at the end of the last body paragraph."""
    body: list[str] = []
    rows: list[str] = []
    notes = [paragraph for paragraph in paragraphs if paragraph.part in ("footnote", "endnote")]
    kept = [paragraph for paragraph in paragraphs if paragraph.part not in ("footnote", "endnote")]
    for position, paragraph in enumerate(kept):
        content = spans_xml(paragraph.text, paragraph.italic, paragraph.links)
        if paragraph.part == "table":
            rows.append(f'<table:table-row><table:table-cell office:value-type="string">'
                        f'{p(content, style="Table_20_Contents")}</table:table-cell></table:table-row>')
            continue
        if rows:
            body.append(f'<table:table table:name="Table{len(body)}"><table:table-column/>{"".join(rows)}'
                        "</table:table>")
            rows = []
        if position == len(kept) - 1 and notes:
            content += "".join(note(str(number), p(spans_xml(n.text, n.italic, n.links), style="Footnote"),
                                    endnote=n.part == "endnote", number=number)
                               for number, n in enumerate(notes, 1))
        if paragraph.part == "textbox" and body:
            body.append(p(frame(p(content)), style="Standard"))
        elif paragraph.is_heading:
            level = re.fullmatch(r"Heading ([1-9])", paragraph.style)
            style = "Title" if paragraph.style == "Title" else None
            body.append(f'<text:h text:style-name="{style or "Heading_20_" + (level.group(1) if level else "1")}" '
                        f'text:outline-level="{level.group(1) if level else 1}">{content}</text:h>')
        else:
            body.append(p(content, style="Text_20_body"))
    if rows:
        body.append(f'<table:table table:name="TableEnd"><table:table-column/>{"".join(rows)}</table:table>')
    return odt_from_xml(path, body)


def spans_xml(text: str, italic=(), links=()) -> str:
    """``text`` as ODF inline content with italic spans (T1) and hyperlinks at the given offsets."""
    bounds = {0, len(text)}
    for start, end in italic:
        bounds |= {start, end}
    for found in links:
        bounds |= {found.start, found.end}
    cuts = sorted(bounds)
    pieces: list[tuple[str, str | None]] = []
    for start, end in zip(cuts, cuts[1:]):
        piece = _spaced(text[start:end])
        if any(s <= start and end <= e for s, e in italic):
            piece = f'<text:span text:style-name="T1">{piece}</text:span>'
        url = next((found.url for found in links if found.start <= start and end <= found.end), None)
        if pieces and url and pieces[-1][1] == url:  # one link, even where its italics change
            pieces[-1] = (pieces[-1][0] + piece, url)
        else:
            pieces.append((piece, url))
    return "".join(f'<text:a xlink:type="simple" xlink:href={quoteattr(url)}>{piece}</text:a>' if url else piece
                   for piece, url in pieces)
