"""Real .docx files holding the citations reference managers write, and what a reader must recover.

One call builds a document the way a manager leaves it in Word::

    doc = managed_docs.build("zotero")                          # the default citations, with a bibliography
    doc = managed_docs.build("endnote", [Cite(("marsh2021",), page="45", store="fldData")])
    doc.data        # the .docx bytes (doc.save(path) writes them)
    doc.records     # {work key: CSL-JSON item}: what the manager embedded (Zotero, Mendeley) or what
                    # its record should convert to (EndNote, Word)
    doc.citations   # one ExpectedCitation per citation: works, exact items, recorded and shown text …
    doc.visible     # the paragraphs essaycheck.read.read_document gives, in order (body, then footnotes)

Managers (:data:`MANAGERS`): ``zotero`` (ADDIN ZOTERO_ITEM fields), ``zotero-bookmarks`` (ZOTERO_BREF_
bookmarks, codes in document properties), ``mendeley-desktop`` (ADDIN CSL_CITATION fields),
``mendeley-cite`` (MENDELEY_CITATION_v3_ content controls), ``endnote`` (ADDIN EN.CITE, inline or
EN.CITE.DATA in w:fldData) and ``word`` (CITATION fields, BIBLIOGRAPHY, b:Sources in customXml).

Placements (:data:`PLACEMENTS`): ``inline`` (a complex field in a body paragraph), ``simple-field``
(w:fldSimple), ``nested-field`` (inside the result of a HYPERLINK field), ``hyperlink`` (inside a
w:hyperlink) and ``footnote`` (in word/footnotes.xml, referenced from the body).

The works cited are invented (:data:`WORKS`); their DOIs use the 10.5555 test prefix and their URLs
the example.org domain. The XML shapes follow real documents and the managers' code; the report that
came with this module lists the source of each. Output is deterministic: the same call gives the same
bytes.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import math
import re
import uuid
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Sequence

import docx
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.parser import oxml_parser
from lxml import etree

__all__ = ["MANAGERS", "PLACEMENTS", "WORKS", "Name", "Work", "Cite", "ExpectedCitation", "ManagedDoc",
           "build", "default_citations", "NS"]

MANAGERS = ("zotero", "zotero-bookmarks", "mendeley-desktop", "mendeley-cite", "endnote", "word")
PLACEMENTS = ("inline", "simple-field", "nested-field", "hyperlink", "footnote")
STORES = ("instruction", "fldData", "fldData+nul")  # where EndNote keeps its XML

NS = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "b": "http://schemas.openxmlformats.org/officeDocument/2006/bibliography",
    "ds": "http://schemas.openxmlformats.org/officeDocument/2006/customXml",
    "we": "http://schemas.microsoft.com/office/webextensions/webextension/2010/11",
    "wetp": "http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11",
    "cp": "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties",
    "vt": "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes",
}
CSL_SCHEMA = "https://github.com/citation-style-language/schema/raw/master/csl-citation.json"
ZOTERO_BIBL = ' ADDIN ZOTERO_BIBL {"uncited":[],"omitted":[],"custom":[]} CSL_BIBLIOGRAPHY '
ZOTERO_RUN_LENGTH = 255  # Zotero instructions as Word splits them over w:instrText runs
PROPERTY_LENGTH = 255  # Zotero's MAX_PROPERTY_LENGTH for document properties
MENDELEY_TAG = "MENDELEY_CITATION_v3_"
_FIXED_TIME = datetime(2026, 1, 15, 9, 0, 0)
_ZIP_TIME = (2026, 1, 15, 9, 0, 0)
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")


# --- the works -----------------------------------------------------------------------


@dataclass(frozen=True)
class Name:
    """A person (family, given with middle initials, an optional particle) or a group (``literal``)."""

    family: str = ""
    given: str = ""
    particle: str = ""  # non-dropping particle, "van der"
    literal: str = ""  # a group author

    @property
    def full_family(self) -> str:
        return f"{self.particle} {self.family}".strip()

    @property
    def first(self) -> str:
        return self.given.split(" ")[0] if self.given else ""

    @property
    def middle(self) -> str:
        return " ".join(self.given.split(" ")[1:])


@dataclass(frozen=True)
class Work:
    """An invented work: its bibliographic data, how APA cites it and its reference entry.

    ``names`` is the author part of an APA citation ("Okafor & Lindqvist"); ``entry`` marks
    italics with ``*asterisks*``. The other fields are CSL-JSON variables.
    """

    key: str
    type: str
    title: str
    authors: tuple[Name, ...]
    year: int
    names: str
    entry: str
    month: int | None = None
    day: int | None = None
    editors: tuple[Name, ...] = ()
    container: str = ""
    volume: str = ""
    issue: str = ""
    page: str = ""
    doi: str = ""
    url: str = ""
    publisher: str = ""
    place: str = ""
    accessed: tuple[int, int, int] | None = None
    word_tag: str = ""  # its b:Tag in Word
    recnum: int = 0  # its record number in EndNote

    def in_text(self, page: str = "") -> str:
        """The APA parenthetical part for this work: "Okafor & Lindqvist, 2019" (", p. 45")."""
        return f"{self.names}, {self.year}" + (f", p. {page}" if page else "")

    @property
    def date_parts(self) -> list[int]:
        return [part for part in (self.year, self.month, self.day) if part is not None]


def _people(*names: str) -> tuple[Name, ...]:
    """``"Okafor|Chidinma A."`` → Name; ``"van der|Berg|Maartje"`` has a particle; no bar → a group."""
    people = []
    for name in names:
        parts = name.split("|")
        if len(parts) == 1:
            people.append(Name(literal=name))
        elif len(parts) == 2:
            people.append(Name(family=parts[0], given=parts[1]))
        else:
            people.append(Name(particle=parts[0], family=parts[1], given=parts[2]))
    return tuple(people)


WORKS: dict[str, Work] = {work.key: work for work in (
    Work("okafor2019", "article-journal", "Sleep timing and exam recall in first-year undergraduates",
         _people("Okafor|Chidinma A.", "Lindqvist|Per"), 2019, "Okafor & Lindqvist",
         "Okafor, C. A., & Lindqvist, P. (2019). Sleep timing and exam recall in first-year undergraduates. "
         "*Journal of Learning Habits*, *14*(2), 115–131. https://doi.org/10.5555/jlh.2019.0142",
         month=3, container="Journal of Learning Habits", volume="14", issue="2", page="115-131",
         doi="10.5555/jlh.2019.0142", word_tag="Oka19", recnum=12),
    Work("marsh2021", "book", "Reading in the margins: Notes on study practice", _people("Marsh|Eleanor"),
         2021, "Marsh",
         "Marsh, E. (2021). *Reading in the margins: Notes on study practice*. Halcyon Academic Press.",
         publisher="Halcyon Academic Press", place="Leeds", word_tag="Mar21", recnum=15),
    Work("ibanez2020", "chapter", "Feedback loops in peer tutoring", _people("Ibáñez|José Luis"), 2020,
         "Ibáñez",
         "Ibáñez, J. L. (2020). Feedback loops in peer tutoring. In A. Petrov & S. Hale (Eds.), "
         "*Peer learning in higher education* (pp. 45–67). Northgate University Press.",
         editors=_people("Petrov|Anya", "Hale|Simon"), container="Peer learning in higher education",
         page="45-67", publisher="Northgate University Press", word_tag="Iba20", recnum=18),
    Work("council2022", "report", "Annual survey of study hours & rest",
         _people("Regional Council for Student Wellbeing"), 2022, "Regional Council for Student Wellbeing",
         "Regional Council for Student Wellbeing. (2022). *Annual survey of study hours & rest*.",
         publisher="Regional Council for Student Wellbeing", word_tag="Reg22", recnum=21),
    Work("vanderberg2018", "article-journal", "Notebook or laptop? A field comparison of lecture notes",
         _people("van der|Berg|Maartje", "Oyelaran|Tunde", "Castellano|Rosa"), 2018, "van der Berg et al.",
         "van der Berg, M., Oyelaran, T., & Castellano, R. (2018). Notebook or laptop? A field comparison "
         "of lecture notes. *Educational Practice Quarterly*, *7*(4), 201–219. "
         "https://doi.org/10.5555/epq.2018.0704",
         container="Educational Practice Quarterly", volume="7", issue="4", page="201-219",
         doi="10.5555/epq.2018.0704", word_tag="van18", recnum=24),
    Work("nakamura2023", "webpage", "How to plan a revision week", _people("Nakamura|Hiro"), 2023, "Nakamura",
         "Nakamura, H. (2023, September 14). *How to plan a revision week*. StudyHub Guides. "
         "https://studyhub.example.org/guides/revision-week",
         month=9, day=14, container="StudyHub Guides", url="https://studyhub.example.org/guides/revision-week",
         accessed=(2024, 2, 1), word_tag="Nak23", recnum=27),
    Work("delacroix2020", "article-journal", 'The "quiet hour" effect on library study time',
         _people("Delacroix|Amélie", "Brandt|Jonas"), 2020, "Delacroix & Brandt",
         'Delacroix, A., & Brandt, J. (2020). The "quiet hour" effect on library study time. '
         "*Library Use Studies*, *3*(1), 1–18.",
         container="Library Use Studies", volume="3", issue="1", page="1-18", word_tag="Del20", recnum=30),
)}


# --- what to build and what comes back ------------------------------------------------


@dataclass(frozen=True)
class Cite:
    """One citation to put in the document.

    ``keys`` name works in :data:`WORKS`, in the order cited. ``page`` is a page locator on the
    first work. ``shown`` is text typed over the field result after insertion (the edited-citation
    case); with ``override`` the manager was also told to keep it (Zotero ``dontUpdate``, Mendeley
    ``manualFormatting`` / ``manualOverride``). ``store`` is EndNote's: the XML in the instruction,
    or base64 in w:fldData under a nested EN.CITE.DATA field, optionally with the trailing NUL some
    files have.
    """

    keys: tuple[str, ...]
    page: str = ""
    placement: str = "inline"
    shown: str | None = None
    override: bool = False
    store: str = "instruction"


@dataclass(frozen=True)
class ExpectedCitation:
    """What a reader must recover from one citation.

    ``items`` are the exact item data in the citation (for EndNote and Word: what each record
    should convert to). ``rendered`` is what the manager's APA style gives; ``recorded`` is the
    rendering the manager stored (plainCitation, plainTextFormattedCitation, citeprocText,
    DisplayText; '' for Word, which stores none); ``shown`` is the visible result; ``override``
    says the manager was told to keep ``shown``. ``instruction`` is what the manager stored: the
    field instruction, the content control's tag, or for bookmarks the joined document
    property; ``data`` is the field's w:fldData (EndNote's base64 XML). ``note`` is the
    footnote number (0 in the body).
    """

    works: tuple[str, ...]
    items: tuple[dict, ...]
    locator: str
    rendered: str
    recorded: str
    shown: str
    instruction: str
    placement: str
    note: int = 0
    override: bool = False
    data: str = ""

    @property
    def edited(self) -> bool:
        """Whether the visible text was typed over what the manager rendered."""
        return self.shown != self.rendered


@dataclass(frozen=True)
class ManagedDoc:
    """A built document: its bytes and the ground truth a reader is tested against."""

    manager: str
    data: bytes
    records: dict[str, dict]  # work key → CSL-JSON item, in order of first citation
    citations: tuple[ExpectedCitation, ...]
    visible: tuple[str, ...]  # paragraphs as read_document gives them: body, then footnotes
    bibliography: tuple[str, ...] = ()  # the visible bibliography entries
    properties: dict[str, str] = field(default_factory=dict)  # custom document properties written

    def save(self, path) -> Path:
        """Write the .docx to ``path`` and return it as a Path."""
        path = Path(path)
        path.write_bytes(self.data)
        return path


def default_citations(manager: str) -> tuple[Cite, ...]:
    """The citations :func:`build` uses when given none: one work, two works, a page locator, a
    group author, an edited citation, and each manager's own variants (EndNote's fldData store,
    a manager override)."""
    _check_manager(manager)
    edited = Cite(("nakamura2023",), shown="Nakamura (2023)")
    cites = [Cite(("okafor2019",)), Cite(("marsh2021", "okafor2019")), Cite(("marsh2021",), page="45"),
             Cite(("ibanez2020",)), Cite(("council2022",)), Cite(("delacroix2020", "vanderberg2018")), edited]
    if manager == "endnote":
        cites[1] = Cite(("marsh2021", "okafor2019"), store="fldData")
        cites[5] = Cite(("delacroix2020", "vanderberg2018"), store="fldData+nul")
    if manager in ("zotero", "zotero-bookmarks", "mendeley-desktop", "mendeley-cite"):
        cites.append(Cite(("ibanez2020",), shown="Ibáñez (2020)", override=True))
    return tuple(cites)


def build(manager: str, citations: Sequence[Cite] | None = None, *, bibliography: bool = True,
          run_length: int | None = None) -> ManagedDoc:
    """Build a .docx whose citations ``manager`` inserted (see the module docstring).

    ``run_length`` splits every citation instruction over w:instrText runs of that many
    characters (0: one run); by default Zotero's are split at 255 and the others are not.
    """
    _check_manager(manager)
    citations = default_citations(manager) if citations is None else tuple(citations)
    for cite in citations:
        _check_cite(manager, cite)
    if run_length is None:
        run_length = ZOTERO_RUN_LENGTH if manager == "zotero" else 0
    return _Builder(manager, run_length).build(citations, bibliography)


def _check_manager(manager: str) -> None:
    if manager not in MANAGERS:
        raise ValueError(f"unknown manager {manager!r}; choose from {', '.join(MANAGERS)}")


def _check_cite(manager: str, cite: Cite) -> None:
    unknown = [key for key in cite.keys if key not in WORKS]
    if not cite.keys or unknown:
        raise ValueError(f"a Cite needs works from WORKS; unknown: {unknown}")
    allowed = {"zotero-bookmarks": ("inline", "hyperlink"),
               "mendeley-cite": ("inline", "hyperlink", "footnote")}.get(manager, PLACEMENTS)
    if cite.placement not in allowed:
        raise ValueError(f"{manager} citations cannot be placed {cite.placement!r}; allowed: {allowed}")
    if cite.store not in STORES or (cite.store != "instruction" and manager != "endnote"):
        raise ValueError(f"store={cite.store!r} is EndNote's only, one of {STORES}")
    if cite.store != "instruction" and cite.placement == "simple-field":
        raise ValueError("EN.CITE.DATA needs a complex field; it cannot be a simple field")
    if cite.override and (cite.shown is None or manager in ("endnote", "word")):
        raise ValueError("override needs shown text and a manager that records it (Zotero, Mendeley)")


# --- WordprocessingML built with lxml ---------------------------------------------------


def _qname(name: str) -> str:
    prefix, _, local = name.rpartition(":")
    return f"{{{NS[prefix]}}}{local}" if prefix else local


def _el(name: str, attrs: dict | None = None, *children, text: str | None = None):
    """An element ``w:name`` with ``w:``-prefixed attributes, children and text."""
    element = oxml_parser.makeelement(_qname(name), {_qname(k): str(v) for k, v in (attrs or {}).items()})
    for child in children:
        if child is not None:
            element.append(child)
    if text is not None:
        element.text = text
    return element


def _run(text: str = "", *, italic: bool = False, props: Sequence = ()):
    """A w:r with its w:t (xml:space="preserve" where spaces would be lost)."""
    properties = list(props) + ([_el("w:i"), _el("w:iCs")] if italic else [])
    run = _el("w:r", None, _el("w:rPr", None, *properties) if properties else None)
    if text:
        t = _el("w:t", None, text=text)
        if text != text.strip():
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        run.append(t)
    return run


def _markup_runs(text: str, props: Sequence = ()) -> list:
    """Runs for text with ``*italic*`` markup."""
    return [_run(piece, italic=bool(number % 2), props=props)
            for number, piece in enumerate(re.split(r"\*([^*]+)\*", text)) if piece]


def _plain(text: str) -> str:
    return text.replace("*", "")


def _fld_char(kind: str, *, lock: bool = False, data: str | None = None):
    char = _el("w:fldChar", {"w:fldCharType": kind})
    if lock:
        char.set(_qname("w:fldLock"), "1")
    if data is not None:
        fld_data = _el("w:fldData", None, text=data)
        fld_data.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        char.append(fld_data)
    return _el("w:r", None, char)


def _instruction_runs(instruction: str, run_length: int = 0, *, font_split: bool = False,
                      preserve: bool = True) -> list:
    """w:instrText runs holding ``instruction``: in pieces of ``run_length`` characters, and with
    ``font_split`` every non-ASCII character in a run of its own with its own font (as Word stores
    characters the run's font lacks)."""
    pieces: list[tuple[str, bool]] = []
    if font_split:
        for piece in re.split(r"([^\x00-\x7f])", instruction):
            if piece:
                pieces.append((piece, ord(piece[0]) > 0x7F and len(piece) == 1))
    else:
        pieces.append((instruction, False))
    runs = []
    for piece, own_font in pieces:
        size = run_length or len(piece)
        for start in range(0, len(piece), size):
            text = _el("w:instrText", None, text=piece[start:start + size])
            if preserve:
                text.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            properties = (_el("w:rPr", None, _el("w:rFonts", {"w:ascii": "Calibri", "w:hAnsi": "Calibri",
                                                                "w:cs": "Calibri"}))
                          if own_font else None)
            runs.append(_el("w:r", None, properties, text))
    return runs


def _complex_field(instruction: str, result: Sequence, *, run_length: int = 0, lock: bool = False,
                   font_split: bool = False, preserve: bool = True) -> list:
    """begin, instruction runs, separate, the result runs, end."""
    return ([_fld_char("begin", lock=lock)]
            + _instruction_runs(instruction, run_length, font_split=font_split, preserve=preserve)
            + [_fld_char("separate"), *result, _fld_char("end")])


def _paragraph(*content, style: str | None = None, hanging: bool = False):
    properties = []
    if style:
        properties.append(_el("w:pStyle", {"w:val": style}))
    if hanging:
        properties.append(_el("w:ind", {"w:left": "720", "w:hanging": "720"}))
    paragraph = _el("w:p", None, _el("w:pPr", None, *properties) if properties else None)
    for item in content:
        if isinstance(item, list):
            paragraph.extend(item)
        elif item is not None:
            paragraph.append(item)
    return paragraph


def _stable(*parts: object, alphabet: str = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
            length: int = 8) -> str:
    """A deterministic random-looking string (citation ids, keys, bookmark names)."""
    digest = hashlib.sha256("|".join(map(str, parts)).encode()).digest()
    return "".join(alphabet[byte % len(alphabet)] for byte in digest[:length])


def _sdt_id(*parts: object) -> str:
    value = int.from_bytes(hashlib.sha256("|".join(map(str, parts)).encode()).digest()[:4], "big")
    return str(value - 2**31)


def _compact_json(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


# --- each manager's records ---------------------------------------------------------------


def _converted_csl(work: Work, item_id: str) -> dict:
    """The CSL-JSON an EndNote or Word record of ``work`` should convert to.

    Names are split no further than the manager stores them (particles stay in ``family``);
    dates are integers; empty variables are left out.
    """
    item: dict = {"id": item_id, "type": work.type, "title": work.title}
    if work.authors:
        item["author"] = [_plain_name(name) for name in work.authors]
    if work.editors:
        item["editor"] = [_plain_name(name) for name in work.editors]
    for variable, value in (("container-title", work.container), ("volume", work.volume),
                            ("issue", work.issue), ("page", work.page), ("publisher", work.publisher),
                            ("publisher-place", work.place), ("DOI", work.doi), ("URL", work.url)):
        if value:
            item[variable] = value
    item["issued"] = {"date-parts": [work.date_parts]}
    if work.accessed:
        item["accessed"] = {"date-parts": [list(work.accessed)]}
    return item


def _plain_name(name: Name) -> dict:
    return {"literal": name.literal} if name.literal else {"family": name.full_family, "given": name.given}


def _zotero_item(work: Work) -> dict:
    """itemData as Zotero embeds it: id and type first, other variables in case-insensitive order,
    then names, then dates with the year as a string (as in real documents)."""
    variables = {"container-title": work.container, "volume": work.volume, "issue": work.issue,
                 "page": work.page, "publisher": work.publisher, "publisher-place": work.place,
                 "DOI": work.doi, "URL": work.url, "title": work.title}
    item: dict = {"id": _zotero_id(work), "type": work.type}
    item.update({key: variables[key] for key in sorted(variables, key=str.lower) if variables[key]})
    item["author"] = [_plain_name(name) for name in work.authors]
    if work.editors:
        item["editor"] = [_plain_name(name) for name in work.editors]
    if work.accessed:
        item["accessed"] = {"date-parts": [[str(work.accessed[0]), *work.accessed[1:]]]}
    item["issued"] = {"date-parts": [[str(work.year), *work.date_parts[1:]]]}
    return item


def _zotero_id(work: Work) -> int:
    return 160 + 2 * list(WORKS).index(work.key)


def _zotero_uri(work: Work) -> str:
    key = _stable("zotero", work.key, alphabet="23456789ABCDEFGHIJKLMNPQRSTUVWXYZ")  # Zotero's key alphabet
    return f"http://zotero.org/users/5081243/items/{key}"


def _mendeley_name(name: Name) -> dict:
    return {"dropping-particle": "", "family": name.literal or name.family, "given": name.given,
            "non-dropping-particle": name.particle, "parse-names": False, "suffix": ""}


def _mendeley_desktop_item(work: Work, item_id: str) -> dict:
    """itemData as Mendeley Desktop embeds it: keys sorted, dates as strings, full name objects."""
    item = {"id": item_id, "type": work.type, "title": work.title, "container-title": work.container,
            "volume": work.volume, "issue": work.issue, "page": work.page, "publisher": work.publisher,
            "publisher-place": work.place, "DOI": work.doi, "URL": work.url,
            "author": [_mendeley_name(name) for name in work.authors],
            "editor": [_mendeley_name(name) for name in work.editors],
            "issued": {"date-parts": [[str(part) for part in work.date_parts]]}}
    if work.accessed:
        item["accessed"] = {"date-parts": [[str(part) for part in work.accessed]]}
    return {key: item[key] for key in sorted(item) if item[key]}


def _mendeley_uuid(work: Work) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"https://mendeley.example.org/{work.key}"))


