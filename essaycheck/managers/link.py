"""Citations and entries through the managers' records: which citation of the text each managed
record belongs to, and which entry of the reference list describes each record.

A citation inside a managed field is linked to the entry of its record, not by reading names and
years: the manager knows which work it cites. A managed field whose text the citation finder did
not read as a citation (Word's "(Given Surname, Title, 2022)") still gives one citation per work.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from rapidfuzz import fuzz

from ..model import Citation, Link, Reference
from ..names import fold, fold_words
from . import Managed, ManagedCitation
from .csljson import first_family, year_of

SAME_TITLE = 85.0  # an entry's title this alike (folded) is the record's title


@dataclass(frozen=True)
class ManagedLinks:
    """Citation index -> (managed citation index, item index), and each item's entry."""

    cites: dict[int, tuple[int, int]]
    entries: dict[tuple[int, int], tuple[int, ...]]  # (managed citation, item) -> its entries, best first

    def record_of(self, managed: Managed, citation: int) -> tuple[ManagedCitation, dict, str] | None:
        """(the managed citation, the record, its locator) behind a citation of the text."""
        found = self.cites.get(citation)
        if found is None:
            return None
        field = managed.citations[found[0]]
        locator = field.locators[found[1]] if found[1] < len(field.locators) else ""
        return field, field.items[found[1]], locator


def managed_citations(citations: tuple[Citation, ...], managed: Managed) -> tuple[tuple[Citation, ...],
                                                                                   dict[int, tuple[int, int]]]:
    """The citations of the text, with one added for each work of a managed field that holds none
    the finder read; and which managed record each citation stands for."""
    added: list[Citation] = []
    for field in managed.citations:
        inside = [c for c in citations if _inside(c, field)]
        if not inside:
            added.extend(_citation_from(field, number, item) for number, item in enumerate(field.items))
    if added:
        citations = tuple(sorted(citations + tuple(added), key=lambda c: (c.location.paragraph, c.location.start)))
    cites: dict[int, tuple[int, int]] = {}
    for number, field in enumerate(managed.citations):
        inside = [i for i, c in enumerate(citations) if _inside(c, field)]
        for index, item in _pairs(citations, inside, field):
            cites[index] = (number, item)
    return citations, cites


def entries_of_records(managed: Managed, references: tuple[Reference, ...]) -> dict[tuple[int, int], tuple[int, ...]]:
    """(managed citation, item) -> the reference entries describing that record, best first."""
    found: dict[tuple[int, int], tuple[int, ...]] = {}
    cache: dict[str, tuple[int, ...]] = {}
    for number, field in enumerate(managed.citations):
        for item_number, item in enumerate(field.items):
            key = f"{item.get('id')}|{item.get('title')}|{year_of(item)}"
            if key not in cache:
                cache[key] = _entries_for(item, references)
            if cache[key]:
                found[(number, item_number)] = cache[key]
    return found


def relinked(links: tuple[Link, ...], cites: dict[int, tuple[int, int]],
             entries: dict[tuple[int, int], tuple[int, ...]]) -> tuple[Link, ...]:
    """The links, with every managed citation linked to an entry of its record (the one its text
    names, when that is one of them: IPCC 2023a and 2023b may share a title)."""
    out = []
    for link in links:
        candidates = entries.get(cites.get(link.citation, (-1, -1)), ())
        if candidates and link.reference not in candidates:
            link = replace(link, reference=candidates[0], quality="exact", candidates=())
        out.append(link)
    return tuple(out)


def _entries_for(item: dict, references: tuple[Reference, ...]) -> tuple[int, ...]:
    """The entries describing the record, best first: a title this alike and the first author or the
    year, or (for an entry read badly) the first author and the year with a title at least half alike."""
    title = _titles(item.get("title", ""))
    family = fold(first_family(item))
    year = year_of(item)
    scored = []
    for ref in references:
        if not ref.title or not title:
            continue
        score = max(fuzz.ratio(a, b) for a in _titles(ref.title) for b in title)
        author_ok = bool(family) and any(fold(name) == family for name in ref.family_names[:1])
        year_ok = year is not None and ref.year_number == year
        if score >= SAME_TITLE and (author_ok or year_ok) or score >= 50 and author_ok and year_ok:
            scored.append((author_ok + year_ok, score, ref.index))
    return tuple(index for *_, index in sorted(scored, reverse=True))


def _titles(title: str) -> set[str]:
    """The folded title and its main title (before a colon), when that is three words or more."""
    full = fold_words(title)
    main = fold_words(re.split(r"[:?]\s", title, maxsplit=1)[0])
    return {full, main} if len(main.split()) >= 3 else {full}


def _inside(citation: Citation, field: ManagedCitation) -> bool:
    """Whether the citation is (at least partly) the field's text: "Burnside and Dollar (2002)" with
    only "(2002)" in the field is one."""
    where = field.location
    return (citation.location.paragraph == where.paragraph and citation.location.start < max(where.end, where.start + 1)
            and citation.location.end > where.start)


def _pairs(citations, inside: list[int], field: ManagedCitation) -> list[tuple[int, int]]:
    """Each citation of the field with the item it stands for: by name and year, else in order."""
    free = list(range(len(field.items)))
    pairs = []
    for index in inside:
        citation = citations[index]
        name = fold(citation.authors[0]) if citation.authors else ""
        match = next((n for n in free if name and fold(first_family(field.items[n])) == name
                      and str(year_of(field.items[n])) == citation.year[:4]), None)
        match = match if match is not None else next((n for n in free if name and fold(
            first_family(field.items[n])) == name), None)
        match = match if match is not None else (free[0] if free else None)
        if match is not None:
            free.remove(match)
            pairs.append((index, match))
    return pairs


def _citation_from(field: ManagedCitation, number: int, item: dict) -> Citation:
    """A citation for a work of a managed field whose text was not read as one."""
    family = first_family(item) or item.get("title", "")[:40]
    year = year_of(item)
    people = item.get("author") or item.get("editor") or []
    return Citation(text=field.location.text, authors=(family,), year=str(year) if year else "n.d.",
                    narrative=False, location=field.location, group=field.location, position=number,
                    et_al=len(people) >= 3)
