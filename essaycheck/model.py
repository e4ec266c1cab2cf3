"""The data that flows through the pipeline: read → extract → parse → link → check.

Every stage takes and returns these plain, immutable data classes, so each stage
can be tested on its own with values built by hand.
"""

from __future__ import annotations

from functools import cached_property
from dataclasses import dataclass, field
from enum import Enum


class Severity(str, Enum):
    """How much a problem matters; errors make the exit code 1."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 0, "warning": 1, "info": 2}[self.value]


# --- reading -------------------------------------------------------------------


@dataclass(frozen=True)
class Hyperlink:
    """A hyperlink inside a paragraph: the characters it covers and where it points."""

    start: int
    end: int
    url: str


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of the essay in reading order.

    ``index`` is its 0-based position among all paragraphs of the document;
    reports show it 1-based. ``line`` is the 1-based line it starts on in a
    plain-text file (None for .docx). ``italic`` holds the character spans that
    were set in italics (from Word runs or Markdown emphasis).
    """

    index: int
    text: str
    style: str = ""
    part: str = "body"  # body | table | footnote | endnote | comment-free text box etc.
    is_heading: bool = False
    line: int | None = None
    italic: tuple[tuple[int, int], ...] = ()
    links: tuple[Hyperlink, ...] = ()


@dataclass(frozen=True)
class FieldCode:
    """A field (or content control) a reference manager left in a Word document: its instruction
    and where the text it shows stands (from ``start`` in paragraph ``paragraph`` to ``end`` in
    paragraph ``end_paragraph``, both paragraph indexes)."""

    instruction: str  # "ADDIN ZOTERO_ITEM CSL_CITATION {…}", "CITATION Smi20 \\l 1033", a content control's tag
    paragraph: int
    start: int
    end_paragraph: int
    end: int
    data: str = ""  # the field's w:fldData (EndNote keeps its XML there, in base64)
    kind: str = "field"  # field | content-control


@dataclass(frozen=True)
class ParagraphFormat:
    """A Word paragraph's layout as Word shows it (its effective values, every layer resolved).

    Lengths in inches, spacing in points; ``first_line`` is negative for a hanging indent;
    ``line_spacing`` is a multiple of single spacing (2.0 is double) or None when the spacing is
    an exact or minimum height (``line_height`` then gives it in points)."""

    left: float = 0.0
    first_line: float = 0.0
    line_spacing: float | None = 1.0
    line_height: float | None = None
    space_before: float = 0.0
    space_after: float = 0.0
    contextual_spacing: bool = False  # no space between paragraphs of the same style
    alignment: str = "left"  # left | center | right | justify
    numbered: bool = False  # a numbered or bulleted list item
    starts_with_tab: bool = False
    faked_indent: bool = False  # a line break followed by a tab or spaces: an indent typed by hand
    page_break_before: bool = False  # a page break starts it (pageBreakBefore or a break run before its text)
    blank_before: int = 0  # empty paragraphs just before it
    font: str = ""  # the font of most of its characters
    size: float | None = None  # points
    bold: bool = False  # its text bold (nine letters in ten or more)

    @property
    def hanging(self) -> float:
        """The hanging indent in inches (0 when the first line is not outdented)."""
        return -self.first_line if self.first_line < 0 else 0.0


@dataclass(frozen=True)
class SectionFormat:
    """A Word section's page: margins in inches, and whether its header shows the page number, and where."""

    top: float | None = None
    right: float | None = None
    bottom: float | None = None
    left: float | None = None
    page_number: str = ""  # "" none, else where: "right", "center", "left"


@dataclass(frozen=True)
class Document:
    """An essay as read from disk (or from a string): its paragraphs in reading order.

    A Word document also brings what reference managers stored in it: their ``fields``, the
    custom XML parts holding Word's own sources (``sources``), and the names of Zotero's
    bookmarks when it stores citations as bookmarks (which cannot be read)."""

    path: str
    kind: str  # "docx" | "odt" | "pdf" | "rtf" | "html" | "txt" | "md" (essaycheck.read.sniff.KINDS)
    paragraphs: tuple[Paragraph, ...]
    fields: tuple[FieldCode, ...] = ()
    sources: tuple[bytes, ...] = ()  # customXml parts with Word's b:Sources
    manager_bookmarks: int = 0  # ZOTERO_BREF_… bookmarks: citations stored in a form essaycheck cannot read
    formats: tuple[ParagraphFormat, ...] = ()  # Word only: each paragraph's layout, as ``paragraphs``
    sections: tuple[SectionFormat, ...] = ()  # Word only: each section's page
    pages_recorded: bool = False  # Word only: Word recorded where its pages broke when it saved the file

    @property
    def word_count(self) -> int:
        return sum(len(p.text.split()) for p in self.paragraphs)

    @property
    def italics_known(self) -> bool:
        """Whether the reader knows which text is in italics: Word, OpenDocument, RTF, HTML and
        Markdown files; a PDF only when some of its fonts say italic (many PDFs do not say); never
        plain text."""
        if self.kind == "pdf":
            return any(paragraph.italic for paragraph in self.paragraphs)
        return self.kind in ("docx", "odt", "rtf", "html", "md")


