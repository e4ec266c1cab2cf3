"""Reading one APA 7 reference entry into a :class:`~essaycheck.model.Reference`.

The entry is read in APA's own order: author part, date group, title (with its bracketed
description and parenthesised edition, volume or report number), source, then DOI or URL.
Every step works on plain string operations and short bounded regexes, so any input, however
long or garbled, is read in linear time. What cannot be read is named in ``warnings``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from . import slips
from ..model import Author, Location, Reference
from .authors import (
    close_letter_spacing, is_sentence_case, is_title_case, leading_people, looks_like_group, parse_editor_names,
    parse_names_given_first, parse_people_leniently, people_prefix_end, read_author_part,
)
from .dates import ORIGINAL_NOTE, ORIGINAL_WORK, find_date_group, is_two_years, iter_bare_years
from .doi import find_doi_span
from .links import iter_urls
from .places import is_place, is_region, split_place
from .source import (
    book_item, date_at_end, edition_at_end, looks_like_series, read_journal_leniently, read_place_publisher,
    trailing_book_items, trailing_pages,
)

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
_EMPTY_BRACKETS = re.compile(r"[(\[<]\s*(?:doi|url)?\s*:?\s*[)\]>]", re.IGNORECASE)
_LIST_MARKER = re.compile(r"(?:[-*•▪◦]|\(?\d{1,3}[.)]|\[\d{1,3}\])\s+")
_PUNCT = re.compile(r"[()\[\]]|[.?!](?=[\"'”’]?(?:\s|$))")
_CLOSING_QUOTES = "\"'”’"
_ABBREVIATIONS = frozenset(
    "al cf ch dept dr e.g ed eds fig i.e jr mr mrs ms mt no nos p pp pt rev sr st trans univ vol vols vs".split()
)
_EDITORS_MARK = re.compile(r"\((?:Eds?|eds?|Hrsg|Hg|a cura di|éds?|coords?)\.?\)(?:\s*\(\d{4}\))?")
_IN_PREFIX = re.compile(r"in\s*:\s*|in\s+(?=\S)", re.IGNORECASE)
# Editors marked without parentheses: "in R. Editor and S. Editor, eds., Book", "In Editor, R., editors, Book"
_BARE_EDITORS_MARK = re.compile(
    r",?\s+(?:eds?|editors?|edts?|Hrsg|Hg)\.?(?:\s*[,:]\s*|\s+(?=[A-Z]))|(?<=\bet al\.),\s*")
_ET_AL_AT_END = re.compile(r",?\s+et\s+al\.?$")
_SAME_AUTHOR = re.compile(r"idem|eadem|iidem|ders\.?|dies\.?", re.IGNORECASE)
_EDITORS_ONLY = re.compile(r"[A-Z][\w'’\-]+(?:\s[A-Z][\w'’\-]+)?(?:\s*/\s*[A-Z][\w'’\-]+(?:\s[A-Z][\w'’\-]+)?){1,4}")
_EDITED_AFTER_BOOK = re.compile(r"[,.]\s*(?:ed\.|eds\.|edited\s+by)\s+(?P<editors>[A-Z][^,:;()]{2,120}?)\s*$",
                                re.IGNORECASE)
_NO_DATE_NOTE = re.compile(r"no\s+date|n\.\s?d\.|o\.\s?J\.|s\.\s?d\.", re.IGNORECASE)
# APA 7 names a translator as "(F. Vezin, Trans.)" after the title.
_TRANSLATED = re.compile(r"(?:ed\.\s*(?:&|and)\s*)?(?:trans(?:l)?\.|translated\s+by|übers\.)\s", re.IGNORECASE)
_EDITED_BY_SENTENCE = re.compile(
    r"(?:edited\s+by|ed\.\s+by|herausgegeben\s+von|hrsg\.\s+v(?:on|\.))\s+(?P<editors>.{3,200})", re.IGNORECASE)
_BRACKET_GROUP = re.compile(r"\(([^()]{1,60})\)")
# "Pp. 214–230 in Book, edited by A. Editor. London: Routledge." (the ASA/Chicago chapter form)
_PAGES_IN = re.compile(r"pp?\.\s*(?P<pages>\d+\s*[-–]\s*\d+)\s+in\s+(?P<rest>.+)", re.IGNORECASE)
_EDITED_BY = re.compile(r",?\s*(?:edited|ed\.)\s+by\s+(?P<editors>[^.]+(?:\.[^.\s][^.]*)*?)(?:\.\s|$)", re.IGNORECASE)
# "―…‖" are quotation marks a PDF garbled
_QUOTES = {"“": "”", "\"": "\"", "‘": "’", "'": "'", "„": "“”", "‚": "‘’", "«": "»", "―": "‖"}
_EDITION = re.compile(r"(?P<ed>\d+(?:st|nd|rd|th)|rev\.?|revised|[^\W\d_]+)\s+ed(?:n|ition)?\.?", re.IGNORECASE)
_VOLUME_ITEM = re.compile(r"Vols?\.\s*(?P<volume>\S.*)", re.IGNORECASE)
_PAGES_ITEM = re.compile(r"(?:pp?\.|S\.|pp\s(?=\d))\s*(?P<pages>\S.*)", re.IGNORECASE)  # "pp. 3–9", "S. 3-9", "pp 3-9"
_REPORT_ITEM = re.compile(r"\b(?:No|Nos)\.|\b(?:Report|Publication|Number|Paper|Series)\b", re.IGNORECASE)
_THESIS = re.compile(
    r"(?P<genre>(?:unpublished\s+)?(?:doctoral\s+dissertation|master['’]?s\s+thesis|dissertation|thesis))"
    r"(?:\s*,\s*(?P<institution>.+))?",
    re.IGNORECASE,
)
_REPORT_GENRES = ("fact sheet", "brochure", "policy brief", "white paper", "technical report", "report")
_WEB_GENRES = ("blog post", "web page", "webpage", "infographic")
_CONFERENCE_GENRES = ("paper presentation", "poster presentation", "conference session",
                      "conference presentation", "keynote address", "symposium")
_VOLUME_ISSUE = re.compile(
    r"(?:Vol\.\s*)?(?P<volume>[A-Za-z]?\d+[A-Za-z]?(?:[-–]\d+)?|[IVXLC]{2,7}|[IVX])?\s*(?:\((?P<issue>[^()]{1,30})\))?"
)
_PAGES = re.compile(
    r"(?:pp?\.\s*)?(?P<pages>[A-Za-z]{0,3}\d+[A-Za-z]?(?:\s*[-‐–—]\s*[A-Za-z]{0,3}\d+[A-Za-z]?)?)"
)
_ARTICLE = re.compile(r"(?:Article|Art\.)(?:\s+No\.?)?\s+(?P<number>\S+)", re.IGNORECASE)
_ELOCATOR = re.compile(r"e\d{4,}|[a-z]{3,6}\d{3,}")  # e0149158, zmac036: article numbers, not pages
_LABELLED_NUMBER = re.compile(r"\b(?:Vol|No|Nr|Issue|Num)\.?\s*\d", re.IGNORECASE)
_BRACKET_NOTE = re.compile(r"\s*\[[^\[\]]{1,40}\]")
_NUMBERS_ONLY = re.compile(r"\d{1,4}\s*(?:\([^()]{1,20}\))?")
_VOLUME_WITHOUT_COMMA = re.compile(r"\s(?:\d{1,4}|[IVXLC]{1,7})\s*(?:\([^()]{1,20}\))?$")
_NOT_A_VOLUME = re.compile(r"\d+\s*[-‐–]\s*\d+|0\d{4,}|\d{5,}")  # a page range, an article number
_ADVANCE = re.compile(r"advance online publication|online ahead of print|in press", re.IGNORECASE)
_FORTHCOMING = re.compile(r"forthcoming|to appear|im Druck|in print", re.IGNORECASE)
_PUBLISHER_WORDS = re.compile(
    r"\b(?:Press|Publish\w*|Books|Routledge|Wiley|SAGE|Sage|Springer|Elsevier|Pearson|McGraw|Guilford|"
    r"Norton|Penguin|Random House|Harper\w*|Macmillan|Palgrave|Taylor|Erlbaum|Bloomsbury|Cengage|Jossey|"
    r"Allyn|Prentice|Addison|Houghton|Scholastic|Knopf|Vintage|Wolters|Mosby|Saunders|Thieme|Emerald|Kogan|"
    r"Ashgate|Brill|Peter Lang|Verlag|Éditions|Editions|Academic|Open Stax|OpenStax|Facet)\b"
)
def names_a_publisher(text: str) -> bool:
    """Whether ``text`` names a book publisher ("Harvard University Press", "Routledge", "Wiley")."""
    return bool(_PUBLISHER_WORDS.search(text) or re.search(r"\bUniversity\b|\bVerlag\b", text))


# A source named like a journal is one even without volume and pages (in-press articles).
_JOURNAL_WORDS = re.compile(r"\b(?:Journal|Quarterly|Bulletin|Review|Annals|Letters|Transactions)\b")
_MAX_TITLE_GROUPS = 4
_MIN_SPACED_START = 4  # of an entry's first six words, this many of one or two letters: spaced out by a PDF
_TITLE_LIKE_WORDS = 4  # a sentence this long before a journal's name is the title's, whatever its case
_VOLUME_AFTER_TITLE = re.compile(r"[,.]\s*(?:Vol(?:ume)?s?\.?|Band|Bd\.)\s*(?P<volume>\d{1,3}|[IVX]{1,5})$",
                                 re.IGNORECASE)
# Words that say what a work is, in APA 7's bracketed descriptions.
_DESCRIPTION_WORDS = re.compile(
    r"\b(?:dissertation|thesis|video|film|data|blog|post|presentation|session|tweet|podcast|episode|manuscript|"
    r"issue|editorial|letter|sheet|brochure|infographic|review|lecture|slides|app|software|paper|interview|online|"
    r"report|abstract|map|photograph|painting|audio|recording|song|album|webinar|television|series|motion|speech|"
    r"poster|comment|preprint|transcript|press|release|programme|program|supplement|advertisement|database|"
    r"instrument|measure|test|scale|questionnaire|unpublished|draft|edition|translation|translated)\b",
    re.IGNORECASE)


@dataclass
class _Draft:
    """The fields found so far; turned into a Reference at the end."""

    values: dict = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    in_container: bool = False  # "In … (Eds.), Book" or "In Proceedings …"
    journal: bool = False
    source: str = ""  # the sentence(s) after the title that were not a journal or "In …"
    group_author: bool = False
    description: str = ""  # a bracketed description other than a thesis: "[Film]", "[Fact sheet]"
    repeated_authors: bool = False  # "———." stands for the authors of the entry before
    published: bool = False  # a place of publication was read: the work is a book (or the chapter's book)
    after_in: bool = False  # the source was introduced by "In": all of it is the source, none of it the title

    def set(self, **values: object) -> None:
        for key, value in values.items():
            if value and not self.values.get(key):
                self.values[key] = value

    def get(self, key: str) -> object:
        return self.values.get(key, "")


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


def _matching_opener(text: str, close: int) -> int | None:
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


def _read_title(title: str, draft: _Draft, *, into: str = "title") -> None:
    """The title, minus the "(3rd ed.)", "(Report No. 12)" and "[Doctoral dissertation, X]" at its end."""
    title = title.strip()
    for _ in range(_MAX_TITLE_GROUPS):
        if not title or title[-1] not in ")]":
            break
        opener = _matching_opener(title, len(title) - 1)
        if opener is None or opener == 0:
            break
        inner = title[opener + 1:-1].strip()
        if not _read_title_group(title[-1], inner, draft):
            break
        title = title[:opener].rstrip()
    dated = date_at_end(title) if into == "title" and draft.get("year") else None
    if dated:  # "Germany leads the fight for secrecy, October 2000": the date again
        title = title[:dated]
        draft.warnings.append("date after the title")
    edition = edition_at_end(title)
    if edition and edition[0]:  # "Childhood and society, 2nd edn"
        title = edition[0]
        draft.set(edition=edition[1])
        draft.warnings.append(slips.EDITION_FORM)
    volume = _VOLUME_AFTER_TITLE.search(title, max(0, len(title) - 30)) if title[-1:].isalnum() else None
    if volume and volume.start() > 0:  # "Sociologie politique, volume 2"
        title = title[:volume.start()]
        draft.set(volume=volume.group("volume"))
        draft.warnings.append(slips.VOLUME_FORM)
    draft.set(**{into: title.strip()})


def _read_title_group(closer: str, inner: str, draft: _Draft) -> bool:
    """Record what a bracket after a title says; False if it is part of the title itself."""
    if closer == "]":
        thesis = _THESIS.fullmatch(inner)
        if not thesis and _translates_title(inner):
            return False  # "Chłop polski [The Polish peasant]": APA 7 keeps the translation with the title
        if thesis:
            genre = thesis.group("genre")
            draft.set(genre=genre[:1].upper() + genre[1:], publisher=(thesis.group("institution") or "").strip())
        else:
            draft.set(genre=inner)
            draft.description = inner.lower()
        return True
    if _NO_DATE_NOTE.fullmatch(inner):  # "Lecture given before the College (no date)"
        draft.warnings.append("no date after the title")
        return True
    if _TRANSLATED.match(inner + " "):  # "(trans. R. Nice)"
        draft.warnings.append("translator not written the APA way")
        return True
    items = [item.strip() for item in inner.split(",")]
    if _REPORT_ITEM.search(inner) and not any(_PAGES_ITEM.fullmatch(i) or _EDITION.fullmatch(i) for i in items):
        draft.set(genre=inner)
        return True
    # "(Appendix, pp. 29–41)": one item that is plainly an edition, volume or pages makes it a locator group
    known = any(_EDITION.fullmatch(i) or _VOLUME_ITEM.fullmatch(i) or _PAGES_ITEM.fullmatch(i) for i in items[1:])
    for item in items:
        edition = _EDITION.fullmatch(item)
        volume = _VOLUME_ITEM.fullmatch(item)
        pages = _PAGES_ITEM.fullmatch(item)
        if edition:
            draft.set(edition=edition.group("ed"))
        elif volume:
            draft.set(volume=volume.group("volume"))
        elif pages:
            draft.set(pages=pages.group("pages"))
        elif known:
            draft.warnings.append(f"not understood in parentheses: {item[:40]}")
        else:
            return False
        known = True
    return known


def _translates_title(inner: str) -> bool:
    """"[The Polish peasant in Europe]" translates the title; "[Data set]", "[Review of the book X]",
    "[59 paragraphs]" describe the work."""
    words = inner.split()
    return len(words) >= 4 and inner[:1].isupper() and not _DESCRIPTION_WORDS.search(inner) and (
        not any(c.isdigit() for c in inner))


def _read_journal(source: str, draft: _Draft) -> bool:
    """"Journal Name, 43(6), 772–784" or "…, 17, Article e0123": True if it is one."""
    parts = [p.strip() for p in source.split(",")]
    if len(parts) < 2 or len(source) > 2000:
        return False
    found: dict[str, str] = {}
    last = parts[-1]
    article = _ARTICLE.fullmatch(last)
    pages = _PAGES.fullmatch(last)
    if article:
        found["article_number"] = article.group("number")
        parts.pop()
    elif _ELOCATOR.fullmatch(last) and len(parts) >= 3:
        found["article_number"] = last  # "28(2), zmac036", "11(2), e0149158": APA writes "Article e0149158"
        parts.pop()
    elif pages and len(parts) >= 3:
        found["pages"] = pages.group("pages")
        parts.pop()
    elif len(parts) == 2 and _VOLUME_WITHOUT_COMMA.search(parts[0]):
        return False  # "Trends in Neurosciences 26, 507–513", "Slavic Review 64 (1), 140–164": no comma before it
    elif len(parts) == 2 and _NOT_A_VOLUME.fullmatch(last):
        # "Journal, 1–13." or "Journal, 00936502221102101.": an article online before its volume
        key = "article_number" if last.isdigit() else "pages"
        draft.set(container_title=parts[0], **{key: last})
        draft.journal = True
        return True
    volume = _VOLUME_ISSUE.fullmatch(parts[-1]) if len(parts) >= 2 else None
    if volume and not found and not volume.group("issue") and _YEAR_ONLY.fullmatch(volume.group("volume") or ""):
        return False  # "Anchor Books, 1960": a year, not a volume
    if volume and (volume.group("volume") or volume.group("issue")):
        found["volume"] = volume.group("volume") or ""
        found["issue"] = (volume.group("issue") or "").strip()
        parts.pop()
    elif not found:
        return False
    journal = ", ".join(parts).strip()
    if "[" in journal:  # "Forum: Social Research [On-line Journal], 8(1)": a note in the journal's name
        journal = _BRACKET_NOTE.sub("", journal).strip()
        draft.warnings.append(slips.JOURNAL_FORM)
    if not journal or not any(c.isalpha() for c in journal) or _LABELLED_NUMBER.search(journal) or any(
            _NUMBERS_ONLY.fullmatch(part) for part in parts[1:]):
        return False  # "Journal, Vol. 12, No. 3, pp. 4-9", "Journal, 32, 2, 100-127", "Journal, 53 (1), May, 69-105"
    if len(parts) > 1 and not (found.get("volume") or found.get("issue") or found.get("article_number")):
        if split_sentence(source)[1]:
            return False  # "More title. In: Editors (eds.): Book, 267-305" is no journal
        lenient = read_journal_leniently(source)
        if lenient:  # "Newspaper, 15 May 1996, B32–B33": no volume
            _set_journal(draft, lenient)
            return True
        draft.warnings.append(slips.JOURNAL_FORM)
    draft.set(container_title=journal, **found)
    draft.journal = True
    return True


def _read_in_container(text: str, draft: _Draft) -> None:
    """"In E. Editor & F. Editor (Eds.), Book title (2nd ed., pp. 1–20). Publisher." (after "In ")."""
    text = _read_editors(text, draft)
    if not draft.get("editors"):
        text = _without_own_name(text, draft)
    draft.in_container = True
    if _read_cross_reference(text, draft):
        return
    book, rest = _book_title_and_rest(text)
    book = _take_book_items(book, draft)
    if not rest:
        book = _without_publisher_after_comma(book, draft)
    _read_title(book, draft, into="container_title")
    if rest:
        _read_book_publisher(rest.rstrip(". ").strip(), draft)
    container = str(draft.values.pop("container_title", ""))
    # the tail may have ended it with "(pp. 5–9)" or ", pp. 5-9"
    _read_title(_take_book_items(container, draft), draft, into="container_title")


def _read_cross_reference(text: str, draft: _Draft) -> bool:
    """"In: Nissen (ed.) (2002): 103-129", "in: Deckmyn / Thomson, pp. 69–74": a chapter of a book
    that the list gives as an entry of its own, named here by its editors only."""
    pages = book_item(text.strip(" .,:"))
    if pages and draft.get("editors"):
        draft.set(**{pages[0]: pages[1]})
        return True
    short = _EDITORS_ONLY.fullmatch(trailing_book_items(text)[0].strip(" .,"))
    if not short:
        return False
    draft.set(editors=tuple(Author(family=name.strip()) for name in short.group().split("/")))
    item = book_item(text[short.end():].strip(" ,."))
    if item:
        draft.set(**{item[0]: item[1]})
    draft.warnings.append(slips.CHAPTER_FORM)
    return True


def _without_publisher_after_comma(book: str, draft: _Draft) -> str:
    """The book's title from "Book, London: Routledge, 19–38" or "Book, Oxford, 295-324" (publisher
    and place recorded, with a warning)."""
    split = _publisher_after_comma(book)
    if split:
        draft.set(publisher=split[2])
        draft.warnings.append(slips.PLACE_OF_PUBLICATION if split[1] else slips.NO_PERIOD_BEFORE_PUBLISHER)
        return _take_book_items(split[0], draft)
    head, comma, place = book.rpartition(", ")
    if comma and head and is_place(place):
        draft.warnings.append(slips.PLACE_WITHOUT_PUBLISHER)
        return _take_book_items(head, draft)
    return book


def _read_book_publisher(rest: str, draft: _Draft) -> None:
    """What follows a chapter's book: "Place: Publisher", more of the book's title, or the publisher."""
    if _read_book_tail(rest, draft, into="container_title"):
        return
    pages = trailing_pages(rest)  # "Bad Schandau: 129-136": the pages at least are plain
    if pages:
        rest = pages[0]
        draft.set(pages=pages[1])
        draft.warnings.append(slips.CHAPTER_FORM)
    draft.set(publisher=rest)


def _without_own_name(text: str, draft: _Draft) -> str:
    """"In Samuel Gee, Medical lectures …": a chapter in its own author's book names the author before
    the title (no "(Ed.)"); the name is taken off."""
    name, comma, book = text.partition(", ")
    families = {a.family for a in draft.get("authors") or ()}
    if not comma or len(name) > 80 or not families:
        return text
    people = parse_names_given_first(name) or parse_people_leniently(name)
    if people and people[0].family in families:
        draft.set(editors=tuple(draft.get("authors")))
        draft.warnings.append(slips.CHAPTER_FORM)
        return book
    return text


def _read_editors(text: str, draft: _Draft) -> str:
    """Take the editors off the front of a book after "In": "E. Editor (Ed.), Book", "R. Editor and
    S. Editor, eds., Book" (Chicago); return the rest."""
    mark = _EDITORS_MARK.search(text, 0, 3000)
    names = _ET_AL_AT_END.sub("", text[: mark.start()]) if mark else ""
    if mark is None:
        mark = _BARE_EDITORS_MARK.search(text, 0, 300)
        names = _ET_AL_AT_END.sub("", text[: mark.start()]) if mark else ""
        if mark is None or not (_SAME_AUTHOR.fullmatch(names.strip()) or parse_people_leniently(names)
                                or not parse_editor_names(names)[1]):
            return text
        draft.warnings.append(slips.CHAPTER_FORM)
    if _SAME_AUTHOR.fullmatch(names.strip()):
        editors, warnings = tuple(draft.get("authors") or ()), ()  # "in idem, ed., Book": the authors edited it
    else:
        editors, warnings = parse_editor_names(names)
    if warnings and (loose := parse_people_leniently(names)):
        editors, warnings = loose, ()  # "In: Kleinfeld, Ralf; Plamper, Harald (Hrsg.): …"
    draft.set(editors=editors)
    draft.warnings.extend(warnings)
    return text[mark.end():].lstrip(" ,:.")


