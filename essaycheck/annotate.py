"""An annotated copy of a .docx essay: a Word comment anchored at each problem's text.

The original is only read. Paragraphs are found in the reader's order
(``essaycheck.read.docx``: body blocks with tables and text boxes; notes come after
and cannot carry comments here), runs are split at the problem's offsets so the
comment covers exactly the quoted text, and the copy is written atomically.
Problems without a place, or in a footnote, are attached to the first paragraph.
"""

from __future__ import annotations

import copy
import functools
import io
import os
import posixpath
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from xml.sax.saxutils import escape

from .errors import InputError
from .model import Diagnostic, Report
from .outputs import atomic_path
from .read.docx import DROPPED_ELEMENTS, RUN_CHARACTERS, SOFT_HYPHEN, is_hidden_run, paragraph_mark_removed
from .read.styles import StyleSheet
from .read.wordml import M_NS, MC_NS, W_NS

__all__ = ["annotate_docx", "annotate_copy", "comment_text", "ANNOTATED_KINDS", "AUTHOR", "INITIALS"]

AUTHOR, INITIALS = "essaycheck", "EC"

_W, _MC, _M = (f"{{{namespace}}}" for namespace in (W_NS, MC_NS, M_NS))
# The reader's own tables in Clark names (python-docx elements carry full tags); the walk
# below mirrors the reader's, and tests/test_annotate.py checks the texts stay identical.
_DROPPED = {_W + name.removeprefix("w:") for name in DROPPED_ELEMENTS}
_RUN_CHARACTERS = {_W + name.removeprefix("w:"): character for name, character in RUN_CHARACTERS.items()}


@dataclass
class _Piece:
    """Visible characters from one element: a w:t, a tab-like character or an m:t."""

    element: object
    run: object | None  # the w:r holding it (None for math)
    start: int
    text: str

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass
class _Para:
    """One non-empty w:p and the visible pieces of its text, in order.

    ``joined`` holds the w:p elements before it whose marks are tracked deletions: the reader
    reads them as one paragraph with this one.
    """

    element: object
    pieces: list[_Piece]
    joined: list = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(piece.text for piece in self.pieces)


class _Walker:
    """The reader's walk over the body, keeping for each paragraph its w:p and its pieces."""

    def __init__(self, styles: StyleSheet) -> None:
        self.styles = styles
        self._style_id = ""  # of the paragraph being walked: hidden text may come from its style
        self.paragraphs: list[_Para] = []
        self._fields: list[bool] = []  # per open complex field: showing its result yet?
        self._pending: tuple[_Para, list] | None = None  # a paragraph whose mark was deleted, and its boxes

    def blocks(self, element) -> None:
        for child in element:
            tag = child.tag
            if tag == f"{_W}p":
                self._paragraph(child)
            elif tag == f"{_W}tbl":
                self.flush()
                self.blocks(child)
                self.flush()
            elif tag == f"{_W}tc":
                self.blocks(child)
                self.flush()
            elif tag == f"{_MC}AlternateContent":
                self.blocks(child[:1])
            elif isinstance(tag, str) and tag not in _DROPPED:
                self.blocks(child)

    def _paragraph(self, p) -> None:
        if self._pending is not None:
            (para, boxes), self._pending = self._pending, None
            para.joined.append(para.element)
            para.element = p
        else:
            para, boxes = _Para(p, []), []
        properties = p.find(f"{_W}pPr")
        style = properties.find(f"{_W}pStyle") if properties is not None else None
        self._style_id = style.get(f"{_W}val", "") if style is not None else ""
        self._inline(p, para, boxes)
        if paragraph_mark_removed(properties):
            self._pending = (para, boxes)
        else:
            self._emit(para, boxes)

    def flush(self) -> None:
        """End a joined paragraph that has no next paragraph to join here (as the reader does)."""
        if self._pending is not None:
            (para, boxes), self._pending = self._pending, None
            self._emit(para, boxes)

    def _emit(self, para: _Para, boxes: list) -> None:
        if para.text.strip():
            self.paragraphs.append(para)
        for box in boxes:
            self.blocks(box)
            self.flush()

    def _showing(self) -> bool:
        return all(self._fields)

    def _add(self, para: _Para, element, run, text: str) -> None:
        text = text.replace(SOFT_HYPHEN, "")
        if text and self._showing():
            para.pieces.append(_Piece(element, run, len(para.text), text))

    def _inline(self, element, para: _Para, boxes: list) -> None:
        for child in element:
            tag = child.tag
            if tag == f"{_W}r":
                self._run(child, para, boxes)
            elif tag == f"{_W}txbxContent":
                boxes.append(child)
            elif tag == f"{_M}t":
                self._add(para, child, None, child.text or "")
            elif tag == f"{_MC}AlternateContent":
                self._inline(child[:1], para, boxes)
            elif isinstance(tag, str) and tag not in _DROPPED:
                self._inline(child, para, boxes)

    def _run(self, run, para: _Para, boxes: list) -> None:
        visible = not is_hidden_run(run.find(f"{_W}rPr"), self._style_id, self.styles)
        for child in run:
            tag = child.tag
            if tag == f"{_W}t":
                if visible:
                    self._add(para, child, run, child.text or "")
            elif tag in _RUN_CHARACTERS:
                if visible:
                    self._add(para, child, run, _RUN_CHARACTERS[tag])
            elif tag == f"{_W}fldChar":
                kind = child.get(f"{_W}fldCharType", "")
                if kind == "begin":
                    self._fields.append(False)
                elif kind == "separate" and self._fields:
                    self._fields[-1] = True
                elif kind == "end" and self._fields:
                    self._fields.pop()
            elif isinstance(tag, str) and tag not in _DROPPED:
                self._inline([child], para, boxes)


