"""What a rule is: an id, a default severity, a check function and examples.

A rule's check takes the :class:`CheckContext` of one essay and yields
:class:`Finding` values; the runner turns them into :class:`Diagnostic` values
with the rule's id and the configured severity. ``fires`` and ``passes`` are
small example essays (plain text, reference list included) that must and must
not trigger the rule; ``tests/test_rules.py`` runs every one of them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Callable, Iterable, Iterator

from ..model import Citation, Document, Link, Location, Paragraph, Reference, Sections, Severity


@dataclass(frozen=True)
class Finding:
    """What a rule found; the runner adds rule id and severity."""

    message: str
    location: Location | None = None
    citation: int | None = None
    reference: int | None = None
    suggestion: str | None = None


@dataclass(frozen=True)
class CheckContext:
    """Everything a rule may look at for one essay."""

    document: Document
    sections: Sections
    citations: tuple[Citation, ...]
    references: tuple[Reference, ...]
    links: tuple[Link, ...]
    records: dict = field(default_factory=dict)  # resolved records by reference index, when resolution ran
    managed: object = None  # essaycheck.managers.Managed, for a document with reference-manager fields
    managed_links: object = None  # essaycheck.managers.link.ManagedLinks
    memo: dict = field(default_factory=dict, compare=False)  # work several rules share, done once per essay

    @cached_property
    def citations_by_reference(self) -> dict[int, list[int]]:
        """Reference index -> indices of the citations linked to it."""
        cited: dict[int, list[int]] = {}
        for link in self.links:
            if link.reference is not None:
                cited.setdefault(link.reference, []).append(link.citation)
        return cited

    @cached_property
    def works(self) -> tuple[int, ...]:
        """For each entry, the index of the first entry describing the same work (a repeated entry)."""
        from ..references import works_of

        return works_of(self.references)

    @cached_property
    def paragraphs(self) -> dict[int, Paragraph]:
        """Paragraph index -> paragraph."""
        return {paragraph.index: paragraph for paragraph in self.document.paragraphs}

    def linked_reference(self, citation_index: int) -> Reference | None:
        link = self.links[citation_index]
        return self.references[link.reference] if link.reference is not None else None

    def linked(self) -> Iterator[tuple[Citation, Link, Reference | None]]:
        for citation, link in zip(self.citations, self.links):
            ref = self.references[link.reference] if link.reference is not None else None
            yield citation, link, ref


CheckFunction = Callable[[CheckContext], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity
    summary: str
    check: CheckFunction
    fires: tuple[str, ...] = ()
    passes: tuple[str, ...] = ()
    examples_kind: str = "txt"  # how the examples are read: "txt", or "md" for rules that need italics

    @property
    def doc(self) -> str:
        return (self.check.__doc__ or self.summary).strip()


def rule(id: str, severity: Severity, summary: str, *, fires: Iterable[str] = (), passes: Iterable[str] = (),
         examples_kind: str = "txt"):
    """Decorator that turns a check function into a :class:`Rule`."""

    def wrap(check: CheckFunction) -> Rule:
        return Rule(id, severity, summary, check, tuple(fires), tuple(passes), examples_kind)

    return wrap