def _mendeley_cite_item(work: Work) -> dict:
    """itemData as Mendeley Cite embeds it: type and id first, integer dates."""
    names = [{"family": name.literal or name.family, "given": name.given, "parse-names": False,
              "dropping-particle": "", "non-dropping-particle": name.particle} for name in work.authors]
    item = {"type": work.type, "id": _mendeley_uuid(work), "title": work.title, "author": names,
            "editor": [{"family": name.family, "given": name.given, "parse-names": False,
                        "dropping-particle": "", "non-dropping-particle": ""} for name in work.editors],
            "container-title": work.container, "DOI": work.doi, "URL": work.url,
            "issued": {"date-parts": [work.date_parts]},
            "accessed": {"date-parts": [list(work.accessed)]} if work.accessed else None,
            "publisher": work.publisher, "publisher-place": work.place, "page": work.page,
            "volume": work.volume, "issue": work.issue}
    return {key: value for key, value in item.items() if value}


_ENDNOTE_TYPES = {"article-journal": ("Journal Article", 17), "book": ("Book", 6), "chapter": ("Book Section", 5),
                  "report": ("Report", 27), "webpage": ("Web Page", 12)}


def _endnote_name(name: Name) -> str:
    # EndNote marks a group author with a trailing comma
    return f"{name.literal}," if name.literal else f"{name.full_family}, {name.given}"


