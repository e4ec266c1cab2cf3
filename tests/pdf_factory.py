r"""Build real text-layer PDFs for tests, the way a word processor exports an APA essay.

:func:`build_pdf` lays out body paragraphs (first-line indent 0.5 in, double spaced,
Times-Roman 12 pt), headings (bold, centred) and a "References" list (hanging indent
0.5 in) on US Letter pages with 1 in margins, a running header and page numbers. Text
is given as strings with ``*asterisks*`` around italic runs and ``# `` before a heading,
or as :class:`essaycheck.model.Paragraph` values (italic spans, links, ``is_heading``).
Long words are broken at line ends with a hyphen (``hyphenate=True``), compounds after
their own hyphen, URLs after a ``/``, ``.`` or ``-``; a ``\n`` in a string ends the line there
(``"hyphen-\nation"`` puts "hyphen-" at a line end). Links become URI link annotations.

Example::

    build_pdf(tmp_path / "essay.pdf", ["Text (Smith, 2020)."], references=["Smith, J. (2020). *Title*. Pub."])
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from reportlab.lib.pagesizes import letter
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

from essaycheck.model import Paragraph
from essaycheck.read.pdf import KEEP_HYPHEN_PREFIXES

INCH = 72.0
SIZE, LEADING = 12.0, 24.0
FONTS = {(False, False): "Times-Roman", (True, False): "Times-Italic", (False, True): "Times-Bold",
         (True, True): "Times-BoldItalic"}
_URL = re.compile(r"(?:https?://|www\.|doi:)\S+")


@dataclass
class _Char:
    text: str
    italic: bool = False
    bold: bool = False
    url: str = ""


@dataclass
class _Line:
    chars: list[_Char]
    x: float
    centred: bool = False
    gap_before: float = 0.0


@dataclass
class _Block:
    chars: list[_Char]
    heading: bool = False
    hanging: bool = False
    lines: list[_Line] = field(default_factory=list)


def build_pdf(path, paragraphs: Sequence, *, references: Sequence = (), header: str = "",
              page_numbers: bool | str = True, hyphenate: bool = True, encrypt: str | None = None,
              scanned: bool = False, link_urls: bool = True, references_heading: str = "References",
              indent: bool = True, gap: float = 0.0) -> Path:
    """Write an essay PDF at ``path`` and return it as a Path.

    ``page_numbers``: True for a bare number at the top right (APA), ``"bottom"`` for
    "Page N of M" centred at the foot, False for none. ``encrypt``: a user password.
    ``scanned``: pages carry only a picture of text, no text layer. ``link_urls``: URLs in
    string paragraphs get link annotations. ``indent=False`` sets body paragraphs flush left (block
    style); ``gap`` adds that many points between paragraphs.
    """
    blocks = [_block(item, link_urls=link_urls) for item in paragraphs]
    if references:
        blocks.append(_block("# " + references_heading, link_urls=False))
        blocks += [_block(item, hanging=True, link_urls=link_urls) for item in references]
    width, height = letter
    text_width = width - 2 * INCH
    for block in blocks:
        block.lines = _break_lines(block, text_width, hyphenate, indent)
    pages = _paginate(blocks, height, gap)
    target = Path(path)
    buffer = io.BytesIO()
    options = {}
    if encrypt is not None:
        from reportlab.lib.pdfencrypt import StandardEncryption

        options["encrypt"] = StandardEncryption(encrypt, ownerPassword=encrypt + "-owner", strength=128)
    pdf = canvas.Canvas(buffer, pagesize=letter, invariant=1, **options)
    for number, lines in enumerate(pages, start=1):
        if scanned:
            _draw_picture(pdf, lines, width, height)
        else:
            _draw_page(pdf, lines, width, height)
            _draw_furniture(pdf, header, page_numbers, number, len(pages), width, height)
        pdf.showPage()
    pdf.save()
    target.write_bytes(buffer.getvalue())
    return target


# --- paragraphs to characters ---------------------------------------------------------


def _block(item, *, hanging: bool = False, link_urls: bool = True) -> _Block:
    if isinstance(item, Paragraph):
        chars = [_Char(c) for c in item.text]
        for start, end in item.italic:
            for char in chars[start:end]:
                char.italic = True
        for link in item.links:
            for char in chars[link.start:link.end]:
                char.url = link.url
        heading = item.is_heading
    else:
        heading = item.startswith("# ")
        text = item[2:] if heading else item
        chars, italic = [], False
        for character in text:
            if character == "*":
                italic = not italic
            else:
                chars.append(_Char(character, italic))
        if link_urls:
            plain = "".join(c.text for c in chars)
            for match in _URL.finditer(plain):
                url = match.group().rstrip(".,;)")
                for char in chars[match.start():match.start() + len(url)]:
                    char.url = url if not url.startswith("doi:") else "https://doi.org/" + url[4:]
    for char in chars:
        char.bold = heading
    return _Block(chars, heading=heading, hanging=hanging and not heading)


def _width(chars: Sequence[_Char]) -> float:
    return sum(stringWidth(c.text, FONTS[c.italic, c.bold], SIZE) for c in chars)


def _words(chars: list[_Char]) -> list[list[_Char] | None]:
    """The words of a paragraph; None where a line break is forced ("\\n" in the text)."""
    words, current = [], []
    for char in chars:
        if char.text in (" ", "\n"):
            if current:
                words.append(current)
            current = []
            if char.text == "\n":
                words.append(None)
        else:
            current.append(char)
    if current:
        words.append(current)
    return words


def _break_lines(block: _Block, text_width: float, hyphenate: bool, first_indent: bool = True) -> list[_Line]:
    """Greedy line filling with the first line indented (body) or the others (hanging)."""
    lines: list[_Line] = []
    words = _words(block.chars)
    current: list[_Char] = []

    def indent() -> float:
        if block.heading:
            return 0.0
        first = not lines
        if not block.hanging and not first_indent:
            return 0.0
        return 0.5 * INCH if first != block.hanging else 0.0

    while words:
        word = words.pop(0)
        if word is None:
            if current:
                lines.append(_Line(current, indent()))
            current = []
            continue
        room = text_width - indent() - _width(current + ([_Char(" ")] if current else []))
        if _width(word) <= room:
            current += ([_Char(" ")] if current else []) + word
            continue
        head, tail = _split_word(word, room, hyphenate)
        if head:
            current += ([_Char(" ")] if current else []) + head
            words.insert(0, tail)
        elif current:
            words.insert(0, word)
        else:
            current = word  # a word wider than the line: let it overflow
        lines.append(_Line(current, indent()))
        current = []
    if current:
        lines.append(_Line(current, indent()))
    for line in lines:
        line.centred = block.heading
    return lines


def _split_word(word: list[_Char], room: float, hyphenate: bool) -> tuple[list[_Char], list[_Char]]:
    """The part of ``word`` that fits in ``room`` (with a hyphen added when it breaks a word), and the rest."""
    text = "".join(c.text for c in word)
    if _URL.match(text):
        for cut in range(len(word) - 1, 0, -1):
            if text[cut - 1] in "/.-" and _width(word[:cut]) <= room:
                return word[:cut], word[cut:]
        return [], word
    for cut in range(len(word) - 1, 0, -1):  # a compound breaks after its own hyphen
        if text[cut - 1] == "-" and _width(word[:cut]) <= room:
            return word[:cut], word[cut:]
    letters = re.match(r"[a-z]+", text[1:] if text[:1].isalpha() else "")
    if not hyphenate or letters is None:
        return [], word
    core = 1 + letters.end()  # a capital may start the word; only lower-case letters follow
    for cut in range(core - 3, 2, -1):
        if text[:cut].lower() in KEEP_HYPHEN_PREFIXES:
            continue  # a word processor would not break "allowing" as "all-owing"
        head = word[:cut] + [_Char("-", word[cut - 1].italic, word[cut - 1].bold)]
        if _width(head) <= room:
            return head, word[cut:]
    return [], word


# --- pages ------------------------------------------------------------------------------


def _paginate(blocks: list[_Block], height: float, gap: float = 0.0) -> list[list[tuple[float, _Line]]]:
    """Lines with their baselines, page by page."""
    top, bottom = height - INCH - SIZE, INCH
    pages: list[list[tuple[float, _Line]]] = [[]]
    y = top
    for block in blocks:
        if pages[-1] and y != top:
            y -= gap
        for line in block.lines:
            if y < bottom:
                pages.append([])
                y = top
            pages[-1].append((y, line))
            y -= LEADING
    return pages


def _draw_page(pdf, lines, width: float, height: float) -> None:
    for y, line in lines:
        x = INCH + line.x
        if line.centred:
            x = (width - _width(line.chars)) / 2
        for run in _runs(line.chars):
            font = FONTS[run[0].italic, run[0].bold]
            text = "".join(c.text for c in run)
            pdf.setFont(font, SIZE)
            pdf.drawString(x, y, text)
            run_width = stringWidth(text, font, SIZE)
            if run[0].url:
                pdf.linkURL(run[0].url, (x, y - 3, x + run_width, y + SIZE - 2), relative=0, thickness=0)
            x += run_width


def _runs(chars: list[_Char]) -> list[list[_Char]]:
    runs: list[list[_Char]] = []
    for char in chars:
        if runs and (runs[-1][0].italic, runs[-1][0].bold, runs[-1][0].url) == (char.italic, char.bold, char.url):
            runs[-1].append(char)
        else:
            runs.append([char])
    return runs


def _draw_furniture(pdf, header: str, page_numbers, number: int, total: int, width: float, height: float) -> None:
    y = height - 0.5 * INCH
    pdf.setFont("Times-Roman", SIZE)
    if header:
        pdf.drawString(INCH, y, header)
    if page_numbers == "bottom":
        pdf.drawCentredString(width / 2, 0.5 * INCH, f"Page {number} of {total}")
    elif page_numbers:
        pdf.drawRightString(width - INCH, y, str(number))


def _draw_picture(pdf, lines, width: float, height: float) -> None:
    """A scanned page: a picture of the lines, with no text layer."""
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader

    scale = 2
    image = Image.new("L", (int(width) * scale, int(height) * scale), 255)
    draw = ImageDraw.Draw(image)
    for y, line in lines:
        draw.text(((INCH + line.x) * scale, (height - y) * scale), "".join(c.text for c in line.chars), fill=0)
    pdf.drawImage(ImageReader(image), 0, 0, width, height)
