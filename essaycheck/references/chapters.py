"""A chapter's source after "In": the editors, the book's title with its pages, volume or edition, and
the book's publisher ("In E. Editor (Ed.), Book (2nd ed., pp. 1–20). Publisher."), in APA's form
and in other styles'."""

from __future__ import annotations

import re

from . import slips
from ..model import Author
from .authors import parse_editor_names, parse_names_given_first, parse_people_leniently
from .books import publisher_after_comma, read_book_tail
from .draft import Draft
from .places import is_place
from .sentences import split_sentence
from .source import book_item, trailing_book_items, trailing_pages
from .titles import read_title

EDITORS_MARK = re.compile(r"\((?:Eds?|eds?|Hrsg|Hg|a cura di|éds?|coords?)\.?\)(?:\s*\(\d{4}\))?")
# Editors marked without parentheses: "in R. Editor and S. Editor, eds., Book", "In Editor, R., editors, Book"
_BARE_EDITORS_MARK = re.compile(
    r",?\s+(?:eds?|editors?|edts?|Hrsg|Hg)\.?(?:\s*[,:]\s*|\s+(?=[A-Z]))|(?<=\bet al\.),\s*")
_ET_AL_AT_END = re.compile(r",?\s+et\s+al\.?$")
_SAME_AUTHOR = re.compile(r"idem|eadem|iidem|ders\.?|dies\.?", re.IGNORECASE)
_EDITORS_ONLY = re.compile(r"[A-Z][\w'’\-]+(?:\s[A-Z][\w'’\-]+)?(?:\s*/\s*[A-Z][\w'’\-]+(?:\s[A-Z][\w'’\-]+)?){1,4}")
_EDITED_AFTER_BOOK = re.compile(r"[,.]\s*(?:ed\.|eds\.|edited\s+by)\s+(?P<editors>[A-Z][^,:;()]{2,120}?)\s*$",
                                re.IGNORECASE)
_BRACKET_GROUP = re.compile(r"\(([^()]{1,60})\)")


def read_in_container(text: str, draft: Draft) -> None:
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
    read_title(book, draft, into="container_title")
    if rest:
        _read_book_publisher(rest.rstrip(". ").strip(), draft)
    container = str(draft.values.pop("container_title", ""))
    # the tail may have ended it with "(pp. 5–9)" or ", pp. 5-9"
    read_title(_take_book_items(container, draft), draft, into="container_title")


def _read_cross_reference(text: str, draft: Draft) -> bool:
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


def _without_publisher_after_comma(book: str, draft: Draft) -> str:
    """The book's title from "Book, London: Routledge, 19–38" or "Book, Oxford, 295-324" (publisher
    and place recorded, with a warning)."""
    split = publisher_after_comma(book)
    if split:
        draft.set(publisher=split[2])
        draft.warnings.append(slips.PLACE_OF_PUBLICATION if split[1] else slips.NO_PERIOD_BEFORE_PUBLISHER)
        return _take_book_items(split[0], draft)
    head, comma, place = book.rpartition(", ")
    if comma and head and is_place(place):
        draft.warnings.append(slips.PLACE_WITHOUT_PUBLISHER)
        return _take_book_items(head, draft)
    return book


def _read_book_publisher(rest: str, draft: Draft) -> None:
    """What follows a chapter's book: "Place: Publisher", more of the book's title, or the publisher."""
    if read_book_tail(rest, draft, into="container_title"):
        return
    pages = trailing_pages(rest)  # "Bad Schandau: 129-136": the pages at least are plain
    if pages:
        rest = pages[0]
        draft.set(pages=pages[1])
        draft.warnings.append(slips.CHAPTER_FORM)
    draft.set(publisher=rest)


def _without_own_name(text: str, draft: Draft) -> str:
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


def _read_editors(text: str, draft: Draft) -> str:
    """Take the editors off the front of a book after "In": "E. Editor (Ed.), Book", "R. Editor and
    S. Editor, eds., Book" (Chicago); return the rest."""
    mark = EDITORS_MARK.search(text, 0, 3000)
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


def _take_book_items(book: str, draft: Draft) -> str:
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
