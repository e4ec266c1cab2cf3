"""Reference lists as real students lay them out: where one entry ends and the next begins.

Each shape here was once mis-split in a real essay (two entries glued into one, or one entry
cut in two); the examples are invented, of the same shape. Every layout is read three ways
that must agree: one Paragraph per entry paragraph (Word), one line per paragraph
(``document_from_text``), and all lines in one paragraph (a list pasted with line breaks).
Also here: where the list starts and ends (sub-headings, a second list for an appendix, a
table of contents) and an entry whose authors and date were typed twice.
"""

from __future__ import annotations

import pytest

from docx_factory import docx_from_xml, p, run
from essaycheck import check_text
from essaycheck.model import Paragraph
from essaycheck.read import document_from_text, read_document
from essaycheck.references import parse_reference, parse_reference_list, slips, split_entries
from essaycheck.sections import split_sections
from essaycheck.settings import Settings

OFFLINE = Settings(resolve=False)

BOOK = "Pereira, J. (2015). Tides of change. Ocean Press."
WEB = "Okoro, L. (2021). Urban gardens and wellbeing. Green Cities Blog. https://example.org/gardens"
ARTICLE = "Quint, A. (2019). Lanterns at dusk. Journal of Evening Studies, 4(2), 11–19."


def entries(*paragraphs: str) -> list[str]:
    """The entry texts of a list, checked to be the same however its paragraphs reach the splitter."""
    as_paragraphs = [text for text, _ in split_entries([Paragraph(index=i, text=t) for i, t in enumerate(paragraphs)])]
    as_lines = [text for text, _ in split_entries(document_from_text("\n".join(paragraphs)).paragraphs)]
    as_one_paragraph = [text for text, _ in split_entries([Paragraph(index=0, text="\n".join(paragraphs))])]
    assert as_lines == as_paragraphs and as_one_paragraph == as_paragraphs
    return as_paragraphs


# --- an entry that starts its own paragraph is a new entry ---------------------------------------------

NEW_ENTRY_CASES = [
    pytest.param(
        WEB, "Wang, T., Aug 9, 2019. Rivers of the north. Retrieved from https://example.org/rivers",
        id="S1-year-not-in-parentheses-after-a-url",
    ),
    pytest.param(
        BOOK, 'Halloran, Mirela, et al. "Coastal erosion and policy." Marine Affairs Review 62 (2016): 59-65.',
        id="S2-mla-entry-after-a-period",
    ),
    pytest.param(
        BOOK, "Marlow K, Fenwick DS, Quill MM, et al. (2016). Journal of Sleep Studies, 73(4), 388-395.",
        id="S3-vancouver-with-et-al",
    ),
    pytest.param(
        BOOK, "[10] Thistlewood, C. (2020, June 17). Why bridges hum. Retrieved May 23, 2021, from "
              "https://example.org/hum",
        id="S4-bracket-numbered-entry",
    ),
    pytest.param(BOOK, "K., H. M. (2019, November 03). Garden birds of spring.", id="S5-garbled-author"),
    pytest.param(
        BOOK, "Dahlgren, J. A., & Wernick, B. M. (2019). metafit: An R package for pooled estimates. Journal of "
              "Statistical Tools, 4(1), 1-9.",
        id="S6-title-in-lower-case",
    ),
    pytest.param(BOOK, "Quizzo maths - home. (n.d.). https://example.org/", id="S7-title-first-url-after-date"),
    pytest.param(
        ARTICLE, "Caring for ferns. Fern Society. (n.d.). Retrieved July 23, 2022, from https://example.org/ferns",
        id="S10-title-then-site-name-then-date",
    ),
]


@pytest.mark.parametrize(("before", "entry"), NEW_ENTRY_CASES)
def test_a_paragraph_that_starts_like_an_entry_starts_one(before: str, entry: str) -> None:
    assert entries(before, entry) == [before, entry]