@dataclass(frozen=True)
class Sections:
    """The essay split at its reference-list heading."""

    body: tuple[Paragraph, ...]
    heading: Paragraph | None  # the "References" heading, None when there is none
    references: tuple[Paragraph, ...]  # paragraphs of the list (entries not yet split)
    headings: tuple[Paragraph, ...] = ()  # every list's heading, when there are several (one for an appendix)

    def list_of(self, paragraph: int) -> int:
        """Which list (0, 1, …) the paragraph with this index belongs to."""
        return max(0, sum(1 for heading in self.headings if heading.index < paragraph) - 1)


# --- places --------------------------------------------------------------------


@dataclass(frozen=True)
class Location:
    """A place a student can find: a paragraph, a character span in it, and the text there."""

    paragraph: int
    start: int
    end: int
    text: str
    line: int | None = None

    def describe(self) -> str:
        """Human wording: 'line 12' for plain text, 'paragraph 4' for Word files."""
        if self.line is not None:
            return f"line {self.line}"
        return f"paragraph {self.paragraph + 1}"


# --- references ----------------------------------------------------------------


@dataclass(frozen=True)
class Author:
    """A person (family + given) or a group author (``literal``)."""

    family: str = ""
    given: str = ""
    literal: str = ""

    @property
    def is_group(self) -> bool:
        return bool(self.literal)

    @property
    def name(self) -> str:
        """The name used in in-text citations: family name or the group's name."""
        return self.literal or self.family


@dataclass(frozen=True)
class Reference:
    """One entry of the reference list, parsed close to CSL-JSON; ``text`` is as written."""

    index: int
    text: str
    location: Location
    type: str = "other"  # article-journal | book | chapter | webpage | report | thesis | paper-conference
    # | article (a preprint) | other
    authors: tuple[Author, ...] = ()
    authors_text: str = ""  # the author part as written, e.g. "Raj, M., Fast, N. J., & Fisher, O."
    author_ellipsis: bool = False  # the APA 7 form for 21+ authors: "…, S. S., . . . Z, Z."
    editors: tuple[Author, ...] = ()
    editors_as_authors: bool = False  # "Smith, J. (Ed.). (2020)."
    year: str = ""  # as written: "2017", "2000a", "n.d.", "in press"
    year_number: int | None = None
    year_suffix: str = ""
    date_extra: str = ""  # "March 3" in "(2020, March 3)"
    original_year: str = ""  # "1885" from "(Original work published 1885)": cited as (Author, 1885/1913)
    title: str = ""
    container_title: str = ""
    volume: str = ""
    issue: str = ""
    pages: str = ""
    article_number: str = ""
    edition: str = ""
    publisher: str = ""
    doi: str = ""  # normalised, lower-case, no prefix: "10.1177/0146167217697299"
    doi_text: str = ""  # the DOI as written: "doi:10.1177/…", "https://dx.doi.org/…"
    url: str = ""
    retrieved: str = ""  # the retrieval date, when given
    retrieved_from: bool = False  # the entry says "Retrieved from" (with or without a date)
    genre: str = ""  # "Doctoral dissertation", "Report No. 12"
    isbn: str = ""  # digits only, when the entry gives one (APA 7 does not; a lookup uses it)
    warnings: tuple[str, ...] = ()  # what the parser could not make sense of

    @cached_property  # (asked for by many rules; kept in the instance's __dict__, which frozen allows)
    def family_names(self) -> tuple[str, ...]:
        people = self.authors or (self.editors if self.editors_as_authors else ())
        return tuple(a.name for a in people)


# --- citations -----------------------------------------------------------------


