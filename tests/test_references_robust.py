"""The parser never raises and stays linear: random and garbled input, and very long entries."""

from __future__ import annotations

import random
import time

import pytest

from essaycheck.model import Paragraph, Reference
from essaycheck.references import parse_reference, parse_reference_list, split_entries
from essaycheck.references.parse import _parse

REAL = [
    "Raj, M., Fast, N. J., & Fisher, O. (2017). Identity and professional networking. Personality & Social "
    "Psychology Bulletin, 43(6), 772–784. https://doi.org/10.1177/0146167217697299",
    "Page Group. (2022). Top 12 benefits of networking: Why networking is important.\n"
    "https://www.michaelpage.com.au/advice/career-advice/career-progression/top-12-benefits-networking",
    "Smith, J. A., & Osborn, M. (2015). Interpretative phenomenological analysis. In J. A. Smith (Ed.), "
    "Qualitative psychology: A practical guide to research methods (3rd ed., pp. 25–52). SAGE Publications.",
    "Nguyen, T. H. (2018). Peer feedback [Doctoral dissertation, University of Sydney]. https://hdl.handle.net/2123/1",
    "Merriam-Webster. (n.d.-a). Culture. In Merriam-Webster.com dictionary. Retrieved September 9, 2019, from "
    "https://www.merriam-webster.com/dictionary/culture",
    "Kesharwani, P. (Eds.). (2020, March 3). Title (Report No. 12). Academic Press. doi:10.1000/xyz.",
]
ALPHABET = "aAzZ Øł.,;:&()[]-–—'\"“”…/?!0123456789\n\t \u00a0\u200b" + "".join(REAL)
FRAGMENTS = ["(", ")", "[", "]", "(2020).", "(n.d.)", "(in press)", "(Ed.)", "(Eds.),", "In ", "pp. ", ". . .",
             "https://", "doi:", "10.1000/", "Retrieved ", " from ", ", & ", "Jr.", "Article ", "43(6), ", "ed.)",
             "[Master's thesis, ", "Report No. ", "Proceedings of ", "U.S. ", ", ", ". ", "\n", "  "]


def garbled(rng: random.Random) -> str:
    """A random string: plain noise, real entries cut and shuffled, or APA pieces thrown together."""
    kind = rng.randrange(4)
    if kind == 0:
        return "".join(rng.choice(ALPHABET) for _ in range(rng.randrange(0, 300)))
    if kind == 1:
        words = rng.choice(REAL).split(" ")
        rng.shuffle(words)
        return " ".join(words[: rng.randrange(1, len(words) + 1)])
    if kind == 2:
        text = rng.choice(REAL)
        a, b = sorted(rng.randrange(len(text) + 1) for _ in range(2))
        return text[:a] + rng.choice(FRAGMENTS) + text[b:]
    return "".join(rng.choice(FRAGMENTS + [rng.choice(REAL)[:40]]) for _ in range(rng.randrange(1, 30)))


def test_fuzz_parse_reference_never_raises() -> None:
    rng = random.Random(20261123)
    for _ in range(3000):
        text = garbled(rng)
        _parse(" ".join(text.split()))  # the real code path, without the safety net
        ref = parse_reference(text)
        assert isinstance(ref, Reference)
        assert all(isinstance(w, str) and w for w in ref.warnings)
        assert ref.year_number is None or 1000 <= ref.year_number <= 9999


def test_fuzz_split_keeps_every_character_in_order() -> None:
    rng = random.Random(305)
    for _ in range(1000):
        paragraphs = [Paragraph(index=i, text=garbled(rng), line=i + 1) for i in range(rng.randrange(0, 5))]
        entries = split_entries(paragraphs)
        assert "".join("".join(t.split()) for t, _ in entries) == "".join("".join(p.text.split()) for p in paragraphs)
        for text, location in entries:
            paragraph = next(p for p in paragraphs if p.index == location.paragraph)
            assert paragraph.text[location.start:location.end] == location.text
            assert text and location.text.strip() == location.text
        refs = parse_reference_list(paragraphs)
        assert [r.index for r in refs] == list(range(len(entries)))


@pytest.mark.parametrize("text", [None, 42, b"bytes"])
def test_non_strings_are_read_as_text_not_raised_on(text: object) -> None:
    assert isinstance(parse_reference(text), Reference)  # type: ignore[arg-type]


LONG = 100_000
HOSTILE = {
    "repeated-entries": (REAL[0] + " ") * (LONG // len(REAL[0])),
    "initials": "A. " * (LONG // 3),
    "name-list": "Smith, J., " * (LONG // 11),
    "open-parens": "(" * LONG,
    "dates": "(2020). " * (LONG // 8),
    "groups-and-dates": "Ab. (2020). " * (LONG // 12),
    "editors": "Smith, J. (2020). T. In " + "A. B., " * (LONG // 7) + "(Eds.), x",
    "url": "https://" + "a" * LONG,
    "dois": "doi:10.1234/x " * (LONG // 14),
    "title-groups": "Smith, J. (2020). Title" + " (3rd ed.)" * (LONG // 10) + ".",
    "ellipses": ". . . " * (LONG // 6),
    "ampersands": "& " * (LONG // 2),
    "one-word": "x" * LONG,
    "doi-closing-brackets": "https://doi.org/10.1234/" + ")]>." * (LONG // 4),
    "url-closing-brackets": "https://example.org/" + ")" * LONG,
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_long_entries_parse_in_linear_time(name: str) -> None:
    text = HOSTILE[name]
    start = time.perf_counter()
    parse_reference(text)
    assert time.perf_counter() - start < 0.5
    start = time.perf_counter()
    parse_reference_list([Paragraph(index=0, text=text), Paragraph(index=1, text=text.replace(" ", "\n"))])
    assert time.perf_counter() - start < 1.0


def test_forty_entries_take_a_few_milliseconds() -> None:
    paragraphs = [Paragraph(index=i, text=REAL[i % len(REAL)], line=i + 1) for i in range(40)]
    parse_reference_list(paragraphs)  # warm up regex caches
    start = time.perf_counter()
    refs = parse_reference_list(paragraphs)
    elapsed = time.perf_counter() - start
    assert len(refs) == 40
    assert elapsed < 0.05  # typically 2–5 ms; generous for slow CI machines


def test_importing_the_package_stays_cheap() -> None:
    import subprocess
    import sys

    heavy = "('spacy', 'requests', 'docx', 'citeproc')"
    code = f"import sys, essaycheck.references; print(sorted(m for m in {heavy} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
