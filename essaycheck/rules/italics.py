"""The italics rule: what APA 7 sets in italics in each entry, judged where the document records it."""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import Location, Reference, Severity
from ..references import names_a_publisher, slips
from ..references.authors import looks_like_group
from ..references.journals import is_journal_doi
from .base import CheckContext, Finding, rule
from .examples import BRAUN, markdown_essay
from .formatting import formatted, site_repeats_author, spans_paragraphs


def _paragraph_italics(ctx: CheckContext, ref: Reference) -> tuple[tuple[int, int], ...]:
    paragraph = ctx.paragraphs.get(ref.location.paragraph)
    if paragraph is None:
        return ()
    return tuple((s - ref.location.start, e - ref.location.start) for s, e in paragraph.italic)


def _entry_italics(ctx: CheckContext, ref: Reference) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The whole entry as ``ref.text`` has it (over every paragraph it runs through, white space
    collapsed) and its italic spans in that text."""
    if not spans_paragraphs(ref):
        return ref.location.text, _paragraph_italics(ctx, ref)
    marks: list[bool] = []  # one per character of the collapsed text
    index, start = ref.location.paragraph, ref.location.start
    while len(marks) < len(ref.text) and index in ctx.paragraphs:
        paragraph = ctx.paragraphs[index]
        for at in range(start, len(paragraph.text)):
            if paragraph.text[at].isspace():
                if marks and not marks[-1] is None:
                    marks.append(None)  # a space, italic or not: counted as neither
                continue
            marks.append(any(s <= at < e for s, e in paragraph.italic))
        if marks and marks[-1] is not None:
            marks.append(None)
        index, start = index + 1, 0
    spans, open_at = [], None
    for at, italic in enumerate(marks[:len(ref.text)] + [False]):
        if italic and open_at is None:
            open_at = at
        elif italic is False and open_at is not None:
            spans.append((open_at, at))
            open_at = None
    return ref.text, tuple(spans)


def _coverage(spans, start: int, end: int, text: str) -> float:
    """Share of the non-space characters of text[start:end] that are italic."""
    chars = [i for i in range(start, end) if not text[i].isspace()]
    if not chars:
        return 1.0
    italic = sum(1 for i in chars if any(s <= i < e for s, e in spans))
    return italic / len(chars)


def _find(text: str, piece: str, start: int) -> int:
    fold = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-"})
    return text.translate(fold).lower().find(piece.translate(fold).lower(), start)


def _find_all(text: str, piece: str, start: int, limit: int = 20) -> list[int]:
    places: list[int] = []
    found = _find(text, piece, start)
    while found >= 0 and len(places) < limit:
        places.append(found)
        found = _find(text, piece, found + 1)
    return places


def _at(ref: Reference, start: int, end: int) -> Location:
    text = ref.location.text[start:end]
    return replace(ref.location, start=ref.location.start + start, end=ref.location.start + end, text=text)


def _part(ref: Reference, text: str, start: int, end: int) -> Location:
    """Where text[start:end] of :func:`_entry_italics` is: that part of the entry's first paragraph,
    else (in a later paragraph of the entry) the whole first paragraph."""
    first = ref.location.text
    return _at(ref, start, end) if text is first or end <= len(first) and text.startswith(first) else ref.location


_BRAUN_ITALIC = BRAUN.replace("Qualitative Research in Psychology, 3(2)", "*Qualitative Research in Psychology*, *3*(2)")


@rule("italics", Severity.WARNING, "A title or volume is not in italics (or is when it should not be).",
      fires=[markdown_essay("Themes emerged (Braun & Clarke, 2006).", BRAUN),
             markdown_essay("Themes emerged (Braun & Clarke, 2006).",
                            _BRAUN_ITALIC.replace("Using thematic analysis in psychology.",
                                                  "*Using thematic analysis in psychology.*"))],
      passes=[markdown_essay("Themes emerged (Braun & Clarke, 2006).", _BRAUN_ITALIC)],
      examples_kind="md")
def italics(ctx: CheckContext):
    """Where italics are known (Word, OpenDocument, RTF, HTML and Markdown files, and PDFs whose fonts
    say so), APA 7 italics are checked: the journal title and volume number of an article, and the
    title of a book, report, thesis or web page, are in italics; the title of an article or chapter
    is not. Plain text carries no italics and is not checked."""
    if not ctx.document.italics_known:
        return
    yield from _nothing_in_italics(ctx)
    yield from _italics_on_the_wrong_part(ctx)
    yield from _preprint_title_roman(ctx)
    yield from _link_in_italics(ctx)
    for index, (entry, _source) in sorted(formatted(ctx).items()):
        ref = ctx.references[index]
        if not _italics_known(ref) or index in ctx.memo["no-italics"]:
            continue
        text, spans = _entry_italics(ctx, ref)
        position = 0
        for start, end in entry.italic:
            piece = entry.text[start:end].strip().rstrip(".,")
            if len(piece) < 2 and not piece.isdigit() or _PAGE_LIKE.fullmatch(piece) and piece != ref.volume:
                continue  # page ranges and article numbers are never italic
            # The same words may also stand elsewhere in plain type ("Open Science Collaboration. (2015).
            # Estimating … psychological science. *Science*, *349*"): any italic one will do, else the
            # one placed most like the piece in the APA rendering is the one to report.
            places = _find_all(text, piece, position)
            if not places:
                continue
            italic_at = next((at for at in places if _coverage(spans, at, at + len(piece), text) >= 0.5), None)
            if italic_at is not None:
                position = italic_at + len(piece)
                continue
            like = start / max(len(entry.text), 1) * len(text)
            found = min(places, key=lambda at: abs(at - like))
            position = found + len(piece)
            yield Finding(f"Set “{piece}” in italics (APA 7).", _part(ref, text, found, position), reference=index)
        title = entry.item.get("title", "")
        title_italic = any(entry.text[s:e].strip(" .").lower() == str(title).strip(" .").lower()
                           for s, e in entry.italic)
        found = _find(text, str(title), 0) if title else -1
        if title and not title_italic and found >= 0 and re.search(r"\w", str(title)) and ref.type != "paper-conference":
            if _coverage(spans, found, found + len(title), text) >= 0.8:
                yield Finding(f"The title “{title}” is not in italics in APA 7 (only the {_container_word(ref)} is).",
                              _part(ref, text, found, found + len(title)), reference=index)


_PAGE_LIKE = re.compile(r"[A-Za-z]?\d+(?:\s*[-‐–]\s*[A-Za-z]?\d+)?")


def _italics_known(ref: Reference) -> bool:
    """Whether the kind of work is certain enough to say what APA 7 sets in italics.

    A blog post or a news story keeps its title roman while a web page's is italic, and the entry
    rarely tells which (an organisation's own page is a web page); a conference paper may be styled as an article or a chapter; a "book" whose
    publisher is no publisher's name is often a journal article without volume. Those are left
    alone.
    """
    if ref.type == "book":
        return names_a_publisher(ref.publisher) or bool(ref.edition)
    if ref.type == "webpage":  # an organisation's page on its own site: the title is italic
        return site_repeats_author(ref) or bool(ref.authors and ref.authors[0].is_group and not ref.container_title)
    if ref.type == "article-journal" and not (ref.issue or ref.pages or ref.article_number or ref.doi):
        return False  # "Title, 127." may be a chapter's page: a journal entry has more than a volume
    return ref.type in ("article-journal", "chapter", "thesis", "report", "paper-conference")


def _italics_on_the_wrong_part(ctx: CheckContext):
    """An entry not rewritten (read in another style, or incomplete) whose italics are plainly swapped:
    an article's title in italics and its journal roman, or a report's or book's publisher in italics
    and its title roman."""
    compared = formatted(ctx)
    for ref in ctx.references:
        if ref.index in compared and _italics_known(ref) or ref.index in ctx.memo.get("no-italics", ()):
            continue  # (the entries compared with their APA 7 rendering are checked part by part)
        if ref.type == "article-journal":
            other, should_be_italic = ref.container_title, False  # the title must not be italic
        elif ref.type == "book" and ref.publisher and is_journal_doi(ref.doi):
            other, should_be_italic = ref.publisher, False  # "Title. Journal Name. https://doi.org/10.1016/j.…"
        elif ref.type in ("report", "book") and not is_journal_doi(ref.doi) and (
                names_a_publisher(ref.publisher) or looks_like_group(ref.publisher)):
            other, should_be_italic = ref.publisher, True  # (a journal's name is italic after an article's title)
        else:
            continue
        text, spans = _entry_italics(ctx, ref)
        title_at = _find(text, ref.title, 0) if len(ref.title) > 3 else -1
        other_at = _find(text, other, title_at + len(ref.title)) if title_at >= 0 and len(other) > 3 else -1
        if other_at < 0:
            continue
        title_italic = _coverage(spans, title_at, title_at + len(ref.title), text)
        other_italic = _coverage(spans, other_at, other_at + len(other), text)
        place = _part(ref, text, title_at, title_at + len(ref.title))
        if not should_be_italic and title_italic >= 0.8 and other_italic <= 0.2:
            yield Finding(f"Set the journal's name “{other}” and its volume in italics, not the article's title "
                          "(APA 7 italicises the journal an article is in).", place, reference=ref.index)
        elif should_be_italic and title_italic <= 0.2 and other_italic >= 0.8:
            yield Finding(f"Set the title in italics, not the publisher “{other}”.", place, reference=ref.index)


def _nothing_in_italics(ctx: CheckContext):
    """Every kind of entry sets something in italics (the title of a stand-alone work, or the name of
    the journal, book or site it is in). An entry with none is told so, whatever its kind, unless it
    is checked part by part, written in another style, or names no source. In a PDF, whose fonts may
    not say which text is italic, only in a list where other entries have italics."""
    bare = set()
    italic_entries = 0
    compared = formatted(ctx)
    for ref in ctx.references:
        text, spans = _entry_italics(ctx, ref)
        if _coverage(spans, 0, len(text), text) > 0:
            italic_entries += 1
        elif ref.index in compared and _italics_known(ref):
            continue  # told part by part what to set in italics
        elif (ref.year_number or ref.year) and ref.title and not (
                _other_style(ref) or _sourceless(ref)):
            bare.add(ref.index)  # (an entry in another style, or with no source to italicise, is reference-format's)
    # a PDF may record italics in some fonts only: there, bare entries count only beside italic ones
    ctx.memo["italics-read"] = italic_entries >= 2 or ctx.document.kind != "pdf"
    ctx.memo["no-italics"] = bare if ctx.memo["italics-read"] else set()
    for index in sorted(ctx.memo["no-italics"]):
        ref = ctx.references[index]
        yield Finding("Nothing in this entry is in italics. APA 7 sets in italics the title of a work that stands "
                      "alone (a book, report, web page) or the name and volume of the journal an article is in.",
                      ref.location, reference=index)


_OTHER_STYLE = frozenset({slips.AUTHOR_NAMES, slips.NO_DATE, slips.YEAR_NOT_IN_PARENTHESES, slips.JOURNAL_FORM})


def _other_style(ref: Reference) -> bool:
    """An entry written in another style (names first, the year not after the authors): reference-format
    tells how to rewrite it, italics included."""
    return not _OTHER_STYLE.isdisjoint(ref.warnings)


def _sourceless(ref: Reference) -> bool:
    """An entry that names no journal, publisher, site or link: the part to italicise is missing."""
    address = re.search(r"\d{4,}", ref.publisher)  # "Guangzhou 510642, China": where the authors work
    return not (ref.container_title or ref.publisher and not address or ref.url or ref.doi or ref.genre)


def _preprint_title_roman(ctx: CheckContext):
    """A preprint's title is italic, its archive ("arXiv") roman, like any work that stands alone."""
    if not ctx.memo.get("italics-read"):
        return
    for ref in ctx.references:
        if ref.type != "article" or ref.index in ctx.memo["no-italics"] or spans_paragraphs(ref) or len(
                ref.title) <= 3:
            continue
        text = ref.location.text
        title_at = _find(text, ref.title, 0)
        if title_at < 0 or _coverage(_paragraph_italics(ctx, ref), title_at, title_at + len(ref.title), text) > 0.2:
            continue
        yield Finding(f"Set the title “{ref.title}” in italics: APA 7 italicises a preprint's title and keeps the "
                      f"archive's name ({ref.publisher}) in plain type.",
                      _at(ref, title_at, title_at + len(ref.title)), reference=ref.index)


def _link_in_italics(ctx: CheckContext):
    """The DOI or URL in italics (often with the whole entry): APA 7 sets the link in plain type."""
    for ref in ctx.references:
        link = ref.doi_text or ref.url
        text, spans = _entry_italics(ctx, ref)
        at = text.find(link) if len(link) > 8 else -1
        if at >= 0 and _coverage(spans, at, at + len(link), text) >= 0.8:
            whole = _coverage(spans, 0, len(text), text) >= 0.8
            yield Finding("The link is in italics" + (", with the whole entry" if whole else "") + ": APA 7 sets "
                          "only the title of a work that stands alone, or a journal's name and volume, in italics; "
                          "the date and the link are in plain type.", _part(ref, text, at, at + len(link)),
                          reference=ref.index)


def _container_word(ref: Reference) -> str:
    return {"article-journal": "journal name and volume", "chapter": "book title"}.get(ref.type, "larger work")
