"""HTML: Moodle's online-text submissions (onlinetext.html, a fragment) and ordinary web pages.

One paragraph per block (p, div, li, a table cell, h1–h6 …); a line break (<br>) also ends a
paragraph, as a line does in a .txt, because students type reference lists one entry per line.
Whitespace collapses as a browser collapses it (not in <pre>). Scripts, styles, the head,
navigation, forms and hidden elements (``hidden``, ``aria-hidden``, ``display: none``,
``visibility: hidden``) are not read. Italic comes from <i>, <em>, <cite> and an inline
``font-style: italic``; bold (<b>, <strong>, ``font-weight``) makes a short paragraph a heading, as
in a .docx. Links keep their text and record their href. Parsed by lxml.html: no network, no
DTD, entities decoded; the charset comes from a byte-order mark or the meta tag, else UTF-8, with
Windows-1252 for bytes that are not UTF-8.
"""

from __future__ import annotations

import codecs
import re

from ..errors import InputError
from ..model import Paragraph
from .limits import MAX_XML_ELEMENTS
from .lines import Line
from .paragraphs import TextBudget, trimmed_paragraph

_META_CHARSET = re.compile(rb"<meta[^>]{0,300}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]{1,40})", re.IGNORECASE)
# What browsers do with these labels (the WHATWG encoding standard): they mean Windows-1252.
_AS_CP1252 = {"iso-8859-1", "iso8859-1", "latin-1", "latin1", "us-ascii", "ascii", "l1", "cp819"}
_SKIPPED = frozenset({"head", "script", "style", "nav", "template", "noscript", "svg", "math", "canvas", "iframe",
                      "object", "embed", "audio", "video", "select", "button", "textarea", "input", "title",
                      "meta", "link", "base", "map", "img", "datalist", "dialog"})
_BLOCKS = frozenset({"p", "div", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "section", "article", "header",
                     "footer", "main", "aside", "figure", "figcaption", "address", "table", "thead", "tbody",
                     "tfoot", "tr", "hr", "form", "fieldset", "legend", "details", "summary", "center", "body",
                     "html", "caption", "td", "th", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "hgroup", "menu"})
_ITALIC_TAGS = frozenset({"i", "em", "cite", "var", "dfn"})
_BOLD_TAGS = frozenset({"b", "strong"})
_HEADINGS = {f"h{level}": level for level in range(1, 7)}
_STYLE_ITALIC = re.compile(r"(?:^|;)\s*font-style\s*:\s*(italic|oblique|normal)", re.IGNORECASE)
_STYLE_BOLD = re.compile(r"(?:^|;)\s*font-weight\s*:\s*(bold(?:er)?|normal|lighter|\d{3})", re.IGNORECASE)
_STYLE_HIDDEN = re.compile(r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)", re.IGNORECASE)
_BOLD_HEADING_WORDS = 12  # a whole-bold paragraph this short, on its own, is a heading (as in .docx)


def html_paragraphs(data: bytes, path: str) -> tuple[Paragraph, ...]:
    """The paragraphs of the HTML page or fragment in ``data``, in reading order."""
    import lxml.html
    from lxml import etree

    text = decode_html(data, path)
    parser = lxml.html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True, huge_tree=False,
                                  default_doctype=False)
    try:
        root = lxml.html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError):  # "Document is empty": nothing but whitespace or comments
        return ()
    if root.xpath("count(//*)") > MAX_XML_ELEMENTS:  # bounds the time spent walking the tree
        raise InputError(f"{path} was not read because it holds more than {MAX_XML_ELEMENTS:,} HTML elements; "
                         "it is not an ordinary essay. Check that you picked the right file.")
    reader = _Reader(path)
    reader.block(root, "body", False, False)
    reader.flush()
    return tuple(reader.paragraphs)


