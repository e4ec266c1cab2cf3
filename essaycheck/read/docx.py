"""Word .docx: the paragraphs of the body, tables, content controls, text boxes and notes, in order.

Tracked changes read as accepted (insertions kept, deletions and moved-away text
dropped, a paragraph whose mark was deleted joined to the next); hidden text (w:vanish) and soft hyphens are not read, as Word does not print
them; fields show their result, never their instruction; hyperlinks keep their
text and record the URL; italic comes from the run, its character style, the
paragraph style or the document defaults.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..errors import InputError
from ..model import FieldCode, Paragraph, ParagraphFormat, SectionFormat
from .formats import FormatReader, section_format
from .lines import Line
from .package import Package
from .sniff import not_an_essay
from .paragraphs import TextBudget, trimmed_paragraph
from .styles import StyleSheet
from .wordml import r, short_tag, toggle, w

_SEPARATOR_NOTES = {"separator", "continuationSeparator", "continuationNotice"}
_HYPERLINK_FIELD = re.compile(r'\s*HYPERLINK\s+"([^"]+)"')
# Elements whose content is never text of the essay (deleted, moved away, properties, field codes).
DROPPED_ELEMENTS = frozenset({"w:del", "w:moveFrom", "w:pPr", "w:rPr", "w:sdtPr", "w:sdtEndPr", "w:delText",
                              "w:delInstrText", "w:instrText", "w:sectPr", "w:tblPr", "w:trPr", "w:tcPr", "w:tblGrid"})
# Run elements that stand for one character of text.
RUN_CHARACTERS = {"w:tab": " ", "w:ptab": " ", "w:br": " ", "w:cr": " ", "w:noBreakHyphen": "-"}
# Typed into w:t (text pasted from PDFs and web pages); Word shows it only at a line end.
SOFT_HYPHEN = "\u00ad"
_PPR, _RPR = w("pPr"), w("rPr")
_BOLD_HEADING_WORDS = 12  # a whole-bold paragraph this short, on its own, is a heading


def docx_paragraphs(data: bytes, path: str) -> tuple[Paragraph, ...]:
    """The paragraphs of the .docx in ``data``: body (with tables and text boxes), then footnotes, then endnotes."""
    return docx_contents(data, path).paragraphs


@dataclass(frozen=True)
class DocxContents:
    """What a .docx holds for the checker: its paragraphs, and what reference managers stored in it."""

    paragraphs: tuple[Paragraph, ...]
    fields: tuple[FieldCode, ...] = ()
    sources: tuple[bytes, ...] = ()
    manager_bookmarks: int = 0
    formats: tuple[ParagraphFormat, ...] = ()  # each paragraph's layout, as ``paragraphs``
    sections: tuple[SectionFormat, ...] = ()
    pages_recorded: bool = False  # w:lastRenderedPageBreak marks: Word laid the pages out when it saved


def docx_contents(data: bytes, path: str) -> DocxContents:
    """The paragraphs of the .docx in ``data`` (body with tables and text boxes, then footnotes, then
    endnotes), with the reference managers' fields, Word's sources and Zotero's bookmarks."""
    with Package(data, path) as package:
        main = main_part(package)
        relationships = package.relationships(main)
        targets = {kind: target for kind, target, external in relationships.values() if not external}
        styles_root = package.xml(targets["styles"]) if package.has(targets.get("styles", "")) else None
        theme_root = _optional_xml(package, targets.get("theme", ""))
        numbering_root = _optional_xml(package, targets.get("numbering", ""))
        reader = _Reader(path, StyleSheet(styles_root), FormatReader(styles_root, theme_root, numbering_root))
        body = package.xml(main).find(w("body"))
        if body is None:
            raise package.damaged(f"{main} has no body")
        reader.read_blocks(body, "body", relationships)
        sections = _sections(package, body, relationships)
        for kind, part in (("footnotes", "footnote"), ("endnotes", "endnote")):
            if package.has(targets.get(kind, "")):
                _read_notes(package, targets[kind], part, reader)
        sources = tuple(_word_sources(package))
    return DocxContents(tuple(reader.paragraphs), tuple(reader.managed_fields()), sources, reader.manager_bookmarks,
                        tuple(reader.formats), sections, reader.pages_recorded)


