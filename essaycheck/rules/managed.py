"""Rules for essays written with a reference manager (Zotero, Mendeley, EndNote, Word's own): the
citations and bibliography it inserted, and the records behind them (see :mod:`essaycheck.managers`)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..managers.csljson import first_family, item_key, year_of
from ..model import Diagnostic, Severity
from ..names import fold, fold_words
from .base import CheckContext, Finding, rule
from .examples import BRAUN, RAJ, WENGER, managed_essay
from .wording import quote

# Where, in each manager, a citation is changed and a bibliography refreshed.
EDIT = {"Zotero": "Zotero tab > Add/Edit Citation", "Mendeley": "click the citation, then Edit in Mendeley Cite",
        "EndNote": "EndNote tab > Edit & Manage Citation(s)", "Word": "click the citation, then Edit Citation"}
REFRESH = {"Zotero": "Zotero tab > Refresh", "Mendeley": "Mendeley Cite > Refresh, or Mendeley tab > Refresh",
           "EndNote": "EndNote tab > Update Citations and Bibliography",
           "Word": "click the bibliography, then Update Citations and Bibliography"}
INSERT = {"Zotero": "Zotero tab > Add/Edit Citation", "Mendeley": "Mendeley Cite > Insert citation",
          "EndNote": "EndNote tab > Insert Citation", "Word": "References tab > Insert Citation"}
_CITE = "Networks shape careers ⟦Zotero RAJ⟧(Raj et al., 2017)⟦/⟧"


def bibliography_manager(ctx: CheckContext, paragraph: int) -> str:
    """The manager whose bibliography holds this paragraph ("" when none does)."""
    managed = ctx.managed
    if managed is None:
        return ""
    return next((b.manager for b in managed.bibliographies if b.first <= paragraph <= b.last), "")


def made_by(manager: str) -> str:
    """What to say of an entry a reference manager made from its record."""
    return (f"{manager} made this entry from your record of the work: make the change in the record in {manager} "
            f"and refresh the bibliography ({REFRESH[manager]}); a change typed into the entry is undone at the "
            "next refresh.")


# Lookups whose fix is a change to the entry's content, which a manager makes from its record.
RECORD_FIXES = frozenset({"missing-doi", "missing-publisher", "metadata-mismatch", "doi-not-found", "doi-mismatch",
                          "broken-url", "redirected-url"})


def lookups_on_records(problems: list[Diagnostic], ctx: CheckContext) -> list[Diagnostic]:
    """The lookups' findings, those on an entry a manager made told to fix the record, not the text."""
    if _managed(ctx) is None:
        return problems
    advised = []
    for problem in problems:
        manager = bibliography_manager(ctx, problem.location.paragraph) if (
            problem.rule in RECORD_FIXES and problem.location is not None) else ""
        advised.append(replace(problem, message=f"{problem.message} {made_by(manager)}") if manager else problem)
    return advised


def _managed(ctx: CheckContext):
    managed = ctx.managed
    return managed if managed is not None and (managed.citations or managed.bibliographies) else None


@rule("edited-citation", Severity.WARNING, "A citation a reference manager inserted was typed over and no longer "
      "matches its record.",
      fires=[managed_essay('Networks shape careers ⟦Zotero RAJ "(Raj et al., 2017)"⟧(Raj, 2016)⟦/⟧.', RAJ),
             managed_essay('Networks shape careers ⟦Zotero RAJ "(Raj et al., 2017)"⟧(Braun & Clarke, 2006)⟦/⟧.',
                           RAJ, BRAUN, bibliography=False)],
      passes=[managed_essay(f"{_CITE}.", RAJ),
              # turned into a narrative citation of the same work: still the record's
              managed_essay('As ⟦Zotero RAJ "(Raj et al., 2017)"⟧Raj et al. (2017)⟦/⟧ show, networks matter.', RAJ)],
      examples_kind="managed")