def decode_html(data: bytes, path: str) -> str:
    """The text of HTML ``data``: by its byte-order mark, its meta charset, else UTF-8, else Windows-1252."""
    for mark, codec in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                        (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(mark):
            return data[len(mark):].decode(codec, errors="replace")
    if b"\x00" in data[:8192]:
        raise InputError(f"{path} contains binary data, so it is not a web page. Check that you picked the right "
                         "file.")
    declared = _declared_charset(data[:4096])
    for codec in (declared, "utf-8"):
        if codec:
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                continue
    return data.decode("cp1252", errors="replace")  # five bytes are undefined in Windows-1252


def _declared_charset(head: bytes) -> str:
    """The codec the meta tag names, if Python knows it ('' otherwise); Latin-1 read as browsers do."""
    match = _META_CHARSET.search(head)
    if not match:
        return ""
    label = match.group(1).decode("ascii").lower()
    if label in _AS_CP1252:
        return "cp1252"
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return ""
    return "" if name.startswith("utf-16") else name  # an ASCII-compatible file cannot be UTF-16


class _Reader:
    """Walks the HTML tree, ending a paragraph at each block boundary and line break."""

    def __init__(self, path: str) -> None:
        self.budget = TextBudget(path)
        self.paragraphs: list[Paragraph] = []
        self.line = Line()
        self.part = "body"
        self.heading = 0  # the level of the heading being read, 0 outside headings

    def flush(self) -> None:
        """End the paragraph being read (nothing happens if it has no text)."""
        line, self.line = self.line, Line()
        text = line.text()
        if not text.strip():
            return
        self.budget.spend(text)
        heading = self.heading or (self.part == "body" and line.all_bold()
                                   and len(text.split()) <= _BOLD_HEADING_WORDS)
        self.paragraphs.append(trimmed_paragraph(
            len(self.paragraphs), text, line.italic_spans(), line.links, style=f"Heading {self.heading}"
            if self.heading else "", part=self.part, is_heading=bool(heading)))

    # Recursion depth is bounded by libxml2's HTML parser, which nests no deeper than 256 levels.
    def block(self, element, part: str, italic: bool, bold: bool, pre: bool = False) -> None:
        """Read ``element``, which starts and ends a paragraph when it is a block."""
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in _SKIPPED or _hidden(element):
            return
        if tag in ("td", "th", "caption"):
            part = "table"
        italic, bold = _flags(element, tag, italic, bold)
        is_block = tag in _BLOCKS
        if is_block:
            self.flush()
            self.part = part
        level = _HEADINGS.get(tag, 0)
        if level:
            self.heading = level
        pre = pre or tag == "pre"
        line, start = self.line, self.line.size
        if tag == "br":
            self.flush()
        elif tag == "q":
            self.line.add_markup("\u201c", italic, bold)
        self._text(element.text, italic, bold, pre)
        for child in element:
            self.block(child, part, italic, bold, pre)
            self.part = part
            self._text(child.tail, italic, bold, pre)
        if tag == "q":
            self.line.add_markup("\u201d", italic, bold)
        href = element.get("href", "").strip() if tag == "a" else ""
        if _is_web_link(href) and self.line is line and line.size > start:  # a <br> inside ends the link
            line.links.append((start, line.size, href))
        if is_block:
            self.flush()
        if level:
            self.heading = 0

    def _text(self, text: str | None, italic: bool, bold: bool, pre: bool) -> None:
        if not text:
            return
        if not pre:
            self.line.add_markup(text, italic, bold)
            return
        lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        for number, piece in enumerate(lines):
            if number:
                self.flush()
            self.line.add(piece.replace("\t", " "), italic, bold)


def _flags(element, tag: str, italic: bool, bold: bool) -> tuple[bool, bool]:
    """Italic and bold inside ``element``: its tag, then its inline style (which wins)."""
    italic = italic or tag in _ITALIC_TAGS
    bold = bold or tag in _BOLD_TAGS or tag in _HEADINGS or tag == "th"
    style = element.get("style", "")
    if style:
        found = _STYLE_ITALIC.findall(style)
        if found:
            italic = found[-1].lower() != "normal"
        weight = _STYLE_BOLD.findall(style)
        if weight:
            value = weight[-1].lower()
            bold = value in ("bold", "bolder") or value.isdigit() and int(value) >= 600
    return italic, bold


def _is_web_link(href: str) -> bool:
    """Whether an href points outside the page (not "#top", not a script)."""
    return bool(href) and not href.startswith("#") and not href.lower().startswith(("javascript:", "data:"))


def _hidden(element) -> bool:
    """Whether the element is not shown: the hidden attribute, aria-hidden, or an inline style hiding it."""
    if element.get("hidden") is not None or element.get("aria-hidden", "").lower() == "true":
        return True
    return bool(_STYLE_HIDDEN.search(element.get("style", "")))
