"""Write sample .docx files holding reference-manager citations, built by tests/managed_docs.py.

Run from the repository root::

    .venv/bin/python scripts/build_managed_samples.py OUT_DIR

For each manager it writes ``<manager>.docx`` with the default citations, and for the managers
whose citations are fields ``<manager>-placements.docx`` with one citation in each awkward place
(simple field, nested field, hyperlink, footnote). Next to each document, ``<name>.expected.json``
holds what a reader must recover: the records, the citations and the visible paragraphs. The
files are byte-identical from one run to the next.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

import managed_docs  # noqa: E402  (lives with the tests that use it)
from managed_docs import PLACEMENTS, Cite  # noqa: E402

FIELD_MANAGERS = ("zotero", "mendeley-desktop", "endnote", "word")


def samples() -> dict[str, managed_docs.ManagedDoc]:
    """The sample documents by file stem."""
    built = {manager: managed_docs.build(manager) for manager in managed_docs.MANAGERS}
    keys = ("okafor2019", "marsh2021", "ibanez2020", "council2022", "vanderberg2018")
    for manager in FIELD_MANAGERS:
        cites = [Cite((key,), placement=placement) for key, placement in zip(keys, PLACEMENTS)]
        built[f"{manager}-placements"] = managed_docs.build(manager, cites)
    return built


def expected_json(doc: managed_docs.ManagedDoc) -> str:
    """The ground truth of ``doc`` as indented JSON."""
    return json.dumps({"manager": doc.manager, "records": doc.records,
                       "citations": [dataclasses.asdict(cite) for cite in doc.citations],
                       "visible": doc.visible, "bibliography": doc.bibliography,
                       "properties": doc.properties}, ensure_ascii=False, indent=2) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path, help="folder to write the .docx and .expected.json files to")
    out = parser.parse_args(argv).out_dir
    out.mkdir(parents=True, exist_ok=True)
    built = samples()
    for stem, doc in built.items():
        doc.save(out / f"{stem}.docx")
        (out / f"{stem}.expected.json").write_text(expected_json(doc), encoding="utf-8")
    print(f"{len(built)} documents written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
