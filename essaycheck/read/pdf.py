"""PDF with a text layer (as a word processor exports it): paragraphs rebuilt from the characters.

PDFium (pypdfium2) gives each character with its box, baseline, size and font. Lines are
grouped by baseline; running headers, footers and page numbers (the same text at the same
height on most pages, "3", "Page 3 of 9") are dropped; paragraphs start at a larger vertical
gap, at a first-line indent, where a hanging indent starts again (a reference list: each entry
at the margin, its other lines indented) and around a heading (a short line standing alone,
bold or larger than the body text). Lines are joined with a space, except:

- a URL or DOI broken over lines is joined without one;
- a hyphen at a line end after a letter is kept, with no space, when the next line starts with a
  capital or a digit ("COVID-" / "19"), when the word before it already holds a hyphen
  ("face-to-" / "face"), is a single letter ("e-" / "learning") or is a prefix that is always
  hyphenated (``KEEP_HYPHEN_PREFIXES``: self-, well-, non-, …); otherwise it breaks a word and
  is dropped ("hyphen-" / "ation" gives "hyphenation");
- a dash (– —) at a line end joins without a space.

Italics come from the font (its name or PDFium's italic flag), links from URI link annotations.
Out of scope: two-column layouts (lines are read across the page, top to bottom) and text in
tables read cell by cell. Every failure is an :class:`InputError` with one line.
"""

from __future__ import annotations

import ctypes
import re
import threading
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from ..errors import InputError
from .collector import collector_paused
from ..model import Paragraph
from .paragraphs import TextBudget, too_much_text, trimmed_paragraph

__all__ = ["PdfLayout", "pdf_layout", "pdf_paragraphs", "MAX_PDF_PAGES", "KEEP_HYPHEN_PREFIXES"]

MAX_PDF_PAGES = 300  # a long thesis has about 200 pages; beyond that it is not an essay
MAX_PDF_CHARS = 3_000_000  # characters PDFium may report in the whole file (the text budget counts the rest)
# Prefixes written with a hyphen that hyphenation rarely leaves at a line end on their own
# (not "re", "pre", "ex", "multi", "low": "re-search", "pre-sent", "ex-ample" break real words).
KEEP_HYPHEN_PREFIXES = frozenset({"self", "well", "non", "half", "all", "anti", "quasi"})
_HEADING_WORDS = 12  # as in the .docx reader: a whole-bold paragraph this short, standing alone, is a heading
_ITALIC_FLAG = 1 << 6  # PDF font descriptor flag "Italic" (bit 7)
_FORCE_BOLD_FLAG = 1 << 18  # "ForceBold" (bit 19)
_ITALIC_NAME = re.compile(r"italic|oblique|kursiv", re.IGNORECASE)
_BOLD_NAME = re.compile(r"bold|black|heavy|semibold|demi", re.IGNORECASE)
_PAGE_NUMBER = re.compile(r"(?:page\s*)?[-–—]?\s*(?:\d{1,4}|[ivxlc]{1,6})\s*[-–—]?(?:\s*(?:of|/)\s*\d{1,4})?",
                          re.IGNORECASE)
_URL_START = re.compile(r"[(\[<\"“]?(?:https?:|www\.|doi:|doi\.org/|dx\.doi\.org/|10\.\d{4,9}/)", re.IGNORECASE)
# The start of a reference entry, roughly: a list number, names, then a year in brackets soon after (the
# reader only needs to tell a new entry from a line that goes on; the parser, references/split.py, decides)
_ENTRY_START = re.compile(r"(?:\[?\d{1,3}[.)\]]\s+|[\u2022\u25cf]\s+)?[A-Z\u00c0-\u017f][\w'\u2019.-]*"
                          r"(?:[ ,]+[\w'\u2019.&-]+){0,25}?[ ,]*\((?:(?:1[5-9]|20)\d\d|n\.\s?d\.)")
