"""Score essaycheck against hand-written gold for real third-party essays.

The essays themselves live in ``../shared/realworld/docs`` (or ``$ESSAYCHECK_REALWORLD/docs``)
and are never committed; only the gold in ``gold/`` is. Run as a script to print the table
the README quotes::

    python tests/realworld/realworld_score.py            # every document with gold
    python tests/realworld/realworld_score.py STEM -v    # one document, every miss and false alarm

Gold format (one JSON file per document, ``gold/STEM.json``):

- ``paragraph_hashes``: paragraph index -> first 8 hex digits of sha1 of its text, as read when
  the gold was written, so gold keeps pointing at the same paragraphs if the reader later finds
  more of them (a text box, a caption).
- ``references``: every entry of the reference list, ``{"id", "p", "lead", "year"}``: the paragraph
  the entry starts in, the first word of the entry (to tell apart entries sharing a paragraph).
- ``citations``: every in-text author–date citation, one per cited work,
  ``{"p", "author", "year", "ref"}``: first author (or group) as written, the year as written,
  and the id of the entry it means (null when the list has none).
- ``problems``: ``{"rule", "at", "verdict", "why"}`` (see README.md). ``rule`` is a rule id or a list of ids any
  of which is right; ``at`` is ``"P|Author|Year"`` (a citation; ``#2`` for the second of the same
  work in that paragraph), ``"ref:ID"``, ``"p:N"`` or ``"doc"``. ``verdict`` is ``true`` (a careful
  tutor flags this: it must be found), ``allowed`` (defensible either way) or ``false`` (must not
  be reported; any other finding not listed as true or allowed is a false alarm too).

Lookups of DOIs and links are not scored (the tests have no network): ``check`` runs with
``resolve=False``, and true problems only a lookup can find are counted apart, as are true problems
that no rule of today covers (layout).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
GOLD_DIR = Path(os.environ.get("ESSAYCHECK_GOLD_DIR") or HERE / "gold")
VERDICTS = ("true", "allowed", "false")


def corpus_dir() -> Path:
    """Where the real documents are: $ESSAYCHECK_REALWORLD, else ../shared/realworld beside the repo."""
    configured = os.environ.get("ESSAYCHECK_REALWORLD")
    return Path(configured) if configured else HERE.parents[2] / "shared" / "realworld"


def paragraph_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]


def fold(text: str) -> str:
    from essaycheck.names import fold as essaycheck_fold

    return essaycheck_fold(text)


def year_key(year: str) -> str:
    return fold(year)


def author_key(author: str) -> str:
    words = author.split()
    return fold(words[0]) if words else ""


def authors_agree(gold: str, predicted: str) -> bool:
    g, p = fold(gold), fold(predicted)
    return bool(g) and (g == p or author_key(gold) == author_key(predicted) or g.startswith(p) or p.startswith(g))


@dataclass
class DocumentScore:
    stem: str
    citations_gold: int = 0
    citations_found: int = 0
    citations_matched: int = 0
    links_right: int = 0
    references_gold: int = 0
    references_found: int = 0
    references_matched: int = 0
    problems_gold: int = 0
    problems_caught: int = 0
    false_alarms: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    missed_citations: list[str] = field(default_factory=list)
    extra_citations: list[str] = field(default_factory=list)
    wrong_links: list[str] = field(default_factory=list)
    missed_references: list[str] = field(default_factory=list)
    extra_references: list[str] = field(default_factory=list)
    beyond_rules: list[str] = field(default_factory=list)  # true problems no rule of today covers
    needs_lookup: list[str] = field(default_factory=list)  # true problems only a DOI/URL lookup finds
    unreviewed: int = 0

    @property
    def citation_f1(self) -> float:
        return _f1(self.citations_matched, self.citations_found, self.citations_gold)

    @property
    def reference_f1(self) -> float:
        return _f1(self.references_matched, self.references_found, self.references_gold)

    @property
    def link_accuracy(self) -> float:
        return self.links_right / self.citations_matched if self.citations_matched else 1.0

    @property
    def recall(self) -> float:
        return self.problems_caught / self.problems_gold if self.problems_gold else 1.0


def _f1(matched: int, found: int, gold: int) -> float:
    if not found and not gold:
        return 1.0
    return 2 * matched / (found + gold) if found + gold else 0.0


def load_gold(stem: str) -> dict:
    return json.loads((GOLD_DIR / f"{stem}.json").read_text(encoding="utf-8"))


def gold_stems() -> list[str]:
    return sorted(p.stem for p in GOLD_DIR.glob("*.json"))


def _index_map(gold: dict, document) -> dict[int, int]:
    """Gold paragraph index -> the index of the same paragraph as read now (by its text's hash)."""
    now: dict[str, list[int]] = defaultdict(list)
    for paragraph in document.paragraphs:
        now[paragraph_hash(paragraph.text)].append(paragraph.index)
    mapping: dict[int, int] = {}
    for index, digest in gold.get("paragraph_hashes", {}).items():
        places = now.get(digest)
        if places:
            mapping[int(index)] = min(places, key=lambda p: abs(p - int(index)))
    return mapping


def score_document(stem: str, report=None) -> DocumentScore:
    """Check the document (unless ``report`` is given) and compare with its gold."""
    gold = load_gold(stem)
    if report is None:
        import essaycheck

        report = essaycheck.check(corpus_dir() / "docs" / gold["document"], essaycheck.Settings(resolve=False))
    mapping = _index_map(gold, report.document)

    def at(p: int) -> int:
        return mapping.get(p, p)

    score = DocumentScore(stem)

    # references: an entry is found when one starts in the same paragraph with the same first word
    gold_refs = gold["references"]
    score.references_gold = len(gold_refs)
    score.references_found = len(report.references)
    ref_of_predicted: dict[int, str] = {}
    free = list(gold_refs)
    for ref in report.references:
        lead = author_key(ref.text.lstrip("•*-–0123456789.[]() "))
        match = next((g for g in free if at(g["p"]) == ref.location.paragraph and author_key(g["lead"]) == lead), None)
        match = match or next((g for g in free if at(g["p"]) == ref.location.paragraph), None)
        if match:
            free.remove(match)
            ref_of_predicted[ref.index] = match["id"]
            score.references_matched += 1
        else:
            score.extra_references.append(f"p{ref.location.paragraph}: {ref.text[:70]}")
    score.missed_references = [f"{g['id']} (p{g['p']})" for g in free]
    # a repeated entry (a true duplicate-reference) is the same work as the first with its lead and year:
    # a citation linked to either copy is linked right
    repeated = {p["at"][4:] for p in gold.get("problems", [])
                if p.get("rule") == "duplicate-reference" and str(p.get("verdict")).lower() == "true"}
    first_copy: dict[tuple, str] = {}
    canonical: dict[str, str] = {}
    for g in gold_refs:
        key = (author_key(g["lead"]), year_key(g["year"]))
        canonical[g["id"]] = first_copy.get(key, g["id"]) if g["id"] in repeated else g["id"]
        first_copy.setdefault(key, g["id"])

    # citations: same paragraph, same year, same first author
    gold_cites = gold["citations"]
    score.citations_gold = len(gold_cites)
    score.citations_found = len(report.citations)
    key_of_predicted: dict[int, str] = {}
    occurrences: Counter = Counter()
    gold_keys = []
    for g in gold_cites:
        base = f"{g['p']}|{g['author']}|{g['year']}"
        occurrences[base] += 1
        gold_keys.append(base if occurrences[base] == 1 else f"{base}#{occurrences[base]}")
    unmatched = list(zip(gold_keys, gold_cites))
    for i, citation in enumerate(report.citations):
        author = citation.authors[0] if citation.authors else ""
        candidates = [(k, g) for k, g in unmatched if at(g["p"]) == citation.location.paragraph
                      and year_key(g["year"]) == year_key(citation.year) and authors_agree(g["author"], author)]
        # several citations of one work in a paragraph: the one written the same way, else the first
        same_text = [(k, g) for k, g in candidates if fold(g.get("text", "")) == fold(citation.text)]
        match = (same_text or candidates or [None])[0]
        if match is None:
            score.extra_citations.append(f"p{citation.location.paragraph}: {citation.text!r}")
            continue
        unmatched.remove(match)
        key, g = match
        key_of_predicted[i] = key
        score.citations_matched += 1
        linked = report.links[i].reference
        linked_id = ref_of_predicted.get(linked) if linked is not None else None
        if canonical.get(linked_id, linked_id) == canonical.get(g.get("ref"), g.get("ref")):
            score.links_right += 1
        else:
            score.wrong_links.append(f"{key}: linked to {linked_id}, gold {g.get('ref')}")
    score.missed_citations = [k for k, _ in unmatched]

    # problems
    expected: dict[tuple[str, str], dict] = {}
    allowed: set[tuple[str, str]] = set()
    for problem in gold.get("problems", []):
        verdict = str(problem.get("verdict")).lower()
        if verdict not in VERDICTS:
            score.unreviewed += 1
            continue
        rules = problem["rule"] if isinstance(problem["rule"], list) else [problem["rule"]]
        for rule in rules:
            if verdict == "true":
                expected.setdefault((rule, problem["at"]), problem)
            elif verdict == "allowed":
                allowed.add((rule, problem["at"]))
    from essaycheck.rules import RESOLUTION_RULES, RULES_BY_ID

    true_problems = []
    for problem in gold.get("problems", []):
        if str(problem.get("verdict")).lower() != "true":
            continue
        rules = problem["rule"] if isinstance(problem["rule"], list) else [problem["rule"]]
        if any(rule in RULES_BY_ID for rule in rules):
            true_problems.append(problem)
        elif any(rule in RESOLUTION_RULES for rule in rules):
            score.needs_lookup.append(f"{'|'.join(rules)} at {problem['at']}")
        else:
            score.beyond_rules.append(f"{'|'.join(rules)} at {problem['at']}")
    score.problems_gold = len(true_problems)

    found_keys: set[tuple[str, str]] = set()
    for problem in report.problems:
        anchor = _anchor(problem, report, key_of_predicted, ref_of_predicted)
        key = (problem.rule, anchor)
        if key in found_keys:
            continue  # the same finding twice at one place is scored once
        found_keys.add(key)
        where = problem.location.text[:60] if problem.location else "whole essay"
        if key not in expected and key not in allowed:
            score.false_alarms.append(f"{problem.rule} at {anchor} ({where!r}): {problem.message[:110]}")
        elif problem.rule == "reference-format" and problem.suggestion and problem.location:
            lost = fix_loses(problem.location.text, problem.suggestion, problem.message)
            if lost:
                score.false_alarms.append(f"{problem.rule} at {anchor}: the corrected entry loses {lost}")
    for problem in true_problems:
        rules = problem["rule"] if isinstance(problem["rule"], list) else [problem["rule"]]
        if any((rule, problem["at"]) in found_keys for rule in rules):
            score.problems_caught += 1
        else:
            score.missed.append(f"{'|'.join(rules)} at {problem['at']}: {problem.get('why', '')}")
    return score


_LOCATORS = re.compile(r"https?://\S+|www\.\S+|\b10\.\d{4,9}/\S+", re.IGNORECASE)
_NUMBER = re.compile(r"\d+")
_NAME = re.compile(r"[^\W\d_][^\W\d_'’-]+")
_YEAR_GROUP = re.compile(r"\((?:\d{4}|n\.\s?d\.)")


def fix_loses(original: str, suggestion: str, message: str) -> list[str]:
    """What of the original entry a corrected entry leaves out without saying so.

    Every number, DOI and URL must be kept, and every name of the author part (before the date);
    a drop the message names ("the retrieval date …") is allowed.
    """
    def locator_key(text: str) -> str:
        text = text.rstrip(".,;)'\"”’").lower()
        return re.sub(r"^(?:https?://)?(?:dx\.)?(?:doi\.org/)?(?:www\.)?", "", text)

    kept_locators = {locator_key(m) for m in _LOCATORS.findall(suggestion)}
    kept = fold(suggestion)
    lost = [m for m in _LOCATORS.findall(original) if locator_key(m) not in kept_locators
            and not any(locator_key(m) in k or k in locator_key(m) for k in kept_locators)]
    bare_original = _LOCATORS.sub(" ", original)
    suggestion_numbers = Counter(_NUMBER.findall(_LOCATORS.sub(" ", suggestion)))
    for number, count in Counter(_NUMBER.findall(bare_original)).items():
        if suggestion_numbers[number] < count and number not in message:
            lost.append(number)
    date = _YEAR_GROUP.search(bare_original)
    if date:
        lost += [n for n in _NAME.findall(bare_original[:date.start()])
                 if n[0].isupper() and fold(n) not in kept and n not in message]
    return lost


def _anchor(problem, report, key_of_predicted: dict[int, str], ref_of_predicted: dict[int, str]) -> str:
    if problem.citation is not None:
        return key_of_predicted.get(problem.citation, f"unmatched-citation:{problem.citation}")
    if problem.reference is not None:
        found = ref_of_predicted.get(problem.reference)
        return f"ref:{found}" if found else f"unmatched-reference:{problem.reference}"
    if problem.location is not None:
        return f"p:{problem.location.paragraph}"
    return "doc"


def available() -> bool:
    return (corpus_dir() / "docs").is_dir() and bool(gold_stems())


def score_all(stems: list[str] | None = None) -> list[DocumentScore]:
    return [score_document(stem) for stem in (stems or gold_stems())]


def totals(scores: list[DocumentScore]) -> dict[str, float]:
    def total(name: str) -> int:
        return sum(getattr(s, name) for s in scores)

    matched = total("citations_matched")
    return {
        "documents": len(scores),
        "citation_f1": _f1(matched, total("citations_found"), total("citations_gold")),
        "link_accuracy": total("links_right") / matched if matched else 1.0,
        "reference_f1": _f1(total("references_matched"), total("references_found"), total("references_gold")),
        "problem_recall": total("problems_caught") / total("problems_gold") if total("problems_gold") else 1.0,
        "false_alarms": sum(len(s.false_alarms) for s in scores),
        "documents_without_false_alarms": sum(1 for s in scores if not s.false_alarms),
        "problems_gold": total("problems_gold"),
    }


def table(scores: list[DocumentScore]) -> str:
    lines = ["| document | citations (gold) | citation F1 | link accuracy | entries (gold) | reference F1 "
             "| problems (gold) | recall | false alarms |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for s in scores:
        lines.append(f"| {s.stem} | {s.citations_gold} | {s.citation_f1:.3f} | {s.link_accuracy:.3f} | "
                     f"{s.references_gold} | {s.reference_f1:.3f} | {s.problems_gold} | {s.recall:.2f} | "
                     f"{len(s.false_alarms)} |")
    t = totals(scores)
    lines.append(f"| **all {t['documents']}** | {sum(s.citations_gold for s in scores)} | {t['citation_f1']:.3f} | "
                 f"{t['link_accuracy']:.3f} | {sum(s.references_gold for s in scores)} | {t['reference_f1']:.3f} | "
                 f"{t['problems_gold']} | {t['problem_recall']:.3f} | {t['false_alarms']} |")
    return "\n".join(lines)


def record_baseline(scores: list[DocumentScore]) -> None:
    """Keep today's figures as the floor the tests hold later changes to."""
    import refs_score

    def floor(value: float) -> float:
        return math.floor(value * 10_000) / 10_000  # rounded down, so today's run passes its own floor

    path = HERE / "baseline.json"
    strings = refs_score.score()
    path.write_text(json.dumps({
        "documents": {k: floor(v) if isinstance(v, float) else v for k, v in totals(scores).items()},
        "strings": {"overall": floor(refs_score.overall(strings)),
                    "fields": {name: floor(s.accuracy) for name, s in strings.items()}},
    }, indent=1) + "\n", encoding="utf-8")
    print(f"recorded in {path}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("stems", nargs="*", help="documents to score (default: every one with gold)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss and false alarm")
    parser.add_argument("--record", action="store_true",
                        help="write today's figures to baseline.json (the floor test_realworld.py holds them to)")
    args = parser.parse_args(argv)
    if not (corpus_dir() / "docs").is_dir():
        print(f"no documents at {corpus_dir() / 'docs'}", file=sys.stderr)
        return 2
    scores = score_all(args.stems or None)
    print(table(scores))
    if args.record:
        if args.stems:
            parser.error("--record scores every document; give no STEM")
        record_baseline(scores)
    t = totals(scores)
    print(f"\n{t['documents_without_false_alarms']} of {t['documents']} documents without a false alarm; "
          f"{t['false_alarms']} false alarms in all.")
    for s in scores:
        if s.unreviewed:
            print(f"{s.stem}: {s.unreviewed} problems not yet reviewed", file=sys.stderr)
        if args.verbose:
            for title, items in (("false alarms", s.false_alarms), ("missed problems", s.missed),
                                 ("missed citations", s.missed_citations), ("extra citations", s.extra_citations),
                                 ("wrong links", s.wrong_links), ("missed entries", s.missed_references),
                                 ("extra entries", s.extra_references)):
                if items:
                    print(f"\n{s.stem}: {title} ({len(items)})")
                    for item in items:
                        print(f"  - {item}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
