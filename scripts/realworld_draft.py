"""Draft gold for a real-world document, and a review sheet to correct it by hand.

    python scripts/realworld_draft.py STEM [STEM …]          # draft gold (unless it exists) + sheet
    python scripts/realworld_draft.py --sheet-only STEM       # only the sheet, next to existing gold

The draft is what essaycheck reports today, with every finding's verdict left as "?": a person
reads the sheet (test-artifacts/realworld/STEM.md: the document's paragraphs, italics between
underscores, with what was found in each) and corrects the gold in tests/realworld/gold/STEM.json. The sheet holds the document's
text, so it is written under test-artifacts/, which git ignores; never commit it.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "realworld"))

import essaycheck  # noqa: E402
from realworld_score import GOLD_DIR, corpus_dir, paragraph_hash  # noqa: E402

SHEETS = ROOT / "test-artifacts" / "realworld"
_YEARISH = re.compile(r"\b(?:1[6-9]\d\d|20[0-3]\d)[a-z]?\b|\bn\.\s?d\.|\bin press\b", re.IGNORECASE)


def _ref_id(ref, taken: set[str]) -> str:
    lead = (ref.family_names[0] if ref.family_names else ref.title or ref.text).split()
    base = re.sub(r"\W", "", lead[0] if lead else "entry")[:20] + (ref.year or "nd").replace(".", "")
    name, n = base, 2
    while name in taken:
        name, n = f"{base}-{n}", n + 1
    taken.add(name)
    return name


def draft(stem: str, path: Path, report) -> dict:
    taken: set[str] = set()
    ref_ids = {ref.index: _ref_id(ref, taken) for ref in report.references}
    references = [{"id": ref_ids[r.index], "p": r.location.paragraph,
                   "lead": (r.text.split() or [""])[0].strip(",."), "year": r.year} for r in report.references]
    citations, keys = [], {}
    counts: dict[str, int] = {}
    for i, (c, link) in enumerate(zip(report.citations, report.links)):
        author = c.authors[0] if c.authors else ""
        base = f"{c.location.paragraph}|{author}|{c.year}"
        counts[base] = counts.get(base, 0) + 1
        keys[i] = base if counts[base] == 1 else f"{base}#{counts[base]}"
        citations.append({"p": c.location.paragraph, "author": author, "year": c.year,
                          "ref": ref_ids.get(link.reference) if link.reference is not None else None,
                          "text": c.text})
    problems = []
    seen = set()
    for d in report.problems:
        if d.citation is not None:
            at = keys[d.citation]
        elif d.reference is not None:
            at = f"ref:{ref_ids[d.reference]}"
        elif d.location is not None:
            at = f"p:{d.location.paragraph}"
        else:
            at = "doc"
        if (d.rule, at) in seen:
            continue
        seen.add((d.rule, at))
        problems.append({"rule": d.rule, "at": at, "verdict": "?", "why": ""})
    used = {c["p"] for c in citations} | {r["p"] for r in references} | {
        int(p["at"][2:]) for p in problems if p["at"].startswith("p:")}
    hashes = {str(p.index): paragraph_hash(p.text) for p in report.document.paragraphs
              if p.index in used or report.reference_heading is not None
              and p.index >= report.reference_heading.index}
    return {
        "document": path.name,
        "sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
        "reviewed": False,
        "notes": "",
        "paragraph_hashes": hashes,
        "references": references,
        "citations": citations,
        "problems": problems,
    }


def sheet(stem: str, report) -> str:
    by_paragraph: dict[int, list[str]] = {}
    for i, (c, link) in enumerate(zip(report.citations, report.links)):
        target = report.references[link.reference].text[:60] if link.reference is not None else "—"
        by_paragraph.setdefault(c.location.paragraph, []).append(
            f"    CITATION c{i}: {c.text!r} authors={list(c.authors)} year={c.year} "
            f"{'narrative' if c.narrative else 'parenthetical'} → {link.quality}: {target}")
    for r in report.references:
        by_paragraph.setdefault(r.location.paragraph, []).append(
            f"    ENTRY r{r.index} starts here: authors={list(r.family_names)[:4]} year={r.year} type={r.type} "
            f"title={r.title[:70]!r} container={r.container_title[:40]!r} warnings={list(r.warnings)}")
    for d in report.problems:
        p = d.location.paragraph if d.location else -1
        by_paragraph.setdefault(p, []).append(
            f"    PROBLEM {d.rule} ({d.severity.value}) at {d.location.text[:60]!r}: {d.message}"
            + (f"\n        FIX: {d.suggestion}" if d.suggestion is not None else "")
            if d.location else f"    PROBLEM {d.rule}: {d.message}")
    heading = report.reference_heading.index if report.reference_heading else None
    lines = [f"# {stem}", "", f"reference heading: paragraph {heading}", ""]
    for p in report.document.paragraphs:
        mark = " [REFERENCES HEADING]" if p.index == heading else ""
        lines.append(f"[{p.index}] ({p.part}, style={p.style!r}{', heading' if p.is_heading else ''}){mark}")
        lines.append(f"    {_with_italics(p)}")
        covered = [c.location for c in report.citations if c.location.paragraph == p.index]
        loose = [m.group() for m in _YEARISH.finditer(p.text)
                 if not any(loc.start <= m.start() < loc.end for loc in covered)]
        if loose and (heading is None or p.index < heading):
            lines.append(f"    (years not inside a found citation: {', '.join(loose)})")
        lines.extend(by_paragraph.get(p.index, []))
        lines.append("")
    lines.extend(by_paragraph.get(-1, []))
    return "\n".join(lines)


def _with_italics(paragraph) -> str:
    """The paragraph's text with its italic spans between underscores: _Journal of X_."""
    text, out, at = paragraph.text, [], 0
    for start, end in sorted(paragraph.italic):
        if start < at:
            continue
        out += [text[at:start], "_", text[start:end], "_"]
        at = end
    return "".join(out) + text[at:]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("stems", nargs="+")
    parser.add_argument("--sheet-only", action="store_true")
    parser.add_argument("--force", action="store_true", help="overwrite existing gold with a new draft")
    args = parser.parse_args(argv)
    SHEETS.mkdir(parents=True, exist_ok=True)
    GOLD_DIR.mkdir(parents=True, exist_ok=True)
    for stem in args.stems:
        path = corpus_dir() / "docs" / f"{stem}.docx"
        report = essaycheck.check(path, essaycheck.Settings(resolve=False))
        (SHEETS / f"{stem}.md").write_text(sheet(stem, report), encoding="utf-8")
        gold = GOLD_DIR / f"{stem}.json"
        if not args.sheet_only and (args.force or not gold.exists()):
            gold.write_text(json.dumps(draft(stem, path, report), indent=1, ensure_ascii=False) + "\n",
                            encoding="utf-8")
        print(f"{stem}: sheet {SHEETS / (stem + '.md')}, gold {gold}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
