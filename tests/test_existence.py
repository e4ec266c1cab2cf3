"""Does the work exist? The pure decision (existence.py) and the pure converters of the services' records.

Entries are built by hand (as the parser gives them) and records are Crossref-like dicts, so every
case says exactly what the student wrote and what the index holds.
"""

from __future__ import annotations

import pytest

from essaycheck.model import Author, Reference
from essaycheck.references.parse import parse_reference
from essaycheck.resolve import openalex, openlibrary
from essaycheck.resolve.compare import Mismatch
from essaycheck.resolve.existence import (
    ALTERED_TITLE, CLOSE_TITLE, DIFFERENCES, NOT_CHECKED, NOT_FOUND, SAME_TITLE, VERIFIED, YEAR_SLACK, Answers,
    Candidate, Verdict, author_agreement, can_be_not_found, clean_title, decide, describe, judge, title_similarity,
)
import resolve_support as S

TITLE = "Identity and professional networking"
JOURNAL = "Personality and Social Psychology Bulletin"


def article(title: str = TITLE, authors: tuple[str, ...] = ("Raj", "Fast", "Fisher"), year: int | None = 2017,
            **fields) -> Reference:
    """A journal article as the parser reads it (family names only matter here)."""
    values = dict(type="article-journal", title=title, authors=tuple(Author(name, "X.") for name in authors),
                  year=str(year) if year else "n.d.", year_number=year)
    values.update(fields)
    return S.entry(0, **values)


def record(title: str = TITLE, authors: tuple[str, ...] = ("Raj", "Fast", "Fisher"), year: int | None = 2017,
           **fields) -> dict:
    """A Crossref-like work."""
    work: dict = {"title": [title], "author": [{"family": name, "given": "A."} for name in authors]}
    if year:
        work["issued"] = {"date-parts": [[year]]}
    work.update(fields)
    return work


def crossref(work: dict, link: str = "https://doi.org/10.5555/x", kind: str = "article-journal") -> Candidate:
    return Candidate("Crossref", work, link, kind)


def answered(*candidates: Candidate, services: tuple[str, ...] = ("Crossref", "OpenAlex")) -> Answers:
    """Every service in ``services`` answered; the first holds the candidates, the others nothing."""
    answers = Answers()
    for position, service in enumerate(services):
        answers.add(service, list(candidates) if position == 0 else [])
    return answers


def verdict_of(reference, *candidates: Candidate) -> Verdict:
    return decide(reference, answered(*candidates))


# --- titles ---------------------------------------------------------------------------------


@pytest.mark.parametrize("mine, theirs", [
    (TITLE, "IDENTITY AND PROFESSIONAL NETWORKING"),
    (TITLE, "Identity and Professional Networking: Evidence From Three Field Studies"),
    (TITLE, "<i>Identity</i> and professional <b>networking</b>"),
    (TITLE, "<scp>Identity and professional networking</scp>"),
    ("Identity & professional networking", "Identity &amp; professional networking"),
    ("Work\u2013life balance and professional networking", "Work-life balance and professional networking"),
    ("Work-life balance and professional networking", "Work\u2014life balance and professional networking"),
    ("\u201cReal\u201d networking and the professional\u2019s identity",
     "\"Real\" networking and the professional's identity"),
    ("Identity and professional networking", "Identity and professional networking \u2013 three field studies"),
])
def test_the_same_title_written_differently_is_verified(mine, theirs):
    assert title_similarity(mine, record(theirs)) >= SAME_TITLE
    verdict = verdict_of(article(mine), crossref(record(theirs)))
    assert verdict.status == VERIFIED and verdict.differences == ()


@pytest.mark.parametrize("mine", [f"{TITLE}: Evidence from three field studies",
                                  f"{TITLE} \u2013 evidence from three field studies"])
def test_an_entry_with_a_subtitle_the_record_lacks_is_verified(mine):
    assert title_similarity(mine, record(TITLE)) == 100
    verdict = verdict_of(article(mine), crossref(record(TITLE)))
    assert verdict.status == VERIFIED and verdict.differences == ()


