"""Cutting an entry's text: its sentences outside brackets, the bracket a closing one matches, a span
taken out. Every reader steps through an entry with these; all are bounded, so linear on any input."""

from __future__ import annotations

import re

_PUNCT = re.compile(r"[()\[\]]|[.?!](?=[\"'”’]?(?:\s|$))")
_CLOSING_QUOTES = "\"'”’"
_ABBREVIATIONS = frozenset(
    "al cf ch dept dr e.g ed eds fig i.e jr mr mrs ms mt no nos p pp pt rev sr st trans univ vol vols vs".split()
)
MAX_COMMAS = 12  # the most commas a reader tries as the end of one part and the start of the next


def split_sentence(text: str) -> tuple[str, str]:
    """The first sentence outside brackets (without its final punctuation) and the rest.

    A period after an initial or an abbreviation ("U.S.", "pp.", "Vol.") does not end it, nor
    does a question mark before a bracket ("Free will? [Blog post]."); a closing quotation
    mark after the period stays with the sentence ('"Dr. House."'). If
    brackets never balance, they are ignored rather than swallowing the rest.
    """
    for respect_brackets in (True, False):
        depth = 0
        for match in _PUNCT.finditer(text):
            char = match.group()
            if char in "([":
                depth += respect_brackets
            elif char in ")]":
                depth = max(0, depth - 1)
            elif depth == 0 and not (char == "." and _is_abbreviation(text, match.start())) and not (
                char in "?!" and text[match.end():match.end() + 2].lstrip()[:1] in ("[", "(")
            ):
                at = match.start()
                quote = text[at + 1:at + 2] if text[at + 1:at + 2] in _CLOSING_QUOTES else ""
                head = text[:at] + quote if char == "." else text[:at + 1] + quote
                return head.strip(), text[at + 1 + len(quote):].strip()
        if depth == 0:
            break
    return text.strip(), ""


def _is_abbreviation(text: str, dot: int) -> bool:
    start = max(text.rfind(" ", max(0, dot - 30), dot) + 1, dot - 30, 0)
    word = text[start:dot].lstrip("([\"'“‘").rsplit("/", 1)[-1]  # "Books/St. Martin's"
    last = word.rsplit(".", 1)[-1]
    return len(last) == 1 and last.isalpha() or word.lower() in _ABBREVIATIONS


def split_sentences(text: str) -> list[str]:
    """``text`` cut into its sentences (brackets respected), bounded in number."""
    out: list[str] = []
    for _ in range(12):
        if not text:
            break
        head, text = split_sentence(text)
        if head:
            out.append(head)
    if text:
        out.append(text)
    return out


def abbreviated(sentence: str) -> bool:
    """"J. Exp." or "Psychol.": a piece of an abbreviated name that a cut at each period left."""
    words = sentence.split()
    return 0 < len(words) <= 3 and all(len(w) <= 7 and (w[:1].isupper() or w == "&") for w in words)


def matching_opener(text: str, close: int) -> int | None:
    """Index of the bracket opening the one that closes at ``close``."""
    closer = text[close]
    opener = "(" if closer == ")" else "["
    depth = 0
    for i in range(close, -1, -1):
        if text[i] == closer:
            depth += 1
        elif text[i] == opener:
            depth -= 1
            if depth == 0:
                return i
    return None


def cut(text: str, start: int, end: int) -> str:
    """``text`` without ``text[start:end]``, one space left at the seam."""
    return (text[:start].rstrip() + " " + text[end:].lstrip()).strip()
