"""Reading the source of an entry written in another author–date style than APA.

APA writes "Journal, 43(6), 772–784." and "Publisher."; students and other styles write
"Journal 43 (6): 772-84", "Journal, Vol. 43, No. 6, pp. 772-784", "In: Journal, 43, 6, 772 - 784",
"London: Routledge" or "Routledge, London". These readers are tried only after the APA reading
failed, and they read from the right, where a source is easiest to recognise: pages, then issue,
then volume, and what is left is the journal's name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .places import is_place

_DASH = r"\s*[-‐‑–—]+\s*"
_PAGE = r"[A-Za-z]{0,2}\d+[A-Za-z]?"
_PAGES_AT_END = re.compile(
    rf"(?:^|[,:;.]\s*|\s+)(?:(?:pp?\.?|S\.|pages?\.?)\s*)?"
    rf"(?P<pages>{_PAGE}(?:{_DASH}{_PAGE})?|Art(?:icle|\.)\s*(?:No\.?\s*)?\S+)"
    r"\s*\.?$",
    re.IGNORECASE,
)
_ISSUE_AT_END = re.compile(
    r"(?:\s*\((?P<paren>[^()]{1,25})\)|[,.]?\s*\b(?:No|Nr|Num|Issue|Heft|H|n°)\.?\s*(?P<named>\d[\w/\-–]{0,11}))\s*[,:]?$",
    re.IGNORECASE,
)
_VOLUME_AT_END = re.compile(
    r"(?:^|[,.]?\s+|,)(?:(?i:Vol(?:ume)?|Bd|Jg|Band)\.?\s*)?"
    r"(?P<volume>\d{1,4}[A-Za-z]?|[IVXLC]{1,8}|[ivxlc]{2,6})\s*[,:]?$"
)
# "21,2: 387" and "73, 1, 31 - 56": volume and issue as two bare numbers.
_VOLUME_COMMA_ISSUE = re.compile(
    r"(?:^|[,.]?\s+)(?P<volume>\d{1,4})(?:,\s*|/)(?P<issue>\d{1,2}(?:/\d{1,2})?)\s*[,:]?$")  # "21,2", "39/2"
_LABEL_BEFORE = re.compile(r"\b(?:Vol(?:ume)?|No|Nr|Num|Issue|Heft|H|Bd|Jg|Band|n°)\.?\s*$", re.IGNORECASE)
_SPACED_PAGES_AT_END = re.compile(r"[:,]\s*(?P<first>\d{1,6})\s(?P<last>\d{1,6})\s*\.?$")
_BRACKETED = re.compile(r"\s*\[[^\[\]]{1,40}\]")
_PUBLISHER_LIKE = re.compile(r"\b(?:Press|Verlag|Publish\w*|Books|University)\b")
# "London: Penguin (paperback edition)", "Chicago: University Press. 126" (the page count)
_NOTE_AFTER_PUBLISHER = re.compile(r"\s*\((?=[^()]*[a-z]{3})[^()]{2,40}\)$|\.\s*\d{1,4}(?:\s*(?:pp?|S)\.?)?$")
_YEAR_AT_END = re.compile(r",\s*(?:1[5-9]\d\d|20\d\d)$")
_YEAR = re.compile(r"1[5-9]\d\d|20\d\d")
_SEASON = (r"(?:(?:January|Januar|February|Februar|March|März|April|May|Mai|June|Juni|July|Juli|August|September"
           r"|October|Oktober|November|December|Dezember)\b|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Okt|Nov|Dec|Dez)\."
           r"|Spring|Summer|Fall|Autumn|Winter|Frühjahr|Sommer|Herbst)")
_SEASON_ONLY = re.compile(rf"{_SEASON}(?:\s*[/–-]\s*{_SEASON})?(?:\s+\d{{4}})?", re.IGNORECASE)
# A newspaper's day: "15 May 1996", "4. Juli 2005", "March 3, 2001".
_FULL_DATE = re.compile(
    rf"(?:\d{{1,2}}\.?\s+{_SEASON}|{_SEASON}\s+\d{{1,2}},?)\s+\d{{4}}|\d{{1,2}}\.\d{{1,2}}\.\d{{4}}", re.IGNORECASE)
_MONTH_YEAR_AFTER_ISSUE = re.compile(rf"(?<=\d\))\s+(?P<season>{_SEASON}\s+\d{{4}})\s*$", re.IGNORECASE)
_DATE_AFTER_COMMA = re.compile(
    rf",\s*(?:rev\.\s*)?(?:{_SEASON}\s+\d{{4}}|\d{{1,2}}\.?\s+{_SEASON}\s+\d{{4}}|\d{{1,2}}\.\d{{1,2}}\.\d{{4}})\s*$",
    re.IGNORECASE)
_FULL_DATE_AT_END = re.compile(rf"(?:^|[,.]?\s+)(?P<season>{_FULL_DATE.pattern})\s*[,:]?$", re.IGNORECASE)
# "WorkingUSA, Summer: 35-48", "Journal of Communication December: 972 - 95": a magazine's month or season.
_SEASON_AT_END = re.compile(rf"(?:^|[,.]?\s+)(?P<season>{_SEASON_ONLY.pattern})\s*[,:]?$", re.IGNORECASE)
_FORTHCOMING = re.compile(r"[,.]?\s*\(?(?:forthcoming|in press|im Druck|online first)[\s,;.]*\)?\s*\.?$", re.IGNORECASE)
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
    season: str = ""  # "Summer", "January/February": the issue's date, not its number


def read_journal_leniently(text: str) -> JournalSource | None:
    """"Journal 2 (3): 355–377", "Journal, Vol. 8, No. 2, pp. 1-9", "Journal 21,2: 387 - 397", "Journal 45, 1-17"."""
    text = _FORTHCOMING.sub("", text.strip().rstrip("."))
    text = _IN_MARK.sub("", text).strip()
    if not text or len(text) > 400:
        return None
    locator = _read_locator(text)
    if locator is None:
        return None
    read = _read_volume_and_issue(locator)
    if read is None:
        return None
    volume, issue, season, pages, rest = read
    container = _BRACKETED.sub("", rest).strip(" ,:;.")  # "Forum: Social Research [On-line Journal]"
    if not _names_a_journal(container, volume, issue, season, pages, locator.labelled):
        return None
    return JournalSource(container=container, volume=volume, issue=issue, pages=pages,
                         article_number=locator.article, season=season)


@dataclass(frozen=True)
class _Locator:
    """The end of a journal source: its pages or article number, or a newspaper's day, and what is before."""

    rest: str
    pages: str = ""
    article: str = ""
    season: str = ""
    labelled: bool = False  # "p. 8", "pp. 1-3": the number is plainly a page
    separator: str = ""  # what stood between the rest and the pages


