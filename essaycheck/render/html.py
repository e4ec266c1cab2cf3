"""A self-contained HTML page for one essay: its text with the problems highlighted,
the list of problems, and the (corrected) reference list beside it.

The page has no external assets (inline CSS, no scripts) so it can be mailed or
opened from a USB stick. Everything taken from the essay is escaped.
"""

from __future__ import annotations

from collections import defaultdict
from html import escape
from pathlib import Path

from ..model import Diagnostic, Paragraph, Report, Severity
from .verdicts import existence_line, looked_up, verdict_note

__all__ = ["render_html", "report_body", "corrected_references", "PAGE_CSS"]

PAGE_CSS = """
:root{--err:#fde2e1;--err-b:#c62828;--warn:#fff3cd;--warn-b:#a66b00;--info:#e3f0fd;--info-b:#1565c0}
*{box-sizing:border-box}
body{font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1b1b1b;background:#fafafa}
header{padding:1rem 1.5rem;background:#fff;border-bottom:1px solid #ddd}
header h1{font-size:1.3rem;margin:0 0 .3rem}
.counts span{margin-right:1rem}
main{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:1.5rem;padding:1.5rem}
@media (max-width:900px){main{grid-template-columns:1fr}}
section{background:#fff;border:1px solid #ddd;border-radius:6px;padding:1rem 1.25rem}
h2{font-size:1.1rem;margin-top:0}
.essay p{white-space:pre-wrap;margin:.2rem 0 .8rem}
.essay p.heading{font-weight:600}
.essay .pno{color:#999;font-size:.75rem;margin-right:.4rem;user-select:none}
mark{padding:0 .1em;border-bottom:2px solid;border-radius:2px}
mark.error{background:var(--err);border-color:var(--err-b)}
mark.warning{background:var(--warn);border-color:var(--warn-b)}
mark.info{background:var(--info);border-color:var(--info-b)}
mark.point{padding:0 .15em;font-weight:700}
.sev{display:inline-block;font-size:.72rem;font-weight:700;text-transform:uppercase;padding:0 .4em;border-radius:3px;color:#fff}
.sev.error{background:var(--err-b)}.sev.warning{background:var(--warn-b)}.sev.info{background:var(--info-b)}
ol.problems{padding-left:1.3rem;margin-top:.3rem}
h3.group{font-size:.95rem;margin:.8rem 0 0}
.filters{border:0;padding:0;margin:0 0 .4rem;font-size:.9rem}
.filters legend{float:left;margin-right:.6rem;padding:0;color:#555}
.filters label{margin-right:.9rem;white-space:nowrap}
body:has(#show-error:not(:checked)) .problems .error,
body:has(#show-warning:not(:checked)) .problems .warning,
body:has(#show-info:not(:checked)) .problems .info{display:none}
ol.problems li{margin-bottom:.7rem}
.rule{font-family:ui-monospace,Consolas,monospace;font-size:.8rem;color:#555}
.quote{font-style:italic;color:#444}
.fix{display:block;margin-top:.15rem}
.fix code{background:#e8f5e9;padding:0 .2em;white-space:pre-wrap}
ol.refs li{margin-bottom:.6rem;padding-left:.2rem}
ol.refs .as-written{display:block;color:#777;font-size:.85rem}
ol.refs .in-text{display:block;color:#35506b;font-size:.85rem}
ol.refs .verdict{display:block;font-size:.85rem;color:#555}
ol.refs .verdict.not-found{color:var(--warn-b);font-weight:600}
ol.refs .verdict.not-found::before{content:"\\26A0\\FE0E  "}
.managed{text-decoration:underline dotted #35506b;text-underline-offset:.2em}
.note{color:#666;font-size:.85rem}
footer{padding:0 1.5rem 1.5rem;color:#777;font-size:.8rem}
"""


