"""CSL-JSON items: from a parsed reference-list entry, from a .json or .bib file."""

from __future__ import annotations

import json
import re
from pathlib import Path

from ..errors import InputError
from ..model import Author, Reference
from ..references.authors import split_name_suffix
from ..references.doi import doi_as_written

_MONTHS = {m: n for n, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], start=1)}


def csl_name(author: Author) -> dict:
    """An Author as a CSL name (family/given, or literal for a group)."""
    if author.literal:
        return {"literal": author.literal}
    name = {"family": author.family}
    given, suffix = split_name_suffix(author.given)
    if given:
        name["given"] = given
    if suffix:  # "Roediger, H. L., III": CSL puts it after the initials, APA's way
        name["suffix"] = suffix
    return name


def _date_parts(year: int, extra: str) -> list[int]:
    parts = [year]
    words = extra.replace(",", " ").split()
    month = next((_MONTHS[w.lower()] for w in words if w.lower() in _MONTHS), None)
    day = next((int(w) for w in words if w.isdigit() and 1 <= int(w) <= 31), None)
    if month:
        parts.append(month)
        if day:
            parts.append(day)
    return parts


def _accessed(retrieved: str) -> dict | None:
    match = re.search(r"([A-Za-z]+)\s+(\d{1,2}),?\s+(\d{4})", retrieved)
    if not match or match.group(1).lower() not in _MONTHS:
        return None
    return {"date-parts": [[int(match.group(3)), _MONTHS[match.group(1).lower()], int(match.group(2))]]}


_REPORT_NUMBER = re.compile(r"^(?P<genre>.*?)\s*\b(?:No|Nos|Number)\.?\s+(?P<number>\S.*)$")


def _csl_places(item: dict) -> None:
    """Put what the parser read into the CSL variables the style expects for the type."""
    if item["type"] == "report" and "number" not in item:
        # "(NIH Publication No. 18-2059)": CSL wants the kind as genre and the number as number
        match = _REPORT_NUMBER.match(item.get("genre", ""))
        if match:
            item["number"] = match.group("number")
            item["genre"] = match.group("genre")
            if not item["genre"]:
                del item["genre"]
    if item["type"] == "thesis" and "container-title" in item:
        item["archive"] = item.pop("container-title")  # the database a thesis is in: no "In"


def reference_to_csl(ref: Reference) -> dict:
    """CSL-JSON from the fields parsed out of the student's entry; id ``ref-<index>``."""
    item: dict = {"id": f"ref-{ref.index}", "type": ref.type if ref.type != "other" else "document"}
    if ref.authors:
        item["author"] = [csl_name(a) for a in ref.authors]
    if ref.editors:
        item["editor"] = [csl_name(a) for a in ref.editors]
    if ref.edition:
        item["edition"] = re.sub(r"(?i)(st|nd|rd|th)$", "", ref.edition.strip())
    if ref.year_number is not None:
        item["issued"] = {"date-parts": [_date_parts(ref.year_number, ref.date_extra)]}
    elif ref.year.lower().startswith("in press"):
        item["status"] = "in press"
    if ref.original_year:
        item["original-date"] = {"date-parts": [[int(ref.original_year)]]}
    fields = {"title": ref.title, "container-title": ref.container_title, "volume": ref.volume,
              "issue": ref.issue, "page": ref.pages, "number": ref.article_number,
              "publisher": ref.publisher, "DOI": doi_as_written(ref.doi_text) or ref.doi, "genre": ref.genre}
    item.update({k: v for k, v in fields.items() if v})
    _csl_places(item)
    if ref.url and not ref.doi:
        item["URL"] = ref.url
    accessed = _accessed(ref.retrieved) if ref.retrieved else None
    if accessed:
        item["accessed"] = accessed
    return item


def _first(value) -> str:
    return str(value[0] if isinstance(value, list) and value else value or "")


def best_item(ref: Reference, record: dict | None = None) -> dict:
    """The CSL-JSON to format for an entry: the resolved record when there is one, else the parsed fields.

    From a record, the student's wording of the title and container title is kept when it is the
    same words (records often carry Title Case, which APA does not use for article titles), and
    fields the record lacks are taken from the entry. The id is always ``ref-<index>``.
    """
    from ..names import fold_words
    from .markup import from_html, strip_marks

    own = reference_to_csl(ref)
    if not record:
        return own
    item = {**record, "id": own["id"]}
    for key in ("title", "container-title"):
        theirs = _first(item.get(key))
        if isinstance(item.get(key), list):
            item[key] = theirs
        if own.get(key) and fold_words(strip_marks(from_html(theirs))) == fold_words(own[key]):
            item[key] = own[key]
    for key, value in own.items():
        item.setdefault(key, value)
    return item


_PERIODICAL_TYPES = ("article-journal", "article-magazine", "article-newspaper")
_BOOK_CONTAINERS = ("chapter", "entry-encyclopedia", "entry-dictionary", "paper-conference")


def apa_case(item: dict, keep: frozenset[str] = frozenset()) -> dict:
    """A copy of ``item`` with APA 7's capitals (see :mod:`essaycheck.casing`): its title in
    sentence case when it is written in title case, the first word after a colon capitalised, a
    periodical's name in title case, a chapter's book title in sentence case. Titles with markup,
    in capitals or in another language are left as they are. ``keep``: words and names known
    to be proper nouns (the essay's, and the authors': see :func:`family_names`)."""
    from ..casing import capitalised_after_colons, is_title_case, journal_title_case, sentence_case

    def sentence(value):
        if not isinstance(value, str) or "<" in value:
            return value  # (is_title_case and capitalised_after_colons leave other languages alone)
        value = sentence_case(value, keep) if is_title_case(value, keep) else value
        return capitalised_after_colons(value)

    cased = {**item, "title": sentence(item.get("title"))} if item.get("title") else dict(item)
    container = item.get("container-title")
    if isinstance(container, str) and container and "<" not in container:
        if item.get("type") in _PERIODICAL_TYPES:
            cased["container-title"] = journal_title_case(container)
        elif item.get("type") in _BOOK_CONTAINERS and "Proceedings" not in container and "Conference" not in container:
            cased["container-title"] = sentence(container)
    return cased


def family_names(items: list[dict]) -> frozenset[str]:
    """The authors' family names of ``items``, lower case: names a title may hold."""
    return frozenset(str(person.get("family") or "").lower() for item in items for person in item.get("author") or []
                     if isinstance(person, dict) and person.get("family"))


def load_items(path: str | Path) -> list[dict]:
    """CSL-JSON items from a .json file (a list, or one item) or a .bib file."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror}") from exc
    except UnicodeDecodeError as exc:
        raise InputError(f"{path} is not UTF-8 text") from exc
    if path.suffix.lower() == ".bib":
        from .bibtex import parse_bibtex

        return parse_bibtex(text)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{path} is not valid CSL-JSON: {exc}") from exc
    items = data if isinstance(data, list) else [data]
    if not all(isinstance(i, dict) for i in items):
        raise InputError(f"{path}: CSL-JSON must be an object or a list of objects")
    return [{"id": str(i.get("id", f"item-{n + 1}")), "type": i.get("type", "document"), **i}
            for n, i in enumerate(items)]
