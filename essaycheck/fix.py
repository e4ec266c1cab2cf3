"""Fixes written back: a copy of the essay with each fix as a Word tracked change, or a fixed text file.

A fix is a finding's suggestion pasted over the text it names. In a .docx the old characters go
into a ``w:del`` and the new ones into a ``w:ins`` (author "essaycheck", today's date) that carries
the formatting of the text it replaces, with a comment saying why; only the characters that
differ are changed ("Raj et al., (2017)" -> "Raj et al. (2017)" deletes one comma). Word lists
each one under Review, to accept or reject. A fix is left for the student, and said so, when its
text is owned by a reference manager (the manager would overwrite it), crosses a field, a link
or a content control's edge, or overlaps another fix.
"""

from __future__ import annotations

import copy
import difflib
from dataclasses import dataclass, field
from pathlib import Path

from .annotate import (AUTHOR, _Comments, _DocxCopy, _new_element, _reread, _split_run_at, _span_in,
                       body_paragraphs)
from .errors import InputError
from .model import Diagnostic, Report
from .read.styles import StyleSheet
from .read.wordml import W_NS

__all__ = ["SAFE_RULES", "UNSAFE_RULES", "FixResult", "fixes_of", "fixable", "fix_docx", "fix_text", "fixed_name"]

# Fixes that only apply what the essay itself settles (punctuation, forms, the list's own years),
# and the reference list's layout (fixed apart, as paragraph properties).
SAFE_RULES = frozenset({
    "layout-hanging-indent", "layout-reference-spacing", "reference-order",
    "narrative-comma", "missing-comma", "ampersand-in-narrative", "and-in-parenthetical", "et-al-misuse",
    "year-mismatch", "suffix-needed", "suffix-order", "citation-order", "citation-form", "doi-format",
    "retrieved-from", "ampersand-in-reference",
    "pages-prefix-in-article", "periodical-case",
})
# Fixes that rewrite more than the essay settles: only with --unsafe.
UNSAFE_RULES = frozenset({"reference-format", "author-mismatch", "title-case", "missing-doi"})

_W = f"{{{W_NS}}}"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_BETWEEN_RUNS = {f"{_W}bookmarkStart", f"{_W}bookmarkEnd", f"{_W}proofErr", f"{_W}permStart", f"{_W}permEnd"}


@dataclass
class FixResult:
    """What a fix run did: the fixes made and those left for the student (with the reason)."""

    applied: list[Diagnostic] = field(default_factory=list)
    skipped: list[tuple[Diagnostic, str]] = field(default_factory=list)


def fixed_name(path: Path) -> Path:
    """ESSAY.docx -> ESSAY.fixed.docx, beside it."""
    return path.with_name(f"{path.stem}.fixed{path.suffix}")


def fixes_of(report: Report, *, unsafe: bool = False) -> tuple[list[Diagnostic], list[tuple[Diagnostic, str]]]:
    """The findings to apply, in document order, and those with a fix that will not be applied."""
    rules = SAFE_RULES | (UNSAFE_RULES if unsafe else frozenset())
    chosen, skipped = [], []
    taken: dict[int, list[tuple[int, int]]] = {}
    for problem in sorted(report.problems, key=lambda p: (p.location.paragraph, p.location.start) if p.location else (-1, -1)):
        if problem.suggestion is None or problem.location is None:
            continue
        if problem.rule not in rules:
            skipped.append((problem, "rewrites more than your essay settles: run with --unsafe to apply it"
                            if problem.rule in UNSAFE_RULES else "not made for you: it needs your judgement"))
            continue
        where = problem.location
        if where.start >= where.end:
            continue  # a point, not a span: nothing to replace
        spans = taken.setdefault(where.paragraph, [])
        if any(where.start < end and start < where.end for start, end in spans):
            skipped.append((problem, "overlaps another fix: check again after accepting it"))
            continue
        spans.append((where.start, where.end))
        chosen.append(problem)
    return chosen, skipped


def fixable(report: Report, *, unsafe: bool = False) -> bool:
    """Whether :func:`fix_docx` would have anything to do (without opening the file)."""
    return bool(fixes_of(report, unsafe=unsafe)[0]) or any(
        p.rule in (*_LIST_LAYOUT_RULES, "reference-order") for p in report.problems)


