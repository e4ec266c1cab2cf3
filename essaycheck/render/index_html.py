"""The class index: one sortable, filterable row per file (by student or file name, by status,
by a least number of problems), linking to its report, and the class's most common problems.
Self-contained: inline CSS and a few lines of inline JavaScript; without JavaScript the table
is complete, only unsorted and unfiltered.

An essay with at least one reference not found (no record in Crossref, OpenAlex or Open
Library) is marked for the tutor: a bar at the start of its row, a "⚠ N references not
found" label beside its name (the sign is hidden from screen readers, the words are not), and
its count in bold in the "References not found" column, which sorts like the others. The
cell's tooltip gives all four existence verdicts; a note above the table says what the mark
means and how many essays carry it."""

from __future__ import annotations

from html import escape
from typing import Sequence
from urllib.parse import quote

__all__ = ["render_index"]

_CSS = """
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:1.5rem;color:#1b1b1b}
h1{font-size:1.35rem;margin:0 0 .3rem}h2{font-size:1.1rem;margin-top:2rem}
.summary{color:#444;margin-bottom:1rem}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{border-bottom:1px solid #ddd;padding:.35rem .5rem;text-align:left;vertical-align:top}
td:first-child{min-width:12rem}
th{background:#f3f3f3;cursor:pointer;user-select:none;white-space:nowrap;position:sticky;top:0}
th[aria-sort=ascending]::after{content:" \\25B2"}th[aria-sort=descending]::after{content:" \\25BC"}
td.n{text-align:right;font-variant-numeric:tabular-nums}
tr.failed td{background:#fff4f4}
td.errors.some{color:#b71c1c;font-weight:700}
td.references_not_found.some{color:#8a3b00;font-weight:700}
tr.not-found td:first-child{box-shadow:inset 4px 0 #e65100}
.flag{display:inline-block;margin-left:.4rem;padding:0 .35rem;border:1px solid #e65100;border-radius:3px;
color:#8a3b00;background:#fff3e0;font-size:.8rem;white-space:nowrap}
.flag-note{border-left:4px solid #e65100;background:#fff3e0;padding:.3rem .6rem}
.rules{font-family:ui-monospace,Consolas,monospace;font-size:.8rem}
.note{color:#666;font-size:.85rem}
.filters{display:flex;flex-wrap:wrap;gap:.5rem 1.2rem;align-items:center;margin:.6rem 0}
.filters input,.filters select{font:inherit;padding:.15rem .3rem}
.late{color:#8a3b00;font-size:.8rem}
tr.hidden{display:none}
"""

# Sort on a header click; numbers by data-sort, text case-insensitively; a second click reverses.
_JS = """
document.querySelectorAll("table.sortable th").forEach(function(th, col){
  th.addEventListener("click", function(){
    var table = th.closest("table"), body = table.tBodies[0];
    var asc = th.getAttribute("aria-sort") !== "ascending";
    table.querySelectorAll("th").forEach(function(h){ h.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", asc ? "ascending" : "descending");
    var numeric = th.dataset.type === "number";
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function(a, b){
      var x = a.cells[col].dataset.sort || a.cells[col].textContent;
      var y = b.cells[col].dataset.sort || b.cells[col].textContent;
      var c = numeric ? Number(x) - Number(y) : x.localeCompare(y, undefined, {sensitivity: "base"});
      return asc ? c : -c;
    });
    rows.forEach(function(r){ body.appendChild(r); });
  });
});
// Filters: words in the student's or file's name, a status, a least number of problems.
(function(){
  var text = document.getElementById("filter-text"), status = document.getElementById("filter-status"),
      least = document.getElementById("filter-problems"), shown = document.getElementById("filter-count");
  function apply(){
    var words = text.value.toLowerCase().trim(), wanted = status.value, min = Number(least.value) || 0, n = 0;
    var rows = document.querySelectorAll("#essays tbody tr");
    rows.forEach(function(r){
      var keep = (!words || r.dataset.name.indexOf(words) >= 0) && (!wanted || r.dataset.status === wanted)
                 && Number(r.dataset.problems) >= min;
      r.classList.toggle("hidden", !keep); n += keep ? 1 : 0;
    });
    shown.textContent = n + " of " + rows.length + " files shown";
  }
  [text, status, least].forEach(function(c){ c.addEventListener("input", apply); });
  apply();
})();
"""

_COLUMNS = (  # (title, row attribute, numeric)
    ("File", "file", False), ("Student", "student", False), ("Status", "status", False), ("Words", "words", True),
    ("Citations", "citations", True), ("References", "references", True), ("Errors", "errors", True),
    ("Warnings", "warnings", True), ("Unresolved DOIs", "unresolved_dois", True),
    ("Broken links", "broken_links", True), ("References not found", "references_not_found", True),
    ("Most frequent problems", "top_rules", False), ("Notes", "reason", False),
)
_MARK = '<span aria-hidden="true">\u26a0</span>'  # the sign beside the words, never instead of them


def _href(relative: str) -> str:
    return quote(relative, safe="/")


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _not_found_flag(row) -> str:
    """The label beside the name of an essay with references not found; empty for the others."""
    n = row.references_not_found if row.has_report else 0
    return f' <span class="flag">{_MARK} {_plural(n, "reference")} not found</span>' if n else ""


