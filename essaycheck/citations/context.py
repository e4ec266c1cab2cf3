"""What stands around a citation in its sentence: a quotation before it, a page after it."""

from __future__ import annotations

import re

from .parenthesis import LOCATOR

MAX_QUOTE_CHARS = 2000
MAX_TRAILING_CHARS = 300  # how far a narrative citation's "(p. 780)" may follow it
MIN_QUOTED_WORDS = 3

_CLOSING_QUOTES = {"”": "“", '"': '"'}
# A full stop that ends a sentence, not one after "et al", "e.g", "p", "cf" or an initial.
_SENTENCE_END = re.compile(
    r"(?<!\bal)(?<!\be\.g)(?<!\bi\.e)(?<!\bcf)(?<!\bvs)(?<!\bpp)(?<!\bp)(?<!\b[A-Z])"
    r"[.!?][\"”’')\]]*\s+[\"“‘(\[]?[A-Z0-9]"
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


def trailing_locator(text: str, after: int) -> tuple[str, int] | None:
    """``(locator, open)`` for a "(p. 780)" later in the sentence that ends at ``after``."""
    open_ = text.find("(", after, after + MAX_TRAILING_CHARS)
    if open_ < 0 or ")" in text[after:open_] or _SENTENCE_END.search(text, after, open_ + 1):
        return None
    close = text.find(")", open_, open_ + 60)
    if close < 0:
        return None
    content = text[open_ + 1:close].strip()
    if not content or not LOCATOR.match(content) or "(" in content:
        return None
    return content, open_