def _book_title_and_rest(text: str) -> tuple[str, str]:
    """The book's title and what follows it. A "(pp. 5–9)" or "(Vol. 2)" group ends the title even
    when the title has a period inside ("Handbook. Essays in honour of X (pp. 5–9). Publisher.")."""
    for match in _BRACKET_GROUP.finditer(text, 0, 3000):
        if match.start() > 600:
            break
        if any(book_item(item.strip(" .")) for item in match.group(1).split(",")):
            return text[:match.end()], text[match.end():].lstrip(" .,")
    return split_sentence(text)


def _take_book_items(book: str, draft: _Draft) -> str:
    """The book title without ", pp. 7–37", ", vol. 3", ", 2nd edn" or ", ed. A. Editor" after it
    (recorded, with a warning)."""
    book, items = trailing_book_items(book)
    if items:
        draft.set(**items)
        draft.warnings.append(slips.CHAPTER_FORM)
    edited = _EDITED_AFTER_BOOK.search(book, max(0, len(book) - 200))
    people = parse_names_given_first(edited.group("editors")) if edited else None
    if people:  # "The limits of rationality, ed. Karen Cook and Margaret Levi" (Chicago)
        draft.set(editors=people)
        draft.warnings.append(slips.CHAPTER_FORM)
        book = book[:edited.start()]
    return book


