"""Word's own citations: ``CITATION Tag \\l 1033`` fields and the sources in the document's custom
XML part (``<b:Sources>``), read into CSL-JSON."""

from __future__ import annotations

import re

from ..errors import InputError
from .csljson import clean_item

B = "{http://schemas.openxmlformats.org/officeDocument/2006/bibliography}"
# Word source types -> CSL types
_TYPES = {
    "JournalArticle": "article-journal", "ArticleInAPeriodical": "article-magazine", "Book": "book",
    "BookSection": "chapter", "ConferenceProceedings": "paper-conference", "Report": "report",
    "InternetSite": "webpage", "DocumentFromInternetSite": "webpage", "ElectronicSource": "document",
    "Film": "motion_picture", "SoundRecording": "song", "Performance": "performance", "Art": "graphic",
    "Interview": "interview", "Patent": "patent", "Case": "legal_case", "Misc": "document",
}
_SWITCH = re.compile(r"\\([a-z])\s*(\"[^\"]*\"|\S+)?", re.IGNORECASE)


def read_sources(parts: tuple[bytes, ...]) -> dict[str, dict]:
    """Tag -> CSL item, for every b:Source of the document's custom XML parts."""
    from ..read.xml import parse_xml

    sources: dict[str, dict] = {}
    for data in parts:
        try:
            root = parse_xml(data, "Word sources", "the custom XML part")
        except InputError:
            continue
        for source in root.iter(f"{B}Source"):
            tag = _text(source, "Tag")
            item = to_csl(source, tag)
            if tag and item is not None:
                sources.setdefault(tag, item)
    return sources


def citation_tags(instruction: str) -> list[tuple[str, str]]:
    """``(tag, page)`` of each source a ``CITATION`` field cites: its tag, and each ``\\m`` tag."""
    body = instruction.strip()[len("CITATION"):].strip()
    first = body.split(None, 1)[0] if body else ""
    found = [[first.strip('"'), ""]] if first and not first.startswith("\\") else []
    for switch, value in _SWITCH.findall(body):
        value = (value or "").strip('"')
        if switch.lower() == "m" and value:
            found.append([value, ""])
        elif switch.lower() == "p" and found:
            found[-1][1] = value
    return [(tag, page) for tag, page in found]


def to_csl(source, tag: str) -> dict | None:
    """One b:Source as a CSL-JSON item."""
    kind = _text(source, "SourceType")
    raw: dict = {"id": tag, "type": _TYPES.get(kind, "document"), "title": _text(source, "Title")}
    raw["container-title"] = (_text(source, "JournalName") or _text(source, "PeriodicalTitle")
                              or _text(source, "BookTitle") or _text(source, "ConferenceName")
                              or _text(source, "InternetSiteTitle") or _text(source, "ProductionCompany"))
    raw["author"] = _people(source, "Author")
    raw["editor"] = _people(source, "Editor")
    year = _text(source, "Year")
    month, day = _month(_text(source, "Month")), _text(source, "Day")
    if year.isdigit():
        parts = [int(year)] + ([month] if month else []) + ([int(day)] if month and day.isdigit() else [])
        raw["issued"] = {"date-parts": [parts]}
    accessed = _text(source, "YearAccessed")
    if accessed.isdigit():
        month = _month(_text(source, "MonthAccessed"))
        raw["accessed"] = {"date-parts": [[int(accessed)] + ([month] if month else [])]}
    for key, name in (("volume", "Volume"), ("issue", "Issue"), ("page", "Pages"), ("publisher", "Publisher"),
                      ("publisher-place", "City"), ("URL", "URL"), ("DOI", "DOI"), ("edition", "Edition")):
        raw[key] = _text(source, name)
    return clean_item(raw, tag)


def _people(source, role: str) -> list[dict]:
    """The b:Person (b:Last, b:First, b:Middle) or b:Corporate names of ``role`` (Author, Editor)."""
    holder = source.find(f"{B}Author/{B}{role}")
    if holder is None:
        return []
    corporate = holder.find(f"{B}Corporate")
    if corporate is not None and (corporate.text or "").strip():
        return [{"literal": " ".join(corporate.text.split())}]
    people = []
    for person in holder.iter(f"{B}Person"):
        family = _text(person, "Last")
        given = " ".join(filter(None, [_text(person, "First"), _text(person, "Middle")]))
        if family:
            people.append({"family": family, "given": given})
    return people


_MONTHS = {name: number for number, name in enumerate(
    ("january february march april may june july august september october november december").split(), 1)}


def _month(value: str) -> int:
    """'3', 'March', 'Mar' -> 3; 0 when there is none."""
    value = value.strip().lower()
    if value.isdigit():
        return int(value) if 1 <= int(value) <= 12 else 0
    return next((number for name, number in _MONTHS.items() if len(value) >= 3 and name.startswith(value[:3])), 0)


def _text(element, name: str) -> str:
    found = element.find(f"{B}{name}")
    return " ".join((found.text or "").split()) if found is not None else ""
