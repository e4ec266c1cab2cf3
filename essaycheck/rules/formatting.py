"""reference-format: each entry compared with the same work formatted in APA 7 (``essaycheck.formatting``),
and what an entry lacks or carries that no rendering shows."""

from __future__ import annotations

import difflib
import re
from dataclasses import replace

from ..citations.lexicon import MONTHS
from ..model import Reference, Severity
from ..names import fold
from ..references import names_a_publisher, slips
from ..references.journals import JOURNAL_WORDS
from ..link import given_names_as_family_names
from ..references.links import database_link
from .base import CheckContext, Finding, rule
from .capitalisation import proper
from .examples import BRAUN, RAJ, WENGER, essay
from .managed import bibliography_manager, made_by
from .wording import written_names

_CITE = "Networks matter (Raj et al., 2017), themes emerged (Braun & Clarke, 2006) and practice shapes identity (Wenger, 1998)."

# What an entry must have before its parsed fields can stand in for the work (no resolved record).
_REQUIRED = {
    "article-journal": ("title", "container_title", "volume"),
    "book": ("title",),
    "chapter": ("title", "container_title", "publisher"),
    "report": ("title",),
    "thesis": ("title", "publisher"),
    "paper-conference": ("title",),
    "webpage": ("title", "url"),
}
_MIN_SIMILARITY = 0.6  # below this the entry and the rendering are probably not read the same way

def _record_csl(ctx: CheckContext, index: int) -> dict | None:
    record = ctx.records.get(index) if ctx.records else None
    csl = record.get("csl") if isinstance(record, dict) else None
    return csl if isinstance(csl, dict) and csl else None


def expected_item(ref: Reference, record: dict | None) -> dict:
    """What the entry is compared with: see :func:`essaycheck.formatting.csl_items.best_item`."""
    from ..formatting.csl_items import best_item

    return best_item(ref, record)


def _trustworthy(ref: Reference, has_record: bool) -> bool:
    if has_record:
        return True
    if ref.warnings or ref.type not in _REQUIRED or not (ref.authors or ref.editors or ref.title):
        return False
    if ref.author_ellipsis:
        return False  # "…, . . . Last, Z." for 21+ authors is APA 7's own form; a rendering would list 20 names
    if not (ref.year_number is not None or ref.year.lower() in ("n.d.", "in press")):
        return False
    return all(getattr(ref, name) for name in _REQUIRED[ref.type])


def formatted(ctx: CheckContext) -> dict[int, tuple]:
    """Reference index -> (rendered entry, 'record' | 'entry') for the references worth comparing."""
    if "formatted" in ctx.memo:
        return ctx.memo["formatted"]
    from ..formatting import render_entries

    items, sources = [], {}
    for ref in ctx.references:
        if ctx.works[ref.index] != ref.index:
            continue  # a repeated entry is duplicate-reference's; rendering it would add a/b letters
        record = _record_csl(ctx, ref.index)
        if _trustworthy(ref, record is not None):
            items.append(expected_item(ref, record))
            sources[f"ref-{ref.index}"] = (ref.index, "record" if record else "entry")
    result: dict[int, tuple] = {}
    if items:
        try:
            entries = render_entries(items, keep=proper(ctx))
        except Exception:  # noqa: BLE001 - a third-party engine on student data must not stop the check
            entries = []
        for entry in entries:
            index, source = sources[entry.id]
            result[index] = (entry, source)
    ctx.memo["formatted"] = result
    return result


@rule("reference-format", Severity.WARNING, "An entry is not formatted the APA 7 way.",
      fires=[essay(_CITE, BRAUN, RAJ.replace("N. J., &", "N. J. &"), WENGER),
             essay(_CITE, BRAUN.replace("3(2)", "3 (2)"), RAJ, WENGER),
             essay(_CITE, BRAUN, RAJ, WENGER.replace("Wenger, E.", "Wenger, Etienne")),
             essay(_CITE, BRAUN, RAJ, "Wenger E 1998 Communities of practice"),
             essay(_CITE, BRAUN, RAJ, "Wenger, E. 1998. Communities of practice. Cambridge: Cambridge University Press.")],
      passes=[essay(_CITE, BRAUN, RAJ, WENGER),
              essay(_CITE, BRAUN, RAJ.replace("772–784", "772-784").replace("O. (2017)", "O.  (2017)"), WENGER),
              essay(_CITE, BRAUN, RAJ, WENGER, "Climate change and health. (2021, October 30). World Health "
                    "Organization. https://www.who.int/news-room/fact-sheets/detail/climate-change-and-health")])
