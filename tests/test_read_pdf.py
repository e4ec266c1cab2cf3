"""The PDF reader, on text-layer PDFs built by tests/pdf_factory.py."""

from collections import Counter

import pytest

import essaycheck
from essaycheck.api import check_document
from essaycheck.errors import InputError
from essaycheck.model import Document
from essaycheck.read import read_document
from essaycheck.read.pdf import pdf_layout, pdf_paragraphs
from pdf_factory import build_pdf

LONG = ("Information professionals work in a field that changes faster than any qualification can keep pace "
        "with, and catalogues are moving to linked data while enquiries arrive by chat as often as at the desk. ")
ENTRIES = [
    "Granovetter, M. S. (1973). The strength of weak ties. *American Journal of Sociology, 78*(6), 1360–1380. "
    "https://doi.org/10.1086/225469",
    "Lave, J., & Wenger, E. (1991). *Situated learning*. Cambridge University Press.",
    "Page Group. (2022). *Top 12 benefits of networking: Why networking is important*. "
    "https://www.michaelpage.com.au/advice/career-advice/career-progression/top-12-benefits-networking-why-"
    "networking-important",
    "Ryan, R. M., & Deci, E. L. (2000). Self-determination theory and the facilitation of intrinsic motivation, "
    "social development, and well-being. *American Psychologist, 55*(1), 68–78. "
    "https://doi.org/10.1037/0003-066X.55.1.68",
    "Wenger, E. (1998). *Communities of practice*. Cambridge University Press.",
]


def plain(text: str) -> str:
    return text.replace("*", "").replace("\n", "")


def read(path):
    return pdf_paragraphs(path.read_bytes(), str(path))


def error_of(path) -> str:
    with pytest.raises(InputError) as caught:
        pdf_layout(path.read_bytes(), str(path))
    message = str(caught.value)
    assert "\n" not in message and "Traceback" not in message
    return message


def test_paragraphs_italics_and_headings(tmp_path):
    paragraphs = read(build_pdf(tmp_path / "e.pdf", [
        "# Why Networks Matter",
        "Networks carry *new information* (Granovetter, 1973). " + LONG * 2,
        "A second paragraph with a first-line indent.",
    ], references=ENTRIES[:2]))
    assert [p.text for p in paragraphs] == ["Why Networks Matter", plain("Networks carry *new information* "
                                            "(Granovetter, 1973). " + LONG * 2).strip(),
                                            "A second paragraph with a first-line indent.", "References",
                                            *(plain(entry) for entry in ENTRIES[:2])]
    assert [p.is_heading for p in paragraphs] == [True, False, False, True, False, False]
    body, granovetter = paragraphs[1], paragraphs[4]
    assert [body.text[s:e] for s, e in body.italic] == ["new information"]
    assert [granovetter.text[s:e] for s, e in granovetter.italic] == ["American Journal of Sociology, 78"]
    assert [p.index for p in paragraphs] == list(range(len(paragraphs)))


def test_running_header_and_page_numbers_are_dropped(tmp_path):
    body = [f"Paragraph {n}. " + LONG * 4 for n in range(1, 9)]
    for numbers in (True, "bottom"):
        path = build_pdf(tmp_path / f"e-{numbers}.pdf", body, header="NETWORKING AND LEARNING",
                         page_numbers=numbers, references=ENTRIES)
        assert len(pdf_document_pages(path)) >= 4
        assert [p.text for p in read(path)] == [text.strip() for text in body] + ["References"] + \
            [plain(entry) for entry in ENTRIES]


def pdf_document_pages(path):
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(path.read_bytes())
    try:
        return [document[i].get_textpage().get_text_range() for i in range(len(document))]
    finally:
        document.close()


def test_a_single_page_number_is_dropped(tmp_path):
    assert [p.text for p in read(build_pdf(tmp_path / "e.pdf", ["Short essay."]))] == ["Short essay."]


