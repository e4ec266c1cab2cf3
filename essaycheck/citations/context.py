"""What stands around a citation in its sentence: a quotation before it, a page after it."""

from __future__ import annotations

import re

from .anchors import ANCHOR
from .parenthesis import LOCATOR

MAX_QUOTE_CHARS = 2000
MAX_TRAILING_CHARS = 800  # how far a narrative citation's "(p. 780)" may follow it (a long quotation)
MAX_LOCATOR_CHARS = 60
MIN_QUOTED_WORDS = 3
MIN_LONG_QUOTED_WORDS = 10  # a quotation later in a citation's sentence, not introduced by "said", "found" …

_CLOSING_QUOTES = {"”": "“", '"': '"'}
_QUOTATION = re.compile(r"“[^“”]*”|\"[^\"]*\"")
_OPENING_QUOTE = re.compile(r"[“\"]")
MAX_REPORTING_CHARS = 80
_REPORTING_VERB = re.compile(
    r"\b(?:sa(?:y|ys|id)|stat(?:e|es|ed)|wr(?:ite|ites|ote)|argu(?:e|es|ed)|f(?:ind|inds|ound)|not(?:e|es|ed)|"
    r"explain(?:s|ed)?|describ(?:e|es|ed)|defin(?:e|es|ed)|call(?:s|ed)?|claim(?:s|ed)?|observ(?:e|es|ed)|"
    r"report(?:s|ed)?|suggest(?:s|ed)?|conclud(?:e|es|ed)|assert(?:s|ed)?|emphasi[sz](?:e|es|ed)|"
    r"stress(?:es|ed)?|highlight(?:s|ed)?|remark(?:s|ed)?|put it|according)\b",
    re.IGNORECASE)
# A full stop that ends a sentence, not one after "et al", "e.g", "p", "cf" or an initial.
# The look-behinds follow the stop itself so the regex engine can skip to [.!?] quickly.
_SENTENCE_END = re.compile(
    r"[.!?](?<!\bal.)(?<!\be\.g.)(?<!\bi\.e.)(?<!\bcf.)(?<!\bvs.)(?<!\bpp.)(?<!\bp.)(?<!\b[A-Z].)"
    r"[\"”’')\]]*\s+[\"“‘(\[]?[A-Z0-9]"
)


def quote_before(text: str, at: int, floor: int = 0) -> bool:
    """True when a quotation of three or more words ends right before ``text[at]``."""
    end = at - 1
    while end >= floor and text[end].isspace():
        end -= 1
    if end < floor or text[end] not in _CLOSING_QUOTES:
        return False
    opening = text.rfind(_CLOSING_QUOTES[text[end]], max(floor, end - MAX_QUOTE_CHARS), end)
    return opening >= 0 and len(text[opening + 1:end].split()) >= MIN_QUOTED_WORDS


def quote_after(text: str, after: int) -> bool:
    """True when a quotation of three or more words follows ``text[after]`` in the same sentence,
    before any other citation: "Lam et al. (2020) found that “…”"."""
    limit = min(len(text), after + MAX_TRAILING_CHARS)
    opening = _OPENING_QUOTE.search(text, after, limit)
    if opening is None:
        return False
    between = text[after:opening.start()]
    if ANCHOR.search(between) or _SENTENCE_END.search(between):
        return False  # another citation, or another sentence, stands between
    quoted = _QUOTATION.match(text, opening.start(), min(len(text), opening.start() + MAX_QUOTE_CHARS))
    if quoted is None:
        return False
    words = quoted.group()[1:-1].split()
    # "Smith (2020) found that “…”": a quotation the citation introduces; further on in the sentence only
    # a long one ("… Lam (2020) surveyed adults, of whom 70 percent showed “unreadiness, including …”")
    introduced = len(between) <= MAX_REPORTING_CHARS and _REPORTING_VERB.search(between)
    if not (introduced or len(words) >= MIN_LONG_QUOTED_WORDS):
        return False
    # "Searching as Strategic Exploration": a name or title in quotation marks, not a quotation
    return len(words) >= MIN_QUOTED_WORDS and sum(w[:1].isupper() for w in words) * 2 <= len(words)


def trailing_locator(text: str, after: int) -> tuple[str, int] | None:
    """``(locator, open)`` for a "(p. 780)" later in the sentence that ends at ``after``.

    Parentheses without a year on the way ("(1)", "(probably linear)") are passed
    over; another citation or the end of the sentence (outside quotation marks) stops the search.
    """
    limit = min(len(text), after + MAX_TRAILING_CHARS)
    # Full stops inside a quotation do not end the sentence around it.
    span = _QUOTATION.sub(lambda m: "x" * len(m.group()), text[after:limit])
    sentence_end = _SENTENCE_END.search(span)
    if sentence_end is not None:
        limit = after + sentence_end.start() + 1
    open_ = text.find("(", after, limit)
    while open_ >= 0:
        close = text.find(")", open_, open_ + MAX_LOCATOR_CHARS)
        if close < 0:
            return None
        content = text[open_ + 1:close].strip()
        if LOCATOR.match(content) and "(" not in content:
            return content, open_
        if ANCHOR.search(content):
            return None  # the next citation: a page after it is its own
        open_ = text.find("(", close, limit)
    return None
