"""What follows an entry's title, and where it starts: a journal, a chapter's book after "In", an event,
an institution or a publisher, each handed to its reader; other styles' forms are read leniently."""

from __future__ import annotations

import re

from . import slips
from .authors import parse_names_given_first, parse_people_leniently
from .books import publisher_after_comma, read_book_tail
from .chapters import EDITORS_MARK, read_in_container
from .draft import Draft
from .journals import (
    JOURNAL_WORDS, journal_after_comma, read_journal, read_journal_sentences, set_journal, without_note_after_journal,
)
from .kinds import PUBLISHER_WORDS, REPORT_ITEM
from .places import could_be_city, is_place, is_region, split_place
from .sentences import MAX_COMMAS, split_sentence, split_sentences
from .source import read_journal_leniently, read_place_publisher, trailing_pages
from .titles import IN_PREFIX, extend_title

_ADVANCE = re.compile(r"advance online publication|online ahead of print|in press", re.IGNORECASE)
_FORTHCOMING = re.compile(r"forthcoming|to appear|im Druck|in print", re.IGNORECASE)
# "Pp. 214–230 in Book, edited by A. Editor. London: Routledge." (the ASA/Chicago chapter form)
_PAGES_IN = re.compile(r"pp?\.\s*(?P<pages>\d+\s*[-–]\s*\d+)\s+in\s+(?P<rest>.+)", re.IGNORECASE)
_EDITED_BY = re.compile(r",?\s*(?:edited|ed\.)\s+by\s+(?P<editors>[^.]+(?:\.[^.\s][^.]*)*?)(?:\.\s|$)", re.IGNORECASE)
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
_PRESENTED_AFTER_COMMA = re.compile(r",\s*(?=" + _PRESENTED.pattern + ")", re.IGNORECASE)
_EVENT_DATE = re.compile(
    r"(?:\d{1,2}(?:st|nd|rd|th)?\.?(?:\s*[-–]\s*\d{1,2}(?:st|nd|rd|th)?\.?)?\s+)?[A-Z][a-z]{2,8}\.?"
    r"(?:\s+\d{1,2}(?:\s*[-–]\s*\d{1,2})?)?(?:\s*,?\s*\d{4})?|\d{4}")


def read_source(text: str, draft: Draft) -> None:
    """What follows the title: a journal, "In …", or a publisher or site name."""
    text = text.strip().rstrip(".").strip()
    if not text:
        return
    prefix = IN_PREFIX.match(text)
    if prefix and len(text) > prefix.end():
        draft.after_in = True
        inside = text[prefix.end():].strip()
        journal = None if EDITORS_MARK.search(inside, 0, 3000) else read_journal_leniently(inside)
        if journal and (journal.volume or journal.season or journal.issue.isdigit() and journal.pages):
            set_journal(draft, journal)  # "In: Journal, 12(3), 4-9", "In: Journal (1): 20-23" name the journal itself
        else:
            read_in_container(inside, draft)
        return
    if _read_preprint(text, draft) or _read_presentation(text, draft) or _read_described_source(text, draft):
        return
    text = without_note_after_journal(text, draft)
    first, tail = split_sentence(text)
    if tail and read_journal(text, draft):  # an abbreviated name: "Proc. Natl. Acad. Sci., 117(5), 1–9"
        return
    if read_journal(first, draft):
        if tail and not _ADVANCE.fullmatch(tail.rstrip(". ")):
            draft.warnings.append(f"not understood after the journal: {tail[:40]}")
        return
    advance = tail and _ADVANCE.fullmatch(tail.rstrip(". "))
    if tail and not advance and _FORTHCOMING.fullmatch(tail.strip(" .,;()")):
        advance = True  # "Journal. (forthcoming)": another style's "in press"
        draft.warnings.append("publication status after the journal")
    if not advance and _read_source_leniently(text, draft):
        return
    named_like_journal = JOURNAL_WORDS.search(first) and not PUBLISHER_WORDS.search(first)
    if advance or not tail and named_like_journal and not draft.get("url"):
        draft.set(container_title=first.strip())
        draft.journal = True
        return
    draft.source = text


# A preprint archive as the source: "arXiv. https://…", and Google Scholar's "arXiv preprint arXiv:2406.13968"
_PREPRINT = re.compile(
    r"(?P<archive>arXiv(?:\.org)?|bioRxiv|medRxiv|PsyArXiv|SocArXiv|EdArXiv|TechRxiv|ChemRxiv|engrXiv|SSRN|Research Square"
    r"|OSF Preprints)(?P<rest>(?:\s+preprint)?(?:[\s,:]+(?:arXiv:|abs/)?\d{4}\.\d{4,5}(?:v\d+)?)?)"
    r"(?P<after>(?:[.,]?\s*(?:doi:\s*)?\[[^\]]{0,40}\])?)\s*$", re.IGNORECASE)


