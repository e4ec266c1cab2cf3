"""Italics in entries shaped like those of real essays (made-up examples of shapes seen there).

An entry with nothing in italics is told so whatever its kind, unless it is written in another
style or names no source; swapped italics are named when the kind is sure (a journal's DOI, a
group's name as publisher); an entry over two paragraphs is judged on both.
"""

import pytest

from essaycheck import Settings, check_text

ITALICS = Settings(resolve=False, select=("italics",))

ESSAY = """Essay

Tasks pile up (Bandura, 1977; {cite}).

# References

Bandura, A. (1977). *Social learning theory*. Prentice Hall.

{entry}

Wenger, E. (1998). *Communities of practice*. Cambridge University Press.
"""


def italics_messages(entry: str, cite: str) -> list[str]:
    report = check_text(ESSAY.format(entry=entry, cite=cite), ITALICS, kind="md")
    return [p.message for p in report.problems if p.location and p.location.text.startswith(entry[:12])
            or p.reference == 1]


@pytest.mark.parametrize(("entry", "cite"), [
    # a web page with "Retrieved from" and no site name: reference-format has more to say, but the
    # title is still the part APA 7 sets in italics
    ("Moreau, A. (2021, June 3). Nine ways to plan a week. Retrieved from https://planner.example.com/blog/week",
     "Moreau, 2021"),
    # a proceedings paper with its place of publication
    ("Ortiz, J., & Park, M. (2009). Easy to use, hard to master. In Proceedings of the 4th Conference on Game "
     "Design (pp. 107–112). New York, NY: ACM.", "Ortiz & Park, 2009"),
    # a preprint written as Google Scholar gives it
    ("Lind, G., & Costa, A. (2019). Language models across borders. arXiv preprint arXiv:1901.07291.",
     "Lind & Costa, 2019"),
])
def test_an_entry_with_nothing_in_italics_is_told_so(entry, cite):
    messages = italics_messages(entry, cite)
    assert any("Nothing in this entry is in italics" in m for m in messages), messages


@pytest.mark.parametrize(("entry", "cite"), [
    # another style: reference-format tells how to rewrite it, italics included
    ("Zahra Karimi, Omid Tehrani, Bidirectional memory models for water quality, Engineering Journal, "
     "Volume 15, Issue 3, 2024, 102510.", "Karimi et al., 2024"),
    # no source at all: the part to italicise is missing
    ("Huang, J., & Wang, W. (2013). Water quality monitoring with sensor networks. Guangzhou 510642, China.",
     "Huang & Wang, 2013"),
    ("Lin, X., & Lei, Y. (2020). A case-finding decision support system.", "Lin & Lei, 2020"),
])
def test_no_italics_finding_where_the_entry_cannot_say_what_is_italic(entry, cite):
    assert not italics_messages(entry, cite)


def test_a_journal_doi_shows_the_title_should_not_be_italic():
    entry = ("Hossain, M. B., & Chon, K. H. (2022, April 1). *Automatic artifact detection in skin data*. "
             "Biomedical Signal Processing and Control. https://doi.org/10.1016/j.bspc.2022.103483")
    messages = italics_messages(entry, "Hossain & Chon, 2022")
    assert any("Biomedical Signal Processing and Control" in m and "not the article's title" in m for m in messages)
    # the same shape for a book (no journal DOI) is left alone
    book = entry.replace("https://doi.org/10.1016/j.bspc.2022.103483", "").replace("Biomedical Signal Processing "
                                                                                      "and Control", "Lulu Press")
    assert not italics_messages(book.strip(), "Hossain & Chon, 2022")