def body_paragraphs(body, styles: StyleSheet) -> list[_Para]:
    """The non-empty paragraphs of a document's ``w:body``, in the reader's order."""
    walker = _Walker(styles)
    walker.blocks(body)
    walker.flush()
    return walker.paragraphs


# --- splitting runs ------------------------------------------------------------------


def _split_run_at(para: _Para, offset: int) -> None:
    """Make ``offset`` (into the paragraph's text) fall on a run boundary, splitting one w:r."""
    seen_runs = set()
    for piece in para.pieces:
        if piece.run is not None:
            inside = piece.start < offset < piece.end
            between = piece.start == offset and id(piece.run) in seen_runs  # between two pieces of one run
            if inside or between:
                break
            seen_runs.add(id(piece.run))
    else:
        return  # already a boundary (or inside math, which cannot be split)
    run, cut = piece.run, offset - piece.start
    right = copy.deepcopy(run)
    run.addnext(right)
    left_children = [c for c in run if c.tag != f"{_W}rPr"]
    right_children = [c for c in right if c.tag != f"{_W}rPr"]
    index = left_children.index(piece.element)
    # Children before the split element stay left, those after go right; the element itself
    # is cut in two (a w:t) or goes right whole (cut == 0).
    for child in left_children[index + (1 if cut else 0):]:
        run.remove(child)
    for child in right_children[:index]:
        right.remove(child)
    if cut:
        left_t, right_t = left_children[index], right_children[index]
        raw = left_t.text or ""
        raw_cut = _raw_offset(raw, cut)
        left_t.text, right_t.text = raw[:raw_cut], raw[raw_cut:]
        for t in (left_t, right_t):
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")


def _raw_offset(raw: str, cut: int) -> int:
    """Where visible offset ``cut`` falls in a w:t's own text, which may hold soft hyphens the reader skips."""
    if SOFT_HYPHEN not in raw:
        return min(cut, len(raw))
    seen = 0
    for position, character in enumerate(raw):
        if character == SOFT_HYPHEN:
            continue  # stays with the syllable before it
        if seen == cut:
            return position
        seen += 1
    return len(raw)


def _runs_covering(para: _Para, start: int, end: int) -> tuple[object, object] | None:
    """The first and last w:r of [start, end) after splitting; None when no run is there."""
    runs = [piece.run for piece in para.pieces if piece.run is not None and piece.start < end and piece.end > start]
    return (runs[0], runs[-1]) if runs else None


# --- placing a problem -----------------------------------------------------------------