@pytest.mark.parametrize("written, read_as", [
    ("a word broken by hyphen-\nation here", "a word broken by hyphenation here"),
    ("the COVID-\n19 pandemic", "the COVID-19 pandemic"),
    ("self-\ndetermination theory", "self-determination theory"),
    ("and well-\nbeing", "and well-being"),
    ("online e-\nlearning", "online e-learning"),
    ("a face-to-\nface meeting", "a face-to-face meeting"),
    ("Cross-\nCultural Studies", "Cross-Cultural Studies"),
    ("a range 68–\n78 of pages", "a range 68–78 of pages"),
    ("See https://doi.org/10.1037/\n0003-066X.55.1.68 for it", "See https://doi.org/10.1037/0003-066X.55.1.68 for it"),
    ("at https://www.example.org/career-\nadvice today", "at https://www.example.org/career-advice today"),
    ("at doi:10.1191/1478088706qp\n063oa now", "at doi:10.1191/1478088706qp063oa now"),
])
def test_lines_are_joined(tmp_path, written, read_as):
    paragraphs = read(build_pdf(tmp_path / "e.pdf", [LONG * 2, written], page_numbers=False, link_urls=False))
    assert [p.text for p in paragraphs] == [(LONG * 2).strip(), read_as]


@pytest.mark.parametrize("url, following, goes_on", [
    ("https://example.org/page", "and then words", False),
    ("https://example.org/page.", "Next sentence", False),
    ("https://example.org/page.", "html today", True),
    ("https://doi.org/10.1111/j.1083-6101.2007.00393", "x", False),
    ("https://doi.org/10.1191/1478088706qp", "063oa", True),
    ("https://example.org/top-12-benefits", "networking-why", True),
])
def test_a_url_goes_on_at_the_next_line(url, following, goes_on):
    from essaycheck.read.pdf import _url_goes_on

    assert _url_goes_on(url, following) is goes_on


def test_hyphenation_of_a_long_text_reads_back_the_words(tmp_path):
    text = ("Characteristically interdisciplinary communication, organisational understanding and "
            "internationalisation, self-determination and well-being, accountability and responsibilities "
            "are discussed. ") * 12
    path = build_pdf(tmp_path / "e.pdf", [text], hyphenate=True)
    assert any("\ufffe" in page or "-\r\n" in page for page in pdf_document_pages(path))  # really hyphenated
    (paragraph,) = read(path)
    assert paragraph.text == text.strip()


def test_reference_entries_split_by_the_hanging_indent(tmp_path):
    entries = ENTRIES + ["Schön, D. A. (1983). *The reflective practitioner: How professionals think in action*. "
                         "Basic Books.", "Short, A. (2001). *Brief*. Pub."]
    paragraphs = read(build_pdf(tmp_path / "e.pdf", [LONG], references=entries))
    assert [p.text for p in paragraphs[2:]] == [plain(entry) for entry in entries]
    assert paragraphs[1].text == "References" and paragraphs[1].is_heading


def test_block_paragraphs_split_at_a_gap_or_a_short_last_line(tmp_path):
    body = ["Paragraph one. " + LONG * 2, "Paragraph two is short.", "Paragraph three. " + LONG]
    assert [p.text for p in read(build_pdf(tmp_path / "gap.pdf", body, indent=False, gap=12))] == \
        [text.strip() for text in body]
    # no gap either: a line with room left for the next line's first word ended its paragraph
    assert [p.text for p in read(build_pdf(tmp_path / "flush.pdf", body, indent=False))] == \
        [text.strip() for text in body]


def test_links_come_from_link_annotations(tmp_path):
    paragraphs = read(build_pdf(tmp_path / "e.pdf", [LONG], references=ENTRIES))
    page_group = paragraphs[4]
    (link,) = page_group.links
    assert page_group.text[link.start:link.end] == link.url
    assert link.url.endswith("why-networking-important")