def _managed_spans(report: Report) -> list[tuple[int, int, int, int]]:
    return [(f.paragraph, f.start, f.end_paragraph, f.end) for f in report.document.fields]


def _owned(problem: Diagnostic, managed: list[tuple[int, int, int, int]]) -> bool:
    where = problem.location
    for first_paragraph, start, last_paragraph, end in managed:
        after_start = (where.paragraph, where.end) > (first_paragraph, start)
        before_end = (where.paragraph, where.start) < (last_paragraph, end)
        if after_start and before_end:
            return True
    return False


# --- .docx: tracked changes ----------------------------------------------------------------------


class _Revisions:
    """w:ins, w:del and w:pPrChange elements, their ids drawn from the comments' counter (so no id
    is used twice), above every id the document already uses, and dated as the comments are."""

    def __init__(self, document, comments: _Comments) -> None:
        used = [int(v) for v in document.xpath("//@w:id", namespaces={"w": W_NS}) if v.lstrip("-").isdigit()]
        comments.next_id = max(comments.next_id, max(used, default=0) + 1)
        self.comments = comments

    def new(self, tag: str):
        element = _new_element(tag, {"w:id": str(self.comments.next_id), "w:author": AUTHOR,
                                     "w:date": self.comments.date})
        self.comments.next_id += 1
        return element


_MANAGED = "a reference manager made this text: change it in the manager"


def fix_docx(report: Report, source_path, target_path, *, unsafe: bool = False, durable: bool = True) -> FixResult:
    """Write ``target_path``: ``source_path`` with the fixes as tracked changes and a comment on each."""
    from .annotate import comment_text

    source, target = Path(source_path), Path(target_path)
    if target.exists() and source.exists() and target.samefile(source):
        raise InputError("the fixed copy must not overwrite the essay itself")
    chosen, result_skipped = fixes_of(report, unsafe=unsafe)
    managed = _managed_spans(report)
    # a manager's text is never edited, whatever else would stop a fix there
    result = FixResult(skipped=[(problem, _MANAGED if _owned(problem, managed) else reason)
                                for problem, reason in result_skipped])
    copy_ = _DocxCopy(source)
    styles = StyleSheet(copy_.styles)
    paragraphs = body_paragraphs(copy_.body, styles)
    comments = _Comments(copy_.comments)
    revisions = _Revisions(copy_.document, comments)
    _fix_list_layout(report, paragraphs, revisions, comments, result)
    # right to left in each paragraph, so that a fix never moves the offsets of the next one
    for problem in sorted(chosen, key=lambda p: (p.location.paragraph, -p.location.start)):
        if _owned(problem, managed):
            result.skipped.append((problem, _MANAGED))
            continue
        if problem.location.paragraph >= len(paragraphs):
            result.skipped.append((problem, "its place could not be found in the file"))
            continue
        reason = _apply(paragraphs[problem.location.paragraph], problem, styles, revisions, comments,
                        comment_text(problem))
        if reason:
            result.skipped.append((problem, reason))
        else:
            result.applied.append(problem)
    _fix_list_order(report, paragraphs, revisions, comments, result)  # last: it moves fixed entries whole
    copy_.save(target, durable=durable)
    return result


# --- the reference list's layout: tracked paragraph-property changes --------------------------------

_LIST_LAYOUT_RULES = ("layout-hanging-indent", "layout-reference-spacing")
# The order WordprocessingML gives the children of w:pPr (Word rejects a file that breaks it).
_PPR_ORDER = ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
              "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
              "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid",
              "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection",
              "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange")


def _fix_list_layout(report: Report, paragraphs, revisions: _Revisions, comments: _Comments,
                     result: FixResult) -> None:
    """Give every entry a 0.5 in hanging indent, double spacing and no space between entries, as a
    tracked change of each entry paragraph's properties (w:pPrChange keeps the old ones)."""
    from .annotate import comment_text

    findings = [p for p in report.problems if p.rule in _LIST_LAYOUT_RULES]
    if not findings or not report.references:
        return
    managed = {b.first: b.last for b in (report.managed.bibliographies if report.managed else ())}
    targets = [ref.location.paragraph for ref in report.references
               if not any(first <= ref.location.paragraph <= last for first, last in managed.items())]
    if not targets:
        result.skipped.extend((p, "a reference manager made the list: set its style in the manager") for p in findings)
        return
    for index in targets:
        if index < len(paragraphs):
            _set_entry_layout(paragraphs[index].element, revisions)
    first = paragraphs[targets[0]] if targets[0] < len(paragraphs) else None
    if first is not None:
        from .annotate import _runs_covering

        runs = _runs_covering(first, 0, len(first.text))
        if runs is not None:
            comments.add(*runs, "\n\n".join(comment_text(p) for p in findings))
    result.applied.extend(findings)


