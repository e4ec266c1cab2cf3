"""DOIs: syntax, and the record behind one (doi.org content negotiation, then Crossref)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote, unquote

from .fetch import Fetcher, FetchError

CSL_ACCEPT = "application/vnd.citationstyles.csl+json"
# Crossref's advice: 10.<4-9 digits>/<suffix>; old Wiley DOIs need <, >, ; and friends in the suffix.
DOI_SYNTAX = re.compile(r"^10\.\d{4,9}/[^\s\"]+$")
_PREFIXES = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi\.org/|doi:\s*)", re.IGNORECASE)


def clean_doi(text: str) -> str:
    """'https://doi.org/10.1177/ABC.' -> '10.1177/abc' (lower case, no prefix, no closing full stop)."""
    doi = _PREFIXES.sub("", (text or "").strip())
    doi = unquote(doi).strip().rstrip(".,;")
    return doi.lower()


def is_valid_doi(doi: str) -> bool:
    """Whether a cleaned DOI has the syntax Crossref registers (10.<4-9 digits>/<suffix>)."""
    return bool(DOI_SYNTAX.match(doi or ""))


def doi_link(doi: str) -> str:
    """The form APA 7 asks for: https://doi.org/…"""
    return f"https://doi.org/{doi}"


@dataclass(frozen=True)
class DoiLookup:
    """What is known about one DOI. ``status``: found | not-found | invalid | not-checked."""

    doi: str
    status: str
    record: dict | None = None  # CSL-JSON (doi.org) or a Crossref work message
    source: str = ""  # doi.org | crossref
    note: str = ""
    kind: str = ""  # the FetchError kind when not checked (offline, timeout, ...)


def invalid_lookup(doi: str) -> DoiLookup:
    """The lookup of a string that is not a DOI: nothing is sent for it."""
    return DoiLookup(doi, "invalid", note="not a DOI: it should look like 10.1234/abcd")


def look_up(fetcher: Fetcher, doi_base: str, crossref_base: str, doi: str, mailto: str | None) -> DoiLookup:
    """Ask doi.org for CSL-JSON; when it cannot give a record, ask Crossref. Never raises."""
    from . import crossref

    if not is_valid_doi(doi):
        return invalid_lookup(doi)
    resolves = False
    first_error: FetchError | None = None
    try:
        got = fetcher.fetch(f"{doi_base}/{quote(doi, safe='/')}", headers={"Accept": CSL_ACCEPT})
        if got.status in (404, 410):
            return DoiLookup(doi, "not-found", source="doi.org", note="doi.org does not know this DOI")
        if got.status == 200:
            # doi.org sends DOIs whose agency has no CSL to the landing page; a page served
            # by doi.org itself (a proxy's or captive portal's, say) proves nothing.
            resolves = bool(got.redirects)
            record = got.json() if "json" in got.content_type or got.body.lstrip()[:1] == b"{" else None
            if isinstance(record, dict) and (record.get("title") or record.get("DOI")):
                return DoiLookup(doi, "found", record, "doi.org")
        else:
            first_error = FetchError("server", f"doi.org answered {got.status}")
    except FetchError as exc:
        first_error = exc
    try:
        status, message = crossref.fetch_work(fetcher, crossref_base, doi, mailto)
    except FetchError as exc:
        error = first_error if first_error is not None and first_error.kind == "offline" else exc
        return DoiLookup(doi, "found" if resolves else "not-checked", note=error.detail, kind=error.kind)
    if status == "found":
        return DoiLookup(doi, "found", message, "crossref")
    if resolves:
        return DoiLookup(doi, "found", note="the DOI works, but no record was found to compare with")
    error = first_error or FetchError("server", "doi.org did not answer")
    return DoiLookup(doi, "not-checked", note=error.detail, kind=error.kind)