def render_html(report: Report) -> str:
    """The whole page as a string (UTF-8, ``<!doctype html>``)."""
    title = Path(report.file).name or report.file
    parts = [
        "<!doctype html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width,initial-scale=1">',
        f"<title>essaycheck: {escape(title)}</title>",
        f"<style>{PAGE_CSS}</style></head><body>",
        report_body(report, title),
        "</body></html>",
    ]
    return "\n".join(parts) + "\n"


def report_body(report: Report, title: str) -> str:
    """The report itself (header, essay, problems, references, footer): the page's body, and what
    ``essaycheck serve`` shows in its page, so the two look alike by construction."""
    problems = sorted(report.problems, key=Diagnostic.sort_key)
    return "\n".join([
        _header(report, title),
        "<main>",
        _essay_section(report, problems),
        '<div class="side">',
        _problems_section(problems),
        _references_section(report),
        "</div></main>",
        "<footer>Checked by essaycheck against APA 7. A highlighted passage links to its explanation; "
        "numbers at the left are paragraph numbers.</footer>",
    ])


def _header(report: Report, title: str) -> str:
    counts = {sev: report.count(sev) for sev in Severity}
    return (
        f'<header><h1>{escape(title)}</h1><div class="counts">'
        f'<span id="count-errors"><b>{counts[Severity.ERROR]}</b> errors</span>'
        f'<span id="count-warnings"><b>{counts[Severity.WARNING]}</b> warnings</span>'
        f"<span><b>{counts[Severity.INFO]}</b> notes</span>"
        f"<span>{report.document.word_count} words</span>"
        f"<span>{len(report.citations)} citations</span>"
        f"<span>{len(report.references)} references</span></div></header>"
    )


# --- the essay with highlights ---------------------------------------------------


def _essay_section(report: Report, problems: list[Diagnostic]) -> str:
    by_paragraph: dict[int, list[tuple[int, Diagnostic]]] = defaultdict(list)
    for number, problem in enumerate(problems, 1):
        if problem.location is not None:
            by_paragraph[problem.location.paragraph].append((number, problem))
    out = ['<section class="essay"><h2>Your essay</h2>']
    managed = _managed_spans(report)
    if managed:
        names = " and ".join(report.managed.managers)
        count = sum(len(spans) for spans in managed.values())
        out.append(f'<p class="note"><span class="managed">Dotted underlines</span> mark the {count} citations '
                   f'{escape(names)} inserted: they are linked to your list through {escape(names)}\'s records '
                   '(hover over one to see its record).</p>')
    for paragraph in report.document.paragraphs:
        css = ' class="heading"' if paragraph.is_heading else ""
        body = highlight_paragraph(paragraph, by_paragraph.get(paragraph.index, []), managed.get(paragraph.index, ()))
        out.append(
            f'<p id="para-{paragraph.index + 1}"{css}><span class="pno">{paragraph.index + 1}</span>{body}</p>'
        )
    if not report.document.paragraphs:
        out.append('<p class="note">The essay has no text.</p>')
    out.append("</section>")
    return "\n".join(out)


def _managed_spans(report: Report) -> dict[int, list[tuple[int, int, str]]]:
    """Paragraph index -> (start, end, what it cites) of each citation a reference manager inserted."""
    spans: dict[int, list[tuple[int, int, str]]] = defaultdict(list)
    if report.managed is None:
        return spans
    for field in report.managed.citations:
        works = "; ".join(_described_record(item) for item in field.items)
        where = field.location
        spans[where.paragraph].append((where.start, where.end, f"Inserted by {field.manager}: {works}"))
    return spans


def _described_record(item: dict) -> str:
    people = item.get("author") or item.get("editor") or [{}]
    name = people[0].get("family") or people[0].get("literal") or "no author"
    year = ((item.get("issued") or {}).get("date-parts") or [[None]])[0][0] or "n.d."
    return f"{name}{' et al.' if len(people) > 2 else ''} ({year}), {item.get('title', '')}"


