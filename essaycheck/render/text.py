"""The terminal report: problems grouped by severity, each with its place and its fix."""

from __future__ import annotations

import textwrap

from ..model import Diagnostic, Report, Severity
from .verdicts import existence_line

_HEADINGS = {Severity.ERROR: "Errors", Severity.WARNING: "Warnings", Severity.INFO: "Notes"}
_COLOURS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}


class Style:
    """ANSI styling that switches itself off when colour is not wanted."""

    def __init__(self, colour: bool):
        self.colour = colour

    def __call__(self, text: str, code: str) -> str:
        return f"\033[{code}m{text}\033[0m" if self.colour else text


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def summary_line(report: Report) -> str:
    counts = [_plural(report.count(Severity.ERROR), "error"), _plural(report.count(Severity.WARNING), "warning")]
    notes = report.count(Severity.INFO)
    if notes:
        counts.append(_plural(notes, "note"))
    return f"{report.file}: {', '.join(counts)}"


def _problem(problem: Diagnostic, style: Style, width: int) -> list[str]:
    where = problem.location.describe() if problem.location else "whole essay"
    quoted = ""
    if problem.location and problem.location.text:
        text = " ".join(problem.location.text.split())
        quoted = f": “{text if len(text) <= 80 else text[:79] + '…'}”"
    lines = [f"  {style(where, '1')}{quoted}  {style('[' + problem.rule + ']', '2')}"]
    lines += textwrap.wrap(problem.message, width - 4, initial_indent="    ", subsequent_indent="    ")
    if problem.suggestion:
        lines.append(f"    {style('Fix:', '32')} {problem.suggestion}")
    elif problem.suggestion == "" and problem.location:
        lines.append(f"    {style('Fix:', '32')} delete “{' '.join(problem.location.text.split())}”")
    return lines


def render_text(report: Report, *, colour: bool = False, width: int = 88) -> str:
    """The report a student reads in the terminal."""
    style = Style(colour)
    lines = [style(summary_line(report), "1")]
    for severity in Severity:
        problems = [p for p in report.problems if p.severity is severity]
        if not problems:
            continue
        lines += ["", style(f"{_HEADINGS[severity]} ({len(problems)})", f"1;{_COLOURS[severity]}")]
        for problem in problems:
            lines += _problem(problem, style, width)
    works = len(report.citations)
    linked = sum(1 for link in report.links if link.reference is not None)
    lines += ["", f"Checked {_plural(works, 'citation')} ({linked} linked) against "
                  f"{_plural(len(report.references), 'reference')}."]
    existence = existence_line(report)
    if existence:
        lines.append(existence)
    if not report.problems:
        lines.append(style("No problems found.", "32"))
    elif any(p.reference is not None for p in report.problems):
        lines.append(f"The whole reference list in APA 7, ready to paste: essaycheck format {report.file}")
    return "\n".join(lines) + "\n"