def _read_locator(text: str) -> _Locator | None:
    """The pages at the end of ``text`` ("…, 355–377", "…: 307 327", "…, Art. 12") or a day ("…, 9. Oktober 1992");
    None when what precedes the pages is a date ("Berlin, March 2001")."""
    dated = _FULL_DATE_AT_END.search(text) or _MONTH_YEAR_AFTER_ISSUE.search(text)
    if dated and dated.start() > 0:  # "Frankfurter Rundschau, 9. Oktober 1992", "Magazine, 5(12) December 1999"
        return _Locator(rest=text[:dated.start()].rstrip(" ,:;"), season=dated.group("season"))
    locator = _Locator(rest=text)
    spaced = _SPACED_PAGES_AT_END.search(text)
    match = None if spaced else _PAGES_AT_END.search(text)
    if spaced and int(spaced.group("last")) > int(spaced.group("first")):  # "31:307 327": a dash lost
        locator = _Locator(rest=text[:spaced.start()].rstrip(" ,:;."),
                           pages=f"{spaced.group('first')}-{spaced.group('last')}", separator=":")
    elif match and match.start() > 0 and not _LABEL_BEFORE.search(text, 0, match.start() + 1):
        value, rest = match.group("pages"), text[:match.start()].rstrip(" ,:;.")
        article = value.split()[-1] if value.lower().startswith("art") else ""
        locator = _Locator(rest=rest, pages="" if article else value, article=article,
                           labelled=bool(re.match(r"[,:;.\s]*(?:pp?|S|pages?)\b", match.group(), re.IGNORECASE)),
                           separator=text[len(rest):match.start("pages")])
    season = _FULL_DATE_AT_END.search(locator.rest) or _SEASON_AT_END.search(locator.rest)
    if season and season.start() > 0 and (locator.pages or locator.article):
        if not re.search(r"[:,]", locator.separator) or _YEAR.fullmatch(locator.pages):
            return None  # "Berlin, March 2001", "Cornell University, March 2": a date, not a journal
        return replace(locator, rest=locator.rest[:season.start()].rstrip(" ,:;"), season=season.group("season"))
    return locator


