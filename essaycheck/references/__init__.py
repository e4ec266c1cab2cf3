"""Splitting the reference list into entries and reading each APA 7 entry.

>>> from essaycheck.references import parse_reference
>>> ref = parse_reference("Vygotsky, L. S. (1978). Mind in society. Harvard University Press.")
>>> ref.type, ref.authors[0].family, ref.year, ref.publisher
('book', 'Vygotsky', '1978', 'Harvard University Press')
"""

from __future__ import annotations

from typing import Sequence

from ..model import Paragraph, Reference
from .doi import find_doi, normalize_doi
from .parse import parse_reference
from .split import split_entries

__all__ = ["parse_reference_list", "parse_reference", "split_entries", "find_doi", "normalize_doi"]


def parse_reference_list(paragraphs: Sequence[Paragraph]) -> tuple[Reference, ...]:
    """Every entry of the list, parsed, with ``index`` 0.. in list order."""
    return tuple(
        parse_reference(text, index=i, location=location)
        for i, (text, location) in enumerate(split_entries(paragraphs))
    )
