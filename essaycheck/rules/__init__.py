"""Every rule essaycheck knows, in one explicit tuple, and the runner.

To add a rule: write one decorated function (with ``fires`` and ``passes``
examples) in the module of its kind and add it to ``RULES`` below.
"""

from __future__ import annotations

from typing import Iterable

from ..model import Diagnostic
from ..resolution_rules import RESOLUTION_RULES
from ..settings import Settings
from .base import CheckContext, Finding, Rule, rule
from .capitalisation import periodical_case, title_case
from .citation_form import (
    ampersand_in_narrative,
    and_in_parenthetical,
    citation_form_slip,
    citation_order,
    et_al_misuse,
    group_abbreviation,
    missing_comma,
    narrative_comma,
    quote_without_page,
)
from .formatting import reference_format
from .italics import italics
from .layout import (layout_alignment, layout_font, layout_hanging_indent, layout_headings, layout_line_spacing,
                     layout_margins,
                     layout_page_number, layout_paragraph_indent, layout_reference_spacing, layout_references_heading,
                     layout_title_page)
from .managed import (
    bibliography_stale,
    citations_unreadable,
    edited_citation,
    manual_bibliography_entry,
    record_incomplete,
    unlinked_citation,
)
from .linking import (
    ambiguous_citation,
    author_mismatch,
    missing_reference,
    no_reference_list,
    personal_communication_listed,
    uncited_reference,
    year_mismatch,
)
from .reference_list import (
    ampersand_in_reference,
    doi_format,
    duplicate_reference,
    et_al_in_reference,
    pages_prefix_in_article,
    reference_order,
    retrieved_from,
    suffix_needed,
    suffix_order,
)

RULES: tuple[Rule, ...] = (
    # citations and entries finding each other
    no_reference_list,
    missing_reference,
    uncited_reference,
    year_mismatch,
    author_mismatch,
    ambiguous_citation,
    personal_communication_listed,
    # how citations are written
    et_al_misuse,
    narrative_comma,
    ampersand_in_narrative,
    and_in_parenthetical,
    missing_comma,
    citation_order,
    quote_without_page,
    group_abbreviation,
    citation_form_slip,
    # the reference list
    reference_order,
    duplicate_reference,
    suffix_needed,
    suffix_order,
    doi_format,
    retrieved_from,
    et_al_in_reference,
    ampersand_in_reference,
    pages_prefix_in_article,
    # compared with the same work formatted in APA 7 (essaycheck.formatting)
    reference_format,
    italics,
    # capitals (essaycheck.casing)
    title_case,
    periodical_case,
    # layout of a Word document (essaycheck.read.formats)
    layout_hanging_indent,
    layout_reference_spacing,
    layout_line_spacing,
    layout_paragraph_indent,
    layout_alignment,
    layout_font,
    layout_margins,
    layout_page_number,
    layout_references_heading,
    layout_headings,
    layout_title_page,
    # written with a reference manager (essaycheck.managers)
    edited_citation,
    unlinked_citation,
    bibliography_stale,
    manual_bibliography_entry,
    record_incomplete,
    citations_unreadable,
)

RULES_BY_ID = {r.id: r for r in RULES}

ALL_RULE_IDS = frozenset(RULES_BY_ID) | frozenset(RESOLUTION_RULES)

__all__ = ["RULES", "RULES_BY_ID", "RESOLUTION_RULES", "ALL_RULE_IDS", "CheckContext", "Finding", "Rule", "rule", "run_rules", "diagnostic"]


def diagnostic(rule_: Rule, finding: Finding, settings: Settings) -> Diagnostic:
    return Diagnostic(
        rule=rule_.id,
        severity=settings.severity_of(rule_.id, rule_.severity),
        message=finding.message,
        location=finding.location,
        citation=finding.citation,
        reference=finding.reference,
        suggestion=finding.suggestion,
    )


def run_rules(ctx: CheckContext, settings: Settings, rules: Iterable[Rule] = RULES) -> list[Diagnostic]:
    """Run every enabled rule on one essay and return its diagnostics."""
    found: list[Diagnostic] = []
    for rule_ in rules:
        if settings.rule_enabled(rule_.id):
            found.extend(diagnostic(rule_, f, settings) for f in rule_.check(ctx))
    return found