def _sections(package: Package, body, relationships: dict) -> tuple[SectionFormat, ...]:
    """Every section's page (w:sectPr in paragraphs, then the body's last), with its headers read."""
    headers: dict[str, object] = {}
    for identifier, (kind, target, external) in relationships.items():
        if kind == "header" and not external:
            headers[identifier] = _optional_xml(package, target)
    # (a tracked change keeps the section's former page in w:sectPrChange/w:sectPr: that is no section)
    change = w("sectPrChange")
    return tuple(section_format(sect_pr, headers) for sect_pr in body.iter(w("sectPr"))
                 if sect_pr.getparent() is None or sect_pr.getparent().tag != change)


def _optional_xml(package: Package, name: str):
    """A part that only the layout needs (a header, the theme): None when absent or damaged, since
    Word shows the essay without it and so is it checked."""
    if not name or not package.has(name):
        return None
    try:
        return package.xml(name)
    except InputError:
        return None


def _word_sources(package: Package):
    """The custom XML parts holding Word's own sources (b:Sources), as bytes."""
    for name in package.names():
        if name.startswith("customXml/item") and name.endswith(".xml") and "Props" not in name:
            data = package.read(name)
            if b"officeDocument/2006/bibliography" in data[:4096]:
                yield data


def _read_notes(package: Package, name: str, part: str, reader: "_Reader") -> None:
    """Read the foot- or endnotes in part ``name`` (each a w:footnote / w:endnote), skipping separators."""
    relationships = package.relationships(name)
    for note in package.xml(name):
        if short_tag(note) == f"w:{part}" and note.get(w("type"), "normal") not in _SEPARATOR_NOTES:
            reader.read_blocks(note, part, relationships)


def main_part(package: Package) -> str:
    """The name of the main document part, or an InputError naming what the zip really is."""
    for kind, target, external in package.relationships("").values():
        if kind == "officeDocument" and not external and package.has(target):
            return target
    if package.has("word/document.xml"):
        return "word/document.xml"
    if package.has("xl/workbook.xml"):
        raise not_an_essay(package.path, "an Excel workbook")
    if package.has("ppt/presentation.xml"):
        raise not_an_essay(package.path, "a PowerPoint presentation")
    what = "a zip archive"
    raise InputError(f"{package.path} is {what}, not a Word document. Save your essay from your word processor "
                     "as Word Document (.docx) and check that file.")


class _Line(Line):
    """A Word paragraph being read: also its text boxes and the marks of managers' fields."""

    def __init__(self) -> None:
        super().__init__()
        self.text_boxes: list = []
        self.marks: list[tuple[int, int, bool]] = []  # (offset, field id, True at its start) of managers' fields
        self.fonts: Counter = Counter()  # (font, size) -> characters
        self.starts_with_tab = False
        self.break_after = False  # a page break after some of its text
        self.after_line_break = False
        self.faked_indent = False  # a line break then a tab or spaces

    def add(self, text: str, italic: bool = False, bold: bool = False) -> None:
        super().add(text.replace(SOFT_HYPHEN, ""), italic, bold)


class _Fields:
    """Complex fields (w:fldChar begin/separate/end), which may nest and span paragraphs.

    The fields of reference managers are kept in ``managed``: their instruction, data, and marks on
    the text of where their result starts and ends."""

    def __init__(self, managed: list[dict]) -> None:
        self.stack: list[dict] = []
        self.hidden = 0  # open fields still in their instruction part (kept as a count: fields nest deeply)
        self.managed = managed

    @property
    def showing_result(self) -> bool:
        return self.hidden == 0

    def instruction(self, text: str) -> None:
        if self.stack and not self.stack[-1]["result"]:
            self.stack[-1]["instruction"].append(text)

    def char(self, kind: str, line: _Line, data: str = "") -> None:
        if kind == "begin":
            self.stack.append({"result": False, "instruction": [], "link": None, "data": data, "id": None})
            self.hidden += 1
        elif kind == "separate" and self.stack and not self.stack[-1]["result"]:
            field = self.stack[-1]
            field["result"] = True
            self.hidden -= 1
            instruction = "".join(field["instruction"])
            url = hyperlink_field_url(instruction)
            if url:
                field["link"] = (line, line.size, url)
            elif is_manager_instruction(instruction):
                field["id"] = self.open_managed(instruction, field["data"], line)
        elif kind == "end" and self.stack:
            field = self.stack.pop()
            self.hidden -= not field["result"]
            link = field["link"]
            if link and link[0] is line:
                line.links.append((link[1], line.size, link[2]))
            if field["id"] is not None:
                line.marks.append((line.size, field["id"], False))
            elif not field["result"] and self.stack and not self.stack[-1]["result"] and field["data"]:
                # EndNote's "ADDIN EN.CITE.DATA" inside an EN.CITE's instruction: its data is the citation's
                self.stack[-1]["data"] = self.stack[-1]["data"] or field["data"]

    def open_managed(self, instruction: str, data: str, line: _Line, kind: str = "field") -> int:
        """Start a manager's field (or content control) at the current end of ``line``; its id."""
        identifier = self.register(instruction, data, kind)
        line.marks.append((line.size, identifier, True))
        return identifier

    def register(self, instruction: str, data: str, kind: str) -> int:
        """Keep a manager's field or content control, not yet placed in the text; its id."""
        self.managed.append({"instruction": instruction, "data": data, "kind": kind, "start": None, "end": None})
        return len(self.managed) - 1


