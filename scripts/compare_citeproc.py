#!/usr/bin/env python3
"""Render the same CSL-JSON items with essaycheck (citeproc-py + fixes) and with pandoc's citeproc,
and print the items whose outputs differ, so the differences can be judged by a person.

Development tool, not a test: it needs Debian's pandoc (apt-get install pandoc).

    python scripts/compare_citeproc.py                      # tests/golden/corpus.json, APA
    python scripts/compare_citeproc.py items.json --style apa --italics
    python scripts/compare_citeproc.py --make-corpus 300    # rewrite tests/golden/corpus.json

Compared: the plain text of each entry (white space collapsed), the order of the list, and with
--italics the italic runs. The last line is the agreement rate.
"""

from __future__ import annotations

import argparse
import html
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CORPUS = ROOT / "tests" / "golden" / "corpus.json"


def pandoc_entries(items: list[dict], csl_path: str) -> list[tuple[str, str]]:
    """(id, inner HTML) of each entry as pandoc's citeproc renders it, in its order."""
    with tempfile.TemporaryDirectory() as tmp:
        bib = Path(tmp) / "items.json"
        bib.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
        doc = Path(tmp) / "doc.md"
        doc.write_text("---\nnocite: '@*'\n---\n", encoding="utf-8")
        out = subprocess.run(["pandoc", str(doc), "--citeproc", "--csl", csl_path, "--bibliography", str(bib),
                              "-t", "html", "--wrap=none"], capture_output=True, text=True, check=True).stdout
    found = re.findall(r'<div id="ref-([^"]+)" class="csl-entry"[^>]*>\s*(.*?)\s*</div>', out, re.S)
    return [(ident, body) for ident, body in found]


def html_to_text_and_italics(body: str) -> tuple[str, list[str]]:
    body = re.sub(r"<a [^>]*>(.*?)</a>", r"\1", body)
    body = re.sub(r'<span class="nocase">(.*?)</span>', r"\1", body)
    italics = [html.unescape(re.sub(r"<[^>]+>", "", m)) for m in re.findall(r"<(?:em|i)>(.*?)</(?:em|i)>", body)]
    text = html.unescape(re.sub(r"<[^>]+>", "", body))
    return " ".join(text.split()), [" ".join(i.split()) for i in italics]


def ours(items: list[dict], style: str) -> list[tuple[str, str, list[str]]]:
    from essaycheck.formatting import render_entries

    return [(e.id, " ".join(e.text.split()), [e.text[s:t] for s, t in e.italic]) for e in render_entries(items, style)]


def plain_citeproc_py(items: list[dict], style: str) -> list[tuple[str, str, list[str]]]:
    """citeproc-py as its README shows it, without essaycheck's fixes (for the 'before' figure)."""
    import warnings

    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON

    from essaycheck.formatting.style import style_path

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        bib = CitationStylesBibliography(CitationStylesStyle(style_path(style), validate=False),
                                         CiteProcJSON(items), formatter.html)
        for item in items:
            bib.register(Citation([CitationItem(item["id"])]))
        bib.sort()
        rendered = bib.bibliography()
    out = []
    for key, body in zip(bib.keys, rendered):
        text, spans = html_to_text_and_italics(str(body))
        out.append((next(i["id"] for i in items if i["id"].lower() == key), text, spans))
    return out


def compare(items: list[dict], style: str, italics: bool, show: int, plain: bool = False) -> float:
    from essaycheck.formatting.style import style_path

    theirs = {i: html_to_text_and_italics(b) for i, b in pandoc_entries(items, style_path(style))}
    mine = plain_citeproc_py(items, style) if plain else ours(items, style)
    differ = 0
    for ident, text, spans in mine:
        other_text, other_spans = theirs.get(ident, ("<missing>", []))
        if text != other_text or (italics and spans != other_spans):
            differ += 1
            if differ <= show:
                print(f"--- {ident}\n  essaycheck: {text}\n  pandoc:     {other_text}")
                if italics and spans != other_spans:
                    print(f"  italics: {spans} vs {other_spans}")
    order_same = [i for i, _, _ in mine] == list(theirs)
    total = len(mine)
    rate = (total - differ) / total if total else 1.0
    print(f"order {'same' if order_same else 'DIFFERENT'}; {total - differ}/{total} entries agree ({rate:.1%})")
    return rate


# --- the corpus ---------------------------------------------------------------------------------

FAMILIES = ["Smith", "Nguyen", "García", "Øvrebø", "Łukasiewicz", "Müller", "O'Brien", "Zhang", "Adams", "Brown",
            "Browning", "MacArthur", "McAllister", "Kim", "Ahmed", "Rossi", "Dubois", "Kowalski", "Andersson",
            "Van der Berg", "Ødegaard", "Çelik", "Şahin", "Yılmaz", "Novák", "Dvořák", "Schäfer", "Abe", "Costa"]
GIVENS = ["Anna", "Ji-woo", "Jean-Paul", "Mary Ann", "Li", "José", "Seán", "Zoë", "Björn", "Ana María", "R. J.",
          "Kwame", "Priya", "Tomás", "Ingrid", "Chloé", "Mehmet"]
GROUPS = ["World Health Organization", "American Psychological Association", "National Cancer Institute",
          "Australian Bureau of Statistics", "OECD"]
TITLE_WORDS = ["learning", "identity", "motivation", "children's sleep", "risk & resilience", "networks",
               "self-efficacy", "the \"digital\" divide", "wellbeing", "teachers' beliefs", "climate", "memory"]
JOURNALS = ["Journal of Applied Psychology", "Child Development", "Psychology & Health", "Nature",
            "Educational Psychology Review", "Journal of Child Psychology & Psychiatry", "The Lancet"]
