"""An entry's title: the bracketed description and parenthesised edition, volume or report number after
it, a title in quotation marks, and the sentences around it that still belong to it."""

from __future__ import annotations

import re

from . import slips
from .authors import is_sentence_case, parse_names_given_first
from .draft import Draft
from .kinds import REPORT_ITEM
from .sentences import abbreviated, matching_opener, split_sentence, split_sentences
from .source import date_at_end, edition_at_end, looks_like_series

_NO_DATE_NOTE = re.compile(r"no\s+date|n\.\s?d\.|o\.\s?J\.|s\.\s?d\.", re.IGNORECASE)
# APA 7 names a translator as "(F. Vezin, Trans.)" after the title.
_TRANSLATED = re.compile(r"(?:ed\.\s*(?:&|and)\s*)?(?:trans(?:l)?\.|translated\s+by|übers\.)\s", re.IGNORECASE)
_EDITED_BY_SENTENCE = re.compile(
    r"(?:edited\s+by|ed\.\s+by|herausgegeben\s+von|hrsg\.\s+v(?:on|\.))\s+(?P<editors>.{3,200})", re.IGNORECASE)
# "―…‖" are quotation marks a PDF garbled
_QUOTES = {"“": "”", "\"": "\"", "‘": "’", "'": "'", "„": "“”", "‚": "‘’", "«": "»", "―": "‖"}
_EDITION = re.compile(r"(?P<ed>\d+(?:st|nd|rd|th)|rev\.?|revised|[^\W\d_]+)\s+ed(?:n|ition)?\.?", re.IGNORECASE)
_VOLUME_ITEM = re.compile(r"Vols?\.\s*(?P<volume>\S.*)", re.IGNORECASE)
_PAGES_ITEM = re.compile(r"(?:pp?\.|S\.|pp\s(?=\d))\s*(?P<pages>\S.*)", re.IGNORECASE)  # "pp. 3–9", "S. 3-9", "pp 3-9"
_THESIS = re.compile(
    r"(?P<genre>(?:unpublished\s+)?(?:doctoral\s+dissertation|master['’]?s\s+thesis|dissertation|thesis))"
    r"(?:\s*,\s*(?P<institution>.+))?",
    re.IGNORECASE,
)
_MAX_TITLE_GROUPS = 4
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
_UNPUBLISHED = re.compile(
    r"(?:unpublished|draft|ph\.?\s?d\.?|doctoral|master['’]?s|diploma)\b[\w\s.]*?"
    r"\b(?:manuscript|paper|thesis|dissertation)\b"
    r"|manuscript\b", re.IGNORECASE)
# What introduces the source after a title: "In: Editor (Ed.), Book", "in Journal of X".
IN_PREFIX = re.compile(r"in\s*:\s*|in\s+(?=\S)", re.IGNORECASE)
# What may follow a quoted title in lower case: "‘Title’, paper presented at …", "“Title”, special issue of …"
_SOURCE_LEAD = re.compile(
    r"(?:special\s+issue|(?:unpublished\s+)?(?:paper|manuscript)|mimeo|working\s+paper|th[eè]se|dissertation)\b",
    re.IGNORECASE)
_JOURNAL_TAIL = re.compile(r",\s*\d+[A-Za-z]?\s*(?:\([^()]{1,30}\))?\s*,\s*(?:Article\s+)?[A-Za-z]{0,3}\d")


def read_title(title: str, draft: Draft, *, into: str = "title") -> None:
    """The title, minus the "(3rd ed.)", "(Report No. 12)" and "[Doctoral dissertation, X]" at its end."""
    title = title.strip()
    for _ in range(_MAX_TITLE_GROUPS):
        if not title or title[-1] not in ")]":
            break
        opener = matching_opener(title, len(title) - 1)
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


def _read_title_group(closer: str, inner: str, draft: Draft) -> bool:
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
    if REPORT_ITEM.search(inner) and not any(_PAGES_ITEM.fullmatch(i) or _EDITION.fullmatch(i) for i in items):
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


def quoted_title(text: str) -> tuple[str, str] | None:
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
        if not title or rest[:1].islower() and not (IN_PREFIX.match(rest) or _SOURCE_LEAD.match(rest)):
            return None  # “Trajectory” as a concept …: the quotation is only part of the title
        return title, rest


