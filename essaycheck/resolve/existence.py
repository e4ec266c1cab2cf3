"""Does the work an entry describes exist? The decision, from the records the services returned.

Pure functions, in the manner of Crossref's own reference matching (search, then validate the
candidates): a search service proposes records, and each is checked field by field against the
entry. A record is *this work* when

- its title is the same (normalised similarity >= ``SAME_TITLE``) and the first author agrees,
  or the year agrees and the entry's first author is at least among the record's (entirely other
  authors only for a long title of six words or more, all but identical: many works share a
  short title); or
- its title is close (>= ``ALTERED_TITLE``) and both the first author and the year agree (the
  student shortened or misremembered the title).

Titles are compared after removing HTML markup, case, accents, punctuation and dash or quote
variants, with and without the subtitle (a record may lack it, an entry may drop it), and without
a translation in square brackets after a title in another language. The year
agrees within one either way (an article online in December, in print in January). The first
author agrees when the entry's family name is the record's, or one of the words of the record's
name ("Wei Zhang" and "Zhang Wei"); an entry whose first author is another author of the record
has its authors in another order. A group author is not compared (indexes list the people, or
nobody), nor is a book's year that matches none of the catalogue's (another edition).

The verdict:

- **verified**: a record is this work and nothing differs (its title all but identical,
  ``IDENTICAL_TITLE``, with every word of four letters or more of the entry's title in it);
- **found with differences**: a record is this work, but its authors, year, title, journal,
  volume or pages differ (each named, with the record's value);
- **not found**: every service was asked, answered, and had nothing that is this work; said only
  for kinds of work these indexes cover well (articles, chapters, conference papers, preprints,
  books), for an entry read without any doubt (APA form, no parser warning, a title of three
  words or more without quotation marks, an author and a year). The closest record is named when
  its title is at least ``CLOSE_TITLE`` alike;
- **not checked**: anything else (a web page or report, a service that did not answer, offline,
  or a record so alike that it may be this work but too unlike to say so). Never counted against
  anyone.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from ..model import Reference
from ..names import fold, fold_words
from . import csl
from .compare import Mismatch, journal_mismatch, page_mismatch

SAME_TITLE = 90.0  # at or above: the same title (as for a DOI's record)
ALTERED_TITLE = 80.0  # at or above, with first author and year agreeing: the same work, its title changed
CLOSE_TITLE = 60.0  # at or above: a record worth naming as the closest when nothing matches
IDENTICAL_TITLE = 95.0  # below (or a word of the entry's title missing from the record's): the title differs
YEAR_SLACK = 1  # online-first and print years may differ by one
MIN_TITLE_WORDS = 3  # a shorter title is too common to call a work "not found" from it

VERIFIED = "verified"
DIFFERENCES = "found-with-differences"
NOT_FOUND = "not-found"
NOT_CHECKED = "not-checked"

# Kinds of work the indexes cover well enough for "not found" to mean something.
NOT_FOUND_KINDS = ("article-journal", "paper-conference", "chapter", "article", "book")
# Kinds looked up at all; reports and theses are looked up but never called "not found" (grey literature).
LOOKED_UP_KINDS = NOT_FOUND_KINDS + ("report", "thesis")

_MARKUP = re.compile(r"</?[A-Za-z][^<>]{0,60}>")
_SUBTITLE = re.compile(r"[:?!]\s|\s[-–—]\s")  # where a subtitle starts
_TRANSLATION = re.compile(r"\s*\[[^\[\]]{3,300}\]\s*$")


@dataclass(frozen=True)
class Candidate:
    """One record a service returned, as a Crossref-like work (title, subtitle, author, issued,
    container-title, volume, page, DOI, publisher), with where a person can see it."""

    source: str  # "Crossref" | "OpenAlex" | "Open Library"
    record: dict
    link: str = ""
    kind: str = ""  # the record's kind, in CSL terms ("article-journal", "book", …) when known


@dataclass(frozen=True)
class Judgement:
    """How one candidate compares with the entry."""

    candidate: Candidate
    title_score: float
    author: str  # first | listed | other | unknown
    year: str  # agrees | differs | unknown
    same_work: bool
    ambiguous: bool  # alike enough that it may be this work, too unlike to say it is
    differences: tuple[Mismatch, ...] = ()


@dataclass(frozen=True)
class Verdict:
    """Whether the entry's work exists, and on what evidence."""

    status: str  # verified | found-with-differences | not-found | not-checked
    candidate: Candidate | None = None  # the record that is this work (or the closest one, for not-found)
    differences: tuple[Mismatch, ...] = ()
    asked: tuple[str, ...] = ()  # the services that answered
    reason: str = ""  # for not-checked: why; for not-found: which services had nothing
    closest: Candidate | None = None

    @property
    def found(self) -> bool:
        return self.status in (VERIFIED, DIFFERENCES)

    def as_record(self) -> dict:
        """The JSON form (see docs/json-format.md)."""
        shown = self.candidate if self.found else None
        return {
            "verdict": self.status,
            "source": shown.source if shown else None,
            "link": shown.link or None if shown else None,
            "differences": [m.__dict__ for m in self.differences],
            "closest": _described(self.closest) if self.closest else None,
            "asked": list(self.asked),
            "reason": self.reason or None,
        }


