"""Field accuracy of the reference parser on labelled real reference strings.

The strings are the EXCITE/SSOAR gold standard in ``../shared/realworld/refs/`` (third-party, not
committed): social-science reference lists in APA-like, Harvard-like and German author–date
styles, labelled by hand by others. Run as a script to print the accuracy of each field::

    python tests/realworld/refs_score.py            # the table quoted in the README
    python tests/realworld/refs_score.py -v title   # every string whose title came out wrong

A field is counted for a string when the label or the parser has a value for it, and is right
when both agree after folding case, accents, punctuation and dashes. So a field the parser
invents counts against it as much as one it misses.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from realworld_score import corpus_dir  # noqa: E402

FIELDS = ("author", "year", "title", "container", "volume", "issue", "pages", "publisher", "doi")


def strings_path() -> Path:
    return corpus_dir() / "refs" / "excite_ssoar_en.jsonl"


def _words(text: str) -> str:
    from essaycheck.names import fold_words

    return fold_words(text)


def _family_of_editor(raw: str) -> str:
    """The source does not split editors: "Müller, Paul J", "Winter J", "Martha Koukkou"."""
    raw = raw.strip()
    if "," in raw:
        return raw.split(",")[0]
    words = raw.split()
    if len(words) > 1 and len(words[-1].strip(".")) <= 2 and words[-1][:1].isupper():
        return words[0]
    return words[-1] if words else ""


def gold_people(fields: dict) -> list[tuple[str, str]]:
    """(family, raw) of each author, or of each editor when the work has no author."""
    # 252 of the source's author tags lack the surname tag (given names tagged alone, a repeated
    # list tagged loosely): those are label noise, not authors, unless no author has a surname.
    tagged = fields.get("author", [])
    authors = [(a["family"], a.get("raw", "")) for a in tagged if a.get("family")] or [
        (a.get("raw", "").split(",")[0], a.get("raw", "")) for a in tagged]
    if authors:
        return authors
    return [(_family_of_editor(e), e) for e in fields.get("editor", [])]


def _pages(text: str) -> str:
    text = re.sub(r"^(?:pp?\.|S\.)\s*", "", text.strip(), flags=re.IGNORECASE)
    return re.sub(r"\s*[-‐‑–—]+\s*", "-", text).replace(" ", "").lower()


def gold_value(name: str, fields: dict) -> str:
    if name == "author":
        return "|".join(_words(family) for family, _ in gold_people(fields))
    if name == "pages":
        first, last = fields.get("first_page", ""), fields.get("last_page", "")
        return _pages(f"{first}-{last}" if first and last else first or last)
    if name == "year":
        return re.sub(r"\D", "", fields.get("year", ""))[:4]
    if name == "doi":
        return fields.get("doi", "").lower()
    return _words(fields.get(name, ""))


def predicted_value(name: str, ref, fields: dict) -> str:
    if name == "author":
        people = ref.authors or ref.editors
        names = [a.literal or a.family for a in people]
        gold = gold_people(fields)
        # a group author the labels give as one raw string counts as its whole name
        return "|".join(
            _words(gold[i][0]) if i < len(gold) and _words(n) in (_words(gold[i][0]), _words(gold[i][1])) else _words(n)
            for i, n in enumerate(names))
    if name == "pages":
        return _pages(ref.pages or ref.article_number)
    if name == "year":
        return re.sub(r"\D", "", ref.year)[:4]
    if name == "container":
        return _words(ref.container_title)
    if name == "doi":
        return ref.doi.lower()
    return _words(getattr(ref, name))


@dataclass
class FieldScore:
    counted: int = 0
    right: int = 0
    wrong: list[tuple[str, str, str]] = field(default_factory=list)  # (text, gold, predicted)

    @property
    def accuracy(self) -> float:
        return self.right / self.counted if self.counted else 1.0


def score(limit: int | None = None) -> dict[str, FieldScore]:
    from essaycheck.references import parse_reference

    scores = {name: FieldScore() for name in FIELDS}
    with strings_path().open(encoding="utf-8") as lines:
        for n, line in enumerate(lines):
            if limit is not None and n >= limit:
                break
            row = json.loads(line)
            ref = parse_reference(row["text"])
            for name in FIELDS:
                gold, predicted = gold_value(name, row["fields"]), predicted_value(name, ref, row["fields"])
                if not gold and not predicted:
                    continue
                s = scores[name]
                s.counted += 1
                if gold == predicted:
                    s.right += 1
                else:
                    s.wrong.append((row["text"], gold, predicted))
    return scores


def overall(scores: dict[str, FieldScore]) -> float:
    counted = sum(s.counted for s in scores.values())
    return sum(s.right for s in scores.values()) / counted if counted else 1.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-v", "--verbose", metavar="FIELD", help="print the strings where FIELD is wrong")
    parser.add_argument("--limit", type=int, help="only the first N strings")
    args = parser.parse_args(argv)
    if not strings_path().is_file():
        print(f"no labelled strings at {strings_path()}", file=sys.stderr)
        return 2
    scores = score(args.limit)
    print("| field | counted | right | accuracy |\n|---|---:|---:|---:|")
    for name, s in scores.items():
        print(f"| {name} | {s.counted} | {s.right} | {s.accuracy:.3f} |")
    total = sum(s.counted for s in scores.values())
    print(f"| **all** | {total} | {sum(s.right for s in scores.values())} | {overall(scores):.3f} |")
    if args.verbose:
        for text, gold, predicted in scores[args.verbose].wrong:
            print(f"\n{text}\n    gold: {gold!r}\n    got:  {predicted!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
