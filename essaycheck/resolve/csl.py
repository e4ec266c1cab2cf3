"""Reading bibliographic records: CSL-JSON from doi.org and Crossref's REST "work" messages.

Both are read through the same helpers so the comparison does not care where a
record came from. ``to_csl`` turns either into clean CSL-JSON for the formatter.
"""

from __future__ import annotations

import html
import re
from typing import Any

# Crossref work types -> CSL types
_CSL_TYPES = {
    "journal-article": "article-journal", "book-chapter": "chapter", "book": "book", "monograph": "book",
    "edited-book": "book", "reference-book": "book", "proceedings-article": "paper-conference",
    "report": "report", "dissertation": "thesis", "posted-content": "article", "dataset": "dataset",
    "book-section": "chapter", "book-part": "chapter", "reference-entry": "entry", "standard": "standard",
    "peer-review": "review", "component": "article", "other": "article",
}
_CSL_KEYS = (
    "type", "DOI", "URL", "title", "container-title", "container-title-short", "collection-title",
    "author", "editor", "issued", "volume", "issue", "page", "number", "publisher", "publisher-place",
    "ISSN", "ISBN", "edition", "genre", "language",
)
_RETRACTED_PREFIX = re.compile(r"^\s*(retracted|withdrawn)\s*(article)?\s*[:.\-–]\s*", re.IGNORECASE)
# Crossref relation types saying this work was retracted or flagged
_RELATIONS = {"is-retracted-by": "retraction", "has-retraction": "retraction",
              "has-expression-of-concern": "expression_of_concern"}
SERIOUS_UPDATES = ("retraction", "withdrawal", "removal", "expression_of_concern", "partial_retraction")


def csl_type(crossref_type: str) -> str:
    """A Crossref work type as its CSL type ('journal-article' -> 'article-journal')."""
    return _CSL_TYPES.get(crossref_type, crossref_type)


def text(value: Any) -> str:
    """A CSL string field; Crossref gives lists ('title': ['...'])."""
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str) and v.strip()), "")
    return " ".join(value.split()) if isinstance(value, str) else ""


def title_of(record: dict) -> str:
    """The title without a 'RETRACTED:' prefix some publishers add."""
    return _RETRACTED_PREFIX.sub("", text(record.get("title")))


def full_title(record: dict) -> str:
    """'Title: Subtitle' as APA writes it."""
    title, subtitle = title_of(record), text(record.get("subtitle"))
    return f"{title}: {subtitle}" if subtitle and subtitle.lower() not in title.lower() else title


def first_author(record: dict) -> str:
    """Family name (with its particle) or group name of the first author; '' if none."""
    people = record.get("author") or []
    if not isinstance(people, list) or not people or not isinstance(people[0], dict):
        return ""
    person = people[0]
    family = text(person.get("family")) or text(person.get("literal")) or text(person.get("name"))
    particle = text(person.get("non-dropping-particle"))
    return f"{particle} {family}".strip() if particle else family


def authors_short(record: dict, limit: int = 2) -> str:
    """'Raj, Fast & Fisher' style, for messages."""
    people = [p for p in record.get("author") or [] if isinstance(p, dict)]
    names = [text(p.get("family")) or text(p.get("literal")) or text(p.get("name")) for p in people]
    names = [n for n in names if n]
    if not names:
        return ""
    if len(names) > limit + 1:
        return f"{names[0]} et al."
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " & " + names[-1]


def _year(date: Any) -> int | None:
    if not isinstance(date, dict):
        return None
    parts = date.get("date-parts")
    try:
        year = parts[0][0]
    except (TypeError, IndexError, KeyError):
        raw = date.get("raw") or date.get("literal") or ""
        match = re.search(r"\b(1[5-9]\d\d|20\d\d)\b", str(raw))
        return int(match.group(1)) if match else None
    try:
        return int(year)
    except (TypeError, ValueError):
        return None


def year_of(record: dict) -> int | None:
    """The year APA cites: 'issued' first, then the print or online date."""
    for key in ("issued", "published-print", "published", "published-online", "created"):
        year = _year(record.get(key))
        if year:
            return year
    return None