def _read_preprint(text: str, draft: Draft) -> bool:
    match = _PREPRINT.fullmatch(text.strip(" ."))
    if match is None:
        return False
    archive = next((a for a in ("arXiv", "bioRxiv", "medRxiv", "PsyArXiv", "SocArXiv", "EdArXiv", "TechRxiv",
                                "ChemRxiv", "engrXiv", "SSRN", "Research Square", "OSF Preprints")
                    if match.group("archive").lower().startswith(a.lower())), match.group("archive"))
    draft.set(publisher=archive)
    draft.preprint = True
    if match.group("rest").strip():
        draft.warnings.append(slips.PREPRINT_NUMBER)  # "arXiv preprint arXiv:ID": the number is the link's
    if match.group("after"):
        draft.warnings.append(slips.PLACEHOLDER)  # "doi: [DOI pending]"
    return True


def _read_source_leniently(text: str, draft: Draft) -> bool:
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
        if tail.strip() and not read_book_tail(tail.strip(" ."), draft, into="container_title"):
            draft.set(publisher=tail.strip(" ."))
        return True
    sentences = split_sentences(text)
    inside = next((k for k, sentence in enumerate(sentences) if k and IN_PREFIX.match(sentence)
                   and sentence[:1] == "I"), None)
    if inside is not None:
        extend_title(draft, sentences[:inside])
        read_source(". ".join(sentences[inside:]), draft)
        return True
    for k, sentence in enumerate(sentences[:MAX_COMMAS]):
        joined = _IN_AFTER_COMMA.search(sentence)
        if joined:  # "More title, in: Journal. 39/2, pp. 155-175": the source follows a comma
            draft.warnings.append(slips.NO_PERIOD_BEFORE_SOURCE)
            extend_title(draft, sentences[:k] + [sentence[:joined.start()]])
            read_source(". ".join([sentence[joined.end():]] + sentences[k + 1:]), draft)
            return True
    before = read_journal_sentences(sentences, draft)
    if before is not None:
        extend_title(draft, before)
        return True
    return read_book_tail(text, draft, into="title")


def _read_presentation(text: str, draft: Draft) -> bool:
    """"Paper presented at the Annual Meeting of X, Chicago, IL, May 1996" (APA 6): the event, without
    its place and dates, is the source; APA 7 writes "[Paper presentation]. Event, Place"."""
    if not _PRESENTED.match(text):
        return False
    event, _ = split_sentence(text)
    parts = event.split(",")
    kept = len(parts)
    while kept > 1 and len(parts) - kept < _MAX_ITEMS_DROPPED and _place_or_date(parts[kept - 1]):
        kept -= 1
        if is_region(parts[kept]) and kept > 1 and could_be_city(parts[kept - 1]):
            kept -= 1  # "Jyväskylä, Finland", "San Jose, CA": a city is named by its region
    draft.set(container_title=",".join(parts[:kept]).strip(), genre="Paper presentation")
    draft.warnings.append(slips.PRESENTED_AT)
    return True


def _read_described_source(text: str, draft: Draft) -> bool:
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
    if not REPORT_ITEM.search(kind):
        draft.description = kind.lower()
    draft.warnings.append(slips.DESCRIPTION_NOT_BRACKETED)
    return True


def _institution(text: str) -> str:
    """"University of X" from "Graz: University of X" or "University of X, Kassel, Germany"."""
    found = read_place_publisher(text) or split_place(text) if text else None
    if found:
        return found[1]
    parts = [part.strip() for part in text.split(",")] if text else []
    while parts and len(parts) <= MAX_COMMAS and _place_or_date(parts[-1]):
        dropped = parts.pop()
        if parts and is_region(dropped) and could_be_city(parts[-1]):
            parts.pop()
    return ", ".join(parts).strip(" .")


def _place_or_date(part: str) -> bool:
    """"Berlin", "UK", "6–7 March 2001", "May 23-27": where and when an event was, not its name."""
    part = part.strip(" .")
    return is_place(part) or is_region(part) or bool(_EVENT_DATE.fullmatch(part))


def source_after_comma(text: str, draft: Draft, *, publisher: bool = True) -> tuple[str, str]:
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
    journal = journal_after_comma(text)
    if journal:
        title, found = journal
        draft.set(**found.values)
        draft.journal = True
        draft.warnings.extend(found.warnings + [slips.NO_PERIOD_AFTER_TITLE])
        return title, ""
    split = publisher_after_comma(text) if publisher else None
    if split:
        draft.warnings.append(slips.NO_PERIOD_BEFORE_PUBLISHER)
        return split[0], f"{split[1]}: {split[2]}" if split[1] else split[2]
    head, comma, place = text.rpartition(", ")
    if publisher and comma and head and is_place(place):  # "Soft drinks in Europe, London."
        draft.warnings.append(slips.NO_PERIOD_BEFORE_PUBLISHER)
        return head, place
    return text, ""


def reads_as_apa_journal(text: str) -> bool:
    """"Learning, Media and Technology, 39(1), 6–36": a journal with its volume, written the APA way."""
    trial = Draft()
    return read_journal(text.rstrip(". "), trial) and bool(trial.get("volume")) and not trial.warnings and not (
        _IN_AFTER_COMMA.search(text, 0, 3000) or _PRESENTED_AFTER_COMMA.search(text, 0, 3000))