def test_a_record_that_gives_its_subtitle_apart_is_compared_with_it_and_without_it():
    split = record(TITLE, subtitle=["Evidence from three field studies"])
    assert title_similarity(TITLE, split) == 100
    assert title_similarity(f"{TITLE}: Evidence from three field studies", split) == 100
    assert title_similarity("Identity and personal growth", split) < ALTERED_TITLE


def test_markup_and_entities_are_removed_from_record_titles():
    assert clean_title("<i>Homo</i> &amp; tools <sup>2</sup>") == "Homo & tools 2"
    assert clean_title("  Spaced\n out  ") == "Spaced out"
    assert clean_title("") == ""


# --- authors ----------------------------------------------------------------------------------


@pytest.mark.parametrize("mine, person", [
    ("Raj", {"family": "Raj", "given": "M."}),  # initials only
    ("Raj", {"family": "RAJ", "given": "Medha"}),
    ("van Merri\u00ebnboer", {"family": "Merri\u00ebnboer", "given": "Jeroen", "non-dropping-particle": "van"}),
    ("Van Merrienboer", {"family": "van Merri\u00ebnboer", "given": "Jeroen"}),
    ("Zhang", {"family": "Wei", "given": "Zhang"}),  # given and family the other way round
    ("O'Brien", {"family": "O\u2019Brien", "given": "K."}),
    ("Smith-Jones", {"family": "Jones", "given": "Alice Smith"}),
])
def test_the_first_author_agrees_however_the_name_is_written(mine, person):
    work = {"title": [TITLE], "author": [person]}
    assert author_agreement(article(authors=(mine,)), work) == "first"


def test_a_group_author_is_not_compared():
    group = S.entry(0, type="report", title=TITLE, authors=(Author(literal="World Health Organization"),))
    assert author_agreement(group, {"title": [TITLE], "author": [{"name": "World Health Organization"}]}) == "unknown"
    assert author_agreement(group, record(authors=("Chan",))) == "unknown"


def test_abbreviated_names_in_the_record_verify_the_entry():
    work = record(authors=())
    work["author"] = [{"family": "Raj", "given": "M."}, {"family": "Fast", "given": "N. J."}]
    assert verdict_of(article(), crossref(work)).status == VERIFIED


def test_authors_in_another_order_are_found_with_an_author_order_difference():
    verdict = verdict_of(article(), crossref(record(authors=("Fast", "Raj", "Fisher"))))
    assert verdict.status == DIFFERENCES
    assert verdict.differences == (Mismatch("author-order", "Raj", "Fast"),)
    assert verdict.as_record()["differences"] == [{"field": "author-order", "entry": "Raj", "record": "Fast"}]


def test_another_first_author_is_never_verified():
    swapped = verdict_of(article(), crossref(record(authors=("Jones", "Fast", "Fisher"))))
    assert swapped.status not in (VERIFIED, NOT_FOUND)
    assert swapped.status == NOT_CHECKED or swapped.differences == (Mismatch("author", "Raj", "Jones"),)


def test_a_short_title_by_other_people_in_the_same_year_is_not_taken_for_this_work():
    verdict = verdict_of(article(), crossref(record(authors=("Jones", "Kim"))))
    assert verdict.status == NOT_CHECKED and verdict.candidate is None and verdict.closest.record["author"][0][
        "family"] == "Jones"


def test_a_long_title_all_but_identical_by_other_people_in_the_same_year_is_this_work_with_its_author_wrong():
    title = "Identity and professional networking among first-generation university students"
    verdict = verdict_of(article(title), crossref(record(title, authors=("Jones", "Fast", "Fisher"))))
    assert verdict.status == DIFFERENCES
    assert verdict.differences == (Mismatch("author", "Raj", "Jones"),)


