"""Turn what was looked up for one entry into its JSON record and its diagnostics.

Messages are written for a first-year student: what is wrong, the real value,
and what to change. Where the wrong text can be found in the entry, the
diagnostic points at exactly that text and ``suggestion`` replaces it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Diagnostic, Location, Reference
from ..resolution_rules import RESOLUTION_RULES
from ..settings import Settings
from . import csl
from .compare import Comparison, Mismatch
from .doi import DoiLookup, doi_link
from .existence import DIFFERENCES, NOT_CHECKED, NOT_FOUND, VERIFIED, Candidate, Verdict, describe, joined
from .urls import UrlCheck

RULES = RESOLUTION_RULES  # id -> (default severity, summary); `essaycheck rules` lists them too
_FIELD_NAMES = {"author": "first author's family name", "author-order": "first author", "year": "year",
                "title": "title", "journal": "journal name", "volume": "volume", "pages": "page range"}
_UNRESOLVED_WHY = {
    "offline": "essaycheck is working offline and had not checked it before",
    "timeout": "the server did not answer in time",
    "connection": "the connection failed",
    "dns": "the server could not be found",
    "server": "the server had a problem",
    "bad-answer": "the server sent an answer essaycheck could not read",
    "blocked": "it leads to a private or local network address, which essaycheck does not contact",
    "scheme": "only http and https links can be checked",
    "status": "the website answered with an error",
}


@dataclass
class Outcome:
    """Everything looked up for one entry."""

    doi: str = ""
    lookup: DoiLookup | None = None
    comparison: Comparison | None = None
    found_doi: str = ""  # the right DOI, from a search
    url: UrlCheck | None = None
    page_mismatches: tuple[Mismatch, ...] = ()
    searched: bool = False
    search_note: str = ""
    verdict: Verdict | None = None  # whether the work exists, from the lookups (entries without a working DOI)


@dataclass
class _Emitter:
    settings: Settings
    reference: Reference
    problems: list[Diagnostic] = field(default_factory=list)

    def emit(self, rule: str, message: str, location: Location | None = None, suggestion: str | None = None):
        if not self.settings.rule_enabled(rule):
            return
        severity = self.settings.severity_of(rule, RULES[rule][0])
        self.problems.append(Diagnostic(rule, severity, message, location or self.reference.location,
                                        reference=self.reference.index, suggestion=suggestion))


def build(reference: Reference, outcome: Outcome, settings: Settings) -> tuple[dict, list[Diagnostic]]:
    """The JSON record of one entry and its diagnostics."""
    out = _Emitter(settings, reference)
    record: dict = {"doi": outcome.doi or None, "status": "no-doi", "source": None, "csl": None, "url": None,
                    "note": None, "mismatches": [], "updates": [], "suggested_doi": outcome.found_doi or None}
    verdict = existence_of(outcome)
    if outcome.lookup is not None:
        _doi_findings(reference, outcome, record, out, nowhere=verdict.status == NOT_FOUND)
    elif outcome.found_doi:
        record["status"] = "missing-doi"
        link = doi_link(outcome.found_doi)
        entry = reference.location.text.rstrip()
        out.emit("missing-doi",
                 f"This {_kind(reference)} has a DOI, but your entry leaves it out. APA 7 asks for the DOI as a link "
                 f"at the end of the entry: add {link}",
                 suggestion=f"{entry} {link}" if entry else link)
    elif outcome.searched:
        record["note"] = outcome.search_note or "no DOI was found for this entry"
    if outcome.url is not None:
        record["url"] = outcome.url.as_record()
        _url_findings(reference, outcome, out)
    record["existence"] = verdict.as_record()
    if outcome.lookup is None or outcome.lookup.status == "invalid":
        _existence_findings(reference, verdict, out)
    return record, out.problems


def existence_of(outcome: Outcome) -> Verdict:
    """Whether the entry's work exists: from its DOI's record when the DOI is right, else from the lookups."""
    lookup = outcome.lookup
    if lookup is not None and lookup.status == "found" and lookup.record is not None and not (
            outcome.comparison is not None and outcome.comparison.verdict == "different"):
        source = {"crossref": "Crossref"}.get(lookup.source, lookup.source or "doi.org")  # the service's own name
        candidate = Candidate(source, lookup.record, doi_link(lookup.doi))
        differences = outcome.comparison.mismatches if outcome.comparison is not None else ()
        return Verdict(VERIFIED if not differences else DIFFERENCES, candidate, differences, asked=(source,))
    verdict = outcome.verdict
    if verdict is None:
        why = "the DOI could not be checked" if lookup is not None and lookup.status == "not-checked" else (
            "this kind of work is not looked up")
        return Verdict(NOT_CHECKED, reason=why)
    if verdict.status == NOT_FOUND and outcome.url is not None and outcome.url.outcome == "ok":
        # a working link: something is there, whatever the indexes say
        return Verdict(NOT_CHECKED, asked=verdict.asked, closest=verdict.closest,
                       reason="not in the indexes, but the entry's link works")
    return verdict


def _existence_findings(reference: Reference, verdict: Verdict, out: _Emitter) -> None:
    """What the lookups found for an entry without a working DOI: its differences, or that nothing is there."""
    if verdict.status == DIFFERENCES:
        source = f"the {verdict.candidate.source} record of this work ({verdict.candidate.link})" \
            if verdict.candidate.link else f"the {verdict.candidate.source} record of this work"
        for mismatch in verdict.differences:
            _mismatch(reference, mismatch, source, out)
    elif verdict.status == NOT_FOUND:
        closest = f" The closest record is {describe(verdict.closest)}." if verdict.closest else ""
        out.emit("reference-not-found",
                 f"No record of this work in {joined(verdict.asked)}. Check that it exists and that the details are "
                 f"right: references invented by AI tools often look like this.{closest}")
    if verdict.found and reference.type == "book" and not reference.publisher:
        publishers = verdict.candidate.record.get("_publishers") or [verdict.candidate.record.get("publisher")]
        publishers = [p for p in publishers if p]
        if publishers:
            others = f" (and {len(publishers) - 1} other{'s' if len(publishers) > 2 else ''} for other editions)" \
                if len(publishers) > 1 else ""
            out.emit("missing-publisher",
                     f"Your entry does not say who published this book. {verdict.candidate.source} lists "
                     f"{publishers[0]}{others}: add the publisher of the edition you used after the title.")


def _doi_findings(reference: Reference, outcome: Outcome, record: dict, out: _Emitter, nowhere: bool = False) -> None:
    """``nowhere``: the lookups found the work nowhere else either (said with a wrong DOI)."""
    lookup = outcome.lookup
    doi = lookup.doi
    here = _span(reference, reference.doi_text) or _span(reference, doi)
    record["source"] = lookup.source or None
    record["note"] = lookup.note or None
    if lookup.status == "invalid":
        record["status"] = "invalid"
        return  # the doi-format rule reports the syntax
    if lookup.status == "not-checked":
        record["status"] = "not-checked"
        out.emit("unresolved", f"essaycheck could not check the DOI {doi} this time: "
                 f"{_UNRESOLVED_WHY.get(lookup.kind, 'the lookup failed')}. This is not a problem with your entry; "
                 f"you can check it yourself by opening {doi_link(doi)} in a browser.")
        return
    if lookup.status == "not-found":
        record["status"] = "not-found"
        _wrong_doi("doi-not-found", f"The DOI {doi} does not exist: doi.org does not know it, so the link in your "
                   "entry leads nowhere.", outcome.found_doi, here, out,
                   found="The work in your entry has the DOI",
                   not_found=_NOWHERE if nowhere else "Copy the DOI again from the article's first page or the "
                   "journal's website.")
        return
    record["status"] = "ok"
    if lookup.record is None:
        return
    record["csl"] = csl.to_csl(lookup.record, doi)
    real = lookup.record
    comparison = outcome.comparison
    if comparison is not None and comparison.verdict == "different":
        record["status"] = "mismatch"
        _wrong_doi("doi-mismatch", f"The DOI {doi} belongs to a different work: {_describe(real)}. "
                   f"Your entry is for \"{reference.title}\".", outcome.found_doi, here, out,
                   found="The DOI of the work in your entry is",
                   not_found=_NOWHERE if nowhere else "Find the right DOI on the article's page or at "
                   "https://search.crossref.org.")
        return
    updates = csl.updates(real)
    record["updates"] = updates
    if comparison is not None and comparison.mismatches:
        record["status"] = "metadata-mismatch"
        record["mismatches"] = [m.__dict__ for m in comparison.mismatches]
        for mismatch in comparison.mismatches:
            _mismatch(reference, mismatch, "the publisher's record for this DOI", out)
    if updates:
        record["status"] = "retracted"
        _retraction(doi, updates, out)


_NOWHERE = ("Nor is there any record of the work itself in the indexes essaycheck asked. Check that it exists and "
            "that the details are right: references invented by AI tools often look like this.")


def _wrong_doi(rule: str, message: str, right_doi: str, here: Location | None, out: _Emitter, *,
               found: str, not_found: str) -> None:
    """Report a DOI that leads nowhere or to another work; a DOI the search found is the suggestion.

    ``found`` introduces the right DOI in the message; ``not_found`` says what to do without one.
    """
    tail = f" {found} {doi_link(right_doi)}." if right_doi else f" {not_found}"
    out.emit(rule, message + tail, here, doi_link(right_doi) if right_doi and here else None)


def _retraction(doi: str, updates: list[dict], out: _Emitter) -> None:
    worst = sorted(updates, key=lambda u: (u["type"] != "retraction", u["type"] == "expression_of_concern"))[0]
    notice = f" (notice: {doi_link(worst['doi'])})" if worst["doi"] else ""
    when = f" in {worst['date']}" if worst["date"] else ""
    if worst["direction"] == "update-to":
        out.emit("retracted", f"The DOI {doi} is not an article but a {worst['type'].replace('_', ' ')} notice: "
                 f"it concerns {doi_link(worst['doi']) if worst['doi'] else 'another article'}. Cite the article only "
                 f"if you say that it was {_done(worst['type'])}, and do not use it as evidence.")
    elif worst["type"] == "expression_of_concern":
        out.emit("retracted", f"The journal has published an expression of concern about this work{when}{notice}: "
                 "its results may not be reliable. If you keep it, say so in your text, or use a more reliable source.")
    else:
        out.emit("retracted", f"This work was {_done(worst['type'])}{when}{notice}. A {_done(worst['type'])} work "
                 "should not be used as evidence: remove it, or say in your text that it was "
                 f"{_done(worst['type'])} if you discuss it for that reason.")


def _mismatch(reference: Reference, mismatch: Mismatch, source: str, out: _Emitter) -> None:
    name = _FIELD_NAMES[mismatch.field]
    real = mismatch.record
    if mismatch.field == "author-order":
        out.emit("metadata-mismatch", f"The authors are not in the order of {source}: it has {real} first, your entry "
                 f"has {mismatch.entry}. Give the authors in the order the work itself gives them.")
        return
    if mismatch.field == "pages":
        real = real.replace("-", "\u2013")
    message = (f"The {name} in your entry does not match {source}: it says \"{real}\", your entry says "
               f"\"{mismatch.entry}\". Check it and correct your entry.")
    if mismatch.field == "title":
        # A suggestion would carry the record's capitalisation; APA wants sentence case.
        out.emit("metadata-mismatch", message + " (Keep APA sentence case: capitalise only the first word, "
                 "proper nouns and the first word after a colon.)")
        return
    needle = f"({mismatch.entry}" if mismatch.field == "year" else mismatch.entry
    here = _span(reference, needle, skip=1 if mismatch.field == "year" else 0)
    out.emit("metadata-mismatch", message, here, real if here else None)


def _url_findings(reference: Reference, outcome: Outcome, out: _Emitter) -> None:
    check = outcome.url
    here = _span(reference, check.url)
    if check.outcome == "broken":
        out.emit("broken-url", f"The link {check.url} is broken: {check.reason}. Find where the page is now "
                 "(search for its title) or use an archived copy (https://web.archive.org), and update the link.", here)
    elif check.outcome == "not-checked":
        why = check.reason if check.kind != "blocked" else f"{_UNRESOLVED_WHY['blocked']} ({check.reason})"
        out.emit("unresolved", f"essaycheck could not check the link {check.url} this time: "
                 f"{why or _UNRESOLVED_WHY.get(check.kind, 'the check failed')}. This is not a problem "
                 "with your entry; open the link in a browser to make sure it works.")
        return
    if check.moved_to and check.moved_to.rstrip("/") != check.url.rstrip("/"):
        out.emit("redirected-url", f"The page at {check.url} has moved permanently to {check.moved_to}. "
                 "Use the new address.", here, check.moved_to if here else None)
    for mismatch in outcome.page_mismatches:
        _mismatch(reference, mismatch, "the page this link opens", out)


def _describe(record: dict) -> str:
    who = csl.authors_short(record) or "no author"
    year = csl.year_of(record)
    container = (csl.container_titles(record) or [""])[0]
    text = f"{who} ({year or 'n.d.'}), \"{csl.full_title(record)}\""
    return f"{text}, in {container}" if container else text


def _kind(reference: Reference) -> str:
    return {"article-journal": "journal article", "chapter": "chapter"}.get(reference.type, "work")


def _done(kind: str) -> str:
    return {"retraction": "retracted", "partial_retraction": "partly retracted", "withdrawal": "withdrawn",
            "removal": "removed"}.get(kind, "flagged")


def _span(reference: Reference, needle: str, skip: int = 0) -> Location | None:
    """The place of ``needle`` in the entry when it occurs exactly once (case-insensitive)."""
    text = reference.location.text
    if not needle or not text:
        return None
    hits = [m.start() for m in re.finditer(re.escape(needle), text, re.IGNORECASE)]
    if len(hits) != 1:
        return None
    start = reference.location.start + hits[0] + skip
    end = reference.location.start + hits[0] + len(needle)
    return Location(reference.location.paragraph, start, end, text[hits[0] + skip:hits[0] + len(needle)],
                    reference.location.line)
