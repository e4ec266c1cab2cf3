"""One row per essay for the class summary, the CSV file, and the closing summary line.

Besides the findings, each row counts its references by existence verdict (see
:meth:`essaycheck.model.Report.existence_counts`): verified, found with differences, not
found and not checked. ``references_not_found`` is the figure a tutor looks at first: works
that Crossref, OpenAlex and Open Library have no record of. It counts verdicts, not
``reference-not-found`` findings, so it is there even when that rule is ignored; it is 0
when nothing was looked up (``--no-resolve``), which ``references_not_checked`` shows.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Iterable, Sequence

from ..model import EXISTENCE_VERDICTS, Report, Severity

__all__ = ["EssayRow", "row_from_report", "failed_row", "summary_csv", "common_problems",
           "summary_line", "exit_code", "duplicates", "duplicate_row", "csv_value", "UNRESOLVED_DOI_RULES", "BROKEN_LINK_RULES", "EXISTENCE_COLUMNS"]

# Rule ids of essaycheck.resolve.findings that the two columns count.
UNRESOLVED_DOI_RULES = ("doi-not-found",)
BROKEN_LINK_RULES = ("broken-url",)

CHECKED, UNCHANGED, UNREADABLE, INTERNAL = "checked", "unchanged", "unreadable", "internal error"
NOT_ESSAY, DUPLICATE = "not an essay", "duplicate"

# Existence verdict (essaycheck.model.EXISTENCE_VERDICTS) -> the row attribute and CSV column counting it.
EXISTENCE_COLUMNS = {verdict: "references_" + verdict.replace("-", "_") for verdict in EXISTENCE_VERDICTS}


@dataclass(frozen=True)
class EssayRow:
    """What the class summary says about one file of the class folder; ``status`` is checked,
    unchanged, unreadable, not an essay, duplicate or internal error, and ``reason`` says why a
    file has no report."""

    file: str  # path relative to the class folder, with forward slashes
    status: str
    student: str = ""  # from the learning platform's naming ("" when the folder is the tutor's own)
    platform: str = ""  # moodle, canvas, blackboard or ""
    late: bool = False  # the platform marked the submission late
    role: str = ""  # "essay" or "extra file" when a student handed in several files, else ""
    kind: str = ""  # the document's format (essaycheck.read.sniff.KINDS), once read
    words: int = 0
    citations: int = 0
    references: int = 0
    errors: int = 0
    warnings: int = 0
    unresolved_dois: int = 0
    broken_links: int = 0
    references_verified: int = 0  # the existence verdicts of the references, one count each
    references_found_with_differences: int = 0
    references_not_found: int = 0
    references_not_checked: int = 0
    top_rules: str = ""  # "missing-reference ×3; narrative-comma ×1"
    rules: tuple[tuple[str, int], ...] = ()  # every rule with its count, for the class-wide tally
    duplicate_of: str = ""
    reason: str = ""
    report: str = ""  # the HTML report, relative to the output folder
    annotated: str = ""  # the annotated .docx copy, relative to the output folder

    @property
    def has_report(self) -> bool:
        return self.status in (CHECKED, UNCHANGED)

    def to_state(self) -> dict:
        data = asdict(self)
        data["rules"] = [list(pair) for pair in self.rules]
        return data

    @classmethod
    def from_state(cls, data: dict) -> "EssayRow":
        """The row :meth:`to_state` saved. KeyError when it lacks a field: a row saved before that
        column existed would show a made-up 0, so the essay is checked again instead."""
        known = {f.name for f in fields(cls)}
        missing = known - set(data)
        if missing:
            raise KeyError(", ".join(sorted(missing)))
        values = {k: v for k, v in data.items() if k in known}
        values["rules"] = tuple((str(rule), int(n)) for rule, n in values.get("rules", ()))
        return cls(**values)


def _starts(rule: str, prefixes: tuple[str, ...]) -> bool:
    return any(rule == p or rule.startswith(p + "-") for p in prefixes)


def row_from_report(file: str, report: Report, *, report_link: str = "", annotated: str = "") -> EssayRow:
    """The summary row of a checked essay."""
    tally = Counter(p.rule for p in report.problems)
    ranked = sorted(tally.items(), key=lambda item: (-item[1], item[0]))
    existence = {EXISTENCE_COLUMNS[verdict]: n for verdict, n in report.existence_counts().items()}
    return EssayRow(
        file=file,
        status=CHECKED,
        kind=report.document.kind,
        words=report.document.word_count,
        citations=len(report.citations),
        references=len(report.references),
        errors=report.count(Severity.ERROR),
        warnings=report.count(Severity.WARNING),
        unresolved_dois=sum(n for rule, n in ranked if _starts(rule, UNRESOLVED_DOI_RULES)),
        broken_links=sum(n for rule, n in ranked if _starts(rule, BROKEN_LINK_RULES)),
        **existence,
        top_rules="; ".join(f"{rule} \u00d7{n}" for rule, n in ranked[:3]),
        rules=tuple(ranked),
        report=report_link,
        annotated=annotated,
    )


def failed_row(file: str, status: str, reason: str) -> EssayRow:
    """The row of an essay that has no report: unreadable or an internal error."""
    return EssayRow(file=file, status=status, reason=" ".join(reason.split()))


CSV_COLUMNS = ("file", "student", "status", "role", "late", "kind", "words", "citations", "references", "errors", "warnings",
               "unresolved_dois", "broken_links", *EXISTENCE_COLUMNS.values(),
               "top_rules", "duplicate_of", "reason", "report", "annotated")


def summary_csv(rows: Sequence[EssayRow]) -> str:
    """summary.csv as text: a header and one row per essay, in file order."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        writer.writerow([csv_value(row, column) for column in CSV_COLUMNS])
    return buffer.getvalue()


