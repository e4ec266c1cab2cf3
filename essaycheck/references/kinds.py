"""What kind of work an entry describes: the words that tell, and the decision made from what was read.

The type is decided last, from the fields the readers found: a thesis or a presentation by its
genre, a chapter by "In …", an article by its journal, a report by its number, a preprint by
its archive, a book by its publisher, a web page by its URL.
"""

from __future__ import annotations

import re

from .draft import Draft

REPORT_ITEM = re.compile(r"\b(?:No|Nos)\.|\b(?:Report|Publication|Number|Paper|Series)\b", re.IGNORECASE)
_REPORT_GENRES = ("fact sheet", "brochure", "policy brief", "white paper", "technical report", "report")
_WEB_GENRES = ("blog post", "web page", "webpage", "infographic")
_CONFERENCE_GENRES = ("paper presentation", "poster presentation", "conference session",
                      "conference presentation", "keynote address", "symposium")
PUBLISHER_WORDS = re.compile(
    r"\b(?:Press|Publish\w*|Books|Routledge|Wiley|SAGE|Sage|Springer|Elsevier|Pearson|McGraw|Guilford|"
    r"Norton|Penguin|Random House|Harper\w*|Macmillan|Palgrave|Taylor|Erlbaum|Bloomsbury|Cengage|Jossey|"
    r"Allyn|Prentice|Addison|Houghton|Scholastic|Knopf|Vintage|Wolters|Mosby|Saunders|Thieme|Emerald|Kogan|"
    r"Ashgate|Brill|Peter Lang|Verlag|Éditions|Editions|Academic|Open Stax|OpenStax|Facet)\b"
)


def names_a_publisher(text: str) -> bool:
    """Whether ``text`` names a book publisher ("Harvard University Press", "Routledge", "Wiley")."""
    return bool(PUBLISHER_WORDS.search(text) or re.search(r"\bUniversity\b|\bVerlag\b", text))


def is_presentation(draft: Draft) -> bool:
    """A presentation, whose event APA 7 gives with its place: "Annual Meeting, Denver, CO, United States"."""
    genre = str(draft.get("genre")).lower()
    return any(g in genre for g in _CONFERENCE_GENRES)


def decide_type(draft: Draft) -> str:
    """The entry's type ("article-journal", "chapter", "book", "report", "webpage", …) from what was read."""
    genre = str(draft.get("genre")).lower()
    container = str(draft.get("container_title"))
    title = str(draft.get("title"))
    if "thesis" in genre or "dissertation" in genre:
        return "thesis"
    if is_presentation(draft) or "proceedings" in container.lower():
        return "paper-conference"
    if draft.in_container:
        return "chapter"
    if draft.preprint:
        return "article"  # CSL's type for a preprint or working paper
    if draft.journal:
        return "article-journal"
    if draft.description in _WEB_GENRES:
        return "webpage"
    if draft.description in _REPORT_GENRES:
        return "report"
    if draft.description:
        return "other"  # "[Film]", "[Data set]", "[Video]": named by ``genre``
    if REPORT_ITEM.search(genre) or (
        draft.group_author and (draft.source or draft.get("url")) and re.search(r"\breport\b", title, re.I)
    ):
        return "report"
    if title and draft.source:
        web = draft.get("url") and not PUBLISHER_WORDS.search(draft.source)
        if not web or draft.get("edition"):
            return "book"
        return "webpage"
    if title and (draft.get("publisher") or draft.published) and not draft.get("url"):
        return "book"  # "Title. Place: Publisher", read leniently
    if title and draft.get("isbn") and not draft.get("url"):
        return "book"  # "Title. ISBN 978-…": only books have one
    if title and draft.get("edition"):
        return "book"  # a web page has no edition: "Guidelines (2nd ed.). https://…" is a book or report
    if title and draft.get("url"):
        return "webpage"
    return "other"


def place_source(kind: str, draft: Draft) -> None:
    """The sentence after the title names a site, a database, an event or a publisher."""
    if not draft.source:
        return
    if kind in ("webpage", "thesis", "paper-conference"):
        draft.set(container_title=draft.source)
    else:
        draft.set(publisher=draft.source)
