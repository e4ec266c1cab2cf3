"""OpenDocument text (.odt): the paragraphs of the body, tables, lists, frames and notes, in order.

The zip is opened under the same guard as a .docx and its XML parsed without DTD or entities.
Tracked changes read as accepted (the deleted text kept in text:tracked-changes is not read);
hidden text (text:display="none", hidden sections, paragraphs and text fields) and comments are
not read; the note citation mark stays out of the text and each note's body follows the body of
the essay (footnotes, then endnotes), as the .docx reader does. Italic and bold come from the
span's style, the paragraph's style, their parent styles and the default style; whitespace
collapses as ODF says, with text:s, text:tab and text:line-break giving spaces.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import InputError
from ..model import Paragraph
from .lines import Line
from .package import Package
from .paragraphs import TextBudget, trimmed_paragraph
from .xml import ShortTags, Wording

_NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "draw": "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
    "xlink": "http://www.w3.org/1999/xlink",
    "svg": "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0",
    "dc": "http://purl.org/dc/elements/1.1/",
}
_short = ShortTags({uri: prefix for prefix, uri in _NS.items()})  # 'text:p', 'table:table-cell' …

RESAVE_ODT = "Save it again from your word processor (File > Save As, as .odt or .docx) and try again."
_TEXT_MIMETYPES = ("application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.text-template",
                   "application/vnd.oasis.opendocument.text-master")
_OTHER_MIMETYPES = {
    "spreadsheet": "an OpenDocument spreadsheet (.ods)",
    "presentation": "an OpenDocument presentation (.odp)",
    "graphics": "an OpenDocument drawing (.odg)",
    "formula": "an OpenDocument formula (.odf)",
    "chart": "an OpenDocument chart (.odc)",
    "database": "an OpenDocument database (.odb)",
    "image": "an OpenDocument image",
}
# Elements whose content is never text of the essay: declarations, comments, sources of indexes,
# the deleted text of tracked changes, a frame's or shape's title and description, ruby annotations.
_DROPPED = frozenset({
    "text:tracked-changes", "office:annotation", "office:annotation-end", "office:forms", "text:sequence-decls",
    "text:variable-decls", "text:user-field-decls", "text:dde-connection-decls", "table:table-columns",
    "table:table-column", "table:table-header-columns", "table:covered-table-cell", "text:soft-page-break",
    "text:note-citation", "svg:title", "svg:desc", "draw:image", "text:ruby-text", "text:change",
    "text:change-start", "text:change-end", "text:bookmark", "text:bookmark-start", "text:bookmark-end",
    "text:reference-mark", "text:reference-mark-start", "text:reference-mark-end", "text:alphabetical-index-mark",
    "text:toc-mark", "text:user-index-mark", "office:event-listeners", "draw:glue-point", "text:number",
    "table:shapes",
})
_FRAMES = frozenset({"draw:frame", "draw:a", "draw:custom-shape", "draw:rect", "draw:ellipse", "draw:g",
                     "draw:text-box"})
_INDEX_SOURCES = re.compile(r"text:[a-z-]+-source")
_HEADING_NAME = re.compile(r"(heading [1-9]|title)", re.IGNORECASE)
_BOLD_HEADING_WORDS = 12  # a whole-bold paragraph this short, on its own, is a heading (as in .docx)


def odt_paragraphs(data: bytes, path: str) -> tuple[Paragraph, ...]:
    """The paragraphs of the .odt in ``data``: body (with tables, lists and frames), then footnotes, then endnotes."""
    with _OdtPackage(data, path) as package:
        _check_kind(package)
        content = package.xml("content.xml")
        styles = _StyleSheet()
        if package.has("styles.xml"):
            styles.load(package.xml("styles.xml"), automatic=False)
        styles.load(content, automatic=True)
    body = content.find(f"{_q('office:body')}/{_q('office:text')}")
    if body is None:
        raise package.damaged("content.xml holds no text (office:text is missing)")
    reader = _Reader(path, styles)
    reader.blocks(body, "body")
    reader.read_notes()
    return tuple(reader.paragraphs)


class _OdtPackage(Package):
    """The guarded zip reader, with errors worded for an OpenDocument file."""

    wording = Wording("an OpenDocument text (.odt)", "a text document", "no word processor", RESAVE_ODT)


def _check_kind(package: _OdtPackage) -> None:
    """InputError unless the package is an OpenDocument text that is not encrypted."""
    mimetype = package.read("mimetype").decode("ascii", "replace").strip() if package.has("mimetype") else ""
    if mimetype and mimetype not in _TEXT_MIMETYPES:
        kind = mimetype.rsplit(".", 1)[-1].split("-")[0]
        what = _OTHER_MIMETYPES.get(kind, f"a file of type {mimetype[:80]}")
        raise InputError(f"{package.path} is {what}, not a text document. Save your essay from your word "
                         "processor as a text document (.odt or .docx) and check that file.")
    if not mimetype and not package.has("content.xml"):
        what = "a Word document" if package.has("word/document.xml") else "a zip archive"
        raise InputError(f"{package.path} is {what}, not an OpenDocument text (.odt). Check that you picked the "
                         "right file.")
    # Searched as bytes: an odd manifest must not stop a readable file, and encrypted files
    # always write the element with the manifest: prefix.
    if package.has("META-INF/manifest.xml") and b"manifest:encryption-data" in package.read("META-INF/manifest.xml"):
        raise InputError(f"{package.path} is protected with a password, so it cannot be read. Open it, "
                         "save a copy without a password (in LibreOffice: File > Save As, clear "
                         "'Save with password'), and check that copy.")
    if not package.has("content.xml"):
        raise package.damaged("it has no content.xml")


def _q(name: str) -> str:
    """The Clark name of a prefixed ODF name ('text:p')."""
    prefix, _, local = name.partition(":")
    return f"{{{_NS[prefix]}}}{local}"


# --- styles ------------------------------------------------------------------------


@dataclass(frozen=True)
class _Style:
    name: str  # the name shown to people ("Heading 1")
    parent: str = ""
    italic: bool | None = None
    bold: bool | None = None
    hidden: bool | None = None
    outline_level: int | None = None


class _StyleSheet:
    """Named and automatic styles by (family, name), looked up along their parent chains."""

    def __init__(self) -> None:
        self.styles: dict[tuple[str, str], _Style] = {}
        self.defaults: dict[str, _Style] = {}
        self.automatic: set[tuple[str, str]] = set()  # content.xml's own styles: P1, T2 …, never shown to people
        self._cache: dict[tuple, object] = {}

    def load(self, root, automatic: bool) -> None:
        """Add the styles of styles.xml (``automatic`` False: its automatic styles serve headers and
        footers only) or of content.xml (its automatic styles)."""
        holders = ("office:automatic-styles",) if automatic else ("office:styles",)
        for holder in holders:
            container = root.find(_q(holder))
            if container is None:
                continue
            for element in container:
                tag = _short(element)
                if tag == "style:style":
                    family = element.get(_q("style:family"), "")
                    name = element.get(_q("style:name"), "")
                    self.styles[(family, name)] = _style_of(element)
                    if automatic:
                        self.automatic.add((family, name))
                elif tag == "style:default-style":
                    self.defaults[element.get(_q("style:family"), "")] = _style_of(element)

    def flag(self, what: str, family: str, name: str) -> bool | None:
        """``what`` (italic, bold, hidden) as style ``name`` of ``family`` or its parents set it; None if unset."""
        key = (what, family, name)
        if key not in self._cache:
            found, seen = None, set()
            while name and (family, name) in self.styles and name not in seen:
                seen.add(name)
                style = self.styles[(family, name)]
                found = getattr(style, what)
                if found is not None:
                    break
                name = style.parent
            self._cache[key] = found
        return self._cache[key]

    def paragraph_flag(self, what: str, name: str) -> bool:
        """``what`` for text in a paragraph of style ``name``: its chain, then the default paragraph style."""
        found = self.flag(what, "paragraph", name)
        if found is None:
            default = self.defaults.get("paragraph")
            found = getattr(default, what) if default is not None else None
        return bool(found)

    def display_name(self, name: str) -> str:
        """The name shown for paragraph style ``name``: an automatic style shows its named parent's."""
        seen = set()
        while ("paragraph", name) in self.automatic and name not in seen and self.styles[("paragraph", name)].parent:
            seen.add(name)
            name = self.styles[("paragraph", name)].parent
        style = self.styles.get(("paragraph", name))
        return style.name if style is not None else _decoded(name)

    def outline_level(self, name: str) -> int | None:
        """The default outline level of paragraph style ``name`` or its parents (a heading style's)."""
        seen = set()
        while ("paragraph", name) in self.styles and name not in seen:
            seen.add(name)
            style = self.styles[("paragraph", name)]
            if style.outline_level is not None:
                return style.outline_level
            name = style.parent
        return None


