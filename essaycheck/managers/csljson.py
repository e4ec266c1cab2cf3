"""Clean CSL-JSON from what reference managers store: the same shape whoever wrote it.

Zotero and Mendeley store CSL-JSON already (Mendeley with empty particles, ``parse-names`` and
years as strings); EndNote and Word are converted into it by their own modules. Every item
comes out with strings for text fields, ``author``/``editor`` as lists of
``{"family", "given"}`` or ``{"literal"}``, and ``issued`` as ``{"date-parts": [[year, …]]}``.
"""

from __future__ import annotations

import re
from typing import Any

TEXT_FIELDS = ("title", "container-title", "collection-title", "volume", "issue", "page", "number", "publisher",
               "publisher-place", "DOI", "URL", "ISBN", "ISSN", "edition", "genre", "medium", "event",
               "event-place", "language", "abstract", "note", "version", "number-of-pages",
               "container-title-short", "title-short", "source", "archive")
NAME_FIELDS = ("author", "editor", "translator", "container-author")
DATE_FIELDS = ("issued", "accessed", "original-date")
_YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)\b")
_DOI = re.compile(r"10\.\d{4,9}/\S+")


def clean_item(item: Any, fallback_id: str = "") -> dict | None:
    """A CSL-JSON item with only well-formed values; None for something that is no item."""
    if not isinstance(item, dict):
        return None
    out: dict[str, Any] = {"type": text(item.get("type")) or "document"}
    identifier = item.get("id")
    out["id"] = str(identifier) if isinstance(identifier, (str, int)) and str(identifier) else fallback_id
    for key in TEXT_FIELDS:
        value = item.get(key)
        value = text(value) if not isinstance(value, (int, float)) or isinstance(value, bool) else str(value)
        if value:
            out[key] = value
    for key in NAME_FIELDS:
        people = [person for person in (clean_name(p) for p in item.get(key) or [] if isinstance(p, dict)) if person]
        if people:
            out[key] = people
    for key in DATE_FIELDS:
        date = clean_date(item.get(key))
        if date:
            out[key] = date
    if "DOI" in out:
        found = _DOI.search(out["DOI"])
        out["DOI"] = found.group().rstrip(".").lower() if found else out["DOI"]
    return out if len(out) > 2 else None


def clean_name(person: dict) -> dict | None:
    """``{"family", "given"}`` (with particles and suffix when given) or ``{"literal"}``."""
    keys = ("family", "given", "non-dropping-particle", "dropping-particle", "suffix")
    name = {key: text(person.get(key)) for key in keys if text(person.get(key))}
    literal = text(person.get("literal")) or text(person.get("name"))
    if not name.get("family") and literal:
        return {"literal": literal}
    if name.get("family") and not name.get("given") and person.get("isInstitution"):
        return {"literal": name["family"]}
    return name if name.get("family") else None


def clean_date(date: Any) -> dict | None:
    """``{"date-parts": [[2015, 3, 1]]}`` from CSL dates with numbers or strings, or a raw date."""
    if not isinstance(date, dict):
        return None
    parts = date.get("date-parts")
    if isinstance(parts, list) and parts and isinstance(parts[0], list):
        numbers = []
        for part in parts[0][:3]:
            try:
                numbers.append(int(str(part).strip()))
            except ValueError:
                break
        if numbers and 1000 <= numbers[0] <= 2100:
            return {"date-parts": [numbers]}
    raw = text(date.get("raw")) or text(date.get("literal"))
    year = _YEAR.search(raw)
    return {"date-parts": [[int(year.group())]]} if year else None


def text(value: Any) -> str:
    """A string field as one line; lists give their first string."""
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str) and v.strip()), "")
    return " ".join(value.split()) if isinstance(value, str) else ""


def year_of(item: dict) -> int | None:
    parts = (item.get("issued") or {}).get("date-parts") or [[None]]
    return parts[0][0] if parts and parts[0] else None


def first_family(item: dict) -> str:
    """The first author's family name (or group name), or the first editor's."""
    people = item.get("author") or item.get("editor") or []
    if not people:
        return ""
    person = people[0]
    return person.get("family") or person.get("literal") or ""


def item_key(item: dict) -> str:
    """What makes two items the same work for de-duplication: the DOI, else author, year and title."""
    if item.get("DOI"):
        return f"doi:{item['DOI'].lower()}"
    from ..names import fold, fold_words

    return f"{fold(first_family(item))}|{year_of(item)}|{fold_words(item.get('title', ''))[:80]}"
