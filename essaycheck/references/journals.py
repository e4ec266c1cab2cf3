"""A journal as the source: "Journal, 43(6), 772–784" the APA way, another style's form (read by
:mod:`.source`), and a journal that only a comma separates from the title."""

from __future__ import annotations

import re

from . import slips
from .authors import is_title_case
from .draft import Draft
from .sentences import MAX_COMMAS, abbreviated, split_sentence
from .source import JournalSource, read_journal_leniently
from .titles import IN_PREFIX

_VOLUME_ISSUE = re.compile(
    r"(?:Vol\.\s*)?(?P<volume>[A-Za-z]?\d+[A-Za-z]?(?:[-–]\d+)?|[IVXLC]{2,7}|[IVX])?\s*(?:\((?P<issue>[^()]{1,30})\))?"
)
_PAGES = re.compile(
    r"(?:pp?\.\s*)?(?P<pages>[A-Za-z]{0,3}\d+[A-Za-z]?(?:\s*[-‐–—]\s*[A-Za-z]{0,3}\d+[A-Za-z]?)?)"
)
_ARTICLE = re.compile(r"(?:Article|Art\.)(?:\s+(?:No\.?|ID:?))?\s+(?P<number>\S+)", re.IGNORECASE)  # "Article ID 5566712" too
_ELOCATOR = re.compile(r"e\d{4,}|[a-z]{3,6}\d{3,}")  # e0149158, zmac036: article numbers, not pages
_LABELLED_NUMBER = re.compile(r"\b(?:Vol|No|Nr|Issue|Num)\.?\s*\d", re.IGNORECASE)
_BRACKET_NOTE = re.compile(r"\s*\[[^\[\]]{1,40}\]")
_NUMBERS_ONLY = re.compile(r"\d{1,4}\s*(?:\([^()]{1,20}\))?")
_VOLUME_WITHOUT_COMMA = re.compile(r"\s(?:\d{1,4}|[IVXLC]{1,7})\s*(?:\([^()]{1,20}\))?$")
_NOT_A_VOLUME = re.compile(r"\d+\s*[-‐–]\s*\d+|0\d{4,}|\d{5,}")  # a page range, an article number
# A source named like a journal is one even without volume and pages (in-press articles).
JOURNAL_WORDS = re.compile(r"\b(?:Journal|Quarterly|Bulletin|Review|Annals|Letters|Transactions)\b")
_NOTE_AT_END = re.compile(r"\s*\((?=[^()]*\s\S)[^()]{8,300}\)\.?$")
_YEAR_ONLY = re.compile(r"1[5-9]\d\d|20\d\d")


# Publishers whose every article has a number instead of pages: MDPI, Frontiers, BMC, PLOS, PeerJ,
# eLife, Scientific Reports, Nature Communications.
_NUMBERED_ARTICLES = ("10.3390/", "10.3389/", "10.1186/", "10.1371/", "10.7717/", "10.7554/",
                      "10.1038/s41598-", "10.1038/s41467-")


# DOI prefixes that only journal articles carry: Elsevier's journal series ("10.1016/j.bspc…"), MDPI,
# Frontiers, BMC, PLOS, SAGE and Taylor & Francis journals, Springer's ("10.1007/s…") and Wiley's.
_JOURNAL_DOI = re.compile(r"10\.(?:1016/(?:j\.|S\d)|3390/(?!books)|3389/|1186/|1371/journal\.|1177/\d|1080/\d|"
                          r"1007/s\d|1111/|1037/|1038/s41|1136/|2196/)", re.IGNORECASE)


def is_journal_doi(doi: str) -> bool:
    """Whether a DOI can only be a journal article's ("10.1016/j.eswa.2023.120581", "10.3390/s20030592")."""
    return bool(_JOURNAL_DOI.match(doi))


