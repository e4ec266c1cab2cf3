"""Correct APA 7 essays must give no problems at all: a checker that cries wolf is worse than none.

tests/essays_correct/ holds original essays (each as plain text and as Markdown, the .txt being the
.md without its marks) whose every citation and reference entry follows APA 7 and names a real
work: republished and translated works, name suffixes (Jr., III), group authors with and without
abbreviations, a/b suffixes, an old SICI DOI with brackets and "#", theses, chapters, authorless works,
secondary sources, personal communications, and plenty of numbers and parentheses that are not
citations. Any problem reported on them is a false alarm to fix where it arises, not here.
"""

from pathlib import Path

import pytest

from essaycheck import check
from essaycheck.settings import Settings

ESSAYS = sorted(p for p in (Path(__file__).parent / "essays_correct").iterdir() if p.suffix in (".txt", ".md"))
OFFLINE = Settings(resolve=False)


def test_there_are_essays_in_both_forms():
    assert len(ESSAYS) >= 16 and {p.suffix for p in ESSAYS} == {".txt", ".md"}


@pytest.mark.parametrize("path", ESSAYS, ids=[p.name for p in ESSAYS])
def test_correct_essay_has_no_problems(path):
    report = check(path, OFFLINE)
    assert [(p.rule, p.location and p.location.text, p.message) for p in report.problems] == []
    assert len(report.references) >= 6
    works = [link for link, citation in zip(report.links, report.citations) if citation.role == "work"]
    assert len(works) >= 8 and all(link.reference is not None for link in works)
