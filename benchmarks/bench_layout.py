"""Benchmark what reading Word's layout costs a check: a 5,000-word .docx with and without it.

    .venv/bin/python benchmarks/bench_layout.py

The essay of bench_check.py as a Word document (80 citations, 40 references) is checked 40
times as essaycheck does it, and 40 times with the layout reader replaced by one that reads
nothing (and the layout rules off), in the same process; the medians are compared. Target: the
layout adds at most 10 % to the check.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path
from unittest import mock

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_serve import essay_docx  # noqa: E402 - the same 5,000-word essay, as .docx

TARGET = 0.10


def median_ms(path: Path, settings, runs: int = 40) -> float:
    import essaycheck

    for _ in range(5):
        essaycheck.check(path, settings)
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        essaycheck.check(path, settings)
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def main() -> int:
    from essaycheck.model import ParagraphFormat
    from essaycheck.read.formats import FormatReader
    from essaycheck.settings import Settings

    path = essay_docx(Path(tempfile.mkdtemp(prefix="essaycheck-bench-layout-")))
    settings = Settings(resolve=False)
    with_layout = median_ms(path, settings)
    nothing = ParagraphFormat()
    with mock.patch.object(FormatReader, "paragraph", lambda self, *a, **k: nothing), \
            mock.patch.object(FormatReader, "run_font", lambda self, *a, **k: ("", None)):
        without = median_ms(path, settings.updated(ignore=("layout",)))
    share = with_layout / without - 1
    print(f"check of a 5,000-word .docx: {with_layout:.1f} ms with layout, {without:.1f} ms without "
          f"({share:+.1%}; target at most +{TARGET:.0%}) [{'ok' if share <= TARGET else 'MISSES TARGET'}]")
    return 0 if share <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
