"""The annotated copy of a PDF: highlights over each problem's words, notes with the message."""

import hashlib
import re
from dataclasses import replace

import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader

import essaycheck
from essaycheck.annotate import comment_text
from essaycheck.annotate_pdf import annotate_pdf
from essaycheck.api import check_document
from essaycheck.errors import InputError
from essaycheck.model import Diagnostic, Document, Location, Severity
from essaycheck.read import read_document
from essaycheck.read.pdf import pdf_paragraphs
from pdf_factory import build_pdf


@pytest.fixture(scope="module")
def mistakes(tmp_path_factory):
    """The mistakes sample as a PDF and its report."""
    paragraphs = list(read_document("samples/mistakes-essay.docx").paragraphs)
    heading = max(i for i, p in enumerate(paragraphs) if p.is_heading and p.text == "References")
    path = build_pdf(tmp_path_factory.mktemp("pdf") / "mistakes.pdf", paragraphs[:heading],
                     references=paragraphs[heading + 1:], header="PROFESSIONAL LEARNING")
    document = Document(path=str(path), kind="pdf", paragraphs=pdf_paragraphs(path.read_bytes(), str(path)))
    return path, check_document(document, essaycheck.Settings(resolve=False))


def annotations(path):
    reader = PdfReader(str(path))
    for number, page in enumerate(reader.pages):
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            if annotation["/Subtype"] in ("/Highlight", "/Text"):
                yield number, annotation


def text_under(path, number: int, quad_points) -> str:
    """The text PDFium finds under each quadrilateral, lines joined with a space."""
    document = pdfium.PdfDocument(path.read_bytes())
    try:
        textpage = document[number].get_textpage()
        pieces = []
        for i in range(0, len(quad_points), 8):
            xs, ys = quad_points[i:i + 8:2], quad_points[i + 1:i + 8:2]
            pieces.append(textpage.get_text_bounded(min(xs), min(ys), max(xs), max(ys)).strip())
        return " ".join(pieces)
    finally:
        document.close()


def squeezed(text: str) -> str:
    return re.sub(r"[\s\ufffe-]", "", text)


def test_one_highlight_per_problem_over_its_words(mistakes, tmp_path):
    source, report = mistakes
    placed = [p for p in report.problems if p.location is not None and p.location.text]
    assert len(placed) >= 10
    target = tmp_path / "annotated.pdf"
    assert annotate_pdf(report, source, target) == len(report.problems)
    highlights = [(number, a) for number, a in annotations(target) if a["/Subtype"] == "/Highlight"]
    assert len(highlights) == len(placed)
    expected = {comment_text(p) for p in placed}
    assert {str(a["/Contents"]) for _, a in highlights} == expected
    by_comment = {comment_text(p): p for p in placed}
    for number, highlight in highlights:
        problem = by_comment[str(highlight["/Contents"])]
        under = text_under(target, number, [float(v) for v in highlight["/QuadPoints"]])
        # compared without spaces and hyphens: a quad per line, and a word broken at a line end
        # keeps its hyphen on the page (PDFium shows it as U+FFFE) but not in the text
        assert squeezed(under) == squeezed(problem.location.text)
        assert problem.message in str(highlight["/Contents"])


def test_the_source_is_not_modified(mistakes, tmp_path):
    source, report = mistakes
    before = hashlib.sha256(source.read_bytes()).hexdigest()
    annotate_pdf(report, source, tmp_path / "copy.pdf", durable=False)
    assert hashlib.sha256(source.read_bytes()).hexdigest() == before
    with pytest.raises(InputError):
        annotate_pdf(report, source, source)
    assert hashlib.sha256(source.read_bytes()).hexdigest() == before


def test_unplaced_problems_become_first_page_notes(tmp_path):
    source = build_pdf(tmp_path / "e.pdf", ["Networks matter (Smith, 2020).", "A second paragraph."])
    document = Document(path=str(source), kind="pdf", paragraphs=pdf_paragraphs(source.read_bytes(), str(source)))
    report = check_document(document, essaycheck.Settings(resolve=False))
    whole = Diagnostic("no-references", Severity.ERROR, "The essay has no reference list.")
    lost = Diagnostic("example", Severity.WARNING, "Not in the text.", Location(1, 0, 5, "Nowhere"))
    count = annotate_pdf(replace(report, problems=(whole, lost)), source, tmp_path / "notes.pdf")
    notes = list(annotations(tmp_path / "notes.pdf"))
    assert count == 2 and [number for number, _ in notes] == [0, 0]
    assert all(note["/Subtype"] == "/Text" for _, note in notes)
    contents = sorted(str(note["/Contents"]) for _, note in notes)
    assert contents[0].startswith("About the whole essay: The essay has no reference list.")
    assert contents[1].startswith("At paragraph 2, \u201cNowhere\u201d: Not in the text.")
    page = PdfReader(str(tmp_path / "notes.pdf")).pages[0]
    for _, note in notes:
        left, bottom, right, top = (float(v) for v in note["/Rect"])
        assert 0 <= left < right <= float(page.mediabox.right) and top <= float(page.mediabox.top)
        assert top > 0.9 * float(page.mediabox.top)
