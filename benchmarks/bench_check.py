"""Time `essaycheck check` on a 5,000-word essay with 80 citations and 40 references.

Prints the time per essay in-process after start-up, and the cold start-up of a
whole `essaycheck check` process (imports, spaCy) separately.

    python benchmarks/bench_check.py
"""

from __future__ import annotations

import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FAMILIES = ["Adams", "Baker", "Chen", "Dlamini", "Evans", "Fischer", "García", "Hughes", "Ito", "Jansen",
            "Kowalski", "Lee", "Müller", "Nguyen", "O'Brien", "Patel", "Quinn", "Rossi", "Singh", "Tanaka",
            "Usman", "van Dijk", "Walker", "Xu", "Young", "Zhang", "Novak", "Moreau", "Larsen", "Khan",
            "Ibrahim", "Horvat", "Gupta", "Ferreira", "Edwards", "Dubois", "Costa", "Brown", "Andersen", "Ward"]
FILLER = ("professional networks shape how information workers learn from one another and how they "
          "find new roles within libraries archives and records services across the sector while "
          "conferences workshops and online communities each offer a different kind of contact").split()


def build_essay(words: int = 5000, citations: int = 80, references: int = 40, seed: int = 7) -> str:
    rng = random.Random(seed)
    entries = []
    for i, family in enumerate(sorted(FAMILIES[:references], key=str.casefold)):
        coauthors = rng.choice([0, 1, 2])
        names = [f"{family}, {chr(65 + i % 26)}."] + [f"{FAMILIES[(i + k) % 40]}, B." for k in (7, 13)][:coauthors]
        author_text = names[0] if len(names) == 1 else ", ".join(names[:-1]) + ", & " + names[-1]
        year = 1990 + i % 33
        entries.append((family, coauthors, year,
                        f"{author_text} ({year}). Networking and learning in information work {i}. "
                        f"Journal of Library Studies, {10 + i}({1 + i % 4}), {100 + i}–{120 + i}. "
                        f"https://doi.org/10.1000/jls.{year}.{i:03d}"))
    paragraphs, sentence = [], []
    cited = 0
    body_words = 0
    while body_words < words:
        sentence.extend(rng.choice(FILLER) for _ in range(rng.randint(10, 20)))
        body_words = sum(len(p.split()) for p in paragraphs) + len(sentence)
        if cited < citations and rng.random() < 0.45:
            family, coauthors, year, _ = entries[cited % references]
            names = family if coauthors == 0 else f"{family} & {FAMILIES[(FAMILIES.index(family) + 7) % 40]}" \
                if coauthors == 1 else f"{family} et al."
            if cited % 3:
                sentence.append(f"({names}, {year})")
            else:
                sentence.insert(0, f"{names.replace(' & ', ' and ')} ({year}) argue that")
            cited += 1
        sentence[-1] += "."
        if len(sentence) > 120 or rng.random() < 0.2:
            paragraphs.append(" ".join(sentence).capitalize())
            sentence = []
    paragraphs.append(" ".join(sentence) + ".")
    return "Networking essay\n" + "\n".join(paragraphs) + "\nReferences\n" + "\n".join(e[3] for e in entries) + "\n"


def main() -> None:
    essay = build_essay()
    folder = Path(tempfile.mkdtemp(prefix="essaycheck-bench-"))
    path = folder / "essay-5000.txt"
    path.write_text(essay, encoding="utf-8")

    started = time.perf_counter()
    import essaycheck
    from essaycheck.api import check
    from essaycheck.settings import Settings
    settings = Settings(resolve=False)
    first = check(path, settings)
    warm_up = time.perf_counter() - started
    from essaycheck.formatting.render import _RENDERED

    runs, fresh = [], []
    for _ in range(30):
        t0 = time.perf_counter()
        report = check(path, settings)
        runs.append(time.perf_counter() - t0)
    for _ in range(10):  # as for an essay whose entries this process has not formatted before
        _RENDERED.clear()
        t0 = time.perf_counter()
        check(path, settings)
        fresh.append(time.perf_counter() - t0)

    cold = []
    for _ in range(5):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "essaycheck", "check", "--no-resolve", str(path)],
                       capture_output=True, check=False)
        cold.append(time.perf_counter() - t0)
    imports = []
    for _ in range(5):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", "import spacy; spacy.blank('en')"], check=True)
        imports.append(time.perf_counter() - t0)

    print(f"essay: {first.document.word_count} words, {len(report.citations)} citations, "
          f"{len(report.references)} references, {len(report.problems)} problems")
    print(f"in-process, after start-up: median {statistics.median(runs) * 1000:.1f} ms, "
          f"best {min(runs) * 1000:.1f} ms per essay (30 runs; target < 20 ms)")
    print(f"  the same, with none of its 40 entries formatted before (reference-format renders them): "
          f"median {statistics.median(fresh) * 1000:.1f} ms")
    print(f"first check in this process (imports, spaCy, first essay): {warm_up * 1000:.0f} ms")
    print(f"cold `essaycheck check` process: median {statistics.median(cold):.2f} s "
          f"(5 runs; target < 1.2 s)")
    print(f"for comparison, Python with a plain `import spacy; spacy.blank('en')`: median {statistics.median(imports):.2f} s "
          "(essaycheck imports spaCy without its command-line interface)")
    print(f"essaycheck {essaycheck.__version__}")


if __name__ == "__main__":
    main()
