"""Splitting a reference list into entries: seed layout, blank lines, wrapping, pasted paragraphs."""

from __future__ import annotations

import pytest

from essaycheck.model import Location, Paragraph
from essaycheck.references import parse_reference_list, split_entries
from seeds import INF305, seed


PAGE = "Page Group. (2022). Top 12 benefits of networking: Why networking is important."
PAGE_URL = ("https://www.michaelpage.com.au/advice/career-advice/career-progression/"
            "top-12-benefits-networking-why-networking-important")
RAJ = ("Raj, M., Fast, N. J., & Fisher, O. (2017). Identity and professional networking. Personality & Social "
       "Psychology Bulletin, 43(6), 772–784. https://doi.org/10.1177/0146167217697299")
BRAUN = ("Braun, V., & Clarke, V. (2006). Using thematic analysis in psychology. Qualitative Research in Psychology, "
         "3(2), 77–101. https://doi.org/10.1191/1478088706qp063oa")
VYGOTSKY = ("Vygotsky, L. S. (1978). Mind in society: The development of higher psychological processes. Harvard "
            "University Press.")
WHO = ("World Health Organization. (2020). Global tuberculosis report 2020. "
       "https://www.who.int/publications/i/item/9789240013131")
CLIMATE = ("Climate change and health. (2021, October 30). World Health Organization. "
           "https://www.who.int/news-room/fact-sheets/detail/climate-change-and-health")
USDE = "U.S. Department of Education. (2019). Student privacy 101. https://studentprivacy.ed.gov/"


def lines_as_paragraphs(text: str, first_line: int = 1) -> list[Paragraph]:
    """What a plain-text reader gives when every line is a paragraph."""
    return [Paragraph(index=i, text=line, line=first_line + i) for i, line in enumerate(text.split("\n"))]


def texts(paragraphs: list[Paragraph]) -> list[str]:
    return [text for text, _ in split_entries(paragraphs)]


def seed_reference_lines() -> tuple[list[str], int]:
    with open(seed(INF305), encoding="utf-8") as handle:
        lines = handle.read().split("\n")
    heading = lines.index("References")
    return lines[heading + 1:], heading + 2


def test_seed_layout_gives_two_entries_with_the_url_joined() -> None:
    lines, first_line = seed_reference_lines()
    paragraphs = [Paragraph(index=first_line - 1 + i, text=t, line=first_line + i) for i, t in enumerate(lines)]
    refs = parse_reference_list(paragraphs)
    assert [r.text for r in refs] == [f"{PAGE} {PAGE_URL}", RAJ]
    assert [r.index for r in refs] == [0, 1]
    assert [r.type for r in refs] == ["webpage", "article-journal"]
    assert refs[0].url == PAGE_URL
    assert refs[0].location == Location(paragraph=first_line - 1, start=0, end=len(PAGE), text=PAGE, line=first_line)
    assert refs[1].location == Location(paragraph=first_line + 1, start=0, end=len(RAJ), text=RAJ,
                                        line=first_line + 2)


def test_seed_list_as_one_paragraph_with_line_breaks() -> None:
    lines, first_line = seed_reference_lines()
    paragraph = Paragraph(index=5, text="\n".join(lines), line=first_line)
    refs = parse_reference_list([paragraph])
    assert [r.text for r in refs] == [f"{PAGE} {PAGE_URL}", RAJ]
    second = paragraph.text.index("Raj")
    assert refs[1].location == Location(paragraph=5, start=second, end=second + len(RAJ), text=RAJ,
                                        line=first_line + 2)
    # The first entry spans its two lines of the same paragraph.
    assert refs[0].location.text == f"{PAGE}\n{PAGE_URL}"