@pytest.mark.parametrize("mine, theirs", [("Li", "Lin"), ("Lee", "Leeson"), ("Kim", "Kimura")])
def test_a_short_name_is_not_the_start_or_end_of_another(mine, theirs):
    assert author_agreement(article(authors=(mine,)), record(authors=(theirs,))) == "other"


@pytest.mark.parametrize("mine, theirs", [("Anderson", "Sanderson"), ("Hansen", "Johansen"), ("Goldsmith", "Smith")])
def test_a_longer_name_that_ends_with_the_entrys_is_another_person(mine, theirs):
    assert author_agreement(article(authors=(mine,)), record(authors=(theirs,))) == "other"


def test_the_same_title_by_a_namesake_suffix_in_another_year_is_not_this_work():
    verdict = verdict_of(article(authors=("Anderson",), year=2019),
                         crossref(record(authors=("Sanderson",), year=2015)))
    assert verdict.status == NOT_CHECKED


def test_no_author_on_either_side_is_unknown():
    assert author_agreement(article(authors=()), record()) == "unknown"
    assert author_agreement(article(), record(authors=())) == "unknown"


# --- years ------------------------------------------------------------------------------------


@pytest.mark.parametrize("year", [2016, 2017, 2018])
def test_a_year_within_one_is_verified(year):
    assert YEAR_SLACK == 1
    assert verdict_of(article(), crossref(record(year=year))).status == VERIFIED


@pytest.mark.parametrize("year", [2015, 2019])
def test_a_year_two_off_is_a_difference_with_the_records_year(year):
    verdict = verdict_of(article(), crossref(record(year=year)))
    assert verdict.status == DIFFERENCES
    assert verdict.differences == (Mismatch("year", "2017", str(year)),)


def test_the_online_first_year_counts_as_well_as_the_print_year():
    work = record(year=2019, **{"published-online": {"date-parts": [[2017, 11, 3]]}})
    assert verdict_of(article(), crossref(work)).status == VERIFIED


def test_any_editions_year_of_an_open_library_book_agrees():
    book = S.entry(0, type="book", title="Thinking, fast and slow", authors=(Author("Kahneman", "D."),), year="2013",
                   year_number=2013)
    doc = {"title": "Thinking, Fast and Slow", "author_name": ["Daniel Kahneman"], "first_publish_year": 2011,
           "publish_year": [2011, 2013, 2015]}
    assert judge(book, openlibrary.to_candidate(doc)).year == "agrees"
    assert decide(book, answered(openlibrary.to_candidate(doc), services=("Open Library",))).status == VERIFIED


def test_a_books_year_that_no_edition_has_is_another_edition_not_a_difference():
    book = S.entry(0, type="book", title="Thinking, fast and slow", authors=(Author("Kahneman", "D."),), year="2019",
                   year_number=2019)
    doc = {"title": "Thinking, Fast and Slow", "author_name": ["Daniel Kahneman"], "first_publish_year": 2011,
           "publish_year": [2011, 2015]}
    assert judge(book, openlibrary.to_candidate(doc)).year == "unknown"
    verdict = decide(book, answered(openlibrary.to_candidate(doc), services=("Open Library",)))
    assert verdict.status == VERIFIED and verdict.differences == ()
    stranger = openlibrary.to_candidate({**doc, "author_name": ["Maria Lopez"]})
    assert decide(book, answered(stranger, services=("Open Library",))).status == NOT_CHECKED


# --- near misses and altered titles ------------------------------------------------------------


def test_the_same_title_by_other_people_in_another_year_is_neither_verified_nor_not_found():
    near = crossref(record(authors=("Jones", "Kim"), year=2009))
    judged = judge(article(), near)
    assert not judged.same_work and judged.ambiguous
    verdict = verdict_of(article(), near)
    assert verdict.status == NOT_CHECKED and verdict.candidate is None
    assert verdict.closest is near and "similar title" in verdict.reason
    assert verdict.as_record()["source"] is None and verdict.as_record()["closest"]["first_author"] == "Jones"


