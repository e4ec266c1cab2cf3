"""URLs in an entry, without the sentence punctuation and brackets that follow them."""

from __future__ import annotations

import re
from typing import Iterator

_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"]+", re.IGNORECASE)
_TRAILING = ".,;:'\"”’"
_PAIRS = {")": "(", "]": "[", ">": "<"}


def trim_link_end(link: str) -> str:
    """Drop trailing punctuation and closing brackets that have no opening one inside the link."""
    balance = {close: link.count(close) - link.count(open_) for close, open_ in _PAIRS.items()}
    end = len(link)
    while end:
        last = link[end - 1]
        if last in _TRAILING:
            end -= 1
        elif balance.get(last, 0) > 0:
            balance[last] -= 1
            end -= 1
        else:
            break
    return link[:end]


def iter_urls(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, url) of every http(s):// or www. link in ``text``."""
    for match in _URL.finditer(text):
        url = trim_link_end(match.group())
        if url:
            yield match.start(), match.start() + len(url), url
