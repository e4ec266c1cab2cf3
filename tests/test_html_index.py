"""The class index page: escaped, linked, numeric sort keys, the class-wide common problems, and the
mark on essays with references not found (with summary.csv, the summary line and the saved row)."""

import json
import re

import pytest

from essaycheck.batch.summary import EssayRow, common_problems, summary_csv, summary_line
from essaycheck.render.index_html import render_index

ROWS = [
    EssayRow("a <x>.docx", "checked", words=900, errors=2, warnings=1, report="a <x>.docx.html",
             annotated="a <x>.annotated.docx", rules=(("missing-comma", 2), ("uncited-reference", 1)),
             top_rules="missing-comma \u00d72; uncited-reference \u00d71"),
    EssayRow("b.txt", "unchanged", words=1200, errors=0, warnings=3, report="b.txt.html",
             rules=(("uncited-reference", 3),), duplicate_of="a <x>.docx"),
    EssayRow("c.docx", "unreadable", reason="c.docx is empty (0 bytes)."),
]


def test_rows_are_escaped_linked_and_sortable():
    page = render_index(ROWS, common=common_problems(ROWS), title="INF 305 <2026>", summary="2 essays checked")
    assert "INF 305 &lt;2026&gt;" in page and "<x>" not in page
    assert 'href="a%20%3Cx%3E.docx.html"' in page and 'href="a%20%3Cx%3E.annotated.docx"' in page
    assert '<td class="n errors some" data-sort="2">2</td>' in page
    assert '<td class="n" data-sort="-1">\u2013</td>' in page  # unreadable: no numbers, sorts first
    assert "same content as a &lt;x&gt;.docx" in page and "c.docx is empty" in page
    assert 'class="sortable"' in page and "<script>" in page and "src=" not in page


def test_common_problems_count_times_and_essays():
    assert common_problems(ROWS) == [("uncited-reference", 4, 2), ("missing-comma", 2, 1)]
    page = render_index(ROWS, common=common_problems(ROWS))
    assert "uncited-reference</span>: 4 times in 2 essays" in page
    assert "No problems found in any essay." in render_index(ROWS[2:], common=common_problems(ROWS[2:]))


def test_summary_csv_columns():
    lines = summary_csv(ROWS).splitlines()
    assert lines[0].startswith("file,student,status,role,late,kind,words,citations,references,errors,warnings,"
                               "unresolved_dois,broken_links")
    assert lines[3].startswith("c.docx,,unreadable,,,,0,")


NOT_FOUND_ROWS = [
    EssayRow("a.docx", "checked", references=4, warnings=2, references_verified=1,
             references_found_with_differences=1, references_not_found=2, report="a.docx.html",
             rules=(("reference-not-found", 2),), top_rules="reference-not-found \u00d72"),
    EssayRow("b.txt", "unchanged", references=2, references_verified=1, references_not_checked=1, report="b.txt.html"),
    EssayRow("c.docx", "unreadable", reason="c.docx is empty (0 bytes)."),
]


def table_rows(page):
    """File name -> the <tr> of that essay."""
    rows = re.findall(r"<tr[^>]*>.*?</tr>", page.split("<tbody>", 1)[1], flags=re.S)
    return {re.search(r'data-sort="([^"]*)"', row).group(1): row for row in rows}


def test_essays_with_references_not_found_are_marked_in_words_not_colour_alone():
    page = render_index(NOT_FOUND_ROWS, common=common_problems(NOT_FOUND_ROWS), summary=summary_line(NOT_FOUND_ROWS))
    rows = table_rows(page)
    headings = re.findall(r"<th [^>]*>([^<]*)</th>", page)
    assert headings[headings.index("Broken links") + 1] == "References not found"
    assert all(row.count("<td") == len(headings) for row in rows.values())
    column = headings.index("References not found")

    flagged = rows["a.docx"]
    assert flagged.startswith('<tr class="not-found" ')  # the bar at the start of the row
    assert '<span class="flag"><span aria-hidden="true">\u26a0</span> 2 references not found</span>' in flagged
    assert re.findall(r"<td[^>]*>.*?</td>", flagged)[column] == (
        '<td class="n references_not_found some" data-sort="2" title="1 verified, 1 found with differences, '
        '2 not found, 0 not checked"><span aria-hidden="true">\u26a0</span> 2</td>')

    unchanged = rows["b.txt"]
    assert unchanged.startswith("<tr data-") and "\u26a0" not in unchanged and 'class="flag"' not in unchanged
    assert re.findall(r"<td[^>]*>.*?</td>", unchanged)[column] == (
        '<td class="n references_not_found" data-sort="0" title="1 verified, 0 found with differences, '
        '0 not found, 1 not checked">0</td>')

    unreadable = rows["c.docx"]
    assert unreadable.startswith('<tr class="failed" ') and "\u26a0" not in unreadable
    assert re.findall(r"<td[^>]*>.*?</td>", unreadable)[column] == '<td class="n" data-sort="-1">\u2013</td>'

    assert ('<p class="flag-note" id="not-found-note"><span aria-hidden="true">\u26a0</span> 1 essay has at least '
            "one reference not found in Crossref, OpenAlex or Open Library") in page
    assert "; 2 references not found in 1 essay;" in page


def test_no_mark_and_no_note_when_every_reference_is_found_or_not_checked():
    page = render_index(ROWS, common=common_problems(ROWS), summary=summary_line(ROWS))
    assert "\u26a0" not in page and "not-found-note" not in page and 'class="not-found"' not in page
    assert "not found in" not in summary_line(ROWS)


def test_summary_line_names_the_references_not_found_and_the_files_not_checked():
    assert summary_line(NOT_FOUND_ROWS) == ("1 essay checked, 1 skipped (unchanged), 1 could not be read; "
                                            "0 errors, 2 warnings; 2 references not found in 1 essay; "
                                            "1 file not checked (see the Status column)")
    two = [NOT_FOUND_ROWS[0], EssayRow("d.md", "checked", references_not_found=1)]
    assert summary_line(two).endswith("; 3 references not found in 2 essays")
    others = [EssayRow("a.png", "not an essay"), EssayRow("b.docx", "duplicate", duplicate_of="c.docx"),
              EssayRow("c.docx", "checked")]
    assert summary_line(others, ignored=2) == (
        "1 essay checked, 1 not an essay, 1 duplicate of another submission; 0 errors, 0 warnings; "
        "1 file not checked (see the Status column); 2 hidden or system files ignored")


def test_summary_csv_has_the_four_verdict_counts():
    table = summary_csv(NOT_FOUND_ROWS).splitlines()
    header = table[0].split(",")
    start = header.index("broken_links") + 1
    assert header[start:start + 4] == ["references_verified", "references_found_with_differences",
                                       "references_not_found", "references_not_checked"]
    assert [line.split(",")[start:start + 4] for line in table[1:]] == [["1", "1", "2", "0"], ["1", "0", "0", "1"],
                                                                        ["0", "0", "0", "0"]]


def test_saved_row_keeps_the_counts_and_an_older_row_is_refused():
    row = NOT_FOUND_ROWS[0]
    assert EssayRow.from_state(json.loads(json.dumps(row.to_state()))) == row
    older = row.to_state()
    del older["references_not_found"]  # saved before the column existed: not a made-up 0
    with pytest.raises(KeyError):
        EssayRow.from_state(older)
