"""Compare a reference-list entry with the real record of the work it points to.

Pure functions. Titles are compared fuzzily after folding case, accents and
punctuation; names exactly after folding; years against every date the record
has (online-first and print years both count).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from ..model import Reference
from ..names import fold, fold_words, normalize_punctuation
from . import csl

SAME_TITLE = 90.0  # at or above: the same title
TITLE_SLIP = 85.0  # below, for the same work: report the title
RELATED_TITLE = 60.0  # below: a different work, whatever the author and year say
JOURNAL_TYPO = 92.0  # at or above: the same journal name with a slip of the keyboard


@dataclass(frozen=True)
class Mismatch:
    """One field that differs: what the entry says and what the record says."""

    field: str  # author | year | title | journal | volume | pages
    entry: str
    record: str


@dataclass(frozen=True)
class Comparison:
    """Whether a record is the entry's work, how alike the titles are, and the fields that differ."""

    verdict: str  # same | different | unknown (the entry has too little to compare)
    title_score: float
    mismatches: tuple[Mismatch, ...] = ()


def title_score(entry_title: str, record: dict) -> float:
    """0-100: how alike the entry's title is to the record's (with or without the subtitle)."""
    mine = fold_words(entry_title)
    if not mine:
        return 0.0
    variants = {csl.full_title(record), csl.title_of(record), csl.text(record.get("short-title"))}
    mine_variants = {mine, fold_words(re.split(r"[:?]", entry_title, maxsplit=1)[0])}
    best = 0.0
    for theirs in (fold_words(v) for v in variants if v):
        for m in mine_variants:
            if m and theirs:
                best = max(best, fuzz.ratio(m, theirs), fuzz.token_sort_ratio(m, theirs))
    return best


def same_author(entry_name: str, record: dict) -> bool | None:
    """Does the first author agree? None when either side has no author."""
    theirs = csl.first_author(record)
    if not entry_name or not theirs:
        return None
    mine = fold(entry_name)
    bare = fold(theirs.split(" ", 1)[-1]) if " " in theirs else fold(theirs)
    return mine in (fold(theirs), bare) or (len(mine) >= 4 and fold(theirs).endswith(mine))


def same_year(entry_year: int | None, record: dict) -> bool | None:
    """Is the entry's year one of the record's publication years? None when either side has none."""
    years = csl.years_of(record)
    if entry_year is None or not years:
        return None
    return entry_year in years


def compare(reference: Reference, record: dict) -> Comparison:
    """Is ``record`` the work the entry describes, and which fields differ?"""
    if not reference.title:
        return Comparison("unknown", 0.0)
    score = title_score(reference.title, record)
    first = reference.family_names[0] if reference.family_names else ""
    author_ok = same_author(first, record)
    year_ok = same_year(reference.year_number, record)
    if score >= SAME_TITLE:
        verdict = "same"
    elif score >= RELATED_TITLE and (author_ok or year_ok):
        verdict = "same"
    else:
        verdict = "different"
    if verdict == "different":
        return Comparison(verdict, score)
    found: list[Mismatch] = []
    if author_ok is False:
        found.append(Mismatch("author", first, csl.first_author(record)))
    if year_ok is False:
        found.append(Mismatch("year", reference.year, str(csl.year_of(record) or "")))
    if score < TITLE_SLIP:
        found.append(Mismatch("title", reference.title, csl.full_title(record)))
    found.extend(journal_mismatch(reference, record))
    if _digits(reference.volume) and _digits(csl.text(record.get("volume"))) and \
            _digits(reference.volume) != _digits(csl.text(record.get("volume"))):
        found.append(Mismatch("volume", reference.volume, csl.text(record.get("volume"))))
    found.extend(page_mismatch(reference, record))
    return Comparison(verdict, score, tuple(found))


def journal_mismatch(reference: Reference, record: dict) -> list[Mismatch]:
    names = csl.container_titles(record)
    if not reference.container_title or not names:
        return []
    if any(same_journal(reference.container_title, name) for name in names):
        return []
    if _initials_match(reference.container_title, names):
        return []
    return [Mismatch("journal", reference.container_title, names[0])]


_STOP = {"and", "of", "the", "in", "for", "on", "a", "an", "und", "de", "la", "le", "et"}


def same_journal(mine: str, theirs: str) -> bool:
    """Same journal name, allowing typos, 'The', '&', and abbreviations ('Pers Soc Psychol Bull')."""
    a, b = fold_words(mine), fold_words(theirs)
    if fuzz.ratio(a, b) >= JOURNAL_TYPO:
        return True
    words_a = [w for w in a.split() if w not in _STOP]
    words_b = [w for w in b.split() if w not in _STOP]
    if len(words_a) != len(words_b):
        return False
    return all(x.startswith(y) or y.startswith(x) for x, y in zip(words_a, words_b))


def page_mismatch(reference: Reference, record: dict) -> list[Mismatch]:
    mine = _page_range(reference.pages or reference.article_number)
    theirs = _page_range(csl.text(record.get("page")))
    numbers = {_page_range(csl.text(record.get(k)))[0] for k in ("article-number", "number")} - {""}
    if not mine[0] or not theirs[0] or mine[0] in numbers:
        return []
    if mine[0] != theirs[0] or (mine[1] and theirs[1] and mine[1] != theirs[1]):
        return [Mismatch("pages", reference.pages or reference.article_number, csl.text(record.get("page")))]
    return []


def _page_range(value: str) -> tuple[str, str]:
    value = re.sub(r"^\s*(pp?\.|pages?)\s*", "", normalize_punctuation(value or ""), flags=re.IGNORECASE)
    parts = [p.strip().lower() for p in value.replace(" ", "").split("-", 1)]
    first = parts[0] if parts else ""
    last = parts[1] if len(parts) > 1 else ""
    return first, last


def _digits(value: str) -> str:
    return (value or "").strip().lstrip("0").lower()


def _initials_match(abbreviation: str, names: list[str]) -> bool:
    """'PSPB' for 'Personality and Social Psychology Bulletin'."""
    letters = fold(abbreviation)
    return len(letters) >= 3 and any(
        letters == "".join(w[0] for w in fold_words(n).split() if w not in _STOP) for n in names)


def compare_page(reference: Reference, meta) -> tuple[Mismatch, ...]:
    """Clear disagreements between the entry and a web page's own metadata (conservative).

    Only a page that names its work in citation or Dublin Core tags is judged: a
    title unlike every title the page gives, or, when the title agrees, a first
    author the page does not list or a year two or more years off.
    """
    if not reference.title or not meta or not meta.meta_title:
        return ()
    mine = fold_words(reference.title)
    scores = [title_score(reference.title, {"title": t}) for t in (meta.meta_title, meta.og_title) if t]
    if meta.title:
        scores.append(fuzz.token_set_ratio(mine, fold_words(meta.title)))
    if max(scores) < 50:
        return (Mismatch("title", reference.title, meta.meta_title),)
    if max(scores) < SAME_TITLE:
        return ()
    found = []
    first = reference.family_names[0] if reference.family_names else ""
    if first and meta.authors and not any(fold(first) in fold(author) for author in meta.authors):
        found.append(Mismatch("author", first, meta.authors[0]))
    if reference.year_number and meta.year and abs(reference.year_number - meta.year) >= 2:
        found.append(Mismatch("year", reference.year, str(meta.year)))
    return tuple(found)
