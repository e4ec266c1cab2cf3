"""The real documents of ../shared/realworld/docs in other formats: does essaycheck find the same?

    .venv/bin/python tests/realworld/formats_score.py [STEM ...] [-v]

Each document is converted by LibreOffice (``soffice --headless``, when installed) to OpenDocument
and to PDF, into a temporary folder (the documents are third-party: nothing is kept), then checked
without lookups like the .docx. Prints, per document and format, whether the citations and the
problems are the same as the .docx's (texts with whitespace normalised), or how many problems only
the converted copy has (+, would be false alarms) and how many it lacks (-). With -v, lists them.

What differs for a reason: a conversion drops the fields of reference managers (their findings go),
and a PDF carries no italics where the fonts do not say so (the italics rule then stays silent).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(Path(__file__).parent)]

import realworld_score  # noqa: E402
from equivalence import summary  # noqa: E402

from essaycheck import Settings  # noqa: E402
from essaycheck.api import check_document  # noqa: E402
from essaycheck.read import read_document  # noqa: E402

FORMATS = ("odt", "pdf")


def convert(documents: list[Path], folder: Path) -> None:
    for kind in FORMATS:
        subprocess.run(["soffice", "--headless", "--convert-to", kind, "--outdir", str(folder),
                        *map(str, documents)], capture_output=True, timeout=900, check=False)


def main() -> int:
    verbose = "-v" in sys.argv
    stems = [arg for arg in sys.argv[1:] if arg != "-v"]
    if not realworld_score.available() or shutil.which("soffice") is None:
        print("needs ../shared/realworld and LibreOffice (soffice)")
        return 2
    documents = sorted(path for path in (realworld_score.corpus_dir() / "docs").glob("*.docx")
                       if not stems or path.stem in stems)
    settings = Settings(resolve=False)
    same = {kind: 0 for kind in FORMATS}
    with tempfile.TemporaryDirectory() as folder:
        convert(documents, Path(folder))
        for document in documents:
            expected = summary(check_document(read_document(document), settings))
            cells = []
            for kind in FORMATS:
                copy = Path(folder) / f"{document.stem}.{kind}"
                if not copy.exists():
                    cells.append(f"{kind}: not converted")
                    continue
                found = summary(check_document(read_document(copy), settings))
                extra, missing = found[2] - expected[2], expected[2] - found[2]
                citations = "=" if found[0] == expected[0] else "≠"
                problems = "=" if not extra and not missing else f"+{sum(extra.values())} -{sum(missing.values())}"
                same[kind] += citations == "=" and problems == "="
                cells.append(f"{kind}: citations {citations} problems {problems}")
                if verbose and (extra or missing):
                    print(f"  {document.stem} {kind} only:", sorted(extra)[:12])
                    print(f"  {document.stem} {kind} lacks:", sorted(missing)[:12])
            print(f"{document.stem:<28} " + " | ".join(cells))
    print(" ".join(f"{kind}: {n} of {len(documents)} the same" for kind, n in same.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