def reference_format(ctx: CheckContext):
    """Each entry is compared, word by word, with the same work formatted in APA 7 from the DOI
    record (when it was looked up) or from what was read in the entry. White space, straight vs
    curly quotes and a hyphen for the en dash of a page range do not count.

    An entry written in another style (the year not in parentheses, names given first, "Journal
    12: 4-9") gets no rewritten entry, which could be wrong; it is told once what to change."""
    compared = formatted(ctx)
    reported = ctx.memo.setdefault("reference-format", set())
    for ref in ctx.references:
        for finding in _entry_format(ctx, ref, compared):
            reported.add(ref.index)
            manager = bibliography_manager(ctx, ref.location.paragraph)
            if manager:  # the entry is remade from the record at every refresh: the record is what to fix
                yield replace(finding, suggestion=None, message=f"{finding.message} {made_by(manager)}")
            else:
                yield finding


def _entry_format(ctx: CheckContext, ref: Reference, compared: dict):
    """reference-format's finding on one entry, if any."""
    advice = content_advice(ref)
    swapped = _swapped_names(ctx).get(ref.index)
    if swapped is not None:  # "Hongpin, L., Guanglin, L." cited as "Luo, Li"
        advice.append(f"the family names are written as given names: your text cites {written_names(swapped)}, "
                      "whose initials these are; write each author as family name, initials")
    if ref.index not in compared and (ref.authors or ref.editors or ref.title):
        advice = [slip_advice(ref)] + advice + _unrendered_advice(ref)
    rendered = compared.get(ref.index)
    changes = _rendered_changes(ref, *rendered) if rendered else None
    also = "; ".join(a for a in advice if a)
    if changes:
        entry, source = rendered
        origin = "the DOI record" if source == "record" else "your entry"
        extra = f"; also {also}" if also else ""
        # an entry over several paragraphs cannot be replaced in one: the entry is given to copy
        corrected = _with_student_year(entry.text, ref)  # its year letter is suffix-order's to change
        fix = None if spans_paragraphs(ref) else corrected
        yield Finding(f"Not quite APA 7: {changes}{extra}. The entry in APA 7 (from {origin}): {corrected}",
                      ref.location, reference=ref.index, suggestion=fix)
    elif also:
        yield Finding(f"Not quite APA 7: {also}.", ref.location, reference=ref.index)


def _swapped_names(ctx: CheckContext) -> dict:
    """Entry index -> a citation showing that the entry writes given names as family names."""
    if "swapped-names" not in ctx.memo:
        found = {}
        for citation, link, ref in ctx.linked():
            if link.quality == "author-mismatch" and ref is not None and given_names_as_family_names(citation, ref):
                found.setdefault(ref.index, citation)
        ctx.memo["swapped-names"] = found
    return ctx.memo["swapped-names"]


def _rendered_changes(ref: Reference, entry, source: str) -> str:
    """What differs between the entry and its APA 7 rendering, in words; "" when nothing (that counts) does."""
    from ..formatting.diff import dropped, summarize, title_words, word_changes

    written = ref.text if spans_paragraphs(ref) else ref.location.text  # the whole entry, every paragraph
    loose = title_words(entry.item.get("title", ""), entry.item.get("container-title", ""))
    changes = word_changes(_with_specific_fixes(written, ref), _with_student_year(entry.text, ref), loose)
    if not changes:
        return ""
    if difflib.SequenceMatcher(a=written, b=entry.text, autojunk=False).ratio() < _MIN_SIMILARITY:
        return ""  # the entry and the rendering are probably not read the same way
    summary = summarize(changes)
    if dropped(written, entry.text, summary) or _BROKEN_RENDERING.search(entry.text):
        return ""  # the rendering lost a number, link or name, or reads oddly: the entry was read incompletely
    return summary


