"""How a student's entry differs from the formatted one, word by word, ignoring what does not matter.

Ignored: white space; straight vs curly quotes and apostrophes; hyphen vs en dash inside a number
range (page ranges: "772-784" and "772–784"); '…' vs '. . .' before the last of 21+ authors; the
case of a DOI or URL; and, when ``loose_case`` words are given (title words whose case the data
source cannot be trusted with), the case of those words.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u02bc": "'"})
_NUMBER_RANGE = re.compile(r"^(\(?[A-Za-z]?\d+)[-\u2010\u2011\u2013](\d+[A-Za-z]?[).,;]*)$")
_LINK = re.compile(r"^(https?://|doi:|10\.\d)", re.I)


def tokens(text: str) -> list[str]:
    """Words with their punctuation, split at white space ('. . .' kept as one word)."""
    return text.replace(". . .", "\u2026").split()


def comparable(token: str, loose_case: frozenset[str] = frozenset()) -> str:
    """The form of a word that two equivalent spellings share."""
    token = token.translate(_QUOTES)
    match = _NUMBER_RANGE.match(token)
    if match:
        token = f"{match.group(1)}-{match.group(2)}"
    if _LINK.match(token):
        return token.lower()
    bare = re.sub(r"^\W+|\W+$", "", token).lower()
    if bare and bare in loose_case:
        return token.lower()
    return token


@dataclass(frozen=True)
class Change:
    """One edit: replace ``old`` (words as written) with ``new`` (words as they should be)."""

    old: str
    new: str
    before: str = ""  # the word just before, to place an insertion

    def describe(self) -> str:
        if not self.new:
            return f"delete “{self.old}”"
        if not self.old:
            return f"add “{self.new}” after “{self.before}”" if self.before else f"start with “{self.new}”"
        return f"“{self.old}” → “{self.new}”"


def word_changes(written: str, expected: str, loose_case: frozenset[str] = frozenset()) -> list[Change]:
    """The word-level edits that turn ``written`` into ``expected``; empty when they match."""
    old, new = tokens(written), tokens(expected)
    old_keys = [comparable(t, loose_case) for t in old]
    new_keys = [comparable(t, loose_case) for t in new]
    matcher = difflib.SequenceMatcher(a=old_keys, b=new_keys, autojunk=False)
    changes = []
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            continue
        changes.append(Change(" ".join(old[a1:a2]), " ".join(new[b1:b2]), old[a1 - 1] if a1 else ""))
    return changes


def summarize(changes: list[Change], limit: int = 3) -> str:
    """'“772-784” → “772–784”; delete “Retrieved from”' (at most ``limit``, then 'and N more')."""
    shown = "; ".join(c.describe() for c in changes[:limit])
    more = len(changes) - limit
    return shown + (f"; and {more} more" if more > 0 else "")


def title_words(*fields: str) -> frozenset[str]:
    """Lower-case bare words of the given fields (for ``loose_case``)."""
    words = set()
    for value in fields:
        for word in str(value or "").split():
            bare = re.sub(r"^\W+|\W+$", "", word.translate(_QUOTES)).lower()
            if bare:
                words.add(bare)
    return frozenset(words)


_LOCATOR = re.compile(r"https?://\S+|www\.\S+|\b10\.\d{4,9}/\S+", re.IGNORECASE)
_NUMBER = re.compile(r"\d+")
_NAME = re.compile(r"[^\W\d_][^\W\d_'’-]+")
_DATE_GROUP = re.compile(r"\((?:\d{4}|n\.\s?d\.)")


def _locator_key(text: str) -> str:
    text = text.rstrip(".,;)'\"”’").lower()
    return re.sub(r"^(?:https?://)?(?:dx\.)?(?:doi\.org/)?(?:www\.)?", "", text)


def dropped(written: str, corrected: str, said: str) -> list[str]:
    """What a corrected entry leaves out of the written one without ``said`` naming it.

    Every number, DOI and link, and every name of the author part, must survive a rewrite; a
    rewrite that loses one was made from an entry read incompletely (a proceedings volume, a page
    range, a URL on its own line) and is not offered.
    """
    kept = {_locator_key(m) for m in _LOCATOR.findall(corrected)}
    lost = [m for m in _LOCATOR.findall(written)
            if not any(_locator_key(m) in k or k in _locator_key(m) for k in kept)]
    bare = _LOCATOR.sub(" ", written)
    numbers = _NUMBER.findall(_LOCATOR.sub(" ", corrected))
    for number in dict.fromkeys(_NUMBER.findall(bare)):
        if _NUMBER.findall(bare).count(number) > numbers.count(number) and number not in said:
            lost.append(number)
    date = _DATE_GROUP.search(bare)
    if date:
        words = corrected.casefold()
        lost += [n for n in _NAME.findall(bare[:date.start()])
                 if n[:1].isupper() and n.casefold() not in words and n not in said]
    return lost