def csv_value(row: EssayRow, column: str) -> str:
    """One cell of the summary as text ("late" or "" for the late flag)."""
    value = getattr(row, column)
    if column == "late":
        return "late" if value else ""
    return str(value)


def common_problems(rows: Iterable[EssayRow], limit: int = 10) -> list[tuple[str, int, int]]:
    """The class's most common rules: (rule, times found, essays affected), most frequent first."""
    times: Counter[str] = Counter()
    essays: Counter[str] = Counter()
    for row in rows:
        for rule, n in row.rules:
            times[rule] += n
            essays[rule] += 1
    ranked = sorted(times, key=lambda rule: (-times[rule], -essays[rule], rule))
    return [(rule, times[rule], essays[rule]) for rule in ranked[:limit]]


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def summary_line(rows: Sequence[EssayRow], *, interrupted: int = 0, ignored: int = 0) -> str:
    """One honest line: '28 essays checked, 3 skipped (unchanged), 1 could not be read, 2 not essays;
    41 errors, 17 warnings', ending '; 4 references not found in 2 essays' when the lookups found no
    record of some works, and naming the hidden or system files (``ignored``) passed over."""
    counts = Counter(row.status for row in rows)
    parts = [f"{_plural(counts[CHECKED], 'essay')} checked"]
    if counts[UNCHANGED]:
        parts.append(f"{counts[UNCHANGED]} skipped (unchanged)")
    if counts[UNREADABLE]:
        parts.append(f"{counts[UNREADABLE]} could not be read")
    if counts[NOT_ESSAY]:
        parts.append(f"{counts[NOT_ESSAY]} not {'an essay' if counts[NOT_ESSAY] == 1 else 'essays'}")
    if counts[DUPLICATE]:
        parts.append(f"{counts[DUPLICATE]} {'duplicate' if counts[DUPLICATE] == 1 else 'duplicates'} of another "
                     "submission")
    if counts[INTERNAL]:
        parts.append(f"{counts[INTERNAL]} failed (internal error)")
    if interrupted:
        parts.append(f"{interrupted} not checked (interrupted)")
    errors = sum(row.errors for row in rows)
    warnings = sum(row.warnings for row in rows)
    line = f"{', '.join(parts)}; {_plural(errors, 'error')}, {_plural(warnings, 'warning')}"
    flagged = [row.references_not_found for row in rows if row.references_not_found]
    if flagged:
        line += f"; {_plural(sum(flagged), 'reference')} not found in {_plural(len(flagged), 'essay')}"
    not_checked = sum(counts[status] for status in (UNREADABLE, NOT_ESSAY, INTERNAL)) + interrupted
    if not_checked:
        line += f"; {_plural(not_checked, 'file')} not checked (see the Status column)"
    if ignored:
        line += f"; {_plural(ignored, 'hidden or system file')} ignored"
    return line


def exit_code(rows: Sequence[EssayRow]) -> int:
    """0 when every essay was read and none has an error, else 1 (like black and ruff). A file that
    is not an essay (an image, a receipt) or a duplicate does not count; one that could not be read does."""
    return 1 if any(row.errors or row.status in (UNREADABLE, INTERNAL) for row in rows) else 0


def duplicates(files: Sequence[str], digests: dict[str, str]) -> dict[str, str]:
    """Each file whose bytes equal an earlier one's (in ``files`` order) -> that earlier file."""
    first: dict[str, str] = {}
    copies = {}
    for file in files:
        digest = digests.get(file)
        if digest is not None:
            original = first.setdefault(digest, file)
            if original != file:
                copies[file] = original
    return copies


def duplicate_row(file: str, original: EssayRow) -> EssayRow:
    """The row of a file with the same bytes as ``original``'s: not checked again, its report is the original's."""
    return EssayRow(file=file, status=DUPLICATE, kind=original.kind, duplicate_of=original.file,
                    report=original.report if original.has_report else "",
                    reason=f"the same file as {original.file}")


def relative_name(path: Path, root: Path) -> str:
    """``path`` relative to ``root``, with forward slashes on every platform."""
    return path.relative_to(root).as_posix()
