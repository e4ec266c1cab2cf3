"""The ``--format json`` contract (documented in docs/json.md; bump SCHEMA_VERSION on any breaking change)."""

from __future__ import annotations

from typing import Any

from ..model import Author, Citation, Diagnostic, Location, Reference, Report, Severity

SCHEMA_VERSION = 1


def location_to_json(location: Location | None) -> dict[str, Any] | None:
    if location is None:
        return None
    return {
        "paragraph": location.paragraph + 1,
        "line": location.line,
        "start": location.start,
        "end": location.end,
        "text": location.text,
    }


def _author(author: Author) -> dict[str, str]:
    return {"literal": author.literal} if author.is_group else {"family": author.family, "given": author.given}


def citation_to_json(citation: Citation, reference: int | None, link: str,
                     managed: tuple[str, dict, str] | None = None) -> dict[str, Any]:
    return {
        "text": citation.text,
        "authors": list(citation.authors),
        "et_al": citation.et_al,
        "year": citation.year,
        "narrative": citation.narrative,
        "prefix": citation.prefix,
        "locator": citation.locator,
        "role": citation.role,
        "reference": reference,
        "link": link,
        "location": location_to_json(citation.location),
        "managed": {"manager": managed[0], "record": managed[1], "locator": managed[2] or None} if managed else None,
    }


def reference_to_json(ref: Reference, record: dict | None, apa: dict | None = None,
                      existence: dict | None = None) -> dict[str, Any]:
    return {
        "text": ref.text,
        "type": ref.type,
        "authors": [_author(a) for a in ref.authors],
        "editors": [_author(a) for a in ref.editors],
        "year": ref.year,
        "title": ref.title,
        "container": ref.container_title,
        "volume": ref.volume,
        "issue": ref.issue,
        "pages": ref.pages,
        "article_number": ref.article_number,
        "edition": ref.edition,
        "publisher": ref.publisher,
        "doi": ref.doi or None,
        "url": ref.url or None,
        "retrieved": ref.retrieved or None,
        "location": location_to_json(ref.location),
        "record": record,
        "existence": existence,
        "apa": apa,
    }


def apa_forms(report: Report) -> dict[int, dict[str, str]]:
    """Reference index -> the entry in APA 7 and its parenthetical and narrative in-text forms."""
    if not report.references:
        return {}
    from ..formatting import report_references

    try:
        entries = report_references(report)
    except Exception:  # noqa: BLE001 - a third-party engine on student data must not lose the report
        return {}
    return {index: {"entry": e.text, "parenthetical": e.parenthetical, "narrative": e.narrative}
            for index, e in entries.items()}


def problem_to_json(problem: Diagnostic) -> dict[str, Any]:
    return {
        "rule": problem.rule,
        "severity": problem.severity.value,
        "message": problem.message,
        "citation": problem.citation,
        "reference": problem.reference,
        "location": location_to_json(problem.location),
        "suggestion": problem.suggestion,
    }


def report_to_json(report: Report) -> dict[str, Any]:
    """The whole report as JSON-serialisable data."""
    forms = apa_forms(report)
    return {
        "schema": SCHEMA_VERSION,
        "file": report.file,
        "summary": {
            "words": report.document.word_count,
            "citations": len(report.citations),
            "references": len(report.references),
            "errors": report.count(Severity.ERROR),
            "warnings": report.count(Severity.WARNING),
            "info": report.count(Severity.INFO),
            "existence": report.existence_counts(),
        },
        "citations": [
            citation_to_json(c, link.reference, link.quality, report.managed_record(i))
            for i, (c, link) in enumerate(zip(report.citations, report.links))
        ],
        "references": [reference_to_json(r, report.records.get(r.index), forms.get(r.index), report.existence(r.index))
                       for r in report.references],
        "problems": [problem_to_json(p) for p in report.problems],
        "layout": layout_to_json(report.document),
    }


def layout_to_json(document) -> dict | None:
    """The effective layout essaycheck read (Word only; ``None`` for the other kinds)."""
    if not document.formats and not document.sections:
        return None
    paragraphs = []
    for paragraph, found in zip(document.paragraphs, document.formats):
        paragraphs.append({"paragraph": paragraph.index + 1, "left": round(found.left, 3),
                           "first_line": round(found.first_line, 3), "line_spacing": found.line_spacing,
                           "line_height": found.line_height, "space_before": found.space_before,
                           "space_after": found.space_after, "blank_before": found.blank_before,
                           "alignment": found.alignment, "numbered": found.numbered, "font": found.font or None,
                           "size": found.size, "page_break_before": found.page_break_before})
    sections = [{"margins": {"top": s.top, "right": s.right, "bottom": s.bottom, "left": s.left},
                 "page_number": s.page_number or None} for s in document.sections]
    return {"paragraphs": paragraphs, "sections": sections}

