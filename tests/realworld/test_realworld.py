"""essaycheck on real essays by other people, against hand-written gold (see README.md here).

The documents are third-party and live outside the repository; these tests skip when they are
absent. The figures may only get better: ``baseline.json`` holds the last recorded ones (raise
them with ``python tests/realworld/realworld_score.py --record`` when a change improves them),
and the targets of issue 9 are what they must reach.
"""

import json
from pathlib import Path

import pytest

import realworld_score
import refs_score

FIELD_SLACK = 0.01
BASELINE = json.loads((Path(__file__).parent / "baseline.json").read_text(encoding="utf-8"))

needs_documents = pytest.mark.skipif(not realworld_score.available(), reason="../shared/realworld is not here")
needs_strings = pytest.mark.skipif(not refs_score.strings_path().is_file(), reason="../shared/realworld is not here")


@pytest.fixture(scope="module")
def scores():
    return realworld_score.score_all()


def test_every_gold_file_is_reviewed():
    for stem in realworld_score.gold_stems():
        gold = realworld_score.load_gold(stem)
        assert gold["reviewed"] is True, stem
        assert all(str(p.get("verdict")) in realworld_score.VERDICTS for p in gold["problems"]), stem


@needs_documents
def test_real_essays_are_no_worse_than_the_recorded_figures(scores):
    totals = realworld_score.totals(scores)
    recorded = BASELINE["documents"]
    for name in ("citation_f1", "link_accuracy", "reference_f1", "problem_recall", "documents_without_false_alarms"):
        assert totals[name] >= recorded[name] - 1e-9, (name, totals[name], recorded[name])
    assert totals["false_alarms"] <= recorded["false_alarms"], realworld_score.table(scores)


@needs_strings
def test_reference_fields_are_no_worse_than_the_recorded_figures():
    scores = refs_score.score()
    assert refs_score.overall(scores) >= BASELINE["strings"]["overall"] - 1e-9
    for name, recorded in BASELINE["strings"]["fields"].items():
        # one field may give a little for a larger gain elsewhere; the overall figure may not drop
        assert scores[name].accuracy >= recorded - FIELD_SLACK, (name, scores[name].accuracy, recorded)


# What issue 9 asks of the real documents and the labelled strings.
TARGETS = {"citation_f1": 0.98, "link_accuracy": 0.98, "reference_f1": 0.98, "problem_recall": 0.95}
MAX_FALSE_ALARMS = 10
CLEAN_SHARE = 0.9  # "no false alarm on at least 18 of 20 documents"
FIELD_TARGET = 0.92


@needs_documents
def test_real_essays_meet_the_targets(scores):
    totals = realworld_score.totals(scores)
    for name, target in TARGETS.items():
        assert totals[name] >= target, (name, totals[name], target)
    assert totals["false_alarms"] <= MAX_FALSE_ALARMS, realworld_score.table(scores)
    assert totals["documents_without_false_alarms"] >= CLEAN_SHARE * totals["documents"], realworld_score.table(scores)


@needs_strings
def test_reference_fields_meet_the_target():
    assert refs_score.overall(refs_score.score()) >= FIELD_TARGET
