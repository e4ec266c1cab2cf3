"""An annotated copy of a PDF essay: a highlight over each problem's text, its note saying what is wrong.

The characters' boxes come from :func:`essaycheck.read.pdf.pdf_layout` on the same bytes the
report was made from, so the problem's paragraph and offsets find their place on the page;
one highlight per page the text is on, with a quadrilateral per line. A problem without a place,
or whose text cannot be found, becomes a note at the top of the first page. pypdf writes the
copy (atomically); the original is only read.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

from .annotate import AUTHOR, _span_in, comment_text
from .errors import InputError
from .model import Diagnostic, Report, Severity
from .outputs import atomic_path
from .read.pdf import Box, PdfLayout, pdf_layout

__all__ = ["annotate_pdf"]

COLOURS = {Severity.ERROR: "ff8a80", Severity.WARNING: "ffeb3b", Severity.INFO: "90caf9"}
_NOTE_SIZE, _NOTE_STEP = 20.0, 24.0  # points: a note's icon, and the distance between stacked notes
_NOTES_A_COLUMN = 25  # 600 points: fits on any paper size


def annotate_pdf(report: Report, source_path, target_path, *, durable: bool = True) -> int:
    """Write a copy of ``source_path`` to ``target_path`` with a highlight (or a note) per problem;
    return the number of annotations added.

    ``durable`` is passed to :func:`essaycheck.outputs.atomic_path`. Raises :class:`InputError`
    when the target is the source or the PDF cannot be read or annotated.
    """
    from pypdf.annotations import Highlight, Text
    from pypdf.generic import ArrayObject, FloatObject

    from .read.disk import read_file_bytes

    source, target = Path(source_path), Path(target_path)
    if target.exists() and os.path.samefile(source, target):
        raise InputError("the annotated copy must not overwrite the essay itself")
    data = read_file_bytes(str(source))
    layout = pdf_layout(data, str(source))
    writer = _writer(data, source)
    top_left = _top_left(writer)
    count = notes = 0
    for problem in sorted(report.problems, key=Diagnostic.sort_key):
        placed = _place(layout, problem)
        if placed is None:
            x, y = top_left
            x += (notes // _NOTES_A_COLUMN) * _NOTE_STEP  # a new column of notes before the page ends
            y -= (notes % _NOTES_A_COLUMN) * _NOTE_STEP
            note = Text(rect=(x, y - _NOTE_SIZE, x + _NOTE_SIZE, y),
                        text=comment_text(problem, unplaced=_where(problem)), open=False)
            note[_name("/T")] = _text(AUTHOR)
            writer.add_annotation(0, note)
            notes += 1
            count += 1
            continue
        for page, quads in placed:
            points = [FloatObject(round(value, 3)) for quad in quads for value in _quad_points(quad)]
            rect = (min(q[0] for q in quads), min(q[1] for q in quads), max(q[2] for q in quads),
                    max(q[3] for q in quads))
            highlight = Highlight(rect=rect, quad_points=ArrayObject(points),
                                  highlight_color=COLOURS[problem.severity], printing=True, title_bar=AUTHOR)
            highlight[_name("/Contents")] = _text(comment_text(problem))
            writer.add_annotation(page, highlight)
            count += 1
    try:
        with atomic_path(target, durable=durable) as tmp:
            with open(tmp, "wb") as handle:
                writer.write(handle)
    except InputError:
        raise
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise InputError(f"{source}: the annotated copy could not be written ({type(error).__name__}: {error})") \
            from None
    return count


def _writer(data: bytes, source: Path):
    """A pypdf writer holding a copy of the PDF; InputError when pypdf cannot open it."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:  # restrictions only (the reader opened it without a password)
            reader.decrypt("")
        return PdfWriter(clone_from=reader)
    except (PyPdfError, OSError, ValueError, KeyError, TypeError, NotImplementedError) as error:
        raise InputError(f"{source} could not be opened to annotate ({type(error).__name__}: {error})") from None


def _top_left(writer) -> tuple[float, float]:
    """Where the first note goes: inside the first page's top-left corner, in its user space."""
    box = writer.pages[0].cropbox
    left, top = float(min(box.left, box.right)), float(max(box.top, box.bottom))
    return left + 18.0, top - 18.0


def _place(layout: PdfLayout, problem: Diagnostic) -> list[tuple[int, list[tuple[float, float, float, float]]]] | None:
    """The problem's text as (page index, [line rectangles (left, bottom, right, top)]) in page
    order; None when it has no place or its text is not in the PDF."""
    loc = problem.location
    if loc is None or not 0 <= loc.paragraph < len(layout.paragraphs):
        return None
    span = _span_in(layout.paragraphs[loc.paragraph].text, problem)
    if span is None:
        return None
    boxes = [box for box in layout.boxes[loc.paragraph][span[0]:span[1]] if box is not None]
    if not boxes:
        return None
    pages: list[tuple[int, list[tuple[float, float, float, float]]]] = []
    for box in boxes:
        page, left, bottom, right, top = box
        if pages and pages[-1][0] == page and _same_line(pages[-1][1][-1], box):
            l, b, r, t = pages[-1][1][-1]
            pages[-1][1][-1] = (min(l, left), min(b, bottom), max(r, right), max(t, top))
        elif pages and pages[-1][0] == page:
            pages[-1][1].append((left, bottom, right, top))
        else:
            pages.append((page, [(left, bottom, right, top)]))
    return pages


def _same_line(rect: tuple[float, float, float, float], box: Box) -> bool:
    """Whether ``box`` goes on the line of ``rect``: its middle within the line's height, not back to the left."""
    _, left, bottom, right, top = box
    middle = (bottom + top) / 2
    return rect[1] <= middle <= rect[3] and left >= rect[0] - 1


def _quad_points(rect: tuple[float, float, float, float]) -> tuple[float, ...]:
    # top left, top right, bottom left, bottom right: the order viewers expect for highlights
    left, bottom, right, top = rect
    return left, top, right, top, left, bottom, right, bottom


def _where(problem: Diagnostic) -> str:
    """The prefix of a note that is not at its place."""
    loc = problem.location
    if loc is None:
        return "About the whole essay: "
    return f"At {loc.describe()}" + (f", \u201c{loc.text}\u201d" if loc.text else "") + ": "


def _name(value: str):
    from pypdf.generic import NameObject

    return NameObject(value)


def _text(value: str):
    from pypdf.generic import TextStringObject

    return TextStringObject(value)