def highlight_paragraph(paragraph: Paragraph, problems: list[tuple[int, Diagnostic]],
                        managed: tuple | list = ()) -> str:
    """The paragraph's text, escaped, in its italics, with ``<mark>`` around each problem's span
    and a dotted underline under each citation a reference manager inserted (``managed``:
    (start, end, description) spans).

    Overlapping spans are cut into segments; a segment takes the colour of the most
    severe problem covering it and lists every covering problem in its title.
    """
    text = paragraph.text
    n = len(text)
    spans = []
    for number, problem in problems:
        loc = problem.location
        start = min(max(loc.start, 0), n)
        end = min(max(loc.end, start), n)
        spans.append((start, end, number, problem))
    italic = [(min(max(s, 0), n), min(max(e, 0), n)) for s, e in paragraph.italic if s < e]
    fields = [(min(max(s, 0), n), min(max(e, 0), n), title) for s, e, title in managed if s < e]
    cuts = sorted({0, n, *(s for s, _, _, _ in spans), *(e for _, e, _, _ in spans),
                   *(s for s, _ in italic), *(e for _, e in italic), *(s for s, _, _ in fields),
                   *(e for _, e, _ in fields)})
    points = defaultdict(list)  # zero-length problems: a caret at the offset
    starts = defaultdict(list)  # where each problem begins: an anchor for links
    for start, end, number, problem in spans:
        (points if start == end else starts)[start].append((number, problem))

    out = []
    for i, cut in enumerate(cuts):
        for number, _ in starts.get(cut, []):
            out.append(f'<a id="at-{number}"></a>')
        for number, problem in points.get(cut, []):
            out.append(
                f'<a id="at-{number}"></a><mark class="point {problem.severity.value}" '
                f'title="{escape(_tooltip([(number, problem)]))}">\u2041</mark>'
            )
        if i + 1 == len(cuts):
            break
        end = cuts[i + 1]
        segment = escape(text[cut:end], quote=False)
        if any(s <= cut and end <= e for s, e in italic):
            segment = f"<i>{segment}</i>"
        field = next((title for s, e, title in fields if s <= cut and end <= e), None)
        if field is not None:
            segment = f'<span class="managed" title="{escape(field)}">{segment}</span>'

        covering = [(num, p) for s, e, num, p in spans if s <= cut and end <= e and s < e]
        if covering:
            worst = min(covering, key=lambda item: item[1].severity.rank)[1].severity.value
            numbers = " ".join(str(num) for num, _ in covering)
            out.append(
                f'<mark class="{worst}" data-problems="{numbers}" '
                f'title="{escape(_tooltip(covering))}">{segment}</mark>'
            )
        else:
            out.append(segment)
    return "".join(out)


def _tooltip(covering: list[tuple[int, Diagnostic]]) -> str:
    return "\n".join(f"{num}. {p.message}" for num, p in covering)


# --- problems and references ----------------------------------------------------


_GROUPS = {Severity.ERROR: "Errors", Severity.WARNING: "Warnings", Severity.INFO: "Notes"}


def _problems_section(problems: list[Diagnostic]) -> str:
    """The problems, numbered, grouped by severity (most severe first), with a filter per group
    that works without scripts (CSS ``:has`` on its checkbox)."""
    out = ['<section class="problems"><h2>Problems</h2>']
    if not problems:
        out.append('<p class="note">No problems found.</p></section>')
        return "\n".join(out)
    groups = [(severity, [(n, p) for n, p in enumerate(problems, 1) if p.severity is severity])
              for severity in _GROUPS]
    groups = [(severity, members) for severity, members in groups if members]
    out.append('<fieldset class="filters"><legend>Show</legend>' + "".join(
        f'<label><input type="checkbox" id="show-{severity.value}" checked> {_GROUPS[severity].lower()} '
        f'({len(members)})</label>' for severity, members in groups) + "</fieldset>")
    for severity, members in groups:
        out.append(f'<h3 class="group {severity.value}">{_GROUPS[severity]} ({len(members)})</h3>')
        out.append(f'<ol class="problems {severity.value}" start="{members[0][0]}">')
        out.extend(_problem_item(number, p) for number, p in members)
        out.append("</ol>")
    out.append("</section>")
    return "\n".join(out)


