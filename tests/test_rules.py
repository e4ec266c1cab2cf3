"""Every rule against its own examples: what it must catch and what it must leave alone."""

import pytest

from essaycheck import check_text
from essaycheck.rules import RULES
from essaycheck.settings import Settings

OFFLINE = Settings(resolve=False)


def _fired(rule, essay: str) -> list[str]:
    report = check_text(essay, OFFLINE.updated(select=(rule.id,)), kind=rule.examples_kind)
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
