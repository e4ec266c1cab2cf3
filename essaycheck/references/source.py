"""Reading the source of an entry written in another author–date style than APA.

APA writes "Journal, 43(6), 772–784." and "Publisher."; students and other styles write
"Journal 43 (6): 772-84", "Journal, Vol. 43, No. 6, pp. 772-784", "In: Journal, 43, 6, 772 - 784",
"London: Routledge" or "Routledge, London". These readers are tried only after the APA reading
failed, and they read from the right, where a source is easiest to recognise: pages, then issue,
then volume, and what is left is the journal's name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_DASH = r"\s*[-‐‑–—]+\s*"
_PAGE = r"[A-Za-z]{0,2}\d+[A-Za-z]?"
_PAGES_AT_END = re.compile(
    rf"(?:^|[,:;.]\s*|\s+)(?:(?:pp?|S|pages?)\.?\s*)?(?P<pages>{_PAGE}(?:{_DASH}{_PAGE})?|Art(?:icle|\.)\s*(?:No\.?\s*)?\S+)"
    r"\s*\.?$",
    re.IGNORECASE,
)
_ISSUE_AT_END = re.compile(
    r"(?:\s*\((?P<paren>[^()]{1,25})\)|[,.]?\s*\b(?:No|Nr|Num|Issue|Heft|H|n°)\.?\s*(?P<named>\d[\w/\-–]{0,11}))\s*[,:]?$",
    re.IGNORECASE,
)
_VOLUME_AT_END = re.compile(
    r"(?:^|[,.]?\s+|,)(?:(?:Vol(?:ume)?|Bd|Jg|Band)\.?\s*)?(?P<volume>\d{1,4}[A-Za-z]?|[IVXLC]{1,8})\s*[,:]?$"
)
# "21,2: 387" and "73, 1, 31 - 56": volume and issue as two bare numbers.
_VOLUME_COMMA_ISSUE = re.compile(r"(?:^|[,.]?\s+)(?P<volume>\d{1,4}),\s*(?P<issue>\d{1,2})\s*[,:]?$")
_LABEL_BEFORE = re.compile(r"\b(?:Vol(?:ume)?|No|Nr|Num|Issue|Heft|H|Bd|Jg|Band|n°)\.?\s*$", re.IGNORECASE)
_FORTHCOMING = re.compile(r"[,.]?\s*\(?(?:forthcoming|in press|im Druck|online first)\)?\s*\.?$", re.IGNORECASE)
_IN_MARK = re.compile(r"^(?:in|In|IN)\s*:\s*|^In\s+(?=[A-Z])")
_PLACE = r"[A-Z][\w'’.\-]*(?:\s(?:am|an|upon|on|de|del|im|/|[A-Z][\w'’.\-]*)){0,3}(?:,\s*[A-Z][A-Za-z.]{1,5})?"
_PLACE_PUBLISHER = re.compile(rf"(?P<place>{_PLACE}(?:\s*(?:&|and|/|,)\s*{_PLACE})?)\s*:\s*(?P<publisher>[^:]{{2,150}}?)\.?$")
_SERIES = re.compile(r"\b(?:working\s+paper|discussion\s+paper|series|schriften|reihe|papers?\s+no|report\s+no)\b",
                     re.IGNORECASE)


@dataclass(frozen=True)
class JournalSource:
    """A journal name with its volume, issue and pages, as read from the right."""

    container: str
    volume: str = ""
    issue: str = ""
    pages: str = ""
    article_number: str = ""


def read_journal_leniently(text: str) -> JournalSource | None:
    """"Journal 2 (3): 355–377", "Journal, Vol. 8, No. 2, pp. 1-9", "Journal 21,2: 387 - 397", "Journal 45, 1-17"."""
    text = _FORTHCOMING.sub("", text.strip().rstrip("."))
    text = _IN_MARK.sub("", text).strip()
    if not text or len(text) > 400:
        return None
    pages = article = ""
    rest = text
    match = _PAGES_AT_END.search(rest)
    if match and match.start() > 0 and not _LABEL_BEFORE.search(rest, 0, match.start() + 1):
        value = match.group("pages")
        if value.lower().startswith("art"):
            article = value.split()[-1]
        else:
            pages = value
        rest = rest[:match.start()].rstrip(" ,:;.")
    volume = issue = ""
    pair = _VOLUME_COMMA_ISSUE.search(rest)
    if pair and pages:
        volume, issue, rest = pair.group("volume"), pair.group("issue"), rest[:pair.start()]
    else:
        match = _ISSUE_AT_END.search(rest)
        if match and match.start() > 0:
            issue = (match.group("paren") or match.group("named")).strip()
            rest = rest[:match.start()].rstrip(" ,:;")
        match = _VOLUME_AT_END.search(rest)
        if match and match.start() > 0:
            volume, rest = match.group("volume"), rest[:match.start()]
        elif pages and not issue and re.fullmatch(r"\d{1,4}", pages) is None:
            return None
        elif not issue:
            # "Journal 45" read as pages 45: a bare number after a name is a volume
            if pages and re.fullmatch(r"\d{1,4}", pages) and not match:
                volume, pages = pages, ""
            else:
                return None
    container = rest.strip(" ,:;.")
    if not container or not re.search(r"[^\W\d_]{2}", container) or not (volume or issue):
        return None
    if re.search(r"\d{4}", issue) and not volume:
        return None  # "(2019)" is a date, not an issue
    return JournalSource(container=container, volume=volume, issue=issue, pages=pages, article_number=article)


def read_place_publisher(text: str) -> tuple[str, str] | None:
    """("London", "Routledge") from "London: Routledge"; None if the text is not of that shape."""
    match = _PLACE_PUBLISHER.fullmatch(text.strip())
    if not match:
        return None
    publisher = match.group("publisher").strip(" .,")
    if not publisher or len(publisher.split()) > 12:
        return None
    return match.group("place").strip(), publisher


def looks_like_series(text: str) -> bool:
    """"Sussex European Institute Working Paper Nr. 49", "Europäische Schriften, 85"."""
    return bool(_SERIES.search(text))


def trailing_pages(text: str) -> tuple[str, str] | None:
    """(text without them, pages) when ``text`` ends with "pp. 13 - 55" or "S. 183-200"."""
    match = re.search(rf"[,.;]?\s*(?:pp?|S)\.\s*(?P<pages>{_PAGE}(?:{_DASH}{_PAGE})?)\s*\.?$", text, re.IGNORECASE)
    if not match:
        return None
    return text[:match.start()].rstrip(" ,.;"), match.group("pages")
