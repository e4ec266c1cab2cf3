"""``run_batch``: check a class folder and write every report, the summary and the index."""

from __future__ import annotations

import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TextIO

from ..errors import InputError
from ..outputs import write_text
from ..settings import Settings
from .discover import find_essays
from .pool import StopFlag, WorkerPool, chunked, default_workers
from .progress import Progress
from .resolution import references_of, resolve_class
from .state import BatchState, content_hash, settings_fingerprint
from .summary import (INTERNAL, UNCHANGED, UNREADABLE, EssayRow, common_problems, exit_code, failed_row,
                      mark_duplicates, relative_name, summary_csv, summary_line)
from .worker import EssayJob, EssayResult, check_chunk

__all__ = ["BatchResult", "run_batch", "DEFAULT_OUTDIR"]

DEFAULT_OUTDIR = "essaycheck-report"


@dataclass(frozen=True)
class BatchResult:
    """What a batch did: one row per essay found (file order) and how many Ctrl-C left unchecked."""

    folder: Path
    outdir: Path
    rows: tuple[EssayRow, ...]
    not_checked: int = 0

    @property
    def interrupted(self) -> bool:
        return self.not_checked > 0

    @property
    def summary_line(self) -> str:
        return summary_line(self.rows, interrupted=self.not_checked)

    @property
    def exit_code(self) -> int:
        return 130 if self.interrupted else exit_code(self.rows)


def run_batch(folder: str | Path, outdir: str | Path | None = None, settings: Settings | None = None, *,
              force: bool = False, annotate: bool = True, log: TextIO | None = None) -> BatchResult:
    """Check every essay below ``folder``; write reports to ``outdir`` (default FOLDER/essaycheck-report).

    Raises :class:`InputError` only when ``folder`` itself is not a folder; every
    essay's own trouble becomes its row.
    """
    log = log or sys.stderr
    settings = settings or Settings()
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError(f"{folder} is not a folder")
    outdir = Path(outdir) if outdir is not None else folder / DEFAULT_OUTDIR
    outdir.mkdir(parents=True, exist_ok=True)
    state = BatchState.load(outdir, settings_fingerprint(settings, annotate))
    rows, digests, todo = _sort_essays(folder, outdir, state, force=force, annotate=annotate)
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

    ordered = mark_duplicates([rows[name] for name in sorted(rows, key=str.lower)], digests)
    result = BatchResult(folder, outdir, tuple(ordered), not_checked=len(todo) - finished)
    write_class_outputs(result)
    return result


def _sort_essays(folder: Path, outdir: Path, state: BatchState, *, force: bool,
                 annotate: bool) -> tuple[dict[str, EssayRow], dict[str, str], list[EssayJob]]:
    """Every essay below ``folder``: rows already known (unreadable, unchanged), content hashes, jobs to run."""
    rows: dict[str, EssayRow] = {}
    digests: dict[str, str] = {}
    todo: list[EssayJob] = []
    for path in find_essays(folder, exclude=(outdir,)):
        file = relative_name(path, folder)
        try:
            digests[file] = content_hash(path)
        except OSError as error:
            rows[file] = failed_row(file, UNREADABLE, f"{file}: {error.strerror or error}")
            continue
        saved = None if force else state.unchanged_row(file, digests[file], outdir)
        if saved is not None:
            rows[file] = replace(saved, status=UNCHANGED)
        else:
            todo.append(EssayJob(str(path), file, str(outdir), annotate))
    return rows, digests, todo


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
    """summary.csv and index.html for the class (only the essays that were reached), with the
    references not found of each essay (see :mod:`essaycheck.batch.summary`)."""
    from ..render.index_html import render_index

    write_text(result.outdir / "summary.csv", summary_csv(result.rows), newline="")
    write_text(result.outdir / "index.html", render_index(result.rows, common=common_problems(result.rows),
                                                          title=result.folder.resolve().name,
                                                          summary=result.summary_line))