def test_a_near_miss_keeps_the_entry_from_being_not_found_whatever_else_came_back():
    near = crossref(record(authors=("Jones",), year=2009))
    unrelated = crossref(record("Sleep and memory consolidation in adolescents", authors=("Walker",), year=2017))
    assert verdict_of(article(), unrelated, near).status == NOT_CHECKED
    assert verdict_of(article(), unrelated).status == NOT_FOUND


def test_a_title_changed_by_a_few_words_with_the_same_author_and_year_is_found_with_a_title_difference():
    altered = "Identity and personal networking in teams"
    assert ALTERED_TITLE <= title_similarity(TITLE, record(altered)) < SAME_TITLE
    verdict = verdict_of(article(), crossref(record(altered)))
    assert verdict.status == DIFFERENCES
    assert verdict.differences == (Mismatch("title", TITLE, altered),)


@pytest.mark.parametrize("mine", ["Identity and personal networking", "Gender identity and professional networking",
                                  "Identity and professional mentoring", "Identity and professional networking online"])
def test_a_title_one_word_off_is_never_verified_even_when_nine_tenths_alike(mine):
    assert title_similarity(mine, record(TITLE)) >= SAME_TITLE
    verdict = verdict_of(article(mine), crossref(record(TITLE)))
    assert verdict.status == DIFFERENCES
    assert verdict.differences == (Mismatch("title", mine, TITLE),)


def test_a_title_changed_more_with_the_same_author_and_year_is_not_checked():
    changed = "Identity and professional growth"
    assert CLOSE_TITLE <= title_similarity(TITLE, record(changed)) < ALTERED_TITLE
    verdict = verdict_of(article(), crossref(record(changed)))
    assert verdict.status == NOT_CHECKED and verdict.closest.record["title"] == [changed]


def test_an_altered_title_needs_both_the_author_and_the_year():
    altered = "Identity and personal networking in teams"
    assert verdict_of(article(), crossref(record(altered, year=2012))).status != VERIFIED
    other = verdict_of(article(), crossref(record(altered, authors=("Jones",))))
    assert other.status == NOT_FOUND and other.closest is not None  # another person's paper on a like subject


# --- other languages ----------------------------------------------------------------------------


@pytest.mark.parametrize("text, work", [
    ("M\u00fcller, K. (2018). Die Vermessung der digitalen Schule. Zeitschrift f\u00fcr P\u00e4dagogik, 64(2), "
     "150\u2013170.",
     record("Die Vermessung der digitalen Schule", authors=("Muller",), year=2018,
            **{"container-title": ["Zeitschrift fur Padagogik"], "volume": "64", "page": "150-170"})),
    ("Garc\u00eda, M., & L\u00f3pez, J. (2019). El aprendizaje cooperativo en la educaci\u00f3n superior. "
     "Revista de Educaci\u00f3n, 385, 35\u201360.",
     record("El aprendizaje cooperativo en la educacion superior", authors=("Garc\u00eda", "L\u00f3pez"), year=2019,
            **{"container-title": ["Revista de Educaci\u00f3n"], "volume": "385", "page": "35-60"})),
    # APA 7 follows the title in another language with its translation in square brackets
    ("Piaget, J. (1936). La naissance de l'intelligence chez l'enfant [The origins of intelligence in children]. "
     "Delachaux et Niestl\u00e9.",
     record("La naissance de l'intelligence chez l'enfant", authors=("Piaget",), year=1936)),
    ("Garc\u00eda, M., & L\u00f3pez, J. (2019). El aprendizaje cooperativo en la universidad [Cooperative learning "
     "at university]. Revista de Educaci\u00f3n, 385, 35\u201360.",
     record("El aprendizaje cooperativo en la universidad", authors=("Garc\u00eda", "L\u00f3pez"), year=2019,
            **{"container-title": ["Revista de Educaci\u00f3n"], "volume": "385", "page": "35-60"})),
])
def test_an_entry_in_another_language_is_matched_by_its_record(text, work):
    entry = parse_reference(text)
    assert decide(entry, answered(crossref(work))).status == VERIFIED