def _style_of(element) -> _Style:
    properties = element.find(_q("style:text-properties"))
    italic = bold = hidden = None
    if properties is not None:
        posture = properties.get(_q("fo:font-style"))
        if posture is not None:
            italic = posture in ("italic", "oblique")
        weight = properties.get(_q("fo:font-weight"))
        if weight is not None:
            bold = weight == "bold" or weight.isdigit() and int(weight) >= 600
        display = properties.get(_q("text:display"))
        if display is not None:
            hidden = display == "none"
    level = element.get(_q("style:default-outline-level"), "")
    name = element.get(_q("style:name"), "")
    return _Style(name=element.get(_q("style:display-name")) or _decoded(name),
                  parent=element.get(_q("style:parent-style-name"), ""),
                  italic=italic, bold=bold, hidden=hidden,
                  outline_level=int(level) if level.isdigit() and 0 < int(level) <= 10 else None)


def _decoded(name: str) -> str:
    """A style name with ODF's escapes undone: 'Heading_20_1' -> 'Heading 1'."""
    return re.sub(r"_([0-9a-fA-F]{2})_", lambda m: chr(int(m.group(1), 16)), name)


# --- text --------------------------------------------------------------------------


_MAX_SPACES = 1_000  # text:c of one text:s; more is not an essay's spacing


