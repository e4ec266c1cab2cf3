"""How the existence verdicts are worded for students and tutors, in every output."""

from __future__ import annotations

from ..model import Report

LABELS = {
    "verified": "found",
    "found-with-differences": "found, with differences",
    "not-found": "not found anywhere",
    "not-checked": "not checked",
}


def looked_up(report: Report) -> bool:
    """Whether any reference was looked up (so verdicts mean something)."""
    return any(record.get("existence", {}).get("asked") for record in report.records.values())


def existence_line(report: Report) -> str | None:
    """'Do the references exist? 9 found, 1 found with differences, 1 not found anywhere, 3 not checked.'"""
    if not report.references or not looked_up(report):
        return None
    counts = report.existence_counts()
    parts = [f"{count} {LABELS[verdict]}" for verdict, count in counts.items() if count]
    return f"Do the references exist? {', '.join(parts)}."


def verdict_note(report: Report, index: int) -> str:
    """One line on a reference's verdict: where it was found, or why it was not checked."""
    existence = report.existence(index)
    verdict = existence["verdict"]
    if verdict in ("verified", "found-with-differences"):
        where = existence.get("source") or "a catalogue"
        return f"{LABELS[verdict].capitalize()} in {where}" + (f": {existence['link']}" if existence.get("link") else "")
    if verdict == "not-found":
        return f"Not found in {', '.join(existence.get('asked') or [])}"
    reason = existence.get("reason")
    return f"Not checked ({reason})" if reason else "Not checked"