def test_the_bracketed_translation_is_not_searched_for():
    entry = parse_reference("Luhmann, N. (1984). Soziale Systeme: Grundri\u00df einer allgemeinen Theorie "
                            "[Social systems: Outline of a general theory]. Suhrkamp.")
    assert openalex.query_title(entry) == "Soziale Systeme Grundri\u00df einer allgemeinen Theorie"


def test_a_record_without_the_subtitle_of_a_short_main_title_is_not_called_not_found():
    book = parse_reference("Duckworth, A. (2016). Grit: The power of passion and perseverance. Scribner.")
    doc = openlibrary.to_candidate({"title": "Grit", "author_name": ["Angela Duckworth"], "first_publish_year": 2016})
    verdict = decide(book, answered(doc, services=("Open Library", "OpenAlex", "Crossref")))
    assert verdict.status != NOT_FOUND


# --- not found, and when it may be said ------------------------------------------------------------


def test_not_found_when_every_service_answered_with_nothing_like_it():
    verdict = decide(article(), answered())
    assert verdict.status == NOT_FOUND and verdict.candidate is None and verdict.closest is None
    assert verdict.asked == ("Crossref", "OpenAlex") and verdict.reason == "nothing close in Crossref or OpenAlex"
    assert verdict.as_record() == {"verdict": "not-found", "source": None, "link": None, "differences": [],
                                   "closest": None, "asked": ["Crossref", "OpenAlex"],
                                   "reason": "nothing close in Crossref or OpenAlex"}


def test_the_closest_record_is_named_when_its_title_is_at_least_close():
    entry = parse_reference("Smith, A., & Patel, R. (2021). Peer tutoring and retention: A meta-analysis of forty "
                            "years. Journal of Learning Gains, 14(3), 201\u2013229.")
    close = crossref(record("Peer tutoring and student retention", authors=("Okafor",), year=2012),
                     link="https://doi.org/10.5555/close")
    far = crossref(record("Sleep and memory consolidation", authors=("Walker",), year=2021))
    assert CLOSE_TITLE <= title_similarity(entry.title, close.record) < SAME_TITLE
    verdict = verdict_of(entry, far, close)
    assert verdict.status == NOT_FOUND and verdict.closest is close
    assert verdict.as_record()["closest"] == {"source": "Crossref", "link": "https://doi.org/10.5555/close",
                                              "title": "Peer tutoring and student retention",
                                              "first_author": "Okafor", "year": 2012}
    alone = verdict_of(entry, far)
    assert alone.status == NOT_FOUND and alone.closest is None


def test_a_service_that_failed_makes_the_entry_not_checked():
    answers = Answers()
    answers.add("Crossref", [])
    answers.add("OpenAlex", "OpenAlex answered 503 Service Unavailable")
    verdict = decide(article(), answers)
    assert verdict.status == NOT_CHECKED and verdict.asked == ("Crossref",)
    assert verdict.reason == "OpenAlex could not be asked this time"
    answers.candidates["Crossref"] = [crossref(record())]
    assert decide(article(), answers).status == VERIFIED  # what one service found stands


def test_nothing_asked_is_not_checked():
    verdict = decide(article(), Answers())
    assert verdict.status == NOT_CHECKED and verdict.reason == "no service was asked" and verdict.asked == ()


@pytest.mark.parametrize("kind", ["article-journal", "article", "chapter", "paper-conference", "book"])
def test_kinds_the_indexes_cover_can_be_not_found(kind):
    assert decide(article(type=kind), answered()).status == NOT_FOUND


@pytest.mark.parametrize("kind", ["report", "thesis", "webpage", "other", "dataset"])
def test_grey_literature_and_web_pages_are_never_not_found(kind):
    verdict = decide(article(type=kind), answered())
    assert verdict.status == NOT_CHECKED and "often missing" in verdict.reason