def edited_citation(ctx: CheckContext):
    """A reference manager rewrites its citations from their records whenever it refreshes the
    document: a citation typed over is put back (or, if the manager was told to keep the change,
    never updated again). A change that keeps the record's names and year (a parenthetical made
    narrative) is fine; one that names other authors, another year or another number of works no
    longer says what the record says."""
    managed = _managed(ctx)
    if managed is None or ctx.managed_links is None:
        return
    by_field: dict[int, list[int]] = {}
    for citation, (field, _item) in ctx.managed_links.cites.items():
        by_field.setdefault(field, []).append(citation)
    for number, field in enumerate(managed.citations):
        if not field.written or _same_text(field.location.text, field.written):
            continue
        citations = [ctx.citations[i] for i in by_field.get(number, [])]
        if _agrees(citations, field):
            continue
        works = "; ".join(_named(item) for item in field.items)
        yield Finding(
            f"This citation was inserted by {field.manager} and then typed over: {field.manager} wrote "
            f"{quote(field.written)}, the text now says {quote(field.location.text)}, which does not match the work "
            f"{field.manager} cites ({works}). {field.manager} will undo your change when it updates the document. "
            f"Change the citation in {field.manager} instead ({EDIT[field.manager]}), or correct the record in "
            f"your library if it is the record that is wrong.", field.location, suggestion=field.written)


def _same_text(shown: str, written: str) -> bool:
    return " ".join(shown.split()).strip(" ;,") == " ".join(written.split()).strip(" ;,")


def _agrees(citations, field) -> bool:
    """Whether the citations read in the field's text name the field's works (names and years)."""
    if len(citations) != len(field.items) or any(not c.authors or not c.bracketed for c in citations):
        return False
    wanted = sorted((fold(first_family(item)), str(year_of(item))) for item in field.items)
    found = sorted((fold(c.authors[0]), c.year[:4]) for c in citations)
    return wanted == found


def word_style_fields(ctx: CheckContext) -> dict[int, object]:
    """The citations (by number) Word's References tab wrote in another style than APA 7:
    "(Given Surname, Title, 2022)"."""
    if "word-style" not in ctx.memo:
        managed = _managed(ctx)
        ctx.memo["word-style"] = {
            number: field for number, field in enumerate(managed.citations if managed is not None else ())
            if field.manager == "Word" and any(_shows_more_than_apa(fold_words(field.location.text), item)
                                               for item in field.items)}
    return ctx.memo["word-style"]


def in_word_style_field(ctx: CheckContext, citation: int) -> bool:
    """Whether the citation is part of one Word wrote in another style (that finding says all)."""
    found = ctx.managed_links.cites.get(citation) if ctx.managed_links is not None else None
    return found is not None and found[0] in word_style_fields(ctx)


def word_style_citations(ctx: CheckContext):
    """Citations Word's References tab wrote in another style than APA 7, with the APA form."""
    for field in word_style_fields(ctx).values():
        right = "(" + "; ".join(_apa_citation(item) for item in field.items) + ")"
        yield Finding(f"Word wrote this citation in another style than APA 7: {quote(field.location.text)}; APA 7 "
                      f"writes {right}. Choose APA in the References tab (Style: APA) and Word rewrites every citation "
                      f"it made; or write this one by hand as {right}.", field.location, suggestion=right)


def _shows_more_than_apa(shown: str, item: dict) -> bool:
    """Whether a citation's text holds the work's title or an author's given name, as APA 7's never does."""
    title = fold_words(item.get("title", "")).split()
    if len(title) >= 2 and " ".join(title[:3]) in shown:
        return True
    return any(len(given) > 2 and f"{given} {fold_words(person.get('family', ''))}" in shown
               for person in item.get("author") or [] for given in [fold_words(person.get("given", ""))])


def _apa_citation(item: dict) -> str:
    people = item.get("author") or item.get("editor") or []
    names = [p.get("family") or p.get("literal") or "" for p in people]
    if not names:
        lead = f"“{item.get('title', '')}”"
    elif len(names) >= 3:
        lead = f"{names[0]} et al."
    else:
        lead = " & ".join(names)
    return f"{lead}, {year_of(item) or 'n.d.'}"