def _read_book_tail(text: str, draft: _Draft, *, into: str) -> bool:
    """"[More title.] [Series.] Place: Publisher[, pp. 1-20]": True if it ends with a place and publisher.

    Sentences between the title and the publisher continue the title (``into``), unless they
    name a series.
    """
    pages = trailing_pages(text)
    if pages:
        text = pages[0]
    edition = edition_at_end(text)
    if edition and edition[0]:  # "Münster: Dampfboot, 4th edition"
        text = edition[0]
    sentences = _sentences(text)
    found = _place_and_publisher(sentences, draft) if sentences else None
    if found is None:
        return False
    (place, publisher), sentences = found
    draft.warnings.append(slips.PLACE_OF_PUBLICATION if publisher else slips.PLACE_WITHOUT_PUBLISHER)
    draft.set(publisher=publisher)
    draft.published = True
    if edition and edition[0]:
        draft.set(edition=edition[1])
        draft.warnings.append(slips.EDITION_FORM)
    if pages:
        draft.set(pages=pages[1])
    _extend_title(draft, sentences[:-1], into)
    return True


def _place_and_publisher(sentences: list[str], draft: _Draft) -> tuple[tuple[str, str], list[str]] | None:
    """((place, publisher), the sentences with the last standing for both) from the end of a book's
    source, in any of the forms styles give them; None when it names no place."""
    last = sentences[-1]
    found = read_place_publisher(last)
    if found and len(sentences) > 1 and is_region(found[0]) and _could_be_city(sentences[-2]):
        sentences = sentences[:-1]  # "Belmont. CA: Brooks/Cole": the town was cut off from its state
    elif found is None and len(sentences) > 1:
        found = read_place_publisher(f"{sentences[-2]}. {last}")  # "Chapel Hill, N.C: X" cut at "N.C"
        if found is None and is_place(sentences[-2]) and not is_place(last) and len(last.split()) <= 6:
            found = sentences[-2], last  # "London. Sage.": place and publisher as two sentences
        if found:
            sentences = sentences[:-1]
    if found is None and not draft.get("url") and not _presented(draft):
        found = split_place(last)  # "Boston, Beacon Press", "Springer, New York", "London."
    if found is None:
        split = _publisher_after_comma(last)
        if split is None or not split[1]:
            return None
        sentences = sentences[:-1] + [split[0], ""]
        found = split[1:]
    if not found[1] and len(sentences) > 1 and looks_like_group(sentences[-2]):
        found = found[0], sentences[-2]  # "Institute for Advanced Studies. Vienna.": the institution, then its city
        sentences = sentences[:-1]
    return found, sentences