@pytest.mark.parametrize("reference", [
    article(title="Networking identities"),  # two words: too common to say
    article(authors=(), year=None),
    article(authors=()),
    article(year=None),
    article(warnings=("entry could not be read (ValueError)",)),
    article(warnings=("year not in parentheses",)),
    article(title="\u201cIdentity\u201d and professional networking"),  # perhaps cut in the wrong place
], ids=["short-title", "no-author-no-year", "no-author", "no-year", "unreadable", "any-warning", "quoted-title"])
def test_entries_not_read_without_doubt_are_never_not_found(reference):
    assert can_be_not_found(article())
    assert not can_be_not_found(reference)
    assert decide(reference, answered()).status == NOT_CHECKED


def test_eligibility_can_be_decided_by_the_caller():
    assert decide(article(type="report"), answered(), eligible=True).status == NOT_FOUND
    assert decide(article(), answered(), eligible=False).status == NOT_CHECKED


# --- the verdict's evidence -------------------------------------------------------------------------


def test_the_record_with_fewest_differences_is_the_one_shown():
    wrong_year = crossref(record(year=2011), link="https://doi.org/10.5555/a")
    right = Candidate("OpenAlex", record(), "https://openalex.org/W1", "article-journal")
    verdict = decide(article(), answered(wrong_year, right))
    assert verdict.status == VERIFIED and verdict.candidate is right
    assert verdict.as_record() == {"verdict": "verified", "source": "OpenAlex", "link": "https://openalex.org/W1",
                                   "differences": [], "closest": None, "asked": ["Crossref", "OpenAlex"],
                                   "reason": None}


def test_a_record_of_the_entrys_own_kind_is_preferred_to_a_twin_of_another_kind():
    entry = article(container_title=JOURNAL)
    chapter_twin = Candidate("OpenAlex", record(), "https://openalex.org/W2", "chapter")
    journal_copy = crossref(record(**{"container-title": ["Journal of Applied Psychology"]}))
    verdict = verdict_of(entry, chapter_twin, journal_copy)
    assert verdict.candidate is journal_copy
    assert verdict.differences == (Mismatch("journal", JOURNAL, "Journal of Applied Psychology"),)


def test_journal_volume_and_pages_are_compared_for_articles_only():
    entry = article(container_title=JOURNAL, volume="43", pages="772\u2013784")
    work = record(**{"container-title": ["Journal of Applied Psychology"], "volume": "44", "page": "772-790"})
    verdict = verdict_of(entry, crossref(work))
    assert verdict.status == DIFFERENCES
    assert [m.field for m in verdict.differences] == ["journal", "volume", "pages"]
    assert verdict.differences[1] == Mismatch("volume", "43", "44")
    book_record = Candidate("Open Library", work, "", "book")
    assert verdict_of(entry, book_record).status == VERIFIED  # a book's record has no journal to compare


def test_a_repository_copy_from_openalex_is_not_held_to_the_journal_name():
    work = {"id": "https://openalex.org/W9", "title": TITLE, "publication_year": 2017, "type": "article",
            "authorships": [{"author": {"display_name": "Medha Raj"}}],
            "primary_location": {"source": {"display_name": "PsyArXiv", "type": "repository"}}}
    candidate = openalex.to_candidate(work)
    assert candidate.kind == "other" and "container-title" not in candidate.record
    assert verdict_of(article(container_title=JOURNAL), candidate).status == VERIFIED


def test_a_candidate_is_described_for_messages():
    candidate = crossref(record(**{"container-title": [JOURNAL]}), link="https://doi.org/10.1177/x")
    assert describe(candidate) == (f"Raj, Fast & Fisher (2017), \u201c{TITLE}\u201d, in {JOURNAL} "
                                   "(https://doi.org/10.1177/x)")
    four = crossref(record(authors=("Raj", "Fast", "Fisher", "Kim")), link="")
    assert describe(four) == f"Raj et al. (2017), \u201c{TITLE}\u201d"
    bare = Candidate("Open Library", {"title": ["Untitled notes"]})
    assert describe(bare) == "no author (n.d.), \u201cUntitled notes\u201d"