def _read_volume_and_issue(locator: _Locator) -> tuple[str, str, str, str, str] | None:
    """(volume, issue, season, pages, the journal's name) read from the right of what precedes the pages."""
    rest, pages, season = locator.rest, locator.pages, locator.season
    volume = issue = ""
    pair = _VOLUME_COMMA_ISSUE.search(rest)
    if pair and pages:
        return pair.group("volume"), pair.group("issue"), season, pages, rest[:pair.start()]
    match = _ISSUE_AT_END.search(rest)
    if match and match.start() > 0:
        issue = (match.group("paren") or match.group("named")).strip()
        rest = rest[:match.start()].rstrip(" ,:;")
        if _SEASON_ONLY.fullmatch(issue) and not season:
            season, issue = issue, ""  # "Journal of Marketing 56 (July): 56 - 68"
            match = _ISSUE_AT_END.search(rest)  # "…, vol. 18, no. 1 (Winter)": the number comes before
            if match and match.start() > 0 and match.group("named"):
                issue, rest = match.group("named").strip(), rest[:match.start()].rstrip(" ,:;")
    match = _VOLUME_AT_END.search(rest)
    if match and match.start() > 0:
        return match.group("volume"), issue, season, pages, rest[:match.start()]
    if season and not issue or locator.labelled and not issue:
        return volume, issue, season, pages, rest  # "Foreign Affairs, January/February: 160-177", "Sun, pp. 1-3"
    if issue:
        return volume, issue, season, pages, rest
    if pages and re.fullmatch(r"\d{1,4}", pages):
        return pages, issue, season, "", rest  # "Journal 45" read as pages 45: a bare number after a name is a volume
    return None


def _names_a_journal(container: str, volume: str, issue: str, season: str, pages: str, labelled: bool) -> bool:
    """Whether the name left of the numbers is a journal's, not a date, a place or a publisher."""
    if not container or not re.search(r"[^\W\d_]{2}", container) or not (volume or issue or season or labelled):
        return False
    if not (volume or issue or season) and (":" in container or _PUBLISHER_LIKE.search(container)):
        return False  # "London: Routledge, pp. 19-44" is a book's publisher and pages
    place, colon, _ = container.rsplit(". ", 1)[-1].partition(":")
    if colon and is_place(place):
        return False  # "Chicago: University Press. 126": a book's publisher and page count
    if _YEAR.fullmatch(volume) and not (issue or pages):
        return False  # "Paper presented at X, Berlin, 6–7 March 2001": a date, not a volume
    if re.search(r"\d{4}", issue) and not volume or issue and not volume and not re.search(r"\d", issue):
        return False  # "(2019)" is a date, "(London: Sage)" a publisher, not an issue
    return not _SEASON_ONLY.fullmatch(container)  # "mailing list, January 19": a date


def read_place_publisher(text: str) -> tuple[str, str] | None:
    """("London", "Routledge") from "London: Routledge"; None if the text is not of that shape."""
    match = _PLACE_PUBLISHER.fullmatch(text.strip())
    if not match:
        return None
    place, publisher = match.group("place").strip(), match.group("publisher").strip(" .,")
    publisher = _YEAR_AT_END.sub("", publisher)  # "London: Anchor Books, 1960": the year again
    publisher = _NOTE_AFTER_PUBLISHER.sub("", publisher)
    if not publisher or len(publisher.split()) > 12:
        return None
    if is_place(publisher) and not is_place(place):
        return publisher, place  # "Berg: Oxford and New York", the other way round
    return place, publisher


def looks_like_series(text: str) -> bool:
    """"Sussex European Institute Working Paper Nr. 49", "Europäische Schriften, 85"."""
    return bool(_SERIES.search(text))


