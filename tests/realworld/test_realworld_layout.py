"""essaycheck's reading of each real document's reference-list layout against the page LibreOffice printed.

The printed measurements are in layout_witness.json (made by layout_witness.py, which needs
LibreOffice); this test needs only the documents, and skips without them.
"""

import json
from pathlib import Path

import pytest

import essaycheck
import realworld_score
from layout_witness import read

WITNESS = json.loads((Path(__file__).with_name("layout_witness.json")).read_text(encoding="utf-8"))
PRINTED = sorted(stem for stem, found in WITNESS.items() if found["printed"])

needs_documents = pytest.mark.skipif(not realworld_score.available(), reason="../shared/realworld is not here")


def _report(stem: str):
    gold = realworld_score.load_gold(stem)
    return essaycheck.check(realworld_score.corpus_dir() / "docs" / gold["document"], essaycheck.Settings(resolve=False))


def test_most_documents_were_measured():
    assert len(PRINTED) >= 18


@needs_documents
@pytest.mark.parametrize("stem", PRINTED)
def test_the_list_is_read_as_it_prints(stem):
    printed = WITNESS[stem]["printed"]
    ours = read(_report(stem))
    assert ours["hanging"] == pytest.approx(max(printed["hanging"], 0.0), abs=0.06)  # a first-line indent prints < 0
    assert ours["double"] == (printed["spacing"] > 1.9)  # double spacing prints at about 2.3 x the font size
    if printed["gap"] is not None:
        assert ours["extra"] == (printed["gap"] > 1.2)  # a gap between entries wider than within them


PAGES = sorted(stem for stem, found in WITNESS.items() if (found.get("page") or {}).get("spacing") is not None)


def test_most_documents_had_their_text_measured():
    assert len(PAGES) >= 18


@needs_documents
@pytest.mark.parametrize("stem", PAGES)
def test_the_text_and_page_are_read_as_they_print(stem):
    """Line spacing, first-line indent, justification and left margin of the running text."""
    from collections import Counter

    from essaycheck.rules.layout import running_text

    printed = WITNESS[stem]["page"]
    report = _report(stem)
    heading = report.reference_heading
    before = report.document.paragraphs[:heading.index] if heading else report.document.paragraphs
    body = [report.document.formats[p.index] for p in running_text(report.document, before)]
    spacing = Counter(f.line_spacing is not None and 1.9 <= f.line_spacing <= 2.1 for f in body).most_common(1)[0][0]
    assert spacing == (printed["spacing"] > 1.9)
    # a tab typed at the start prints as a half-inch indent (Word's default tab stop)
    indent = Counter(0.5 if f.starts_with_tab else round(f.first_line, 2) for f in body).most_common(1)[0][0]
    assert indent == pytest.approx(printed["indent"], abs=0.06)
    justified = Counter(f.alignment == "justify" for f in body).most_common(1)[0][0]
    assert justified == printed["justified"]
    assert report.document.sections[0].left == pytest.approx(printed["left"], abs=0.06)
