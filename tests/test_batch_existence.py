"""Tutor mode and the existence verdicts: the references not found of each essay, in the summary
row, summary.csv, the state file, the one-line summary and the index page, and after a rerun.

The lookups go to a real server on 127.0.0.1: Crossref's search always proposes Braun and
Clarke (2006), OpenAlex has nothing. So an entry for Braun and Clarke without its DOI is
verified, an invented article is not found, and a web page is not checked.
"""

import csv
import json
import re

import resolve_support as S
from essaycheck.batch import run_batch
from essaycheck.batch.state import STATE_FILE
from essaycheck.rules.examples import essay
from essaycheck.settings import Settings

server, running_server = S.server, S.running_server

BRAUN_NO_DOI = ("Braun, V., & Clarke, V. (2006). Using thematic analysis in psychology. "
                "Qualitative Research in Psychology, 3(2), 77\u2013101.")
INVENTED = ("Moreau, L., & Okafor, T. (2019). Quantum listening habits of migratory office workers. "
            "Journal of Imaginary Workplace Studies, 12(3), 45\u201367.")
FLAGGED, CLEAN = "flagged.txt", "clean.txt"
VERDICT_COLUMNS = ("references_verified", "references_found_with_differences", "references_not_found",
                   "references_not_checked")


def build_class(tmp_path, monkeypatch, server):
    """Two essays: one cites a work no service knows, the other only works found or not looked up."""
    server.expect_request("/crossref/works").respond_with_json(S.load("search-nothing.crossref.json"))
    server.expect_request("/openalex/works").respond_with_json({"meta": {"count": 0}, "results": []})
    server.expect_request("/page").respond_with_data("<title>Networking guide</title>", content_type="text/html")
    for service in ("doi", "crossref", "openalex", "openlibrary"):
        monkeypatch.setenv(f"ESSAYCHECK_{service.upper()}_URL", server.url_for(f"/{service}").rstrip("/"))
    root = tmp_path / "class"
    root.mkdir()
    (root / FLAGGED).write_text(essay(
        "Themes emerge (Braun & Clarke, 2006) and habits travel (Moreau & Okafor, 2019).",
        BRAUN_NO_DOI, INVENTED), encoding="utf-8")
    page = f"Page Group. (2022). Networking guide. {server.url_for('/page')}"
    (root / CLEAN).write_text(essay(
        "Themes emerge (Braun & Clarke, 2006) and networks matter (Page Group, 2022).",
        BRAUN_NO_DOI, page), encoding="utf-8")
    return root


def settings_for(tmp_path, jobs=1):
    return Settings(resolve=True, jobs=jobs, cache_dir=str(tmp_path / "cache"), allow_private_urls=True,
                    progress=False)


def verdicts(row):
    return tuple(getattr(row, column) for column in VERDICT_COLUMNS)


def index_rows(page):
    """File name -> the <tr> of that essay in index.html."""
    rows = re.findall(r"<tr[^>]*>.*?</tr>", page.split("<tbody>", 1)[1], flags=re.S)
    return {re.search(r'data-sort="([^"]*)"', row).group(1): row for row in rows}