_LIST_HEADING = re.compile(r"(?:references?|reference list|bibliography|works cited|sources)\s*:?", re.IGNORECASE)
_URL_CHARS = set("/.-_=?&#%~:")
_HYPHENS = {"-", "\u2010", "\u2011", "\u00ad"}
_PDFIUM_HYPHENS = {"\ufffe", "\x02"}  # how PDFium reports a hyphen it found at a line end
_HYPHENS_TO_ASCII = str.maketrans({hyphen: "-" for hyphen in _PDFIUM_HYPHENS})
_DASHES = {"\u2013", "\u2014"}
_SPACES = {" ", "\t", "\xa0", "\u2002", "\u2003", "\u2009", "\u202f"}
_CR_LF = {"\r", "\n"}

Box = tuple[int, float, float, float, float]  # page index, left, bottom, right, top (PDF points)


@dataclass(frozen=True)
class PdfLayout:
    """The paragraphs of a PDF and, for each paragraph, the box of each character of its text
    (``boxes[i][offset]``); None for a character the reader inserted (a joining space)."""

    paragraphs: tuple[Paragraph, ...]
    boxes: tuple[tuple[Box | None, ...], ...]


def pdf_paragraphs(data: bytes, path: str) -> tuple[Paragraph, ...]:
    """The paragraphs of the PDF in ``data``, in reading order."""
    return pdf_layout(data, path).paragraphs


def pdf_layout(data: bytes, path: str) -> PdfLayout:
    """The paragraphs of the PDF in ``data`` with the position of each character; deterministic.

    The last layout read is kept: annotating a PDF just checked needs the same layout again."""
    with _PDFIUM:
        if _last and _last[0] == data:
            return _last[1]
        with collector_paused():  # an object per character
            layout = _read_layout(data, path)
        _last[:] = [data, layout]
        return layout


_PDFIUM = threading.Lock()  # PDFium is not thread-safe: one PDF at a time per process (essaycheck serve)
_last: list = []  # [bytes, PdfLayout] of the last PDF read in this process


def _read_layout(data: bytes, path: str) -> PdfLayout:
    if b"%%EOF" not in data[-4096:]:
        raise InputError(f"{path} is an incomplete PDF (the end of the file is missing, so it was cut off while "
                         "being saved, uploaded or downloaded). Download or export it again.")
    try:
        pages, links, body_size = _read_pages(data, path)
        return _assemble(pages, links, body_size, path)
    except InputError:
        raise
    except Exception as error:  # a reader of untrusted files must never end in a traceback
        raise _damaged(path, f"{type(error).__name__}: {error}") from error


def _damaged(path: str, detail: str) -> InputError:
    detail = " ".join(detail.split())[:200]
    return InputError(f"{path} is a damaged PDF that cannot be read ({detail}). Export it from your word "
                      "processor again, or hand in the .docx.")


# --- characters from PDFium ------------------------------------------------------------------


@dataclass(slots=True)  # thousands a page
class _Char:
    text: str
    box: Box | None
    baseline: float = 0.0
    size: float = 0.0
    italic: bool = False
    bold: bool = False


@dataclass
class _Line:
    page: int
    chars: list[_Char]
    baseline: float
    left: float
    right: float
    size: float
    bold: bool
    page_height: float = 0.0
    furniture: bool = False
    tabular: bool = False  # cells side by side: a gap far wider than a space between two pieces of text
    pieces: int = 1  # how many pieces those gaps make

    @cached_property
    def text(self) -> str:
        """The line's text (its characters are not changed once the line is made)."""
        return "".join(char.text for char in self.chars)


def _open(data: bytes, path: str):
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        if error.err_code == raw.FPDF_ERR_PASSWORD:
            raise InputError(f"{path} is protected with a password, so it cannot be read. Export the PDF again "
                             "without a password, or hand in the .docx.") from None
        raise _damaged(path, str(error)) from None