@dataclass
class Answers:
    """What each service said about one entry: its candidates, or why it could not say."""

    candidates: dict[str, list[Candidate]] = field(default_factory=dict)
    failures: dict[str, str] = field(default_factory=dict)  # service -> what went wrong

    def add(self, service: str, found: list[Candidate] | str) -> None:
        if isinstance(found, str):
            self.failures[service] = found
        else:
            self.candidates[service] = found

    @property
    def asked(self) -> tuple[str, ...]:
        return tuple(self.candidates)


# --- titles, names, years --------------------------------------------------------------


def clean_title(value: str) -> str:
    """A record's title without HTML markup or entities ('<i>Homo</i> &amp; tools' -> 'Homo & tools')."""
    return " ".join(html.unescape(_MARKUP.sub("", value or "")).split())


def without_translation(title: str) -> str:
    """'Das Privacy Paradox [The privacy paradox]' -> 'Das Privacy Paradox': APA 7 follows a title in
    another language with its translation in square brackets; the record has the original alone."""
    return _TRANSLATION.sub("", title).strip() or title


def _variants(title: str) -> set[str]:
    """The folded title (without a translation), and its main title when that alone is long enough."""
    title = without_translation(title)
    full = fold_words(title)
    main = fold_words(_SUBTITLE.split(title, maxsplit=1)[0])
    return {full, main} if len(main.split()) >= MIN_TITLE_WORDS else {full}


def missing_words(entry_title: str, record: dict) -> list[str]:
    """Words of four letters or more in the entry's title that the record's title lacks (allowing
    spelling variants: 'behaviour' is 'behavior'): a changed title can still be 90 % alike."""
    full = clean_title(csl.full_title(record))
    theirs = set(fold_words(full).split()) | set(fold_words(clean_title(csl.text(record.get("short-title")))).split())
    mine = without_translation(entry_title)
    if not _SUBTITLE.search(full):  # many records lack the subtitle: the entry's own is not held against it
        mine = _SUBTITLE.split(mine, maxsplit=1)[0]
    return [word for word in fold_words(mine).split()
            if len(word) >= 4 and word not in theirs and not any(fuzz.ratio(word, t) >= 80 for t in theirs)]


def title_similarity(entry_title: str, record: dict) -> float:
    """0-100: how alike the entry's title is to the record's, with or without either subtitle."""
    mine = _variants(entry_title)
    theirs: set[str] = set()
    for value in (csl.full_title(record), csl.title_of(record), csl.text(record.get("short-title"))):
        if value:
            theirs |= _variants(clean_title(value))
    full = clean_title(csl.full_title(record))
    if full and not _SUBTITLE.search(full):  # "Grit: The power of passion" and a record titled "Grit"
        mine.add(fold_words(_SUBTITLE.split(without_translation(entry_title), maxsplit=1)[0]))
    best = 0.0
    for a in mine:
        for b in theirs:
            if a and b:
                best = max(best, fuzz.ratio(a, b), fuzz.token_sort_ratio(a, b))
    return best


_NAME_SUFFIX = re.compile(r",?\s+(?:Jr|Sr|II|III|IV)\.?$")


