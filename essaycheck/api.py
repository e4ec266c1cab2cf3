"""The library entry point: ``check(path) -> Report``. The CLI and batch mode call these."""

from __future__ import annotations

from os import PathLike

from .casing import PROPER_WORDS
from .citations import find_citations
from .link import acronym, link_citations
from .managers import read_managed
from .managers.link import ManagedLinks, entries_of_records, managed_citations, relinked
from .model import Diagnostic, Document, Report
from .names import fold
from .read import document_from_text, read_document
from .read.collector import collector_paused
from .references import parse_reference_list
from .rules import CheckContext, run_rules
from .rules.managed import lookups_on_records
from .sections import split_sections
from .settings import Settings


def check(path: str | PathLike, settings: Settings | None = None, *, resolution=None, resolver=None,
          progress=None) -> Report:
    """Read one essay (.docx, .odt, .pdf, .rtf, .html, .txt or .md) and check it. Raises :class:`~essaycheck.InputError`.

    ``resolution`` (an :class:`essaycheck.resolve.Resolution` for this essay's references) skips
    the lookups: batch mode resolves a whole class once and hands each essay its part.
    ``resolver`` (an :class:`essaycheck.resolve.Resolver`) is reused across essays: one HTTP
    session, and each DOI and URL looked up once. ``progress(done, total)`` is called as the
    lookups finish (in place of the progress bar).
    """
    return check_document(read_document(path), settings, resolution=resolution, resolver=resolver,
                          progress=progress)


def check_text(text: str, settings: Settings | None = None, *, kind: str = "txt", path: str = "<text>") -> Report:
    """Check an essay given as a string."""
    return check_document(document_from_text(text, kind=kind, path=path), settings)


def check_document(document: Document, settings: Settings | None = None, *, resolution=None,
                   resolver=None, progress=None) -> Report:
    """Run the pipeline on a document that is already read.

    The collector waits while the essay is parsed and checked, which makes many small objects and
    no cycles worth a collection; not while the lookups wait on the network."""
    settings = settings or Settings()
    with collector_paused():
        sections, references, citations, managed, managed_links, links = _read_works(document)
    records: dict[int, dict] = {}
    problems: list[Diagnostic] = []
    if settings.resolve and references:
        if resolution is None and resolver is not None:
            resolution = resolver.resolve(references, progress)
        elif resolution is None:
            from .resolve import resolve_references

            resolution = resolve_references(references, settings, progress=progress)
        records = dict(resolution.records)
        problems.extend(resolution.problems)
    with collector_paused():
        context = CheckContext(document, sections, citations, references, links, records, managed=managed,
                               managed_links=managed_links)
        problems = lookups_on_records(problems, context) + run_rules(context, settings)
    problems.sort(key=Diagnostic.sort_key)
    report = Report(
        file=document.path,
        document=document,
        citations=citations,
        references=references,
        links=links,
        problems=tuple(problems),
        reference_heading=sections.heading,
        records=records,
        managed=managed,
        managed_links=managed_links,
    )
    if PROPER_WORDS in context.memo:  # the report's corrected list puts titles in the same case
        report.memo[PROPER_WORDS] = context.memo[PROPER_WORDS]
    return report


def _read_works(document: Document):
    """The essay's sections, its entries, its citations (and what a reference manager stored) and
    the link of each citation to its entry."""
    sections = split_sections(document)
    references = parse_reference_list(sections.references)
    known_names = frozenset(fold(name) for ref in references for name in ref.family_names) | frozenset(
        fold(acronym(a.literal)) for ref in references for a in ref.authors[:1] if a.is_group)
    works: dict[str, set[str]] = {}
    for ref in references:
        if ref.family_names and ref.year_number:
            works.setdefault(fold(ref.family_names[0]), set()).add(str(ref.year_number) + ref.year_suffix)
    citations = find_citations(sections.body, known_names=known_names,
                               known_works={name: frozenset(years) for name, years in works.items()})
    managed, managed_links = read_managed(document), None
    if managed.citations:  # a reference manager knows which work each of its citations is
        citations, cites = managed_citations(citations, managed)
        managed_links = ManagedLinks(cites, entries_of_records(managed, references))
    links = link_citations(citations, references)
    if managed_links is not None:
        links = relinked(links, managed_links.cites, managed_links.entries)
    return sections, references, citations, managed, managed_links, links
