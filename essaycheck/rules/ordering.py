"""APA 7 reference-list order (sections 9.44–9.47), shared by the list and in-text order rules."""

from __future__ import annotations

import re

from ..link import year_key
from ..model import Reference
from ..names import fold

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