def test_a_bracket_number_is_not_part_of_the_first_name() -> None:
    ref = parse_reference("[10] Thistlewood, C. (2020, June 17). Why bridges hum. Retrieved May 23, 2021, from "
                          "https://example.org/hum")
    assert [(a.family, a.given) for a in ref.authors] == [("Thistlewood", "C.")]
    assert (ref.year, ref.date_extra, ref.title, ref.url) == ("2020", "June 17", "Why bridges hum",
                                                             "https://example.org/hum")
    assert slips.NUMBERED in ref.warnings


def test_a_lower_case_title_starts_an_entry_only_at_a_paragraph_start() -> None:
    reply = "Ferris, L. (2016). A reply to Omondi (2014). Journal of Replies, 2(1), 3–8."
    assert entries(reply, "Rereading Omondi (2014). with fresh eyes.", BOOK) == [
        f"{reply} Rereading Omondi (2014). with fresh eyes.", BOOK]


# --- a paragraph that continues the entry before ----------------------------------------------------------

AUTHORS_BROKEN = "Hartley, P., Chen, L., Ortiz, R., Lam, K."
REST_OF_AUTHORS = "Nakamura, S. (2018). Parsing ward notes. Clinical Text Journal, 2(1), 1-5."


@pytest.mark.parametrize("joiner", ["and", "&"])
def test_S8_an_author_list_broken_over_two_paragraphs_is_one_entry(joiner: str) -> None:
    second = f"{joiner} {REST_OF_AUTHORS}"
    assert entries(BOOK, AUTHORS_BROKEN, second) == [BOOK, f"{AUTHORS_BROKEN} {second}"]


def test_S9_names_title_and_journal_in_three_paragraphs_make_one_entry() -> None:
    first = ("C. Harlow, D. Jennet", "A study of lantern fish", "Journal X, 8 (2020), pp. 1-9, 10.1234/xyz")
    second = ("E. Brodie, F. Greaves", "Moss in the city", "Urban Ecology, 3 (2019), pp. 10-20")
    assert entries(*first, *second) == [" ".join(first), " ".join(second)]


def test_S11_an_undated_entry_over_two_paragraphs_after_a_link() -> None:
    undated = ("National Centre for Quiet. Help page part", "two. Retrieved December 6, 2020, from "
               "https://example.org/help")
    assert entries(WEB, *undated, BOOK) == [WEB, " ".join(undated), BOOK]


# --- where the list is ------------------------------------------------------------------------------------

ROWE = "Rowe, M. (2020). Salt marsh birds. Coastal Press."
STROUD = "Stroud, B. (2017). Survey design for small samples. Field Methods Press."
BODY = "Birds return each spring (Pereira, 2015; Quint, 2019; Rowe, 2020)."


def _texts(paragraphs) -> list[str]:
    return [paragraph.text for paragraph in paragraphs]


@pytest.mark.parametrize("sub_heading", [
    pytest.param(p("New citations:", style="Heading1"), id="heading-style"),
    pytest.param(p(run("New citations:", bold=True)), id="bold-short-paragraph"),
])
def test_S12_a_docx_sub_heading_followed_by_entries_does_not_end_the_list(tmp_path, sub_heading: str) -> None:
    path = docx_from_xml(tmp_path / "sub.docx", [p(BODY), p("References", style="Heading1"), p(BOOK), p(ARTICLE),
                                                  sub_heading, p(ROWE)])
    sections = split_sections(read_document(path))
    assert sections.heading.text == "References"
    assert _texts(sections.body) == [BODY]
    assert [r.text for r in parse_reference_list(sections.references)] == [BOOK, ARTICLE, ROWE]


def test_S12_a_docx_heading_followed_by_no_entries_still_ends_the_list(tmp_path) -> None:
    path = docx_from_xml(tmp_path / "end.docx", [p(BODY), p(run("References", bold=True)), p(BOOK),
                                                  p(run("Author note", bold=True)), p("I thank my tutor.")])
    sections = split_sections(read_document(path))
    assert _texts(sections.references) == [BOOK]
    assert _texts(sections.body) == [BODY, "Author note", "I thank my tutor."]