def years_of(record: dict) -> set[int]:
    """Every publication year the record knows (online-first and print may differ)."""
    keys = ("issued", "published-print", "published-online", "published", "journal-issue")
    years = {_year(record.get(k)) for k in keys if k != "journal-issue"}
    issue = record.get("journal-issue")
    if isinstance(issue, dict):
        years |= {_year(issue.get("published-print")), _year(issue.get("published-online"))}
    return {y for y in years if y}


def container_titles(record: dict) -> list[str]:
    """Journal or book title and its short forms."""
    names = []
    for key in ("container-title", "container-title-short", "short-container-title"):
        value = record.get(key)
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, str) and item.strip():
                names.append(" ".join(html.unescape(item).split()))  # "Memory &amp; Cognition"
    return names


def doi_of(record: dict) -> str:
    return text(record.get("DOI")).lower()


def updates(record: dict) -> list[dict]:
    """Retractions, withdrawals and expressions of concern the record carries.

    Crossref puts ``updated-by`` on the original work (the notice's DOI inside) and
    ``update-to`` on the notice itself; ``relation`` may say ``is-retracted-by``.
    Each result: {"type", "doi", "date", "source", "direction": "updated-by"|"update-to"|"relation"}.
    """
    found: list[dict] = []
    for direction in ("updated-by", "update-to"):
        items = record.get(direction)
        for item in items if isinstance(items, list) else []:
            if not isinstance(item, dict):
                continue
            kind = text(item.get("type")).lower().replace("-", "_").replace(" ", "_")
            if kind in SERIOUS_UPDATES:
                found.append({
                    "type": kind, "doi": text(item.get("DOI")).lower(), "date": _year(item.get("updated")),
                    "source": text(item.get("source")) or "publisher", "direction": direction,
                    "label": text(item.get("label")),
                })
    relation = record.get("relation")
    for key, kind in _RELATIONS.items():
        items = relation.get(key) if isinstance(relation, dict) else None
        for item in items if isinstance(items, list) else []:
            if isinstance(item, dict):
                found.append({"type": kind, "doi": text(item.get("id")).lower(), "date": None,
                              "source": "relation", "direction": "relation", "label": ""})
    if not found and _RETRACTED_PREFIX.match(text(record.get("title"))):
        found.append({"type": "retraction", "doi": "", "date": None, "source": "title",
                      "direction": "title", "label": "Retracted"})
    return found


def to_csl(record: dict, doi: str = "") -> dict:
    """Clean CSL-JSON (strings, not lists; CSL types) from a CSL or Crossref record."""
    csl: dict[str, Any] = {}
    kind = text(record.get("type"))
    csl["type"] = _CSL_TYPES.get(kind, kind or "article")
    for key in _CSL_KEYS[1:]:
        value = record.get(key)
        if key in ("author", "editor"):
            people = [_person(p) for p in value or [] if isinstance(p, dict)] if isinstance(value, list) else []
            if people:
                csl[key] = people
        elif key == "issued":
            year = year_of(record)
            parts = (value or {}).get("date-parts") if isinstance(value, dict) else None
            if parts and isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0] and parts[0][0]:
                csl[key] = {"date-parts": [[int(p) for p in parts[0] if _is_int(p)]]}
            elif year:
                csl[key] = {"date-parts": [[year]]}
        elif key in ("ISSN", "ISBN"):
            if value:
                csl[key] = text(value)
        elif value not in (None, "", []):
            string = text(value) if isinstance(value, (str, list)) else str(value)
            if string:
                csl[key] = string
    if "title" in csl:
        csl["title"] = full_title(record)
    if not csl.get("container-title-short"):
        short = text(record.get("short-container-title"))
        if short:
            csl["container-title-short"] = short
    if not csl.get("number") and text(record.get("article-number")):
        csl["number"] = text(record.get("article-number"))
    csl["DOI"] = (csl.get("DOI") or doi).lower()
    csl["id"] = csl["DOI"] or csl.get("URL", "item")
    return csl


def _person(person: dict) -> dict:
    keys = ("family", "given", "literal", "non-dropping-particle", "dropping-particle", "suffix")
    out = {k: text(person.get(k)) for k in keys if text(person.get(k))}
    if not out and text(person.get("name")):
        out["literal"] = text(person.get("name"))
    return out


def _is_int(value: Any) -> bool:
    try:
        int(value)
    except (TypeError, ValueError):
        return False
    return True