def _named(item: dict) -> str:
    people = item.get("author") or item.get("editor") or []
    name = first_family(item) or "no author"
    return f"{name}{' et al.' if len(people) >= 3 else ''} ({year_of(item) or 'n.d.'})"


@rule("unlinked-citation", Severity.WARNING, "A citation typed by hand in an essay that cites with a reference "
      "manager.",
      fires=[managed_essay(f"{_CITE}, and so do communities ⟦Zotero WENGER⟧(Wenger, 1998)⟦/⟧; "
                           "themes recur (Braun & Clarke, 2006).", RAJ, WENGER, BRAUN)],
      passes=[managed_essay(f"{_CITE}, and so do communities ⟦Zotero WENGER⟧(Wenger, 1998)⟦/⟧.", RAJ, WENGER),
              managed_essay("Networks shape careers (Raj et al., 2017), communities (Wenger, 1998) and themes "
                            "⟦Zotero BRAUN⟧(Braun & Clarke, 2006)⟦/⟧.", RAJ, WENGER, BRAUN, bibliography=False)],
      examples_kind="managed")
def unlinked_citation(ctx: CheckContext):
    """In an essay that cites with a reference manager, a citation typed by hand is one the manager
    does not know: it is left out of the bibliography the manager makes and never updated. Said
    only when the manager inserted at least two citations and most of them."""
    managed = _managed(ctx)
    if managed is None or ctx.managed_links is None or len(managed.citations) < 2:
        return
    by_manager = set(ctx.managed_links.cites)
    typed = [i for i, c in enumerate(ctx.citations)
             if i not in by_manager and c.bracketed and c.role == "work"]
    if len(typed) * 2 > len(ctx.citations):
        return  # mostly typed by hand: the manager is the exception, not the way this essay cites
    manager = managed.citations[0].manager
    for index in typed:
        yield Finding(
            f"You typed {quote(ctx.citations[index].text)} by hand, but the rest of your essay cites with {manager}: "
            f"{manager} does not know this citation, so it leaves the work out of the bibliography it makes and "
            f"never updates it. Insert it with {manager} instead ({INSERT[manager]}).",
            ctx.citations[index].location, citation=index)


@dataclass(frozen=True)
class StaleBibliography:
    """What a managed bibliography lacks and what it lists that nothing cites, found once per essay."""

    bibliography: object  # essaycheck.managers.ManagedBibliography
    missing: tuple[dict, ...]  # records cited but not listed
    extra: tuple[int, ...]  # entries listed that no citation cites
    citations: frozenset[int]  # citations of the missing records (their missing-reference is this finding's)


def stale_bibliographies(ctx: CheckContext) -> list[StaleBibliography]:
    """Each managed bibliography that no longer matches the managed citations, once per essay."""
    if "stale-bibliographies" in ctx.memo:
        return ctx.memo["stale-bibliographies"]
    found: list[StaleBibliography] = []
    managed = _managed(ctx)
    if managed is not None and ctx.managed_links is not None and managed.citations:
        for bibliography in managed.bibliographies:
            stale = _stale(ctx, managed, bibliography)
            if stale is not None:
                found.append(stale)
    ctx.memo["stale-bibliographies"] = found
    return found