def _span_in(para_text: str, problem: Diagnostic) -> tuple[int, int] | None:
    """The problem's span in the untrimmed paragraph text, checked against its quoted text.

    When the offsets do not quote the text (a reader change), the occurrence of the
    text closest to the offsets is used; None when the text is not in the paragraph.
    """
    loc = problem.location
    shift = len(para_text) - len(para_text.lstrip())
    start, end = loc.start + shift, loc.end + shift
    if loc.text and para_text[start:end] != loc.text:
        found = [i for i in range(len(para_text)) if para_text.startswith(loc.text, i)]
        if not found:
            return None
        start = min(found, key=lambda i: abs(i - start))
        end = start + len(loc.text)
    if start >= end:  # a point ("a comma is missing here"): anchor the word before it
        text = para_text.rstrip()
        end = min(max(end, 1), len(text))
        start = end
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        if start == end:
            return None
    return start, end


def comment_text(problem: Diagnostic, *, unplaced: str = "") -> str:
    """What the comment says: where (if not anchored there), the message, the fix, the rule id."""
    lines = [f"{unplaced}{problem.message}"]
    if problem.suggestion is not None:
        lines.append(f"Suggested: {problem.suggestion}")
    lines.append(f"[{problem.severity.value}: {problem.rule}]")
    return "\n".join(lines)


def annotate_docx(report: Report, source_path, target_path, *, durable: bool = True) -> int:
    """Write a copy of ``source_path`` to ``target_path`` with a comment per problem; return the count.

    ``durable`` is passed to :func:`essaycheck.outputs.atomic_path`. Raises
    :class:`InputError` when the target is the source or the .docx cannot be opened.
    """
    source, target = Path(source_path), Path(target_path)
    if target.exists() and os.path.samefile(source, target):
        raise InputError("the annotated copy must not overwrite the essay itself")
    copy_ = _DocxCopy(source)
    styles = StyleSheet(copy_.styles)
    paragraphs = body_paragraphs(copy_.body, styles)
    if not paragraphs:
        raise InputError(f"{source} has no paragraph to attach comments to")
    comments = _Comments(copy_.comments)
    for problem in sorted(report.problems, key=Diagnostic.sort_key):
        place = _layout_place(problem, report)
        if place is not None and place[0] < len(paragraphs) and (
                runs := _runs_covering(paragraphs[place[0]], 0, len(paragraphs[place[0]].text))) is not None:
            comments.add(*runs, comment_text(problem, unplaced=place[1]))
            continue
        (first, last), note = _anchor(paragraphs, problem, styles)
        comments.add(first, last, comment_text(problem, unplaced=note))
    copy_.save(target, durable=durable)
    return len(report.problems)


_COMMENTS_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
_COMMENTS_CONTENT = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"