class _Reader:
    """Walks the ODF text body, appending a Paragraph per non-empty text:p or text:h."""

    def __init__(self, path: str, styles: _StyleSheet) -> None:
        self.styles = styles
        self.budget = TextBudget(path)
        self.paragraphs: list[Paragraph] = []
        self.notes: list[tuple[str, object]] = []  # (part, text:note-body), read after the body

    def read_notes(self) -> None:
        """The bodies of the notes met in the text: footnotes, then endnotes, each in document order."""
        for part in ("footnote", "endnote"):
            for kind, note_body in self.notes:
                if kind == part:
                    self.blocks(note_body, part)

    # Recursion depth is bounded by the XML parser's own nesting limit (256 levels).
    def blocks(self, element, part: str) -> None:
        """Read the block content (paragraphs, headings, lists, tables, sections …) of ``element``."""
        for child in element:
            tag = _short(child)
            if tag in ("text:p", "text:h"):
                self.paragraph(child, part, tag == "text:h")
            elif tag in ("table:table", "table:table-row", "table:table-rows", "table:table-header-rows",
                         "table:table-row-group", "table:table-cell"):
                self.blocks(child, "table")
            elif tag == "text:section" and _hidden_section(child):
                continue
            elif tag in _FRAMES:
                self.frame(child)
            elif tag in _DROPPED or _INDEX_SOURCES.fullmatch(tag):
                continue
            else:
                self.blocks(child, part)

    def frame(self, element) -> None:
        """A frame, shape or text box: the paragraphs in it, as a text box."""
        self.blocks(element, "textbox")

    def paragraph(self, p, part: str, heading: bool) -> None:
        style = p.get(_q("text:style-name"), "")
        line = Line()
        frames: list = []
        if not self._hidden_paragraph(p, style):
            self.inline(p, line, frames, italic=self.styles.paragraph_flag("italic", style),
                        bold=self.styles.paragraph_flag("bold", style))
        text = line.text()
        if text.strip():
            self.budget.spend(text)
            self.paragraphs.append(trimmed_paragraph(
                len(self.paragraphs), text, line.italic_spans(), line.links,
                part=part, **self._heading(p, style, heading, part, line, text)))
        for frame in frames:
            self.frame(frame)

    def _heading(self, p, style: str, heading: bool, part: str, line: Line, text: str) -> dict:
        """The style name and heading flag of a paragraph (text:h, a heading style, or short and all bold)."""
        name = self.styles.display_name(style) if style else ""
        level_text = p.get(_q("text:outline-level"), "")
        level = int(level_text) if level_text.isdigit() else self.styles.outline_level(style)
        if heading and not _HEADING_NAME.fullmatch(name):
            name = f"Heading {level or 1}"
        is_heading = (heading or bool(_HEADING_NAME.fullmatch(name)) or level is not None
                      or part == "body" and line.all_bold() and len(text.split()) <= _BOLD_HEADING_WORDS)
        return {"style": name, "is_heading": is_heading}

    def _hidden_paragraph(self, p, style: str) -> bool:
        """Whether the whole paragraph is hidden: by its style, or by a text:hidden-paragraph field."""
        if self.styles.paragraph_flag("hidden", style):
            return True
        return any(field.get(_q("text:is-hidden")) == "true" for field in p.iter(_q("text:hidden-paragraph")))

    def inline(self, element, line: Line, frames: list, italic: bool, bold: bool) -> None:
        """Read the text of ``element`` and its children into ``line`` (its frames into ``frames``), with the
        flags in force."""
        if element.text:
            line.add_markup(element.text, italic, bold)
        for child in element:
            tag = _short(child)
            if tag == "text:span":
                span_style = child.get(_q("text:style-name"), "")
                if not self.styles.flag("hidden", "text", span_style):
                    self.inline(child, line, frames, _or(self.styles.flag("italic", "text", span_style), italic),
                                _or(self.styles.flag("bold", "text", span_style), bold))
            elif tag == "text:a":
                start = line.size
                link_style = child.get(_q("text:style-name"), "")
                self.inline(child, line, frames, _or(self.styles.flag("italic", "text", link_style), italic),
                            _or(self.styles.flag("bold", "text", link_style), bold))
                href = child.get(_q("xlink:href"), "")
                if href and not href.startswith("#"):  # a link inside the document is no web address
                    line.links.append((start, line.size, href))
            elif tag == "text:s":
                count = child.get(_q("text:c"), "1")
                line.add(" " * min(int(count) if count.isdigit() else 1, _MAX_SPACES), italic, bold)
            elif tag in ("text:tab", "text:line-break"):
                line.add(" ", italic, bold)
            elif tag == "text:note":
                note_body = child.find(_q("text:note-body"))
                if note_body is not None:
                    part = "endnote" if child.get(_q("text:note-class")) == "endnote" else "footnote"
                    self.notes.append((part, note_body))
            elif tag in _FRAMES:
                frames.append(child)  # read after the paragraph that holds it, as .docx text boxes are
            elif tag == "text:hidden-text":
                if child.get(_q("text:is-hidden")) != "true":
                    self.inline(child, line, frames, italic, bold)
            elif tag not in _DROPPED and tag not in ("text:note-body", "text:hidden-paragraph"):
                self.inline(child, line, frames, italic, bold)  # fields show their result
            if child.tail:
                line.add_markup(child.tail, italic, bold)


def _or(found: bool | None, inherited: bool) -> bool:
    return inherited if found is None else found


def _hidden_section(section) -> bool:
    display = section.get(_q("text:display"), "true")
    return display == "none" or display == "condition" and section.get(_q("text:is-hidden")) == "true"
