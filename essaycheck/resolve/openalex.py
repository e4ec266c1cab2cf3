"""OpenAlex's works API: a title search for an entry, read into candidates shaped like Crossref works.

One request per entry: ``/works?filter=title.search:<title>`` (a filter, which OpenAlex counts as a
cheap list request), with only the fields compared (``select``). OpenAlex asks for an API key
(free) for regular use; it is sent when configured, never stored in the cache key.
"""

from __future__ import annotations

import re
from urllib.parse import urlencode

from ..model import Reference
from .csl import text
from .existence import Candidate, person_from_name, without_translation
from .fetch import Fetcher, FetchError

SELECT = "id,doi,title,display_name,publication_year,publication_date,type,authorships,primary_location,biblio"
ROWS = 10
_NOT_A_WORD = re.compile(r"[^\w\s]|_")
# OpenAlex work types -> CSL types (the journal is compared only for articles)
_KINDS = {"article": "article-journal", "review": "article-journal", "letter": "article-journal",
          "editorial": "article-journal", "book": "book", "book-chapter": "chapter", "dissertation": "thesis",
          "preprint": "article", "report": "report", "dataset": "dataset"}


def query_title(reference: Reference) -> str:
    """The words of the title to search for: the main title when it is long enough, else all of it."""
    title = without_translation(reference.title)
    main = re.split(r"[:?!]\s|\s[-–—]\s", title, maxsplit=1)[0]
    words = _NOT_A_WORD.sub(" ", main if len(main.split()) >= 3 else title).split()
    return " ".join(words)[:200]


def search(fetcher: Fetcher, base: str, reference: Reference, mailto: str | None,
           api_key: str | None = None) -> list[Candidate]:
    """Up to ten OpenAlex works whose title has the entry's title words. Raises FetchError."""
    words = query_title(reference)
    if not words:
        return []
    params = {"filter": f"title.search:{words}", "per-page": str(ROWS), "select": SELECT}
    if mailto:
        params["mailto"] = mailto
    if api_key:
        params["api_key"] = api_key
    got = fetcher.fetch(f"{base}/works?{urlencode(params)}", headers={"Accept": "application/json"})
    results = got.answer("OpenAlex", "results")
    if not isinstance(results, list):
        raise FetchError("bad-answer", "OpenAlex's answer had no list of works")
    return [candidate for item in results if isinstance(item, dict) and (candidate := to_candidate(item))]


def to_candidate(work: dict) -> Candidate | None:
    """An OpenAlex work as a Crossref-like record; None when it has no title."""
    title = text(work.get("title")) or text(work.get("display_name"))
    if not title:
        return None
    record: dict = {"title": [title], "author": [_person(a) for a in work.get("authorships") or []
                                                  if isinstance(a, dict)]}
    record["author"] = [p for p in record["author"] if p]
    year = work.get("publication_year")
    if isinstance(year, int):
        record["issued"] = {"date-parts": [[year]]}
    source = ((work.get("primary_location") or {}).get("source") or {}) if isinstance(
        work.get("primary_location"), dict) else {}
    if isinstance(source, dict) and source.get("type") in ("journal", "conference", "book series") and text(
            source.get("display_name")):
        record["container-title"] = [text(source["display_name"])]
    biblio = work.get("biblio") if isinstance(work.get("biblio"), dict) else {}
    if text(biblio.get("volume")):
        record["volume"] = text(biblio["volume"])
    first, last = text(biblio.get("first_page")), text(biblio.get("last_page"))
    if first:
        record["page"] = f"{first}-{last}" if last and last != first else first
    doi = text(work.get("doi"))
    doi = re.sub(r"^https?://(?:dx\.)?doi\.org/", "", doi, flags=re.IGNORECASE).lower()
    if doi:
        record["DOI"] = doi
    kind = _KINDS.get(text(work.get("type")), "")
    if kind == "article-journal" and source.get("type") not in (None, "journal"):
        kind = "other"  # a repository's or a conference's copy: its "journal" is no journal
    link = text(work.get("id"))
    return Candidate("OpenAlex", record, link, kind)


def _person(authorship: dict) -> dict | None:
    author = authorship.get("author") if isinstance(authorship.get("author"), dict) else {}
    return person_from_name(text(author.get("display_name")) or text(authorship.get("raw_author_name")))