# A rendering made from fields read wrongly: "Retrieved from Investopedia:.", "Retrieved from .", "..".
_BROKEN_RENDERING = re.compile(r":\.|\s\.(?!\s?\.)|\bfrom\s*\.|(?<!\.)\.\.(?!\.)")


_ABBREVIATED_WORD = re.compile(r"(?<![\w.])([A-Z][a-z]{1,8})\.(?=\s|,|$)")
_NOT_ABBREVIATIONS = frozenset({"St", "Inc", "Co", "Ltd", "Dr", "Mr", "Mrs", "Ms", "Jr", "Sr", "No", "Vol"})
# Words of the ISO 4 journal abbreviations that students copy from databases without periods.
_ISO4_WORDS = frozenset("""
Acad Adv Am Ann Appl Arch Assoc Behav Biol Br Bull Chem Clin Cogn Commun Comput Curr Dev Econ Educ Environ Fed
Eur Exp Healthc Hum Inf Int Lang Learn Manage Med Mem Natl Neurosci Nurs Pediatr Pers Pharmacol Philos Phys
Polit Pract Proc Psychiatr Psychol Q Res Rev Sci Soc Stud Technol Ther
""".split())
_RETRIEVED_FROM_SITE = re.compile(r"\bRetrieved\s+from\s+(?P<site>[^:/]{2,80}?):\s*(?P<url>https?://\S+)", re.IGNORECASE)
_PAGES_RUN_TOGETHER = re.compile(r"(\d{3,4})(\d{3,4})")