def test_boxes_match_the_text_and_the_layout_is_deterministic(tmp_path):
    data = build_pdf(tmp_path / "e.pdf", [LONG * 3], references=ENTRIES).read_bytes()
    layout = pdf_layout(data, "e.pdf")
    assert layout == pdf_layout(data, "e.pdf")
    for paragraph, boxes in zip(layout.paragraphs, layout.boxes):
        assert len(boxes) == len(paragraph.text)
        for character, box in zip(paragraph.text, boxes):
            assert box is not None or character == " "
            if box is not None:
                page, left, bottom, right, top = box
                assert page >= 0 and left <= right and bottom < top


def test_password_protected(tmp_path):
    assert "protected with a password" in error_of(build_pdf(tmp_path / "e.pdf", ["Text."], encrypt="secret"))


def test_scanned(tmp_path):
    message = error_of(build_pdf(tmp_path / "e.pdf", [LONG], scanned=True))
    assert "scanned image with no text in it (no text layer)" in message and "the .docx" in message


def test_damaged(tmp_path):
    path = tmp_path / "e.pdf"
    path.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 40 + b"\n%%EOF\n")
    assert "damaged PDF" in error_of(path)


def test_truncated(tmp_path):
    path = build_pdf(tmp_path / "e.pdf", [LONG * 4] * 4)
    path.write_bytes(path.read_bytes()[:len(path.read_bytes()) // 2])
    assert "incomplete PDF" in error_of(path)


def test_too_many_pages(tmp_path):
    from reportlab.pdfgen import canvas

    path = tmp_path / "e.pdf"
    pdf = canvas.Canvas(str(path))
    for _ in range(301):
        pdf.drawString(72, 720, "Page.")
        pdf.showPage()
    pdf.save()
    assert "301 pages" in error_of(path)


# --- the same essay as .docx and as PDF gives the same findings -----------------------


def problems(report) -> Counter:
    return Counter((p.rule, p.location.text if p.location else None) for p in report.problems)


@pytest.mark.parametrize("sample", ["clean-essay", "mistakes-essay"])
def test_pdf_and_docx_give_the_same_findings(tmp_path, sample):
    """The sample's paragraphs, written to a PDF and read back, give the same citations, links and
    problems. Paragraph indexes may differ in general (they do not here); the table of the clean
    essay comes back one cell a paragraph with part "body" (the PDF has no tables), which no rule
    reads. No other tolerance is needed: the italics rule runs for PDFs whose fonts show italics."""
    docx = read_document(f"samples/{sample}.docx")
    paragraphs = list(docx.paragraphs)
    heading = max(i for i, p in enumerate(paragraphs) if p.is_heading and p.text == "References")
    path = build_pdf(tmp_path / f"{sample}.pdf", paragraphs[:heading], references=paragraphs[heading + 1:],
                     references_heading=paragraphs[heading].text, header="PROFESSIONAL LEARNING")
    pdf = Document(path=str(path), kind="pdf", paragraphs=read(path))
    assert [(p.text, p.is_heading, p.italic, p.links) for p in pdf.paragraphs] == \
        [(p.text, p.is_heading, p.italic, p.links) for p in paragraphs]
    settings = essaycheck.Settings(resolve=False)
    expected, found = check_document(docx, settings), check_document(pdf, settings)
    assert [c.text for c in found.citations] == [c.text for c in expected.citations]
    assert [(link.citation, link.reference, link.quality) for link in found.links] == \
        [(link.citation, link.reference, link.quality) for link in expected.links]
    assert problems(found) == problems(expected)


# --- layouts seen in real PDFs (essays exported by LibreOffice and Word), drawn line by line -----------


def draw(path, pages):
    """A PDF of ``pages``: each (width, height, [(x, y, text, font, size), ...]) in points."""
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), invariant=1)
    for width, height, pieces in pages:
        pdf.setPageSize((width, height))
        for x, y, text, font, size in pieces:
            pdf.setFont(font, size)
            pdf.drawString(x, y, text)
        pdf.showPage()
    pdf.save()
    return path


