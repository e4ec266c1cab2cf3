"""Reading one APA 7 reference entry into a :class:`~essaycheck.model.Reference`.

The entry is read in APA's own order: author part, date group, title (with its bracketed
description and parenthesised edition, volume or report number), source, then DOI or URL.
Every step works on plain string operations and short bounded regexes, so any input, however
long or garbled, is read in linear time. What cannot be read is named in ``warnings``.

Each step has its module: ``author_date`` (where the authors end and the date is), ``titles``,
``locators`` (DOI, URL, notes), ``containers`` (the source, handed to ``journals``, ``chapters`` or
``books``) and ``kinds`` (the type of work); they all write into one ``Draft``.
"""

from __future__ import annotations

import re

from . import slips
from ..model import Author, Location, Reference
from .author_date import closed_up, find_date, group_author_end, leading_people_instead, year_anywhere
from .authors import looks_like_group, people_prefix_end, read_author_part
from .containers import read_source, reads_as_apa_journal, source_after_comma
from .draft import Draft
from .kinds import decide_type, place_source
from .locators import read_locators
from .sentences import cut, split_sentence
from .titles import quoted_title, read_title, take_back_title, title_with_inner_questions

_LABEL = re.compile(r"[A-Z][A-Za-z]+(?: [A-Za-z]+){0,5}:\s+(?=[A-Z][\w'’\-]+,\s+[A-Z]\.(?:\s?[A-Z]\.)*,?\s+(?:&\s+)?"
                    r"(?:[A-Z][\w'’\-]+,\s+[A-Z]\.|\((?:19|20)\d\d))")
_LIST_MARKER = re.compile(r"(?:[-*•▪◦]|\(?\d{1,3}[.)]|\[\d{1,3}\])\s+")


def _parse(text: str) -> Draft:
    """Read ``text`` (its whitespace normalised) step by step; may raise, unlike :func:`parse_reference`."""
    draft = Draft()
    marker = _LIST_MARKER.match(text)
    if marker and not text[marker.end():marker.end() + 1].islower():
        draft.warnings.append(slips.NUMBERED)
        text = text[marker.end():]
    label = _LABEL.match(text)
    if label:  # "Cognitive Load Theory: Sweller, J. (1988). …": a topic the student grouped entries by
        draft.warnings.append(slips.LABEL_BEFORE_AUTHORS)
        text = text[label.end():]
    text = closed_up(text, draft)
    date = find_date(text, draft)
    leading = leading_people_instead(text, date)
    if leading:
        people, end = leading
        draft.warnings.append(slips.AUTHOR_NAMES)
        draft.set(authors=people, authors_text=text[:end].strip())
        lead, rest = "", text[end:]
        if date is not None and date.start >= end:  # "C. Szegedy, Z. Wojna Title (2016), 10.1109/…"
            rest = cut(text, date.start, date.end)[end:]
        date = date or year_anywhere(text, end)
    elif date:
        lead, rest = text[: date.start], text[date.end:]
    else:
        end = people_prefix_end(text) or group_author_end(text)
        lead, rest = text[:end], text[end:]
    if date:
        draft.set(year=date.year, year_number=date.year_number, year_suffix=date.year_suffix,
                  date_extra=date.date_extra)
    if date and date.year_number is None and re.match(r"n\.\s+d", date.year, re.IGNORECASE):
        draft.warnings.append(slips.SPACED_NO_DATE)
    if not date:
        draft.warnings.append(slips.NO_DATE)
    elif leading:
        draft.warnings.append(slips.YEAR_NOT_IN_PARENTHESES)
    rest = rest.strip()
    doubled = text[:date.end].strip() if date else ""
    if doubled and rest.startswith(doubled):
        draft.warnings.append(slips.DOUBLED_AUTHOR_DATE)
        rest = rest[len(doubled):].strip()
    if rest[:1] in ":;,":
        draft.warnings.append(slips.PUNCTUATION_AFTER_DATE)
        rest = rest[1:].strip()
    if lead.strip():
        part = read_author_part(lead)
        draft.warnings.extend(part.warnings)
        draft.repeated_authors = part.repeated
        if part.title:
            read_title(part.title, draft)
        else:
            draft.set(authors_text=lead.strip(), author_ellipsis=part.ellipsis)
            people = part.people or ((Author(literal=part.group),) if part.group else ())
            draft.group_author = bool(part.group)
            if part.editors:
                draft.set(editors=people, editors_as_authors=True)
            else:
                draft.set(authors=people)
    elif date and not leading:
        draft.warnings.append("no author")
    rest = read_locators(rest, draft)
    if not draft.get("title"):
        quoted = quoted_title(rest)
        if quoted:
            draft.warnings.append(slips.QUOTED_TITLE)
            title, rest = quoted
        else:
            title, rest = title_with_inner_questions(*split_sentence(rest))
        if not rest.strip():
            title, rest = source_after_comma(title, draft)
        elif title.endswith(("?", "!")) and not split_sentence(rest)[1] and not reads_as_apa_journal(rest):
            head, source = source_after_comma(rest, draft, publisher=False)  # "Why? Views, Journal 8, 7-9"
            if head != rest:
                title, rest = f"{title} {head}", source
        read_title(title, draft)
        if not draft.get("title") and lead.rstrip().endswith((".", "?", "!")) and _title_standing_first(draft):
            # "How Aquaculture Works. (2008, May 23). Retrieved … from https://…": what stands first is no
            # group (no group's word in it), and nothing after the date is a title, so it is the title
            _lead_as_title(lead, draft)
        elif _site_after_title_first(draft, lead, rest):
            # "Recycled Cardboard Prices Reach Highs. (n.d.). Berg Mill Supply. Retrieved from https://…": a
            # long title stood first, and the short name after the date is the site it is on
            rest = f"{draft.values.pop('title')}. {rest}"
            _lead_as_title(lead, draft)
        if not draft.get("title"):
            draft.warnings.append("no title")
    read_source(rest, draft)
    if draft.journal and not draft.after_in:
        take_back_title(draft)
    kind = decide_type(draft)
    place_source(kind, draft)
    if kind == "other" and draft.get("title") and not draft.description:
        draft.warnings.append("type of work not recognised")
    draft.values["type"] = kind
    return draft


