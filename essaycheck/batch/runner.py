"""``run_batch``: check a class folder (or a learning platform's download zip) and write every
report, the summary and the index. Every file gets a row: checked, unchanged, unreadable, not an
essay, duplicate or internal error."""

from __future__ import annotations

import sys
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TextIO

from ..errors import InputError
from ..outputs import write_text
from ..settings import Settings
from .archive import extract_class_zip, is_zip
from .discover import find_files
from .feedback import write_feedback_zip
from .platforms import identify, is_receipt, mark_roles
from .pool import StopFlag, WorkerPool, chunked, default_workers
from .progress import Progress
from .resolution import references_of, resolve_class
from .state import BatchState, content_hash, settings_fingerprint
from .summary import (INTERNAL, NOT_ESSAY, UNCHANGED, UNREADABLE, EssayRow, common_problems, duplicate_row,
                      duplicates, exit_code, failed_row, relative_name, summary_csv, summary_line)
from .worker import EssayJob, EssayResult, check_chunk

__all__ = ["BatchResult", "run_batch", "DEFAULT_OUTDIR"]

DEFAULT_OUTDIR = "essaycheck-report"


@dataclass(frozen=True)
class BatchResult:
    """What a batch did: one row per essay found (file order) and how many Ctrl-C left unchecked."""

    folder: Path  # the class folder, or the zip it came in
    outdir: Path
    rows: tuple[EssayRow, ...]
    not_checked: int = 0
    ignored: int = 0  # hidden and system files passed over (.DS_Store, Word's lock files)

    @property
    def interrupted(self) -> bool:
        return self.not_checked > 0

    @property
    def summary_line(self) -> str:
        return summary_line(self.rows, interrupted=self.not_checked, ignored=self.ignored)

    @property
    def exit_code(self) -> int:
        return 130 if self.interrupted else exit_code(self.rows)


def run_batch(folder: str | Path, outdir: str | Path | None = None, settings: Settings | None = None, *,
              force: bool = False, annotate: bool = True, feedback_zip: str | Path | None = None,
              log: TextIO | None = None) -> BatchResult:
    """Check every file below ``folder``, or in the platform's download zip ``folder``; write the
    reports to ``outdir`` (default FOLDER/essaycheck-report, or NAME-essaycheck-report beside a zip)
    and, with ``feedback_zip``, the annotated copies in the layout Moodle takes back.

    Raises :class:`InputError` only when ``folder`` is neither a folder nor a zip, or the zip is
    refused (damaged or hostile); every file's own trouble becomes its row.
    """
    log = log or sys.stderr
    settings = settings or Settings()
    folder = Path(folder)
    if folder.is_file() and is_zip(folder):
        outdir = Path(outdir) if outdir is not None else folder.with_name(f"{folder.stem}-{DEFAULT_OUTDIR}")
        with tempfile.TemporaryDirectory(prefix="essaycheck-class-") as unpacked:
            extract_class_zip(folder, unpacked)
            result = _run(Path(unpacked), outdir, settings, force=force, annotate=annotate, log=log)
        result = replace(result, folder=folder)
    elif folder.is_dir():
        result = _run(folder, Path(outdir) if outdir is not None else folder / DEFAULT_OUTDIR, settings,
                      force=force, annotate=annotate, log=log)
    else:
        raise InputError(f"{folder} is neither a folder nor a zip file")
    write_class_outputs(result)
    if feedback_zip is not None:
        write_feedback(result, Path(feedback_zip))
    return result


def _run(folder: Path, outdir: Path, settings: Settings, *, force: bool, annotate: bool,
         log: TextIO) -> BatchResult:
    outdir.mkdir(parents=True, exist_ok=True)
    state = BatchState.load(outdir, settings_fingerprint(settings, annotate))
    found = find_files(folder, exclude=(outdir,))
    rows, digests, todo, copies = _sort_files(folder, found.files, outdir, state, force=force, annotate=annotate)
    state.forget_missing(set(digests))

    workers = min(settings.jobs or default_workers(), max(1, len(todo)))
    finished = 0
    with StopFlag() as stop, WorkerPool(workers, stop) as pool:
        todo = _with_resolutions(pool, todo, settings, workers, log)
        with Progress(len(todo), bar=settings.progress, stream=log) as progress:
            for chunk, results, error in pool.run(check_chunk, chunked(todo, workers), settings):
                for job, result in zip(chunk, results or [_crashed(job, error) for job in chunk]):
                    rows[job.file] = result.row
                    if result.row.has_report:
                        state.record(result.row, digests[job.file], list(result.outputs))
                    progress.advance(result.row)
                    finished += 1
        state.save()

    for copy, original in copies.items():
        if original in rows:
            known = rows[copy]
            rows[copy] = replace(duplicate_row(copy, rows[original]), student=known.student,
                                 platform=known.platform, late=known.late, role=known.role)
    ordered = [rows[name] for name in sorted(rows, key=str.lower) if rows[name].status]
    return BatchResult(folder, outdir, tuple(ordered), not_checked=len(todo) - finished, ignored=found.ignored)