def content_advice(ref: Reference) -> list[str]:
    """What an entry lacks or shortens that no rewrite from the entry itself can restore."""
    advice = []
    container = ref.container_title
    if ref.type == "article-journal" and container:
        dotted = [w for w in _ABBREVIATED_WORD.findall(container)
                  if w not in _NOT_ABBREVIATIONS and (w in _ISO4_WORDS or len(w) <= 4)]
        words = container.replace(".", " ").split()
        iso = [w for w in words if w in _ISO4_WORDS]
        acronyms = [w for w in words if w.isupper() and len(w) >= 2]
        if dotted or len(iso) >= 2 or iso and acronyms:  # "Psychol. Sci.", "Healthc Manage Forum", "BMC Med Ethics"
            advice.append(f"write the journal's name in full, not abbreviated (“{container}”)")
        # its capitals are periodical-case's
    people = ref.authors or ref.editors
    if ref.type == "webpage" and not (people and people[0].is_group) and (people or ref.title) and not container and (
            ref.url) and (
            not ref.url.lower().endswith(".pdf")):  # a PDF is some other kind of work, not a page of a site
        advice.append("add the name of the website or newspaper after the title")
    if ref.title and (people or ref.year) and not (container or ref.publisher or ref.url or ref.doi or ref.genre) and (
            ref.type in ("other", "book", "article-journal")):
        advice.append("say where the work can be found: the journal with its volume and pages, the publisher, "
                      "or a DOI or link")
    if ref.type == "article" and not (ref.doi or ref.url):  # a preprint
        arxiv = _ARXIV_NUMBER.search(ref.text) if ref.publisher == "arXiv" else None
        if arxiv:
            advice.append(f"its link is https://doi.org/10.48550/arXiv.{arxiv.group()}")
        elif slips.PREPRINT_NUMBER not in ref.warnings:
            advice.append("end the entry with the preprint's DOI or link")
    locked = database_link(ref.url) if ref.url and not (ref.doi and ref.doi in ref.url.lower()) else ""
    if locked == "library login":  # (a DOI inside such a link is doi-format's)
        advice.append("leave out the link through your library's login, which readers cannot open: give the "
                      "DOI if the work has one, or the work's public address")
    elif locked == "database":
        advice.append("leave out the database link (APA 7 gives none for a work found in a research database "
                      "such as EBSCO, ProQuest or Ovid): give the DOI if the work has one")
    site = _RETRIEVED_FROM_SITE.search(ref.text)
    if site:  # Word's APA 6 form: "Retrieved from Investopedia: https://…"
        advice.append(f"write the site's name after the title and then the link alone, without “Retrieved from”: "
                      f"… {site.group('site')}. {site.group('url')}")
    if ref.type in ("book", "report", "other") and ref.pages and not container and "In " not in ref.text:
        # "Spacing effects (Vol. 53, pp. 63–147)": the pages of a chapter, its book left out
        advice.append(f"pages {ref.pages} belong to a chapter: give the book it is in, as In A. Editor (Ed.), "
                      f"Book title (pp. {ref.pages}). Publisher")
    if ref.type == "webpage" and site_repeats_author(ref) and fold(ref.container_title) != fold(ref.authors[0].literal):
        advice.append(f"leave out the site's name, “{ref.container_title}”: it repeats the author's")
    halves = container.split("/") if ref.type == "article-journal" else []
    if len(halves) == 2 and halves[1].strip().startswith(halves[0].strip()) and len(halves[0].strip()) > 3:
        advice.append(f"write the journal's name once: {halves[0].strip()}")  # "Continua/Continua (Print)"
    if _EVENT_AS_TITLE.match(ref.title):  # "2017 IEEE frontiers in education conference (FIE)"
        advice.append("the title is the conference's: give the paper's own title, then In and the proceedings' "
                      "title in italics with the pages")
    twice = next((a for k, a in enumerate(people) if not a.is_group and a.given and a in people[:k]), None)
    if twice is not None:  # "…, Asea, G., Asea, G., & …": a rendering would repeat it too
        advice.append(f"{twice.family}, {twice.given} is listed twice among the authors")
    if ref.type == "chapter" and _EBOOKS.fullmatch(ref.container_title):  # Google Scholar's "In Springer eBooks"
        advice.append(f"“In {ref.container_title}” names no book: for a whole book, give its title in italics and "
                      "its publisher; for a chapter, the book's editors, title and pages")
    elif ref.type == "chapter" and _JOURNAL_NAME.search(ref.container_title) and ref.volume:
        advice.append(f"“{ref.container_title}” is a journal: write the article as Journal Name, volume(issue), "
                      "pages, without “In” or “Vol.”")
    if fold(ref.issue) in MONTHS:  # "222(March)"
        advice.append(f"give the issue number in the parentheses after the volume, not the month ({ref.issue})")
    # what a reference manager left, which a rendering from the entry's fields would repeat
    if _BRACKETED_ARTICLE.search(ref.text) and ref.type == "article-journal":
        advice.append("leave out “[Article]”: a journal article needs no description in brackets")
    if _STRAY_IN.search(ref.text):
        advice.append("leave out the stray “In.”")
    if ref.publisher.islower() and names_a_publisher(ref.publisher.title()):
        advice.append(f"capitalise the publisher's name: {ref.publisher.title()}")
    fragment = _TEXT_FRAGMENT.search(ref.url) if ref.url else None
    if fragment:  # what a browser adds to highlight the words searched for
        advice.append(f"end the link before “{fragment.group()[:12]}…”: that part only highlights words in your "
                      "browser")
    run_together = _PAGES_RUN_TOGETHER.fullmatch(ref.pages or ref.article_number)
    if run_together and len(run_together.group(1)) == len(run_together.group(2)) and not (
            run_together.group(1).startswith("10")) and 0 < int(run_together.group(2)) - int(run_together.group(1)) < 100:
        # "268276" is 268–276; "106115" is an article number (Elsevier's start with 10)
        advice.append(f"put a dash in the page range: {run_together.group(1)}–{run_together.group(2)}")
    return advice


_EBOOKS = re.compile(r"(?:Springer|Elsevier|Routledge|Wiley|Palgrave|De Gruyter|CRC Press)\s+e-?Books", re.IGNORECASE)
_JOURNAL_NAME = re.compile(JOURNAL_WORDS.pattern, re.IGNORECASE)  # "In International journal of … (Vol. 129"
_PROCEEDINGS = re.compile(r"\b(?:Proceedings|Conference|Symposium|Workshop)\b", re.IGNORECASE)
_DAY_WITH_ZERO = re.compile(r"\b0\d\b")
_EVENT_AS_TITLE = re.compile(r"(?:19|20)\d\d\s.{0,80}\b(?:conference|symposium|workshop|congress)\b", re.IGNORECASE)
_BRACKETED_ARTICLE = re.compile(r"\[(?:Journal )?Article\]", re.IGNORECASE)
_STRAY_IN = re.compile(r"(?<=[.?!] )In\.(?=\s|$)")  # "… Technical Report. In." (EndNote)
_ARTICLE_ID = re.compile(r"\bArticle\s+ID\s*:?\s*([A-Za-z]?\d+)\b", re.IGNORECASE)
_TEXT_FRAGMENT = re.compile(r"#:~:text=\S*")
_ARXIV_NUMBER = re.compile(r"(?<![\d.])\d{4}\.\d{4,5}(?!\d)")


