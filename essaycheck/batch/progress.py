"""Progress of a batch: a tqdm bar on a terminal, plain lines otherwise."""

from __future__ import annotations

import sys
import time
from typing import TextIO

from .summary import EssayRow

__all__ = ["Progress"]


class Progress:
    """Told about each finished essay; shows files done, errors so far and the time left."""

    def __init__(self, total: int, *, bar: bool | None = None, stream: TextIO | None = None):
        self.stream = stream or sys.stderr
        self.total = total
        self.done = 0
        self.errors = 0
        self.unreadable = 0
        self.started = time.monotonic()
        if bar is None:
            bar = hasattr(self.stream, "isatty") and self.stream.isatty()
        self._bar = None
        if bar and total:
            from tqdm import tqdm

            self._bar = tqdm(total=total, unit="essay", file=self.stream, dynamic_ncols=True,
                             desc="checking", bar_format="{desc} {n_fmt}/{total_fmt} |{bar}| {postfix} "
                                                         "[{elapsed}<{remaining}]")

    def advance(self, row: EssayRow) -> None:
        self.done += 1
        self.errors += row.errors
        self.unreadable += not row.has_report
        if self._bar is not None:
            self._bar.set_postfix_str(f"{self.errors} errors, {self.unreadable} unreadable", refresh=False)
            self._bar.update(1)
            return
        state = row.reason if not row.has_report else f"{row.errors} errors, {row.warnings} warnings"
        print(f"[{self.done}/{self.total}] {row.file}: {state}{self._eta()}", file=self.stream, flush=True)

    def _eta(self) -> str:
        if self.done >= self.total:
            return ""
        left = (time.monotonic() - self.started) / self.done * (self.total - self.done)
        return f" (about {int(left) // 60}:{int(left) % 60:02d} left)"

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()

    def __enter__(self) -> "Progress":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
