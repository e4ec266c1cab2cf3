"""The spaCy tokenizer, built once per process on first use.

Only short windows around year-like anchors are tokenized, never whole
paragraphs. Each window's tokens are read once into plain tuples (spaCy builds
a new ``Token`` object on every access) and cached, so identical windows —
"(Smith & Lee, 2019)" cited again — cost nothing the second time.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language

WINDOW_CACHE_SIZE = 8192


class Word(NamedTuple):
    """The attributes of one spaCy token that name detection looks at."""

    text: str
    idx: int  # character offset in the window
    lower_: str
    is_title: bool
    is_upper: bool
    is_stop: bool
    is_punct: bool
    like_num: bool


@functools.cache
def pipeline() -> Language:
    """A blank English pipeline: tokenizer and lexical attributes, no model weights needed."""
    import spacy

    return spacy.blank("en")


@functools.lru_cache(maxsize=WINDOW_CACHE_SIZE)
def tokenize(window: str) -> tuple[Word, ...]:
    """The non-space tokens of one short window."""
    return tuple(
        Word(t.text, t.idx, t.lower_, t.is_title, t.is_upper, t.is_stop, t.is_punct, t.like_num)
        for t in pipeline().make_doc(window)
        if not t.is_space
    )
