"""EndNote's Cite While You Write fields: ``ADDIN EN.CITE <EndNote>…</EndNote>`` (the XML in the
instruction, or base64 in the field data of a nested ``ADDIN EN.CITE.DATA``), read into CSL-JSON."""

from __future__ import annotations

import base64
import binascii
import re

from ..errors import InputError
from .csljson import clean_item

# EndNote reference types (the number in <ref-type>) -> CSL types
_TYPES = {
    "17": "article-journal", "43": "article-journal", "6": "book", "28": "book", "5": "chapter",
    "10": "paper-conference", "47": "paper-conference", "27": "report", "46": "report", "32": "thesis",
    "12": "webpage", "23": "article-newspaper", "19": "article-magazine", "9": "software", "34": "manuscript",
    "59": "dataset", "31": "legislation", "7": "legal_case", "13": "document",
}
_START = re.compile(r"<EndNote\b")


def endnote_xml(instruction: str, data: str) -> bytes | None:
    """The ``<EndNote>`` XML of a field: from its instruction, else from its base64 data."""
    at = _START.search(instruction)
    if at:
        raw = instruction[at.start():].encode("utf-8")
    elif data:
        try:
            raw = base64.b64decode("".join(data.split()), validate=False)
        except (binascii.Error, ValueError):
            return None
    else:
        return None
    start, end = raw.find(b"<EndNote"), raw.rfind(b"</EndNote>")
    return raw[start:end + len(b"</EndNote>")] if 0 <= start < end else None  # (the data ends in a NUL byte)


def read_cites(xml: bytes) -> list[tuple[dict, str, str]]:
    """``(CSL item, locator, display text)`` for each <Cite> of an EndNote field's XML."""
    from ..read.xml import parse_xml

    try:
        root = parse_xml(xml, "EndNote field", "the EndNote citation")
    except InputError:
        return []
    found = []
    for index, cite in enumerate(root.iter("Cite")):
        record = cite.find("record")
        item = to_csl(record, fallback_id=_text(cite.find("RecNum")) or f"endnote-{index}") if record is not None \
            else None
        if item is not None:
            found.append((item, _text(cite.find("Pages")), _text(cite.find("DisplayText"))))
    return found


def to_csl(record, fallback_id: str = "") -> dict | None:
    """One EndNote <record> as a CSL-JSON item."""
    kind = record.find("ref-type")
    raw: dict = {"id": _text(record.find("rec-number")) or fallback_id,
                 "type": _TYPES.get((kind.text or "").strip() if kind is not None else "", "document")}
    raw["title"] = _text(record.find("titles/title"))
    secondary = _text(record.find("titles/secondary-title")) or _text(record.find("periodical/full-title"))
    raw["container-title"] = secondary
    raw["author"] = [_person(_text(a)) for a in record.findall("contributors/authors/author")]
    raw["editor"] = [_person(_text(a)) for a in record.findall("contributors/secondary-authors/author")]
    year = _text(record.find("dates/year"))
    raw["issued"] = {"raw": year} if year else None
    for key, path in (("volume", "volume"), ("issue", "number"), ("page", "pages"), ("publisher", "publisher"),
                      ("publisher-place", "pub-location"), ("edition", "edition"), ("DOI", "electronic-resource-num"),
                      ("URL", "urls/related-urls/url")):
        raw[key] = _text(record.find(path))
    isbn = _text(record.find("isbn"))
    if isbn and raw["type"] in ("book", "chapter"):
        raw["ISBN"] = isbn
    if raw["type"] == "document" and raw["container-title"] and raw["volume"]:
        raw["type"] = "article-journal"  # "Generic" records with a journal and a volume are articles
    return clean_item(raw, raw["id"])


def _person(name: str) -> dict:
    """'Arndt, Channing' -> family and given; a name without a comma is a group ('IPCC')."""
    family, _, given = (part.strip() for part in name.partition(","))
    if given:
        return {"family": family, "given": given}
    return {"literal": family}  # "Regional Council for Student Wellbeing," ends with a comma: a group


def _text(element) -> str:
    """The text of an element with its <style> wrappers, as one line."""
    if element is None:
        return ""
    return " ".join("".join(element.itertext()).split())