PUBLISHERS = ["Routledge", "SAGE", "Oxford University Press", "Wiley", "Springer", "Penguin"]


def _person(rng):
    return {"family": rng.choice(FAMILIES), "given": rng.choice(GIVENS)}


def _title(rng, markup=False):
    words = rng.sample(TITLE_WORDS, 2)
    title = f"{words[0].capitalize()} and {words[1]}"
    if rng.random() < 0.3:
        title += f": A study of {rng.choice(TITLE_WORDS)}"
    if markup and rng.random() < 0.2:
        title += " in <i>Drosophila</i>"
    return title


def make_corpus(n: int, seed: int = 7) -> list[dict]:
    """A varied, reproducible set of CSL-JSON items: the types students cite most."""
    rng = random.Random(seed)
    kinds = ["article-journal"] * 5 + ["book"] * 2 + ["chapter", "webpage", "report", "thesis", "paper-conference"]
    items = []
    for k in range(n):
        kind = rng.choice(kinds)
        item: dict = {"id": f"i{k}", "type": kind}
        count = rng.choice([1, 1, 2, 2, 3, 4, 6, 21]) if kind == "article-journal" else rng.choice([1, 1, 2, 3])
        if kind in ("report", "webpage") and rng.random() < 0.4:
            item["author"] = [{"literal": rng.choice(GROUPS)}]
        elif not (kind in ("webpage", "book") and rng.random() < 0.15):
            item["author"] = [_person(rng) for _ in range(count)]
        if rng.random() < 0.9 or kind != "webpage":
            year = rng.randint(1990, 2024)
            item["issued"] = {"date-parts": [[year, rng.randint(1, 12), rng.randint(1, 28)]
                                             if kind == "webpage" else [year]]}
        item["title"] = _title(rng, markup=kind == "article-journal")
        if kind == "article-journal":
            item.update({"container-title": rng.choice(JOURNALS), "volume": str(rng.randint(1, 90))})
            if rng.random() < 0.7:
                item["issue"] = str(rng.randint(1, 12))
            first = rng.randint(1, 900)
            if rng.random() < 0.2:
                item["number"] = f"e{rng.randint(100, 999)}"
            else:
                item["page"] = f"{first}-{first + rng.randint(3, 40)}"
            if rng.random() < 0.7:
                item["DOI"] = f"10.{rng.randint(1000, 9999)}/x{k}"
        elif kind == "book":
            item["publisher"] = rng.choice(PUBLISHERS)
            if rng.random() < 0.3:
                item["edition"] = str(rng.randint(2, 9))
            if rng.random() < 0.2:
                item["translator"] = [_person(rng)]
            if "author" in item and rng.random() < 0.2:
                item["editor"] = item.pop("author")
        elif kind == "chapter":
            item.update({"container-title": _title(rng), "editor": [_person(rng) for _ in range(rng.choice([1, 2, 3]))],
                         "page": f"{rng.randint(1, 200)}-{rng.randint(201, 400)}", "publisher": rng.choice(PUBLISHERS)})
        elif kind == "webpage":
            item.update({"container-title": rng.choice(["BBC News", "HuffPost", "Mind", "WHO"]),
                         "URL": f"https://example.org/page/{k}"})
            if "issued" not in item and rng.random() < 0.5:
                item["accessed"] = {"date-parts": [[2024, rng.randint(1, 12), rng.randint(1, 28)]]}
        elif kind == "report":
            item["publisher"] = rng.choice(PUBLISHERS + GROUPS)
            if rng.random() < 0.5:
                item.update({"genre": "Report", "number": str(rng.randint(1, 99))})
        elif kind == "thesis":
            item.update({"genre": rng.choice(["Doctoral dissertation", "Master's thesis"]),
                         "publisher": rng.choice(["University of Oslo", "Monash University"])})
        elif kind == "paper-conference":
            item.update({"genre": "Paper presentation", "event-title": "Annual Meeting of the Society",
                         "event-place": "Chicago, IL, United States"})
        items.append(item)
    # same author, same year: the second of each pair copies the first's authors and year
    for k in range(0, n - 1, 25):
        if "author" in items[k]:
            items[k + 1]["author"] = items[k]["author"]
            items[k + 1]["issued"] = items[k].get("issued", {"date-parts": [[2020]]})
    return items


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("items", nargs="?", type=Path, default=CORPUS, help="CSL-JSON file (default: the corpus)")
    parser.add_argument("--style", default="apa")
    parser.add_argument("--italics", action="store_true", help="also compare the italic runs")
    parser.add_argument("--plain", action="store_true", help="compare plain citeproc-py instead (no fixes)")
    parser.add_argument("--show", type=int, default=1000, help="print at most this many differences")
    parser.add_argument("--make-corpus", type=int, metavar="N", help=f"write N generated items to {CORPUS}")
    args = parser.parse_args(argv)
    if args.make_corpus:
        CORPUS.write_text(json.dumps(make_corpus(args.make_corpus), ensure_ascii=False, indent=1) + "\n",
                          encoding="utf-8")
        print(f"wrote {args.make_corpus} items to {CORPUS}")
        return 0
    if shutil.which("pandoc") is None:
        print("pandoc is not installed (apt-get install pandoc)", file=sys.stderr)
        return 2
    items = json.loads(args.items.read_text(encoding="utf-8"))
    if isinstance(items, dict):  # a golden file: {case: {"items": [...]}}
        items = [i for case in items.values() for i in case["items"]]
    compare(items, args.style, args.italics, args.show, args.plain)
    return 0


if __name__ == "__main__":
    sys.exit(main())