@pytest.mark.parametrize(
    ("layout", "expected"),
    [
        pytest.param(f"{RAJ}\n{BRAUN}\n{VYGOTSKY}", [RAJ, BRAUN, VYGOTSKY], id="one-line-each"),
        pytest.param(f"{RAJ}\n\n{BRAUN}\n\n\n{VYGOTSKY}\n", [RAJ, BRAUN, VYGOTSKY], id="blank-lines-between"),
        pytest.param(f"  {RAJ}  \n\t{BRAUN}\n   \n{WHO}", [RAJ, BRAUN, WHO], id="indented-and-whitespace-lines"),
        pytest.param(f"{WHO}\n{CLIMATE}\n{USDE}", [WHO, CLIMATE, USDE], id="group-and-title-first-entries"),
        pytest.param(
            "Raj, M., Fast, N. J., &\nFisher, O. (2017). Identity and professional networking. Personality &\n"
            "Social Psychology Bulletin, 43(6), 772–784.\nhttps://doi.org/10.1177/0146167217697299\n"
            "Vygotsky, L. S. (1978). Mind in society: The development of higher\npsychological processes. Harvard "
            "University Press.",
            [RAJ, VYGOTSKY],
            id="hard-wrapped-author-list-title-and-doi",
        ),
        pytest.param(
            "World Health\nOrganization. (2020). Global tuberculosis report 2020.\n"
            "https://www.who.int/publications/i/item/9789240013131\n" + BRAUN,
            [WHO, BRAUN],
            id="wrapped-group-author",
        ),
        pytest.param(
            f"{PAGE} https://www.michaelpage.com.au/advice/career-advice/\ncareer-progression/"
            f"top-12-benefits-networking-why-networking-important\n{RAJ}",
            [f"{PAGE} {PAGE_URL}", RAJ],
            id="url-broken-after-a-slash",
        ),
        pytest.param(
            "Smith, J. (2019). A review of Johnson (2018). Journal of Reviews, 4(2), 1–9.\n"
            "Continuing Johnson (2018). on a new line.",
            ["Smith, J. (2019). A review of Johnson (2018). Journal of Reviews, 4(2), 1–9. Continuing Johnson "
             "(2018). on a new line."],
            id="years-inside-a-title-do-not-split",
        ),
        pytest.param(f"1. {RAJ}\n2. {BRAUN}", [f"1. {RAJ}", f"2. {BRAUN}"], id="numbered-lines"),
        pytest.param(
            "Nolan, C. (Director), & Thomas, E. (Producer). (2010). Inception [Film]. Warner Bros.\n"
            "American Psychological Association [APA]. (2020). Publication manual (7th ed.).\n"
            "Raj et al. (2017). Identity and professional networking.",
            ["Nolan, C. (Director), & Thomas, E. (Producer). (2010). Inception [Film]. Warner Bros.",
             "American Psychological Association [APA]. (2020). Publication manual (7th ed.).",
             "Raj et al. (2017). Identity and professional networking."],
            id="roles-abbreviations-and-et-al-start-entries",
        ),
    ],
)
def test_split_plain_text_layouts(layout: str, expected: list[str]) -> None:
    assert texts(lines_as_paragraphs(layout)) == expected
    assert texts([Paragraph(index=0, text=layout, line=1)]) == expected


@pytest.mark.parametrize(
    "entries",
    [
        pytest.param([RAJ, BRAUN, VYGOTSKY], id="journal-journal-book"),
        pytest.param([VYGOTSKY, WHO, CLIMATE, USDE, RAJ], id="group-title-first-and-abbreviated-group"),
        pytest.param([f"{PAGE} {PAGE_URL}", RAJ], id="after-a-url-without-period"),
        pytest.param(
            [BRAUN.replace("https://doi.org/", "doi:"), "boyd, d. m., & Ellison, N. B. (2007). Social network "
             "sites: Definition, history, and scholarship. Journal of Computer-Mediated Communication, 13(1), "
             "210–230."],
            id="lowercase-author-after-a-doi",
        ),
        pytest.param(
            ["Smith, J. A., & Osborn, M. (2015). Interpretative phenomenological analysis. In J. A. Smith (Ed.), "
             "Qualitative psychology: A practical guide to research methods (3rd ed., pp. 25–52). SAGE "
             "Publications.", "Kesharwani, P. (Ed.). (2020). Nanotechnology based approaches for tuberculosis "
             "treatment. Academic Press."],
            id="chapter-then-editor-as-author",
        ),
    ],
)
def test_split_entries_pasted_into_one_paragraph(entries: list[str]) -> None:
    paragraph = Paragraph(index=3, text=" ".join(entries))
    found = split_entries([paragraph])
    assert [text for text, _ in found] == entries
    for text, location in found:
        assert location.paragraph == 3 and location.line is None
        assert paragraph.text[location.start:location.end] == location.text == text


