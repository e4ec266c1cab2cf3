"""The spaCy tokenizer, built once per process on first use.

Only short windows around year-like anchors are tokenized, never whole
paragraphs, and identical windows are tokenized once.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc

WINDOW_CACHE_SIZE = 8192


@functools.cache
def pipeline() -> Language:
    """A blank English pipeline: tokenizer and lexical attributes, no model weights needed."""
    import spacy

    return spacy.blank("en")


@functools.lru_cache(maxsize=WINDOW_CACHE_SIZE)
def tokenize(window: str) -> Doc:
    """Tokenize one short window; callers only read the result."""
    return pipeline().make_doc(window)
