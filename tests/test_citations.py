"""Which in-text citations are found, and how each field is filled: example tables."""

from __future__ import annotations

import pytest

from essaycheck.citations import find_citations
from essaycheck.model import Paragraph
from essaycheck.names import fold


def _find(text: str, known: frozenset[str] = frozenset()):
    return find_citations([Paragraph(index=0, text=text)], known)


# text -> one dict per expected Citation, in reading order; only the keys given are compared
# ("loc" is location.text, "grp" is group.text).
MUST_FIND = [
    # parenthetical
    # a work without author, cited by its quoted title (the comma inside the quotation marks)
    ('("Digital Skills," 2021)', [dict(authors=("Digital Skills",), year="2021", comma_before_year=True)]),
    ("(“Digital Skills,” 2021, p. 3)", [dict(authors=("Digital Skills",), locator="p. 3")]),
    ("(Page Group, 2022).", [dict(authors=("Page Group",), year="2022", narrative=False, loc="Page Group, 2022",
                                  grp="(Page Group, 2022)", comma_before_year=True, connector="", et_al=False)]),
    ("(Hattie & Timperley, 2007)", [dict(authors=("Hattie", "Timperley"), connector="&")]),
    ("(Raj et al., 2017)", [dict(authors=("Raj",), et_al=True, year="2017")]),
    ("(Smith, 2019; Lee & Park, 2020; Ng et al., 2021)", [
        dict(authors=("Smith",), position=0, loc="Smith, 2019"),
        dict(authors=("Lee", "Park"), position=1, loc="Lee & Park, 2020"),
        dict(authors=("Ng",), position=2, et_al=True, grp="(Smith, 2019; Lee & Park, 2020; Ng et al., 2021)"),
    ]),
    ("(Smith, 2000a, 2000b)", [dict(year="2000a", position=0, loc="Smith, 2000a", authors=("Smith",)),
                               dict(year="2000b", position=1, loc="2000b", authors=("Smith",))]),
    ("(e.g., Smith, 2019)", [dict(prefix="e.g.,", loc="Smith, 2019")]),
    ("(see Smith, 2019)", [dict(prefix="see", authors=("Smith",))]),
    ("(see also Smith, 2019)", [dict(prefix="see also")]),
    ("(cf. Smith, 2019)", [dict(prefix="cf.")]),
    ("(e.g., Smith, 2019; see also Lee, 2020)", [dict(prefix="e.g.,"), dict(prefix="see also", authors=("Lee",))]),
    ("(Smith, 2019, p. 4)", [dict(locator="p. 4", loc="Smith, 2019, p. 4")]),
    ("(Smith, 2019, pp. 4–5)", [dict(locator="pp. 4–5")]),
    ("(Smith, 2019, para. 2)", [dict(locator="para. 2")]),
    ("(Smith, 2019, Chapter 3)", [dict(locator="Chapter 3")]),
    ("(APA, 2020, Table 2)", [dict(authors=("APA",), locator="Table 2")]),
    ("(Smith, 2019, emphasis added)", [dict(locator="", loc="Smith, 2019, emphasis added")]),
    ("(Smith, 2000a, 2000b, p. 7)", [dict(year="2000a", locator=""), dict(year="2000b", locator="p. 7")]),
    ("(American Psychological Association [APA], 2020)", [
        dict(authors=("American Psychological Association",), abbreviation="APA",
             loc="American Psychological Association [APA], 2020")]),
    ("(APA, 2020)", [dict(authors=("APA",), abbreviation="")]),
    ("(Smith, n.d.)", [dict(year="n.d.", year_number=None)]),
    ("(Smith, n.d.-a)", [dict(year="n.d.-a")]),
    ("(Smith, in press)", [dict(year="in press")]),
    ("(Smith, 2019a)", [dict(year="2019a", year_number=2019)]),
    ("(Freud, 1900/1953)", [dict(year="1900/1953", year_number=1900)]),
    ("(World Health Organization, 2020)", [dict(authors=("World Health Organization",))]),
    ("(Department of Health and Social Care, 2020)", [dict(authors=("Department of Health and Social Care",),
                                                          connector="")]),
    ("(World Health Organization & UNICEF, 2020)", [dict(authors=("World Health Organization", "UNICEF"),
                                                        connector="&")]),
    ("(Smith, Jones, & Lee, 2019)", [dict(authors=("Smith", "Jones", "Lee"), connector="&")]),
    ("(van Merriënboer & Sweller, 2005)", [dict(authors=("van Merriënboer", "Sweller"))]),
    ("(Smith-Jones, 2018)", [dict(authors=("Smith-Jones",))]),
    ("(O'Brien, 2019)", [dict(authors=("O'Brien",))]),
    ("(Smith,2019)", [dict(authors=("Smith",), comma_before_year=True)]),
    # slips that must still be found and flagged
    ("(Braun and Clarke, 2006)", [dict(authors=("Braun", "Clarke"), connector="and")]),
    ("(Smith 2019)", [dict(authors=("Smith",), comma_before_year=False, loc="Smith 2019")]),
    ("(Smith & Jones 2019)", [dict(authors=("Smith", "Jones"), comma_before_year=False)]),
    ("(Smith et al. 2019)", [dict(et_al=True, comma_before_year=False)]),
    ("(Smith, et al., 2019)", [dict(authors=("Smith",), et_al=True)]),
    # narrative
    ("Smith (2020) argues", [dict(authors=("Smith",), narrative=True, loc="Smith (2020)", grp="Smith (2020)",
                                  comma_before_year=False)]),
    ("Braun and Clarke (2006) describe", [dict(authors=("Braun", "Clarke"), connector="and", narrative=True)]),
    ("Braun & Clarke (2006) describe", [dict(authors=("Braun", "Clarke"), connector="&", narrative=True)]),
    ("Smith's (2020) model", [dict(authors=("Smith",), possessive=True, loc="Smith's (2020)")]),
    ("Smith’s (2020) model", [dict(possessive=True)]),
    ("Jones' (2020) model", [dict(authors=("Jones",), possessive=True)]),
    ("Hattie and Timperley's (2007) model", [dict(authors=("Hattie", "Timperley"), possessive=True)]),
    ("as Raj et al. (2017) show", [dict(authors=("Raj",), et_al=True, comma_before_year=False,
                                        loc="Raj et al. (2017)")]),
    ("as Raj et al., (2017) show", [dict(authors=("Raj",), et_al=True, comma_before_year=True,
                                         loc="Raj et al., (2017)")]),
    ("Smith et al.'s (2019) view", [dict(et_al=True, possessive=True)]),
    ("Data from the OECD (2019) show", [dict(authors=("OECD",), loc="OECD (2019)", narrative=True)]),
    ("van Merriënboer and Sweller (2005) argue", [dict(authors=("van Merriënboer", "Sweller"),
                                                       loc="van Merriënboer and Sweller (2005)")]),
    ("Van Merriënboer (2005) argues", [dict(authors=("Van Merriënboer",))]),
    ("as de Vries (2019) notes", [dict(authors=("de Vries",))]),
    ("Smith-Jones (2018) found", [dict(authors=("Smith-Jones",))]),
    ("Ngũgĩ (1986) wrote", [dict(authors=("Ngũgĩ",))]),
    ("McDonald (2019) wrote", [dict(authors=("McDonald",))]),
    ("Smith, Jones, and Lee (2020) found", [dict(authors=("Smith", "Jones", "Lee"), connector="and")]),
    ("Smith (2019, 2020) argues", [dict(year="2019", position=0, narrative=True, grp="Smith (2019, 2020)"),
                                   dict(year="2020", position=1, narrative=True)]),
    ("Smith (2019, p. 4) said", [dict(locator="p. 4", loc="Smith (2019, p. 4)")]),
    ("Recently, Smith (2020) found", [dict(authors=("Smith",))]),
    ("Moreover, Smith and Jones (2020) found", [dict(authors=("Smith", "Jones"))]),
    ("Professor Smith (2020) found", [dict(authors=("Smith",), loc="Smith (2020)")]),
    ("As Brené Brown (2012) notes", [dict(authors=("Brown",))]),
    ("The Page Group (2022) says", [dict(authors=("Page Group",))]),
    ("According to the World Health Organization (2020), x", [dict(authors=("World Health Organization",))]),
    ("the Department of Education (2019) says", [dict(authors=("Department of Education",))]),
    ("American Psychological Association (APA, 2020) says", [
        dict(authors=("American Psychological Association",), abbreviation="APA", narrative=True,
             loc="American Psychological Association (APA, 2020)")]),
    ("(see Smith (2019) for a review)", [dict(authors=("Smith",), narrative=True, loc="Smith (2019)")]),
    ("Smith (2019; see also Jones, 2020)", [dict(authors=("Smith",), narrative=True, position=0),
                                            dict(authors=("Jones",), narrative=False, prefix="see also",
                                                 position=1)]),
    ("Smith\u00a0(2019) wrote", [dict(authors=("Smith",))]),
    # a page in a later parenthesis of the same sentence belongs to the narrative citation
    ("as Raj et al., (2017) point out the notion of identity can play a role (p. 780).", [
        dict(authors=("Raj",), locator="p. 780", loc="Raj et al., (2017)", quoted=False)]),
    ("Smith (2019) says the effect is small. Lee (2020) disagrees (p. 4).", [
        dict(authors=("Smith",), locator=""), dict(authors=("Lee",), locator="p. 4")]),
    ("Smith (2019) lists (1) this and (2) that (p. 4).", [dict(locator="p. 4")]),
    ("Smith (2019) agrees with Lee (2020) here (p. 4).", [dict(authors=("Smith",), locator=""),
                                                          dict(authors=("Lee",), locator="p. 4")]),
    ('Smith (2019) wrote: "It ends. Then it starts again" (p. 9).', [dict(locator="p. 9", quoted=True)]),
    # secondary sources
    ("(Vygotsky, 1978, as cited in Hattie & Timperley, 2007)", [
        dict(authors=("Vygotsky",), role="secondary-original", position=0, loc="Vygotsky, 1978"),
        dict(authors=("Hattie", "Timperley"), role="work", position=1, loc="Hattie & Timperley, 2007")]),
    ("Vygotsky (1978, as cited in Hattie & Timperley, 2007) argued", [
        dict(authors=("Vygotsky",), role="secondary-original", narrative=True),
        dict(authors=("Hattie", "Timperley"), role="work", narrative=False)]),
    # personal communications
    ("(M. Chen, personal communication, March 3, 2023)", [
        dict(authors=("Chen",), year="2023", role="personal-communication", narrative=False)]),
    ("M. Chen (personal communication, March 3, 2023) said", [
        dict(authors=("Chen",), year="2023", role="personal-communication", narrative=True,
             loc="M. Chen (personal communication, March 3, 2023)")]),
    # quotations
    ('that “identity can play a role” (Raj et al., 2017, p. 780).', [dict(quoted=True, locator="p. 780")]),
    ('that "identity can play a role" (Raj et al., 2017, p. 780).', [dict(quoted=True)]),
    ('the “identity” of a person (Raj et al., 2017).', [dict(quoted=False)]),
    ('the term “professional identity” (Raj et al., 2017).', [dict(quoted=False)]),
    ('Smith (2019) wrote that "we need much more care" (p. 4).', [dict(quoted=True, locator="p. 4")]),
    ("Smith (2019) wrote that we need much more care (p. 4).", [dict(quoted=False, locator="p. 4")]),
    # a group whose name starts with an initialism: "U.S." is part of the name, not the sentence before
    ("The U.S. Department of Health and Human Services (2018) gives the same advice.",
     [dict(authors=("U.S. Department of Health and Human Services",), narrative=True)]),
    ("(U.S. Department of Health and Human Services, 2018)",
     [dict(authors=("U.S. Department of Health and Human Services",), narrative=False)]),
]

