"""The reference list's layout of each real document, measured on the page LibreOffice renders.

    .venv/bin/python tests/realworld/layout_witness.py [--record]

An independent witness for essaycheck's reading of Word's layers: each document is opened and
printed to PDF by LibreOffice (``soffice --headless``; needs it installed), and on the printed
page the hanging indent of each reference entry (where its second line starts against its first),
its line spacing (the distance between its baselines over the font size) and the gap to the next
entry are measured. The table compares them with the effective values essaycheck reads from the
.docx. ``--record`` writes the measurements to ``layout_witness.json``, which
``test_realworld_layout.py`` holds essaycheck's reading to (without LibreOffice).
"""

from __future__ import annotations

import json
import re
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parents[1]))

import realworld_score  # noqa: E402

import essaycheck  # noqa: E402
from essaycheck.read.pdf import _read_pages  # noqa: E402

RECORD = HERE / "layout_witness.json"
CACHE = Path("/tmp/essaycheck-layout-witness")


def _key(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def rendered(pdf: Path, entries: list[str]) -> dict | None:
    """Hanging indent (inches), line spacing (baseline distance / font size) and gap (between
    entries / within them) of the list as printed; None when the entries cannot be found."""
    if not pdf.exists():
        return None  # LibreOffice could not open it
    pages, _, _ = _read_pages(pdf.read_bytes(), str(pdf))
    lines = [line for page in pages for line in page if line.text.strip()]
    keys = [_key(line.text) for line in lines]
    hangings, ratios, gaps, within = [], [], [], []
    previous_last = None
    for entry in entries:
        head = _key(entry)[:30]
        at = next((i for i, k in enumerate(keys) if len(head) >= 12 and k.startswith(head[:min(len(head), len(k))])
                   and len(k) >= 12), None)
        if at is None:
            previous_last = None
            continue
        first = lines[at]
        body = _key(entry)
        last = first
        for following in lines[at + 1:]:  # the entry's other lines, as long as they are its text
            if following.page != first.page or _key(following.text)[:20] not in body[len(head):]:
                break
            if last is first:
                hangings.append((following.left - first.left) / 72)
                distance = first.baseline - following.baseline
                ratios.append(distance / first.size)
                within.append(distance)
            last = following
        if previous_last is not None and previous_last.page == first.page:
            gaps.append(previous_last.baseline - first.baseline)
        previous_last = last
    if len(hangings) < 2:
        return None
    line = statistics.median(within)
    return {"hanging": round(statistics.median(hangings), 2), "spacing": round(statistics.median(ratios), 2),
            "gap": round(statistics.median(gaps) / line, 2) if gaps else None, "entries": len(hangings)}


def printed_page(pdf: Path, report) -> dict | None:
    """The essay's running text, page numbers and reference heading as printed: line spacing
    (baseline distance / font size), first-line indent (in), justified (non-final lines ending
    together), left and right margins (in), where page numbers stand, and the heading's place."""
    if not pdf.exists():
        return None
    import pypdfium2 as pdfium

    data = pdf.read_bytes()
    document = pdfium.PdfDocument(data)
    widths = [document[i].get_width() for i in range(len(document))]
    document.close()
    pages, _, _ = _read_pages(data, str(pdf))
    lines = [line for page in pages for line in page if line.text.strip()]
    keys = [_key(line.text) for line in lines]
    spacing, indents, justified, lefts, rights, sizes = [], [], [], [], [], []
    from essaycheck.rules.layout import running_text

    heading = report.document.paragraphs[report.reference_heading.index] if report.reference_heading else None
    before = report.document.paragraphs[:heading.index] if heading else report.document.paragraphs
    for paragraph in running_text(report.document, before):
        head = _key(paragraph.text)[:30]
        at = next((i for i, k in enumerate(keys) if len(k) >= 12 and k.startswith(head[:min(len(head), len(k))])), None)
        if at is None:
            continue
        body = _key(paragraph.text)
        own = [lines[at]]
        for following in lines[at + 1:]:
            if following.page != own[0].page or _key(following.text)[:20] not in body:
                break
            own.append(following)
        if len(own) < 3:
            continue
        spacing.append((own[0].baseline - own[1].baseline) / own[0].size)
        indents.append((own[0].left - own[1].left) / 72)
        ends = [line.right for line in own[:-1]]
        justified.append(max(ends) - min(ends) < 1.5)
        lefts.append(min(line.left for line in own[1:]) / 72)
        rights.append((widths[own[0].page] - max(line.right for line in own)) / 72)
        sizes.append(own[0].size)
    numbers = []
    for page in pages[1:]:
        for line in page:
            text = line.text.strip()
            if re.fullmatch(r"\d{1,3}|[ivxlc]{1,6}", text, re.IGNORECASE):
                width = widths[line.page]
                top = line.baseline > line.page_height - 1.2 * 72
                bottom = line.baseline < 1.2 * 72
                middle = (line.left + line.right) / 2
                side = "right" if middle > width - 2.2 * 72 else "left" if middle < 2.2 * 72 else "center"
                if top or bottom:
                    numbers.append(("top " if top else "bottom ") + side)
    place = statistics.mode(numbers) if numbers else ""
    heading_found = None
    if heading is not None:
        at = next((i for i, line in enumerate(lines) if line.text.strip() == heading.text.strip()), None)
        if at is not None:
            line = lines[at]
            width = widths[line.page]
            on_page = [x for x in lines if x.page == line.page and x.baseline < line.page_height - 1.1 * 72]
            heading_found = {"centred": abs((line.left + line.right) / 2 - width / 2) < 0.3 * 72,
                             "bold": line.bold,
                             "new_page": bool(on_page) and on_page[0] is line}
    if len(spacing) < 2:
        return {"page_number": place, "heading": heading_found}
    return {"spacing": round(statistics.median(spacing), 2), "indent": round(statistics.median(indents), 2),
            "justified": sum(justified) * 2 > len(justified), "left": round(min(lefts), 2),
            "right": round(statistics.median(rights), 2), "size": round(statistics.median(sizes), 1),
            "page_number": place, "heading": heading_found}


def read(report) -> dict:
    """What essaycheck reads for the same list (from the .docx's layers)."""
    formats = [report.document.formats[r.location.paragraph] for r in report.references
               if r.location.paragraph < len(report.document.formats)]
    spacing = [f.line_spacing for f in formats]
    return {"hanging": round(statistics.median(f.hanging for f in formats), 2),
            "double": sum(s is not None and 1.9 <= s <= 2.1 for s in spacing) * 2 >= len(spacing),
            "extra": sum(bool(f.blank_before or (not f.contextual_spacing and (f.space_before >= 1 or f.space_after >= 1)))
                         for f in formats[1:]) * 2 >= max(1, len(formats) - 1),
            "numbered": sum(f.numbered for f in formats) * 2 >= len(formats)}


def main() -> int:
    if not realworld_score.available() or shutil.which("soffice") is None:
        print("needs ../shared/realworld and LibreOffice (soffice)")
        return 2
    CACHE.mkdir(exist_ok=True)
    docs = realworld_score.corpus_dir() / "docs"
    stems = [s for s in realworld_score.gold_stems()
             if realworld_score.load_gold(s)["document"].endswith(".docx")]
    missing = [docs / realworld_score.load_gold(s)["document"] for s in stems
               if not (CACHE / (Path(realworld_score.load_gold(s)["document"]).stem + ".pdf")).exists()]
    if missing:
        subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(CACHE), *map(str, missing)],
                       capture_output=True, timeout=900, check=False)
    record = {}
    print("| document | hanging read / printed (in) | line spacing read / printed (× size) | extra space read / printed gap |")
    print("|---|---|---|---|")
    for stem in stems:
        name = realworld_score.load_gold(stem)["document"]
        report = essaycheck.check(docs / name, essaycheck.Settings(resolve=False))
        ours = read(report)
        printed = rendered(CACHE / (Path(name).stem + ".pdf"), [r.text for r in report.references])
        page = printed_page(CACHE / (Path(name).stem + ".pdf"), report)
        record[stem] = {"read": ours, "printed": printed, "page": page,
                        "found": sorted(p.rule for p in report.problems if p.rule.startswith("layout-"))}
        if printed is None:
            print(f"| {stem} | {ours['hanging']} / ? | {'double' if ours['double'] else 'not double'} / ? | "
                  f"{ours['extra']} / ? |")
            continue
        print(f"| {stem} | {ours['hanging']} / {printed['hanging']} | "
              f"{'double' if ours['double'] else 'not double'} / {printed['spacing']} | "
              f"{'yes' if ours['extra'] else 'no'} / {printed['gap']} |")
    if "--record" in sys.argv:
        RECORD.write_text(json.dumps(record, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