def _read_pages(data: bytes, path: str) -> tuple[list[list[_Line]], dict[int, list], float]:
    """The lines of every page, the URI links by page ((left, bottom, right, top), url) and the body
    text's font size."""
    import pypdfium2 as pdfium

    document = _open(data, path)
    try:
        count = len(document)
        if count > MAX_PDF_PAGES:
            raise InputError(f"{path} has {count} pages; essaycheck reads PDFs of up to {MAX_PDF_PAGES} pages. "
                             "Check that you picked the right file.")
        pages, links, sizes, total = [], {}, Counter(), 0
        fonts: dict = {}
        for index in range(count):
            page = document[index]
            try:
                height = page.get_height()
                textpage = page.get_textpage()
                try:
                    chars = _page_chars(textpage, index, fonts)
                finally:
                    textpage.close()
                found = _page_links(document, page)
                if found:
                    links[index] = found
            except pdfium.PdfiumError as error:
                raise _damaged(path, f"page {index + 1}: {error}") from None
            finally:
                page.close()
            total += len(chars)
            if total > MAX_PDF_CHARS:
                raise too_much_text(path)
            sizes.update(char.size for char in chars if char.box is not None and not char.text.isspace())
            pages.append(_page_lines(chars, index, height))
    finally:
        document.close()
    sizes = _rounded(sizes, 0.5)
    if not sizes:
        raise InputError(f"{path} is a scanned image with no text in it (no text layer): essaycheck needs the text. "
                         "Hand in the PDF your word processor exported, or the .docx.")
    return pages, links, sizes.most_common(1)[0][0]


def _page_chars(textpage, page: int, fonts: dict) -> list[_Char]:
    """Every character PDFium found on the page, in content order; generated ones have no box."""
    import pypdfium2.raw as raw

    handle = textpage.raw
    rect = raw.FS_RECTF()
    unicode, generated = raw.FPDFText_GetUnicode, raw.FPDFText_IsGenerated
    # Two calls made for every character, through plain-address prototypes: pypdfium2's own wrap
    # each pointer in an object, which costs more than PDFium's work here.
    loose_box, text_object = _fast_calls()
    page_address, rect_address = ctypes.cast(handle, ctypes.c_void_p).value, ctypes.addressof(rect)
    objects: dict[int | None, tuple[float, bool, bool]] = {}  # size and style per text object: few per page
    chars = []
    count = raw.FPDFText_CountChars(handle)
    texts = _page_text(handle, count)
    if texts is None:
        texts = "".join(chr(code) if 0 < code < 0x110000 and not 0xD800 <= code < 0xE000 else "\ufffd"
                        for code in (unicode(handle, i) for i in range(count)))
    for i, text in enumerate(texts.translate(_HYPHENS_TO_ASCII).replace("\x00", "\ufffd")):
        if text in " \r\n" and generated(handle, i) == 1:
            chars.append(_Char("\n" if text in _CR_LF else " ", None))
            continue
        loose_box(page_address, i, rect_address)  # its bottom stands for the baseline: the descent below it
        key = text_object(page_address, i)
        style = objects.get(key)
        if style is None:
            style = objects[key] = (raw.FPDFText_GetFontSize(handle, i), *_font_style(handle, i, fonts))
        chars.append(_Char(text, (page, rect.left, rect.bottom, rect.right, rect.top), rect.bottom, *style))
    return chars


_FAST_CALLS: list = []


def _fast_calls():
    """FPDFText_GetLooseCharBox and FPDFText_GetTextObject taking and giving plain addresses."""
    if not _FAST_CALLS:
        import pypdfium2.raw as raw

        def address_of(function) -> int:
            return ctypes.cast(function, ctypes.c_void_p).value

        stdcall = type(raw.FPDFText_GetLooseCharBox)._flags_ & getattr(ctypes, "_FUNCFLAG_STDCALL", 0)
        prototype = ctypes.WINFUNCTYPE if stdcall else ctypes.CFUNCTYPE  # the library's own convention
        box = prototype(ctypes.c_int, ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p)
        found = prototype(ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int)
        _FAST_CALLS[:] = [box(address_of(raw.FPDFText_GetLooseCharBox)),
                          found(address_of(raw.FPDFText_GetTextObject))]
    return _FAST_CALLS


