"""Where an entry's author part ends and its date is: the date group "(2020).", a year standing free
("Birch, S. 2001."), names written another way than APA's, letters a PDF spaced out."""

from __future__ import annotations

import re
from dataclasses import replace

from . import slips
from ..model import Author
from .authors import close_letter_spacing, is_sentence_case, leading_people, looks_like_group, read_author_part
from .dates import find_date_group, is_two_years, iter_bare_years
from .draft import Draft
from .locators import cut_links
from .sentences import split_sentence

_MIN_SPACED_START = 4  # of an entry's first six words, this many of one or two letters: spaced out by a PDF
_MONTH_DAY_END = re.compile(
    r",?\s*(?P<date>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}),?\s*$")


def closed_up(text: str, draft: Draft) -> str:
    """The entry with its author part's letters closed up when a PDF spaced them out ("C RO N I N, J.")."""
    if sum(len(token) <= 2 for token in text[:30].split()[:6]) < _MIN_SPACED_START:
        return text  # most entries: no need to look further
    date = find_date_group(text, 600)
    closed = close_letter_spacing(text[:date.start]) if date else None
    if closed is None:
        return text
    draft.warnings.append("author names spaced out letter by letter")
    return f"{closed} {text[date.start:]}"


def find_date(text: str, draft: Draft):
    """The date group "(2020)."; failing that, a year standing free after the authors ("Birch, S. 2001.")."""
    date = find_date_group(text)
    for bare in iter_bare_years(text, date.start if date else 600):
        lead = text[:bare.start].strip()
        month_day = _MONTH_DAY_END.search(lead)  # "Wang, T., Aug 9, 2019."
        if month_day:
            lead = lead[:month_day.start()]
        part = read_author_part(lead) if lead else None
        if part is None or not (part.people or part.repeated or date is None and part.group
                                and len(part.group.split()) <= 8 and not _title_inside(part.group)):
            continue
        draft.warnings.append(slips.YEAR_NOT_IN_PARENTHESES)
        if month_day:
            return replace(bare, start=month_day.start(), date_extra=month_day.group("date"))
        return bare
    if date and is_two_years(text[date.start + 1:date.end].split(")")[0]):
        draft.warnings.append(slips.TWO_YEARS)
    return date


def _title_inside(group: str) -> bool:
    """"World Lantern Organization. Lanterns at a glance": a group's name and then a title."""
    return any(is_sentence_case(piece) for piece in group.split(". ")[1:4])


def leading_people_instead(text: str, date) -> tuple[tuple[Author, ...], int] | None:
    """Names written another way than APA's ("C. Szegedy, V. Vanhoucke, Title … (2016)") when the
    text before the date is no author part."""
    if date is not None:
        lead = text[:date.start]
        if len(lead.split()) <= 8 and "," not in lead.rstrip(" .,"):
            return None
        part = read_author_part(lead)
        if part.people or part.repeated:
            return None
    found = leading_people(text)
    if found is None or date is not None and found[1] > date.start:
        return None
    if date is not None and part.title and len(lead.split()) <= 12 and len(found[0]) < 2:
        return None  # "Upcoming events. (1961)." is a title, not a person
    return found


def year_anywhere(text: str, start: int):
    """The first year standing free after ``start``, outside links ("…, Volume 7, 2024, 123")."""
    bare = cut_links(text)
    return next((group for group in iter_bare_years(bare, len(bare)) if group.start >= start), None)


def group_author_end(text: str) -> int:
    """Where a group author ends in an entry without a date ("World Health Organization. Title."), or 0."""
    first, rest = split_sentence(text)
    if rest and looks_like_group(first):
        return text.index(rest)
    return 0
