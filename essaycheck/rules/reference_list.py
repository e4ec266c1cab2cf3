"""Rules about the reference list itself (APA 7, chapters 9 and 10)."""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import Location, Reference, Severity
from ..references import slips
from ..names import fold, fold_words
from .base import CheckContext, Finding, rule
from .examples import BRAUN, GRANOVETTER, PAGE, RAJ, WENGER, essay
from .ordering import reference_sort_key

_CITE_ALL = "Networks matter (Braun & Clarke, 2006; Granovetter, 1973; Page Group, 2022; Raj et al., 2017; Wenger, 1998)."


def part_of(ref: Reference, snippet: str) -> Location:
    """The location of ``snippet`` inside the entry (the whole entry when it is not found)."""
    where = ref.location.text.find(snippet) if snippet else -1
    if where < 0:
        return ref.location
    start = ref.location.start + where
    return replace(ref.location, start=start, end=start + len(snippet), text=snippet)


@rule("reference-order", Severity.WARNING, "The reference list is not in alphabetical order.",
      fires=[essay(_CITE_ALL, RAJ, BRAUN, GRANOVETTER, PAGE, WENGER)],
      passes=[essay(_CITE_ALL, BRAUN, GRANOVETTER, PAGE, RAJ, WENGER)])
def reference_order(ctx: CheckContext):
    """Entries are ordered alphabetically by the first author's family name, letter by letter
    ("nothing precedes something": Brown before Browning), then by the next authors, then by year."""
    # (an entry led by a label, "Cognitive Load Theory: Sweller, J.", is placed by the label: its place is
    # reference-format's to settle with the label)
    comparable = [(reference_sort_key(ref), ref) for ref in ctx.references if (ref.family_names or ref.title)
                  and slips.LABEL_BEFORE_AUTHORS not in ref.warnings]
    for (previous_key, previous), (key, ref) in zip(comparable, comparable[1:]):
        if previous_key > key and ctx.sections.list_of(previous.location.paragraph) == ctx.sections.list_of(
                ref.location.paragraph):  # a second list (for an appendix) is sorted on its own
            same_list = ctx.sections.list_of(ref.location.paragraph)
            before = next(r for k, r in comparable if k > key and ctx.sections.list_of(r.location.paragraph) == same_list)
            yield Finding(
                f"This entry is out of alphabetical order: it belongs before the entry starting "
                f"“{before.text[:40].strip()}…”. Sort the list by the first author's family name.",
                ref.location, reference=ref.index)


# A DOI inside a publisher's page address or a library proxy's: ".../doi/full/10.1080/…", "doi-org.proxy.edu/10.…"
_DOI_IN_LINK = re.compile(r"(?:/doi/(?:abs/|full/|pdf/|epdf/|book/)?|//doi-org\.[\w.-]+/)(?P<doi>10\.\d{4,9}/[^\s?#]+)",
                          re.IGNORECASE)


@rule("doi-format", Severity.WARNING, "A DOI is not written as https://doi.org/….",
      fires=[essay("Themes emerged (Braun & Clarke, 2006).", BRAUN.replace("https://doi.org/", "doi:")),
             essay("Themes emerged (Braun & Clarke, 2006).",
                   BRAUN.replace("https://doi.org/", "https://www.tandfonline.com/doi/full/")),
             essay("Themes emerged (Braun & Clarke, 2006).", BRAUN.replace("https://doi.org/", "http://dx.doi.org/"))],
      passes=[essay("Themes emerged (Braun & Clarke, 2006).", BRAUN),
              essay("Themes emerged (Braun & Clarke, 2006).",
                    BRAUN.replace("https://doi.org/10.1191/1478088706qp063oa", "https://example.org/doi-policy/"))])
def doi_format(ctx: CheckContext):
    """APA 7 writes every DOI as a link: https://doi.org/10.xxxx/yyyy (no “doi:” label, no dx.)."""
    for ref in ctx.references:
        if ref.doi and ref.doi_text and not ref.doi_text.startswith("https://doi.org/10."):
            fixed = f"https://doi.org/{ref.doi}"
            yield Finding(
                f"Write the DOI as a link: {fixed} (APA 7 uses neither “doi:” nor “dx.doi.org”).",
                part_of(ref, ref.doi_text), reference=ref.index, suggestion=fixed)
        elif not ref.doi and (in_link := _DOI_IN_LINK.search(ref.url)):
            fixed = f"https://doi.org/{in_link.group('doi').rstrip('.').lower()}"
            yield Finding(
                f"This link holds the work's DOI: give it as {fixed} instead (APA 7 prefers the DOI to a "
                "publisher's or library's link).", part_of(ref, ref.url), reference=ref.index, suggestion=fixed)


@rule("retrieved-from", Severity.WARNING, "“Retrieved from” without a date, an APA 6 habit.",
      fires=[essay("Networks matter (Page Group, 2022).", PAGE.replace("important. https", "important. Retrieved from https"))],
      passes=[essay("Networks matter (Page Group, 2022).", PAGE),
              essay("Networks matter (Page Group, 2022).",
                    PAGE.replace("important. https", "important. Retrieved March 3, 2023, from https"))])