_MANAGER_INSTRUCTION = re.compile(
    r"\s*(?:ADDIN\s+(?:ZOTERO_|CSL_|Mendeley|EN\.(?:CITE|REFLIST))|CITATION\s|BIBLIOGRAPHY\b)", re.IGNORECASE)
_MANAGER_CONTROL = re.compile(r"MENDELEY_CITATION|MENDELEY_BIBLIOGRAPHY", re.IGNORECASE)


def is_manager_instruction(instruction: str) -> bool:
    """Whether a field instruction is a reference manager's (Zotero, Mendeley, EndNote, Word's own)."""
    return bool(_MANAGER_INSTRUCTION.match(instruction))


def hyperlink_field_url(instruction: str) -> str:
    """The URL of a ``HYPERLINK "url"`` field instruction; '' for other fields and bookmarks."""
    match = _HYPERLINK_FIELD.match(instruction)
    return match.group(1) if match else ""


class _Reader:
    """Walks WordprocessingML, appending a Paragraph per non-empty w:p."""

    def __init__(self, path: str, styles: StyleSheet, formats: FormatReader | None = None) -> None:
        self.styles = styles
        self.format_reader = formats or FormatReader()
        self.formats: list[ParagraphFormat] = []  # one per paragraph
        self.blank_lines = 0  # empty paragraphs since the last one with text
        self.page_break = False  # a page break since the last paragraph with text
        self.pages_recorded = False
        self.table_style = ""
        self.budget = TextBudget(path)
        self.paragraphs: list[Paragraph] = []
        self.managed: list[dict] = []  # the managers' fields and content controls, in document order
        self.fields = _Fields(self.managed)
        self.manager_bookmarks = 0
        self.pending_starts: list[int] = []  # fields whose text starts with the next paragraph
        self.relationships: dict = {}
        self.pending: tuple | None = None  # (line, pPr, part) of a paragraph whose mark is a tracked deletion

    def read_blocks(self, element, part: str, relationships: dict) -> None:
        """Read the block content (paragraphs, tables, content controls …) of ``element``."""
        self.relationships = relationships
        self.fields = _Fields(self.managed)
        self._blocks(element, part)
        self._flush()

    def managed_fields(self):
        """The managers' fields and content controls whose shown text was placed, as FieldCodes."""
        for field in self.managed:
            start, end = field["start"], field["end"] or field["start"]
            if start is not None:
                yield FieldCode(field["instruction"], start[0], start[1], end[0], end[1], field["data"], field["kind"])

    def _place_marks(self, line: _Line, index: int | None, text: str) -> None:
        """Turn the field marks of ``line`` into (paragraph, offset) positions; ``index`` None: a blank line."""
        shift = len(text) - len(text.lstrip())
        length = len(text.strip())
        for offset, identifier, starts in line.marks:
            field = self.managed[identifier]
            if index is None:  # a start goes to the next paragraph, an end to the last one
                if starts:
                    self.pending_starts.append(identifier)
                elif self.paragraphs:
                    last = self.paragraphs[-1]
                    field["end"] = (last.index, len(last.text))
                continue
            field["start" if starts else "end"] = (index, max(0, min(length, offset - shift)))
        if index is not None:
            for identifier in self.pending_starts:
                self.managed[identifier]["start"] = (index, 0)
            self.pending_starts.clear()

    # Recursion depth is bounded by the XML parser's own nesting limit (256 levels).
    def _blocks(self, element, part: str) -> None:
        for child in element:
            tag = short_tag(child)
            if tag == "w:p":
                self._paragraph(child, part)
            elif tag == "w:tbl":
                self._flush()
                outer, self.table_style = self.table_style, _table_style(child)
                self._blocks(child, "table")
                self._flush()
                self.table_style = outer
            elif tag == "w:tc":
                self._blocks(child, part)
                self._flush()  # a paragraph never runs on into the next cell
            elif tag == "mc:AlternateContent":
                self._blocks(child[:1], part)  # the first choice only: the others repeat it
            elif tag == "w:sdt" and (control := _manager_control(child)):
                self._managed_blocks(child, control, part)
            elif tag not in DROPPED_ELEMENTS:
                self._blocks(child, part)

    def _managed_blocks(self, sdt, control: str, part: str) -> None:
        """A block-level content control of a manager (Mendeley Cite's bibliography): its paragraphs."""
        self._flush()
        identifier = self.fields.register(control, "", "content-control")
        self.pending_starts.append(identifier)
        first = len(self.paragraphs)
        self._blocks(sdt, part)
        self._flush()
        if identifier in self.pending_starts:  # no text inside: nothing to place
            self.pending_starts.remove(identifier)
        elif len(self.paragraphs) > first:
            last = self.paragraphs[-1]
            self.managed[identifier]["end"] = (last.index, len(last.text))

    def _paragraph(self, p, part: str) -> None:
        if not len(p) and self.pending is None:
            self.blank_lines += 1
            return  # <w:p/>: an empty line, the commonest element of all
        properties = p.find(_PPR)
        line = self.pending[0] if self.pending else _Line()
        self.pending = None
        self._inline(p, line, _val(properties, "pStyle"))
        if paragraph_mark_removed(properties):
            self.pending = (line, properties, part)  # accepted, the text runs on into the next paragraph
        else:
            self._emit(line, properties, part)

    def _flush(self) -> None:
        """End a paragraph whose mark was deleted but that has no next paragraph to join here."""
        if self.pending is not None:
            line, properties, part = self.pending
            self.pending = None
            self._emit(line, properties, part)

    def _emit(self, line: _Line, properties, part: str) -> None:
        style_id = _val(properties, "pStyle")
        text = line.text()
        if text.strip():
            self.budget.spend(text)
            outline = _val(properties, "outlineLvl")
            is_heading = (self.styles.is_heading(style_id) or (outline.isdigit() and int(outline) < 9)
                          or (part == "body" and line.all_bold() and len(text.split()) <= _BOLD_HEADING_WORDS))
            self._place_marks(line, len(self.paragraphs), text)
            self.paragraphs.append(trimmed_paragraph(
                len(self.paragraphs), text, line.italic_spans(), line.links,
                style=self.styles.name(style_id), part=part, is_heading=is_heading))
            # one format per paragraph, so that ``formats[p.index]`` is p's; a text box's or a note's is
            # not judged (its page is not the essay's), and keeps the defaults
            self.formats.append(self.format_reader.paragraph(
                properties, style_id, fonts=line.fonts, table_style=self.table_style if part == "table" else "",
                blank_before=self.blank_lines, starts_with_tab=line.starts_with_tab, faked_indent=line.faked_indent,
                break_before=self.page_break, bold=line.mostly_bold()) if part in ("body", "table") else ParagraphFormat())
            self.blank_lines, self.page_break = 0, line.break_after
        else:
            self.blank_lines += 1
            if line.marks:
                self._place_marks(line, None, text)
        if properties is not None and properties.find(w("sectPr")) is not None:
            self.page_break = True  # a section break: the next section starts on a new page (most do)
        for box in line.text_boxes:
            self._blocks(box, "textbox")
            self._flush()

    def _inline(self, element, line: _Line, style_id: str) -> None:
        for child in element:
            tag = short_tag(child)
            if tag == "w:r":
                self._run(child, line, style_id)
            elif tag == "w:hyperlink":
                start = line.size
                self._inline(child, line, style_id)
                target = self.relationships.get(child.get(r("id"), ""))
                if target and target[2]:
                    line.links.append((start, line.size, target[1]))
            elif tag == "w:fldSimple":
                start = line.size
                instruction = child.get(w("instr"), "")
                identifier = self.fields.open_managed(instruction, "", line) if is_manager_instruction(
                    instruction) else None
                self._inline(child, line, style_id)
                url = hyperlink_field_url(instruction)
                if url:
                    line.links.append((start, line.size, url))
                if identifier is not None:
                    line.marks.append((line.size, identifier, False))
            elif tag == "w:sdt" and (control := _manager_control(child)):
                identifier = self.fields.open_managed(control, "", line, "content-control")
                self._inline(child, line, style_id)
                line.marks.append((line.size, identifier, False))
            elif tag == "w:bookmarkStart":
                self.manager_bookmarks += child.get(w("name"), "").startswith("ZOTERO_BREF_")
            elif tag == "w:txbxContent":
                line.text_boxes.append(child)
            elif tag == "m:t":
                if self.fields.showing_result:
                    line.add(child.text or "")
            elif tag == "mc:AlternateContent":
                self._inline(child[:1], line, style_id)
            elif tag not in DROPPED_ELEMENTS:
                self._inline(child, line, style_id)

    def _run_flags(self, properties, run_style: str, style_id: str) -> tuple[bool, bool, bool]:
        """(visible, italic, bold) of a run, from its own properties or its styles."""
        italic = toggle(properties, "i")
        bold = toggle(properties, "b")
        return (not is_hidden_run(properties, style_id, self.styles),
                self.styles.run_flag("italic", run_style, style_id) if italic is None else italic,
                self.styles.run_flag("bold", run_style, style_id) if bold is None else bold)

    def _run(self, run, line: _Line, style_id: str) -> None:
        properties = run.find(_RPR)
        run_style = _val(properties, "rStyle")
        visible = italic = bold = None  # read when the run shows something (most field runs do not)
        font = None
        for child in run:
            tag = short_tag(child)
            if tag in RUN_CHARACTERS or tag == "w:t":
                if visible is None:
                    visible, italic, bold = self._run_flags(properties, run_style, style_id)
            if tag == "w:t":
                if visible and self.fields.showing_result:
                    text = child.text or ""
                    if line.after_line_break and text:
                        line.faked_indent = line.faked_indent or text.startswith("   ")
                        line.after_line_break = False
                    line.add(text, italic, bold)
                    if text.strip():
                        font = font or self.format_reader.run_font(properties, run_style, style_id, self.table_style)
                        line.fonts[font] += len(text)
            elif tag in RUN_CHARACTERS:
                if tag == "w:br" and child.get(w("type")) == "page":
                    if line.text().strip():
                        line.break_after = True  # the text after it, and the next paragraph, start a page
                    else:
                        self.page_break = True
                if visible and self.fields.showing_result:
                    if tag == "w:tab" and not line.text().strip():
                        line.starts_with_tab = True
                    if tag == "w:tab" and line.after_line_break:
                        line.faked_indent = True
                    line.after_line_break = tag in ("w:br", "w:cr") and child.get(w("type")) != "page"
                    line.add(RUN_CHARACTERS[tag], italic, bold)
            elif tag == "w:lastRenderedPageBreak":
                self.pages_recorded = True
                if not line.text().strip():
                    self.page_break = True  # Word last laid it out at the top of a page
            elif tag == "w:fldChar":
                self.fields.char(child.get(w("fldCharType"), ""), line, child.findtext(w("fldData")) or "")
            elif tag == "w:instrText":
                self.fields.instruction(child.text or "")
            elif tag not in DROPPED_ELEMENTS:
                self._inline([child], line, style_id)  # drawings may hold text boxes