def is_article_number(number: str, doi: str = "") -> bool:
    """Whether a lone number after the volume is an article number ("11(5), 054006") and not a
    one-page article's page ("192(4797), 93"): a leading zero, five digits or more (unless it is a
    page range without its dash, "34, 268276"), or a publisher that numbers every article."""
    if not number.isdigit():
        return False
    if number[0] == "0" and len(number) >= 3 or doi.lower().startswith(_NUMBERED_ARTICLES):
        return True
    half = len(number) // 2
    run_together = len(number) % 2 == 0 and not number.startswith("10") and (
        0 < int(number[half:]) - int(number[:half]) < 100)
    return len(number) >= 5 and not run_together


def read_journal(source: str, draft: Draft) -> bool:
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
        key = "article_number" if is_article_number(pages.group("pages"), str(draft.get("doi"))) else "pages"
        found[key] = pages.group("pages")
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
            set_journal(draft, lenient)
            return True
        draft.warnings.append(slips.JOURNAL_FORM)
    draft.set(container_title=journal, **found)
    draft.journal = True
    return True


def read_journal_sentences(sentences: list[str], draft: Draft) -> list[str] | None:
    """The shortest run of final sentences that reads as a journal; the sentences before it, or None."""
    for k in range(len(sentences) - 1, -1, -1):
        journal = read_journal_leniently(". ".join(sentences[k:]))
        if journal is None:
            continue
        while k > 0 and abbreviated(sentences[k - 1]):
            k -= 1  # "J. Exp. Psychol. Learn. Mem. Cogn., 12" was cut at each abbreviation
            journal = read_journal_leniently(". ".join(sentences[k:])) or journal
        set_journal(draft, journal)
        return sentences[:k]
    return None


def set_journal(draft: Draft, journal: JournalSource) -> None:
    """Record a journal read leniently, with the warning that it is not written the APA way."""
    draft.set(container_title=journal.container, volume=journal.volume, issue=journal.issue,
              pages=journal.pages, article_number=journal.article_number, date_extra=journal.season)
    draft.journal = True
    draft.warnings.append(slips.JOURNAL_FORM)


def journal_after_comma(text: str) -> tuple[str, Draft] | None:
    """("Title", the journal read) from "Title, Journal of X, 84(4), 833-850" or "Title, in: Journal 5, 3-9".

    Titles and journal names both hold commas. A journal's name is written in title case; of the
    places it could start, the first whose name has a word like "Journal" or "Review" in its first
    part is taken, else the last (a name without such a word seldom has a comma)."""
    found: list[tuple[str, Draft, str]] = []
    for comma in [m.start() for m in re.finditer(",", text)][:MAX_COMMAS]:
        title, source = text[:comma].strip(), text[comma + 1:].strip()
        trial = Draft()
        if not title or not (read_journal(source, trial) or read_journal_sentences([source], trial) is not None):
            continue
        name = IN_PREFIX.sub("", str(trial.get("container_title")), count=1)
        located = trial.get("pages") or trial.get("issue") or trial.get("article_number") or (
            JOURNAL_WORDS.search(name) and not _YEAR_ONLY.fullmatch(str(trial.get("volume"))))
        if located and is_title_case(name) and not any(c in name for c in ":?!") and len(name.split()) <= 15:
            found.append((title, trial, name))
    if not found:
        return None
    named = [(title, trial) for title, trial, name in found if JOURNAL_WORDS.search(name.split(",")[0])]
    return named[0] if named else found[-1][:2]


def without_note_after_journal(text: str, draft: Draft) -> str:
    """"Journal, 1, 342-343 (reprinted in Other Journal, 45, 9-13)": the note in parentheses after a
    journal is not part of it."""
    note = _NOTE_AT_END.search(text, max(0, len(text) - 400))
    head = text[:note.start()].rstrip(" .,;") if note else ""
    if head and (read_journal(head, Draft()) or read_journal_leniently(head)):
        draft.warnings.append("note in parentheses after the journal")
        return head
    return text
