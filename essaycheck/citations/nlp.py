"""The spaCy tokenizer, built once per process on first use.

Only short windows around year-like anchors are tokenized, never whole
paragraphs. Each window's tokens are read once into plain tuples (spaCy builds
a new ``Token`` object on every access) and cached, so identical windows —
"(Smith & Lee, 2019)" cited again — cost nothing the second time.
"""

from __future__ import annotations

import functools
import sys
import types
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
    return import_spacy().blank("en")


def import_spacy() -> types.ModuleType:
    """``import spacy``, without the command-line interface its ``__init__`` loads only to re-export ``info``.

    That interface (typer, rich, httpx, weasel) is about a fifth of spaCy's import time and a check
    never uses it. While spaCy imports, ``spacy.cli`` is a stand-in whose ``info`` defers to the real
    one; the stand-in is removed straight after, so a later ``import spacy.cli`` gets the real module.
    """
    if "spacy" in sys.modules or "spacy.cli" in sys.modules:
        import spacy

        return spacy
    cli = types.ModuleType("spacy.cli")
    cli.__path__ = []  # a package, so that "spacy.cli.info" can be imported from it
    info = types.ModuleType("spacy.cli.info")
    info.info = _real_spacy_info
    sys.modules.update({"spacy.cli": cli, "spacy.cli.info": info})
    try:
        import spacy
    finally:
        for name in ("spacy.cli.info", "spacy.cli"):
            sys.modules.pop(name, None)
    if getattr(spacy, "cli", None) is cli:
        del spacy.cli
    return spacy


def _real_spacy_info(*args, **kwargs):
    """spaCy's ``info``, imported when somebody calls it."""
    from spacy.cli.info import info

    return info(*args, **kwargs)


@functools.lru_cache(maxsize=WINDOW_CACHE_SIZE)
def tokenize(window: str) -> tuple[Word, ...]:
    """The non-space tokens of one short window."""
    return tuple(
        Word(t.text, t.idx, t.lower_, t.is_title, t.is_upper, t.is_stop, t.is_punct, t.like_num)
        for t in pipeline().make_doc(window)
        if not t.is_space
    )
