"""Reading entries written the way real students write them, in APA and in other styles.

Each shape here was once misread in a real essay; the examples are invented, of the same shape.
An entry in another style (a free-standing year, "Journal 12: 4-9", "Place: Publisher", names
given first, semicolons, Vancouver) must still give its authors, year, title and source, so that
citations link to it, and it must carry a warning, so that no rule rewrites it from a reading
that may be wrong. A clean APA entry carries none.
"""

from __future__ import annotations

import pytest

from essaycheck.references import parse_reference
from essaycheck.references import slips


def read(entry: str, fields) -> dict:
    """The named fields of the parsed entry; "families" is the authors' family names, "given" their given names."""
    ref = parse_reference(entry)
    values = {"families": tuple(a.family for a in ref.authors), "given": tuple(a.given for a in ref.authors)}
    return {name: values[name] if name in values else getattr(ref, name) for name in fields}


OTHER_STYLES = [
    # P1, P2: journal, volume and pages without APA's punctuation
    pytest.param(
        "Lindqvist, A. (2003). Signals in the dark. Trends in Listening 26, 507–513.",
        dict(families=("Lindqvist",), year="2003", title="Signals in the dark", container_title="Trends in Listening",
             volume="26", issue="", pages="507–513"),
        id="P1-volume-after-journal-without-comma",
    ),
    pytest.param(
        "Lindqvist, A. (2003). Signals in the dark. Journal of Quiet Things, 8: 7-28.",
        dict(families=("Lindqvist",), year="2003", title="Signals in the dark",
             container_title="Journal of Quiet Things", volume="8", issue="", pages="7-28", type="article-journal"),
        id="P2-volume-colon-pages",
    ),
    # P3: other styles' journal forms
    pytest.param(
        'Birchwood, Sarah 2001. "Gardens of the western shore." Perspectives on Horticulture 2 (3): 355–377.',
        dict(families=("Birchwood",), given=("Sarah",), year="2001", title="Gardens of the western shore",
             container_title="Perspectives on Horticulture", volume="2", issue="3", pages="355–377",
             type="article-journal"),
        id="P3-free-year-quoted-title-volume-space-issue",
    ),
    pytest.param(
        "Fenwick, T. (2012). Moss and memory. Journal of Damp Places, Vol. 12, No. 3, pp. 4-9.",
        dict(families=("Fenwick",), year="2012", title="Moss and memory", container_title="Journal of Damp Places",
             volume="12", issue="3", pages="4-9"),
        id="P3-vol-no-pp",
    ),
    pytest.param(
        "Fenwick, T. (2012). Moss and memory. In: Journal of Damp Places, 73, 1, 31 - 56.",
        dict(families=("Fenwick",), year="2012", title="Moss and memory", container_title="Journal of Damp Places",
             volume="73", issue="1", pages="31 - 56", type="article-journal"),
        id="P3-in-journal-bare-numbers",
    ),
    # P4: books with their place of publication
    pytest.param(
        "Wendell, E. 1998. Circles of craft. Cambridge: Cambridge University Press.",
        dict(families=("Wendell",), year="1998", title="Circles of craft", publisher="Cambridge University Press"),
        id="P4-place-colon-publisher",
    ),
    pytest.param(
        "Müller, Hans (2007): Gärten der Stadt. Eine Geschichte der Beete. Wiesbaden: Verlag Grünblatt.",
        dict(families=("Müller",), given=("Hans",), year="2007",
             title="Gärten der Stadt. Eine Geschichte der Beete", publisher="Verlag Grünblatt"),
        id="P4-german-two-sentence-title",
    ),
    # P5: author lists written another way
    pytest.param(
        "Adamczak, Grzegorz; Gostner, Peter (2007): Die Ordnung der Dinge. Berlin: Verlag Nord.",
        dict(families=("Adamczak", "Gostner"), given=("Grzegorz", "Peter"), year="2007", title="Die Ordnung der Dinge",
             publisher="Verlag Nord"),
        id="P5-semicolons",
    ),
    pytest.param(
        "Hollis RG, Darby J (2003) Costs of quiet wards. Health Econ Rev 4: 11-19.",
        dict(families=("Hollis", "Darby"), given=("RG", "J"), year="2003", title="Costs of quiet wards",
             container_title="Health Econ Rev", volume="4", pages="11-19"),
        id="P5-vancouver",
    ),
    pytest.param(
        "Andersson, Rudy B. and Jacques Thomason. 2003. Voting by lantern light. London: Harbour Books.",
        dict(families=("Andersson", "Thomason"), given=("Rudy B.", "Jacques"), year="2003",
             title="Voting by lantern light", publisher="Harbour Books"),
        id="P5-given-names-first-after-the-first-author",
    ),
    pytest.param(
        "Okafor, Chinedu, Amara Obi. (2018). Markets at dawn. Lagos Press.",
        dict(families=("Okafor", "Obi"), given=("Chinedu", "Amara"), year="2018", title="Markets at dawn",
             publisher="Lagos Press"),
        id="P5-full-given-names",
    ),
    pytest.param(
        "Xu, Q, X. (2019). Paper lanterns. Lantern Press.",
        dict(families=("Xu",), year="2019", title="Paper lanterns", publisher="Lantern Press"),
        id="P5-initial-without-period-then-initial",
    ),
    pytest.param(
        "Brooks, M., E. (2019). River stones. Stone Press.",
        dict(families=("Brooks",), year="2019", title="River stones", publisher="Stone Press"),
        id="P5-comma-between-initials",
    ),
    pytest.param(
        "C. Szabo, V. Vannucci, Z. Wojcik Rethinking the lantern architecture for computer vision in the wild "
        "(2016). Proc. Vision Conf., 2818-2826.",
        dict(families=("Szabo", "Vannucci", "Wojcik"), given=("C.", "V.", "Z."), year="2016"),
        id="P5-initials-first",
    ),
    pytest.param(
        "Tricia M. Farrow, Richard D. Watkins. Dialogic kites on the web. Public Kites Review, 36(2), 102-106. "
        "June 2010.",
        dict(families=("Farrow", "Watkins"), given=("Tricia M.", "Richard D."), year="2010",
             title="Dialogic kites on the web", container_title="Public Kites Review", volume="36", issue="2",
             pages="102-106"),
        id="P5-natural-names-date-at-the-end",
    ),
]