def _sort_files(folder: Path, files, outdir: Path, state: BatchState, *, force: bool,
                annotate: bool) -> tuple[dict[str, EssayRow], dict[str, str], list[EssayJob], dict[str, str]]:
    """Every file: its row so far (student, platform; or final: unreadable, receipt, unchanged),
    content hashes, the jobs to run, and the duplicates (copy -> original, not checked again)."""
    rows: dict[str, EssayRow] = {}
    digests: dict[str, str] = {}
    paths: dict[str, Path] = {}
    for path in files:
        file = relative_name(path, folder)
        submission = identify(file)
        rows[file] = EssayRow(file=file, status="", student=submission.student, platform=submission.platform,
                              late=submission.late)
        paths[file] = path
        try:
            digests[file] = content_hash(path)
        except OSError as error:
            rows[file] = replace(rows[file], status=UNREADABLE, reason=f"{file}: {error.strerror or error}")
            continue
        if is_receipt(file, path):
            rows[file] = replace(rows[file], status=NOT_ESSAY,
                                 reason="the platform's submission receipt, not an essay")
    sizes = {file: path.stat().st_size for file, path in paths.items() if file in digests}
    rows.update({row.file: row for row in mark_roles(list(rows.values()), sizes)})
    copies = duplicates([file for file in rows if not rows[file].status], digests)
    todo: list[EssayJob] = []
    for file, row in rows.items():
        if row.status or file in copies:
            continue
        saved = None if force else state.unchanged_row(file, digests[file], outdir)
        if saved is not None:
            rows[file] = replace(saved, status=UNCHANGED, student=row.student, platform=row.platform,
                                 late=row.late, role=row.role)
        else:
            todo.append(EssayJob(str(paths[file]), file, str(outdir), annotate, row=row))
    return rows, digests, todo, copies


def _with_resolutions(pool: WorkerPool, todo: list[EssayJob], settings: Settings, workers: int,
                      log: TextIO) -> list[EssayJob]:
    """The jobs, each with its essay's part of the class's DOI and URL lookups (phase one)."""
    references: dict[str, tuple] = {}
    if settings.resolve and todo:
        for _, found, _error in pool.run(references_of, chunked([job.source for job in todo], workers)):
            references.update(found or ())  # an essay missing here resolves on its own when checked
    resolutions = resolve_class(settings, references, log=log)
    return [replace(job, resolution=resolutions.get(job.source)) for job in todo]


def _crashed(job: EssayJob, error: BaseException | None) -> EssayResult:
    """The row of an essay whose worker process died (killed, out of memory)."""
    return EssayResult(failed_row(job.file, INTERNAL, f"internal error: worker stopped ({error!r})"))


def write_class_outputs(result: BatchResult) -> None:
    """summary.csv, summary.xlsx and index.html for the class (every file reached), with the
    references not found of each essay (see :mod:`essaycheck.batch.summary`)."""
    from ..render.index_html import render_index
    from .spreadsheet import write_summary_xlsx

    write_text(result.outdir / "summary.csv", summary_csv(result.rows), newline="")
    write_summary_xlsx(result.rows, result.outdir / "summary.xlsx", title=result.folder.name)
    write_text(result.outdir / "index.html", render_index(result.rows, common=common_problems(result.rows),
                                                          title=_title(result.folder),
                                                          summary=result.summary_line))


def _title(folder: Path) -> str:
    """The class's name: the folder's, or the zip's without its extension."""
    return folder.stem if folder.is_file() else folder.resolve().name


def write_feedback(result: BatchResult, target: Path) -> int:
    """One feedback file per checked submission, in the layout Moodle takes back: the annotated
    copy of a Word or PDF essay, else (OpenDocument, HTML, text) its HTML report, which shows the
    essay with each problem marked. How many went in."""
    entries = []
    for row in result.rows:
        if not row.has_report:
            continue
        for name in (row.annotated, row.report):
            if name and (result.outdir / name).is_file():
                entries.append((row.file, result.outdir / name))
                break
    write_feedback_zip(entries, target)
    return len(entries)