def _endnote_record(work: Work):
    """<record> as EndNote writes it into a field (classic element order)."""
    ref_name, ref_number = _ENDNOTE_TYPES[work.type]
    record = etree.Element("record")
    etree.SubElement(record, "rec-number").text = str(work.recnum)
    keys = etree.SubElement(record, "foreign-keys")
    key = etree.SubElement(keys, "key", {"app": "EN", "db-id": "x2stdaw9kp0fd5evzt8vfp9wsz5dap9wf0ae",
                                         "timestamp": str(1_700_000_000 + work.recnum)})
    key.text = str(work.recnum)
    etree.SubElement(record, "ref-type", {"name": ref_name}).text = str(ref_number)
    contributors = etree.SubElement(record, "contributors")
    for group, names in (("authors", work.authors), ("secondary-authors", work.editors)):
        if names:
            element = etree.SubElement(contributors, group)
            for name in names:
                etree.SubElement(element, "author").text = _endnote_name(name)
    titles = etree.SubElement(record, "titles")
    etree.SubElement(titles, "title").text = work.title
    if work.container:
        etree.SubElement(titles, "secondary-title").text = work.container
    if work.type == "article-journal":
        periodical = etree.SubElement(record, "periodical")
        etree.SubElement(periodical, "full-title").text = work.container
    for tag, value in (("pages", work.page), ("volume", work.volume), ("number", work.issue)):
        if value:
            etree.SubElement(record, tag).text = value
    dates = etree.SubElement(record, "dates")
    etree.SubElement(dates, "year").text = str(work.year)
    if work.month:
        pub = etree.SubElement(dates, "pub-dates")
        day = f"{work.day:02d}" if work.day else ""
        etree.SubElement(pub, "date").text = f"{work.year}/{work.month:02d}/{day}/"  # as imported from RIS
    for tag, value in (("pub-location", work.place), ("publisher", work.publisher)):
        if value:
            etree.SubElement(record, tag).text = value
    if work.url:
        urls = etree.SubElement(record, "urls")
        related = etree.SubElement(urls, "related-urls")
        etree.SubElement(related, "url").text = work.url
    if work.doi:
        etree.SubElement(record, "electronic-resource-num").text = work.doi
    if work.accessed:
        etree.SubElement(record, "access-date").text = "{}/{:02d}/{:02d}".format(*work.accessed)
    return record