def _page_text(handle, count: int) -> str | None:
    """Every character of the page in one call (PDFium's UTF-16, one unit a character); None when
    the page has characters beyond the BMP, whose surrogate pairs break that count."""
    import pypdfium2.raw as raw

    if count <= 0:
        return ""
    buffer = ctypes.create_string_buffer((count + 1) * 2)
    written = raw.FPDFText_GetText(handle, 0, count, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort)))
    data = buffer.raw[:max(0, written - 1) * 2]
    if len(data) != 2 * count or any(0xD800 <= unit < 0xE000 for unit in memoryview(data).cast("H")):
        return None
    return data.decode("utf-16-le")


def _font_style(handle, index: int, fonts: dict) -> tuple[bool, bool]:
    """(italic, bold) for the font of character ``index``, from its name, flags and weight."""
    import pypdfium2.raw as raw

    name, flags = ctypes.create_string_buffer(256), ctypes.c_int()
    length = raw.FPDFText_GetFontInfo(handle, index, name, 256, flags)
    key = (name.raw[:max(0, min(length, 256) - 1)], flags.value, raw.FPDFText_GetFontWeight(handle, index))
    if key not in fonts:
        font = key[0].decode("latin-1")
        fonts[key] = (bool(_ITALIC_NAME.search(font) or key[1] & _ITALIC_FLAG),
                      bool(_BOLD_NAME.search(font) or key[1] & _FORCE_BOLD_FLAG or key[2] >= 600))
    return fonts[key]


def _page_links(document, page) -> list[tuple[tuple, str]]:
    """The page's link annotations that open a URI: ((left, bottom, right, top), url)."""
    import pypdfium2.raw as raw

    found, position = [], ctypes.c_int(0)
    link, rect = raw.FPDF_LINK(), raw.FS_RECTF()
    buffer = ctypes.create_string_buffer(2048)
    while raw.FPDFLink_Enumerate(page.raw, position, link):
        action = raw.FPDFLink_GetAction(link)
        if not action or raw.FPDFAction_GetType(action) != raw.PDFACTION_URI:
            continue
        length = raw.FPDFAction_GetURIPath(document.raw, action, buffer, len(buffer))
        if not 1 < length <= len(buffer) or not raw.FPDFLink_GetAnnotRect(link, rect):
            continue
        url = buffer.raw[:length - 1].decode("latin-1").strip()
        box = (min(rect.left, rect.right), min(rect.bottom, rect.top), max(rect.left, rect.right),
               max(rect.bottom, rect.top))
        found.append((box, url))
    return found


# --- lines -----------------------------------------------------------------------------------


def _page_lines(chars: list[_Char], page: int, height: float) -> list[_Line]:
    """The page's lines, top to bottom: characters grouped by baseline, spaces normalised."""
    fragments: list[list[_Char]] = []
    current: list[_Char] = []
    baseline, line_size = None, 0.0
    for char in chars:
        if char.text == "\n":
            if current:
                fragments.append(current)
            current, baseline = [], None
            continue
        if char.box is not None and not char.text.isspace():
            # a superscript or subscript (smaller, a little off the baseline) stays on its line
            if baseline is not None and abs(char.baseline - baseline) > 0.5 * max(char.size, line_size, 4.0):
                fragments.append(current)
                current = []
            if not current or baseline is None:
                baseline, line_size = char.baseline, char.size
        current.append(char)
    if current:
        fragments.append(current)
    lines = [line for line in (_line(fragment, page, height) for fragment in fragments) if line is not None]
    lines.sort(key=lambda line: (-round(line.baseline, 1), line.left))
    merged: list[_Line] = []
    for line in lines:  # pieces on one baseline (a header and its page number) make one line
        if merged and abs(merged[-1].baseline - line.baseline) <= 0.3 * max(line.size, 4.0):
            previous = merged[-1]
            joined = _line(previous.chars + [_Char(" ", None)] + line.chars, page, height)
            merged[-1] = joined
        else:
            merged.append(line)
    return merged