def retrieved_from(ctx: CheckContext):
    """APA 7 gives the URL alone. “Retrieved … from” is used only with a retrieval date, for pages
    that are designed to change."""
    for ref in ctx.references:
        if ref.retrieved_from and not ref.retrieved:
            match = re.search(r"Retrieved from\s+", ref.location.text, re.IGNORECASE)
            snippet = match.group(0) if match else ""
            yield Finding(
                "Delete “Retrieved from” and give the URL on its own: APA 7 dropped those words "
                "(keep them only with a retrieval date, for pages that change over time).",
                part_of(ref, snippet), reference=ref.index, suggestion="" if snippet else None)


@rule("duplicate-reference", Severity.WARNING, "The same work is listed twice.",
      fires=[essay("Themes emerged (Braun & Clarke, 2006).", BRAUN, BRAUN)],
      passes=[essay("Themes emerged (Braun & Clarke, 2006).", BRAUN)])
def duplicate_reference(ctx: CheckContext):
    """Each work appears once in the reference list, however often it is cited."""
    for ref in ctx.references:
        first = ctx.works[ref.index]
        if first != ref.index:
            yield Finding(
                f"This entry repeats entry {first + 1} of your list. Delete one of them.",
                ref.location, reference=ref.index, suggestion="")


@rule("suffix-needed", Severity.ERROR, "Two works by the same authors in the same year without a, b.",
      fires=[essay("Ties matter (Granovetter, 1973).", GRANOVETTER,
                   "Granovetter, M. S. (1973). Getting a job: A study of contacts and careers. Harvard University Press.")],
      passes=[essay("Ties matter (Granovetter, 1973a, 1973b).",
                    "Granovetter, M. S. (1973a). Getting a job: A study of contacts and careers. Harvard University Press.",
                    GRANOVETTER.replace("(1973)", "(1973b)")),
              # same surname, different initials: two authors, told apart by initials in the text, not letters
              essay("Spaces differ (E. Smith, 2019; J. Smith, 2019).",
                    "Smith, E. (2019). Libraries as learning spaces. Library Trends, 67(3), 400–415.",
                    "Smith, J. (2019). Learning spaces in schools. Educational Researcher, 48(2), 90–98.")])
def suffix_needed(ctx: CheckContext):
    """Works by the same authors in the same year get letters after the year (2019a, 2019b),
    assigned in the order of their titles, in the list and in every citation."""
    groups: dict[tuple, list[Reference]] = {}
    for ref in ctx.references:
        if ref.family_names and ref.year_number is not None and ctx.works[ref.index] == ref.index:
            groups.setdefault((_same_authors_key(ref), ref.year.casefold()), []).append(ref)  # repeats aside
    for refs in groups.values():
        if len(refs) < 2:
            continue
        ordered = sorted(refs, key=_title_order)
        for letter, ref in zip("abcdefghijklmnopqrstuvwxyz", ordered):
            year = f"{ref.year_number}{letter}"
            yield Finding(
                f"You list {len(refs)} works by the same author(s) from {ref.year}. Tell them apart with "
                f"letters in title order: this one is ({year}). Use {year} in its citations too.",
                _year_in(ref), reference=ref.index, suggestion=year)


@rule("suffix-order", Severity.WARNING, "The letters after the same year (2019a, 2019b) are not in title order.",
      fires=[essay("Ties matter (Granovetter, 1973a, 1973b).",
                   "Granovetter, M. S. (1973b). Getting a job: A study of contacts and careers. Harvard University Press.",
                   GRANOVETTER.replace("(1973)", "(1973a)"))],
      passes=[essay("Ties matter (Granovetter, 1973a, 1973b).",
                    "Granovetter, M. S. (1973a). Getting a job: A study of contacts and careers. Harvard University Press.",
                    GRANOVETTER.replace("(1973)", "(1973b)"))])
def suffix_order(ctx: CheckContext):
    """APA 7 gives the letters in the order of the titles (ignoring A, An and The): the first title
    alphabetically gets "a". Swapped letters are said once, with the change for every entry, and the
    citations must follow."""
    groups: dict[tuple, list[Reference]] = {}
    for ref in ctx.references:
        if ref.family_names and ref.year_number is not None and ref.year_suffix and ctx.works[ref.index] == ref.index:
            groups.setdefault((_same_authors_key(ref), ref.year_number), []).append(ref)
    for refs in groups.values():
        if len(refs) < 2:
            continue
        ordered = sorted(refs, key=_title_order)
        wanted = {ref.index: letter for ref, letter in zip(ordered, sorted(r.year_suffix for r in refs))}
        wrong = [ref for ref in refs if wanted[ref.index] != ref.year_suffix]
        if not wrong:
            continue
        changes = "; ".join(f"“{_short(ref.title)}” is {ref.year_number}{wanted[ref.index]}" for ref in ordered)
        yield Finding(
            f"The letters after {refs[0].year_number} are on the wrong entries: APA 7 gives them in the order of "
            f"the titles ({changes}). Change them in the list and in the citations of these works.",
            _year_in(wrong[0]), reference=wrong[0].index)


