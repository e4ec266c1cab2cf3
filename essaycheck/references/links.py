"""URLs in an entry, without the sentence punctuation and brackets that follow them."""

from __future__ import annotations

import re
from typing import Iterator
from urllib.parse import urlsplit

_URL = re.compile(r"(?:https?:/{1,2}|www\.)[^\s<>\"]+", re.IGNORECASE)  # "http:/www.x.org" lost a slash
_TRAILING = ".,;:'\"”’"
# The rest of a link broken across lines: link characters, at least one of them no letter ("fqs0903122", "x/y.htm").
_WRAPPED_REST = re.compile(r" ((?=[\w\-./?=&%#~:]{0,80}[\d/._=\-])[\w\-./?=&%#~:]{3,80})(?=[.,;]?(?:\s|$))")
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
    """(start, end, url) of every http(s):// or www. link in ``text``.

    A link that ends in "-" or "/" and is followed by a space and one more piece of link
    ("…/urn:nbn:de:0114- fqs0903122") was broken across two lines: the piece is part of it.
    """
    for match in _URL.finditer(text):
        url = trim_link_end(match.group())
        end = match.start() + len(url)
        wrapped = _WRAPPED_REST.match(text, end) if url.endswith(("-", "/")) else None
        if wrapped:
            url, end = url + trim_link_end(wrapped.group(1)), end + len(trim_link_end(wrapped.group()))
        if url:
            yield match.start(), end, url


# A library's login in front of the real address ("https://lib.example.edu:2443/login?url=https://…",
# "www-jstor-org.ezproxy.example.ac.uk") and the addresses of subscription databases: APA 7 gives
# neither, as readers cannot open them (section 9.30).
_LOGIN_PATH = re.compile(r"/(?:login|ezp\w*|connect)\?(?:qurl|url)=", re.IGNORECASE)
_PROXY_LABEL = re.compile(r"(?:\w*proxy|\w*prx)\d*|ezp\w*|idm", re.IGNORECASE)
_DATABASE_DOMAINS = ("ebscohost.com", "ovid.com", "proquest.com", "galegroup.com", "gale.com", "lexisnexis.com",
                     "nexisuni.com", "webofscience.com", "scopus.com")


def database_link(url: str) -> str:
    """"library login" or "database" for a link readers cannot open without a library's login; else ""."""
    parts = urlsplit(url if "//" in url else f"https://{url}")
    host = (parts.hostname or "").lower()
    labels = host.split(".")
    if _LOGIN_PATH.search(url) or any(_PROXY_LABEL.fullmatch(label) for label in labels[:-2]):
        return "library login"
    if any(host == domain or host.endswith(f".{domain}") for domain in _DATABASE_DOMAINS):
        return "database"
    return ""
