"""Keys for sorting and comparing entries: APA 7 list order (sections 9.44–9.47) and sameness."""

from __future__ import annotations

import re

from ..link import year_key
from ..model import Reference
from ..names import fold, fold_words

_LEADING_ARTICLE = re.compile(r"^(a|an|the)\s+", re.IGNORECASE)


def reference_sort_key(ref: Reference) -> tuple:
    """Letter by letter by family name ("nothing precedes something"), then initials, then the next
    authors, then year (n.d. first, in press last), then title; works without author by title."""
    people = ref.authors or (ref.editors if ref.editors_as_authors else ())
    if people:
        names = tuple((fold(a.name), fold(a.given)) for a in people)
    else:
        names = ((fold(_LEADING_ARTICLE.sub("", ref.title)), ""),)
    return (names, year_key(ref.year), fold(_LEADING_ARTICLE.sub("", ref.title)))


def work_key(ref: Reference) -> tuple:
    """Entries with equal keys describe the same work (a repeated entry)."""
    return (tuple(fold(n) for n in ref.family_names), ref.year.casefold(), fold_words(ref.title))