@pytest.mark.parametrize(("publisher", "flagged"), [
    ("*AAA Foundation for Traffic Safety*", True),  # a group's name in italics, the report's title roman
    ("*UN Development Programme*", True),
    ("*Journal of Traffic Studies*", False),  # an article without volume: its journal is italic, rightly
    ("AAA Foundation for Traffic Safety", False),  # nothing italic at all is another finding
])
def test_a_reports_publisher_in_italics_instead_of_its_title(publisher, flagged):
    entry = f"Tefft, B. (2017). Rates of crashes by driver age, 2014–2015. {publisher}."
    messages = italics_messages(entry, "Tefft, 2017")
    assert any("not the publisher" in m for m in messages) is flagged, messages


def test_an_entry_over_two_paragraphs_is_judged_on_both():
    # the author list broken by a paragraph mark; the title and the proceedings are in the second part
    swapped = ("Gashi, S., Di Lascio, E., & Santini,\n\nS. (2020). *Detection of artifacts in skin data*. "
               "Proceedings of the ACM on Wearable Technologies, 4(2), 1–31. https://doi.org/10.1145/3397316")
    right = swapped.replace("*Detection of artifacts in skin data*", "Detection of artifacts in skin data").replace(
        "Proceedings of the ACM on Wearable Technologies, 4", "*Proceedings of the ACM on Wearable Technologies, 4*")
    bare = swapped.replace("*", "")
    report = check_text(ESSAY.format(entry=bare, cite="Gashi et al., 2020"), ITALICS, kind="md")
    assert [p.message for p in report.problems if "Proceedings of the ACM on Wearable Technologies" in p.message]
    report = check_text(ESSAY.format(entry=right, cite="Gashi et al., 2020"), ITALICS, kind="md")
    assert not report.problems, [p.message for p in report.problems]


def test_a_title_standing_first_is_read_as_the_title():
    from essaycheck.references import parse_reference

    ref = parse_reference("How Fish Farms Work. (2008, May 23). Retrieved January 24, 2019, from "
                          "https://animals.example.com/fish-farms.htm")
    assert (ref.title, ref.authors, ref.type) == ("How Fish Farms Work", (), "webpage")
    # a long title first, then the site's short name after the date
    ref = parse_reference("Recycled Lantern Prices Reach Record Highs. (n.d.). Berg Mill Supply. Retrieved from "
                          "https://bergmill.example.com/prices")
    assert (ref.title, ref.container_title, ref.authors) == ("Recycled Lantern Prices Reach Record Highs",
                                                            "Berg Mill Supply", ())
    assert parse_reference("Page Group. (2022). Top 12 benefits of networking. https://www.example.com.au/x").authors
    # a group with its title missing stays the author; so does an acronym written without a title
    assert parse_reference("World Health Organization. (2020). Retrieved from https://www.who.int/x").authors
    assert parse_reference("OECD (2004) www.oecd.org/edu/eag2004").authors


@pytest.mark.parametrize(("entry", "flagged"), [
    ("*Library for lantern learning. (n.d.). Retrieved May 23, 2021, from https://lanterns.example.com/how*", True),
    ("Moreau, A. (2021). *Nine ways to plan a week*. Planner. *https://planner.example.com/blog/week*", True),
    ("Moreau, A. (2021). *Nine ways to plan a week*. Planner. https://planner.example.com/blog/week", False),
])
def test_a_link_in_italics_is_named(entry, flagged):
    messages = italics_messages(entry, "Moreau, 2021")
    assert any("The link is in italics" in m for m in messages) is flagged, messages


def test_a_groups_page_on_a_site_named_after_it_has_its_title_in_italics():
    entry = ("World Lantern Organization. (2020, January 30). Statement on lanterns. *WLO | World Lantern "
             "Organization*. https://www.wlo.example.int/item")
    messages = italics_messages(entry, "World Lantern Organization, 2020")
    assert any("Statement on lanterns" in m for m in messages), messages
    right = entry.replace("Statement on lanterns", "*Statement on lanterns*").replace(
        "*WLO | World Lantern Organization*", "WLO | World Lantern Organization")
    assert not italics_messages(right, "World Lantern Organization, 2020")