def test_S12_a_plain_text_sub_heading_does_not_end_the_list() -> None:
    sections = split_sections(document_from_text(f"{BODY}\nReferences\n{BOOK}\n{ARTICLE}\nNew citations:\n{ROWE}\n"))
    assert _texts(sections.body) == [BODY]
    assert [r.text.split(" (")[0] for r in parse_reference_list(sections.references)] == [
        "Pereira, J.", "Quint, A.", "Rowe, M."]


def test_S12_a_plain_text_sub_heading_is_not_part_of_an_entry() -> None:
    essay = f"Essay\n{BODY}\nReferences\n{BOOK}\n{ARTICLE}\nNew citations:\n{ROWE}\n"
    report = check_text(essay, OFFLINE)
    assert [r.text for r in report.references] == [BOOK, ARTICLE, ROWE]
    assert report.problems == ()


APPENDIX_NO_YEAR = "The survey asked five questions."
APPENDIX_CITING = "The survey followed a published design (Stroud, 2017)."


def _with_appendix_list(tmp_path, kind: str, appendix_text: str):
    parts = [BODY, "References", BOOK, ARTICLE, "Appendix A", appendix_text, "References for the Appendix", STROUD]
    if kind == "txt":
        return split_sections(document_from_text("\n".join(parts) + "\n"))
    headings = {"References", "Appendix A", "References for the Appendix"}
    path = docx_from_xml(tmp_path / "appendix.docx",
                         [p(text, style="Heading1") if text in headings else p(text) for text in parts])
    return split_sections(read_document(path))


@pytest.mark.parametrize(("kind", "appendix_text"), [
    pytest.param("txt", APPENDIX_CITING, id="txt"),
    pytest.param("docx", APPENDIX_NO_YEAR, id="docx"),
    pytest.param("docx", APPENDIX_CITING, id="docx-appendix-text-with-a-year"),
])
def test_S12_a_second_list_for_the_appendix_is_read_too(tmp_path, kind: str, appendix_text: str) -> None:
    sections = _with_appendix_list(tmp_path, kind, appendix_text)
    assert sections.heading.text == "References"
    assert _texts(sections.references) == [BOOK, ARTICLE, STROUD]
    assert _texts(sections.body) == [BODY, "Appendix A", appendix_text]


@pytest.mark.parametrize("after_toc_line", [
    "Appendix",
    "Methods 3",
    "Appendix A: Survey results 2019",
    "Chapter 2: The 2019 survey",
])
def test_S12_a_table_of_contents_line_is_not_the_list_heading(after_toc_line: str) -> None:
    sections = split_sections(document_from_text(
        f"Contents\nIntroduction\nReferences\n{after_toc_line}\nIntroduction\n{BODY}\nReferences\n{BOOK}\n{ARTICLE}\n"))
    assert (sections.heading.text, sections.heading.line) == ("References", 7)
    assert _texts(sections.body) == ["Contents", "Introduction", "References", after_toc_line, "Introduction", BODY]
    assert _texts(sections.references) == [BOOK, ARTICLE]


# --- authors and date typed twice -------------------------------------------------------------------------

DOUBLED = "Adams, P. (1992). Adams, P. (1992). Shells and tides. Journal of Coasts, 3(2), 1–9."


def test_S13_authors_and_date_typed_twice_is_one_entry() -> None:
    assert entries(BOOK, DOUBLED) == [BOOK, DOUBLED]


def test_S13_authors_and_date_typed_twice_gets_one_finding() -> None:
    report = check_text(f"Essay\nShells drift with the tides (Adams, 1992).\nReferences\n{DOUBLED}\n", OFFLINE)
    assert [(link.reference, link.quality) for link in report.links] == [(0, "exact")]
    (problem,) = report.problems
    assert (problem.rule, problem.reference, problem.suggestion) == ("reference-format", 0, None)
    assert "write the authors and the date once" in problem.message
