"""Link every in-text citation to its reference-list entry by authors and year.

A link is made even when the citation has a slip (misspelt name, wrong year,
missing suffix), so the rules can say exactly what differs instead of calling
the work missing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from rapidfuzz.distance import DamerauLevenshtein

from .model import Citation, Link, Reference
from .names import fold
from .references import works_of

_MINOR_WORDS = {"of", "for", "and", "the", "on", "in", "to", "a", "an", "&", "de", "des", "du", "la", "le"}
_NOT_REQUIRED_ROLES = {"personal-communication", "secondary-original"}
_INITIAL_BEFORE_NAME = re.compile(r"([^\W\d_])\.[\s\-‐]")


def acronym(group_name: str) -> str:
    """'American Psychological Association' -> 'APA'; 'Organisation for Economic Co-operation and Development' -> 'OECD'."""
    words = re.findall(r"[^\W\d_][\w'’-]*", group_name)
    return "".join(w[0] for w in words if w.casefold() not in _MINOR_WORDS).upper()


def names_close(written: str, listed: str) -> bool:
    """True for a minor spelling slip: one edit in short names, two in longer ones."""
    return _keys_close(fold(written), fold(listed))


def _keys_close(a: str, b: str) -> bool:
    if not a or not b or a == b:
        return a == b and bool(a)
    allowed = 1 if min(len(a), len(b)) <= 5 else 2
    if abs(len(a) - len(b)) > allowed:
        return False
    return DamerauLevenshtein.distance(a, b, score_cutoff=allowed) <= allowed


def year_key(year: str) -> tuple[int, int, str]:
    """Sort key in APA order: n.d. first, then years, then in press; suffixes after."""
    text = year.strip().casefold()
    compact = _year_form(text)
    if compact.startswith("n.d"):  # "n.d.", and "n. d." as some write it
        return (0, 0, compact[4:].strip("-"))
    if text.startswith("in press"):
        return (2, 0, text[8:].strip("-"))
    digits = text[:4]
    return (1, int(digits), text[4:]) if digits.isdigit() else (3, 0, text)


def _base_year(year: str) -> tuple[int, int]:
    kind, number, _ = year_key(year)
    return kind, number


def _suffix(year: str) -> str:
    return year_key(year)[2]


@dataclass(frozen=True)
class _Entry:
    """What linking needs of a reference, computed once."""

    index: int
    names: tuple[str, ...]  # folded family names, or the folded title of a work without author
    aliases: frozenset[str]  # other keys the first author may be cited by (acronyms)
    year: str
    title: str
    by_title: bool  # no author: cited by the first words of its title
    original: str = ""  # "(Original work published 1885)": cited as "1885/1913"
    initial: str = ""  # the first author's first initial, folded: "(E. Smith, 2019)" is not J. Smith's
    work: int = 0  # entries describing the same work (a repeated entry) share this
    initials: str = ""  # every author's first initial, folded, in order ("lgwsq")


def _entry(ref: Reference, abbreviations: dict[str, str], work: int) -> _Entry:
    names = tuple(fold(n) for n in ref.family_names)
    by_title = not names and bool(ref.title)
    if by_title:
        names = (fold(ref.title),)
    aliases: set[str] = set()
    people = ref.authors or ref.editors
    if people and people[0].is_group:
        group = people[0].literal
        aliases.add(fold(acronym(group)))
        aliases.update(abbr for abbr, full in abbreviations.items() if full == fold(group))
    initial = fold(people[0].given[:1]) if people and not people[0].is_group else ""
    initials = _initials(people) if people and not people[0].is_group else ""
    return _Entry(ref.index, names, frozenset(a for a in aliases if a), ref.year, fold(ref.title), by_title,
                  ref.original_year, initial, work, initials)


class _Matcher:
    """Finds the entries whose first author matches a cited name; each distinct name is looked up once."""

    # Spelling slips are looked for in at most this many name comparisons per essay: enough for any
    # real reference list, and a list of thousands of near-identical names cannot take minutes.
    CLOSE_BUDGET = 200_000

    def __init__(self, entries: list[_Entry]):
        self.by_key: dict[str, list[_Entry]] = {}
        self.by_length: dict[int, list[_Entry]] = {}
        self.entries = entries
        self.titled = [entry for entry in entries if entry.by_title]
        for entry in entries:
            if entry.names and not entry.by_title:
                for key in {entry.names[0], *entry.aliases}:
                    self.by_key.setdefault(key, []).append(entry)
                self.by_length.setdefault(len(entry.names[0]), []).append(entry)
        self.budget = self.CLOSE_BUDGET
        self.seen_exact: dict[str, list[_Entry]] = {}
        self.seen_close: dict[str, list[_Entry]] = {}

    def exact(self, written: str) -> list[_Entry]:
        """Entries whose first author (or its acronym, or the title of a work without author) is ``written``."""
        key = fold(written)
        if key not in self.seen_exact:
            found = list(self.by_key.get(key, ()))
            if len(key) >= 4:  # a work without author is cited by the first words of its title
                found += [e for e in self.titled if e.names[0].startswith(key)]
            self.seen_exact[key] = found
        return self.seen_exact[key]

    def close(self, written: str) -> list[_Entry]:
        """Entries whose first author differs from ``written`` by a minor spelling slip."""
        key = fold(written)
        if key not in self.seen_close:
            found = []
            for length in range(len(key) - 2, len(key) + 3):
                for entry in self.by_length.get(length, ()):
                    if self.budget <= 0:
                        break
                    self.budget -= 1
                    if entry.names[0] != key and _keys_close(key, entry.names[0]):
                        found.append(entry)
            self.seen_close[key] = found
        return self.seen_close[key]


def _year_form(year: str) -> str:
    """A year as compared: "n. d." is "n.d."."""
    return "".join(year.casefold().split())


def _same_year(scored: list[tuple[_Entry, str]], year: str) -> list[tuple[_Entry, str]]:
    """The matches from the cited year; "2019" against "2019a" (or the reverse) still names it."""
    same = [s for s in scored if _year_form(s[0].year) == _year_form(year)
            or s[0].original and f"{s[0].original}/{s[0].year}".casefold() == year.casefold()]
    return same or [s for s in scored if _base_year(s[0].year) == _base_year(year)
                    and not (_suffix(s[0].year) and _suffix(year))]


def _other_names_agree(citation: Citation, entry: _Entry) -> int:
    """How many of the cited names after the first agree with the entry (for tie-breaking)."""
    return sum(1 for w, n in zip(citation.authors[1:], entry.names[1:]) if fold(w) == n)


def _count_fits(citation: Citation, entry: _Entry) -> bool:
    """Whether the citation's form fits the entry's number of authors: "et al." means three or
    more (APA 7), and a citation without it names every author."""
    if entry.by_title or len(entry.names) <= 1 and not citation.et_al and len(citation.authors) <= 1:
        return True
    if citation.et_al:
        return len(entry.names) >= 3
    return len(entry.names) == len(citation.authors)


def _given_names_agree(words: list[str], family: str, entry: _Entry, citation: Citation) -> bool:
    """Whether the rest of a cited full name confirms the entry: the given name's initial, or a co-author."""
    given = [w for w in words if w != family]
    if entry.initial and any(fold(w)[:1] == entry.initial for w in given):
        return True
    later = {fold(w) for name in citation.authors[1:] for w in name.split()}
    return any(name in later for name in entry.names[1:])


