"""Running work on chunks of essays in worker processes, and stopping cleanly on Ctrl-C.

Ctrl-C does not raise inside the batch: it sets a flag, work not yet started is
cancelled, work already running finishes and is kept. A second Ctrl-C stops at once.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from typing import Callable, Iterator, Sequence, TypeVar

__all__ = ["StopFlag", "WorkerPool", "default_workers", "chunked"]

T = TypeVar("T")


def default_workers() -> int:
    """One worker per CPU this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def chunked(items: Sequence[T], workers: int, *, most: int = 8) -> list[list[T]]:
    """Split ``items`` into chunks: about four per worker (so the load evens out), at most ``most`` each."""
    size = max(1, min(most, len(items) // (workers * 4)))
    return [list(items[i:i + size]) for i in range(0, len(items), size)]


class StopFlag:
    """While active, the first Ctrl-C (SIGINT) sets ``stopped`` instead of raising KeyboardInterrupt."""

    def __init__(self) -> None:
        self.stopped = False
        self._previous = None

    def _handle(self, signum, frame) -> None:
        self.stopped = True
        signal.signal(signal.SIGINT, self._previous or signal.default_int_handler)  # the second one raises

    def __enter__(self) -> "StopFlag":
        if threading.current_thread() is threading.main_thread():
            self._previous = signal.signal(signal.SIGINT, self._handle)
        return self

    def __exit__(self, *exc) -> None:
        if self._previous is not None:
            signal.signal(signal.SIGINT, self._previous)


def _ignore_interrupts() -> None:
    """Worker initializer: Ctrl-C reaches the whole process group; only the parent acts on it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


class WorkerPool:
    """``processes`` worker processes, or this very process when ``processes`` is 1."""

    def __init__(self, processes: int, stop: StopFlag):
        self.processes = processes
        self.stop = stop
        self._executor: ProcessPoolExecutor | None = None

    def __enter__(self) -> "WorkerPool":
        return self

    def __exit__(self, *exc) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)

    def _get_executor(self) -> ProcessPoolExecutor:
        if self._executor is None:
            # forkserver: workers start from a clean process, not a copy of one with threads (tqdm).
            methods = multiprocessing.get_all_start_methods()
            context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
            self._executor = ProcessPoolExecutor(self.processes, mp_context=context,
                                                 initializer=_ignore_interrupts)
        return self._executor

    def run(self, function: Callable[..., list], chunks: list[list], *args) -> Iterator[tuple[list, list | None, BaseException | None]]:
        """Yield ``(chunk, results, error)`` as chunks finish; after Ctrl-C, only the chunks already running."""
        if self.processes <= 1 or len(chunks) <= 1:
            yield from self._run_here(function, chunks, args)
            return
        executor = self._get_executor()
        pending: dict[Future, list] = {executor.submit(function, chunk, *args): chunk for chunk in chunks}
        cancelled = False
        while pending:
            done, _ = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
            for future in done:
                chunk = pending.pop(future)
                if future.cancelled():
                    continue
                error = future.exception()
                yield chunk, (None if error else future.result()), error
            if self.stop.stopped and not cancelled:
                cancelled = True
                for future in list(pending):
                    if future.cancel():
                        del pending[future]

    def _run_here(self, function, chunks, args):
        for chunk in chunks:
            if self.stop.stopped:
                return
            # results essay by essay, so Ctrl-C loses at most the essay being checked
            for item in chunk:
                if self.stop.stopped:
                    return
                yield [item], function([item], *args), None
