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


def test_most_documents_were_measured():
    assert len(PRINTED) >= 18


@needs_documents
@pytest.mark.parametrize("stem", PRINTED)
def test_the_list_is_read_as_it_prints(stem):
    printed = WITNESS[stem]["printed"]
    gold = realworld_score.load_gold(stem)
    report = essaycheck.check(realworld_score.corpus_dir() / "docs" / gold["document"],
                              essaycheck.Settings(resolve=False))
    ours = read(report)
    assert ours["hanging"] == pytest.approx(max(printed["hanging"], 0.0), abs=0.06)  # a first-line indent prints < 0
    assert ours["double"] == (printed["spacing"] > 1.9)  # double spacing prints at about 2.3 x the font size
    if printed["gap"] is not None:
        assert ours["extra"] == (printed["gap"] > 1.2)  # a gap between entries wider than within them