def _name_words(written: str) -> list[str]:
    """The words of a cited name that may be the family name when given names were written too:
    "Huang Jianqing", "Zulhani Rasin", "V. Ayishwarya Bharathi", "AISHWARYA SINGH"."""
    words = [w for w in written.replace(",", " ").split() if len(w.strip(".")) > 1]
    if not 2 <= len(words) <= 4 or not all(w[:1].isupper() for w in words):
        return []
    return words


def _abbreviations(citations: Sequence[Citation]) -> dict[str, str]:
    """'apa' -> 'americanpsychologicalassociation' from first-use forms like '(… [APA], 2020)'."""
    return {fold(c.abbreviation): fold(c.authors[0]) for c in citations if c.abbreviation and c.authors}


def link_citations(citations: Sequence[Citation], references: Sequence[Reference]) -> tuple[Link, ...]:
    """One :class:`Link` per citation, in the same order."""
    abbreviations = _abbreviations(citations)
    works = works_of(references)
    matcher = _Matcher([_entry(ref, abbreviations, works[i]) for i, ref in enumerate(references)])
    return tuple(_link_one(i, c, matcher) for i, c in enumerate(citations))


def _link_one(index: int, citation: Citation, matcher: _Matcher) -> Link:
    if citation.role in _NOT_REQUIRED_ROLES:
        return Link(index, None, "not-required")
    if not citation.authors:
        return Link(index, None, "missing")

    def rank(item: tuple[_Entry, str]) -> tuple:
        entry, name = item
        return (name != "exact", not _count_fits(citation, entry), -_other_names_agree(citation, entry),
                entry.index)

    exact = [(entry, "exact") for entry in matcher.exact(citation.authors[0])]
    same_year = _same_year(exact, citation.year)
    if not same_year:  # only then can a spelling slip be what links them
        same_year = _same_year([(entry, "close") for entry in matcher.close(citation.authors[0])], citation.year)
    if not same_year and not exact:  # given names written too: "(Huang Jianqing, 2013)" for "Huang, J."
        words = _name_words(citation.authors[0])
        for word in words:
            by_word = [(entry, "exact") for entry in matcher.exact(word)]
            same_year = _same_year(by_word, citation.year)
            if same_year:
                break
            if len(by_word) == 1 and _given_names_agree(words, word, by_word[0][0], citation):
                # "(Zulhani Rasin & Mohd Rizal Abdullah, 2009)" for "Rasin, Z., & Abdullah, M. R. (n.d.)"
                return Link(index, by_word[0][0].index, "year-mismatch", (by_word[0][0].index,))
    if same_year:
        # APA 7 writes initials when first authors share a surname: "(E. Smith, 2019; J. Smith, 2019)"
        cited_initial = _INITIAL_BEFORE_NAME.match(citation.text)
        if cited_initial:
            initial = fold(cited_initial.group(1))
            same_year = [s for s in same_year if s[0].initial == initial] or same_year
        same_year.sort(key=rank)
        best_entry, best_name = same_year[0]
        # entries the citation cannot tell apart (a repeated entry is not a second work)
        tied = [s[0] for s in same_year if rank(s)[:3] == rank(same_year[0])[:3]]
        if len({e.work for e in tied}) > 1:
            return Link(index, best_entry.index, "ambiguous", tuple(e.index for e in tied))
        quality = "exact" if best_name == "exact" else "author-mismatch"
        return Link(index, best_entry.index, quality, tuple(s[0].index for s in same_year))

    # Another year is a slip only for the same authors: "Kanfer (2010)" is not "Kanfer & Ackerman (1989)".
    exact_names = sorted((s for s in exact if _count_fits(citation, s[0])), key=rank)
    if exact_names:
        return Link(index, exact_names[0][0].index, "year-mismatch", tuple(s[0].index for s in exact_names))
    reordered = _same_names_other_order(citation, matcher)
    if reordered is not None:  # "Hesketh & Griffin (2008)" for "Griffin, B., & Hesketh, B. (2008)"
        return Link(index, reordered.index, "author-mismatch", (reordered.index,))
    swapped = _given_names_as_family_names(citation, matcher)
    if swapped is not None:  # "(Luo, Li, & Peng, 2015)" for "Hongpin, L., Guanglin, L., & Weifeng, P. (2015)"
        return Link(index, swapped.index, "author-mismatch", (swapped.index,))
    return Link(index, None, "missing")