# Borderline candidates that only the reference list's names make acceptable.
MUST_FIND_WITH_KNOWN = [
    ("as boyd (2014) argues", {"boyd"}, [dict(authors=("boyd",), narrative=True)]),
    ("(hooks, 1994)", {"hooks"}, [dict(authors=("hooks",))]),
    ("As boyd and Ellison (2007) define them, social network sites are “web-based services that allow "
     "individuals to (1) construct a public or semi-public profile within a bounded system, (2) articulate a "
     "list of other users with whom they share a connection, and (3) view and traverse their list of "
     "connections and those made by others within the system” (p. 211). The third feature matters most.",
     {"boyd", "ellison"},
     [dict(authors=("boyd", "Ellison"), connector="and", locator="p. 211", quoted=True)]),
    ("(Garcia Marquez, 1967)", {"garciamarquez"}, [dict(authors=("Garcia Marquez",))]),
    ("García Márquez (1967) wrote", {"garciamarquez"}, [dict(authors=("García Márquez",))]),
    ("(Google 2020)", {"google"}, [dict(authors=("Google",), comma_before_year=False)]),
    ("(PISA 2018)", {"pisa"}, [dict(authors=("PISA",))]),
    ("the National Academies of Sciences, Engineering, and Medicine (2018) report",
     {fold("National Academies of Sciences, Engineering, and Medicine")},
     [dict(authors=("National Academies of Sciences, Engineering, and Medicine",))]),
    ("as the U.K. Office for Students (2020) reports", {fold("U.K. Office for Students")},
     [dict(authors=("U.K. Office for Students",), narrative=True)]),
]

