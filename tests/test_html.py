"""The per-essay HTML page: escaped, self-contained, problems highlighted at their spans."""

import re
from html.parser import HTMLParser

import essaycheck.formatting
from essaycheck.model import Diagnostic, Document, Location, Paragraph, Report, Severity
from essaycheck.references import parse_reference_list
from essaycheck.render.html import highlight_paragraph, render_html

BODY = "Networking matters (Smith 2019; <b>Lee</b> & Ng, 2020) & more."
ENTRY = "Smith, J. (2019). Networks <script>alert(1)</script>. Journal of Things, 1(2), 3–4."


def make_report(problems=()):
    paragraphs = (
        Paragraph(0, BODY),
        Paragraph(1, "References", is_heading=True),
        Paragraph(2, ENTRY, italic=((54, 71),)),
    )
    (ref,) = parse_reference_list(paragraphs[2:])
    return Report("class/alice essay.docx", Document("class/alice essay.docx", "docx", paragraphs),
                  (), (ref,), (), tuple(problems))


def problem(rule, severity, paragraph, start, end, message="m", suggestion=None):
    text = (BODY if paragraph == 0 else ENTRY)[start:end]
    return Diagnostic(rule, severity, message, Location(paragraph, start, end, text), suggestion=suggestion)


class _Checker(HTMLParser):
    """Collects tags, external references and the text inside each <mark>."""

    def __init__(self):
        super().__init__()
        self.tags, self.external, self.marks, self._in_mark = [], [], [], 0

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        for name, value in attrs:
            if name in ("src", "href") and value and not value.startswith("#"):
                self.external.append(value)
        if tag == "mark":
            self._in_mark += 1
            self.marks.append("")

    def handle_endtag(self, tag):
        if tag == "mark":
            self._in_mark -= 1

    def handle_data(self, data):
        if self._in_mark:
            self.marks[-1] += data


def parse(page):
    checker = _Checker()
    checker.feed(page)
    return checker


def test_page_is_self_contained_and_escapes_the_essay():
    page = render_html(make_report([problem("comma", Severity.ERROR, 0, 20, 30, "Add a comma <now>")]))
    checker = parse(page)
    assert page.startswith("<!doctype html>")
    assert checker.external == []
    assert "script" not in checker.tags
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;b&gt;Lee&lt;/b&gt;" in page
    assert "Add a comma &lt;now&gt;" in page
    assert "<link" not in page and "@import" not in page


def test_problem_span_is_highlighted_exactly():
    page = render_html(make_report([problem("citation-comma", Severity.ERROR, 0, 20, 30, suggestion="Smith, 2019")]))
    assert parse(page).marks == ["Smith 2019"]
    assert '<a id="at-1"></a><mark class="error"' in page
    assert 'href="#at-1"' in page and "Smith, 2019" in page


def test_overlapping_spans_split_into_segments_with_the_worst_colour():
    para = Paragraph(0, "abcdefghij")
    out = highlight_paragraph(para, [
        (1, Diagnostic("a", Severity.WARNING, "w", Location(0, 2, 6, "cdef"))),
        (2, Diagnostic("b", Severity.ERROR, "e", Location(0, 4, 8, "efgh"))),
    ])
    marks = re.findall(r'<mark class="(\w+)" data-problems="([\d ]+)"[^>]*>([^<]*)</mark>', out)
    assert marks == [("warning", "1", "cd"), ("error", "1 2", "ef"), ("error", "2", "gh")]
    assert re.sub(r"<[^>]+>", "", out) == "abcdefghij"


def test_zero_length_problem_gets_a_caret_and_out_of_range_offsets_are_clamped():
    para = Paragraph(0, "abc")
    out = highlight_paragraph(para, [
        (1, Diagnostic("p", Severity.INFO, "missing period", Location(0, 3, 3, ""))),
        (2, Diagnostic("q", Severity.ERROR, "x", Location(0, 1, 99, "bc"))),
    ])
    assert 'class="point info"' in out
    assert re.findall(r'<mark class="error"[^>]*>([^<]*)</mark>', out) == ["bc"]


def test_counts_and_reference_list_with_italics():
    report = make_report([problem("r", Severity.ERROR, 0, 0, 10), problem("s", Severity.WARNING, 2, 0, 5)])
    page = render_html(report)
    assert re.search(r'id="count-errors"><b>1</b>', page)
    assert re.search(r'id="count-warnings"><b>1</b>', page)
    assert '<ol class="refs">' in page
    assert "<i>Journal of Things</i>" in page  # corrected by the formatter, italics included
    assert "you wrote: Smith, J. (2019). Networks &lt;script&gt;" in page
    assert "in the text: (Smith, 2019) or Smith (2019)" in page


def test_reference_list_as_written_when_the_formatter_fails(monkeypatch):
    def broken(references, records=None, style="apa", keep=frozenset()):
        raise RuntimeError("citeproc choked")

    monkeypatch.setattr(essaycheck.formatting, "format_references", broken)
    page = render_html(make_report())
    assert "could not be formatted: RuntimeError" in page
    assert "<i>Journal of Things</i>" in page and "you wrote" not in page  # the student's italics


def test_problems_without_location_are_listed_and_clean_essay_says_so():
    page = render_html(make_report([Diagnostic("no-references", Severity.ERROR, "No reference list")]))
    assert "No reference list" in page
    assert "No problems found." in render_html(make_report())


def test_the_essay_keeps_its_italics_around_and_inside_problems():
    para = Paragraph(index=0, text="Journal of Things, 4(2), 1-9.", italic=((0, 20),))
    out = highlight_paragraph(para, [(1, Diagnostic("italics", Severity.WARNING, "m",
                                                    Location(0, 11, 18, "Things,")))])
    assert out.startswith('<i>Journal of </i><a id="at-1"></a><mark')
    assert '"><i>Things,</i></mark><i> 4</i>(2), 1-9.' in out


def test_problems_are_grouped_by_severity_with_numbers_running_on_and_a_filter_each():
    page = render_html(make_report([problem("a", Severity.WARNING, 0, 0, 4), problem("b", Severity.ERROR, 0, 5, 9),
                                    problem("c", Severity.WARNING, 0, 10, 14)]))
    assert re.findall(r'<h3 class="group (\w+)">(\w+) \((\d)\)</h3>', page) == [("error", "Errors", "1"),
                                                                                ("warning", "Warnings", "2")]
    assert re.findall(r'<ol class="problems (\w+)" start="(\d)">', page) == [("error", "1"), ("warning", "2")]
    assert re.findall(r'<li id="problem-(\d)" class="(\w+)"', page) == [("1", "error"), ("2", "warning"),
                                                                        ("3", "warning")]
    # one checkbox per severity present; the stylesheet hides a group whose box is unticked
    assert re.findall(r'<input type="checkbox" id="show-(\w+)" checked>', page) == ["error", "warning"]
    assert "body:has(#show-warning:not(:checked)) .problems .warning" in page
    assert 'id="show-info"' not in page


def test_no_problems_no_filters():
    page = render_html(make_report([]))
    assert "No problems found." in page and "<input" not in page