def _set_entry_layout(paragraph, revisions: _Revisions) -> None:
    """Hanging indent 0.5 in, double spacing, no space before or after, not a list item; tracked."""
    properties = paragraph.find(f"{_W}pPr")
    if properties is None:
        properties = _new_element("w:pPr")
        paragraph.insert(0, properties)
    old = _new_element("w:pPr")
    for child in properties:
        if child.tag not in (f"{_W}rPr", f"{_W}sectPr", f"{_W}pPrChange"):
            old.append(copy.deepcopy(child))
    for tag in ("numPr", "ind", "spacing", "contextualSpacing", "pPrChange"):
        for found in properties.findall(f"{_W}{tag}"):
            properties.remove(found)
    numbering = _new_element("w:numPr")  # numId 0 switches off a list a style may set
    level = _new_element("w:numId", {"w:val": "0"})
    numbering.append(level)
    for element in (numbering, _new_element("w:spacing", {"w:before": "0", "w:after": "0", "w:line": "480",
                                                          "w:lineRule": "auto"}),
                    _new_element("w:ind", {"w:left": "720", "w:hanging": "720"})):
        _insert_in_order(properties, element)
    change = revisions.new("w:pPrChange")
    change.append(old)
    _insert_in_order(properties, change)


def _insert_in_order(properties, element) -> None:
    """Put ``element`` among the children of a w:pPr where the schema's order wants it."""
    rank = _PPR_ORDER.index(element.tag.split("}")[1])
    for child in properties:
        name = child.tag.split("}")[1] if isinstance(child.tag, str) else ""
        if name in _PPR_ORDER and _PPR_ORDER.index(name) > rank:
            child.addprevious(element)
            return
    properties.append(element)


# --- the reference list's order: entries moved as tracked deletions and insertions ----------------


def _fix_list_order(report: Report, paragraphs, revisions: _Revisions, comments: _Comments,
                    result: FixResult) -> None:
    """Move the entries out of order to their alphabetical places: each is deleted where it stands
    and inserted where it belongs (both tracked, the paragraph marks too), the fewest entries
    moving (those outside the longest run already in order). Only a list of single-paragraph
    entries standing together, with no reference manager's bibliography, is reordered."""
    from .annotate import comment_text
    from .rules.ordering import reference_sort_key

    findings = [p for p in report.problems if p.rule == "reference-order"]
    references = [ref for ref in report.references if ref.family_names or ref.title]
    if not findings or len(references) < 2:
        return
    places = [ref.location.paragraph for ref in references]
    managed = report.managed.bibliographies if report.managed else ()
    if (places != list(range(places[0], places[0] + len(places))) or len(set(places)) != len(places)
            or managed or places[-1] >= len(paragraphs) or len(report.references) != len(references)):
        result.skipped.extend((p, "the list is not a plain run of one-paragraph entries: sort it by hand")
                              for p in findings)
        return
    order = sorted(range(len(references)), key=lambda i: reference_sort_key(references[i]))  # stable
    rank = {entry: position for position, entry in enumerate(order)}
    staying = set(_longest_increasing([rank[i] for i in range(len(references))]))
    moving = [i for i in range(len(references)) if rank[i] not in staying]
    elements = [paragraphs[place].element for place in places]
    for entry in moving:
        # the next entry in sorted order that stays: the moved one goes just before it (else after the last)
        later = [elements[order[r]] for r in range(rank[entry] + 1, len(order)) if r in staying]
        moved = copy.deepcopy(elements[entry])
        _settle(moved, accept=True, comments=comments)  # the entry with its fixes goes in; as it was, out
        _settle(elements[entry], accept=False, comments=comments)
        _mark_paragraph(moved, revisions.new("w:ins"), "w:ins", revisions)
        if later:
            later[0].addprevious(moved)
        else:
            max((elements[order[r]] for r in staying), key=lambda e: e.getparent().index(e)).addnext(moved)
        _mark_paragraph(elements[entry], revisions.new("w:del"), "w:del", revisions)
    by_reference = {p.reference: p for p in findings}
    for entry in moving:
        finding = by_reference.get(references[entry].index) or findings[0]
        first = next((e for e in elements[entry].iter(f"{_W}del")), None)
        if first is not None:
            comments.add(first, first, comment_text(finding))
    result.applied.extend(findings)


