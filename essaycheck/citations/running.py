"""Citations whose year stands in the running text, without brackets.

APA 7 lets a sentence carry both: "In 2004, Fleming showed …", "MacKenzie et al.'s 2002 paper",
"Cho et al. in 2014". Students also write "Le and Mikolov, 2014" where brackets belong. Only a name
the reference list has, next to a year one of that author's entries has, is taken, so that no other
year is; or a name with "et al.", which only authors get.
"""

from __future__ import annotations

import re

from ..model import Citation, Location, Paragraph
from ..names import fold

_WORD = re.compile(r"[A-Z][\w'’\-‐‑]*")
_NAMES = (r"(?P<names>(?P<first>[A-Z][\w\-‐‑]*)(?P<et_al>\s+et\s+al\.?)?"
          r"(?:\s+(?:and|&)\s+(?P<second>[A-Z][\w\-‐‑]*))?)")
_YEAR = r"(?P<year>(?:19|20)\d\d[a-z]?)\b"
_NAME_THEN_YEAR = re.compile(rf"{_NAMES}(?P<possessive>['’]s)?(?P<comma>,)?\s+{_YEAR}(?![\)\]]|\s*\))")
_NAME_IN_YEAR = re.compile(rf"{_NAMES}\s+in\s+{_YEAR}(?!\s*\))")  # "introduced by Cho et al. in 2014"
_YEAR_THEN_NAME = re.compile(rf"\b[Ii]n\s+{_YEAR},\s+{_NAMES}")


def running_citations(paragraph: Paragraph, works: dict[str, frozenset[str]],
                      taken: list[tuple[int, int]]) -> list[Citation]:
    """Citations of listed works with the year in the sentence, outside ``taken`` spans (the bracketed ones).

    ``works`` maps each folded first-author family name of the list to the years of their entries.
    """
    text = paragraph.text
    found: list[Citation] = []
    for pattern in (_NAME_THEN_YEAR, _NAME_IN_YEAR, _YEAR_THEN_NAME):
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(s < end and start < e for s, e in taken):
                continue
            first = match.group("first")
            year = match.group("year")
            if year not in works.get(fold(first), ()) and not match.group("et_al"):
                continue  # ("et al." is said only of authors: "Cho et al. in 2014" cites a work, listed or not)
            authors = (first,) + ((match.group("second"),) if match.group("second") else ())
            inside = text.count("(", 0, start) > text.count(")", 0, start)  # "(like those by Smith, 2019 and …)"
            location = Location(paragraph=paragraph.index, start=start, end=end, text=text[start:end],
                                line=None if paragraph.line is None else paragraph.line + text.count("\n", 0, start))
            found.append(Citation(
                text=text[start:end], authors=authors, year=year, narrative=not inside, location=location,
                group=location, et_al=bool(match.group("et_al")),
                connector=("&" if "&" in match.group("names") else "and") if match.group("second") else "",
                comma_before_year=bool(match.groupdict().get("comma")), possessive=bool(match.groupdict().get(
                    "possessive")), bracketed=False))
            taken.append((start, end))
    return found
