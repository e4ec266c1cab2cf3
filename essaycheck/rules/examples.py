"""Building blocks for the small example essays that document and test each rule."""

from __future__ import annotations

import json
import re

from ..model import Document, FieldCode, Paragraph

RAJ = ("Raj, M., Fast, N. J., & Fisher, O. (2017). Identity and professional networking. "
       "Personality and Social Psychology Bulletin, 43(6), 772–784. https://doi.org/10.1177/0146167217697299")
BRAUN = ("Braun, V., & Clarke, V. (2006). Using thematic analysis in psychology. "
         "Qualitative Research in Psychology, 3(2), 77–101. https://doi.org/10.1191/1478088706qp063oa")
GRANOVETTER = ("Granovetter, M. S. (1973). The strength of weak ties. American Journal of Sociology, "
               "78(6), 1360–1380. https://doi.org/10.1086/225469")
WENGER = "Wenger, E. (1998). Communities of practice: Learning, meaning, and identity. Cambridge University Press."
PAGE = ("Page Group. (2022). Top 12 benefits of networking: Why networking is important. "
        "https://www.michaelpage.com.au/advice/career-advice/career-progression/top-12-benefits-networking-why-networking-important")


def essay(body: str, *entries: str) -> str:
    """A plain-text essay: a title, one body paragraph, a References heading and the entries."""
    listing = "\n".join(entries)
    return f"Professional networking\n{body}\nReferences\n{listing}\n" if entries else f"Professional networking\n{body}\n"


def markdown_essay(body: str, *entries: str) -> str:
    """The same as :func:`essay` in Markdown, where *stars* mark italics."""
    listing = "\n\n".join(entries)
    return f"# Professional networking\n\n{body}\n\n## References\n\n{listing}\n"


# --- essays written with a reference manager --------------------------------------------------
# In a "managed" example, ⟦Zotero RAJ⟧(Raj et al., 2017)⟦/⟧ is a citation Zotero inserted for the
# record RAJ (several: RAJ+BRAUN; what Zotero itself wrote, when the text was typed over:
# ⟦Zotero RAJ "(Raj et al., 2017)"⟧(Raj, 2016)⟦/⟧), and ⟦Zotero bibliography⟧ … ⟦/⟧ a bibliography
# it made, which may run over several lines; ⟦Zotero bookmarks⟧ stands for citations Zotero stored as
# bookmarks. :func:`managed_document` reads such an example.

RECORDS = {
    "RAJ": {"id": "raj2017", "type": "article-journal", "title": "Identity and professional networking",
            "author": [{"family": "Raj", "given": "M."}, {"family": "Fast", "given": "N. J."},
                       {"family": "Fisher", "given": "O."}],
            "issued": {"date-parts": [[2017]]}, "container-title": "Personality and Social Psychology Bulletin",
            "volume": "43", "issue": "6", "page": "772–784", "DOI": "10.1177/0146167217697299"},
    "BRAUN": {"id": "braun2006", "type": "article-journal", "title": "Using thematic analysis in psychology",
              "author": [{"family": "Braun", "given": "V."}, {"family": "Clarke", "given": "V."}],
              "issued": {"date-parts": [[2006]]}, "container-title": "Qualitative Research in Psychology",
              "volume": "3", "issue": "2", "page": "77–101", "DOI": "10.1191/1478088706qp063oa"},
    "WENGER": {"id": "wenger1998", "type": "book", "title": "Communities of practice: Learning, meaning, and identity",
               "author": [{"family": "Wenger", "given": "E."}], "issued": {"date-parts": [[1998]]},
               "publisher": "Cambridge University Press"},
    "WENGER_NO_PUBLISHER": {"id": "wenger1998b", "type": "book",
                            "title": "Communities of practice: Learning, meaning, and identity",
                            "author": [{"family": "Wenger", "given": "E."}], "issued": {"date-parts": [[1998]]}},
}
_BOOKMARKS = "⟦Zotero bookmarks⟧"
_MARK = re.compile(r"⟦(?P<manager>\w+) (?P<what>[A-Z_+]+|bibliography)(?: \"(?P<written>[^\"]*)\")?⟧|⟦/⟧")


def managed_essay(body: str, *entries: str, bibliography: bool = True) -> str:
    """An essay whose entries Zotero made (in a bibliography field, unless ``bibliography`` is False)."""
    listing = "\n".join(entries)
    if bibliography and entries:
        listing = f"⟦Zotero bibliography⟧{listing}⟦/⟧"
    return f"Professional networking\n{body}\nReferences\n{listing}\n"


def managed_document(text: str) -> Document:
    """A Word-like document from an example with ⟦…⟧ marks: the text without them, and a field code
    (as Zotero writes it) for each marked citation and bibliography."""
    paragraphs, fields, open_marks = [], [], []
    bookmarks = text.count(_BOOKMARKS)
    for line in text.replace(_BOOKMARKS, "").strip("\n").split("\n"):
        index, plain, position = len(paragraphs), [], 0
        for match in _MARK.finditer(line):
            plain.append(line[position:match.start()])
            position = match.end()
            at = sum(len(piece) for piece in plain)
            if match.group() == "⟦/⟧":
                manager, what, written, start = open_marks.pop()
                fields.append(_field(manager, what, written, start, (index, at)))
            else:
                open_marks.append((match["manager"], match["what"], match["written"], (index, at)))
        plain.append(line[position:])
        paragraphs.append(Paragraph(index=index, text="".join(plain)))
    sources = (_word_sources(),) if any(f.instruction.startswith("CITATION") for f in fields) else ()
    return Document("<example>", "docx", tuple(paragraphs), fields=tuple(fields), sources=sources,
                    manager_bookmarks=bookmarks)