def _word_source(work: Work, order: int):
    """A b:Source as Word writes it: Tag, SourceType, Guid, the fields, Author, RefOrder."""
    source_type = {"article-journal": "JournalArticle", "book": "Book", "chapter": "BookSection",
                   "report": "Report", "webpage": "InternetSite"}[work.type]
    source = etree.Element(_qname("b:Source"))

    def add(tag: str, value: object) -> None:
        if value not in (None, ""):
            etree.SubElement(source, _qname(f"b:{tag}")).text = str(value)

    add("Tag", work.word_tag)
    add("SourceType", source_type)
    guid = uuid.uuid5(uuid.NAMESPACE_URL, f"https://word.example.org/{work.key}")
    add("Guid", "{" + str(guid).upper() + "}")
    add("Title", work.title)
    add("Year", work.year)
    add("Month", _MONTHS[work.month - 1] if work.month else "")
    add("Day", work.day)
    container_tag = {"JournalArticle": "JournalName", "BookSection": "BookTitle",
                     "InternetSite": "InternetSiteTitle"}.get(source_type)
    if container_tag:
        add(container_tag, work.container)
    add("Volume", work.volume)
    add("Issue", work.issue)
    add("Pages", work.page)
    add("City", work.place)
    add("Publisher", work.publisher)
    add("DOI", work.doi)
    add("URL", work.url)
    if work.accessed:
        add("YearAccessed", work.accessed[0])
        add("MonthAccessed", _MONTHS[work.accessed[1] - 1])
        add("DayAccessed", work.accessed[2])
    contributors = etree.SubElement(source, _qname("b:Author"))
    for role, names in (("Author", work.authors), ("Editor", work.editors)):
        if not names:
            continue
        holder = etree.SubElement(contributors, _qname(f"b:{role}"))
        if names[0].literal:
            etree.SubElement(holder, _qname("b:Corporate")).text = names[0].literal
            continue
        name_list = etree.SubElement(holder, _qname("b:NameList"))
        for name in names:
            person = etree.SubElement(name_list, _qname("b:Person"))
            etree.SubElement(person, _qname("b:Last")).text = name.full_family
            etree.SubElement(person, _qname("b:First")).text = name.first
            if name.middle:
                etree.SubElement(person, _qname("b:Middle")).text = name.middle
    add("RefOrder", order)
    return source


