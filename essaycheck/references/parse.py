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
    is_sentence_case, leading_people, parse_editor_names, parse_people_leniently, people_prefix_end, read_author_part,
)
from .dates import ORIGINAL_WORK, find_date_group, is_two_years, iter_bare_years
from .doi import find_doi_span
from .links import iter_urls
from .source import looks_like_series, read_journal_leniently, read_place_publisher, trailing_pages

# At the end only (the URL has been taken out already): "memories retrieved from sleep" is a title.
_RETRIEVED = re.compile(r"\bRetrieved\b(?P<date>[^()]{0,80}?)\bfrom\b[\s:.,]*$", re.IGNORECASE)
_LIST_MARKER = re.compile(r"(?:[-*•▪◦]|\(?\d{1,3}[.)]|\[\d{1,3}\])\s+")
_PUNCT = re.compile(r"[()\[\]]|[.?!](?=[\"'”’]?(?:\s|$))")
_CLOSING_QUOTES = "\"'”’"
_ABBREVIATIONS = frozenset(
    "al cf ch dept dr e.g ed eds fig i.e jr mr mrs ms mt no nos p pp pt rev sr st trans univ vol vols vs".split()
)
_EDITORS_MARK = re.compile(r"\((?:Eds?|eds?|Hrsg|Hg)\.?\)(?:\s*\(\d{4}\))?")
_IN_PREFIX = re.compile(r"in\s*:\s*|in\s+(?=\S)", re.IGNORECASE)
# "Pp. 214–230 in Book, edited by A. Editor. London: Routledge." (the ASA/Chicago chapter form)
_PAGES_IN = re.compile(r"pp?\.\s*(?P<pages>\d+\s*[-–]\s*\d+)\s+in\s+(?P<rest>.+)", re.IGNORECASE)
_EDITED_BY = re.compile(r",?\s*(?:edited|ed\.)\s+by\s+(?P<editors>[^.]+(?:\.[^.\s][^.]*)*?)(?:\.\s|$)", re.IGNORECASE)
_QUOTES = {"“": "”", "\"": "\"", "‘": "’", "'": "'", "„": "“”", "‚": "‘’", "«": "»"}
_EDITION = re.compile(r"(?P<ed>\d+(?:st|nd|rd|th)|rev\.?|revised|[^\W\d_]+)\s+ed(?:ition)?\.?", re.IGNORECASE)
_VOLUME_ITEM = re.compile(r"Vols?\.\s*(?P<volume>\S.*)", re.IGNORECASE)
_PAGES_ITEM = re.compile(r"pp?\.\s*(?P<pages>\S.*)", re.IGNORECASE)
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
    r"(?:Vol\.\s*)?(?P<volume>[A-Za-z]?\d+[A-Za-z]?(?:[-–]\d+)?)?\s*(?:\((?P<issue>[^()]{1,30})\))?"
)
_PAGES = re.compile(
    r"(?:pp?\.\s*)?(?P<pages>[A-Za-z]{0,3}\d+[A-Za-z]?(?:\s*[-‐–—]\s*[A-Za-z]{0,3}\d+[A-Za-z]?)?)"
)
_ARTICLE = re.compile(r"(?:Article|Art\.)(?:\s+No\.?)?\s+(?P<number>\S+)", re.IGNORECASE)
_ELOCATOR = re.compile(r"e\d{4,}|[a-z]{3,6}\d{3,}")  # e0149158, zmac036: article numbers, not pages
_LABELLED_NUMBER = re.compile(r"\b(?:Vol|No|Nr|Issue|Num)\.?\s*\d", re.IGNORECASE)
_NOT_A_VOLUME = re.compile(r"\d+\s*[-‐–]\s*\d+|0\d{4,}|\d{5,}")  # a page range, an article number
_ADVANCE = re.compile(r"advance online publication|online ahead of print|in press", re.IGNORECASE)
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
    word = text[start:dot].lstrip("([\"'“‘")
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
    draft.set(**{into: title.strip()})