WORDS = ("Employees who keep learning stay effective as the cognitive demands of work rise in every "
         "sector and every decade studied so far ").split() * 4


def full_line(start: int, width: float = 460.0, font: str = "Times-Roman") -> tuple[str, int]:
    """Words from WORDS[start:] filling ``width`` points of 12-point text, and where the next line starts."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    start %= len(WORDS) // 2  # WORDS repeats itself: a line never runs past its end
    end = start + 1
    while stringWidth(" ".join(WORDS[start:end + 1]), font, 12) < width:
        end += 1
    return " ".join(WORDS[start:end]), end


def body_page(width=612, height=792, header="RUNNING HEAD", number=1, lines=8, top=None):
    """A page of body text at the 1-inch margin, double-spaced, with a header and its page number below it."""
    top = top if top is not None else height - 90
    pieces = [(72, height - 47, header, "Times-Roman", 12), (width - 80, height - 63, str(number), "Times-Roman", 12)]
    start = 0
    for k in range(lines):
        text, start = full_line(start % 40, width - 150)
        pieces.append((72 + (36 if k % 4 == 0 else 0), top - 28 * k, text, "Times-Roman", 12))
    return width, height, pieces


def test_headers_repeat_on_landscape_pages_and_numbers_below_them_go(tmp_path):
    pages = [body_page(number=n) for n in (1, 2, 3)] + [body_page(792, 612, number=n, lines=5) for n in (4, 5)]
    paragraphs = read(draw(tmp_path / "e.pdf", pages))
    assert paragraphs and not any("RUNNING HEAD" in p.text for p in paragraphs)
    assert not any(p.text.strip().isdigit() for p in paragraphs)


def test_a_superscript_stays_on_its_line(tmp_path):
    from reportlab.pdfbase.pdfmetrics import stringWidth

    pieces, x = [], 72.0
    for text, size, rise in (("Riley A. Hess", 12, 0), ("1", 8, 5), (", Ben Listyg", 12, 0), ("2", 8, 5)):
        pieces.append((x, 700 + rise, text, "Times-Roman", size))
        x += stringWidth(text, "Times-Roman", size)
    paragraphs = read(draw(tmp_path / "e.pdf", [(612, 792, pieces)]))
    assert len(paragraphs) == 1 and paragraphs[0].text.replace(" ,", ",") == "Riley A. Hess1, Ben Listyg2"


def _entry(x_first: float, x_rest: float, y: float, start: int, first: str = "") -> tuple[list, int]:
    """Two lines of one entry: a full first line at ``x_first`` and a short second one at ``x_rest``."""
    text, after = full_line(start, 540 - x_first - 24 - (len(first) * 6))
    return [(x_first, y, f"{first}Author, A. (2020). {text}", "Times-Roman", 12),
            (x_rest, y - 28, " ".join(WORDS[after:after + 3]) + ".", "Times-Roman", 12)], after + 3


def test_a_reference_list_of_block_entries_spaced_apart(tmp_path):
    pieces, start, y = [(72, 720, "References", "Times-Bold", 12)], 0, 690
    for _ in range(3):
        lines, start = _entry(72, 72, y, start)
        pieces += lines
        y -= 28 + 40  # the entry's second line, then space between entries
    paragraphs = read(draw(tmp_path / "e.pdf", [(612, 792, pieces)]))
    assert [p.text.split(" (")[0] for p in paragraphs] == ["References", "Author, A.", "Author, A.", "Author, A."]


def test_an_indented_numbered_list_keeps_each_entry_whole(tmp_path):
    pieces, start, y = [(72, 720, "References", "Times-Bold", 12)], 0, 690
    for number in (1, 2, 3):
        lines, start = _entry(90, 108, y, start, first=f"{number}. ")
        pieces += lines
        y -= 56
    paragraphs = read(draw(tmp_path / "e.pdf", [(612, 792, pieces)] + [body_page(number=2)]))
    entries = [p.text for p in paragraphs[1:4]]
    assert [entry[:14] for entry in entries] == ["1. Author, A. ", "2. Author, A. ", "3. Author, A. "]
    assert all(entry.endswith(".") and entry.count("(2020)") == 1 for entry in entries)


def test_a_table_row_is_read_as_a_table_and_a_justified_line_is_not(tmp_path):
    body, start = [], 0
    for k in range(6):  # a paragraph of full lines above the table sets the text's right edge
        text, start = full_line(start)
        body.append((72, 760 - 28 * k, text, "Times-Roman", 12))
    pieces = body + [(72, 560, "Study", "Times-Bold", 12), (300, 560, "Sample", "Times-Bold", 12),
              (72, 532, "Braun & Clarke (2006)", "Times-Roman", 12), (300, 532, "120", "Times-Roman", 12)]
    from reportlab.pdfbase.pdfmetrics import stringWidth

    words, x = "it. Entrepreneur. Retrieved on November 9, 2021 from".split(), 72.0
    for word in words:  # a line of a justified paragraph ended by a line break, stretched: its gaps alike
        pieces.append((x, 460, word, "Times-Roman", 12))
        x += stringWidth(word, "Times-Roman", 12) + 30
    paragraphs = read(draw(tmp_path / "e.pdf", [(612, 792, pieces)]))
    rows = [p for p in paragraphs if p.part == "table"]
    assert [p.text for p in rows] == ["Study Sample", "Braun & Clarke (2006) 120"]
    assert [p.part for p in paragraphs if p.text.startswith("it.")] == ["body"]
    report = check_document(Document(path="e.pdf", kind="pdf", paragraphs=paragraphs),
                            essaycheck.Settings(resolve=False))
    assert "ampersand-in-narrative" not in [problem.rule for problem in report.problems]


def test_an_entry_without_its_hanging_indent_stays_whole_in_a_hanging_list(tmp_path):
    from reportlab.pdfbase.pdfmetrics import stringWidth

    names = "Lange, T., Hicks, S. A., Riegler, M., Pogorelov, K., Anonsen, K. V., Johansen, D., Moreau, L."
    while stringWidth(names + " et", "Times-Roman", 12) < 455:
        names += " X."
    pieces = [(72, 720, "References", "Times-Bold", 12),
              (72, 692, names + " et", "Times-Roman", 12),  # a full line at the margin ...
              (72, 664, "al. (2018). Dissecting deep networks. Medical Imaging, 3, 1-9.", "Times-Roman", 12),
              (72, 636, "Short, A. (2001). Brief. Pub.", "Times-Roman", 12)]  # ... and a new entry
    lines, _ = _entry(72, 108, 608, 0)
    paragraphs = read(draw(tmp_path / "e.pdf", [(612, 792, pieces + lines)]))
    assert [p.text.split(" (")[0][:10] for p in paragraphs] == ["References", "Lange, T.,", "Short, A.", "Author, A."]
    assert paragraphs[1].text.endswith("et al. (2018). Dissecting deep networks. Medical Imaging, 3, 1-9.")


def test_a_pdf_whose_fonts_say_nothing_of_italics_is_not_told_its_titles_are_upright():
    """Italics are known in a PDF only from its fonts: without any, the italics rule stays silent,
    where the same paragraphs from a Word file (whose italics are known) are told."""
    from dataclasses import replace

    paragraphs = tuple(replace(p, italic=()) for p in read_document("samples/clean-essay.docx").paragraphs)
    settings = essaycheck.Settings(resolve=False)
    rules = {kind: [p.rule for p in check_document(Document(path=f"e.{kind}", kind=kind, paragraphs=paragraphs),
                                                    settings).problems] for kind in ("docx", "pdf")}
    assert "italics" in rules["docx"] and "italics" not in rules["pdf"]