def _presented(draft: _Draft) -> bool:
    """A presentation, whose event APA 7 gives with its place: "Annual Meeting, Denver, CO, United States"."""
    genre = str(draft.get("genre")).lower()
    return any(g in genre for g in _CONFERENCE_GENRES)


def _sentences(text: str) -> list[str]:
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


def _read_journal_sentences(sentences: list[str], draft: _Draft) -> list[str] | None:
    """The shortest run of final sentences that reads as a journal; the sentences before it, or None."""
    for k in range(len(sentences) - 1, -1, -1):
        journal = read_journal_leniently(". ".join(sentences[k:]))
        if journal is None:
            continue
        while k > 0 and _abbreviated(sentences[k - 1]):
            k -= 1  # "J. Exp. Psychol. Learn. Mem. Cogn., 12" was cut at each abbreviation
            journal = read_journal_leniently(". ".join(sentences[k:])) or journal
        _set_journal(draft, journal)
        return sentences[:k]
    return None


def _set_journal(draft: _Draft, journal) -> None:
    draft.set(container_title=journal.container, volume=journal.volume, issue=journal.issue,
              pages=journal.pages, article_number=journal.article_number, date_extra=journal.season)
    draft.journal = True
    draft.warnings.append(slips.JOURNAL_FORM)


def _abbreviated(sentence: str) -> bool:
    words = sentence.split()
    return 0 < len(words) <= 3 and all(len(w) <= 7 and (w[:1].isupper() or w == "&") for w in words)


def _read_source(text: str, draft: _Draft) -> None:
    """What follows the title: a journal, "In …", or a publisher or site name."""
    text = text.strip().rstrip(".").strip()
    if not text:
        return
    prefix = _IN_PREFIX.match(text)
    if prefix and len(text) > prefix.end():
        draft.after_in = True
        inside = text[prefix.end():].strip()
        journal = None if _EDITORS_MARK.search(inside, 0, 3000) else read_journal_leniently(inside)
        if journal and (journal.volume or journal.season or journal.issue.isdigit() and journal.pages):
            _set_journal(draft, journal)  # "In: Journal, 12(3), 4-9", "In: Journal (1): 20-23" name the journal itself
        else:
            _read_in_container(inside, draft)
        return
    if _read_presentation(text, draft) or _read_described_source(text, draft):
        return
    text = _without_note_after_journal(text, draft)
    first, tail = split_sentence(text)
    if tail and _read_journal(text, draft):  # an abbreviated name: "Proc. Natl. Acad. Sci., 117(5), 1–9"
        return
    if _read_journal(first, draft):
        if tail and not _ADVANCE.fullmatch(tail.rstrip(". ")):
            draft.warnings.append(f"not understood after the journal: {tail[:40]}")
        return
    advance = tail and _ADVANCE.fullmatch(tail.rstrip(". "))
    if tail and not advance and _FORTHCOMING.fullmatch(tail.strip(" .,;()")):
        advance = True  # "Journal. (forthcoming)": another style's "in press"
        draft.warnings.append("publication status after the journal")
    if not advance and _read_source_leniently(text, draft):
        return
    named_like_journal = _JOURNAL_WORDS.search(first) and not _PUBLISHER_WORDS.search(first)
    if advance or not tail and named_like_journal and not draft.get("url"):
        draft.set(container_title=first.strip())
        draft.journal = True
        return
    draft.source = text


def _without_note_after_journal(text: str, draft: _Draft) -> str:
    """"Journal, 1, 342-343 (reprinted in Other Journal, 45, 9-13)": the note in parentheses after a
    journal is not part of it."""
    note = _NOTE_AT_END.search(text, max(0, len(text) - 400))
    head = text[:note.start()].rstrip(" .,;") if note else ""
    if head and (_read_journal(head, _Draft()) or read_journal_leniently(head)):
        draft.warnings.append("note in parentheses after the journal")
        return head
    return text


def _read_presentation(text: str, draft: _Draft) -> bool:
    """"Paper presented at the Annual Meeting of X, Chicago, IL, May 1996" (APA 6): the event, without
    its place and dates, is the source; APA 7 writes "[Paper presentation]. Event, Place"."""
    if not _PRESENTED.match(text):
        return False
    event, _ = split_sentence(text)
    parts = event.split(",")
    kept = len(parts)
    while kept > 1 and len(parts) - kept < _MAX_ITEMS_DROPPED and _place_or_date(parts[kept - 1]):
        kept -= 1
        if is_region(parts[kept]) and kept > 1 and _could_be_city(parts[kept - 1]):
            kept -= 1  # "Jyväskylä, Finland", "San Jose, CA": a city is named by its region
    draft.set(container_title=",".join(parts[:kept]).strip(), genre="Paper presentation")
    draft.warnings.append(slips.PRESENTED_AT)
    return True


