"""The end of a book's source: its place and publisher, in the forms APA and other styles write them
("Publisher.", "London: Routledge.", "Boston, Beacon Press", "Title, Oxford: Blackwell")."""

from __future__ import annotations

import re

from . import slips
from .authors import looks_like_group
from .draft import Draft
from .kinds import PUBLISHER_WORDS, is_presentation
from .places import could_be_city, is_place, is_region, split_place
from .sentences import MAX_COMMAS, matching_opener, split_sentences
from .source import edition_at_end, read_place_publisher, trailing_pages
from .titles import extend_title


def read_book_tail(text: str, draft: Draft, *, into: str) -> bool:
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
    sentences = split_sentences(text)
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
    extend_title(draft, sentences[:-1], into)
    return True


def _place_and_publisher(sentences: list[str], draft: Draft) -> tuple[tuple[str, str], list[str]] | None:
    """((place, publisher), the sentences with the last standing for both) from the end of a book's
    source, in any of the forms styles give them; None when it names no place."""
    last = sentences[-1]
    found = read_place_publisher(last)
    if found and len(sentences) > 1 and is_region(found[0]) and could_be_city(sentences[-2]):
        sentences = sentences[:-1]  # "Belmont. CA: Brooks/Cole": the town was cut off from its state
    elif found is None and len(sentences) > 1:
        found = read_place_publisher(f"{sentences[-2]}. {last}")  # "Chapel Hill, N.C: X" cut at "N.C"
        if found is None and is_place(sentences[-2]) and not is_place(last) and len(last.split()) <= 6:
            found = sentences[-2], last  # "London. Sage.": place and publisher as two sentences
        if found:
            sentences = sentences[:-1]
    if found is None and not draft.get("url") and not is_presentation(draft):
        found = split_place(last)  # "Boston, Beacon Press", "Springer, New York", "London."
    if found is None:
        split = publisher_after_comma(last)
        if split is None or not split[1]:
            return None
        sentences = sentences[:-1] + [split[0], ""]
        found = split[1:]
    if not found[1] and len(sentences) > 1 and looks_like_group(sentences[-2]):
        found = found[0], sentences[-2]  # "Institute for Advanced Studies. Vienna.": the institution, then its city
        sentences = sentences[:-1]
    return found, sentences


def publisher_after_comma(text: str) -> tuple[str, str, str] | None:
    """("Title", "Place", "Publisher") from "Title, Place: Publisher" or "Title (Place, Publisher)",
    ("Title", "", "Publisher") from "Title, Cambridge University Press"."""
    text = text.strip().rstrip(".")
    if text.endswith(")"):
        opener = matching_opener(text, len(text) - 1)
        if opener:
            inner = text[opener + 1:-1]
            found = read_place_publisher(inner)
            if found:  # "Title (Ann Arbor: University Press)", as Chicago's notes write it
                return text[:opener].rstrip(" ,"), found[0], found[1]
            place, _, publisher = inner.rpartition(",")
            if place and PUBLISHER_WORDS.search(publisher) and len(publisher.split()) <= 6:
                return text[:opener].rstrip(" ,"), place.strip(), publisher.strip()
    commas = [m.start() for m in re.finditer(r",\s", text)][:MAX_COMMAS]
    colon_forms = [(comma, found) for comma in commas
                   if comma > 0 and (found := read_place_publisher(text[comma + 1:]))]
    # "Boundaries, Territory and Postmodernity, London: Cass": the place is one a reader knows, if any is
    for comma, found in sorted(colon_forms, key=lambda form: not is_place(form[1][0]))[:1]:
        head, before, town = text[:comma].rpartition(", ")
        if before and head and is_region(found[0]) and could_be_city(town):
            return head.strip(), f"{town}, {found[0]}", found[1]  # "Title, Garden City, New York: Anchor"
        return text[:comma].strip(), found[0], found[1]
    for comma in commas:
        found = split_place(text[comma + 1:])  # "Title, Paris, Gallimard", "Title, MIT Press, Cambridge"
        if found and found[1] and comma > 0:
            return text[:comma].strip(), found[0], found[1]
    head, _, last = text.rpartition(", ")
    if head and PUBLISHER_WORDS.search(last) and len(last.split()) <= 6 and last[:1].isupper():
        return head.strip(), "", last.strip()
    return None
