"""What reference managers stored in a Word document: each managed citation with the records of
the works it cites, and each managed bibliography.

>>> from essaycheck.managers import read_managed          # doctest: +SKIP
>>> managed = read_managed(document)                      # doctest: +SKIP
>>> managed.citations[0].manager, managed.citations[0].items[0]["title"]    # doctest: +SKIP

Zotero (``ADDIN ZOTERO_ITEM CSL_CITATION {json}`` / ``ADDIN ZOTERO_BIBL``), Mendeley Desktop
(``ADDIN CSL_CITATION {json}`` / ``ADDIN Mendeley Bibliography``) and Mendeley Cite (content
controls tagged ``MENDELEY_CITATION_v3_<base64 json>``), EndNote (``ADDIN EN.CITE <EndNote>``,
``ADDIN EN.REFLIST``) and Word's own ``CITATION`` / ``BIBLIOGRAPHY`` fields with their
``b:Sources``. The reader (:mod:`essaycheck.read.docx`) finds the fields; this package reads what
they hold. Every record comes out as clean CSL-JSON (:mod:`.csljson`).
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from dataclasses import dataclass

from ..model import Document, FieldCode, Location
from .csljson import clean_item, item_key

ZOTERO, MENDELEY, ENDNOTE, WORD = "Zotero", "Mendeley", "EndNote", "Word"


@dataclass(frozen=True)
class ManagedCitation:
    """One citation a reference manager inserted: where its text stands, and the works it cites."""

    manager: str  # Zotero | Mendeley | EndNote | Word
    location: Location  # the text the field shows now
    items: tuple[dict, ...]  # CSL-JSON of each cited work, in the field's order
    locators: tuple[str, ...] = ()  # for each item: "48-51", "p. 4", or ""
    written: str = ""  # what the manager itself last wrote there ("" when it does not keep it)
    kept_edits: bool = False  # the student told the manager to keep a changed text (Zotero's dontUpdate)


@dataclass(frozen=True)
class ManagedBibliography:
    """A reference list a manager inserted, over paragraphs ``first`` to ``last`` (indexes)."""

    manager: str
    first: int
    last: int
    uncited: tuple[dict, ...] = ()  # works the student asked to list without citing them (Zotero)


@dataclass(frozen=True)
class Managed:
    """Everything reference managers left in one document."""

    citations: tuple[ManagedCitation, ...] = ()
    bibliographies: tuple[ManagedBibliography, ...] = ()
    notes: tuple[str, ...] = ()  # what could not be read, in words for the student

    @property
    def managers(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys([c.manager for c in self.citations] + [b.manager for b in self.bibliographies]))

    def records(self) -> list[dict]:
        """Every distinct work cited (or listed as uncited), as CSL-JSON with a unique ``id``."""
        seen: dict[str, dict] = {}
        for item in [i for c in self.citations for i in c.items] + [i for b in self.bibliographies for i in b.uncited]:
            seen.setdefault(item_key(item), item)
        records, ids = [], set()
        for number, item in enumerate(seen.values(), 1):
            identifier = item.get("id") or f"item-{number}"
            if identifier in ids:
                identifier = f"{identifier}-{number}"
            ids.add(identifier)
            records.append({**item, "id": identifier})
        return records


def read_managed(document: Document) -> Managed:
    """The managed citations and bibliographies of ``document`` (empty for every kind but .docx)."""
    if not document.fields and not document.manager_bookmarks:
        return Managed()
    sources = None
    citations, bibliographies, notes = [], [], []
    for field in document.fields:
        instruction = field.instruction.strip()
        upper = instruction.upper()
        if field.kind == "content-control":
            if upper.startswith("MENDELEY_CITATION"):
                citation = _mendeley_cite(document, field)
                citations += [citation] if citation else []
            elif upper.startswith("MENDELEY_BIBLIOGRAPHY"):
                bibliographies.append(ManagedBibliography(MENDELEY, field.paragraph, field.end_paragraph))
        elif upper.startswith("ADDIN ZOTERO_ITEM") or upper.startswith("ADDIN CSL_CITATION"):
            citation = _csl_citation(document, field, ZOTERO if "ZOTERO" in upper else MENDELEY)
            citations += [citation] if citation else []
        elif upper.startswith("ADDIN ZOTERO_BIBL"):
            bibliographies.append(_zotero_bibliography(field))
        elif upper.startswith("ADDIN MENDELEY BIBLIOGRAPHY"):
            bibliographies.append(ManagedBibliography(MENDELEY, field.paragraph, field.end_paragraph))
        elif upper.startswith("ADDIN EN.CITE"):
            citation = _endnote_citation(document, field)
            citations += [citation] if citation else []
        elif upper.startswith("ADDIN EN.REFLIST"):
            bibliographies.append(ManagedBibliography(ENDNOTE, field.paragraph, field.end_paragraph))
        elif upper.startswith("CITATION"):
            if sources is None:
                from .word import read_sources

                sources = read_sources(document.sources)
            citation = _word_citation(document, field, sources)
            citations += [citation] if citation else []
        elif upper.startswith("BIBLIOGRAPHY"):
            bibliographies.append(ManagedBibliography(WORD, field.paragraph, field.end_paragraph))
    if document.manager_bookmarks and not any(c.manager == ZOTERO for c in citations):
        notes.append("Zotero stores this document's citations as bookmarks, which essaycheck cannot read. In Zotero's "
                     "Document Preferences choose to store citations as Fields, then check again.")
    return Managed(tuple(citations), tuple(bibliographies), tuple(notes))


# --- each manager -------------------------------------------------------------------------------


def _json_after(instruction: str) -> dict | None:
    """The JSON object that starts at the first "{" of an instruction (trailing text ignored)."""
    start = instruction.find("{")
    if start < 0:
        return None
    try:
        value, _ = json.JSONDecoder().raw_decode(instruction[start:])
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def _csl_citation(document: Document, field: FieldCode, manager: str) -> ManagedCitation | None:
    """Zotero's and Mendeley Desktop's fields: CSL-JSON items in ``citationItems``."""
    data = _json_after(field.instruction)
    if data is None:
        return None
    items, locators = _citation_items(data.get("citationItems"))
    properties = data.get("properties") if isinstance(data.get("properties"), dict) else {}
    mendeley = data.get("mendeley") if isinstance(data.get("mendeley"), dict) else {}
    written = (properties.get("plainCitation") or mendeley.get("plainTextFormattedCitation")
               or mendeley.get("previouslyFormattedCitation") or "")
    kept = properties.get("dontUpdate") or mendeley.get("manualFormatting")  # the student's own text, kept
    return _citation(document, field, manager, items, locators, written if isinstance(written, str) else "",
                     bool(kept))


def _mendeley_cite(document: Document, field: FieldCode) -> ManagedCitation | None:
    """Mendeley Cite's content control: its tag is "MENDELEY_CITATION_v3_" and the JSON in base64."""
    encoded = field.instruction.split("_v3_", 1)[-1] if "_v3_" in field.instruction else ""
    try:
        data = json.loads(base64.b64decode(encoded + "=" * (-len(encoded) % 4)).decode("utf-8"))
    except (binascii.Error, ValueError, UnicodeDecodeError):
        return None
    if not isinstance(data, dict):
        return None
    items, locators = _citation_items(data.get("citationItems"))
    override = data.get("manualOverride") if isinstance(data.get("manualOverride"), dict) else {}
    written = override.get("citeprocText") if isinstance(override.get("citeprocText"), str) else ""
    return _citation(document, field, MENDELEY, items, locators, _plain(written),
                     bool(override.get("isManuallyOverridden")))


