"""Splitting the reference list into entries and reading each APA 7 entry.

>>> from essaycheck.references import parse_reference
>>> ref = parse_reference("Vygotsky, L. S. (1978). Mind in society. Harvard University Press.")
>>> ref.type, ref.authors[0].family, ref.year, ref.publisher
('book', 'Vygotsky', '1978', 'Harvard University Press')
"""

from __future__ import annotations

from typing import Sequence

from ..model import Paragraph, Reference
from ..names import fold, fold_words
from .doi import doi_as_written, find_doi, normalize_doi
from .kinds import names_a_publisher
from .parse import parse_reference
from .split import split_entries

__all__ = ["parse_reference_list", "parse_reference", "split_entries", "find_doi", "normalize_doi",
           "doi_as_written", "works_of", "names_a_publisher"]


def parse_reference_list(paragraphs: Sequence[Paragraph]) -> tuple[Reference, ...]:
    """Every entry of the list, parsed, with ``index`` 0.. in list order."""
    return tuple(
        parse_reference(text, index=i, location=location)
        for i, (text, location) in enumerate(split_entries(paragraphs))
    )


def works_of(references: Sequence[Reference]) -> tuple[int, ...]:
    """For each entry, the index of the first entry describing the same work (itself if none).

    Two entries are one work when they share a DOI, or the first author, the year and a title one
    of which starts with the other: a repeated entry pasted from another source ("Title, Journal,
    Volume 74, 2022" read as one title) is still the same work.
    """
    works: list[int] = []
    by_doi: dict[str, int] = {}
    by_author_year: dict[tuple, list[int]] = {}
    for position, ref in enumerate(references):
        same = by_doi.get(ref.doi) if ref.doi else None
        names = ref.family_names
        key = (fold(names[0]) if names else "", ref.year_number or ref.year.casefold())
        title = fold_words(ref.title)
        if same is None and (names or title):
            same = next((i for i in by_author_year.get(key, ()) if _same_title(title, fold_words(references[i].title))),
                        None)
        works.append(position if same is None else works[same])
        if ref.doi:
            by_doi.setdefault(ref.doi, position)
        by_author_year.setdefault(key, []).append(position)
    return tuple(works)


def _same_title(a: str, b: str) -> bool:
    if a == b:
        return True
    shorter, longer = sorted((a, b), key=len)
    return len(shorter.split()) >= 4 and longer.startswith(shorter + " ")