def _table_style(table) -> str:
    """The style id of a w:tbl (its w:tblPr/w:tblStyle), or ''."""
    properties = table.find(w("tblPr"))
    return _val(properties, "tblStyle")


def _manager_control(sdt) -> str:
    """The tag of a content control a reference manager made (Mendeley Cite's), else ''."""
    properties = sdt.find(w("sdtPr"))
    tag = properties.find(w("tag")) if properties is not None else None
    value = tag.get(w("val"), "") if tag is not None else ""
    return value if _MANAGER_CONTROL.match(value) else ""


def is_hidden_run(properties, paragraph_style: str, styles: StyleSheet) -> bool:
    """Whether a run with ``w:rPr`` ``properties`` is hidden text (w:vanish: its own, its styles' or the default)."""
    hidden = toggle(properties, "vanish")
    if hidden is None:
        hidden = styles.run_flag("hidden", _val(properties, "rStyle"), paragraph_style)
    return hidden


def paragraph_mark_removed(properties) -> bool:
    """Whether a paragraph's mark is a tracked deletion (or moved away): accepted, it joins the next one."""
    mark = properties.find(_RPR) if properties is not None else None
    return mark is not None and (mark.find(w("del")) is not None or mark.find(w("moveFrom")) is not None)


def _val(properties, local: str) -> str:
    """The w:val of child ``w:local`` of a properties element, or ''."""
    if properties is None:
        return ""
    element = properties.find(w(local))
    return element.get(w("val"), "") if element is not None else ""