@pytest.mark.parametrize(("entry", "expected"), OTHER_STYLES)
def test_entries_in_other_styles_are_read(entry: str, expected: dict) -> None:
    assert read(entry, expected) == expected


@pytest.mark.parametrize(("entry", "expected"), OTHER_STYLES)
def test_P7_every_lenient_reading_leaves_a_warning(entry: str, expected: dict) -> None:
    assert parse_reference(entry).warnings != ()


def test_P5_family_names_in_capitals() -> None:
    ref = parse_reference("APPLEBY Eileen, BATTEN, Rosemary, 1994, The shape of work, Ithaca: Ridge Press.")
    assert [(a.family.casefold(), a.given) for a in ref.authors] == [("appleby", "Eileen"), ("batten", "Rosemary")]
    assert (ref.year, ref.title, ref.publisher) == ("1994", "The shape of work", "Ridge Press")
    assert slips.AUTHOR_NAMES in ref.warnings and slips.YEAR_NOT_IN_PARENTHESES in ref.warnings


@pytest.mark.parametrize(("entry", "expected"), [
    pytest.param(
        "Marsh, K. (2020, January 21). Frost on the windows. The Weather Blog. https://example.org/frost",
        dict(year="2020", year_number=2020, date_extra="January 21", title="Frost on the windows",
             url="https://example.org/frost", warnings=()),
        id="P6-month-and-day",
    ),
    pytest.param(
        "Piaget, J. (1967/1928). Lanterns of reasoning. Harbour Books.",
        dict(year="1967", year_number=1967, date_extra="", title="Lanterns of reasoning", publisher="Harbour Books",
             warnings=(slips.TWO_YEARS,)),
        id="P6-two-years",
    ),
])
def test_P6_dates(entry: str, expected: dict) -> None:
    assert read(entry, expected) == expected


@pytest.mark.parametrize(("entry", "kind"), [
    pytest.param("Lindqvist, A., Marsh, K., & Obi, A. (2003). Signals in the dark. Trends in Listening, 26(4), "
                 "507–513. https://doi.org/10.1234/listen.2003.26", "article-journal", id="journal-article"),
    pytest.param("Wendell, E. (1998). Circles of craft: Learning, meaning, and identity. Cambridge University Press.",
                 "book", id="book"),
])
def test_P7_a_clean_apa_entry_has_no_warnings(entry: str, kind: str) -> None:
    ref = parse_reference(entry)
    assert (ref.type, ref.warnings) == (kind, ())
