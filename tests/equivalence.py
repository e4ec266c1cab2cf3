"""The same essay in two formats: its paragraphs cut into runs for writers, and the proof that
another format reads back as the .docx did and gets the same findings."""

from collections import Counter

import essaycheck
from essaycheck.api import check_document
from essaycheck.model import Document


def segments(paragraph):
    """(text, italic, url or None) runs of a model Paragraph, cut where italics or links start or end."""
    text = paragraph.text
    cuts = sorted({0, len(text)} | {i for span in paragraph.italic for i in span}
                  | {i for link in paragraph.links for i in (link.start, link.end)})
    for start, end in zip(cuts, cuts[1:]):
        url = next((link.url for link in paragraph.links if link.start <= start and end <= link.end), None)
        italic = any(s <= start and end <= e for s, e in paragraph.italic)
        yield text[start:end], italic, url


def linked_runs(paragraph):
    """(url or None, [(text, italic), …]): the runs of :func:`segments`, grouped by the link they are in."""
    from itertools import groupby

    for url, runs in groupby(segments(paragraph), key=lambda run: run[2]):
        yield url, [(text, italic) for text, italic, _ in runs]


def summary(report):
    """Citations, links and problems of a report, as multisets that do not depend on paragraph indexes
    (texts with their whitespace normalised: HTML keeps a double space only as a no-break space)."""
    def text(value):
        return " ".join(value.split()) if value is not None else None

    citations = Counter(text(c.text) for c in report.citations)
    links = Counter((text(report.citations[x.citation].text), x.quality,
                     None if x.reference is None else text(report.references[x.reference].text)) for x in report.links)
    problems = Counter((d.rule, text(d.location.text) if d.location else None) for d in report.problems)
    return citations, links, problems


def assert_read_as_the_docx(original: Document, kind: str, path, paragraphs) -> None:
    """``paragraphs`` (read from ``path``, a ``kind`` file written from ``original``) are the .docx's
    paragraphs, and the check finds the same citations, links and problems. No tolerance: every
    rule runs on these kinds (the italics rule too: their readers keep italics)."""
    assert [(q.text, q.italic, q.links, q.is_heading, q.part) for q in paragraphs] == [
        (q.text, q.italic, q.links, q.is_heading, q.part) for q in original.paragraphs]
    settings = essaycheck.Settings(resolve=False)
    from_docx = check_document(original, settings)
    other = check_document(Document(path=str(path), kind=kind, paragraphs=tuple(paragraphs)), settings)
    assert other.document.italics_known
    assert summary(other) == summary(from_docx)
    assert sum(summary(from_docx)[0].values()) > 5