def person_from_name(name: str) -> dict | None:
    """'Martin Luther King Jr.' -> {'family': 'King', 'given': 'Martin Luther', 'suffix': 'Jr.'};
    'Smith, J.' -> {'family': 'Smith', 'given': 'J.'}. For the indexes that give one display name."""
    name = " ".join(name.split())
    if not name:
        return None
    suffix = _NAME_SUFFIX.search(name)
    person: dict = {"suffix": suffix.group().strip(" ,")} if suffix else {}
    name = name[:suffix.start()] if suffix else name
    if "," in name:
        family, given = (part.strip() for part in name.split(",", 1))
    else:
        *given_parts, family = name.split()
        given = " ".join(given_parts)
    person.update(family=family, given=given)
    return person


def _parts(name: str) -> set[str]:
    """The folded parts of a name ('van Merriënboer-Kirschner' -> {'van', 'merrienboer', 'kirschner'})."""
    return {fold(part) for part in re.split(r"[\s\-‐‑'’]+", name) if len(fold(part)) > 1}


def _agrees(mine: str, person: dict) -> bool:
    """Whether the entry's family name ``mine`` is this person's: the same name, or one of its parts
    ("Jones" of "Smith-Jones", "Merriënboer" of "van Merriënboer", "Zhang" of "Zhang Wei"), never a mere
    ending ("Anderson" is not "Sanderson")."""
    family = csl.text(person.get("family")) or csl.text(person.get("literal")) or csl.text(person.get("name"))
    particle = csl.text(person.get("non-dropping-particle"))
    whole = " ".join(filter(None, [csl.text(person.get("given")), particle, family]))
    if not mine or not family:
        return False
    mine_folded, theirs = fold(mine), fold(f"{particle} {family}")
    if mine_folded in (theirs, fold(family)):
        return True
    mine_parts = _parts(mine)
    return bool(mine_parts) and (mine_parts <= _parts(f"{particle} {family}") or mine_folded in _parts(whole)
                                 or _parts(f"{particle} {family}") <= mine_parts)


def author_agreement(reference: Reference, record: dict) -> str:
    """'first' (the entry's first author is the record's), 'listed' (another of its authors),
    'other' (none of them), 'unknown' (either side names nobody)."""
    first = (reference.authors or reference.editors or (None,))[0]
    if first is None or first.is_group:
        return "unknown"  # a group author is seldom an index's author (its report lists people, or nobody)
    mine = first.family
    people = [p for p in record.get("author") or [] if isinstance(p, dict)]
    if not mine or not people:
        return "unknown"
    if _agrees(mine, people[0]):
        return "first"
    return "listed" if any(_agrees(mine, p) for p in people[1:]) else "other"


def record_years(record: dict) -> set[int]:
    years = set(csl.years_of(record))
    extra = record.get("_years")
    if isinstance(extra, (list, tuple, set)):
        years |= {y for y in extra if isinstance(y, int)}
    return years


def year_agreement(reference: Reference, record: dict) -> str:
    years = record_years(record)
    if reference.year_number is None or not years:
        return "unknown"
    agrees = any(abs(reference.year_number - y) <= YEAR_SLACK for y in years)
    if reference.type == "book" and not agrees:
        return "unknown"  # another edition: a catalogue seldom lists every edition's year
    return "agrees" if agrees else "differs"


# --- one candidate, then all of them ------------------------------------------------------


def judge(reference: Reference, candidate: Candidate) -> Judgement:
    """Is ``candidate`` this work, and what differs?"""
    record = candidate.record
    score = title_similarity(reference.title, record)
    author = author_agreement(reference, record)
    year = year_agreement(reference, record)
    author_ok, year_ok = author == "first", year == "agrees"
    if score >= SAME_TITLE:
        same = author_ok or (year_ok and author != "other") or (author == "listed" and year == "unknown") or (
            author == "unknown" and year == "unknown" and score >= 95)
        # other people, the same year: the same work with its authors wrong only if the title is long and
        # all but identical ("Climate change and health" has been the title of many works)
        same = same or (author == "other" and year_ok and score >= 95 and len(fold_words(reference.title).split()) >= 6)
    else:
        same = score >= ALTERED_TITLE and author_ok and year_ok
    # The same title with other people or another year, or a like title by the same author in the same
    # year: perhaps this work, perhaps a neighbour. Never "not found" then.
    ambiguous = not same and (score >= SAME_TITLE or score >= CLOSE_TITLE and author in ("first", "listed")
                              and year_ok)
    if not same:
        return Judgement(candidate, score, author, year, False, ambiguous)
    return Judgement(candidate, score, author, year, True, False, _differences(reference, candidate, score,
                                                                                author, year))


