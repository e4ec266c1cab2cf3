"""APA 7 order of a reference list (9.44-9.49) and the year suffixes that go with it (2000a, 2000b).

citeproc-py compares sort keys by code point (Ø and Ł after Z) and does not assign year
suffixes; both happen here, before rendering, so the suffixes follow the printed order.
"""

from __future__ import annotations

import re
from itertools import groupby
from string import ascii_lowercase

from ..names import fold, fold_words

_ARTICLES = re.compile(r"^(a|an|the)\s+", re.I)
_CREATOR_FIELDS = ("author", "composer", "director", "editor", "collection-editor")


def creators(item: dict) -> list[dict]:
    """The names in the author position: authors, else (like the style's substitute) editors."""
    for field in _CREATOR_FIELDS:
        names = item.get(field)
        if names:
            return names
    return []


def _initials(given: str) -> str:
    return "".join(part[0] for part in re.split(r"[\s.\-]+", given) if part)


def name_key(name: dict) -> tuple[str, str]:
    """A person by family name, letter by letter, then initials; a group by its whole name."""
    if name.get("literal"):
        return (fold(name["literal"]), "")
    family = " ".join(p for p in (name.get("non-dropping-particle", ""), name.get("family", "")) if p)
    return (fold(family), fold(_initials(name.get("given", ""))))


def title_key(item: dict) -> str:
    """The title without a leading A, An or The, folded for comparison."""
    return fold_words(_ARTICLES.sub("", str(item.get("title", "")).strip()))


def date_key(item: dict) -> tuple:
    """n.d. first, then dates in order, then 'in press' (APA 9.47)."""
    parts = (item.get("issued") or {}).get("date-parts") or []
    if parts and parts[0] and str(parts[0][0]).lstrip("-").isdigit():
        return (1, *(int(p) for p in parts[0][:3] if str(p).lstrip("-").isdigit()))
    if item.get("status"):
        return (2,)
    return (0,)


def creators_key(item: dict) -> tuple:
    """Who the entry is by, for sorting and disambiguation; the title stands in when nobody is named."""
    names = creators(item)
    if not names and item.get("type") in ("webpage", "software") and item.get("publisher"):
        return ((fold(str(item["publisher"])), ""),)
    if not names:
        return ((title_key(item).replace(" ", ""), ""),)
    return tuple(name_key(n) for n in names)


def apa_sort_key(item: dict) -> tuple:
    """APA order: creators letter by letter ('nothing precedes something'), date, then title."""
    return (creators_key(item), date_key(item), title_key(item))


def year_key(item: dict) -> tuple:
    """The year as an in-text citation shows it: n.d., a year, or in press."""
    key = date_key(item)
    return key[:2]


def suffix(n: int) -> str:
    """0 -> 'a', 25 -> 'z', 26 -> 'aa'."""
    letters = ""
    n += 1
    while n:
        n, rest = divmod(n - 1, 26)
        letters = ascii_lowercase[rest] + letters
    return letters


def assign_year_suffixes(items: list[dict]) -> list[dict]:
    """Copies of ``items`` (already in APA order) with 'year-suffix' set where creators and year repeat."""
    out = [dict(item) for item in items]
    for item in out:
        item.pop("year-suffix", None)
    for _key, group in groupby(out, key=lambda i: (creators_key(i), year_key(i))):
        same = list(group)
        if len(same) > 1:
            for n, item in enumerate(same):
                item["year-suffix"] = suffix(n)
    return out


def apa_order(items: list[dict]) -> list[dict]:
    """``items`` sorted in APA order with year suffixes assigned."""
    return assign_year_suffixes(sorted(items, key=apa_sort_key))