# --- the builder ---------------------------------------------------------------------------

_LEADS = ("Students who kept regular hours recalled more of the material",
          "Handwritten notes were revisited more often than typed ones",
          "Short daily sessions outperformed a single long session",
          "Peer tutors reported clearer feedback after training",
          "Survey respondents studied longer in the weeks before exams",
          "Quiet study spaces were used more when rules were posted",
          "Planning a revision week reduced last-minute cramming",
          "Structured feedback improved the tutors' own understanding")


@dataclass
class _Built:
    """One citation's XML and its ground truth."""

    content: list  # elements to put in the paragraph where the citation stands
    expected: ExpectedCitation


class _Builder:
    def __init__(self, manager: str, run_length: int) -> None:
        self.manager = manager
        self.run_length = run_length
        self.document = docx.Document()
        self.records: dict[str, dict] = {}
        self.properties: dict[str, str] = {}
        self.footnotes: list = []  # w:p elements, one note each
        self.footnote_texts: list[str] = []
        self.bookmark_id = 0
        self.mendeley_payloads: list[dict] = []
        self.entry_order: list[str] = []  # cited works in bibliography order

    # the document

    def build(self, citations: tuple[Cite, ...], bibliography: bool) -> ManagedDoc:
        body = self.document.element.body
        cited = {key for cite in citations for key in cite.keys}
        self.entry_order = sorted(cited, key=lambda key: _plain(WORKS[key].entry).casefold())
        visible = ["Study Habits and Recall: A Short Review"]
        blocks = [_paragraph(_run(visible[0]), style="Title")]
        expected = []
        for number, cite in enumerate(citations):
            note = len(self.footnotes) + 1 if cite.placement == "footnote" else 0
            built = self._citation(number, cite, note)
            expected.append(built.expected)
            lead = _LEADS[number % len(_LEADS)]
            if note:
                reference = _el("w:r", None, _el("w:rPr", None, _el("w:rStyle", {"w:val": "FootnoteReference"})),
                                _el("w:footnoteReference", {"w:id": note}))
                blocks.append(_paragraph(_run(f"{lead}."), reference))
                visible.append(f"{lead}.")
                self._footnote(note, built.content, built.expected.shown)
            else:
                blocks.append(_paragraph(_run(f"{lead} "), built.content, _run(".")))
                visible.append(f"{lead} {built.expected.shown}.")
        entries: tuple[str, ...] = ()
        if bibliography and self.entry_order:
            entries = tuple(_plain(WORKS[key].entry) for key in self.entry_order)
            blocks.extend(self._bibliography())
            visible.append("References")
            visible.extend(entries)
        for block in blocks:
            body.insert(len(body) - 1, block)  # before the final w:sectPr
        self._finish_package()
        return ManagedDoc(self.manager, self._save(), dict(self.records), tuple(expected),
                          tuple(visible + self.footnote_texts), entries, dict(self.properties))

    def _citation(self, number: int, cite: Cite, note: int) -> _Built:
        works = [WORKS[key] for key in cite.keys]
        rendered = "(" + "; ".join(work.in_text(cite.page if i == 0 else "") for i, work in enumerate(works)) + ")"
        shown = cite.shown if cite.shown is not None else rendered
        maker = {"zotero": self._zotero, "zotero-bookmarks": self._zotero, "mendeley-desktop": self._mendeley_desktop,
                 "mendeley-cite": self._mendeley_cite, "endnote": self._endnote, "word": self._word}[self.manager]
        content, instruction, items, recorded = maker(number, cite, works, rendered, shown, note)
        for work, item in zip(works, items):
            self.records.setdefault(work.key, item)
        data = ""
        if isinstance(instruction, tuple):  # EndNote's EN.CITE.DATA: the instruction and the w:fldData
            instruction, data = instruction
        expected = ExpectedCitation(tuple(cite.keys), tuple(items), cite.page, rendered, recorded, shown,
                                    instruction, cite.placement, note, cite.override, data)
        return _Built(content, expected)

    def _place(self, cite: Cite, instruction: str, result: list, runs: list | None = None, **field_options) -> list:
        """The field for ``instruction`` showing ``result`` (or the field ``runs`` built already),
        placed as ``cite.placement`` asks."""
        if cite.placement == "simple-field":
            return [_el("w:fldSimple", {"w:instr": instruction}, *result)]
        runs = runs or _complex_field(instruction, result, **field_options)
        if cite.placement == "nested-field":
            url = f"https://doi.example.org/{cite.keys[0]}"
            return _complex_field(f' HYPERLINK "{url}" ', runs)
        if cite.placement == "hyperlink":
            return [self._hyperlink(cite, runs)]
        return runs

    def _hyperlink(self, cite: Cite, content: list):
        rid = self.document.part.relate_to(f"https://doi.example.org/{cite.keys[0]}", RT.HYPERLINK,
                                           is_external=True)
        return _el("w:hyperlink", {"r:id": rid, "w:history": "1"}, *content)

    # Zotero

    def _zotero(self, number, cite, works, rendered, shown, note):
        items = [_zotero_item(work) for work in works]
        properties = {"formattedCitation": rendered, "plainCitation": rendered}
        if cite.override:
            properties["dontUpdate"] = True
        properties["noteIndex"] = note
        cited = []
        for index, (work, item) in enumerate(zip(works, items)):
            entry = {"id": item["id"], "uris": [_zotero_uri(work)], "itemData": item}
            if index == 0 and cite.page:
                entry.update(locator=cite.page, label="page")
            cited.append(entry)
        code = _compact_json({"citationID": _stable("zotero", number), "properties": properties,
                              "citationItems": cited, "schema": CSL_SCHEMA})
        result = [_run(shown)]
        if self.manager == "zotero-bookmarks":
            name = self._zotero_bookmark(f"ZOTERO_ITEM CSL_CITATION {code}", number)
            content = self._bookmarked(name, result)
            if cite.placement == "hyperlink":
                content = [self._hyperlink(cite, content)]
            return content, self._joined_property(name), items, rendered
        instruction = f" ADDIN ZOTERO_ITEM CSL_CITATION {code} "
        return self._place(cite, instruction, result, run_length=self.run_length), instruction, items, rendered

    def _zotero_bookmark(self, value: str, number: object) -> str:
        """A ZOTERO_BREF_ bookmark name whose code goes into numbered document properties of 255 characters."""
        name = "ZOTERO_BREF_" + _stable("bookmark", number, length=12)
        value = "ZOTERO_" + value.removeprefix("ZOTERO_")
        for part in range(math.ceil(len(value) / PROPERTY_LENGTH)):
            self.properties[f"{name}_{part + 1}"] = value[part * PROPERTY_LENGTH:(part + 1) * PROPERTY_LENGTH]
        return name

    def _joined_property(self, name: str) -> str:
        parts, number = [], 1
        while f"{name}_{number}" in self.properties:
            parts.append(self.properties[f"{name}_{number}"])
            number += 1
        return "".join(parts)

    def _bookmarked(self, name: str, content: list) -> list:
        self.bookmark_id += 1
        return [_el("w:bookmarkStart", {"w:id": self.bookmark_id, "w:name": name}), *content,
                _el("w:bookmarkEnd", {"w:id": self.bookmark_id})]

    # Mendeley

    def _mendeley_desktop(self, number, cite, works, rendered, shown, note):
        items, cited = [], []
        for index, work in enumerate(works):
            item = _mendeley_desktop_item(work, f"ITEM-{index + 1}")
            entry = {"id": item["id"], "itemData": item,
                     "uris": [f"http://www.mendeley.com/documents/?uuid={_mendeley_uuid(work)}"]}
            if index == 0 and cite.page:
                entry.update(locator=cite.page, label="page")
            items.append(item)
            cited.append({key: entry[key] for key in sorted(entry)})
        mendeley = {"formattedCitation": rendered, "plainTextFormattedCitation": rendered,
                    "previouslyFormattedCitation": rendered}
        if cite.override:
            mendeley["manualFormatting"] = shown
        code = _compact_json({"citationItems": cited, "mendeley": dict(sorted(mendeley.items())),
                              "properties": {"noteIndex": note}, "schema": CSL_SCHEMA})
        instruction = f"ADDIN CSL_CITATION {code}"
        content = self._place(cite, instruction, [_run(shown, props=[_el("w:noProof")])], run_length=self.run_length,
                              lock=True, font_split=True, preserve=False)
        return content, instruction, items, rendered

    def _mendeley_cite(self, number, cite, works, rendered, shown, note):
        items, cited = [], []
        for index, work in enumerate(works):
            item = _mendeley_cite_item(work)
            entry = {"id": item["id"], "itemData": item, "isTemporary": False}
            if index == 0 and cite.page:
                entry.update(locator=cite.page, label="page")
            items.append(item)
            cited.append(entry)
        payload = {"citationID": f"MENDELEY_CITATION_{uuid.uuid5(uuid.NAMESPACE_URL, f'cite/{number}')}",
                   "properties": {"noteIndex": note}, "isEdited": False,
                   "manualOverride": {"isManuallyOverridden": cite.override, "citeprocText": rendered,
                                      "manualOverrideText": shown if cite.override else ""},
                   "citationItems": cited}
        tag = MENDELEY_TAG + base64.b64encode(_compact_json(payload).encode("utf-8")).decode("ascii")
        self.mendeley_payloads.append({**payload, "citationTag": tag})
        colour = [_el("w:color", {"w:val": "000000"})]
        control = self._content_control(tag, [_run(shown, props=[_el("w:color", {"w:val": "000000"})])],
                                        colour, ("mendeley", number))
        content = [self._hyperlink(cite, [control])] if cite.placement == "hyperlink" else [control]
        return content, tag, items, rendered

    @staticmethod
    def _content_control(tag: str, content: list, run_props: list, seed: object):
        properties = _el("w:sdtPr", None, _el("w:rPr", None, *run_props), _el("w:tag", {"w:val": tag}),
                         _el("w:id", {"w:val": _sdt_id(seed)}),
                         _el("w:placeholder", None, _el("w:docPart", {"w:val": "DefaultPlaceholder_-1854013440"})))
        return _el("w:sdt", None, properties, _el("w:sdtContent", None, *content))

    # EndNote

    def _endnote(self, number, cite, works, rendered, shown, note):
        root = etree.Element("EndNote")
        for index, work in enumerate(works):
            element = etree.SubElement(root, "Cite")
            etree.SubElement(element, "Author").text = work.authors[0].literal or work.authors[0].full_family
            etree.SubElement(element, "Year").text = str(work.year)
            etree.SubElement(element, "RecNum").text = str(work.recnum)
            if index == 0 and cite.page:
                etree.SubElement(element, "Pages").text = cite.page
            if index == 0:  # EndNote writes the display text in the first Cite only
                etree.SubElement(element, "DisplayText").text = rendered
            element.append(_endnote_record(work))
        xml = etree.tostring(root, encoding="unicode")
        items = [_converted_csl(work, str(work.recnum)) for work in works]
        result = self._endnote_result(works, cite, shown)
        if cite.store == "instruction":
            instruction = f" ADDIN EN.CITE {xml}"
            return self._place(cite, instruction, result, run_length=self.run_length), instruction, items, rendered
        raw = xml.encode("utf-8") + (b"\x00" if cite.store == "fldData+nul" else b"")
        data = base64.encodebytes(raw).decode("ascii")  # 76-character lines, each ending in "\n"
        # the same data on both begins; the inner EN.CITE.DATA field ends before the outer one separates
        runs = ([_fld_char("begin", data=data)] + _instruction_runs(" ADDIN EN.CITE ")
                + [_fld_char("begin", data=data)] + _instruction_runs(" ADDIN EN.CITE.DATA ")
                + [_el("w:r"), _fld_char("end"), _el("w:r"), _fld_char("separate"), *result, _fld_char("end")])
        return self._place(cite, " ADDIN EN.CITE ", result, runs), (" ADDIN EN.CITE ", data), items, rendered

    def _endnote_result(self, works, cite, shown) -> list:
        """The result, each work's part linked to its bibliography entry (_ENREF_n) as EndNote does;
        typed-over text is one plain run."""
        if cite.shown is not None or cite.placement == "hyperlink":
            return [_run(shown)]
        runs = [_run("(")]
        for index, work in enumerate(works):
            if index:
                runs.append(_run("; "))
            anchor = f"_ENREF_{self.entry_order.index(work.key) + 1}"
            tooltip = f"{work.authors[0].literal or work.authors[0].full_family}, {work.year} #{work.recnum}"
            runs.append(_el("w:hyperlink", {"w:anchor": anchor, "w:tooltip": tooltip, "w:history": "1"},
                            _run(work.in_text(cite.page if index == 0 else ""))))
        runs.append(_run(")"))
        return runs

    # Word

    def _word(self, number, cite, works, rendered, shown, note):
        instruction = f" CITATION {works[0].word_tag}"
        if cite.page:
            instruction += f" \\p {cite.page}"
        instruction += " \\l 1033 "
        if len(works) > 1:
            instruction += "".join(f" \\m {work.word_tag}" for work in works[1:])
            instruction = instruction.rstrip()
        items = [_converted_csl(work, work.word_tag) for work in works]
        result = [_run(shown, props=[_el("w:noProof")])]
        if cite.placement == "inline":
            field_runs = _complex_field(instruction, result, run_length=self.run_length)
            properties = _el("w:sdtPr", None, _el("w:id", {"w:val": _sdt_id("word", number)}), _el("w:citation"))
            content = [_el("w:sdt", None, properties, _el("w:sdtContent", None, *field_runs))]
        else:
            content = self._place(cite, instruction, result, run_length=self.run_length)
        return content, instruction, items, ""

    # notes, bibliography, package parts

    def _footnote(self, note: int, content: list, shown: str) -> None:
        reference = _el("w:r", None, _el("w:rPr", None, _el("w:rStyle", {"w:val": "FootnoteReference"})),
                        _el("w:footnoteRef"))
        self.footnotes.append(_paragraph(reference, _run(" See "), content, _run("."), style="FootnoteText"))
        self.footnote_texts.append(f"See {shown}.")

    def _bibliography(self) -> list:
        works = [WORKS[key] for key in self.entry_order]
        heading = _paragraph(_run("References"), style="Heading1")
        style = {"endnote": "EndNoteBibliography"}.get(self.manager, "Bibliography")
        paragraphs = [_paragraph(*_markup_runs(work.entry), style=style, hanging=True) for work in works]
        instruction = {"zotero": ZOTERO_BIBL, "mendeley-desktop": "ADDIN Mendeley Bibliography CSL_BIBLIOGRAPHY ",
                       "endnote": " ADDIN EN.REFLIST ", "word": " BIBLIOGRAPHY "}.get(self.manager)
        if instruction:
            # begin, instruction and separate open the first entry's paragraph, after its w:pPr
            opening = ([_fld_char("begin", lock=self.manager == "mendeley-desktop")]
                       + _instruction_runs(instruction) + [_fld_char("separate")])
            for offset, element in enumerate(opening, start=1):
                paragraphs[0].insert(offset, element)
        if self.manager == "endnote":
            # EndNote bookmarks each entry for the citations' _ENREF_ links; its end marker closes the last entry
            for number, paragraph in enumerate(paragraphs, start=1):
                self.bookmark_id += 1
                first_text = next(i for i, child in enumerate(paragraph) if child.find(_qname("w:t")) is not None)
                paragraph.insert(first_text, _el("w:bookmarkStart", {"w:id": self.bookmark_id,
                                                                      "w:name": f"_ENREF_{number}"}))
                paragraph.append(_el("w:bookmarkEnd", {"w:id": self.bookmark_id}))
            paragraphs[-1].append(_fld_char("end"))
            return [heading, *paragraphs]
        if self.manager in ("zotero", "mendeley-desktop"):
            return [heading, *paragraphs, _paragraph(_fld_char("end"))]
        if self.manager == "zotero-bookmarks":
            name = self._zotero_bookmark(ZOTERO_BIBL.strip().removeprefix("ADDIN "), "bibliography")
            self.bookmark_id += 1
            paragraphs[0].insert(1, _el("w:bookmarkStart", {"w:id": self.bookmark_id, "w:name": name}))
            paragraphs[-1].append(_el("w:bookmarkEnd", {"w:id": self.bookmark_id}))
            return [heading, *paragraphs]
        if self.manager == "mendeley-cite":
            control = _el("w:sdt", None,
                          _el("w:sdtPr", None, _el("w:rPr", None, _el("w:color", {"w:val": "000000"})),
                              _el("w:tag", {"w:val": "MENDELEY_BIBLIOGRAPHY"}),
                              _el("w:id", {"w:val": _sdt_id("mendeley", "bibliography")}),
                              _el("w:placeholder", None,
                                  _el("w:docPart", {"w:val": "DefaultPlaceholder_-1854013440"}))),
                          _el("w:sdtContent", None, *paragraphs))
            return [heading, control]
        # Word: the gallery content control holds the heading and a w:bibliography control with the field
        inner = _el("w:sdt", None,
                    _el("w:sdtPr", None, _el("w:id", {"w:val": _sdt_id("word", "bibliography")}),
                        _el("w:bibliography")),
                    _el("w:sdtContent", None, *paragraphs, _paragraph(_fld_char("end"))))
        outer = _el("w:sdt", None,
                    _el("w:sdtPr", None, _el("w:id", {"w:val": _sdt_id("word", "gallery")}),
                        _el("w:docPartObj", None, _el("w:docPartGallery", {"w:val": "Bibliographies"}),
                            _el("w:docPartUnique"))),
                    _el("w:sdtContent", None, heading, inner))
        return [outer]

    def _finish_package(self) -> None:
        self._add_styles()
        if self.footnotes:
            self._add_footnotes()
        if self.manager == "word":
            self._add_word_sources()
        if self.manager in ("zotero", "zotero-bookmarks"):
            field_type = "Bookmark" if self.manager == "zotero-bookmarks" else "Field"
            prefs = ('<data data-version="3" zotero-version="7.0.15"><session id="'
                     + _stable("session") + '"/><style id="http://www.zotero.org/styles/apa" locale="en-US" '
                     'hasBibliography="1" bibliographyStyleHasBeenSet="1"/><prefs><pref name="fieldType" '
                     f'value="{field_type}"/><pref name="automaticJournalAbbreviations" value="true"/></prefs></data>')
            for part in range(math.ceil(len(prefs) / PROPERTY_LENGTH)):
                self.properties[f"ZOTERO_PREF_{part + 1}"] = prefs[part * PROPERTY_LENGTH:(part + 1) * PROPERTY_LENGTH]
        if self.manager == "mendeley-desktop":
            self.properties.update({
                "Mendeley Document_1": "True",
                "Mendeley Unique User Id_1": str(uuid.uuid5(uuid.NAMESPACE_URL, "https://mendeley.example.org/user")),
                "Mendeley Citation Style_1": "http://www.zotero.org/styles/apa",
                "Mendeley Recent Style Id 0_1": "http://www.zotero.org/styles/apa",
                "Mendeley Recent Style Name 0_1": "American Psychological Association 7th edition"})
        if self.manager == "mendeley-cite":
            self._add_mendeley_web_extension()
        if self.properties:
            self._add_custom_properties()
        core = self.document.core_properties
        core.author = core.last_modified_by = "Student"
        core.title = "Study Habits and Recall"
        core.created = core.modified = _FIXED_TIME
        core.revision = 1

    def _add_styles(self) -> None:
        styles = self.document.styles.element
        for style_id, name in (("Bibliography", "Bibliography"), ("EndNoteBibliography", "EndNote Bibliography"),
                               ("FootnoteText", "footnote text")):
            styles.append(_el("w:style", {"w:type": "paragraph", "w:styleId": style_id},
                              _el("w:name", {"w:val": name}), _el("w:basedOn", {"w:val": "Normal"}),
                              _el("w:pPr", None, _el("w:ind", {"w:left": "720", "w:hanging": "720"}))))
        styles.append(_el("w:style", {"w:type": "character", "w:styleId": "FootnoteReference"},
                          _el("w:name", {"w:val": "footnote reference"}),
                          _el("w:rPr", None, _el("w:vertAlign", {"w:val": "superscript"}))))

    def _add_footnotes(self) -> None:
        root = oxml_parser.makeelement(_qname("w:footnotes"), nsmap={"w": NS["w"], "r": NS["r"]})
        for kind, number, mark in (("separator", -1, "w:separator"), ("continuationSeparator", 0,
                                                                     "w:continuationSeparator")):
            root.append(_el("w:footnote", {"w:type": kind, "w:id": number}, _paragraph(_el("w:r", None, _el(mark)))))
        for number, paragraph in enumerate(self.footnotes, start=1):
            root.append(_el("w:footnote", {"w:id": number}, paragraph))
        self._add_part("/word/footnotes.xml", CT.WML_FOOTNOTES, _xml_bytes(root), self.document.part, RT.FOOTNOTES)

    def _add_word_sources(self) -> None:
        """Word's sources in customXml/item1.xml (the template's empty b:Sources, filled) and an
        unrelated custom XML item after it, as SharePoint leaves them."""
        sources = etree.Element(_qname("b:Sources"), nsmap={"b": NS["b"], None: NS["b"]})
        sources.set("SelectedStyle", "\\APASixthEditionOfficeOnline.xsl")
        sources.set("StyleName", "APA")
        sources.set("Version", "6")
        for order, key in enumerate(self.records, start=1):
            sources.append(_word_source(WORKS[key], order))
        item = next(part for part in self.document.part.package.iter_parts() if part.partname == "/customXml/item1.xml")
        item._blob = b'<?xml version="1.0" standalone="no"?>' + etree.tostring(sources, encoding="utf-8")
        props = item.rels[next(iter(item.rels))].target_part
        props._blob = _xml_bytes(etree.fromstring(
            '<ds:datastoreItem xmlns:ds="%s" ds:itemID="{%s}"><ds:schemaRefs><ds:schemaRef ds:uri="%s"/>'
            "</ds:schemaRefs></ds:datastoreItem>" % (NS["ds"], str(uuid.uuid5(uuid.NAMESPACE_URL, "sources")).upper(),
                                                     NS["b"])))
        other = self._add_part("/customXml/item2.xml", "application/xml", _xml_bytes(etree.fromstring(
            '<p:properties xmlns:p="http://schemas.microsoft.com/office/2006/metadata/properties">'
            "<documentManagement/></p:properties>")), self.document.part, RT.CUSTOM_XML)
        self._add_part("/customXml/itemProps2.xml", CT.OFC_CUSTOM_XML_PROPERTIES, _xml_bytes(etree.fromstring(
                           '<ds:datastoreItem xmlns:ds="%s" ds:itemID="{%s}"><ds:schemaRefs><ds:schemaRef ds:uri='
                           '"http://schemas.microsoft.com/office/2006/metadata/properties"/></ds:schemaRefs>'
                           "</ds:datastoreItem>" % (NS["ds"], str(uuid.uuid5(uuid.NAMESPACE_URL, "other")).upper()))),
                       other, RT.CUSTOM_XML_PROPS)

    def _add_mendeley_web_extension(self) -> None:
        """word/webextensions/: Mendeley Cite's task pane, whose MENDELEY_CITATIONS property repeats
        every citation's JSON with its citationTag."""
        extension = etree.Element(_qname("we:webextension"), nsmap={"we": NS["we"]})
        extension.set("id", "{" + str(uuid.uuid5(uuid.NAMESPACE_URL, "webextension")).upper() + "}")
        etree.SubElement(extension, _qname("we:reference"), {
            "id": "f78a3046-9e99-4300-aa2b-5814002b01a2", "version": "1.28.0.0", "store": "EXCatalog",
            "storeType": "EXCatalog"})
        alternates = etree.SubElement(extension, _qname("we:alternateReferences"))
        etree.SubElement(alternates, _qname("we:reference"), {"id": "WA104382081", "version": "1.28.0.0",
                                                               "store": "en-US", "storeType": "OMEX"})
        properties = etree.SubElement(extension, _qname("we:properties"))
        etree.SubElement(properties, _qname("we:property"), {"name": "MENDELEY_CITATIONS",
                                                              "value": _compact_json(self.mendeley_payloads)})
        etree.SubElement(extension, _qname("we:bindings"))
        etree.SubElement(extension, _qname("we:snapshot"), nsmap={"r": NS["r"]})
        panes = etree.Element(_qname("wetp:taskpanes"), nsmap={"wetp": NS["wetp"]})
        pane = etree.SubElement(panes, _qname("wetp:taskpane"), {"dockstate": "right", "visibility": "0",
                                                                  "width": "350", "row": "0"})
        package = self.document.part.package
        taskpanes = Part(PackURI("/word/webextensions/taskpanes.xml"),
                         "application/vnd.ms-office.webextensiontaskpanes+xml", b"", package)
        web = Part(PackURI("/word/webextensions/webextension1.xml"), "application/vnd.ms-office.webextension+xml",
                   _xml_bytes(extension), package)
        rid = taskpanes.relate_to(web, "http://schemas.microsoft.com/office/2011/relationships/webextension")
        etree.SubElement(pane, _qname("wetp:webextensionref"), {_qname("r:id"): rid}, nsmap={"r": NS["r"]})
        taskpanes._blob = _xml_bytes(panes)
        package.relate_to(taskpanes, "http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes")

    def _add_custom_properties(self) -> None:
        root = etree.Element(_qname("cp:Properties"), nsmap={None: NS["cp"], "vt": NS["vt"]})
        for pid, (name, value) in enumerate(self.properties.items(), start=2):
            prop = etree.SubElement(root, _qname("cp:property"), {
                "fmtid": "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}", "pid": str(pid), "name": name})
            etree.SubElement(prop, _qname("vt:lpwstr")).text = value
        package = self.document.part.package
        part = Part(PackURI("/docProps/custom.xml"), CT.OFC_CUSTOM_PROPERTIES, _xml_bytes(root), package)
        package.relate_to(part, RT.CUSTOM_PROPERTIES)

    def _add_part(self, name: str, content_type: str, blob: bytes, source, relationship: str) -> Part:
        part = Part(PackURI(name), content_type, blob, self.document.part.package)
        source.relate_to(part, relationship)
        return part

    def _save(self) -> bytes:
        """The .docx bytes with fixed zip timestamps, so that a rebuild is byte-identical."""
        buffer = io.BytesIO()
        self.document.save(buffer)
        out = io.BytesIO()
        with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
            for info in source.infolist():
                fixed = zipfile.ZipInfo(info.filename, date_time=_ZIP_TIME)
                fixed.compress_type = zipfile.ZIP_DEFLATED
                target.writestr(fixed, source.read(info.filename))
        return out.getvalue()


def _xml_bytes(element) -> bytes:
    return etree.tostring(element, xml_declaration=True, encoding="UTF-8", standalone=True)