def test_reference_not_found_is_counted_in_every_form_of_the_summary(tmp_path, monkeypatch, server):
    root = build_class(tmp_path, monkeypatch, server)
    out = tmp_path / "out"
    result = run_batch(root, out, settings_for(tmp_path, jobs=2))  # the class's lookups handed to two workers
    rows = {row.file: row for row in result.rows}
    assert [row.status for row in result.rows] == ["checked", "checked"]
    assert verdicts(rows[FLAGGED]) == (1, 0, 1, 0)
    assert verdicts(rows[CLEAN]) == (1, 0, 0, 1)
    assert ("reference-not-found", 1) in rows[FLAGGED].rules
    assert result.summary_line.endswith("; 1 reference not found in 1 essay")

    for name, row in rows.items():  # the figures are the ones of each essay's JSON report
        report = json.loads((out / f"{name}.json").read_text(encoding="utf-8"))
        assert report["summary"]["existence"] == {
            "verified": row.references_verified, "found-with-differences": row.references_found_with_differences,
            "not-found": row.references_not_found, "not-checked": row.references_not_checked}

    with open(out / "summary.csv", newline="", encoding="utf-8") as handle:
        table = {r["file"]: r for r in csv.DictReader(handle)}
    assert [int(table[FLAGGED][c]) for c in VERDICT_COLUMNS] == [1, 0, 1, 0]
    assert [int(table[CLEAN][c]) for c in VERDICT_COLUMNS] == [1, 0, 0, 1]

    saved = json.loads((out / STATE_FILE).read_text(encoding="utf-8"))["essays"]
    assert saved[FLAGGED]["row"]["references_not_found"] == 1
    assert saved[CLEAN]["row"]["references_not_found"] == 0

    page = (out / "index.html").read_text(encoding="utf-8")
    assert '<th scope="col" data-type="number">References not found</th>' in page
    assert "1 essay has at least one reference not found in Crossref, OpenAlex or Open Library" in page
    assert "1 reference not found in 1 essay" in page  # the summary line at the top
    flagged, clean = index_rows(page)[FLAGGED], index_rows(page)[CLEAN]
    assert flagged.startswith('<tr class="not-found" ')
    assert '<span class="flag"><span aria-hidden="true">\u26a0</span> 1 reference not found</span>' in flagged
    assert re.search(r'<td class="n references_not_found some" data-sort="1" title="1 verified, 0 found with '
                     r'differences, 1 not found, 0 not checked"><span aria-hidden="true">\u26a0</span> 1</td>', flagged)
    assert clean.startswith("<tr data-") and "flag" not in clean and "\u26a0" not in clean
    assert '<td class="n references_not_found" data-sort="0" title="1 verified, 0 found with differences, ' \
           '0 not found, 1 not checked">0</td>' in clean


def test_the_figure_survives_a_rerun_that_skips_unchanged_essays(tmp_path, monkeypatch, server):
    root = build_class(tmp_path, monkeypatch, server)
    out = tmp_path / "out"
    first = run_batch(root, out, settings_for(tmp_path))
    asked = len(server.log)
    csv_before = (out / "summary.csv").read_text(encoding="utf-8")

    again = run_batch(root, out, settings_for(tmp_path))
    assert [row.status for row in again.rows] == ["unchanged", "unchanged"]
    assert len(server.log) == asked  # nothing looked up again: the rows come from the state file
    assert [verdicts(row) for row in again.rows] == [verdicts(row) for row in first.rows]
    assert again.rows[1].file == FLAGGED and again.rows[1].references_not_found == 1
    skipped = "0 essays checked, 2 skipped (unchanged)"
    assert again.summary_line == first.summary_line.replace("2 essays checked", skipped)
    assert again.summary_line.endswith("; 1 reference not found in 1 essay")
    assert (out / "summary.csv").read_text(encoding="utf-8") == csv_before.replace(",checked,", ",unchanged,")
    page = index_rows((out / "index.html").read_text(encoding="utf-8"))
    assert page[FLAGGED].startswith('<tr class="not-found" ') and "1 reference not found" in page[FLAGGED]
    assert "flag" not in page[CLEAN]


def test_a_row_saved_before_the_column_existed_is_checked_again(tmp_path, monkeypatch, server):
    """A state file from before these columns must not show 0 references not found for a skipped essay."""
    root = build_class(tmp_path, monkeypatch, server)
    out = tmp_path / "out"
    run_batch(root, out, settings_for(tmp_path))
    state = json.loads((out / STATE_FILE).read_text(encoding="utf-8"))
    for entry in state["essays"].values():
        for column in VERDICT_COLUMNS:
            del entry["row"][column]
    (out / STATE_FILE).write_text(json.dumps(state), encoding="utf-8")

    again = {row.file: row for row in run_batch(root, out, settings_for(tmp_path)).rows}
    assert {row.status for row in again.values()} == {"checked"}
    assert verdicts(again[FLAGGED]) == (1, 0, 1, 0)
