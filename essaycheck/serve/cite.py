"""The page's "cite a DOI" box: a DOI or doi.org link in, its APA 7 entry out (what ``essaycheck format --doi`` prints)."""

from __future__ import annotations

from ..references.doi import normalize_doi
from ..settings import Settings

__all__ = ["cite_doi"]


def cite_doi(text: str, settings: Settings, session=None) -> tuple[dict, int]:
    """(answer, HTTP status): ``{"doi", "entry", "html", "parenthetical", "narrative"}`` with 200,
    else ``{"error": message}`` with 400 (not a DOI), 404 (no record) or 503 (lookups are off)."""
    doi = normalize_doi(text)
    if not doi:
        return {"error": f"\u201c{text[:80]}\u201d is not a DOI. A DOI looks like 10.1177/0146167217697299, "
                         "or https://doi.org/10.1177/0146167217697299.", "status": 400}, 400
    if not settings.resolve:
        return {"error": "Looking DOIs up is switched off on this server.", "status": 503}, 503
    from ..formatting.render import render_entries
    from ..resolve import fetch_csl

    record = fetch_csl([doi], settings, session).get(doi)
    if not record:
        return {"error": f"No record was found for {doi}: check it letter by letter, or the DOI service "
                         "could not be reached (offline?).", "status": 404}, 404
    (entry,) = render_entries([{**record, "id": "doi-1"}], in_text=True)
    return {"doi": doi, "entry": entry.text, "html": entry.html, "parenthetical": entry.parenthetical,
            "narrative": entry.narrative}, 200