def _lead_as_title(lead: str, draft: Draft) -> None:
    """What was read as a group author is the title."""
    for key in ("authors", "authors_text"):
        draft.values.pop(key, None)
    draft.group_author = False
    read_title(lead.strip().rstrip("."), draft)


def _title_standing_first(draft: Draft) -> bool:
    authors = draft.get("authors")
    name = authors[0].literal if draft.group_author and len(authors) == 1 else ""
    return bool(name) and not (name.isupper() and " " not in name) and not looks_like_group(name)  # ("OECD", "YÖK": groups)


def _site_after_title_first(draft: Draft, lead: str, rest: str) -> bool:
    """A title of four words or more where a group's name stands, and a short name in capitals (a
    site's) after the date, before the link."""
    title = str(draft.get("title"))
    words = title.split()
    return (_title_standing_first(draft) and len(lead.split()) >= 4 and 0 < len(words) <= 4
            and all(w[:1].isupper() for w in words) and bool(draft.get("url") or "http" in rest))


def normalize_space(text: str) -> str:
    """Collapse every run of whitespace (and zero-width spaces) to one space."""
    # Word's non-breaking hyphen ("Abdoul‑Karim") reads as the hyphen it shows
    return " ".join(text.replace("\u200b", " ").replace("\ufeff", " ").replace("\u2011", "-").split())


def parse_reference(text: str, index: int = 0, location: Location | None = None) -> Reference:
    """Parse one APA 7 entry; never raises (what it cannot read is listed in ``warnings``)."""
    text = normalize_space(text if isinstance(text, str) else str(text))
    if location is None:
        location = Location(paragraph=0, start=0, end=len(text), text=text)
    try:
        draft = _parse(text)
    except Exception as error:  # noqa: BLE001 — a bad entry must not stop the whole check
        return Reference(index=index, text=text, location=location,
                         warnings=(f"entry could not be read ({type(error).__name__})",))
    return Reference(index=index, text=text, location=location, warnings=tuple(dict.fromkeys(draft.warnings)),
                     **draft.values)