def _problem_item(number: int, p: Diagnostic) -> str:
    where = ""
    if p.location is not None:
        where = f' <a href="#at-{number}">{escape(p.location.describe())}</a>'
    quote = ""
    if p.location is not None and p.location.text:
        quote = f' <span class="quote">\u201c{escape(p.location.text)}\u201d</span>'
    fix = ""
    if p.suggestion is not None:
        fix = f'<span class="fix">Suggested: <code>{escape(p.suggestion)}</code></span>'
    return (f'<li id="problem-{number}" class="{p.severity.value}">'
            f'<span class="sev {p.severity.value}">{p.severity.value}</span> '
            f'{escape(p.message)}{where}{quote} <span class="rule">{escape(p.rule)}</span>{fix}</li>')


def corrected_references(report: Report) -> tuple[list | None, str]:
    """The reference list formatted in APA 7, in APA order, as ``(html, reference index, parenthetical,
    narrative)``, with a label; ``(None, reason)`` when the formatter fails on this list."""
    from ..formatting import report_references

    try:
        entries = report_references(report)
    except Exception as error:  # a third-party engine on student input: show the entries as written instead
        return None, f"Entries as written (they could not be formatted: {type(error).__name__})."
    rows = [(_italic_html(entry.text, entry.italic), index, entry.parenthetical, entry.narrative)
            for index, entry in entries.items()]
    source = "the DOI records where they were found, else " if report.records else ""
    return rows, f"Formatted in APA 7 from {source}what essaycheck read in your list; check each against your source."


def _references_section(report: Report) -> str:
    out = ['<section class="references"><h2>Reference list</h2>']
    if not report.references:
        out.append('<p class="note">No reference list was found.</p></section>')
        return "\n".join(out)
    corrected, label = corrected_references(report)
    out.append(f'<p class="note">{escape(label)}</p><ol class="refs">')
    if corrected is not None:
        for html_entry, index, parenthetical, narrative in corrected:
            written = report.references[index].text if 0 <= index < len(report.references) else ""
            in_text = (f'<span class="in-text">in the text: {escape(parenthetical)} or {escape(narrative)}</span>'
                       if parenthetical else "")
            out.append(f'<li>{html_entry}{in_text}<span class="as-written">you wrote: {escape(written)}</span>'
                       f'{_verdict_html(report, index)}</li>')
    else:
        for ref in report.references:
            spans = _italic_spans(report, ref.location.paragraph, ref.location.start)
            out.append(f"<li>{_italic_html(ref.text, spans)}{_verdict_html(report, ref.index)}</li>")
    out.append("</ol>")
    line = existence_line(report)
    if line:
        out.append(f'<p class="note">{escape(line)}</p>')
    out.append("</section>")
    return "\n".join(out)


def _verdict_html(report: Report, index: int) -> str:
    """The reference's existence verdict, as a labelled line (shown only when lookups ran)."""
    if not looked_up(report) or not 0 <= index < len(report.references):
        return ""
    verdict = report.existence(index)["verdict"]
    return f'<span class="verdict {verdict}">{escape(verdict_note(report, index))}</span>'


def _italic_spans(report: Report, paragraph_index: int, offset: int) -> tuple[tuple[int, int], ...]:
    """The paragraph's italic spans, shifted to be relative to an entry starting at ``offset``."""
    for paragraph in report.document.paragraphs:
        if paragraph.index == paragraph_index:
            return tuple((s - offset, e - offset) for s, e in paragraph.italic)
    return ()


def _italic_html(text: str, italic: tuple[tuple[int, int], ...]) -> str:
    out, pos = [], 0
    for start, end in sorted(italic):
        start, end = max(start, pos), min(end, len(text))
        if start >= end:
            continue
        out.append(escape(text[pos:start], quote=False))
        out.append(f"<i>{escape(text[start:end], quote=False)}</i>")
        pos = end
    out.append(escape(text[pos:], quote=False))
    return "".join(out)