class _DocxCopy:
    """A .docx opened to be copied with comments: its main part, styles and comments parsed (under
    the reader's guards), every other part copied as it is. Lighter than python-docx, which parses
    and writes back every part of the package."""

    def __init__(self, source: Path) -> None:
        from .read.disk import read_file_bytes
        from .read.docx import main_part
        from .read.package import Package

        self.source = source
        self.data = read_file_bytes(str(source))
        try:
            with Package(self.data, str(source)) as package:
                self.main = main_part(package)
                raw = package.read(self.main)
                if b"purl.oclc.org/ooxml" in raw:  # Strict Open XML: Word reads comments only in its own names
                    raise InputError(f"{source} is saved as Strict Open XML; save it as an ordinary Word "
                                     "document to get an annotated copy")
                self.document = package.xml(self.main)
                related = package.relationships(self.main)
                targets = {kind: target for kind, target, external in related.values() if not external}
                self.styles = package.xml(targets["styles"]) if package.has(targets.get("styles", "")) else None
                self.comments_name = targets.get("comments", "")
                self.comments = package.xml(self.comments_name) if package.has(self.comments_name) else None
                self.rels_name = _rels_of(self.main)
                self.rels = package.xml(self.rels_name) if package.has(self.rels_name) else None
                self.types = package.xml("[Content_Types].xml")
        except InputError:
            raise
        except Exception as error:  # noqa: BLE001 - a student's file: no traceback, one line
            raise InputError(f"{source} could not be opened to annotate ({type(error).__name__}: {error})") from None
        self.body = self.document.find(f"{_W}body")
        if self.body is None:
            raise InputError(f"{source} has no body to attach comments to")
        if self.comments is None:
            self.comments = _new_element("w:comments")

    def save(self, target: Path, *, durable: bool) -> None:
        """The copy, written atomically: the changed parts new, the others as they were."""
        import zipfile

        from lxml import etree

        changed = {self.main: self.document}
        if not self.comments_name:
            self.comments_name = posixpath.join(posixpath.dirname(self.main), "comments.xml")
            self._declare_comments()
            changed.update({"[Content_Types].xml": self.types, self.rels_name: self.rels})
        changed[self.comments_name] = self.comments
        with zipfile.ZipFile(io.BytesIO(self.data)) as original, atomic_path(target, durable=durable) as tmp:
            with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as out:
                for member in original.infolist():
                    if member.filename in changed:
                        element = changed.pop(member.filename)
                        out.writestr(member.filename, etree.tostring(element, xml_declaration=True,
                                                                      encoding="UTF-8", standalone=True))
                    else:
                        out.writestr(member, original.read(member))
                for name, element in changed.items():  # parts the original did not have
                    out.writestr(name, etree.tostring(element, xml_declaration=True, encoding="UTF-8",
                                                      standalone=True))

    def _declare_comments(self) -> None:
        from lxml import etree

        if self.rels is None:
            self.rels = etree.Element(f"{{{_RELS}}}Relationships", nsmap={None: _RELS})
        taken = {rel.get("Id") for rel in self.rels}
        number = next(n for n in range(1, len(taken) + 2) if f"rId{n}" not in taken)
        etree.SubElement(self.rels, f"{{{_RELS}}}Relationship", Id=f"rId{number}", Type=_COMMENTS_TYPE,
                         Target=posixpath.relpath(self.comments_name, posixpath.dirname(self.main)))
        etree.SubElement(self.types, f"{{{_TYPES}}}Override", PartName="/" + self.comments_name,
                         ContentType=_COMMENTS_CONTENT)


def _rels_of(part: str) -> str:
    folder, base = posixpath.split(part)
    return posixpath.join(folder, "_rels", base + ".rels")