def _read_described_source(text: str, draft: _Draft) -> bool:
    """"Unpublished manuscript, University of X, Kassel.", "Working Paper 52, Harvard University.",
    "Manuscript under review.": what kind of work it is, then the institution (APA 7 puts the kind
    in square brackets after the title, or a numbered series in parentheses)."""
    described = _DESCRIBED.match(text)
    if not described:
        return False
    kind = described.group().strip(" ,.")
    rest = text[described.end():].strip(" ,.")
    volume = _LEADING_VOLUME.match(rest)
    if volume:  # "thèse non publiée, vol. 1, Université de Lille"
        draft.set(volume=volume.group("volume"))
        rest = rest[volume.end():]
    if rest and not rest[:1].isupper():
        return False  # "Working paper on the lanterns of …" is a title
    pages = trailing_pages(rest) if rest else None
    if pages:  # "…, Working Paper Nr. 49. Cambridge: University Press, pp. 19 - 44"
        rest = pages[0]
        draft.set(pages=pages[1])
    draft.set(genre=kind[:1].upper() + kind[1:], publisher=_institution(rest))
    if not _REPORT_ITEM.search(kind):
        draft.description = kind.lower()
    draft.warnings.append(slips.DESCRIPTION_NOT_BRACKETED)
    return True


def _institution(text: str) -> str:
    """"University of X" from "Graz: University of X" or "University of X, Kassel, Germany"."""
    found = read_place_publisher(text) or split_place(text) if text else None
    if found:
        return found[1]
    parts = [part.strip() for part in text.split(",")] if text else []
    while parts and len(parts) <= _MAX_COMMAS and _place_or_date(parts[-1]):
        dropped = parts.pop()
        if parts and is_region(dropped) and _could_be_city(parts[-1]):
            parts.pop()
    return ", ".join(parts).strip(" .")


def _place_or_date(part: str) -> bool:
    """"Berlin", "UK", "6–7 March 2001", "May 23-27": where and when an event was, not its name."""
    part = part.strip(" .")
    return is_place(part) or is_region(part) or bool(_EVENT_DATE.fullmatch(part))


def _could_be_city(part: str) -> bool:
    words = part.split()
    return 0 < len(words) <= 3 and all(w[:1].isupper() for w in words)


def _read_source_leniently(text: str, draft: _Draft) -> bool:
    """Sources in other author–date styles: "Journal 2 (3): 355-77", "Pp. 5-9 in Book, edited by …",
    "More title. Place: Publisher"."""
    pages_in = _PAGES_IN.fullmatch(text)
    if pages_in:
        book = pages_in.group("rest")
        edited = _EDITED_BY.search(book)
        tail = ""
        if edited:  # the editors end at the first period that is not an initial's: "Lawrence D. Longley and …."
            names, tail = split_sentence(book[edited.start("editors"):])
            draft.set(editors=parse_people_leniently(names) or parse_names_given_first(names) or ())
            book = book[:edited.start()]
        else:
            book, tail = split_sentence(book)
        draft.set(container_title=book.strip(" ,."), pages=pages_in.group("pages"))
        draft.in_container = True
        draft.warnings.append(slips.CHAPTER_FORM)
        if tail.strip() and not _read_book_tail(tail.strip(" ."), draft, into="container_title"):
            draft.set(publisher=tail.strip(" ."))
        return True
    sentences = _sentences(text)
    inside = next((k for k, sentence in enumerate(sentences) if k and _IN_PREFIX.match(sentence)
                   and sentence[:1] == "I"), None)
    if inside is not None:
        _extend_title(draft, sentences[:inside])
        _read_source(". ".join(sentences[inside:]), draft)
        return True
    for k, sentence in enumerate(sentences[:_MAX_COMMAS]):
        joined = _IN_AFTER_COMMA.search(sentence)
        if joined:  # "More title, in: Journal. 39/2, pp. 155-175": the source follows a comma
            draft.warnings.append(slips.NO_PERIOD_BEFORE_SOURCE)
            _extend_title(draft, sentences[:k] + [sentence[:joined.start()]])
            _read_source(". ".join([sentence[joined.end():]] + sentences[k + 1:]), draft)
            return True
    before = _read_journal_sentences(sentences, draft)
    if before is not None:
        _extend_title(draft, before)
        return True
    return _read_book_tail(text, draft, into="title")


def _extend_title(draft: _Draft, sentences: list[str], into: str = "title") -> None:
    """Sentences between the title and the source continue the title, unless they name a series or
    describe the work ("[online]", "Unpublished PhD dissertation")."""
    more = [s for s in sentences if not looks_like_series(s) and not _describes_work(s, draft)
            and not _names_volume(s, draft) and not _names_edition(s, draft) and not _names_editors(s, draft)
            and not _names_translator(s, draft)]
    for sentence in more:
        so_far = str(draft.get(into))
        draft.values[into] = f"{so_far}{'' if so_far.endswith(('?', '!')) else '.'} {sentence}" if so_far else sentence


_UNPUBLISHED = re.compile(
    r"(?:unpublished|draft|ph\.?\s?d\.?|doctoral|master['’]?s|diploma)\b[\w\s.]*?"
    r"\b(?:manuscript|paper|thesis|dissertation)\b"
    r"|manuscript\b", re.IGNORECASE)


def _describes_work(sentence: str, draft: _Draft) -> bool:
    """"[online]", "[Data set]", "Unpublished PhD dissertation": what the work is, recorded as its genre."""
    sentence = sentence.strip()
    bracketed = sentence[:1] == "[" and sentence[-1:] == "]" and "]" not in sentence[1:-1]
    if not (bracketed or _THESIS.fullmatch(sentence) or len(sentence.split()) <= 5 and _UNPUBLISHED.match(sentence)):
        return False
    draft.set(genre=sentence.strip("[]"))
    return True


def _names_editors(sentence: str, draft: _Draft) -> bool:
    """"Edited by Paul Schilpp" standing alone between the book's title and its publisher."""
    edited = _EDITED_BY_SENTENCE.fullmatch(sentence.strip())
    people = parse_names_given_first(edited.group("editors")) if edited else None
    if people:
        draft.set(editors=people)
    return bool(people)


def _names_translator(sentence: str, draft: _Draft) -> bool:
    """"Trans. F. Vezin" or "ed. & transl. by D. A. Curtis" between the title and the publisher."""
    if not _TRANSLATED.match(sentence.strip()):
        return False
    draft.warnings.append("translator not written the APA way")
    return True


def _names_edition(sentence: str, draft: _Draft) -> bool:
    """"Second Edition" standing alone between the title and the publisher."""
    edition = edition_at_end(sentence.strip())
    if edition is None or edition[0]:
        return False
    draft.set(edition=edition[1])
    draft.warnings.append(slips.EDITION_FORM)
    return True


def _names_volume(sentence: str, draft: _Draft) -> bool:
    """"Vol. 2" or "Vols. 1 and 2" standing alone between the title and the publisher."""
    volume = _VOLUME_ITEM.fullmatch(sentence.strip())
    if volume and len(sentence) <= 30:
        draft.set(volume=volume.group("volume"))
    return bool(volume and len(sentence) <= 30)


