"""Finding and normalising DOIs in any of the forms students write them.

``https://doi.org/10.…``, ``http://dx.doi.org/10.…``, ``doi:10.…``, ``DOI: 10.…`` and a bare
``10.…`` all name the same DOI; :func:`normalize_doi` reduces each to the lower-case bare
form (``10.1177/0146167217697299``) that the linker and the resolver compare.
"""

from __future__ import annotations

import re
from urllib.parse import unquote

from .links import trim_link_end

# A DOI is "10.<registrant>/<suffix>"; the suffix may hold almost anything but whitespace.
_DOI = re.compile(r"10\.\d{4,9}(?:/|%2F)[^\s\"]+", re.IGNORECASE)
# What may stand right before it and belongs to the DOI "as written" (searched backwards from the DOI).
_PREFIX = re.compile(
    r"(?:(?:https?://)?(?:www\.|dx\.)?doi\.org/(?:doi:\s?)?|\bdoi\s*:\s*|\bdoi\s+)$", re.IGNORECASE
)
# A bare DOI must stand on its own; "…/doi/10.1037/…" inside another URL is that URL's business.
_BARE_OK_BEFORE = " \t([{<:;,\"'“‘"


def find_doi_span(text: str) -> tuple[str, str, int, int] | None:
    """The first DOI in ``text``: (normalised, as written, start, end of the written form)."""
    for match in _DOI.finditer(text):
        start = match.start()
        prefix = _PREFIX.search(text, max(0, start - 40), start)
        if prefix:
            start = prefix.start()
        elif start > 0 and text[start - 1] not in _BARE_OK_BEFORE:
            continue
        doi = trim_link_end(match.group())
        normalised = (unquote(doi) if "%" in doi else doi).lower()
        if normalised.endswith("/"):
            continue
        return normalised, text[start:match.start() + len(doi)], start, match.start() + len(doi)
    return None


def find_doi(text: str) -> tuple[str, str] | None:
    """The first DOI in ``text`` as (normalised, as written), or None.

    >>> find_doi("Bulletin, 43(6), 772–784. https://doi.org/10.1177/0146167217697299.")
    ('10.1177/0146167217697299', 'https://doi.org/10.1177/0146167217697299')
    """
    found = find_doi_span(text)
    return (found[0], found[1]) if found else None


def normalize_doi(text: str) -> str:
    """The bare lower-case DOI in ``text`` ("DOI: 10.1037/0003-066X.55.1.68" -> "10.1037/0003-066x.55.1.68"), or ""."""
    found = find_doi_span(text)
    return found[0] if found else ""


def doi_as_written(written: str) -> str:
    """The DOI itself from its written form, case kept: 'https://doi.org/10.1037/0003-066X.55.1.68' ->
    '10.1037/0003-066X.55.1.68' (DOIs ignore case, but readers copy what they see)."""
    start = written.find("10.")
    return unquote(written[start:]) if start >= 0 else ""
