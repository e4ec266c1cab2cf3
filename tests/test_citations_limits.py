"""Hostile and huge inputs: the work is bounded and the answer stays sane.

No timing asserts here; the sizes are the ones measured by hand (see the
package docstring of essaycheck.citations.anchors for the caps).
"""

from __future__ import annotations

import subprocess
import sys

from essaycheck.citations import find_citations
from essaycheck.citations.anchors import MAX_GROUPS_PER_PARAGRAPH, MAX_PARENTHESIS_CHARS, candidate_parentheses
from essaycheck.citations.nlp import tokenize
from essaycheck.model import Paragraph

MEGABYTES_5 = 5 * 1024 * 1024


def _find(text: str):
    return find_citations([Paragraph(index=0, text=text)])


def test_twenty_thousand_open_brackets():
    assert _find("(" * 20_000) == ()
    assert _find("(" * 20_000 + "Smith, 2019)") != ()
    assert _find("(" * 20_000 + " 2019 " + ")" * 20_000) == ()


def test_five_megabyte_line_without_anchors():
    assert _find(("word (aside) " * (MEGABYTES_5 // 13))) == ()


def test_five_megabyte_line_of_unclosed_parentheses():
    assert _find(("(" + "a" * (MAX_PARENTHESIS_CHARS - 1)) * (MEGABYTES_5 // MAX_PARENTHESIS_CHARS)) == ()


def test_five_megabyte_line_of_citations_is_capped():
    text = "(Smith, 2019) " * (MEGABYTES_5 // 14)
    found = _find(text)
    assert len(found) == MAX_GROUPS_PER_PARAGRAPH
    assert {(c.authors, c.year) for c in found} == {(("Smith",), "2019")}
    assert [c.location.start for c in found] == sorted(c.location.start for c in found)


def test_hundred_thousand_years_in_one_paragraph():
    assert _find(" 2019" * 100_000) == ()
    assert _find("(2019) " * 100_000) == ()
    found = _find("Smith (2019) and " * 100_000)
    assert 0 < len(found) <= MAX_GROUPS_PER_PARAGRAPH
    assert all(c.authors == ("Smith",) and c.narrative for c in found)


def test_years_inside_one_long_parenthesis():
    assert _find("(" + "2019, " * 100_000 + ")") == ()
    assert len(candidate_parentheses("(Smith, " + "2019, " * 40 + "2020)")) == 1


def test_many_short_paragraphs():
    paragraphs = [Paragraph(index=i, text=f"Text (Lee, {1990 + i % 30}) more.") for i in range(5_000)]
    found = find_citations(paragraphs)
    assert len(found) == 5_000
    assert [c.location.paragraph for c in found] == list(range(5_000))


def test_identical_windows_are_tokenized_once():
    first = tokenize("(Smith & Lee, 2019)")
    assert tokenize("(Smith & Lee, 2019)") is first


def test_importing_the_package_does_not_import_spacy():
    script = (
        "import sys, essaycheck.citations\n"
        "from essaycheck.citations import find_citations\n"
        "from essaycheck.model import Paragraph\n"
        "find_citations([Paragraph(index=0, text='Nothing (here) was cited in 2019.')])\n"
        "print('spacy' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
