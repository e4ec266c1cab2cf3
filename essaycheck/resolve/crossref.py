"""Crossref's REST API: one work by DOI, and a bibliographic search for an entry without a DOI."""

from __future__ import annotations

from urllib.parse import quote, urlencode

from . import csl
from .existence import Candidate
from .fetch import Fetcher, FetchError

SEARCH_FIELDS = "DOI,title,subtitle,author,issued,published-print,published-online,container-title,volume,page,type"


def _url(base: str, path: str, params: dict[str, str]) -> str:
    """``base + path`` with the non-empty ``params`` as its query."""
    query = urlencode({k: v for k, v in params.items() if v})
    return f"{base}{path}" + (f"?{query}" if query else "")


def fetch_work(fetcher: Fetcher, base: str, doi: str, mailto: str | None) -> tuple[str, dict | None]:
    """('found', message) | ('not-found', None). Raises FetchError when Crossref cannot answer."""
    got = fetcher.fetch(_url(base, f"/works/{quote(doi, safe='/')}", {"mailto": mailto or ""}),
                        headers={"Accept": "application/json"})
    if got.status == 404:
        return "not-found", None
    message = got.answer("Crossref", "message")
    if not isinstance(message, dict):
        raise FetchError("bad-answer", "Crossref's answer had no record in it")
    return "found", message


def search(fetcher: Fetcher, base: str, text: str, rows: int, mailto: str | None) -> list[dict]:
    """The best few Crossref works for a reference written as text (query.bibliographic)."""
    params = {"query.bibliographic": text[:1000], "rows": str(rows), "select": SEARCH_FIELDS, "mailto": mailto or ""}
    got = fetcher.fetch(_url(base, "/works", params), headers={"Accept": "application/json"})
    message = got.answer("Crossref", "message")
    items = message.get("items") if isinstance(message, dict) else None
    if not isinstance(items, list):
        raise FetchError("bad-answer", "Crossref's search answer had no list of works")
    return [item for item in items if isinstance(item, dict)]


def to_candidate(item: dict) -> Candidate:
    """A work from Crossref's search, with its DOI link."""
    doi = csl.doi_of(item)
    return Candidate("Crossref", item, f"https://doi.org/{doi}" if doi else "", csl.csl_type(csl.text(item.get("type"))))