_WORD_TYPES = {"article-journal": "JournalArticle", "book": "Book"}


def _word_sources() -> bytes:
    """Every record of RECORDS as Word's own source list (b:Sources), tagged by its key."""
    from xml.sax.saxutils import escape

    sources = []
    for key, record in RECORDS.items():
        people = "".join(f"<b:Person><b:Last>{escape(p['family'])}</b:Last><b:First>{escape(p['given'])}</b:First>"
                         f"</b:Person>" for p in record.get("author", []))
        fields = {"Title": record.get("title"), "Year": record["issued"]["date-parts"][0][0],
                  "JournalName": record.get("container-title"), "Volume": record.get("volume"),
                  "Issue": record.get("issue"), "Pages": record.get("page"), "Publisher": record.get("publisher")}
        body = "".join(f"<b:{name}>{escape(str(value))}</b:{name}>" for name, value in fields.items() if value)
        sources.append(f"<b:Source><b:Tag>{key}</b:Tag><b:SourceType>{_WORD_TYPES[record['type']]}</b:SourceType>"
                       f"<b:Author><b:Author><b:NameList>{people}</b:NameList></b:Author></b:Author>{body}</b:Source>")
    return ('<?xml version="1.0" encoding="UTF-8"?><b:Sources xmlns:b="http://schemas.openxmlformats.org/'
            'officeDocument/2006/bibliography" SelectedStyle="">' + "".join(sources) + "</b:Sources>").encode()


def _field(manager: str, what: str, written: str | None, start: tuple[int, int], end: tuple[int, int]) -> FieldCode:
    if manager == "Word":  # CITATION fields name their sources by tag; the sources are in b:Sources
        instruction = "BIBLIOGRAPHY" if what == "bibliography" else "CITATION " + " \\m ".join(
            what.split("+")) + " \\l 1033"
        return FieldCode(instruction, start[0], start[1], end[0], end[1])
    if what == "bibliography":
        instruction = 'ADDIN ZOTERO_BIBL {"uncited":[],"omitted":[],"custom":[]} CSL_BIBLIOGRAPHY'
    else:
        items = [{"id": n, "itemData": RECORDS[key]} for n, key in enumerate(what.split("+"), 1)]
        properties = {"plainCitation": written or "", "noteIndex": 0}
        instruction = "ADDIN ZOTERO_ITEM CSL_CITATION " + json.dumps({"citationItems": items, "properties": properties})
    return FieldCode(instruction, start[0], start[1], end[0], end[1])


# --- layout: an essay whose paragraphs carry Word formats, written ⟪left=0.5 first=-0.5 line=2⟫ -----------

_FORMAT_MARK = re.compile(r"^⟪(?P<spec>[^⟫]*)⟫")


def layout_document(text: str) -> Document:
    """A Word-like document from a layout example: each paragraph with its ParagraphFormat, and a
    first line ``⟪section top=1 right=1 bottom=1 left=1 page=right⟫`` for the page (margins of
    1 in and a page number at the top right when there is none)."""
    from ..model import ParagraphFormat, SectionFormat

    paragraphs, formats = [], []
    section = SectionFormat(1.0, 1.0, 1.0, 1.0, "right")
    for line in text.strip("\n").split("\n"):
        spec = _FORMAT_MARK.match(line)
        if spec and spec["spec"].startswith("section"):
            fields = dict(item.partition("=")[::2] for item in spec["spec"].split()[1:])
            section = SectionFormat(*(float(fields.get(side, 1.0)) for side in ("top", "right", "bottom", "left")),
                                    fields.get("page", "right").replace("none", ""))
            continue
        values: dict = {"first_line": 0.5, "line_spacing": 2.0, "font": "Times New Roman", "size": 12.0}
        heading, style, italic = line == "References", "", False
        if heading:
            values.update(first_line=0.0, alignment="center", bold=True, page_break_before=True)
        if spec:
            line = line[spec.end():]
            for item in spec["spec"].split():
                key, _, value = item.partition("=")
                if key in _FLAGS:
                    values[_FLAGS[key]] = value != "no"
                elif key == "blank":
                    values["blank_before"] = int(value)
                elif key in ("font", "align"):
                    values["font" if key == "font" else "alignment"] = value.replace("_", " ")
                elif key == "style":
                    style, heading = value.replace("_", " "), True
                    values["first_line"] = 0.0
                elif key == "italic":
                    italic = True
                else:
                    values[_NUMBERS[key]] = float(value)
        index = len(paragraphs)
        paragraphs.append(Paragraph(index=index, text=line, style=style, is_heading=heading or values.get("bold", False),
                                    italic=((0, len(line)),) if italic else ()))
        formats.append(ParagraphFormat(**values))
    return Document("example.docx", "docx", tuple(paragraphs), formats=tuple(formats), sections=(section,),
                    pages_recorded=True)


_FLAGS = {"numbered": "numbered", "contextual": "contextual_spacing", "bold": "bold", "break": "page_break_before"}
_NUMBERS = {"left": "left", "first": "first_line", "line": "line_spacing", "after": "space_after",
            "before": "space_before", "size": "size"}