@dataclass(frozen=True)
class Citation:
    """One cited work in the running text (``(A, 2001; B, 2002)`` gives two).

    ``text`` is this work's part as written ("Smith & Lee, 2019, p. 4", "Raj et al., (2017)");
    ``group`` is the whole parenthesis or narrative phrase it belongs to.
    """

    text: str
    authors: tuple[str, ...]  # names as written: ("Smith", "Lee"), ("American Psychological Association",)
    year: str  # as written, suffix included: "2019", "2000a", "n.d.", "in press"
    narrative: bool
    location: Location
    group: Location
    position: int = 0  # order inside its parenthesis
    et_al: bool = False
    connector: str = ""  # what joins the last two names as written: "&", "and" or ""
    comma_before_year: bool = True  # False for "(Smith 2019)"; True for the narrative slip "Raj et al., (2017)"
    prefix: str = ""  # "see", "e.g.,", "see also"
    locator: str = ""  # "p. 4", "pp. 4–5", "para. 2"
    abbreviation: str = ""  # "APA" from "(American Psychological Association [APA], 2020)"
    possessive: bool = False  # "Author's (2020)"
    role: str = "work"  # work | secondary-original | personal-communication
    quoted: bool = False  # a direct quotation stands right before it in the same sentence
    bracketed: bool = True  # False for a year in the running text: "In 2004, Fleming showed …"

    @property
    def year_number(self) -> int | None:
        digits = self.year[:4]
        return int(digits) if digits.isdigit() else None


# --- linking and findings ------------------------------------------------------


@dataclass(frozen=True)
class Link:
    """How one citation was matched to the reference list.

    ``quality``: exact | fuzzy (minor spelling slip accepted) | author-mismatch |
    year-mismatch | ambiguous | missing | not-required (personal communication,
    secondary original).
    """

    citation: int
    reference: int | None
    quality: str
    candidates: tuple[int, ...] = ()


@dataclass(frozen=True)
class Diagnostic:
    """One problem found: a rule id, a severity, words a student understands, a place, a fix."""

    rule: str
    severity: Severity
    message: str
    location: Location | None = None
    citation: int | None = None
    reference: int | None = None
    suggestion: str | None = None  # replacement text for ``location.text``

    def sort_key(self) -> tuple:
        loc = self.location
        return (self.severity.rank, loc.paragraph if loc else -1, loc.start if loc else -1, self.rule)


EXISTENCE_VERDICTS = ("verified", "found-with-differences", "not-found", "not-checked")


@dataclass(frozen=True)
class Report:
    """Everything ``essaycheck.check`` learnt about one essay."""

    file: str
    document: Document
    citations: tuple[Citation, ...]
    references: tuple[Reference, ...]
    links: tuple[Link, ...]
    problems: tuple[Diagnostic, ...]
    reference_heading: Paragraph | None = None
    records: dict[int, dict] = field(default_factory=dict)  # resolved records by reference index
    managed: object = None  # essaycheck.managers.Managed: what reference managers stored in the document
    managed_links: object = None  # essaycheck.managers.link.ManagedLinks, when there are managed citations
    # what the renderers share (the list in APA 7); not copied by dataclasses.replace()
    memo: dict = field(default_factory=dict, init=False, compare=False, repr=False)

    def count(self, severity: Severity) -> int:
        return sum(1 for p in self.problems if p.severity is severity)

    def managed_record(self, citation: int) -> tuple[str, dict, str] | None:
        """(manager, CSL-JSON record, locator) behind citation ``citation`` when a reference manager
        inserted it; None for a citation typed by hand."""
        if self.managed_links is None:
            return None
        found = self.managed_links.record_of(self.managed, citation)
        return (found[0].manager, found[1], found[2]) if found else None

    def existence(self, index: int) -> dict:
        """Whether the work of reference ``index`` exists (see docs/json.md): its verdict, source and
        differences; "not-checked" when it was not looked up."""
        found = (self.records.get(index) or {}).get("existence")
        if found:
            return found
        return {"verdict": "not-checked", "source": None, "link": None, "differences": [], "closest": None,
                "asked": [], "reason": "not looked up" if self.records or not self.references else "no lookups ran"}

    def existence_counts(self) -> dict[str, int]:
        """How many references are verified, found with differences, not found and not checked."""
        counts = dict.fromkeys(EXISTENCE_VERDICTS, 0)
        for ref in self.references:
            counts[self.existence(ref.index)["verdict"]] += 1
        return counts

    @property
    def exit_code(self) -> int:
        return 1 if self.count(Severity.ERROR) else 0