_MAX_COMMAS = 12
_IN_AFTER_COMMA = re.compile(r",\s*(?=(?i:in)\s*:\s*\S|(?i:in)\s+[A-Z])")
_MAX_ITEMS_DROPPED = 5
_PRESENTED = re.compile(
    r"(?:an?\s+)?(?:unpublished\s+)?(?:(?:conference\s+)?paper|presentation|keynote(?:\s+address)?|poster)\s+"
    r"(?:(?:presented|prepared|given|read|delivered)\s+)?(?:at|to|for|on|before|(?=the\s))\b", re.IGNORECASE)
# What a work is, written as the source by other styles: "Unpublished manuscript", "Working Paper 52", "mimeo".
_DESCRIBED = re.compile(
    r"(?:an?\s+)?(?:unpublished\s+(?:[\w.]{1,20}\s+){0,2}?(?:manuscript|paper|thesis|dissertation|report|draft)"
    r"|manuscript(?:\s+(?:under|in|submitted)(?:\s+[a-z]+){1,3})?|mimeo(?:graph)?|press\s+release"
    r"|(?:ph\.?\s?d\.?|doctoral|master['’]?s|diploma)\s+(?:thesis|dissertation)|dissertation|diplomarbeit"
    r"|th[eè]se\b[^,.]{0,80}"
    r"|(?-i:(?:[A-Z][\w.\-]{0,15}\s+){0,3})(?:working|discussion|research|policy)\s+papers?"
    r"(?:,?\s+(?:No\.?\s*|Nr\.?\s*|#)?[\w/.\-]{0,12}\d[\w/.\-]{0,12})?)"
    r"(?=\s*(?:[,.:]|$))", re.IGNORECASE)
# The same after the title and a comma: "Title, Discussion Paper 1115, Institute", "Title, mimeo, University".
_DESCRIBED_AFTER_COMMA = re.compile(
    r",\s*(?=(?:[A-Z][\w.\-]{0,15}\s+){0,3}(?i:working|discussion)\s+(?i:papers?)\b"
    r"|(?i:unpublished|mimeo|manuscript|th[eè]se)\b)")
_LEADING_VOLUME = re.compile(r"vol(?:ume)?\.?\s*(?P<volume>\d{1,3}|[IVX]{1,5})\s*,\s*", re.IGNORECASE)
_NOTE_AT_END = re.compile(r"\s*\((?=[^()]*\s\S)[^()]{8,300}\)\.?$")
_PRESENTED_AFTER_COMMA = re.compile(r",\s*(?=" + _PRESENTED.pattern + ")", re.IGNORECASE)
_EVENT_DATE = re.compile(
    r"(?:\d{1,2}(?:st|nd|rd|th)?\.?(?:\s*[-–]\s*\d{1,2}(?:st|nd|rd|th)?\.?)?\s+)?[A-Z][a-z]{2,8}\.?"
    r"(?:\s+\d{1,2}(?:\s*[-–]\s*\d{1,2})?)?(?:\s*,?\s*\d{4})?|\d{4}")
_YEAR_ONLY = re.compile(r"1[5-9]\d\d|20\d\d")


def _reads_as_apa_journal(text: str) -> bool:
    """"Learning, Media and Technology, 39(1), 6–36": a journal with its volume, written the APA way."""
    trial = _Draft()
    return _read_journal(text.rstrip(". "), trial) and bool(trial.get("volume")) and not trial.warnings and not (
        _IN_AFTER_COMMA.search(text, 0, 3000) or _PRESENTED_AFTER_COMMA.search(text, 0, 3000))


def _source_after_comma(text: str, draft: _Draft, *, publisher: bool = True) -> tuple[str, str]:
    """(title, source) from a title and source joined by a comma, as some styles write them:
    "Title, paper presented at …", "Title, in: Editor (ed.), Book", "Title, Journal 12, 3-9" (read
    into ``draft`` at once), "Title, London: Routledge"; (text, "") when none is found."""
    if "," not in text and not text.endswith(")"):
        return text, ""  # every form joins with a comma but "Title (Place: Publisher)"
    presented = _PRESENTED_AFTER_COMMA.search(text, 0, 3000) or _DESCRIBED_AFTER_COMMA.search(text, 0, 3000)
    inside = presented or _IN_AFTER_COMMA.search(text, 0, 3000)
    if inside:
        draft.warnings.append(slips.NO_PERIOD_BEFORE_SOURCE)
        return text[:inside.start()], text[inside.end():]
    journal = _journal_after_comma(text)
    if journal:
        title, found = journal
        draft.set(**found.values)
        draft.journal = True
        draft.warnings.extend(found.warnings + [slips.NO_PERIOD_AFTER_TITLE])
        return title, ""
    split = _publisher_after_comma(text) if publisher else None
    if split:
        draft.warnings.append(slips.NO_PERIOD_BEFORE_PUBLISHER)
        return split[0], f"{split[1]}: {split[2]}" if split[1] else split[2]
    head, comma, place = text.rpartition(", ")
    if publisher and comma and head and is_place(place):  # "Soft drinks in Europe, London."
        draft.warnings.append(slips.NO_PERIOD_BEFORE_PUBLISHER)
        return head, place
    return text, ""


def _journal_after_comma(text: str) -> tuple[str, _Draft] | None:
    """("Title", the journal read) from "Title, Journal of X, 84(4), 833-850" or "Title, in: Journal 5, 3-9".

    Titles and journal names both hold commas. A journal's name is written in title case; of the
    places it could start, the first whose name has a word like "Journal" or "Review" in its first
    part is taken, else the last (a name without such a word seldom has a comma)."""
    found: list[tuple[str, _Draft, str]] = []
    for comma in [m.start() for m in re.finditer(",", text)][:_MAX_COMMAS]:
        title, source = text[:comma].strip(), text[comma + 1:].strip()
        trial = _Draft()
        if not title or not (_read_journal(source, trial) or _read_journal_sentences([source], trial) is not None):
            continue
        name = _IN_PREFIX.sub("", str(trial.get("container_title")), count=1)
        located = trial.get("pages") or trial.get("issue") or trial.get("article_number") or (
            _JOURNAL_WORDS.search(name) and not _YEAR_ONLY.fullmatch(str(trial.get("volume"))))
        if located and is_title_case(name) and not any(c in name for c in ":?!") and len(name.split()) <= 15:
            found.append((title, trial, name))
    if not found:
        return None
    named = [(title, trial) for title, trial, name in found if _JOURNAL_WORDS.search(name.split(",")[0])]
    return named[0] if named else found[-1][:2]


def _publisher_after_comma(text: str) -> tuple[str, str, str] | None:
    """("Title", "Place", "Publisher") from "Title, Place: Publisher" or "Title (Place, Publisher)",
    ("Title", "", "Publisher") from "Title, Cambridge University Press"."""
    text = text.strip().rstrip(".")
    if text.endswith(")"):
        opener = _matching_opener(text, len(text) - 1)
        if opener:
            inner = text[opener + 1:-1]
            found = read_place_publisher(inner)
            if found:  # "Title (Ann Arbor: University Press)", as Chicago's notes write it
                return text[:opener].rstrip(" ,"), found[0], found[1]
            place, _, publisher = inner.rpartition(",")
            if place and _PUBLISHER_WORDS.search(publisher) and len(publisher.split()) <= 6:
                return text[:opener].rstrip(" ,"), place.strip(), publisher.strip()
    commas = [m.start() for m in re.finditer(r",\s", text)][:_MAX_COMMAS]
    colon_forms = [(comma, found) for comma in commas
                   if comma > 0 and (found := read_place_publisher(text[comma + 1:]))]
    # "Boundaries, Territory and Postmodernity, London: Cass": the place is one a reader knows, if any is
    for comma, found in sorted(colon_forms, key=lambda form: not is_place(form[1][0]))[:1]:
        head, before, town = text[:comma].rpartition(", ")
        if before and head and is_region(found[0]) and _could_be_city(town):
            return head.strip(), f"{town}, {found[0]}", found[1]  # "Title, Garden City, New York: Anchor"
        return text[:comma].strip(), found[0], found[1]
    for comma in commas:
        found = split_place(text[comma + 1:])  # "Title, Paris, Gallimard", "Title, MIT Press, Cambridge"
        if found and found[1] and comma > 0:
            return text[:comma].strip(), found[0], found[1]
    head, _, last = text.rpartition(", ")
    if head and _PUBLISHER_WORDS.search(last) and len(last.split()) <= 6 and last[:1].isupper():
        return head.strip(), "", last.strip()
    return None


