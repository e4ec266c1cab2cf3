"""Comparing names and titles the way a reader would: ignoring case, accents and punctuation."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})
_DASHES = str.maketrans({c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2212"})
_NON_WORD = re.compile(r"[^\w]+")
# Letters that do not decompose under NFKD but have an obvious base letter.
_SPECIAL = str.maketrans({"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D",
                          "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ı": "i"})


def normalize_punctuation(text: str) -> str:
    """Curly apostrophes to straight, every dash to a hyphen."""
    return text.translate(_APOSTROPHES).translate(_DASHES)


def strip_accents(text: str) -> str:
    """'Merriënboer' -> 'Merrienboer', 'Øvrebø' -> 'Ovrebo'."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=65536)  # names and keys of a whole reference list, however long, stay cached
def fold(text: str) -> str:
    """A key for comparing names: no case, accents, punctuation or spaces ('van Merriënboer' -> 'vanmerrienboer')."""
    return _NON_WORD.sub("", strip_accents(normalize_punctuation(text)).casefold()).replace("_", "")


@lru_cache(maxsize=4096)
def fold_words(text: str) -> str:
    """Like :func:`fold` but keeps single spaces between words (for titles)."""
    words = _NON_WORD.split(strip_accents(normalize_punctuation(text)).casefold())
    return " ".join(w for w in words if w and w != "_")
