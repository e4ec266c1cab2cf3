"""The class index page: escaped, linked, numeric sort keys, the class-wide common problems."""

from essaycheck.batch.summary import EssayRow, common_problems, summary_csv
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
    assert lines[0].startswith("file,status,words,citations,references,errors,warnings,unresolved_dois,broken_links")
    assert lines[3].startswith("c.docx,unreadable,0,")
