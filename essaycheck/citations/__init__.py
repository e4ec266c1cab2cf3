"""Find APA 7 in-text citations in the running text.

>>> from essaycheck.model import Paragraph
>>> [c.text for c in find_citations([Paragraph(0, "as Raj et al., (2017) point out (p. 780).")])]
['Raj et al., (2017)']

Three passes, cheapest first: a regex finds short parentheses holding a year,
"n.d." or "in press" (:mod:`.anchors`); their punctuation splits them into
works (:mod:`.parenthesis`); spaCy tokens of those windows only decide what is
a name and where a narrative name starts (:mod:`.authors`). A paragraph without
a candidate never touches spaCy.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from ..model import Citation, Location, Paragraph
from ..names import fold
from .anchors import candidate_parentheses
from .authors import Names, read_names, read_names_before
from .context import quote_after, quote_before, trailing_locator
from .parenthesis import Part, split_parenthesis
from .running import running_citations

__all__ = ["find_citations"]

LOOKBACK_CHARS = 120  # how far before "(2019)" a narrative author's name may start
_TRAILING_ABBREVIATION = re.compile(r"\[[^\[\]]{1,40}\]\s*$")  # "… Association [APA] (2020)"


def find_citations(paragraphs: Sequence[Paragraph], known_names: frozenset[str] = frozenset(),
                   known_works: dict[str, frozenset[str]] | None = None) -> tuple[Citation, ...]:
    """Every in-text citation, one per cited work, in reading order.

    ``known_names`` holds folded family and group names from the reference list; it
    only helps accept doubtful candidates ("boyd (2014)", "(Smith 2019)"), never rejects.
    ``known_works`` (folded first author -> years of their entries) lets a year written in the
    sentence, without brackets, count: "In 2004, Fleming showed …".
    """
    known = frozenset(known_names)
    found: list[Citation] = []
    for paragraph in paragraphs:
        bracketed = _paragraph_citations(paragraph, known)
        if known_works:
            taken = [(c.group.start, c.group.end) for c in bracketed]
            bracketed = sorted(bracketed + running_citations(paragraph, known_works, taken),
                               key=lambda c: c.location.start)
        found.extend(bracketed)
    return tuple(found)


def _paragraph_citations(paragraph: Paragraph, known: frozenset[str]) -> list[Citation]:
    found: list[Citation] = []
    previous_end = 0
    for open_, close in candidate_parentheses(paragraph.text):
        found.extend(_group_citations(paragraph, open_, close, previous_end, known))
        previous_end = close + 1
    return found


def _group_citations(paragraph: Paragraph, open_: int, close: int, floor: int,
                     known: frozenset[str]) -> list[Citation]:
    text = paragraph.text
    parts = split_parenthesis(text, open_, close)
    if not parts:
        return []
    found: tuple[Names, int] | None = None
    lead = parts[0]
    if not lead.has_author and not lead.prefix and (not lead.remark or _MONTH_DAY.fullmatch(lead.remark)):
        found = _names_before(text, open_, floor, known)
    elif lead.has_author and lead.comma_before_year and not lead.prefix:
        found = _abbreviation_owner(text, lead, open_, floor, known)
    if found and _in_italics(paragraph, found[1], open_):
        found = None  # "In *Outliers* (2008), Gladwell …": a title, not an author
    narrative, group_start = found if found else (None, open_)
    group = _location(paragraph, group_start, close + 1)

    citations: list[Citation] = []
    for part in parts:
        is_narrative = narrative is not None and part is lead
        if is_narrative:
            names, start = narrative, group_start
        elif part.has_author:
            names = read_names(text[part.author_start:part.author_end], known, bare=not part.comma_before_year)
            start = part.start
        else:
            continue
        if names is None:
            continue
        citations.extend(_part_citations(paragraph, part, names, start, group, is_narrative,
                                         first_position=len(citations)))
    if not citations:
        return []
    if narrative is not None and _ENTRY_FORM.match(text, group_start, open_) and quote_before(
            text, group_start, floor):
        citations = [replace(c, quoted=True) for c in citations]  # “…” Xie, S., & Hu, H. (2017): an entry as source
    elif narrative is not None:
        citations = _narrative_context(text, citations, close, len(parts) == 1)
    elif quote_before(text, open_, max(0, open_ - 2000)):
        citations = [replace(c, quoted=True) for c in citations]
    return citations


def _names_before(text: str, open_: int, floor: int, known: frozenset[str]) -> tuple[Names, int] | None:
    """The names right before "(2019)" and where they start, read from a short window."""
    start = max(floor, open_ - LOOKBACK_CHARS)
    window = text[start:open_]
    abbreviation = _TRAILING_ABBREVIATION.search(window)
    cut = max(window.rfind(c, 0, abbreviation.start() if abbreviation else len(window)) for c in "();:[]")
    start += cut + 1
    if start >= open_:
        return None
    owner = _OWNER_OF_A_WORK.search(text, start, open_)
    if owner and known and fold(owner.group("name")) in known:
        # "B. F. Skinner’s Behaviorist Theory (1953)": the work of a listed author, named by its title
        return Names((owner.group("name"),), possessive=True), owner.start("name")
    names = read_names_before(text[start:open_], known)
    entry_form = _ENTRY_FORM.search(text, start, open_) if names is None else None
    if entry_form:
        # "Tóth, B. (2018, August 13)": the entry's author part pasted into the text
        at = entry_form.start()
        first_word = text[at:].split(" ", 1)[0]
        if first_word in _SENTENCE_WORDS:
            at += len(first_word) + 1  # "As Raj, M., …": "As" is no part of the name
        families = tuple(re.findall(r"([^\W\d_][\w'’\-‐‑]*(?: [A-Z][\w'’\-‐‑]*)?), (?:[A-Z]\.)", text[at:open_]))
        if families and text[:at].strip():  # an entry of a reference list starts its paragraph
            return Names(families, connector="&" if "&" in entry_form.group() else ""), at
    return None if names is None else (names, start + names.start)


_NAME_AND_INITIALS = r"[A-Z][\w'’\-‐‑]+(?: [A-Z][\w'’\-‐‑]+)?, (?:[A-Z]\.\s?){1,3}"
_ENTRY_FORM = re.compile(rf"(?<![\w,])(?:{_NAME_AND_INITIALS},\s(?:&\s)?)*{_NAME_AND_INITIALS}\s*$")
_SENTENCE_WORDS = frozenset("As In By See Also And But Then Thus While Both Per Like For From With".split())
_MONTH_DAY = re.compile(r"(?:January|February|March|April|May|June|July|August|September|October|November|"
                        r"December)(?:\s\d{1,2})?", re.IGNORECASE)
_OWNER_OF_A_WORK = re.compile(r"(?P<name>[A-Z][\w\-‐‑]+)['’]s(?:\s+[A-Z][\w\-]+){1,3}\s*$")


def _in_italics(paragraph: Paragraph, start: int, end: int) -> bool:
    return any(i_start < end and start < i_end for i_start, i_end in paragraph.italic)


def _abbreviation_owner(text: str, lead: Part, open_: int, floor: int,
                        known: frozenset[str]) -> tuple[Names, int] | None:
    """``American Psychological Association (APA, 2020)``: a narrative group citation with its abbreviation."""
    abbreviation = text[lead.author_start:lead.author_end]
    if not (abbreviation.isupper() and abbreviation.isalpha() and 2 <= len(abbreviation) <= 10):
        return None
    found = _names_before(text, open_, floor, known)
    if found is None:
        return None
    before, start = found
    if len(before.names) != 1 or before.et_al or before.comma or before.possessive:
        return None
    initials = "".join(w[0] for w in re.split(r"[\s\-]+", before.names[0]) if w[:1].isupper())
    if initials != abbreviation:
        return None
    return Names(before.names, abbreviation=abbreviation), start


def _part_citations(paragraph: Paragraph, part: Part, names: Names, start: int, group: Location,
                    narrative: bool, first_position: int) -> list[Citation]:
    citations = []
    count = len(part.years)
    for k, (year, year_start, year_end) in enumerate(part.years):
        last = k == count - 1
        begin = start if k == 0 else year_start
        end = part.end if last else year_end
        if narrative and count == 1 and part.end < group.end:
            end = group.end if _only_closing(paragraph.text, part.end, group.end) else end
        citations.append(Citation(
            text=paragraph.text[begin:end], authors=names.names, year=year, narrative=narrative,
            location=_location(paragraph, begin, end), group=group, position=first_position + k,
            et_al=names.et_al, connector=names.connector,
            comma_before_year=names.comma if narrative else part.comma_before_year,
            prefix=part.prefix, locator=part.locator if last else "", abbreviation=names.abbreviation,
            possessive=names.possessive, role=part.role,
        ))
    return citations


def _only_closing(text: str, start: int, end: int) -> bool:
    return text[start:end].strip() == ")"


def _narrative_context(text: str, citations: list[Citation], close: int, alone: bool) -> list[Citation]:
    """Attach a later "(p. 780)" of the same sentence; mark a quotation between the two."""
    narrative = [c for c in citations if c.narrative]
    if not narrative or not alone or narrative[-1].locator:
        return citations
    trailing = trailing_locator(text, close + 1)
    if trailing is None:
        if quote_after(text, close + 1):  # "Lam et al. (2020) found “…”." with no page anywhere
            return [replace(c, quoted=True) if c is narrative[-1] else c for c in citations]
        return citations
    locator, at = trailing
    quoted = quote_before(text, at, close + 1)
    target = narrative[-1]
    return [replace(c, locator=locator, quoted=quoted) if c is target else c for c in citations]


def _location(paragraph: Paragraph, start: int, end: int) -> Location:
    line = None
    if paragraph.line is not None:
        line = paragraph.line + paragraph.text.count("\n", 0, start)
    return Location(paragraph=paragraph.index, start=start, end=end, text=paragraph.text[start:end], line=line)