def _differences(reference: Reference, candidate: Candidate, score: float, author: str,
                 year: str) -> tuple[Mismatch, ...]:
    record = candidate.record
    found: list[Mismatch] = []
    first = reference.family_names[0] if reference.family_names else ""
    if author == "listed":
        found.append(Mismatch("author-order", first, csl.first_author(record)))
    elif author == "other":
        found.append(Mismatch("author", first, csl.first_author(record)))
    if year == "differs":
        found.append(Mismatch("year", reference.year, str(min(record_years(record)))))
    if score < IDENTICAL_TITLE or missing_words(reference.title, record):
        found.append(Mismatch("title", reference.title, clean_title(csl.full_title(record))))
    if reference.type == "article-journal" and candidate.kind in ("", "article-journal"):
        found.extend(journal_mismatch(reference, record))
        mine, theirs = _digits(reference.volume), _digits(csl.text(record.get("volume")))
        if mine and theirs and mine != theirs:
            found.append(Mismatch("volume", reference.volume, csl.text(record.get("volume"))))
        found.extend(page_mismatch(reference, record))
    return tuple(found)


def _digits(value: str) -> str:
    return (value or "").strip().lstrip("0").lower()


def decide(reference: Reference, answers: Answers, *, eligible: bool | None = None) -> Verdict:
    """The verdict for one entry from every service's answer."""
    judged = [judge(reference, c) for service in answers.candidates for c in answers.candidates[service]]
    same = [j for j in judged if j.same_work]
    asked = answers.asked
    if same:
        # a record of the entry's own kind first: an article's book-chapter twin would hide its journal
        best = min(same, key=lambda j: (j.candidate.kind not in ("", reference.type), len(j.differences),
                                        -j.title_score))
        status = VERIFIED if not best.differences else DIFFERENCES
        return Verdict(status, best.candidate, best.differences, asked)
    if answers.failures:
        return Verdict(NOT_CHECKED, asked=asked, reason=f"{joined(sorted(answers.failures), 'and')} could not be "
                                                        "asked this time")
    if not asked:
        return Verdict(NOT_CHECKED, reason="no service was asked")
    closest = max(judged, key=lambda j: j.title_score, default=None)
    near = closest.candidate if closest and closest.title_score >= CLOSE_TITLE else None
    if any(j.ambiguous for j in judged):
        return Verdict(NOT_CHECKED, asked=asked, closest=near,
                       reason="a record with a similar title exists; essaycheck cannot tell whether it is this work")
    if not (eligible if eligible is not None else can_be_not_found(reference)):
        return Verdict(NOT_CHECKED, asked=asked, closest=near,
                       reason="works of this kind are often missing from these indexes")
    return Verdict(NOT_FOUND, asked=asked, closest=near, reason=f"nothing close in {joined(asked)}")


def can_be_not_found(reference: Reference) -> bool:
    """Whether "not found" may be said of this entry: a kind the indexes cover, read well enough."""
    words = fold_words(reference.title).split()
    # an entry read leniently (another style, a slip) may have its title cut in the wrong place
    return (reference.type in NOT_FOUND_KINDS and len(words) >= MIN_TITLE_WORDS
            and bool(reference.family_names) and reference.year_number is not None and not reference.warnings
            and not re.search(r"[“”\"]", reference.title))


def joined(names, conjunction: str = "or") -> str:
    """'Crossref, OpenAlex or Open Library'."""
    names = tuple(names)
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + f" {conjunction} " + names[-1]


def _described(candidate: Candidate) -> dict:
    record = candidate.record
    return {"source": candidate.source, "link": candidate.link or None,
            "title": clean_title(csl.full_title(record)) or None, "first_author": csl.first_author(record) or None,
            "year": min(record_years(record)) if record_years(record) else None}


def describe(candidate: Candidate) -> str:
    """'Raj et al. (2017), “Identity and professional networking”, in Journal (link)', for messages."""
    record = candidate.record
    who = csl.authors_short(record) or "no author"
    years = record_years(record)
    text = f"{who} ({min(years) if years else 'n.d.'}), “{clean_title(csl.full_title(record))}”"
    container = (csl.container_titles(record) or [""])[0]
    if container:
        text += f", in {container}"
    return f"{text} ({candidate.link})" if candidate.link else text
