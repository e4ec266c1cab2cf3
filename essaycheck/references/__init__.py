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
from .parse import parse_reference
from .split import split_entries

__all__ = ["parse_reference_list", "parse_reference", "split_entries", "find_doi", "normalize_doi",
           "doi_as_written", "work_key"]


def parse_reference_list(paragraphs: Sequence[Paragraph]) -> tuple[Reference, ...]:
    """Every entry of the list, parsed, with ``index`` 0.. in list order."""
    return tuple(
        parse_reference(text, index=i, location=location)
        for i, (text, location) in enumerate(split_entries(paragraphs))
    )


def work_key(ref: Reference) -> tuple:
    """Entries with equal keys describe the same work (a repeated entry)."""
    return (tuple(fold(n) for n in ref.family_names), ref.year.casefold(), fold_words(ref.title))
