"""Every rule against its own examples: what it must catch and what it must leave alone."""

import pytest

from essaycheck import check_text
from essaycheck.api import check_document
from essaycheck.rules.examples import layout_document, managed_document
from essaycheck.rules import RULES
from essaycheck.settings import Settings

OFFLINE = Settings(resolve=False)


def _fired(rule, essay: str) -> list[str]:
    settings = OFFLINE.updated(select=(rule.id,))
    if rule.examples_kind == "managed":  # an essay with a reference manager's fields, marked ⟦…⟧
        report = check_document(managed_document(essay), settings)
    elif rule.examples_kind == "layout":  # a Word-like essay whose paragraphs carry formats, marked ⟪…⟫
        report = check_document(layout_document(essay), settings)
    else:
        report = check_text(essay, settings, kind=rule.examples_kind)
    rule_id = rule.id
    return [p.rule for p in report.problems if p.rule == rule_id]


def test_every_rule_has_examples_both_ways():
    missing = [r.id for r in RULES if not r.fires or not r.passes]
    assert not missing, f"rules without examples that must fire and must pass: {missing}"


def test_rule_ids_are_unique_and_documented():
    ids = [r.id for r in RULES]
    assert len(ids) == len(set(ids))
    assert all(r.check.__doc__ for r in RULES)


@pytest.mark.parametrize("rule, essay", [(r, e) for r in RULES for e in r.fires],
                         ids=lambda v: getattr(v, "id", "example"))
def test_rule_fires_on_its_examples(rule, essay):
    assert _fired(rule, essay), f"{rule.id} did not fire on:\n{essay}"


@pytest.mark.parametrize("rule, essay", [(r, e) for r in RULES for e in r.passes],
                         ids=lambda v: getattr(v, "id", "example"))
def test_rule_leaves_its_counter_examples_alone(rule, essay):
    assert not _fired(rule, essay), f"{rule.id} fired on:\n{essay}"


NOT_CITATIONS = """Networking today
Attendance rose (see Table 2) and again (in 2019), mostly among members (aged 25–34) after COVID-19.
Costs fell (a 300% increase in savings) at the WHO (WHO) meeting on (March 3, 2023) at (10:30) for ($2,019).
In the 1990s (the 1990s) people wrote letters (n = 2019; p < .05).
References
Granovetter, M. S. (1973). The strength of weak ties. American Journal of Sociology, 78(6), 1360–1380. https://doi.org/10.1086/225469
"""


def test_text_that_only_looks_like_citations_gives_nothing_but_the_uncited_entry():
    report = check_text(NOT_CITATIONS, OFFLINE)
    assert report.citations == ()
    assert [p.rule for p in report.problems] == ["uncited-reference"]


def test_suggestions_replace_the_quoted_text():
    essay = ("Networking\nAs Raj et al., (2017) point out, identity matters.\nReferences\n"
             "Raj, M., Fast, N. J., & Fisher, O. (2017). Identity and professional networking. "
             "Personality and Social Psychology Bulletin, 43(6), 772–784. https://doi.org/10.1177/0146167217697299\n")
    (problem,) = check_text(essay, OFFLINE).problems
    assert problem.rule == "narrative-comma"
    assert problem.location.text == "Raj et al., (2017)"
    assert problem.suggestion == "Raj et al. (2017)"


def _apply_fixes(essay: str, problems) -> str:
    """The essay with every suggestion pasted over the text it points at (what a student would do)."""
    lines = essay.split("\n")
    fixes = sorted((p for p in problems if p.suggestion is not None and p.location is not None),
                   key=lambda p: (p.location.line, p.location.start), reverse=True)
    for problem in fixes:
        where = problem.location
        line = lines[where.line - 1]
        assert line[where.start:where.end] == where.text, (problem.rule, where)
        lines[where.line - 1] = line[:where.start] + problem.suggestion + line[where.end:]
    return "\n".join(lines)


@pytest.mark.parametrize("rule, essay", [(r, e) for r in RULES for e in r.fires if r.examples_kind == "txt"],
                         ids=lambda v: getattr(v, "id", "example"))
def test_pasting_the_suggested_fixes_silences_the_rule(rule, essay):
    settings = OFFLINE.updated(select=(rule.id,))
    problems = check_text(essay, settings).problems
    if rule.id in ADVICE_ONLY:  # what to write needs the student (the missing entry, the page number)
        assert all(p.suggestion is None for p in problems)
        return
    fixed = _apply_fixes(essay, problems)
    # what is left is only advice given without a fix (an entry in another style: no rewrite is safe)
    advice = {p.message for p in problems if p.suggestion is None}
    assert all(p.suggestion is None and p.message in advice for p in check_text(fixed, settings).problems), fixed


ADVICE_ONLY = {"no-reference-list", "missing-reference", "uncited-reference", "ambiguous-citation",
               "personal-communication-listed", "quote-without-page", "group-abbreviation", "reference-order",
               "et-al-in-reference"}


def test_different_authors_sharing_a_surname_are_told_apart_by_initials():
    essay = ("Essay\nBoth agree (Smith, 2019).\nReferences\n"
             "Smith, E. (2019). Alpha networks. Journal of Library Studies, 3(1), 1–10.\n"
             "Smith, J. (2019). Beta networks. Journal of Library Studies, 3(2), 11–20.\n")
    (problem,) = check_text(essay, OFFLINE.updated(select=("ambiguous-citation",))).problems
    assert "write the first author's initials, for example (E. Smith, 2019)" in problem.message
    fixed = essay.replace("(Smith, 2019)", "(E. Smith, 2019; J. Smith, 2019)")
    assert check_text(fixed, OFFLINE).problems == ()
