"""Split one parenthesis into the works it cites, by its punctuation alone.

``(e.g., Smith, 2019, p. 4; Lee & Park, 2000a, 2000b)`` gives two parts: each
with its prefix, author text, years and locator. Whether the author text is a
name at all is decided later, on spaCy tokens (:mod:`.authors`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .anchors import IN_PRESS, NO_DATE, YEAR
from .lexicon import LOCATOR_LABELS

_YEAR_ITEM = re.compile(rf"{YEAR}|{NO_DATE}|{IN_PRESS}")
_NEXT_YEAR = re.compile(rf"\s*,\s*(?:{YEAR}|{NO_DATE}|{IN_PRESS})")
_PREFIX = re.compile(
    r"(?:(?:see\s+also|see|cf\.|e\.\s?g\.|i\.\s?e\.|for\s+example|for\s+a\s+review|compare|but\s+see)"
    r"(?!\w)\s*[,:]?\s*)+",
    re.IGNORECASE,
)
# Words of the writer's own before a colon: "(exceptions being: Foster et al., 2019; …)"
_LEAD_IN = re.compile(r"[^\W\d][^:;()\[\]\d]{0,60}?:\s+(?=[A-Z])")
_AS_CITED = re.compile(r",?\s*\bas\s+cited\s+in\b\s*", re.IGNORECASE)
_PERSONAL = re.compile(r",?\s*\bpersonal\s+communication\b\s*,?\s*", re.IGNORECASE)
_DATE_YEAR = re.compile(YEAR)
LOCATOR = re.compile(rf"(?:{LOCATOR_LABELS})(?!\w)", re.IGNORECASE)
_MONTH_AT_END = re.compile(
    r"\s(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?(?:\s\d{1,2})?,?\s*$")
_LOCATOR_ONLY = re.compile(rf"(?:{LOCATOR_LABELS})(?!\w)\.?\s*[\dA-Za-z][\w\-–, ]{{0,20}}", re.IGNORECASE)
_COMMA_IN_QUOTES = (',"', ",\u201d", ",'", ",\u2019")


@dataclass(frozen=True)
class Part:
    """One cited work inside a parenthesis; offsets are into the paragraph."""

    start: int  # where the work's text starts (its author, or its first year when authorless)
    end: int  # after its last year or its locator
    author_start: int
    author_end: int  # == author_start when no author is written (narrative citations)
    years: tuple[tuple[str, int, int], ...]  # (as written, start, end)
    prefix: str = ""
    locator: str = ""  # only a real locator: "p. 4", "paras. 2–3", "Table 2", "Chapter 3"
    remark: str = ""  # other words after the year, kept out of the locator: "emphasis added"
    comma_before_year: bool = True
    role: str = "work"

    @property
    def has_author(self) -> bool:
        return self.author_end > self.author_start


def split_parenthesis(text: str, open_: int, close: int) -> list[Part]:
    """The parts of ``text[open_:close + 1]``, skipping pieces that carry no year."""
    parts: list[Part] = []
    for segment in re.finditer(r"[^;]+", text[open_ + 1:close]):
        start, end = _strip(text, open_ + 1 + segment.start(), open_ + 1 + segment.end())
        prefix = ""
        matched = _PREFIX.match(text, start, end) or _LEAD_IN.match(text, start, end)
        if matched and matched.end() > start:
            prefix = text[start:matched.end()].strip()
            start = matched.end()
        found = _segment_parts(text, start, end, prefix)
        if parts and parts[-1].role == "work":
            if not found and _LOCATOR_ONLY.fullmatch(text, start, end):
                # "(Cortina & Luchman, 2013; p. 164)": the page belongs to the work before
                parts[-1] = replace(parts[-1], locator=text[start:end], end=end)
                continue
            if len(found) == 1 and not (found[0].has_author or found[0].prefix or found[0].remark):
                # "(Ackerman, 1986; 1988; 1992)", "Ackerman (1986; 1988)": more years of the same author
                parts[-1] = replace(parts[-1], years=parts[-1].years + found[0].years, end=found[0].end,
                                    locator=found[0].locator)
                continue
        parts.extend(found)
    return parts


def _segment_parts(text: str, start: int, end: int, prefix: str) -> list[Part]:
    personal = _PERSONAL.search(text, start, end)
    if personal:
        return _personal_part(text, start, end, personal, prefix)
    cited = _AS_CITED.search(text, start, end)
    if cited:
        original = _unit(text, start, cited.start(), prefix, role="secondary-original")
        citing = _unit(text, cited.end(), end, "", role="work")
        return [p for p in (original, citing) if p is not None]
    part = _unit(text, start, end, prefix, role="work")
    return [part] if part else []


def _personal_part(text: str, start: int, end: int, personal: re.Match, prefix: str) -> list[Part]:
    years = list(_DATE_YEAR.finditer(text, personal.end(), end))
    if not years:
        return []
    year = years[-1]
    author_start, author_end = _strip(text, start, personal.start())
    return [Part(start=start, end=end, author_start=author_start, author_end=max(author_start, author_end),
                 years=((year.group(), year.start(), year.end()),), prefix=prefix, role="personal-communication")]


def _unit(text: str, start: int, end: int, prefix: str, role: str) -> Part | None:
    """``Author, 2019a, 2019b, p. 4`` (author optional) between ``start`` and ``end``."""
    start, end = _strip(text, start, end)
    first = _YEAR_ITEM.search(text, start, end)
    if first is None:
        return None
    author_start, author_end = _strip(text, start, first.start())
    month = _MONTH_AT_END.search(text, author_start, author_end)
    if month and month.start() > author_start:  # "(Jiang, Shi & Li, July 2013)": the month is no name
        author_start, author_end = _strip(text, author_start, month.start())
        if not text.endswith(",", author_start, author_end):
            return None
    comma = text.endswith(",", author_start, author_end)
    if comma:
        author_start, author_end = _strip(text, author_start, author_end - 1)
    elif text[author_start:author_end].endswith(_COMMA_IN_QUOTES):
        comma = True  # ("Digital Skills," 2021): a work without author, its title quoted, comma inside
    years = [(first.group(), first.start(), first.end())]
    pos = first.end()
    while (more := _NEXT_YEAR.match(text, pos, end)) is not None:
        year_start = more.end() - len(more.group().lstrip(" ,\t\u00a0"))
        years.append((text[year_start:more.end()], year_start, more.end()))
        pos = more.end()
    trailing = text[pos:end].strip()
    if trailing.startswith(","):
        trailing = trailing[1:].strip()
        if not trailing:
            return None
    elif trailing and not LOCATOR.match(trailing):
        return None  # "(in 2019 the report)": words run on after the year
    locator, remark = (trailing, "") if LOCATOR.match(trailing) else ("", trailing)
    return Part(start=author_start if author_end > author_start else years[0][1], end=end,
                author_start=author_start, author_end=max(author_start, author_end), years=tuple(years),
                prefix=prefix, locator=locator, remark=remark,
                comma_before_year=comma or author_end <= author_start, role=role)


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