class _Comments:
    """Word comments: a w:comment in comments.xml per problem, its range and reference in the text
    (the XML python-docx's ``add_comment`` writes, built directly: python-docx looks for the next
    free id and parses a template again for every comment)."""

    def __init__(self, element) -> None:
        self.element = element
        taken = [int(value) for value in element.xpath("./w:comment/@w:id", namespaces={"w": W_NS})
                 if value.lstrip("-").isdigit()]
        self.next_id = max(taken, default=-1) + 1
        self.date = datetime.now(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")

    def add(self, first, last, text: str) -> None:
        """A comment holding ``text`` (a paragraph a line) on the runs from ``first`` to ``last``."""
        from lxml import etree

        number = str(self.next_id)
        self.next_id += 1
        lines = [_COMMENT_LINE.format(mark=_COMMENT_MARK if n == 0 else "", text=_escaped(line))
                 for n, line in enumerate(text.split("\n"))]
        self.element.append(etree.fromstring(_COMMENT.format(
            ns=W_NS, id=number, author=AUTHOR, initials=INITIALS, date=self.date, lines="".join(lines))))
        reference = _new_element("w:r")
        _child(_child(reference, "w:rPr"), "w:rStyle", {"w:val": "CommentReference"})
        _child(reference, "w:commentReference", {"w:id": number})
        last.addnext(reference)
        last.addnext(_new_element("w:commentRangeEnd", {"w:id": number}))
        first.addprevious(_new_element("w:commentRangeStart", {"w:id": number}))


# A comment as Word writes it, parsed from text in one call: about ten times quicker than
# building its two dozen elements one by one, with hundreds of comments in a class.
_COMMENT = ('<w:comment xmlns:w="{ns}" w:id="{id}" w:author="{author}" w:initials="{initials}" '
            'w:date="{date}">{lines}</w:comment>')
_COMMENT_LINE = ('<w:p><w:pPr><w:pStyle w:val="CommentText"/></w:pPr>{mark}'
                 '<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>')
_COMMENT_MARK = '<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:annotationRef/></w:r>'


_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _escaped(text: str) -> str:
    """``text`` as XML character data: markup escaped, characters XML 1.0 forbids dropped."""
    return escape(_XML_FORBIDDEN.sub("", text))


_XML_NS = "http://www.w3.org/XML/1998/namespace"


@functools.cache
def _qualified(name: str) -> str:
    prefix, local = name.split(":")
    return f"{{{W_NS if prefix == 'w' else _XML_NS}}}{local}"


def _new_element(tag: str, attributes: dict[str, str] | None = None):
    from lxml import etree

    return etree.Element(_qualified(tag), {_qualified(k): v for k, v in (attributes or {}).items()},
                         nsmap={"w": W_NS})


def _child(parent, tag: str, attributes: dict[str, str] | None = None):
    from lxml import etree

    return etree.SubElement(parent, _qualified(tag), {_qualified(k): v for k, v in (attributes or {}).items()})


def _anchor(paragraphs: list[_Para], problem: Diagnostic, styles: StyleSheet) -> tuple[tuple[object, object], str]:
    """The runs to anchor ``problem`` on, and a prefix for the comment when it is not at its place."""
    loc = problem.location
    if loc is not None and 0 <= loc.paragraph < len(paragraphs):
        para = paragraphs[loc.paragraph]
        span = _span_in(para.text, problem)
        if span is not None:
            _split_run_at(para, span[1])
            para.pieces = _reread(para, styles)
            _split_run_at(para, span[0])
            para.pieces = _reread(para, styles)
            runs = _runs_covering(para, *span)
            if runs is not None:
                return runs, ""
        runs = _runs_covering(para, 0, len(para.text))
        if runs is not None:
            return runs, f"\u201c{loc.text}\u201d: " if loc.text else ""
    first = paragraphs[0]
    runs = _runs_covering(first, 0, len(first.text))
    if runs is None:  # a first paragraph of only math: give up on anchoring inside it
        raise InputError("no run of text to attach a comment to")
    if loc is None:
        return runs, "About the whole essay: "
    return runs, f"At {loc.describe()}" + (f", \u201c{loc.text}\u201d" if loc.text else "") + ": "


_LIST_LAYOUT = ("layout-hanging-indent", "layout-reference-spacing")
_TEXT_LAYOUT = ("layout-line-spacing", "layout-paragraph-indent", "layout-alignment", "layout-font")


def _layout_place(problem: Diagnostic, report: Report) -> tuple[int, str] | None:
    """Where a layout finding about the whole list or the whole text is best seen: on the list's
    first entry, or on the first paragraph of running text (paragraph index, comment prefix)."""
    if problem.location is not None:
        return None
    if problem.rule in _LIST_LAYOUT and report.references:
        return report.references[0].location.paragraph, "About the whole reference list: "
    if problem.rule in _TEXT_LAYOUT:
        from .rules.layout import running_text

        heading = report.reference_heading.index if report.reference_heading else len(report.document.paragraphs)
        text = running_text(report.document, report.document.paragraphs[:heading])
        if text:
            return text[0].index, "About the text of the whole essay: "
    return None


def _reread(para: _Para, styles: StyleSheet) -> list[_Piece]:
    """The pieces of one paragraph again, after its runs were split."""
    walker = _Walker(styles)
    for element in para.joined + [para.element]:
        walker._paragraph(element)
    walker.flush()
    for found in walker.paragraphs:
        if found.element is para.element:
            return found.pieces
    return []


ANNOTATED_KINDS = ("docx", "pdf")  # the essays whose annotated copy keeps their own format


def annotate_copy(report: Report, source_path, target_path, *, durable: bool = True) -> int:
    """An annotated copy in the essay's own format: Word comments in a .docx, highlights with
    notes in a PDF. How many problems were placed."""
    kind = report.document.kind
    if kind == "pdf":
        from .annotate_pdf import annotate_pdf

        return annotate_pdf(report, source_path, target_path, durable=durable)
    if kind != "docx":
        raise InputError(f"{source_path}: annotated copies are made of Word (.docx) and PDF essays; the HTML "
                         "report (--format html) shows the problems of any essay")
    return annotate_docx(report, source_path, target_path, durable=durable)