def _read_title_group(closer: str, inner: str, draft: _Draft) -> bool:
    """Record what a bracket after a title says; False if it is part of the title itself."""
    if closer == "]":
        thesis = _THESIS.fullmatch(inner)
        if thesis:
            genre = thesis.group("genre")
            draft.set(genre=genre[:1].upper() + genre[1:], publisher=(thesis.group("institution") or "").strip())
        else:
            draft.set(genre=inner)
            draft.description = inner.lower()
        return True
    items = [item.strip() for item in inner.split(",")]
    if _REPORT_ITEM.search(inner) and not any(_PAGES_ITEM.fullmatch(i) or _EDITION.fullmatch(i) for i in items):
        draft.set(genre=inner)
        return True
    known = False
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
    elif len(parts) == 2 and re.search(r"\s\d{1,4}$", parts[0]):
        return False  # "Trends in Neurosciences 26, 507–513": the volume has no comma before it
    elif len(parts) == 2 and _NOT_A_VOLUME.fullmatch(last):
        # "Journal, 1–13." or "Journal, 00936502221102101.": an article online before its volume
        key = "article_number" if last.isdigit() else "pages"
        draft.set(container_title=parts[0], **{key: last})
        draft.journal = True
        return True
    volume = _VOLUME_ISSUE.fullmatch(parts[-1]) if len(parts) >= 2 else None
    if volume and (volume.group("volume") or volume.group("issue")):
        found["volume"] = volume.group("volume") or ""
        found["issue"] = (volume.group("issue") or "").strip()
        parts.pop()
    elif not found:
        return False
    journal = ", ".join(parts).strip()
    if not journal or not any(c.isalpha() for c in journal) or _LABELLED_NUMBER.search(journal):
        return False  # "Journal, Vol. 12, No. 3, pp. 4-9" is read leniently
    draft.set(container_title=journal, **found)
    draft.journal = True
    return True


def _read_in_container(text: str, draft: _Draft) -> None:
    """"In E. Editor & F. Editor (Eds.), Book title (2nd ed., pp. 1–20). Publisher." (after "In ")."""
    mark = _EDITORS_MARK.search(text, 0, 3000)
    if mark:
        names = text[: mark.start()]
        editors, warnings = parse_editor_names(names)
        if warnings and (loose := parse_people_leniently(names)):
            editors, warnings = loose, ()  # "In: Kleinfeld, Ralf; Plamper, Harald (Hrsg.): …"
        draft.set(editors=editors)
        draft.warnings.extend(warnings)
        text = text[mark.end():].lstrip(" ,:")
    book, rest = split_sentence(text)
    _read_title(book, draft, into="container_title")
    draft.in_container = True
    if rest:
        rest = rest.rstrip(". ").strip()
        if not _read_book_tail(rest, draft, into="container_title"):
            draft.set(publisher=rest)


def _read_book_tail(text: str, draft: _Draft, *, into: str) -> bool:
    """"[More title.] [Series.] Place: Publisher[, pp. 1-20]": True if it ends with a place and publisher.

    Sentences between the title and the publisher continue the title (``into``), unless they
    name a series.
    """
    pages = trailing_pages(text)
    if pages:
        text = pages[0]
    sentences = _sentences(text)
    if not sentences:
        return False
    last = sentences[-1]
    found = read_place_publisher(last)
    if found is None and len(sentences) > 1:
        found = read_place_publisher(f"{sentences[-2]}. {last}")  # "Chapel Hill, N.C: X" cut at "N.C"
        if found:
            sentences = sentences[:-1]
    if found is None:
        split = _publisher_after_comma(last)
        if split is None or not split[1]:
            return False
        sentences = sentences[:-1] + [split[0], ""]
        found = split[1:]
    draft.warnings.append(slips.PLACE_OF_PUBLICATION)
    draft.set(publisher=found[1])
    if pages:
        draft.set(pages=pages[1])
    _extend_title(draft, sentences[:-1], into)
    return True


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
              pages=journal.pages, article_number=journal.article_number)
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
        inside = text[prefix.end():].strip()
        journal = None if _EDITORS_MARK.search(inside, 0, 3000) else read_journal_leniently(inside)
        if journal and journal.volume:
            _set_journal(draft, journal)  # "In: Journal, 12(3), 4-9" names the journal itself
        else:
            _read_in_container(inside, draft)
        return
    first, tail = split_sentence(text)
    if tail and _read_journal(text, draft):  # an abbreviated name: "Proc. Natl. Acad. Sci., 117(5), 1–9"
        return
    if _read_journal(first, draft):
        if tail and not _ADVANCE.fullmatch(tail.rstrip(". ")):
            draft.warnings.append(f"not understood after the journal: {tail[:40]}")
        return
    advance = tail and _ADVANCE.fullmatch(tail.rstrip(". "))
    if not advance and _read_source_leniently(text, draft):
        return
    named_like_journal = _JOURNAL_WORDS.search(first) and not _PUBLISHER_WORDS.search(first)
    if advance or not tail and named_like_journal and not draft.get("url"):
        draft.set(container_title=first.strip())
        draft.journal = True
        return
    draft.source = text