def _verdicts(row) -> str:
    """'3 verified, 1 found with differences, 1 not found, 0 not checked' (the cell's tooltip)."""
    return (f"{row.references_verified} verified, {row.references_found_with_differences} found with "
            f"differences, {row.references_not_found} not found, {row.references_not_checked} not checked")


def _cell(row, attribute: str, numeric: bool) -> str:
    value = getattr(row, attribute)
    if attribute == "file":
        label = escape(value)
        link = f'<a href="{escape(_href(row.report))}">{label}</a>' if row.report and row.has_report else label
        if row.annotated:
            link += f' <a class="note" href="{escape(_href(row.annotated))}">(annotated {escape(row.annotated.rsplit(".", 1)[-1])})</a>'
        return f'<td data-sort="{escape(value.lower())}">{link}{_not_found_flag(row)}</td>'
    if attribute == "reason":
        notes = [value] if value else []
        if row.duplicate_of:
            notes.append(f"same content as {row.duplicate_of}")
        return f'<td class="note">{escape("; ".join(notes))}</td>'
    if numeric:
        if not row.has_report:
            return '<td class="n" data-sort="-1">\u2013</td>'
        if attribute == "references_not_found":
            some, mark = (" some", f"{_MARK} ") if value else ("", "")
            return (f'<td class="n {attribute}{some}" data-sort="{int(value)}" title="{escape(_verdicts(row))}">'
                    f"{mark}{int(value)}</td>")
        some = " some" if attribute == "errors" and value else ""
        return f'<td class="n {attribute}{some}" data-sort="{int(value)}">{int(value)}</td>'
    if attribute == "status":
        extra = [row.role] if row.role else []
        extra += ["late"] if row.late else []
        note = f' <span class="late">({escape(", ".join(extra))})</span>' if extra else ""
        return f'<td data-sort="{escape(value)}">{escape(value)}{note}</td>'
    css = ' class="rules"' if attribute == "top_rules" else ""
    return f"<td{css}>{escape(str(value))}</td>"


def render_index(rows: Sequence, *, common: Sequence[tuple[str, int, int]], title: str = "",
                 summary: str = "") -> str:
    """The index page for ``rows`` (:class:`essaycheck.batch.summary.EssayRow`) and the class's
    ``common`` problems as (rule, times found, essays affected), most frequent first."""
    head = "".join(f'<th scope="col" data-type="{"number" if numeric else "text"}">{escape(name)}</th>'
                   for name, _, numeric in _COLUMNS)
    body = []
    for row in rows:
        css = "failed" if not row.has_report else "not-found" if row.references_not_found else ""
        css = f' class="{css}"' if css else ""
        name = escape(f"{row.student} {row.file}".lower())
        data = f' data-name="{name}" data-status="{escape(row.status)}" data-problems="{row.errors + row.warnings}"'
        body.append(f"<tr{css}{data}>" + "".join(_cell(row, attr, numeric) for _, attr, numeric in _COLUMNS)
                    + "</tr>")
    heading = f"Citation check: {title}" if title else "Citation check"
    parts = [
        "<!doctype html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width,initial-scale=1">',
        f"<title>{escape(heading)}</title><style>{_CSS}</style></head><body>",
        f"<h1>{escape(heading)}</h1>",
        f'<p class="summary" id="summary">{escape(summary)}</p>' if summary else "",
        '<p class="note">Click a column heading to sort; click a file to open its report.</p>',
        _not_found_note(rows),
        _filters(rows),
        f'<table class="sortable" id="essays"><thead><tr>{head}</tr></thead><tbody>',
        *body,
        "</tbody></table>",
        "<h2>Most common problems in the class</h2>",
        _common_list(common),
        f"<script>{_JS}</script>",
        "</body></html>",
    ]
    return "\n".join(part for part in parts if part) + "\n"


def _filters(rows: Sequence) -> str:
    """The filter controls above the table, with a choice of each status present."""
    statuses = sorted({row.status for row in rows})
    options = "".join(f'<option value="{escape(status)}">{escape(status)}</option>' for status in statuses)
    return ('<div class="filters" role="search">'
            '<label>Student or file <input type="search" id="filter-text"></label>'
            f'<label>Status <select id="filter-status"><option value="">any</option>{options}</select></label>'
            '<label>At least <input type="number" id="filter-problems" min="0" value="0" style="width:4.5em">'
            " errors and warnings</label>"
            '<span class="note" id="filter-count" aria-live="polite"></span></div>')


def _not_found_note(rows: Sequence) -> str:
    """What the mark means, above the table, when at least one essay carries it."""
    flagged = sum(1 for row in rows if row.has_report and row.references_not_found)
    if not flagged:
        return ""
    return (f'<p class="flag-note" id="not-found-note">{_MARK} {_plural(flagged, "essay")} '
            f'{"has" if flagged == 1 else "have"} at least one reference not found in Crossref, OpenAlex or '
            "Open Library: check those references by hand (sort by \u201cReferences not found\u201d to list them "
            "together).</p>")


def _common_list(common: Sequence[tuple[str, int, int]]) -> str:
    if not common:
        return '<p class="note">No problems found in any essay.</p>'
    items = "".join(
        f'<li><span class="rules">{escape(rule)}</span>: {times} times in {essays} '
        f'essay{"" if essays == 1 else "s"}</li>'
        for rule, times, essays in common
    )
    return f'<ol id="common">{items}</ol>'
