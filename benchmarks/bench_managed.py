"""Benchmark: reading the citations reference managers stored in a .docx.

    .venv/bin/python benchmarks/bench_managed.py [--citations 500] [--repeat 5]

For each manager (Zotero, Mendeley Desktop, Mendeley Cite, EndNote with its XML in w:fldData, Word),
builds a .docx holding ``--citations`` managed citations (with tests/managed_docs.py, as each
manager writes them; one, two or three works each, some with a page) and its bibliography, then
times, in one process: reading the package (``read_document``), reading the managers' records
(``read_managed``), and the whole check without lookups (``check``). Prints the best of
``--repeat`` runs for each, and whether every citation was read. Target: read_document +
read_managed of 500 managed citations under 0.3 s.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

import managed_docs  # noqa: E402
from managed_docs import Cite  # noqa: E402

from essaycheck import Settings, check  # noqa: E402
from essaycheck.managers import read_managed  # noqa: E402
from essaycheck.read import read_document  # noqa: E402

MANAGERS = ("zotero", "mendeley-desktop", "mendeley-cite", "endnote", "word")
KEYS = ("okafor2019", "marsh2021", "ibanez2020", "council2022", "delacroix2020", "vanderberg2018", "nakamura2023")


def citations(count: int, manager: str) -> list[Cite]:
    """``count`` citations of one to three works each; every fifth with a page."""
    cites = []
    for number in range(count):
        works = 1 + number % 3
        keys = tuple(KEYS[(number + k) % len(KEYS)] for k in range(works))
        store = "fldData" if manager == "endnote" else "instruction"
        cites.append(Cite(keys, page=str(10 + number % 90) if number % 5 == 0 else "", store=store))
    return cites


def best(repeat: int, work) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - start)
    return min(times), result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--citations", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    settings = Settings(resolve=False)
    check(ROOT / "samples" / "clean-essay.docx", settings)  # spaCy and the styles load once, before timing
    print(f"{args.citations} managed citations per document, best of {args.repeat}")
    print(f"{'manager':<18}{'size':>9}{'read':>9}{'managers':>10}{'sum':>8}{'check':>9}  citations read")
    worst = 0.0
    with tempfile.TemporaryDirectory() as folder:
        for manager in MANAGERS:
            doc = managed_docs.build(manager, citations(args.citations, manager))
            path = doc.save(Path(folder) / f"{manager}.docx")
            read_time, document = best(args.repeat, lambda: read_document(path))
            managed_time, managed = best(args.repeat, lambda: read_managed(document))
            check_time, _ = best(max(1, args.repeat // 2), lambda: check(path, settings))
            total = read_time + managed_time
            worst = max(worst, total)
            read = len(managed.citations)
            print(f"{manager:<18}{len(doc.data) / 1024:>7.0f}KB{read_time:>8.3f}s{managed_time:>9.3f}s"
                  f"{total:>7.3f}s{check_time:>8.3f}s  {read}/{len(doc.citations)}")
    print(f"slowest read_document + read_managed: {worst:.3f} s (target < 0.3 s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