def _settle(paragraph, *, accept: bool, comments: _Comments) -> None:
    """Accept (or reject) the tracked changes inside one paragraph and drop its comments, before
    the paragraph itself becomes one tracked insertion (or deletion): Word allows no change inside
    another."""
    dropped = set()
    for marker in list(paragraph.iter(f"{_W}commentRangeStart", f"{_W}commentRangeEnd", f"{_W}commentReference")):
        dropped.add(marker.get(f"{_W}id"))
        holder = marker.getparent() if marker.tag == f"{_W}commentReference" else marker
        holder.getparent().remove(holder)
    for comment in list(comments.element):
        if comment.get(f"{_W}id") in dropped:
            comments.element.remove(comment)
    keep, drop = (f"{_W}ins", f"{_W}del") if accept else (f"{_W}del", f"{_W}ins")
    for change in list(paragraph.iter(drop)):
        if change.getparent().tag != f"{_W}rPr":
            change.getparent().remove(change)
    for change in list(paragraph.iter(keep)):
        if change.getparent().tag == f"{_W}rPr":
            continue
        for text in change.iter(f"{_W}delText"):
            text.tag = f"{_W}t"
        for child in list(change):
            change.addprevious(child)
        change.getparent().remove(change)


def _mark_paragraph(paragraph, wrapper, tag: str, revisions: _Revisions) -> None:
    """Make a whole paragraph a tracked insertion or deletion: its runs in ``wrapper``, its mark too."""
    runs = [child for child in paragraph if child.tag in (f"{_W}r", f"{_W}hyperlink")]
    if runs:
        runs[0].addprevious(wrapper)
        for run in runs:
            wrapper.append(run)
            if tag == "w:del":
                for text in run.iter(f"{_W}t"):
                    text.tag = f"{_W}delText"
    properties = paragraph.find(f"{_W}pPr")
    if properties is None:
        properties = _new_element("w:pPr")
        paragraph.insert(0, properties)
    mark = properties.find(f"{_W}rPr")
    if mark is None:
        mark = _new_element("w:rPr")
        _insert_in_order(properties, mark)
    mark.insert(0, revisions.new(tag))  # the paragraph mark inserted or deleted (first in its w:rPr)


def _longest_increasing(values: list[int]) -> list[int]:
    """A longest strictly increasing subsequence of ``values`` (the values, in order)."""
    import bisect

    tails: list[int] = []
    links: dict[int, int | None] = {}
    ends: list[int] = []
    for value in values:
        at = bisect.bisect_left(tails, value)
        links[value] = ends[at - 1] if at else None
        if at == len(tails):
            tails.append(value)
            ends.append(value)
        else:
            tails[at] = value
            ends[at] = value
    out, value = [], ends[-1] if ends else None
    while value is not None:
        out.append(value)
        value = links[value]
    return out[::-1]


def _changed_part(old: str, new: str) -> tuple[int, int, str]:
    """(start, end, replacement) of the smallest change that turns ``old`` into ``new``."""
    prefix = 0
    while prefix < min(len(old), len(new)) and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while suffix < min(len(old), len(new)) - prefix and old[len(old) - 1 - suffix] == new[len(new) - 1 - suffix]:
        suffix += 1
    return prefix, len(old) - suffix, new[prefix:len(new) - suffix]


