"""Cheap, regex-only first pass: where could a citation be?

A citation needs an anchor (a year 1500–2099 with an optional letter, "n.d."
or "in press") inside a short parenthesis. Everything here is bounded so that
hostile input (thousands of brackets, megabyte lines, endless years) stays fast,
and nothing here needs spaCy.
"""

from __future__ import annotations

import re

MAX_PARENTHESIS_CHARS = 300  # longer "parentheses" are prose, not citations
MAX_ANCHORS_PER_PARAGRAPH = 5000  # anchors looked at before giving up on a paragraph
MAX_GROUPS_PER_PARAGRAPH = 500  # parentheses with an anchor kept per paragraph

_YEAR_NUMBER = r"(?:1[5-9]\d\d|20\d\d)"
# Not part of a longer number, price, range, decade, section number or ISBN:
# "£2019", "2019–2020", "1990s", "2019.3", "978-1-2019", "10:2019". The look-behinds
# come after the first characters so that the regex engine can skip ahead to a
# "1", "2", "n" or "i" instead of trying every position (5x faster on long text).
YEAR = (
    rf"(?:1[5-9]|20)(?<![\w$£€¥#§№.\-–—/:]..)\d\d[a-r]?(?:/{_YEAR_NUMBER}[a-r]?)?"
    r"(?![\w%]|[.,:]\d|\s?[-–—]\s?\d|/\d)"
)
NO_DATE = r"n(?<![\w.]n)\.\s?d(?:\.|(?![\w.]))(?:-[a-z](?!\w))?"  # "(n.d)" too, a slip citation-form names
IN_PRESS = r"in(?<!\win)\s+press(?:-[a-z])?(?!\w)"

_INNER_ABBREVIATION = re.compile(r"\([A-Z][A-Za-z&]{1,9}\)")
ANCHOR = re.compile(rf"{YEAR}|{NO_DATE}|{IN_PRESS}")


def candidate_parentheses(text: str) -> list[tuple[int, int]]:
    """``(open, close)`` offsets of each short parenthesis holding an anchor, in order.

    ``text[open] == "("`` and ``text[close] == ")"``; nested parentheses are not followed.
    """
    if "(" not in text:
        return []
    found: list[tuple[int, int]] = []
    taken_until = -1
    for seen, anchor in enumerate(ANCHOR.finditer(text)):
        if seen >= MAX_ANCHORS_PER_PARAGRAPH or len(found) >= MAX_GROUPS_PER_PARAGRAPH:
            break
        at = anchor.start()
        if at < taken_until:
            continue  # another anchor of a parenthesis already kept
        open_ = text.rfind("(", max(0, at - MAX_PARENTHESIS_CHARS), at)
        inner_close = text.find(")", open_, at) if open_ >= 0 else -1
        if inner_close >= 0 and _INNER_ABBREVIATION.fullmatch(text, open_, inner_close + 1):
            # "(Uniform Crime Reporting (UCR) Program, n.d.)": a group's abbreviation in its own brackets
            open_ = text.rfind("(", max(0, at - MAX_PARENTHESIS_CHARS), open_)
            inner_close = text.find(")", open_, text.rfind("(", open_ + 1, at)) if open_ >= 0 else -1
        if open_ < 0 or inner_close >= 0:
            continue
        close = text.find(")", anchor.end(), open_ + MAX_PARENTHESIS_CHARS + 1)
        if close < 0 or text.find("(", anchor.end(), close) >= 0:
            continue
        found.append((open_, close))
        taken_until = close
    return found