# --- converters: OpenAlex ---------------------------------------------------------------------------

RAJ_WORK = {
    "id": "https://openalex.org/W2604814364", "doi": "https://doi.org/10.1177/0146167217697299",
    "title": "Identity and Professional Networking", "display_name": "Identity and Professional Networking",
    "publication_year": 2017, "publication_date": "2017-03-21", "type": "article",
    "authorships": [{"author_position": "first",
                     "author": {"id": "https://openalex.org/A1", "display_name": "Medha Raj"},
                     "raw_author_name": "Medha Raj"},
                    {"author_position": "middle", "author": {"display_name": "Nathanael J. Fast"},
                     "raw_author_name": "Nathanael J. Fast"},
                    {"author_position": "last", "author": {}, "raw_author_name": "Fisher, Oliver"}],
    "primary_location": {"is_oa": False, "source": {"id": "https://openalex.org/S1", "display_name": JOURNAL,
                                                    "type": "journal"}},
    "biblio": {"volume": "43", "issue": "6", "first_page": "772", "last_page": "784"},
}


def test_an_openalex_work_becomes_a_crossref_like_record():
    candidate = openalex.to_candidate(RAJ_WORK)
    assert candidate == Candidate("OpenAlex", {
        "title": ["Identity and Professional Networking"],
        "author": [{"family": "Raj", "given": "Medha"}, {"family": "Fast", "given": "Nathanael J."},
                   {"family": "Fisher", "given": "Oliver"}],
        "issued": {"date-parts": [[2017]]}, "container-title": [JOURNAL], "volume": "43", "page": "772-784",
        "DOI": "10.1177/0146167217697299"}, "https://openalex.org/W2604814364", "article-journal")


@pytest.mark.parametrize("changes, key, value", [
    ({"title": None}, "title", ["Identity and Professional Networking"]),  # display_name instead
    ({"biblio": {"first_page": "e4375", "last_page": "e4375"}}, "page", "e4375"),
    ({"biblio": {"first_page": "772", "last_page": None}}, "page", "772"),
    ({"doi": "https://dx.doi.org/10.1177/ABC"}, "DOI", "10.1177/abc"),
    ({"doi": None}, "DOI", None),
    ({"primary_location": None}, "container-title", None),
    ({"primary_location": {"source": None}}, "container-title", None),
    ({"publication_year": None}, "issued", None),
    ({"authorships": [{"author": {"display_name": ""}, "raw_author_name": ""}, "junk"]}, "author", []),
])
def test_openalex_fields_that_are_missing_or_written_otherwise(changes, key, value):
    candidate = openalex.to_candidate({**RAJ_WORK, **changes})
    assert candidate.record.get(key) == value


@pytest.mark.parametrize("kind, csl_kind", [("article", "article-journal"), ("review", "article-journal"),
                                            ("book", "book"), ("book-chapter", "chapter"), ("preprint", "article"),
                                            ("dissertation", "thesis"), ("report", "report"), ("paratext", "")])
def test_openalex_types_become_csl_kinds(kind, csl_kind):
    assert openalex.to_candidate({**RAJ_WORK, "type": kind}).kind == csl_kind


def test_an_openalex_work_without_a_title_is_no_candidate():
    assert openalex.to_candidate({**RAJ_WORK, "title": None, "display_name": "  "}) is None


def test_a_name_suffix_is_not_taken_for_the_family_name_in_openalex():
    work = {**RAJ_WORK, "authorships": [{"author": {"display_name": "Martin Luther King Jr."}}]}
    assert openalex.to_candidate(work).record["author"][0]["family"] == "King"


