"""Tutor mode: check a whole class folder in parallel, with a summary and reports per essay.

>>> from essaycheck.batch import run_batch
>>> result = run_batch("class-2026/", "reports/")        # doctest: +SKIP
>>> print(result.summary_line)                            # doctest: +SKIP
28 essays checked, 3 skipped (unchanged), 1 could not be read; 41 errors, 17 warnings; 4 references not found in 2 essays

Each :class:`EssayRow` counts the essay's references by existence verdict
(``references_verified``, ``references_found_with_differences``,
``references_not_found``, ``references_not_checked``); summary.csv has the four
columns, and index.html a "References not found" column and a mark on each essay
with at least one.
"""

from .discover import find_essays
from .runner import DEFAULT_OUTDIR, BatchResult, run_batch
from .summary import EssayRow

__all__ = ["run_batch", "BatchResult", "EssayRow", "find_essays", "DEFAULT_OUTDIR"]
