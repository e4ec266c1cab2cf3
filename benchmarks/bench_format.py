#!/usr/bin/env python3
"""Format 1,000 references in-process; print the time beside plain citeproc-py on the same items.

Plain citeproc-py is used as its README shows: the style parsed once, one bibliography of all
items, registered, sorted and rendered. Both sides parse the style before the clock starts.

    python benchmarks/bench_format.py [N] [--repeat R]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def corpus(n: int) -> list[dict]:
    """``n`` items cycled from tests/golden/corpus.json, each with its own id and title."""
    base = json.loads((ROOT / "tests" / "golden" / "corpus.json").read_text(encoding="utf-8"))
    items = []
    for k in range(n):
        item = dict(base[k % len(base)])
        item["id"] = f"b{k}"
        item["title"] = f"{item['title']} {k // len(base)}"
        items.append(item)
    return items


def plain_citeproc_py(items: list[dict]) -> float:
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        style = CitationStylesStyle("apa", validate=False)
        start = time.perf_counter()
        bibliography = CitationStylesBibliography(style, CiteProcJSON(items), formatter.plain)
        for item in items:
            bibliography.register(Citation([CitationItem(item["id"])]))
        bibliography.sort()
        bibliography.bibliography()
        return time.perf_counter() - start


def essaycheck_format(items: list[dict], *, reuse: bool = False) -> float:
    """Seconds to render ``items``; without ``reuse`` every entry is rendered afresh (no cached entries)."""
    from essaycheck.formatting import load_style, render_entries
    from essaycheck.formatting.render import _RENDERED

    load_style("apa")
    if not reuse:
        _RENDERED.clear()
    start = time.perf_counter()
    render_entries(items, "apa")
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", nargs="?", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each; the median is shown")
    args = parser.parse_args(argv)
    items = corpus(args.n)
    ours = statistics.median(essaycheck_format(items) for _ in range(args.repeat))
    again = statistics.median(essaycheck_format(items, reuse=True) for _ in range(args.repeat))
    plain = statistics.median(plain_citeproc_py(items) for _ in range(args.repeat))
    per = 1000 / args.n
    print(f"{args.n} references, median of {args.repeat} runs")
    print(f"  plain citeproc-py     {plain:7.2f} s  {plain * per:6.2f} ms/item")
    print(f"  essaycheck.formatting {ours:7.2f} s  {ours * per:6.2f} ms/item  ({plain / ours:.1f}x faster)")
    print(f"  the same entries again (rendered entries reused): {again * per:.2f} ms/item")
    return 0


if __name__ == "__main__":
    sys.exit(main())
