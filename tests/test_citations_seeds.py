"""The seed documents the project started from, read line by line as plain-text paragraphs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from essaycheck.citations import find_citations
from essaycheck.model import Paragraph
from seeds import SEEDS



def _seed(prefix: str) -> Path:
    found = sorted(SEEDS.glob(f"{prefix}_*.txt")) if SEEDS.is_dir() else []
    if not found:
        pytest.skip(f"seed {prefix}_*.txt not available in {SEEDS}")
    return found[0]


def _paragraphs(path: Path, *, body_only: bool) -> list[Paragraph]:
    lines = path.read_text(encoding="utf-8").splitlines()
    if body_only and "References" in lines:
        lines = lines[:lines.index("References")]
    return [Paragraph(index=i, text=line, line=i + 1) for i, line in enumerate(lines)]


@pytest.mark.parametrize("body_only", [True, False], ids=["body", "with-reference-list"])
def test_inf305_essay_has_exactly_two_citations(body_only):
    found = find_citations(_paragraphs(_seed("001"), body_only=body_only))
    assert len(found) == 2
    page, raj = found

    assert page.authors == ("Page Group",) and page.year == "2022"
    assert not page.narrative and page.comma_before_year
    assert page.group.text == "(Page Group, 2022)" and page.location.text == "Page Group, 2022"

    assert raj.authors == ("Raj",) and raj.year == "2017"
    assert raj.narrative and raj.et_al
    assert raj.comma_before_year  # the slip: "Raj et al., (2017)"
    assert raj.text == raj.group.text == "Raj et al., (2017)"
    assert raj.locator == "p. 780"
    assert raj.location.paragraph == page.location.paragraph == 1 and raj.location.line == 2


def test_inf305_citations_with_known_names_from_its_reference_list():
    known = frozenset({"pagegroup", "raj", "fast", "fisher"})
    found = find_citations(_paragraphs(_seed("001"), body_only=True), known)
    assert [(c.authors, c.year) for c in found] == [(("Page Group",), "2022"), (("Raj",), "2017")]


def test_blog_post_has_no_citations_and_never_imports_spacy():
    path = _seed("000")
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from essaycheck.citations import find_citations\n"
        "from essaycheck.model import Paragraph\n"
        f"lines = Path({str(path)!r}).read_text(encoding='utf-8').splitlines()\n"
        "found = find_citations([Paragraph(index=i, text=t) for i, t in enumerate(lines)])\n"
        "print(len(found), 'spacy' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["0", "False"]
