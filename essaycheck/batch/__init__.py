"""Tutor mode: check a whole class folder, or a learning platform's download zip, in parallel,
with a summary and reports per essay. Every file gets a row (checked, unchanged, unreadable, not
an essay, duplicate, internal error) with the student's name from the platform's naming.

>>> from essaycheck.batch import run_batch
>>> result = run_batch("submissions.zip", "reports/", feedback_zip="feedback.zip")  # doctest: +SKIP
>>> print(result.summary_line)                            # doctest: +SKIP
28 essays checked, 3 skipped (unchanged), 1 could not be read; 41 errors, 17 warnings; 4 references not found in 2 essays; 1 file not checked (see the Status column)

The modules: ``discover`` (every file), ``archive`` (unpacking a zip under guard), ``platforms``
(Moodle, Canvas and Blackboard naming; which file is the essay), ``runner``, ``worker``,
``summary`` and ``spreadsheet`` (the class summary), ``feedback`` (the zip Moodle takes back).

Each :class:`EssayRow` counts the essay's references by existence verdict
(``references_verified``, ``references_found_with_differences``,
``references_not_found``, ``references_not_checked``); summary.csv has the four
columns, and index.html a "References not found" column and a mark on each essay
with at least one.
"""

from .discover import find_files
from .runner import DEFAULT_OUTDIR, BatchResult, run_batch
from .summary import EssayRow

__all__ = ["run_batch", "BatchResult", "EssayRow", "find_files", "DEFAULT_OUTDIR"]
