"""summary.xlsx: the class summary as a spreadsheet, since tutors open it in Excel or LibreOffice.

Written with XlsxWriter (write-only, pure Python): the same columns as summary.csv, numbers as
numbers, a frozen header with filters on every column, and each file linked to its HTML report.
"""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

from ..outputs import atomic_path
from .summary import CSV_COLUMNS, EssayRow, csv_value

__all__ = ["write_summary_xlsx"]

_WIDTHS = {"file": 42, "student": 24, "status": 14, "top_rules": 48, "reason": 60, "report": 30, "annotated": 30}
_NUMERIC = frozenset({"words", "citations", "references", "errors", "warnings", "unresolved_dois", "broken_links",
                      "references_verified", "references_found_with_differences", "references_not_found",
                      "references_not_checked"})


def write_summary_xlsx(rows: Sequence[EssayRow], target: Path, *, title: str = "", durable: bool = True) -> None:
    """Write the class summary (one row per file, :data:`CSV_COLUMNS`) to ``target``, atomically."""
    import xlsxwriter

    with atomic_path(target, durable=durable) as temporary:
        book = xlsxwriter.Workbook(str(temporary), {"strings_to_urls": False, "strings_to_formulas": False})
        sheet = book.add_worksheet("Summary")
        bold = book.add_format({"bold": True, "bg_color": "#F3F3F3", "bottom": 1})
        link = book.add_format({"font_color": "#1A5FB4", "underline": 1})
        for column, name in enumerate(CSV_COLUMNS):
            sheet.write_string(0, column, name.replace("_", " "), bold)
            sheet.set_column(column, column, _WIDTHS.get(name, 11 if name in _NUMERIC else 14))
        for number, row in enumerate(rows, start=1):
            for column, name in enumerate(CSV_COLUMNS):
                value = getattr(row, name)
                if name == "file" and row.report and len(row.report) < 250:  # Excel's limit on a link
                    # a text cell starting with "=" from a file name is never read as a formula
                    sheet.write_url(number, column, f"external:{row.report}", link, string=value)
                elif name in _NUMERIC:
                    if row.has_report:
                        sheet.write_number(number, column, int(value))
                else:
                    sheet.write_string(number, column, csv_value(row, name))
        sheet.freeze_panes(1, 1)
        sheet.autofilter(0, 0, max(1, len(rows)), len(CSV_COLUMNS) - 1)
        if title:
            book.set_properties({"title": f"Citation check: {title}", "author": "essaycheck"})
        book.close()