def title_with_inner_questions(title: str, rest: str) -> tuple[str, str]:
    """'Can I use TA? Should I use TA? … approaches.' before 'Journal, 21(1), 37–47.': a title made of
    several questions runs on to the last sentence before the journal."""
    while title.endswith(("?", "!")) and _JOURNAL_TAIL.search(rest):
        following, remainder = split_sentence(rest)
        if not remainder or _JOURNAL_TAIL.search(following):
            break  # the next sentence is the journal itself
        title, rest = f"{title} {following}", remainder
    return title, rest


def take_back_title(draft: Draft) -> None:
    """A title with a question or a second sentence ("To like or not? An experiment.") was cut too
    early: the journal name read as "An experiment. Journal of X" gives its first sentences back."""
    sentences = split_sentences(str(draft.get("container_title")))
    k = len(sentences) - 1
    while k > 0 and abbreviated(sentences[k - 1]):
        k -= 1  # "J. Exp. Psychol." is one name
    if k == 0 or not all(is_sentence_case(sentence) or len(sentence.split()) >= _TITLE_LIKE_WORDS
                         for sentence in sentences[:k]):
        return  # a short name in title case ("Deutschland Archiv. Zeitschrift für …") belongs to the journal
    title = str(draft.get("title"))
    for sentence in sentences[:k]:
        title = f"{title}{'' if title.endswith(('?', '!')) else '.'} {sentence}" if title else sentence
    draft.values["title"] = title
    draft.values["container_title"] = ". ".join(sentences[k:])


def extend_title(draft: Draft, sentences: list[str], into: str = "title") -> None:
    """Sentences between the title and the source continue the title, unless they name a series or
    describe the work ("[online]", "Unpublished PhD dissertation")."""
    more = [s for s in sentences if not looks_like_series(s) and not _describes_work(s, draft)
            and not _names_volume(s, draft) and not _names_edition(s, draft) and not _names_editors(s, draft)
            and not _names_translator(s, draft)]
    for sentence in more:
        so_far = str(draft.get(into))
        draft.values[into] = f"{so_far}{'' if so_far.endswith(('?', '!')) else '.'} {sentence}" if so_far else sentence


def _describes_work(sentence: str, draft: Draft) -> bool:
    """"[online]", "[Data set]", "Unpublished PhD dissertation": what the work is, recorded as its genre."""
    sentence = sentence.strip()
    bracketed = sentence[:1] == "[" and sentence[-1:] == "]" and "]" not in sentence[1:-1]
    if not (bracketed or _THESIS.fullmatch(sentence) or len(sentence.split()) <= 5 and _UNPUBLISHED.match(sentence)):
        return False
    draft.set(genre=sentence.strip("[]"))
    return True


def _names_editors(sentence: str, draft: Draft) -> bool:
    """"Edited by Paul Schilpp" standing alone between the book's title and its publisher."""
    edited = _EDITED_BY_SENTENCE.fullmatch(sentence.strip())
    people = parse_names_given_first(edited.group("editors")) if edited else None
    if people:
        draft.set(editors=people)
    return bool(people)


def _names_translator(sentence: str, draft: Draft) -> bool:
    """"Trans. F. Vezin" or "ed. & transl. by D. A. Curtis" between the title and the publisher."""
    if not _TRANSLATED.match(sentence.strip()):
        return False
    draft.warnings.append("translator not written the APA way")
    return True


def _names_edition(sentence: str, draft: Draft) -> bool:
    """"Second Edition" standing alone between the title and the publisher."""
    edition = edition_at_end(sentence.strip())
    if edition is None or edition[0]:
        return False
    draft.set(edition=edition[1])
    draft.warnings.append(slips.EDITION_FORM)
    return True


def _names_volume(sentence: str, draft: Draft) -> bool:
    """"Vol. 2" or "Vols. 1 and 2" standing alone between the title and the publisher."""
    volume = _VOLUME_ITEM.fullmatch(sentence.strip())
    if volume and len(sentence) <= 30:
        draft.set(volume=volume.group("volume"))
    return bool(volume and len(sentence) <= 30)