def _stale(ctx: CheckContext, managed, bibliography) -> StaleBibliography | None:
    listed = [ref for ref in ctx.references if bibliography.first <= ref.location.paragraph <= bibliography.last]
    if not listed:
        return None
    listed_indexes = {ref.index for ref in listed}
    records: dict[str, dict] = {}
    entries_of: dict[str, set[int]] = {}
    for (field, item), entries in ctx.managed_links.entries.items():
        record = managed.citations[field].items[item]
        if managed.citations[field].manager == bibliography.manager:
            entries_of.setdefault(item_key(record), set()).update(entries)
    for field in managed.citations:
        if field.manager == bibliography.manager:
            for record in field.items:
                records.setdefault(item_key(record), record)
    listed_names = {fold(name) for ref in listed for name in ref.family_names[:1]}
    # a record is missing when no listed entry is its entry and no listed entry bears its first author's name
    missing = [record for key, record in records.items() if not entries_of.get(key, set()) & listed_indexes
               and fold(first_family(record)) not in listed_names]
    cited_entries = set().union(*entries_of.values()) if entries_of else set()
    cited_names = {fold(first_family(record)) for record in records.values()}
    # Word's bibliography lists every source of the document's list, cited or not: an uncited one is
    # uncited-reference's (remove it from the list in Manage Sources), not a sign of a list not refreshed
    extra = [] if bibliography.manager == "Word" else [
        ref.index for ref in listed if ref.index not in cited_entries
        and not any(fold(name) in cited_names for name in ref.family_names[:1])]
    if not missing and not extra:
        return None
    keys = {item_key(record) for record in missing}
    citations = frozenset(c for c, (field, item) in ctx.managed_links.cites.items()
                          if item_key(managed.citations[field].items[item]) in keys)
    return StaleBibliography(bibliography, tuple(missing), tuple(extra), citations)


@rule("bibliography-stale", Severity.WARNING, "The bibliography a reference manager made was not refreshed after "
      "citations changed.",
      fires=[managed_essay(f"{_CITE}, and so do communities ⟦Zotero WENGER⟧(Wenger, 1998)⟦/⟧.", RAJ),
             managed_essay(f"{_CITE}.", RAJ, BRAUN)],
      passes=[managed_essay(f"{_CITE}, and so do communities ⟦Zotero WENGER⟧(Wenger, 1998)⟦/⟧.", RAJ, WENGER)],
      examples_kind="managed")
def bibliography_stale(ctx: CheckContext):
    """A reference manager writes its bibliography from the citations it inserted, but only when it
    refreshes: a work cited since, or a citation deleted since, leaves the list out of date. The
    fix is to refresh it, not to edit it by hand."""
    for stale in stale_bibliographies(ctx):
        manager = stale.bibliography.manager
        parts = []
        if stale.missing:
            parts.append(f"it does not list {_listing([_named(r) for r in stale.missing])}, which you cite")
        if stale.extra:
            names = [ctx.references[i].text.split(". (")[0][:40] for i in stale.extra]
            parts.append(f"it lists {_listing(names)}, which none of your {manager} citations cites (a citation "
                         "deleted since the last refresh, or an entry typed into the bibliography by hand)")
        first = ctx.references[stale.extra[0]] if stale.extra else next(
            ref for ref in ctx.references if stale.bibliography.first <= ref.location.paragraph)
        yield Finding(f"The bibliography {manager} made is out of date: {'; '.join(parts)}. Refresh it "
                      f"({REFRESH[manager]}) instead of editing it by hand.", first.location, reference=first.index)


def _listing(names: list[str]) -> str:
    shown = names[:4] + ([f"{len(names) - 4} more"] if len(names) > 4 else [])
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]


@rule("manual-bibliography-entry", Severity.WARNING, "An entry typed by hand next to the bibliography a reference "
      "manager made.",
      fires=[managed_essay(f"{_CITE}.", RAJ).replace("⟦/⟧\n", f"⟦/⟧\n{WENGER}\n")],
      passes=[managed_essay(f"{_CITE}.", RAJ)],
      examples_kind="managed")
