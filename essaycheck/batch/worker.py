"""What one worker process does for one essay: check it and write its outputs.

Every function here returns a row, never raises for a bad essay: an unreadable
file is an ``EssaycheckError`` row, anything unexpected an "internal error" row.
"""

from __future__ import annotations

import json
import os
import traceback
from dataclasses import dataclass, replace
from pathlib import Path

from ..annotate import ANNOTATED_KINDS
from ..errors import EssaycheckError, NotAnEssay
from ..model import Report
from ..outputs import write_text
from ..settings import Settings
from .summary import INTERNAL, NOT_ESSAY, UNREADABLE, EssayRow, failed_row, row_from_report

__all__ = ["EssayJob", "EssayResult", "output_names", "check_essay", "check_chunk"]


@dataclass(frozen=True)
class EssayJob:
    """One essay to check in a worker process, and where its outputs go."""

    source: str  # the essay's path
    file: str  # its name relative to the class folder
    outdir: str
    annotate: bool = True
    resolution: object = None  # this essay's part of the class's DOI and URL lookups, when done
    row: EssayRow | None = None  # what is known before checking (student, platform), kept in the result


@dataclass(frozen=True)
class EssayResult:
    """One essay's summary row and the files written for it."""

    row: EssayRow
    outputs: tuple[str, ...] = ()  # files written, relative to the output folder


def output_names(file: str) -> dict[str, str]:
    """Where an essay's outputs go, relative to the output folder (the class folder's layout).

    The full file name is kept so that ``essay.docx`` and ``essay.txt`` never collide.
    """
    names = {"json": f"{file}.json", "html": f"{file}.html"}
    stem, extension = os.path.splitext(file)
    if extension.lower().lstrip(".") in ANNOTATED_KINDS:
        names["annotated"] = f"{stem}.annotated{extension.lower()}"
    return names


def write_essay_outputs(report: Report, job: EssayJob) -> tuple[EssayRow, tuple[str, ...]]:
    """Write the JSON and HTML reports (and the annotated copy) of one essay."""
    from ..render.html import render_html
    from ..render.json import report_to_json

    outdir = Path(job.outdir)
    names = output_names(job.file)
    data = report_to_json(report)
    # Reports are regenerable: atomic but not fsynced (the state file, written last, is durable
    # and a rerun rebuilds any output that is missing or empty).
    # compact: for programs (the same data as 'check --format json'), and json's fast encoder
    write_text(outdir / names["json"], json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n",
               durable=False)
    write_text(outdir / names["html"], render_html(report), durable=False)
    written = [names["json"], names["html"]]
    row = row_from_report(job.file, report, report_link=names["html"])
    if job.annotate and names.get("annotated", "").endswith(f".{report.document.kind}"):  # a renamed PDF: none
        from ..annotate import annotate_copy

        try:
            annotate_copy(report, job.source, outdir / names["annotated"], durable=False)
        # python-docx on a student's file: a copy it cannot write costs the copy, not the report.
        except (EssaycheckError, OSError, ValueError, KeyError) as error:
            row = replace(row, reason=f"no annotated copy: {error}")
        else:
            written.append(names["annotated"])
            row = replace(row, annotated=names["annotated"])
    return row, tuple(written)


def check_essay(job: EssayJob, settings: Settings) -> EssayResult:
    """Check one essay and write its outputs; failures become rows with their reason."""
    from ..api import check

    try:
        report = check(job.source, settings, resolution=job.resolution)
        row, written = write_essay_outputs(report, job)
    except EssaycheckError as error:
        status = NOT_ESSAY if isinstance(error, NotAnEssay) else UNREADABLE
        return _result(job, failed_row(job.file, status, str(error).replace(job.source, job.file)))
    except Exception as error:  # one essay's bug must not stop the class; the row carries it
        where = traceback.extract_tb(error.__traceback__)[-1]
        reason = f"internal error: {type(error).__name__}: {error} ({Path(where.filename).name}:{where.lineno})"
        return _result(job, failed_row(job.file, INTERNAL, reason))
    return _result(job, row, written)


def _result(job: EssayJob, row: EssayRow, written: tuple[str, ...] = ()) -> EssayResult:
    """The result, with what was known of the file before checking (student, platform, role)."""
    if job.row is not None:
        row = replace(row, student=job.row.student, platform=job.row.platform, late=job.row.late,
                      role=job.row.role)
    return EssayResult(row, written)


def check_chunk(jobs: list[EssayJob], settings: Settings) -> list[EssayResult]:
    """Check a few essays in one worker (spaCy, loaded for the first, serves the rest)."""
    return [check_essay(job, settings) for job in jobs]