def trailing_pages(text: str) -> tuple[str, str] | None:
    """(text without them, pages) when ``text`` ends with "pp. 13 - 55", "S. 183-200" or ", 119-148"."""
    match = _TRAILING_PAGES.search(text)
    if not match:
        return None
    return text[:match.start()].rstrip(" ,.;"), match.group("pages")


_TRAILING_PAGES = re.compile(
    rf"(?:[,.;]?\s*(?<![^\W\d_])(?:pp?|S)\.\s*|[,:.]\s*(?=\d+{_DASH}\d))(?P<pages>{_PAGE}(?:{_DASH}{_PAGE})?)\s*\.?$",
    re.IGNORECASE)
_ITEM_PAGES = re.compile(rf"(?:pp?|S|pages?)\.?\s*(?P<pages>{_PAGE}(?:{_DASH}{_PAGE}|\s{_PAGE})?)", re.IGNORECASE)
_ITEM_BARE_PAGES = re.compile(rf"(?P<pages>\d+{_DASH}\d+)")
_ITEM_VOLUME = re.compile(r"(?:Vols?|Volume|Band|Bd)\.?\s*(?P<volume>\d{1,4}|[IVXLC]{1,8})", re.IGNORECASE)
_ITEM_EDITION = re.compile(
    r"(?P<edition>\d+(?:st|nd|rd|th|d)?|first|second|third|fourth|fifth|sixth|rev(?:ised)?\.?)\s+(?:ed|edn|edition)\.?",
    re.IGNORECASE)
_MAX_ITEMS = 4
_EDITION_AT_END = re.compile(rf"(?:^|[,.;]\s*)(?:{_ITEM_EDITION.pattern})\s*$", re.IGNORECASE)


def trailing_book_items(text: str) -> tuple[str, dict[str, str]]:
    """A book title with the items other styles write after it, comma by comma, taken off:
    ("Handbook of Work", {"volume": "4", "pages": "29-54"}) from "Handbook of Work, vol. 4, pp. 29 - 54",
    and "2nd edn", "Band 22", or a bare page range ", 69-86"."""
    items: dict[str, str] = {}
    for _ in range(_MAX_ITEMS):
        head, comma, item = text.rpartition(",")
        item = item.strip(" .")
        if not comma or not head.strip() or len(item) > 40:
            break
        found = book_item(item)
        if found is None or found[0] in items:
            break
        items[found[0]] = found[1]
        text = head.rstrip()
    return text, items


def date_at_end(text: str) -> int | None:
    """Where a date written after a comma at the end of ``text`` starts ("…, 4 July 2001", "…, rev. 3.1.2001",
    "…, October 2000"), or None."""
    if "," not in text[-40:]:
        return None
    match = _DATE_AFTER_COMMA.search(text, max(0, len(text) - 40))
    return match.start() if match else None


def edition_at_end(text: str) -> tuple[str, str] | None:
    """("Childhood and society", "2nd") from "Childhood and society, 2nd edn" or "… . Second Edition"."""
    match = _EDITION_AT_END.search(text, max(0, len(text) - 60)) if "ed" in text[-12:].lower() else None
    if not match:
        return None
    return text[:match.start()].rstrip(" ,.;"), match.group("edition")


def book_item(item: str) -> tuple[str, str] | None:
    """("pages", "7-37") for "pp. 7 - 37", ("volume", "3") for "vol. 3", ("edition", "2nd") for "2nd edn"."""
    bare = _ITEM_BARE_PAGES.fullmatch(item)
    if bare and all(_YEAR.fullmatch(n) for n in re.findall(r"\d+", item)):
        bare = None  # "Holism in biomedicine, 1920-1950": years, not pages
    pages = _ITEM_PAGES.fullmatch(item) or bare
    if pages:
        return "pages", re.sub(r"(?<=\d)\s(?=\d)", "-", pages.group("pages"))  # "2961 3038": a dash lost
    volume = _ITEM_VOLUME.fullmatch(item)
    if volume:
        return "volume", volume.group("volume")
    edition = _ITEM_EDITION.fullmatch(item)
    if edition:
        return "edition", edition.group("edition")
    return None