def _unrendered_advice(ref: Reference) -> list[str]:
    """What an entry that is not compared with its APA 7 rendering gets wrong that the rendering would
    have shown: a journal article's month, "Article" before its number, a link in quotation marks."""
    advice = []
    if ref.date_extra and ref.year_number and (ref.type == "article-journal" and ref.volume or ref.type in (
            "chapter", "paper-conference") and _PROCEEDINGS.search(ref.container_title)):
        what = "a journal article" if ref.type == "article-journal" else "a paper in published proceedings"
        advice.append(f"give only the year for {what}: ({ref.year_number}{ref.year_suffix}), not "
                      f"({ref.year}, {ref.date_extra})")
    elif _DAY_WITH_ZERO.search(ref.date_extra):
        advice.append(f"write the day without a leading zero ({ref.date_extra})")
    if ref.type == "article-journal" and ref.article_number and not re.search(
            rf"\bArticle\s+{re.escape(ref.article_number)}", ref.text, re.IGNORECASE):
        advice.append(f"write the article number as Article {ref.article_number}")
    article_id = _ARTICLE_ID.search(ref.text)
    if article_id:  # "…, 2021, Article ID 5566712"
        advice.append(f"write the article number as Article {article_id.group(1)}, without “ID”")
    if ref.url and re.search(rf"['\"‘“]{re.escape(ref.url[:30])}", ref.text):
        advice.append("take the quotation marks off the link")
    return advice


def slip_advice(ref: Reference) -> str:
    """What to change in an entry written in another style, from what the parser noticed."""
    people = ref.authors or ref.editors
    # a line with neither names nor date may be no entry at all ("Top of Form"): say nothing of its date
    found = [advice for slip, advice in slips.ADVICE.items() if slip in ref.warnings
             and (people or slip != slips.NO_DATE)]
    if not found:
        return ""
    first = people[0] if people else None
    if first is not None and not first.is_group and len(first.family.split()) <= 2:
        initials = " ".join(f"{part[0]}." for part in first.given.replace(".", " ").replace("-", " ").split() if part)
        name = f"{first.family}, {initials}" if initials else first.family
    else:
        name = "Smith, J. A."
    family = first.family if first is not None and first.family else "Smith"
    year = ref.year if ref.year_number or ref.year.startswith("n.d") else "2020"
    return "; ".join(found).format(name=name, family=family, year=year)


def _with_specific_fixes(written: str, ref: Reference) -> str:
    """The entry with what doi-format and retrieved-from already report put right, so it is said once."""
    if ref.doi and ref.doi_text:
        written = written.replace(ref.doi_text, f"https://doi.org/{ref.doi}")
    if ref.retrieved_from and not ref.retrieved:
        written = re.sub(r"\bRetrieved from\s+", "", written, flags=re.IGNORECASE)
    return written


def _with_student_year(rendered: str, ref: Reference) -> str:
    """The rendering with the student's own year letter: a missing or misplaced a/b is suffix-needed's
    or suffix-order's to report, once, with the citations."""
    if ref.year_number is None:
        return rendered
    return re.sub(rf"\({ref.year_number}[a-z]?\b", f"({ref.year_number}{ref.year_suffix}", rendered, count=1)


def site_repeats_author(ref: Reference) -> bool:
    """A group's page whose site name is, or holds, the group's name: "WHO | World Health Organization"."""
    group = ref.authors[0].literal if ref.authors and ref.authors[0].is_group else ""
    return bool(group and ref.container_title) and fold(group) in fold(ref.container_title)


def spans_paragraphs(ref: Reference) -> bool:
    """Whether the entry runs on past its first paragraph (its italics may be in the next one)."""
    return len(ref.text) > len(" ".join(ref.location.text.split())) + 1
