"""Open Library's search API: a book by its ISBN, else by title and first author, read into
candidates shaped like Crossref works.

One request per entry: ``/search.json?isbn=…`` or ``/search.json?title=…&author=…``, with only
the fields compared. Open Library asks for an identifying User-Agent with a contact address
(sent with every request) and allows about one request a second, three with a contact.
"""

from __future__ import annotations

from urllib.parse import urlencode

from ..model import Reference
from .csl import text
from .existence import Candidate, person_from_name
from .fetch import Fetcher, FetchError
from .openalex import query_title

FIELDS = "key,title,subtitle,author_name,first_publish_year,publish_year,publisher"
ROWS = 10
def search(fetcher: Fetcher, base: str, reference: Reference) -> list[Candidate]:
    """Up to ten Open Library works for the entry. Raises FetchError."""
    isbn = reference.isbn
    if isbn:
        params = {"isbn": isbn}
    else:
        title = query_title(reference)
        if not title:
            return []
        params = {"title": title}
        people = reference.authors or reference.editors
        if people and not people[0].is_group and people[0].family:
            params["author"] = people[0].family
    params.update({"fields": FIELDS, "limit": str(ROWS)})
    got = fetcher.fetch(f"{base}/search.json?{urlencode(params)}", headers={"Accept": "application/json"})
    docs = got.answer("Open Library", "docs")
    if not isinstance(docs, list):
        raise FetchError("bad-answer", "Open Library's answer had no list of books")
    return [candidate for doc in docs if isinstance(doc, dict) and (candidate := to_candidate(doc, base))]


def to_candidate(doc: dict, base: str = "https://openlibrary.org") -> Candidate | None:
    """An Open Library search result (a work, all its editions) as a Crossref-like record."""
    title = text(doc.get("title"))
    if not title:
        return None
    record: dict = {"title": [title], "type": "book"}
    if text(doc.get("subtitle")):
        record["subtitle"] = [text(doc["subtitle"])]
    people = [person_from_name(name) for name in doc.get("author_name") or [] if isinstance(name, str)]
    record["author"] = [person for person in people if person]
    first = doc.get("first_publish_year")
    if isinstance(first, int):
        record["issued"] = {"date-parts": [[first]]}
    record["_years"] = [y for y in doc.get("publish_year") or [] if isinstance(y, int)]  # every edition's year
    publishers = [text(p) for p in doc.get("publisher") or [] if text(p)]
    if publishers:
        record["publisher"] = publishers[0]
        record["_publishers"] = publishers
    key = text(doc.get("key"))
    return Candidate("Open Library", record, f"{base.rstrip('/')}{key}" if key.startswith("/") else key, "book")