def _line(chars: list[_Char], page: int, height: float) -> _Line | None:
    """A line from its characters: runs of spaces made one space, no space at either end."""
    cleaned: list[_Char] = []
    for char in chars:
        if char.text in _SPACES or char.text.isspace():
            if cleaned and cleaned[-1].text != " ":
                cleaned.append(_Char(" ", char.box, char.baseline, char.size, char.italic, char.bold))
        elif char.text not in ("\x00", "\ufeff", "\u00ad") or char is chars[-1]:
            cleaned.append(char)  # a soft hyphen shows only at a line end
    while cleaned and cleaned[-1].text == " ":
        cleaned.pop()
    inked = [char for char in cleaned if char.box is not None and char.text != " "]
    if not inked:
        return None
    sizes = _rounded(Counter(char.size for char in inked), 0.1)
    size = sizes.most_common(1)[0][0]
    # a table row: a gap far wider than a space, and the gaps unequal (a justified line stretches them alike)
    gaps = [b.box[1] - a.box[3] for a, b in zip(inked, inked[1:]) if b.box[1] - a.box[3] > 0.15 * size]
    tabular = bool(gaps) and max(gaps) > 2 * size and (len(gaps) == 1 or max(gaps) > 1.8 * min(gaps))
    return _Line(page, cleaned, baseline=inked[0].baseline, left=min(char.box[1] for char in inked),
                 right=max(char.box[3] for char in inked), size=size,
                 bold=all(char.bold for char in inked if char.text.isalnum()) and any(c.text.isalnum() for c in inked),
                 page_height=height, tabular=tabular, pieces=len(gaps) + 1)


def _rounded(sizes: Counter, step: float) -> Counter:
    """Font sizes counted exactly, regrouped to the nearest ``step`` (rounding each size once, not each character)."""
    grouped: Counter = Counter()
    for size, count in sizes.items():
        grouped[round(round(size / step) * step, 1)] += count
    return grouped


def _in_margin(line: _Line) -> bool:
    """Whether the line stands within an inch of the top or bottom of its page, in the margin where
    word processors put headers and footers (the text itself starts below a 1-inch margin)."""
    return line.baseline > line.page_height - 72 or line.baseline < 72