@pytest.mark.parametrize("title, words", [
    ("Identity and professional networking: Evidence from three studies", "Identity and professional networking"),
    ("Grit: The power of passion and perseverance", "Grit The power of passion and perseverance"),
    ("Why do students cheat? A survey of 2,000 undergraduates", "Why do students cheat"),
    ("Work\u2013life balance \u2014 a review", "Work life balance a review"),
    ("Work\u2013life balance of nurses \u2014 a review", "Work life balance of nurses"),
    ("Don\u2019t \u201cjust\u201d network (again)", "Don t just network again"),
    ("", ""),
])
def test_the_title_words_searched_for(title, words):
    assert openalex.query_title(article(title=title)) == words


def test_a_very_long_title_is_searched_for_by_its_first_200_characters():
    words = openalex.query_title(article(title="word " * 80))
    assert len(words) == 200 and words.startswith("word word")


# --- converters: Open Library -----------------------------------------------------------------------

KAHNEMAN_DOC = {"key": "/works/OL15936512W", "title": "Thinking, Fast and Slow", "subtitle": "",
                "author_name": ["Daniel Kahneman"], "first_publish_year": 2011, "publish_year": [2013, 2011, 2012],
                "publisher": ["Farrar, Straus and Giroux", "Penguin", " "]}


def test_an_open_library_work_becomes_a_crossref_like_record():
    candidate = openlibrary.to_candidate(KAHNEMAN_DOC, "http://127.0.0.1:9/openlibrary/")
    assert candidate == Candidate("Open Library", {
        "title": ["Thinking, Fast and Slow"], "type": "book", "author": [{"family": "Kahneman", "given": "Daniel"}],
        "issued": {"date-parts": [[2011]]}, "_years": [2013, 2011, 2012], "publisher": "Farrar, Straus and Giroux",
        "_publishers": ["Farrar, Straus and Giroux", "Penguin"]},
        "http://127.0.0.1:9/openlibrary/works/OL15936512W", "book")


def test_open_library_fields_that_are_missing():
    candidate = openlibrary.to_candidate({"title": "Grit", "subtitle": "The power of passion and perseverance",
                                          "author_name": ["Angela Lee Duckworth", 7, " "], "publish_year": ["1999"]})
    assert candidate.record == {"title": ["Grit"], "type": "book",
                                "subtitle": ["The power of passion and perseverance"],
                                "author": [{"family": "Duckworth", "given": "Angela Lee"}], "_years": []}
    assert candidate.link == "" and candidate.source == "Open Library"
    assert openlibrary.to_candidate({"title": "  ", "author_name": ["A B"]}) is None
    assert openlibrary.to_candidate({**KAHNEMAN_DOC, "key": "OL1W"}).link == "OL1W"


@pytest.mark.parametrize("text, isbn", [
    ("Kahneman, D. (2011). Thinking, fast and slow. Farrar. ISBN 978-0-374-27563-1", "9780374275631"),
    ("Kahneman, D. (2011). Thinking, fast and slow. Farrar. ISBN-13: 978 0 374 27563 1.", "9780374275631"),
    ("Dawkins, R. (1976). The selfish gene. Oxford University Press. ISBN-10: 0-19-857519-X", "019857519X"),
    ("Dawkins, R. (1976). The selfish gene. Oxford University Press. ISBN: 0198575190", "0198575190"),
    ("Dawkins, R. (1976). The selfish gene. Oxford University Press.", ""),
    ("Dawkins, R. (1976). The selfish gene. Oxford University Press. ISBN 0-19-8575", ""),  # too short
    ("Dawkins, R. (1976). The selfish gene. 978-0-19-857519-1", ""),  # a number that does not say it is an ISBN
])
def test_the_isbn_written_in_an_entry(text, isbn):
    reference = parse_reference(text)
    assert reference.isbn == isbn
    if isbn:  # taken out of the source: it is no publisher
        assert "ISBN" not in reference.publisher.upper() and reference.publisher