def _cut(text: str, start: int, end: int) -> str:
    return (text[:start].rstrip() + " " + text[end:].lstrip()).strip()


def _read_locators(rest: str, draft: _Draft) -> str:
    """Take the DOI, the URL and "Retrieved … from" out of ``rest``; return what is left."""
    found = find_doi_span(rest)
    if found:
        draft.set(doi=found[0], doi_text=found[1])
        rest = _cut(rest, found[2], found[3])
    urls = list(iter_urls(rest))
    if urls:
        start, end, url = urls[0]
        draft.set(url=url)
        if any(" " in rest[s:e] for s, e, _ in urls):
            draft.warnings.append(slips.LINK_BROKEN)
        if len(urls) > 1:
            draft.warnings.append("more than one URL")
        for start, end, _ in reversed(urls):
            rest = _cut(rest, start, end)
    if found or urls:
        rest = _without_link_leftovers(rest, draft)
    for note in reversed(list(ORIGINAL_WORK.finditer(rest))):
        draft.set(original_year=note.group("year"))
        rest = _cut(rest, note.start(), note.end())
    for note in reversed(list(ORIGINAL_NOTE.finditer(rest))[:3] if "(" in rest or "[" in rest else []):
        draft.set(original_year=note.group("year"))
        draft.warnings.append(slips.ORIGINAL_DATE_FORM)
        rest = _cut(rest, note.start(), note.end())
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
        rest = _cut(rest, retrieved.start(), retrieved.end())
    return _DANGLING_PUNCTUATION.sub(r"\1", rest.strip())  # "Art. 16, ." once the link after it is out


def _without_link_leftovers(rest: str, draft: _Draft) -> str:
    """What other styles wrote around a link, once it is out: "Available from: [ ]", "(retr. 1.2.2001)",
    "URL (consulted August 2004):", "…, in:"."""
    bracketed = "(" in rest or "[" in rest or "<" in rest
    rest = _EMPTY_BRACKETS.sub("", rest).strip() if bracketed else rest.strip()
    access = _ACCESS_NOTE.search(rest) if bracketed else None
    if access:
        draft.set(retrieved=access.group("date").strip(" :,."))
        draft.warnings.append(slips.ACCESS_DATE_FORM)
        rest = _cut(rest, access.start(), access.end())
    available = _AVAILABLE.search(rest) if "ccessib" in rest or "vailab" in rest else None
    if available:
        draft.warnings.append(slips.AVAILABLE_FROM)
        rest = rest[:available.start()].rstrip(" .,;")
    return _LINK_LEAD_IN.sub("", rest).strip() if rest.rstrip().endswith(":") else rest


def _decide_type(draft: _Draft) -> str:
    genre = str(draft.get("genre")).lower()
    container = str(draft.get("container_title"))
    title = str(draft.get("title"))
    if "thesis" in genre or "dissertation" in genre:
        return "thesis"
    if any(g in genre for g in _CONFERENCE_GENRES) or "proceedings" in container.lower():
        return "paper-conference"
    if draft.in_container:
        return "chapter"
    if draft.journal:
        return "article-journal"
    if draft.description in _WEB_GENRES:
        return "webpage"
    if draft.description in _REPORT_GENRES:
        return "report"
    if draft.description:
        return "other"  # "[Film]", "[Data set]", "[Video]": named by ``genre``
    if _REPORT_ITEM.search(genre) or (
        draft.group_author and (draft.source or draft.get("url")) and re.search(r"\breport\b", title, re.I)
    ):
        return "report"
    if title and draft.source:
        web = draft.get("url") and not _PUBLISHER_WORDS.search(draft.source)
        if not web or draft.get("edition"):
            return "book"
        return "webpage"
    if title and (draft.get("publisher") or draft.published) and not draft.get("url"):
        return "book"  # "Title. Place: Publisher", read leniently
    if title and draft.get("edition"):
        return "book"  # a web page has no edition: "Guidelines (2nd ed.). https://…" is a book or report
    if title and draft.get("url"):
        return "webpage"
    return "other"


def _place_source(kind: str, draft: _Draft) -> None:
    """The sentence after the title names a site, a database, an event or a publisher."""
    if not draft.source:
        return
    if kind in ("webpage", "thesis", "paper-conference"):
        draft.set(container_title=draft.source)
    else:
        draft.set(publisher=draft.source)


def _parse(text: str) -> _Draft:
    draft = _Draft()
    marker = _LIST_MARKER.match(text)
    if marker and not text[marker.end():marker.end() + 1].islower():
        draft.warnings.append(slips.NUMBERED)
        text = text[marker.end():]
    text = _closed_up(text, draft)
    date = _find_date(text, draft)
    leading = _leading_people_instead(text, date)
    if leading:
        people, end = leading
        draft.warnings.append(slips.AUTHOR_NAMES)
        draft.set(authors=people, authors_text=text[:end].strip())
        lead, rest = "", text[end:]
        if date is not None and date.start >= end:  # "C. Szegedy, Z. Wojna Title (2016), 10.1109/…"
            rest = _cut(text, date.start, date.end)[end:]
        date = date or _year_anywhere(text, end)
    elif date:
        lead, rest = text[: date.start], text[date.end:]
    else:
        end = people_prefix_end(text) or _group_author_end(text)
        lead, rest = text[:end], text[end:]
    if date:
        draft.set(year=date.year, year_number=date.year_number, year_suffix=date.year_suffix,
                  date_extra=date.date_extra)
    if not date:
        draft.warnings.append(slips.NO_DATE)
    elif leading:
        draft.warnings.append(slips.YEAR_NOT_IN_PARENTHESES)
    rest = rest.strip()
    doubled = text[:date.end].strip() if date else ""
    if doubled and rest.startswith(doubled):
        draft.warnings.append(slips.DOUBLED_AUTHOR_DATE)
        rest = rest[len(doubled):].strip()
    if rest[:1] in ":;,":
        draft.warnings.append(slips.PUNCTUATION_AFTER_DATE)
        rest = rest[1:].strip()
    if lead.strip():
        part = read_author_part(lead)
        draft.warnings.extend(part.warnings)
        draft.repeated_authors = part.repeated
        if part.title:
            _read_title(part.title, draft)
        else:
            draft.set(authors_text=lead.strip(), author_ellipsis=part.ellipsis)
            people = part.people or ((Author(literal=part.group),) if part.group else ())
            draft.group_author = bool(part.group)
            if part.editors:
                draft.set(editors=people, editors_as_authors=True)
            else:
                draft.set(authors=people)
    elif date and not leading:
        draft.warnings.append("no author")
    rest = _read_locators(rest, draft)
    if not draft.get("title"):
        quoted = _quoted_title(rest)
        if quoted:
            draft.warnings.append(slips.QUOTED_TITLE)
            title, rest = quoted
        else:
            title, rest = _title_with_inner_questions(*split_sentence(rest))
        if not rest.strip():
            title, rest = _source_after_comma(title, draft)
        elif title.endswith(("?", "!")) and not split_sentence(rest)[1] and not _reads_as_apa_journal(rest):
            head, source = _source_after_comma(rest, draft, publisher=False)  # "Why? Views, Journal 8, 7-9"
            if head != rest:
                title, rest = f"{title} {head}", source
        _read_title(title, draft)
        if not draft.get("title"):
            draft.warnings.append("no title")
    _read_source(rest, draft)
    if draft.journal and not draft.after_in:
        _take_back_title(draft)
    kind = _decide_type(draft)
    _place_source(kind, draft)
    if kind == "other" and draft.get("title") and not draft.description:
        draft.warnings.append("type of work not recognised")
    draft.values["type"] = kind
    return draft