def _mark_furniture(pages: list[list[_Line]]) -> None:
    """Mark running headers, footers and page numbers: going in from the top and from the bottom
    of each page (two lines at most), lines that repeat at the same height on most pages (digits
    aside) or look like a page number near the page's edge, and stand apart from the text."""
    def key(line: _Line) -> tuple:
        # measured from the nearer edge (landscape pages too), digits aside ("TITLE 1" and "TITLE" above "2")
        top = line.baseline > line.page_height / 2
        edge = round((line.page_height - line.baseline if top else line.baseline) / 3)
        return top, edge, " ".join(re.sub(r"\d+", " ", line.text.lower()).split())

    edges = [page[:2] + page[-2:] if len(page) > 4 else page for page in pages]
    seen = Counter(k for lines in edges for k in {key(line) for line in lines})
    needed = max(2, (len(pages) + 1) // 2)

    def furniture(line: _Line) -> bool:
        near_edge = line.baseline > 0.85 * line.page_height or line.baseline < 0.15 * line.page_height
        return (len(pages) > 1 and seen[key(line)] >= needed) or bool(near_edge and _PAGE_NUMBER.fullmatch(line.text))

    for page in pages:
        inner = page[1:-1]  # the text's own line spacing, without the gaps to headers and footers
        gaps = Counter(round(a.baseline - b.baseline) for a, b in zip(inner, inner[1:]))
        limit = 1.2 * gaps.most_common(1)[0][0] + 1 if gaps else 0.0
        for lines in (page[:3], page[::-1][:3]):
            run = 0
            while run < min(2, len(lines)) and furniture(lines[run]):
                run += 1
            # furniture (one or two lines) stands apart from the text, unless it sits in the page's
            # margin, where a header above double-spaced text is no further from it than a line
            while (run and run < len(lines) and not _in_margin(lines[run - 1])
                   and abs(lines[run - 1].baseline - lines[run].baseline) <= limit):
                run -= 1
            for line in lines[:run]:
                line.furniture = True


# --- paragraphs ------------------------------------------------------------------------------


@dataclass
class _Geometry:
    """What the body text looks like: its margin, right edge, line pitch and font size."""

    margin: float
    right: float
    pitch: float
    size: float
    page_pitches: dict[int, float] = field(default_factory=dict)  # a page's own, where it differs
    rights: dict[float, float] = field(default_factory=dict)  # page height -> right edge (landscape pages differ)
    tolerance: float = field(init=False)

    def __post_init__(self) -> None:
        self.tolerance = max(2.0, 0.3 * self.size)

    def right_for(self, line: _Line) -> float:
        """The right edge of the text on pages shaped like ``line``'s (portrait or landscape)."""
        return self.rights.get(round(line.page_height), self.right)

    def pitch_on(self, page: int) -> float:
        """The line pitch of the text on ``page``: a reference list is often spaced otherwise than the body."""
        return self.page_pitches.get(page, self.pitch)

    @property
    def width(self) -> float:
        return max(self.right - self.margin, 1.0)

    def indented(self, line: _Line) -> bool:
        return line.left > self.margin + self.tolerance


def _geometry(lines: list[_Line], body_size: float) -> _Geometry:
    body = [line for line in lines if abs(line.size - body_size) <= 1] or lines
    lefts = Counter(round(line.left) for line in body)
    # the leftmost position many lines share (a long reference list indents most of its lines)
    margin = min((left for left, count in lefts.items() if count >= max(2, 0.1 * len(body))),
                 default=lefts.most_common(1)[0][0])
    margin = min(line.left for line in body if abs(line.left - margin) <= 1.5)
    rights = sorted(line.right for line in body)
    right = rights[int(0.9 * (len(rights) - 1))]
    drops = [(a.page, round(a.baseline - b.baseline)) for a, b in zip(body, body[1:])
             if a.page == b.page and 0 < a.baseline - b.baseline < 4 * body_size]
    pitches = Counter(drop for _, drop in drops)
    pitch = float(pitches.most_common(1)[0][0]) if pitches else 1.5 * body_size
    by_page: dict[int, Counter] = {}
    for page, drop in drops:
        by_page.setdefault(page, Counter())[drop] += 1
    page_pitches = {page: float(counts.most_common(1)[0][0]) for page, counts in by_page.items()
                    if counts.most_common(1)[0][1] >= 3}
    by_shape: dict[float, list[float]] = {}
    for line in body:
        by_shape.setdefault(round(line.page_height), []).append(line.right)
    rights = {shape: sorted(found)[int(0.9 * (len(found) - 1))] for shape, found in by_shape.items()
              if len(found) >= 8}
    return _Geometry(margin, right, pitch, body_size, page_pitches, rights)


def _heading_like(line: _Line, geometry: _Geometry) -> bool:
    return line.bold or line.size > geometry.size + 1


def _starts_paragraph(line: _Line, current: list[_Line], geometry: _Geometry, in_list: bool) -> bool:
    """Whether ``line`` begins a new paragraph after the lines of ``current``; ``in_list``: inside a
    reference list, where every line at the margin starts an entry."""
    previous = current[-1]
    if line.tabular or previous.tabular:  # a table's row: its own paragraph (the PDF does not say where cells wrap)
        return True
    if line.page == previous.page:
        drop = previous.baseline - line.baseline
        if drop <= 0 or drop > 1.3 * max(geometry.pitch, geometry.pitch_on(line.page)) + 1:
            return True
    if _heading_like(line, geometry) != _heading_like(previous, geometry):
        return True
    if _heading_like(line, geometry):  # a heading goes on to a second line only after a long first one
        return abs(line.size - previous.size) > 1 or previous.right - previous.left < 0.6 * geometry.width
    tolerance = geometry.tolerance
    wrapped = _wrapped(previous, line, geometry)
    if len(current) >= 2:  # the paragraph's shape is set by its second line: the rest follow it
        block = abs(current[0].left - current[1].left) <= tolerance  # no indent tells where the next one starts
        return abs(line.left - current[1].left) > tolerance or (block and not wrapped)
    if abs(line.left - previous.left) <= tolerance:  # block paragraphs (or a block quote)
        # in a reference list, a new entry starts at the margin even after a full line, when the
        # line reads like an entry's start (an entry of one full line, then the next); otherwise
        # the entry goes on (a list whose entries have no hanging indent)
        return not wrapped or (in_list and not geometry.indented(line) and bool(_ENTRY_START.match(line.text)))
    if geometry.indented(previous) and geometry.indented(line):
        # an indented list's hanging indent (the number, then its text further in) goes on when wrapped
        return line.left < previous.left or not wrapped
    return not wrapped  # first-line indent then the margin, or margin then a hanging indent


def _wrapped(previous: _Line, line: _Line, geometry: _Geometry) -> bool:
    """Whether ``line`` holds what did not fit on ``previous``: ``previous`` ends in a hyphen or dash
    after a letter or digit, or in a URL that ``line`` goes on with, or the first word of ``line``
    would have passed the right edge of the text there (a paragraph's last line has room left)."""
    ending = previous.text[-2:]
    if len(ending) == 2 and ending[1] in _HYPHENS | _DASHES and ending[0].isalnum():
        return True
    token = previous.text.rsplit(" ", 1)[-1]
    if _URL_START.match(token) and _url_goes_on(token, line.text):
        return True
    end = next((i for i, char in enumerate(line.chars) if char.text == " "), len(line.chars))
    inked = [char.box for char in line.chars[:end] if char.box is not None]
    word = max(box[3] for box in inked) - min(box[1] for box in inked) if inked else 0.0
    return previous.right + 0.25 * line.size + word > geometry.right_for(previous) + 1


def _list_goes_on(group: list[_Line], geometry: _Geometry, in_list: bool) -> bool:
    """Whether the paragraph after ``group`` is in a reference list: from a reference-list heading
    to the next heading. (Without that heading, an entry of one full line may take in the next.)"""
    if all(_heading_like(line, geometry) for line in group):
        return bool(_LIST_HEADING.fullmatch(" ".join(line.text for line in group).strip()))
    return in_list


def _hanging_list(lines: list[_Line], geometry: _Geometry) -> bool:
    """Whether the reference list (the lines after its heading) sets its entries with a hanging
    indent. A list of block entries, told apart by the space between them, is read like the body."""
    start = next((i for i, line in enumerate(lines)
                  if _heading_like(line, geometry) and _LIST_HEADING.fullmatch(line.text.strip())), None)
    if start is None:
        return True
    listed = [line for line in lines[start + 1:] if not _heading_like(line, geometry)]
    return sum(geometry.indented(line) for line in listed) >= 0.2 * len(listed)


def _assemble(pages: list[list[_Line]], links, body_size: float, path: str) -> PdfLayout:
    _mark_furniture(pages)
    lines = [line for page in pages for line in page if not line.furniture]
    if not lines:
        raise InputError(f"{path} has no text in it apart from page headers and numbers. Check that you picked "
                         "the right file.")
    geometry = _geometry(lines, body_size)
    for line in lines:  # two words of a justified line, the second a long link, stretched to the right edge
        if line.tabular and line.pieces == 2 and abs(line.right - geometry.right_for(line)) <= 2:
            line.tabular = False
    hanging = _hanging_list(lines, geometry)
    groups: list[list[_Line]] = []
    in_list = False
    for line in lines:
        if groups and not _starts_paragraph(line, groups[-1], geometry, in_list):
            groups[-1].append(line)
            continue
        if groups:
            in_list = hanging and _list_goes_on(groups[-1], geometry, in_list)
        groups.append([line])
    budget = TextBudget(path)
    paragraphs, boxes = [], []
    for group in groups:
        chars = _joined(group)
        text = "".join(char.text for char in chars)
        budget.spend(text)
        words = len(text.split())
        heading = all(_heading_like(line, geometry) for line in group) and words <= _HEADING_WORDS
        paragraph = trimmed_paragraph(len(paragraphs), text, italic=_italic_spans(chars),
                                      links=_link_spans(chars, links), is_heading=heading,
                                      part="table" if group[0].tabular else "body")
        if paragraph is None:
            continue
        shift = len(text) - len(text.lstrip())
        paragraphs.append(paragraph)
        boxes.append(tuple(char.box for char in chars[shift:shift + len(paragraph.text)]))
    return PdfLayout(tuple(paragraphs), tuple(boxes))


def _joined(group: list[_Line]) -> list[_Char]:
    """The characters of a paragraph's lines, joined as described in the module docstring."""
    chars: list[_Char] = list(group[0].chars)
    token = group[0].text.rsplit(" ", 1)[-1]  # the text after the last space so far
    for line in group[1:]:
        following = line.text
        last = chars[-1].text if chars else ""
        size = len(chars)
        if _URL_START.match(token) and _url_goes_on(token, following):
            pass
        elif last in _HYPHENS and len(token) > 1 and token[-2].isalpha():
            if last == "\u00ad" or not _keeps_hyphen(token[:-1], following):
                chars.pop()
        elif last in _DASHES:
            pass
        else:
            chars.append(_Char(" ", None, italic=bool(chars) and chars[-1].italic and line.chars[0].italic))
        joined = len(chars) < size or chars[-1].text != " "
        token = (token[:len(token) - (size - len(chars))] if joined else "") + following
        token = token.rsplit(" ", 1)[-1]
        chars += line.chars
    return chars


def _keeps_hyphen(stem: str, following: str) -> bool:
    """Whether a hyphen at a line end after ``stem`` belongs to the word (see the module docstring)."""
    first = following[:1]
    word = stem.lstrip("([{\"'“‘")
    return (first.isupper() or first.isdigit() or "-" in word or len(word) == 1
            or word.lower() in KEEP_HYPHEN_PREFIXES)


def _url_goes_on(token: str, following: str) -> bool:
    """Whether the next line continues the URL or DOI that ends this one."""
    first = following.split(" ", 1)[0]
    if not first:
        return False
    if token[-1] in _URL_CHARS - {"."}:
        return True
    starts_small = first[0].islower() or first[0].isdigit()
    if token[-1] == ".":
        return starts_small
    return starts_small and (any(c in _URL_CHARS for c in first[:-1]) or any(c.isdigit() for c in first))


def _italic_spans(chars: list[_Char]) -> list[tuple[int, int]]:
    """Spans of italic characters; a space between two italic characters counts as italic."""
    flags = [char.italic for char in chars]
    for i, char in enumerate(chars):
        if char.text == " " and 0 < i < len(chars) - 1 and flags[i - 1] and chars[i + 1].italic:
            flags[i] = True
    spans, start = [], None
    for i, italic in enumerate(flags + [False]):
        if italic and start is None:
            start = i
        elif not italic and start is not None:
            spans.append((start, i))
            start = None
    return spans


def _link_spans(chars: list[_Char], links) -> list[tuple[int, int, str]]:
    """Spans of characters under a URI link annotation; a link broken over lines gives one span."""
    spans: list[tuple[int, int, str]] = []
    for i, char in enumerate(chars):
        if char.box is None or char.text == " " or char.box[0] not in links:
            continue
        page, left, bottom, right, top = char.box
        x, y = (left + right) / 2, (bottom + top) / 2
        url = next((u for (l, b, r, t), u in links[page] if l <= x <= r and b <= y <= t), None)
        if url is None:
            continue
        if spans and spans[-1][2] == url and i - spans[-1][1] <= 1:  # one space or joint between parts
            spans[-1] = (spans[-1][0], i + 1, url)
        else:
            spans.append((i, i + 1, url))
    return spans