def _title_order(ref: Reference) -> str:
    return fold_words(re.sub(r"^(a|an|the)\s+", "", ref.title, flags=re.I))


def _short(title: str, words: int = 6) -> str:
    parts = title.split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


def _same_authors_key(ref: Reference) -> tuple:
    """Family names with first initials: "Smith, E." and "Smith, J." are different authors (APA 7)."""
    people = ref.authors or (ref.editors if ref.editors_as_authors else ())
    return tuple((fold(a.name), fold(a.given[:1])) for a in people)


def _year_in(ref: Reference) -> Location:
    """The year inside the entry's date brackets: "2000" in "(2000)." or "(2000, May 3)."."""
    where = part_of(ref, f"({ref.year}")
    if where is ref.location:
        return where
    return replace(where, start=where.start + 1, text=where.text[1:])


@rule("et-al-in-reference", Severity.WARNING, "“et al.” in a reference-list entry.",
      fires=[essay("Identity matters (Raj et al., 2017).", RAJ.replace("Fast, N. J., & Fisher, O.", "et al."))],
      passes=[essay("Identity matters (Raj et al., 2017).", RAJ)])
def et_al_in_reference(ctx: CheckContext):
    """The reference list names up to 20 authors; “et al.” belongs only in the text."""
    for ref in ctx.references:
        cut = ref.location.text.find("(")
        head = ref.authors_text or ref.location.text[:max(cut, 0)]  # "F. Giuste, W. Shi, et al. Title …" has no "("
        match = re.search(r"\bet al\.?", head)
        if match:
            yield Finding(
                "Write out every author's name here (up to 20): “et al.” is used only in the text, "
                "never in the reference list.", part_of(ref, match.group(0)), reference=ref.index)


@rule("ampersand-in-reference", Severity.WARNING, "No “&” before the last author of an entry.",
      fires=[essay("Identity matters (Raj et al., 2017).", RAJ.replace("& Fisher", "and Fisher"))],
      passes=[essay("Identity matters (Raj et al., 2017).", RAJ), essay("Ties matter (Granovetter, 1973).", GRANOVETTER),
              essay("Identity matters (Raj et al., 2017).", RAJ.replace(", & Fisher, O.", ", et al."))])
def ampersand_in_reference(ctx: CheckContext):
    """In the reference list the last author is preceded by “&”: Raj, M., Fast, N. J., & Fisher, O."""
    for ref in ctx.references:
        people = [a for a in ref.authors if not a.is_group]
        if len(people) < 2 or ref.author_ellipsis or not ref.authors_text or slips.AUTHOR_NAMES in ref.warnings:
            continue  # names in another style are reference-format's to report, "&" with the rest
        if re.search(r"\bet\.?\s*al\b", ref.authors_text):
            continue  # "…, Riegler, M., et al.": et-al-in-reference says to write every name (with "&")
        if "&" not in ref.authors_text:
            match = re.search(r",?\s+and\s+", ref.authors_text)
            snippet = match.group(0) if match else ""
            yield Finding(
                "Put “&” (not “and”) before the last author's name in the reference list.",
                part_of(ref, snippet), reference=ref.index, suggestion=", & " if snippet else None)


@rule("pages-prefix-in-article", Severity.WARNING, "“pp.” before the pages of a journal article.",
      fires=[essay("Identity matters (Raj et al., 2017).", RAJ.replace("43(6), 772", "43(6), pp. 772"))],
      passes=[essay("Identity matters (Raj et al., 2017).", RAJ)])
def pages_prefix_in_article(ctx: CheckContext):
    """Journal article pages follow the volume and issue with no “p.” or “pp.”: 43(6), 772–784."""
    for ref in ctx.references:
        # "43(6), pp. 772", and as Elsevier writes it, "Neurocomputing, 339 (2019), pp. 66-76"
        pattern = _PAGES_AFTER_ISSUE if ref.type == "article-journal" else _PAGES_AFTER_VOLUME_AND_YEAR
        match = pattern.search(ref.location.text)
        if match:
            yield Finding(_PAGES_PREFIX, part_of(ref, match.group(1)), reference=ref.index, suggestion="")
        elif pattern.search(ref.text):  # in a later paragraph of the entry: said of the entry as a whole
            yield Finding(_PAGES_PREFIX, ref.location, reference=ref.index)


_PAGES_PREFIX = "Delete “pp.” before the page numbers: journal articles give the pages alone."
_PAGES_AFTER_ISSUE = re.compile(r"\)\s*,\s*(pp?\.\s*)\d")
_PAGES_AFTER_VOLUME_AND_YEAR = re.compile(r",\s*\d{1,4}\s*\((?:19|20)\d\d\)\s*,\s*(pp?\.\s*)\d+\s*[-‐–]\s*\d")