def manual_bibliography_entry(ctx: CheckContext):
    """The bibliography a reference manager made is rewritten each time it refreshes; an entry typed
    above or below it is not the manager's: it is never updated, sorted with the rest, or checked
    against the citations. Add the work to the library and cite it with the manager instead."""
    managed = _managed(ctx)
    if managed is None or not managed.bibliographies:
        return
    spans = [(b.first, b.last, b.manager) for b in managed.bibliographies]
    first_list = min(ref.location.paragraph for ref in ctx.references) if ctx.references else 0
    for ref in ctx.references:
        paragraph = ref.location.paragraph
        if any(first <= paragraph <= last for first, last, _ in spans):
            continue
        if ctx.sections.list_of(paragraph) != ctx.sections.list_of(spans[0][0]) or paragraph < first_list:
            continue
        manager = spans[0][2]
        yield Finding(f"This entry was typed by hand next to the bibliography {manager} made: {manager} does not "
                      f"know it, so it is never updated or sorted with the rest, and a refresh may lose it. Add the "
                      f"work to your {manager} library and cite it with {manager} ({INSERT[manager]}).",
                      ref.location, reference=ref.index)


_PREPRINT = re.compile(r"\b(?:SSRN|arXiv|bioRxiv|medRxiv|PsyArXiv|Research Square|Preprints)\b", re.IGNORECASE)
# What APA 7 needs of a record of each kind, and how to say it is missing.
_NEEDED = {
    "article-journal": (("container-title", "the journal's name"), ("volume", "the volume")),
    "book": (("publisher", "the publisher"),),
    "chapter": (("container-title", "the book's title"), ("publisher", "the publisher")),
}


@rule("record-incomplete", Severity.WARNING, "A reference manager's record lacks what APA 7 needs.",
      fires=[managed_essay("Communities matter ⟦Zotero WENGER_NO_PUBLISHER⟧(Wenger, 1998)⟦/⟧.",
                           WENGER.replace(" Cambridge University Press.", ""))],
      passes=[managed_essay("Communities matter ⟦Zotero WENGER⟧(Wenger, 1998)⟦/⟧.", WENGER)],
      examples_kind="managed")
def record_incomplete(ctx: CheckContext):
    """A reference manager formats each entry from its record: what the record lacks, every
    bibliography made from it lacks too (a journal article's journal and volume, a book's
    publisher, a chapter's book and publisher). Completing the record fixes the entry in every
    essay; editing the entry by hand is undone at the next refresh."""
    managed = _managed(ctx)
    if managed is None or ctx.managed_links is None:
        return
    seen: set[str] = set()
    for (field_number, item_number), entries in ctx.managed_links.entries.items():
        field = managed.citations[field_number]
        record = field.items[item_number]
        key = item_key(record)
        if key in seen:
            continue
        seen.add(key)
        lacking = [words for name, words in _NEEDED.get(record.get("type", ""), ()) if not record.get(name)]
        if record.get("type") == "article-journal" and not (record.get("page") or record.get("number")):
            lacking.append("the page range (or article number)")
        ref = ctx.references[entries[0]]
        if not lacking or ref.index in ctx.memo.get("reference-format", ()) or _PREPRINT.search(
                record.get("container-title", "")):
            continue  # the entry's own finding already says what is missing, and where to fix it
        yield Finding(
            f"Your {field.manager} record of {quote(record.get('title', ''))} lacks {_listing(lacking)}, which APA 7 "
            f"needs, so the entry {field.manager} makes from it lacks them too. Add them to the record in "
            f"{field.manager} and refresh the bibliography: an entry fixed by hand is undone at the next refresh.",
            ref.location, reference=ref.index)


@rule("citations-unreadable", Severity.INFO, "A reference manager stored its citations in a form essaycheck "
      "cannot read.",
      fires=[managed_essay("Networks shape careers ⟦Zotero bookmarks⟧(Raj et al., 2017).", RAJ, bibliography=False)],
      passes=[managed_essay(f"{_CITE}.", RAJ)], examples_kind="managed")
def citations_unreadable(ctx: CheckContext):
    """Zotero can store citations as bookmarks instead of fields (a document preference, for files
    shared with LibreOffice); their records are then kept where essaycheck cannot read them, and
    the citations are checked from their text alone."""
    managed = ctx.managed
    for note in managed.notes if managed is not None else ():
        yield Finding(note, None)
