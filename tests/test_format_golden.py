"""Golden tests: the APA 7 reference types students use most, expected strings written from the manual."""

import json
from pathlib import Path

import pytest

from essaycheck.formatting import render_entries

GOLDEN = json.loads((Path(__file__).parent / "golden" / "apa7.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", sorted(GOLDEN))
def test_reference_list(case):
    expected = GOLDEN[case]["expected"]
    entries = render_entries(GOLDEN[case]["items"], in_text=True)
    assert [e.id for e in entries] == [x["id"] for x in expected], "APA order"
    for entry, want in zip(entries, expected):
        assert entry.text == want["text"]
        assert [entry.text[s:e] for s, e in entry.italic] == want["italic"]
        assert (entry.parenthetical, entry.narrative) == (want["parenthetical"], want["narrative"])


def test_whole_golden_list_sorts_and_disambiguates_together():
    items = [item for case in GOLDEN.values() for item in case["items"]]
    texts = [e.text for e in render_entries(items)]
    assert texts.index(next(t for t in texts if t.startswith("Łukasiewicz"))) < texts.index(
        next(t for t in texts if t.startswith("Maddox")))
    assert texts[-1].startswith("Zhang") and texts[-2].startswith("Zambrano")
    # the 20- and 23-author works share a first author and year but not the author list: no suffix (APA 9.47)
    assert sum("(2019)." in t for t in texts if t.startswith("Wiskunde")) == 2
    assert sum(t.startswith("Ryan, R. M., & Deci, E. L. (2000") for t in texts) == 2
