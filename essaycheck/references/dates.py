"""The date group of an entry: "(2020)", "(2020a)", "(n.d.)", "(n.d.-a)", "(in press)", "(2020, March 3)"."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

# Parentheses without nested parentheses, short enough to be a date: bounded, so linear.
_PAREN = re.compile(r"\(([^()]{1,60})\)")
_NUMERIC = re.compile(r"(?P<num>\d{4})(?P<suffix>[a-z]?)(?:\s*,\s*(?P<extra>\S.*)|\s+(?P<loose>[A-Z][a-z]+\S*(?:\s\d{1,2})?))?")
# Not APA, but plainly a date: "(1967/1928)" (republished), "(1918-1920)" (a span), "(2009, forthcoming)",
# "(1986 [1934])" (the edition read, then the first publication in brackets).
_TWO_YEARS = re.compile(
    r"(?P<num>\d{4})(?P<suffix>[a-z]?)\s*(?:(?P<sep>[/\-‐–])\s*(?P<second>\d{4}|\d{1,2})[a-z]?|\[(?P<first>\d{4})\])")
# A year standing free after the author part, as other author–date styles write it:
# "Birch, Sarah 2001. Title", "Tica, J., 2004. Title", "Witte, J. C.; Wagner, G. 1995: Title".
_BARE_YEAR = re.compile(
    r"(?<![\w/.\-‐–])(?P<num>1[5-9]\d\d|20\d\d)(?P<suffix>[a-z]?)(?![\w/\-‐–])(?=\s*[.:;,)]|\s+[^\W\d_“\"‘'„«])"
)
_BARE_LEAD_MAX = 600
_NO_DATE = re.compile(r"n\.\s?d\.?(?:\s?[-‐–]\s?(?P<suffix>[a-z]))?", re.IGNORECASE)
_IN_PRESS = re.compile(r"in\s+press(?:\s?[-‐–]\s?(?P<suffix>[a-z]))?", re.IGNORECASE)
# A republished or translated work ends with its first date (APA 7): "(Original work published 1885)".
ORIGINAL_WORK = re.compile(
    r"\(\s*(?:original\s+work|work\s+originally)\s+published\s+(?P<year>\d{4})\s*\)\.?",
    re.IGNORECASE,
)
# The same said another way: "(original text written in 1934-1935)", "[Orig. 1830]", "(first published 1922)".
ORIGINAL_NOTE = re.compile(
    r"[(\[]\s*(?:orig(?:inal(?:ly)?|\.)?|first)(?:\s+(?:text|work|edition|ed\.))?(?:\s+(?:written|published|publ\.))?"
    r"(?:\s+in)?\s*(?P<year>\d{4})[^()\[\]]{0,20}[)\]]\.?",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class DateGroup:
    """Where the date group is (``end`` includes a following period) and what it says."""

    start: int
    end: int
    year: str  # as written, suffix included: "2020a", "n.d.", "n.d.-a", "in press"
    year_number: int | None
    year_suffix: str
    date_extra: str  # "March 3", "Spring"
    period_after: bool  # APA puts a period after the closing parenthesis


def read_date(inner: str) -> tuple[str, int | None, str, str] | None:
    """(year, year_number, suffix, extra) when the text inside parentheses is a date, else None."""
    inner = inner.strip()
    match = _NUMERIC.fullmatch(inner)
    if match:
        year = match.group("num") + match.group("suffix")
        extra = (match.group("extra") or match.group("loose") or "").strip()
        return year, int(match.group("num")), match.group("suffix"), extra
    match = _NO_DATE.fullmatch(inner) or _IN_PRESS.fullmatch(inner)
    if match:
        return inner, None, match.group("suffix") or "", ""
    match = _TWO_YEARS.fullmatch(inner)
    if match:
        return match.group("num") + match.group("suffix"), int(match.group("num")), match.group("suffix"), ""
    return None


def is_two_years(inner: str) -> bool:
    """"1967/1928" or "1918-1920": a date APA would write another way."""
    return _TWO_YEARS.fullmatch(inner.strip()) is not None


def iter_date_groups(text: str, limit: int | None = None) -> Iterator[DateGroup]:
    """Every date group in ``text`` (starting before ``limit``), left to right."""
    for match in _PAREN.finditer(text):
        if limit is not None and match.start() >= limit:
            return
        read = read_date(match.group(1))
        if read is None:
            continue
        end = match.end()
        period = text.startswith(".", end)
        yield DateGroup(match.start(), end + 1 if period else end, *read, period_after=period)


def find_date_group(text: str, limit: int = 3000) -> DateGroup | None:
    """The first date group starting within the first ``limit`` characters."""
    return next(iter_date_groups(text, limit), None)


def iter_bare_years(text: str, limit: int = _BARE_LEAD_MAX) -> Iterator[DateGroup]:
    """Years not in parentheses, left to right (``end`` includes the period, colon or comma after)."""
    for match in _BARE_YEAR.finditer(text, 0, min(len(text), limit + 12)):
        if match.start() > limit:
            return
        end = match.end()
        after = text[end:end + 2].lstrip()[:1]
        if after in ".:;,":
            end = text.index(after, end) + 1
        year = match.group("num") + match.group("suffix")
        yield DateGroup(match.start(), end, year, int(match.group("num")), match.group("suffix"), "",
                        period_after=after == ".")