def _given_names_as_family_names(citation: Citation, matcher: _Matcher) -> _Entry | None:
    """The one entry of the cited year, with as many authors as the citation names (two or more),
    whose initials are the cited family names' first letters: the list wrote each author's given
    name where the family name goes, and the family name's initial after it."""
    if citation.et_al:
        return None
    found = [entry for entry in matcher.entries if _names_swapped(citation.authors, entry.initials, entry.names)
             and _same_year([(entry, "exact")], citation.year)]
    return found[0] if len(found) == 1 else None


def _initials(people) -> str:
    """Every author's first initial, folded, in order ("?" for one without initials)."""
    return "".join(fold(p.given[:1]) or "?" for p in people)


def _names_swapped(cited: Sequence[str], initials: str, families: Sequence[str]) -> bool:
    """Two or more cited family names whose first letters are an entry's initials, none of them its
    family names (folded)."""
    folded = [fold(name) for name in cited]
    return len(folded) >= 2 and len(families) == len(folded) and initials == "".join(n[:1] for n in folded) and (
        not set(families) & set(folded))


def given_names_as_family_names(citation: Citation, ref: Reference) -> bool:
    """Whether ``ref`` writes as family names what ``citation`` shows to be given names (see
    :func:`_given_names_as_family_names`)."""
    people = ref.authors
    return bool(people) and not any(p.is_group for p in people) and _names_swapped(
        citation.authors, _initials(people), [fold(p.family) for p in people])


def _same_names_other_order(citation: Citation, matcher: _Matcher) -> _Entry | None:
    """The one entry of the cited year whose authors are the cited names in another order."""
    if len(citation.authors) < 2 or citation.et_al:
        return None
    cited = sorted(fold(name) for name in citation.authors)
    found = [entry for name in citation.authors[1:] for entry in matcher.exact(name)
             if sorted(entry.names) == cited and _same_year([(entry, "exact")], citation.year)]
    return found[0] if len({entry.index for entry in found}) == 1 else None