def _title_inside(group: str) -> bool:
    """"World Lantern Organization. Lanterns at a glance": a group's name and then a title."""
    return any(is_sentence_case(piece) for piece in group.split(". ")[1:4])


def _closed_up(text: str, draft: _Draft) -> str:
    """The entry with its author part's letters closed up when a PDF spaced them out ("C RO N I N, J.")."""
    if sum(len(token) <= 2 for token in text[:30].split()[:6]) < _MIN_SPACED_START:
        return text  # most entries: no need to look further
    date = find_date_group(text, 600)
    closed = close_letter_spacing(text[:date.start]) if date else None
    if closed is None:
        return text
    draft.warnings.append("author names spaced out letter by letter")
    return f"{closed} {text[date.start:]}"


def _group_author_end(text: str) -> int:
    """Where a group author ends in an entry without a date ("World Health Organization. Title."), or 0."""
    first, rest = split_sentence(text)
    if rest and looks_like_group(first):
        return text.index(rest)
    return 0


def _find_date(text: str, draft: _Draft):
    """The date group "(2020)."; failing that, a year standing free after the authors ("Birch, S. 2001.")."""
    date = find_date_group(text)
    for bare in iter_bare_years(text, date.start if date else 600):
        lead = text[:bare.start].strip()
        month_day = _MONTH_DAY_END.search(lead)  # "Wang, T., Aug 9, 2019."
        if month_day:
            lead = lead[:month_day.start()]
        part = read_author_part(lead) if lead else None
        if part is None or not (part.people or part.repeated or date is None and part.group
                                and len(part.group.split()) <= 8 and not _title_inside(part.group)):
            continue
        draft.warnings.append(slips.YEAR_NOT_IN_PARENTHESES)
        if month_day:
            return replace(bare, start=month_day.start(), date_extra=month_day.group("date"))
        return bare
    if date and is_two_years(text[date.start + 1:date.end].split(")")[0]):
        draft.warnings.append(slips.TWO_YEARS)
    return date


_MONTH_DAY_END = re.compile(
    r",?\s*(?P<date>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}),?\s*$")


def _take_back_title(draft: _Draft) -> None:
    """A title with a question or a second sentence ("To like or not? An experiment.") was cut too
    early: the journal name read as "An experiment. Journal of X" gives its first sentences back."""
    sentences = _sentences(str(draft.get("container_title")))
    k = len(sentences) - 1
    while k > 0 and _abbreviated(sentences[k - 1]):
        k -= 1  # "J. Exp. Psychol." is one name
    if k == 0 or not all(is_sentence_case(sentence) or len(sentence.split()) >= _TITLE_LIKE_WORDS
                         for sentence in sentences[:k]):
        return  # a short name in title case ("Deutschland Archiv. Zeitschrift für …") belongs to the journal
    title = str(draft.get("title"))
    for sentence in sentences[:k]:
        title = f"{title}{'' if title.endswith(('?', '!')) else '.'} {sentence}" if title else sentence
    draft.values["title"] = title
    draft.values["container_title"] = ". ".join(sentences[k:])


def _leading_people_instead(text: str, date) -> tuple[tuple[Author, ...], int] | None:
    """Names written another way than APA's ("C. Szegedy, V. Vanhoucke, Title … (2016)") when the
    text before the date is no author part."""
    if date is not None:
        lead = text[:date.start]
        if len(lead.split()) <= 8 and "," not in lead.rstrip(" .,"):
            return None
        part = read_author_part(lead)
        if part.people or part.repeated:
            return None
    found = leading_people(text)
    if found is None or date is not None and found[1] > date.start:
        return None
    if date is not None and part.title and len(lead.split()) <= 12 and len(found[0]) < 2:
        return None  # "Upcoming events. (1961)." is a title, not a person
    return found


def _year_anywhere(text: str, start: int):
    """The first year standing free after ``start``, outside links ("…, Volume 7, 2024, 123")."""
    bare = _cut_links(text)
    return next((group for group in iter_bare_years(bare, len(bare)) if group.start >= start), None)


def _cut_links(text: str) -> str:
    """``text`` with every URL and DOI blanked out (same length, so offsets still hold)."""
    for start, end, _ in iter_urls(text):
        text = text[:start] + " " * (end - start) + text[end:]
    found = find_doi_span(text)
    if found:
        text = text[:found[2]] + " " * (found[3] - found[2]) + text[found[3]:]
    return text


def _quoted_title(text: str) -> tuple[str, str] | None:
    """('Title', rest) when ``text`` starts with a title in quotation marks: “Title,” Journal …"""
    closers = _QUOTES.get(text[:1])
    if not closers:
        return None
    at = 1
    while True:
        ends = [i for i in (text.find(c, at) for c in closers) if i > 0]
        if not ends:
            return None
        end = min(ends)
        after = text[end + 1:end + 2]
        if text[end] in "’'" and after.isalpha():
            at = end + 1  # an apostrophe: “Who’s …”
            continue
        title = text[1:end].strip().rstrip(",.;:").strip()
        rest = text[end + 1:].lstrip(" ,.;:")
        if not title or rest[:1].islower() and not (_IN_PREFIX.match(rest) or _SOURCE_LEAD.match(rest)):
            return None  # “Trajectory” as a concept …: the quotation is only part of the title
        return title, rest


# What may follow a quoted title in lower case: "‘Title’, paper presented at …", "“Title”, special issue of …"
_SOURCE_LEAD = re.compile(
    r"(?:special\s+issue|(?:unpublished\s+)?(?:paper|manuscript)|mimeo|working\s+paper|th[eè]se|dissertation)\b",
    re.IGNORECASE)
_JOURNAL_TAIL = re.compile(r",\s*\d+[A-Za-z]?\s*(?:\([^()]{1,30}\))?\s*,\s*(?:Article\s+)?[A-Za-z]{0,3}\d")


def _title_with_inner_questions(title: str, rest: str) -> tuple[str, str]:
    """'Can I use TA? Should I use TA? … approaches.' before 'Journal, 21(1), 37–47.': a title made of
    several questions runs on to the last sentence before the journal."""
    while title.endswith(("?", "!")) and _JOURNAL_TAIL.search(rest):
        following, remainder = split_sentence(rest)
        if not remainder or _JOURNAL_TAIL.search(following):
            break  # the next sentence is the journal itself
        title, rest = f"{title} {following}", remainder
    return title, rest


def normalize_space(text: str) -> str:
    """Collapse every run of whitespace (and zero-width spaces) to one space."""
    # Word's non-breaking hyphen ("Abdoul‑Karim") reads as the hyphen it shows
    return " ".join(text.replace("\u200b", " ").replace("\ufeff", " ").replace("\u2011", "-").split())


def parse_reference(text: str, index: int = 0, location: Location | None = None) -> Reference:
    """Parse one APA 7 entry; never raises (what it cannot read is listed in ``warnings``)."""
    text = normalize_space(text if isinstance(text, str) else str(text))
    if location is None:
        location = Location(paragraph=0, start=0, end=len(text), text=text)
    try:
        draft = _parse(text)
    except Exception as error:  # noqa: BLE001 — a bad entry must not stop the whole check
        return Reference(index=index, text=text, location=location,
                         warnings=(f"entry could not be read ({type(error).__name__})",))
    return Reference(index=index, text=text, location=location, warnings=tuple(dict.fromkeys(draft.warnings)),
                     **draft.values)