def _citation_items(entries) -> tuple[list[dict], list[str]]:
    items, locators = [], []
    for number, entry in enumerate(entries if isinstance(entries, list) else []):
        if not isinstance(entry, dict):
            continue
        item = clean_item(entry.get("itemData"), str(entry.get("id") or f"item-{number}"))
        if item is not None:
            items.append(item)
            locator = entry.get("locator")
            locators.append(str(locator) if isinstance(locator, (str, int)) else "")
    return items, locators


def _zotero_bibliography(field: FieldCode) -> ManagedBibliography:
    data = _json_after(field.instruction) or {}
    uncited = []
    for entry in data.get("uncited") or []:  # each a list of Zotero item URIs: no data to read
        if isinstance(entry, dict):
            item = clean_item(entry)
            uncited += [item] if item else []
    return ManagedBibliography(ZOTERO, field.paragraph, field.end_paragraph, tuple(uncited))


def _endnote_citation(document: Document, field: FieldCode) -> ManagedCitation | None:
    from .endnote import endnote_xml, read_cites

    xml = endnote_xml(field.instruction, field.data)
    cites = read_cites(xml) if xml else []
    if not cites:
        return None
    written = next((display for _, _, display in cites if display), "")
    return _citation(document, field, ENDNOTE, [c[0] for c in cites], [c[1] for c in cites], written, False)


def _word_citation(document: Document, field: FieldCode, sources: dict[str, dict]) -> ManagedCitation | None:
    from .word import citation_tags

    found = [(sources[tag], page) for tag, page in citation_tags(field.instruction) if tag in sources]
    if not found:
        return None
    return _citation(document, field, WORD, [item for item, _ in found], [page for _, page in found], "", False)


def _citation(document: Document, field: FieldCode, manager: str, items: list[dict], locators: list[str],
              written: str, kept_edits: bool) -> ManagedCitation | None:
    if not items:
        return None
    paragraph = document.paragraphs[field.paragraph] if 0 <= field.paragraph < len(document.paragraphs) else None
    if paragraph is None:
        return None
    end = field.end if field.end_paragraph == field.paragraph else len(paragraph.text)
    location = Location(paragraph.index, field.start, end, paragraph.text[field.start:end], paragraph.line)
    return ManagedCitation(manager, location, tuple(items), tuple(locators), _plain(written), kept_edits)


_TAGS = re.compile(r"<[^<>]{1,80}>")


def _plain(text: str) -> str:
    """A manager's formatted citation as plain text ('<i>Title</i>' -> 'Title')."""
    return " ".join(_TAGS.sub("", text or "").split())
