"""Linking citations to entries: exact, slips, ambiguity, and what must stay unlinked."""

import pytest

from essaycheck.link import acronym, link_citations, names_close, year_key
from essaycheck.model import Author, Citation, Location, Reference

HERE = Location(0, 0, 1, "x")


def ref(index, names, year, title="A title", group=False):
    authors = tuple(Author(literal=n) if group else Author(family=n, given="A.") for n in names)
    return Reference(index=index, text=f"{names} ({year}). {title}.", location=HERE, authors=authors,
                     year=year, year_number=int(year[:4]) if year[:4].isdigit() else None, title=title)


def cite(names, year, et_al=False, abbreviation="", role="work"):
    return Citation(text=f"{names}, {year}", authors=tuple(names), year=year, narrative=False,
                    location=HERE, group=HERE, et_al=et_al, abbreviation=abbreviation, role=role)


REFS = [
    ref(0, ["Braun", "Clarke"], "2006"),
    ref(1, ["Granovetter"], "1973"),
    ref(2, ["Raj", "Fast", "Fisher"], "2017"),
    ref(3, ["van Merriënboer", "Sweller"], "2005"),
    ref(4, ["American Psychological Association"], "2020", group=True),
    ref(5, ["Organisation for Economic Co-operation and Development"], "2019", group=True),
    ref(6, ["Smith"], "2019a", title="Alpha"),
    ref(7, ["Smith"], "2019b", title="Beta"),
    ref(8, ["Jones"], "n.d."),
]


@pytest.mark.parametrize("citation, reference, quality", [
    (cite(["Braun", "Clarke"], "2006"), 0, "exact"),
    (cite(["Raj"], "2017", et_al=True), 2, "exact"),
    (cite(["Van Merrienboer", "Sweller"], "2005"), 3, "exact"),  # case and accents do not matter
    (cite(["APA"], "2020"), 4, "exact"),  # acronym of a group author
    (cite(["OECD"], "2019"), 5, "exact"),
    (cite(["Smith"], "2019b"), 7, "exact"),
    (cite(["Jones"], "n.d."), 8, "exact"),
    (cite(["Granoveter"], "1973"), 1, "author-mismatch"),
    (cite(["Granovetter"], "1974"), 1, "year-mismatch"),
    (cite(["Smith"], "2019"), 6, "ambiguous"),
    (cite(["Putnam"], "2000"), None, "missing"),
    (cite(["Chen"], "2023", role="personal-communication"), None, "not-required"),
    (cite(["Vygotsky"], "1978", role="secondary-original"), None, "not-required"),
])
def test_link_quality(citation, reference, quality):
    (link,) = link_citations([citation], REFS)
    assert (link.reference, link.quality) == (reference, quality)


@pytest.mark.parametrize("year, quality", [
    ("1885/1913", "exact"),  # APA 7: both years for a republished work
    ("1913", "exact"),
    ("1880/1913", "year-mismatch"),
    ("1885", "year-mismatch"),
])
def test_republished_work_is_cited_with_both_years(year, quality):
    republished = Reference(index=0, text="Ebbinghaus, H. (1913). Memory. Teachers College. "
                            "(Original work published 1885)", location=HERE,
                            authors=(Author(family="Ebbinghaus", given="H."),), year="1913", year_number=1913,
                            title="Memory", original_year="1885")
    (link,) = link_citations([cite(["Ebbinghaus"], year)], [republished])
    assert link.quality == quality


def test_initials_tell_first_authors_with_the_same_surname_apart():
    smiths = [Reference(index=i, text=f"Smith, {given} (2019). {title}.", location=HERE,
                        authors=(Author(family="Smith", given=given),), year="2019", year_number=2019, title=title)
              for i, (given, title) in enumerate([("E.", "Libraries"), ("J.", "Schools")])]

    def written(text):
        return Citation(text=text, authors=("Smith",), year="2019", narrative=False, location=HERE, group=HERE)

    links = link_citations([written("E. Smith, 2019"), written("J. Smith, 2019"), written("Smith, 2019")], smiths)
    assert [(link.reference, link.quality) for link in links] == [(0, "exact"), (1, "exact"), (0, "ambiguous")]


def test_abbreviation_defined_in_text_links_later_uses():
    first = cite(["World Health Organization"], "2021", abbreviation="WHO")
    later = cite(["WHO"], "2021")
    who = ref(0, ["World Health Organization"], "2021", group=True)
    assert [link.reference for link in link_citations([first, later], [who])] == [0, 0]


def test_repeated_entry_is_not_ambiguous():
    twice = [ref(0, ["Granovetter"], "1973"), ref(1, ["Granovetter"], "1973")]
    (link,) = link_citations([cite(["Granovetter"], "1973")], twice)
    assert link.quality == "exact"


def test_different_short_names_are_not_slips():
    assert names_close("Lee", "Lei")
    assert not names_close("Lee", "Kim")
    assert not names_close("Smith", "Smyth-Jones")


def test_acronyms():
    assert acronym("American Psychological Association") == "APA"
    assert acronym("Organisation for Economic Co-operation and Development") == "OECD"


def test_year_order_is_apa_order():
    years = ["in press", "2019b", "n.d.", "2019a", "2001"]
    assert sorted(years, key=year_key) == ["n.d.", "2001", "2019a", "2019b", "in press"]
