"""Taking the links and notes out of an entry: the DOI, the URL, "Retrieved … from", other styles'
"Available from:" and access dates, the original work's date, and "(in press)" at the end."""

from __future__ import annotations

import re

from . import slips
from .dates import ORIGINAL_NOTE, ORIGINAL_WORK
from .doi import find_doi_span
from .draft import Draft
from .links import iter_urls
from .sentences import cut

# At the end only (the URL has been taken out already): "memories retrieved from sleep" is a title.
_RETRIEVED = re.compile(r"\bRetrieved\b(?P<date>[^()]{0,80}?)\bfrom\b[\s:.,]*$", re.IGNORECASE)
# Other styles' lead-in to a link, left at the end once the link is out: "[online]. Available from: [url]."
_AVAILABLE = re.compile(r"\b(?:Available|Accessible)(?:\s+(?:online|from|at|on|via)){1,2}\s*:?[\s.,]*$", re.IGNORECASE)
_STATUS_AT_END = re.compile(r"[(\[]\s*(?:in\s+press|forthcoming|im\s+Druck)\s*[)\]]\.?$", re.IGNORECASE)
_ACCESS_NOTE = re.compile(
    r"(?:\bURL\s*)?[(\[]\s*(?:retr\.|retrieved(?:\s+on)?|(?:last\s+)?accessed(?:\s+on)?|consulted|date\s+of\s+access)"
    r"\s*:?(?P<date>[^()\[\]]{0,60})[)\]]\s*:?", re.IGNORECASE)
# What announced a link that has been taken out: "…, in:", "URL:", "Online:" at the end.
_LINK_LEAD_IN = re.compile(r"[,;]?\s*\b(?:in|at|URL|online|unter)\s*:\s*$", re.IGNORECASE)
_DANGLING_PUNCTUATION = re.compile(r"[\s,;:]+(\.?)$")
# "ISBN 978-0-374-27563-1" (APA 7 gives none): read, kept for the book's lookup, taken out of the source
_ISBN = re.compile(r"[.,;]?\s*\(?\bISBN(?:-1[03])?:?\s*((?:97[89][\s-]?)?\d[\d\s-]{7,14}[\dXx])\b\)?\.?", re.IGNORECASE)
_EMPTY_BRACKETS = re.compile(r"[(\[<]\s*(?:doi|url)?\s*:?\s*[)\]>]", re.IGNORECASE)


def read_locators(rest: str, draft: Draft) -> str:
    """Take the DOI, the URL and "Retrieved … from" out of ``rest``; return what is left."""
    found = find_doi_span(rest)
    if found:
        draft.set(doi=found[0], doi_text=found[1])
        rest = cut(rest, found[2], found[3])
    urls = list(iter_urls(rest))
    if urls:
        start, end, url = urls[0]
        draft.set(url=url)
        if any(" " in rest[s:e] for s, e, _ in urls):
            draft.warnings.append(slips.LINK_BROKEN)
        if len(urls) > 1:
            draft.warnings.append("more than one URL")
        for start, end, _ in reversed(urls):
            rest = cut(rest, start, end)
    if found or urls:
        rest = _without_link_leftovers(rest, draft)
    isbn = _ISBN.search(rest) if "isbn" in rest.lower() else None
    if isbn:
        digits = re.sub(r"[\s-]", "", isbn.group(1)).upper()
        if len(digits) in (10, 13):
            draft.set(isbn=digits)
            draft.warnings.append(slips.ISBN)
            rest = cut(rest, isbn.start(), isbn.end())
    for note in reversed(list(ORIGINAL_WORK.finditer(rest))):
        draft.set(original_year=note.group("year"))
        rest = cut(rest, note.start(), note.end())
    for note in reversed(list(ORIGINAL_NOTE.finditer(rest))[:3] if "(" in rest or "[" in rest else []):
        draft.set(original_year=note.group("year"))
        draft.warnings.append(slips.ORIGINAL_DATE_FORM)
        rest = cut(rest, note.start(), note.end())
    status = _STATUS_AT_END.search(rest) if rest.rstrip(" .")[-1:] in ")]" else None
    if status:  # "London: Routledge (in press)"
        draft.warnings.append("publication status at the end")
        rest = rest[:status.start()].rstrip()
    retrieved = _RETRIEVED.search(rest)
    if retrieved:
        date = retrieved.group("date").strip(" ,")
        if date.lower().startswith("on "):
            date = date[3:].strip()
        draft.set(retrieved_from=True, retrieved=date)
        rest = cut(rest, retrieved.start(), retrieved.end())
    return _DANGLING_PUNCTUATION.sub(r"\1", rest.strip())  # "Art. 16, ." once the link after it is out


def _without_link_leftovers(rest: str, draft: Draft) -> str:
    """What other styles wrote around a link, once it is out: "Available from: [ ]", "(retr. 1.2.2001)",
    "URL (consulted August 2004):", "…, in:"."""
    bracketed = "(" in rest or "[" in rest or "<" in rest
    rest = _EMPTY_BRACKETS.sub("", rest).strip() if bracketed else rest.strip()
    access = _ACCESS_NOTE.search(rest) if bracketed else None
    if access:
        draft.set(retrieved=access.group("date").strip(" :,."))
        draft.warnings.append(slips.ACCESS_DATE_FORM)
        rest = cut(rest, access.start(), access.end())
    available = _AVAILABLE.search(rest) if "ccessib" in rest or "vailab" in rest else None
    if available:
        draft.warnings.append(slips.AVAILABLE_FROM)
        rest = rest[:available.start()].rstrip(" .,;")
    return _LINK_LEAD_IN.sub("", rest).strip() if rest.rstrip().endswith(":") else rest


def cut_links(text: str) -> str:
    """``text`` with every URL and DOI blanked out (same length, so offsets still hold)."""
    for start, end, _ in iter_urls(text):
        text = text[:start] + " " * (end - start) + text[end:]
    found = find_doi_span(text)
    if found:
        text = text[:found[2]] + " " * (found[3] - found[2]) + text[found[3]:]
    return text