def test_docx_paragraphs_one_entry_each_with_empty_ones_skipped() -> None:
    paragraphs = [Paragraph(index=10, text=RAJ), Paragraph(index=11, text="   "), Paragraph(index=12, text=""),
                  Paragraph(index=13, text=BRAUN)]
    refs = parse_reference_list(paragraphs)
    assert [(r.index, r.location.paragraph, r.location.start, r.location.end) for r in refs] == [
        (0, 10, 0, len(RAJ)), (1, 13, 0, len(BRAUN))]
    assert [r.location.line for r in refs] == [None, None]


def test_a_first_line_that_is_not_an_entry_start_still_makes_an_entry() -> None:
    assert texts(lines_as_paragraphs(f"Smith, J. Networking and you. Penguin.\n{RAJ}")) == [
        "Smith, J. Networking and you. Penguin.", RAJ]


def test_nothing_in_nothing_out() -> None:
    assert parse_reference_list([]) == ()
    assert parse_reference_list([Paragraph(index=0, text="\n \n\t")]) == ()


_ENTRIES = ["Adams, P. (2019). Learning in groups. Journal of Study, 1(2), 3–4.",
            "Brown, T. (2020). Notes on notes. Study Press.",
            "Clark, R. (2021). Memory at work. Journal of Study, 3(1), 5–9."]


@pytest.mark.parametrize("markers", [["1. ", "2. ", "3. "], ["[1] ", "[2] ", "[3] "], ["1) ", "2) ", "4) "],
                                     ["\u25cf ", "\u25cf ", "\u25cf "], ["\uf0b7\t", "\uf0b7\t", "\uf0b7\t"]])
def test_the_numbers_or_bullets_of_a_list_are_not_part_of_its_entries(markers: list[str]) -> None:
    """Word's list numbering and bullets come through as text from a PDF or a paste; they are the
    list's, and the entries start after them, with their places still in the paragraph."""
    paragraphs = [Paragraph(index=i, text=marker + entry) for i, (marker, entry) in enumerate(zip(markers, _ENTRIES))]
    references = parse_reference_list(paragraphs)
    assert [ref.location.text for ref in references] == _ENTRIES
    assert [ref.location.start for ref in references] == [len(marker) for marker in markers]
    assert [ref.family_names[0] for ref in references] == ["Adams", "Brown", "Clark"]


@pytest.mark.parametrize("texts", [
    ["[10] " + _ENTRIES[0], _ENTRIES[1], _ENTRIES[2]],  # one entry's own stray number
    ["2. " + _ENTRIES[0], "3. " + _ENTRIES[1], "4. " + _ENTRIES[2]],  # not a list from 1
    ["1. " + _ENTRIES[0], "3. " + _ENTRIES[1], "2. " + _ENTRIES[2]],  # not in order
    ["3M Company. (2020). Annual report. 3M.", _ENTRIES[1], _ENTRIES[2]],
])
def test_a_number_that_is_not_a_list_numbering_stays(texts: list[str]) -> None:
    paragraphs = [Paragraph(index=i, text=text) for i, text in enumerate(texts)]
    assert [ref.location.text for ref in parse_reference_list(paragraphs)] == texts