MUST_NOT_FIND = [
    '("hello world" 2021)', '("lower case," 2020)', '(he said "so," 2021)',
    "(see Table 2)", "(in 2019)", "(aged 25–34)", "COVID-19", "(a 300% increase)", "(WHO)", "(n = 2019)",
    "(p < .05)", "(March 3, 2023)", "(June 2020)", "(2019–2020)", "(2019-2020)", "(10:30)", "($2,019)", "(£2019)",
    "(€2019)", "(1990s)", "in 2019 (the report)", "the report (2019)", "In 2019 (see above)", "Windows 2000",
    "(Windows 2000)", "Section 2019.3 (see 2019.4)", "(ISBN 978-1-4338-2019-1)", "Table 2019", "(Table 2019)",
    "(see Table 2019)", "(Table 2, 2019)", "(Summer 2020)", "(PISA 2018)", "(Class of 2019)", "(est. 1850)",
    "(born 1950)", "(Since 2019)", "(c. 1850)", "(2019)", "In (2019)", "the Great Recession (2008)",
    "COVID-19 (2020)", "World War II (1939)", "(Monday, 2019)", "(March, 2020)", "(N = 2019)",
    "as boyd (2014) argues", "(hooks, 1994)", "Smith 2019 said", "(Smith) 2019", "(since 2019, see above)",
    "The study (2019) found", "a (2019) study", "(version 2019)", "(in press release)",
    "(Smith, 2019 onwards)", "(" * 50, "()", "(Smith, " + "x" * 400 + " 2019)",
]