def _read_source_leniently(text: str, draft: _Draft) -> bool:
    """Sources in other author–date styles: "Journal 2 (3): 355-77", "Pp. 5-9 in Book, edited by …",
    "More title. Place: Publisher"."""
    pages_in = _PAGES_IN.fullmatch(text)
    if pages_in:
        book = pages_in.group("rest")
        edited = _EDITED_BY.search(book)
        tail = ""
        if edited:
            draft.set(editors=parse_people_leniently(edited.group("editors")) or ())
            book, tail = book[:edited.start()], book[edited.end():]
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
    before = _read_journal_sentences(sentences, draft)
    if before is not None:
        _extend_title(draft, before)
        return True
    return _read_book_tail(text, draft, into="title")


def _extend_title(draft: _Draft, sentences: list[str], into: str = "title") -> None:
    """Sentences between the title and the source continue the title, unless they name a series."""
    more = [s for s in sentences if not looks_like_series(s)]
    if more:
        draft.values[into] = ". ".join([str(draft.get(into))] + more) if draft.get(into) else ". ".join(more)


def _publisher_after_comma(text: str) -> tuple[str, str, str] | None:
    """("Title", "Place", "Publisher") from "Title, Place: Publisher" or "Title (Place, Publisher)",
    ("Title", "", "Publisher") from "Title, Cambridge University Press"."""
    text = text.strip().rstrip(".")
    if text.endswith(")"):
        opener = _matching_opener(text, len(text) - 1)
        if opener:
            inner = text[opener + 1:-1]
            place, _, publisher = inner.rpartition(",")
            if place and _PUBLISHER_WORDS.search(publisher) and len(publisher.split()) <= 6:
                return text[:opener].rstrip(" ,"), place.strip(), publisher.strip()
    for comma in [m.start() for m in re.finditer(r",\s", text)][:12]:
        found = read_place_publisher(text[comma + 1:])
        if found and comma > 0:
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
        if len(urls) > 1:
            draft.warnings.append("more than one URL")
        for start, end, _ in reversed(urls):
            rest = _cut(rest, start, end)
    for note in reversed(list(ORIGINAL_WORK.finditer(rest))):
        draft.set(original_year=note.group("year"))
        rest = _cut(rest, note.start(), note.end())
    retrieved = _RETRIEVED.search(rest)
    if retrieved:
        date = retrieved.group("date").strip(" ,")
        if date.lower().startswith("on "):
            date = date[3:].strip()
        draft.set(retrieved_from=True, retrieved=date)
        rest = _cut(rest, retrieved.start(), retrieved.end())
    return rest.strip()


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
        end = people_prefix_end(text)
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
        if not rest.strip() and (split := _publisher_after_comma(title)):
            title, rest = split[0], f"{split[1]}: {split[2]}" if split[1] else split[2]
            draft.warnings.append(slips.NO_PERIOD_BEFORE_PUBLISHER)
        _read_title(title, draft)
        if not draft.get("title"):
            draft.warnings.append("no title")
    _read_source(rest, draft)
    if draft.journal:
        _take_back_title(draft)
    kind = _decide_type(draft)
    _place_source(kind, draft)
    if kind == "other" and draft.get("title") and not draft.description:
        draft.warnings.append("type of work not recognised")
    draft.values["type"] = kind
    return draft


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
                                and len(part.group.split()) <= 8):
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
    if k == 0 or not all(is_sentence_case(sentence) for sentence in sentences[:k]):
        return
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
        if not title or rest[:1].islower() and not _IN_PREFIX.match(rest):
            return None  # “Trajectory” as a concept …: the quotation is only part of the title
        return title, rest


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
    return Reference(index=index, text=text, location=location, warnings=tuple(draft.warnings), **draft.values)