def _apply(para, problem: Diagnostic, styles, revisions: _Revisions, comments: _Comments, why: str) -> str:
    """Make one fix in ``para``; "" when made, else why it was left."""
    span = _span_in(para.text, problem)
    if span is None:
        return "its text could not be found in the file"
    start, end, insert = _changed_part(para.text[span[0]:span[1]], problem.suggestion)
    start, end = span[0] + start, span[0] + end
    if start == end and not insert:
        return "the text already reads so"
    for offset in (end, start):
        _split_run_at(para, offset)
        para.pieces = _reread(para, styles)
    inside = [piece for piece in para.pieces if piece.start < end and piece.end > start]
    if any(piece.run is None for piece in inside):
        return "it is inside an equation"
    runs = list(dict.fromkeys(piece.run for piece in inside))
    if runs and not _side_by_side(runs):
        return "it crosses a link, field or content control: make it by hand"
    after_template = False  # an insertion alone goes after the run before it, else before the next one
    if runs:
        template = runs[0]
    else:  # an insertion between two characters: it takes the formatting of the text before it
        before = [piece.run for piece in para.pieces if piece.run is not None and piece.end <= start]
        after = [piece.run for piece in para.pieces if piece.run is not None and piece.start >= end]
        if not before and not after:
            return "there is no text to attach it to"
        template, after_template = (before[-1], True) if before else (after[0], False)
    deleted = None
    if runs:
        deleted = revisions.new("w:del")
        runs[0].addprevious(deleted)
        for run in runs:
            deleted.append(run)  # moved into the deletion
            for text in run.iter(f"{_W}t"):
                text.tag = f"{_W}delText"
    inserted = None
    if insert:
        inserted = revisions.new("w:ins")
        run = _new_element("w:r")
        properties = template.find(f"{_W}rPr")
        if properties is not None:
            run.append(copy.deepcopy(properties))
        text = _new_element("w:t")
        text.set(_XML_SPACE, "preserve")
        text.text = insert
        run.append(text)
        inserted.append(run)
        if deleted is not None:
            deleted.addnext(inserted)
        elif after_template:
            template.addnext(inserted)
        else:
            template.addprevious(inserted)
    first, last = deleted if deleted is not None else inserted, inserted if inserted is not None else deleted
    comments.add(first, last, why)
    return ""


def _side_by_side(runs: list) -> bool:
    """Whether the runs share one parent with nothing but bookmarks and proofing marks between them."""
    parent = runs[0].getparent()
    if any(run.getparent() is not parent for run in runs):
        return False
    if parent.tag not in (f"{_W}p", f"{_W}hyperlink", f"{_W}smartTag", f"{_W}ins"):
        return False
    element = runs[0]
    for run in runs[1:]:
        element = element.getnext()
        while element is not None and element is not run and element.tag in _BETWEEN_RUNS:
            element = element.getnext()
        if element is not run:
            return False
    return True


# --- text files ----------------------------------------------------------------------------------


def fix_text(report: Report, text: str, *, unsafe: bool = False) -> tuple[str, FixResult]:
    """The text of a .txt or .md essay with the fixes pasted in (right to left on each line)."""
    chosen, skipped = fixes_of(report, unsafe=unsafe)
    result = FixResult(skipped=list(skipped))
    lines = text.split("\n")
    for problem in sorted(chosen, key=lambda p: (p.location.line or 0, -p.location.start)):
        where = problem.location
        if where.line is None or not 0 < where.line <= len(lines):
            result.skipped.append((problem, "its line could not be found"))
            continue
        line = lines[where.line - 1]
        span = _span_in(line, problem)  # (offsets count from the trimmed, markup-free text the reader made)
        if span is None:
            result.skipped.append((problem, "its text could not be found"))
            continue
        lines[where.line - 1] = line[:span[0]] + problem.suggestion + line[span[1]:]
        result.applied.append(problem)
    _sort_text_list(report, lines, result)
    return "\n".join(lines), result


def _sort_text_list(report: Report, lines: list[str], result: FixResult) -> None:
    """Put a text essay's one-line entries, standing together, in alphabetical order."""
    from .rules.ordering import reference_sort_key

    findings = [p for p in report.problems if p.rule == "reference-order"]
    places = [ref.location.line for ref in report.references]
    if not findings or None in places or places != list(range(places[0], places[0] + len(places))):
        return
    entries = [(reference_sort_key(ref), lines[ref.location.line - 1]) for ref in report.references]
    start = places[0] - 1
    lines[start:start + len(entries)] = [line for _, line in sorted(entries, key=lambda item: item[0])]
    result.applied.extend(findings)


def unified_diff(before: list[str], after: list[str], name: str) -> str:
    """A unified diff of two versions of the essay's lines (paragraphs for a .docx)."""
    return "".join(difflib.unified_diff([line + "\n" for line in before], [line + "\n" for line in after],
                                        fromfile=name, tofile=f"{name} (fixed)"))