def _field(citation, key):
    if key == "loc":
        return citation.location.text
    if key == "grp":
        return citation.group.text
    return getattr(citation, key)


def _check(text, found, expected):
    assert len(found) == len(expected), [c.text for c in found]
    for citation, want in zip(found, expected):
        got = {key: _field(citation, key) for key in want}
        assert got == want, citation
        location, group = citation.location, citation.group
        assert location.text == text[location.start:location.end] == citation.text
        assert group.text == text[group.start:group.end]
        assert group.start <= location.start <= location.end <= group.end


@pytest.mark.parametrize("text, expected", MUST_FIND, ids=[t for t, _ in MUST_FIND])
def test_must_find(text, expected):
    _check(text, _find(text), expected)


@pytest.mark.parametrize("text, known, expected", MUST_FIND_WITH_KNOWN, ids=[t for t, _, _ in MUST_FIND_WITH_KNOWN])
def test_known_names_accept_borderline_candidates(text, known, expected):
    _check(text, _find(text, frozenset(known)), expected)


@pytest.mark.parametrize("text", MUST_NOT_FIND, ids=[t[:40] for t in MUST_NOT_FIND])
def test_must_not_find(text):
    assert _find(text) == ()


@pytest.mark.parametrize("text, expected", MUST_FIND, ids=[t for t, _ in MUST_FIND])
def test_known_names_never_reject(text, expected):
    _check(text, _find(text, frozenset({"somebodyelse", "unrelatedgroup"})), expected)


def test_reading_order_across_paragraphs_and_locations():
    paragraphs = [
        Paragraph(index=3, text="First (Smith, 2019). Then Lee (2020) and (Ng, 2021; Oh, 2022).", line=7),
        Paragraph(index=4, text="No citations here."),
        Paragraph(index=5, text="Line one\nand (Park, 2018) on line two."),
    ]
    found = find_citations(paragraphs)
    assert [c.authors[0] for c in found] == ["Smith", "Lee", "Ng", "Oh", "Park"]
    assert [c.location.paragraph for c in found] == [3, 3, 3, 3, 5]
    assert found[0].location.line == 7
    assert found[-1].location.line is None
    assert [c.position for c in found] == [0, 0, 0, 1, 0]
    text = paragraphs[0].text
    assert found[1].group.start == text.index("Lee")


def test_line_of_a_citation_in_a_multi_line_paragraph():
    found = find_citations([Paragraph(index=0, text="one\ntwo (Smith, 2019)\nthree", line=10)])
    assert found[0].location.line == 11


def test_empty_input():
    assert find_citations([]) == ()
    assert find_citations([Paragraph(index=0, text="")]) == ()


def test_an_italic_title_before_a_year_is_not_an_author():
    text = "In Outliers (2008), Gladwell argues that (Gladwell, 2008) practice matters."
    italic = ((text.index("Outliers"), text.index("Outliers") + len("Outliers")),)
    found = find_citations([Paragraph(index=0, text=text, italic=italic)])
    assert [(c.authors, c.narrative) for c in found] == [(("Gladwell",), False)]


def test_two_narrative_citations_in_one_sentence():
    found = _find("Smith (2019) and Jones (2020) agree, unlike Lee et al. (2021).")
    assert [(c.authors, c.group.text) for c in found] == [
        (("Smith",), "Smith (2019)"), (("Jones",), "Jones (2020)"), (("Lee",), "Lee et al. (2021)")]


@pytest.mark.parametrize("text", ["the update (2020, March 3) says", "a figure (2019, see below)"])
def test_a_year_with_other_words_after_an_ordinary_word_is_not_a_citation(text):
    assert _find(text) == ()
