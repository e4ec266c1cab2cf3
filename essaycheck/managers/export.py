"""The works reference managers stored in an essay, written out as CSL-JSON, BibTeX or RIS.

Pure functions from clean CSL-JSON items (:func:`essaycheck.managers.Managed.records`) to text,
so a student who lost a library can import it again, or give it to ``essaycheck format``:

>>> items = [{"id": "1", "type": "book", "title": "Mindset", "publisher": "Random House",
...           "author": [{"family": "Dweck", "given": "Carol S."}], "issued": {"date-parts": [[2006]]}}]
>>> print(to_bibtex(items))
@book{Dweck2006,
  author = {Dweck, Carol S.},
  title = {Mindset},
  year = {2006},
  publisher = {Random House}
}
<BLANKLINE>
"""

from __future__ import annotations

import html
import json
import re
from collections import Counter

from ..names import strip_accents
from .csljson import first_family, year_of

# Libraries: bibtexparser (2.x) writes the BibTeX entries, enclosing each value and writing month
# macros bare, and its parser is what the tests read our output back with; rispy writes RIS. The
# LaTeX escaping is ours (_LATEX_SPECIAL): the encoders at hand get braces wrong for BibTeX, which
# counts braces whether or not a backslash precedes them (pylatexenc writes "\{"; latexcodec, used
# by pybtex's writer, leaves "{", "}" and "$" alone). Letters beyond ASCII stay UTF-8, as Zotero's
# own BibTeX export leaves them: biber, Zotero, Mendeley, JabRef and `essaycheck format` read them.

__all__ = ["to_csl_json", "to_bibtex", "to_ris", "citation_keys", "EXPORTERS"]


def to_csl_json(items: list[dict]) -> str:
    """One JSON array of the items, indented, with non-ASCII letters as themselves (UTF-8)."""
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"


# --- rich text ------------------------------------------------------------------------------------
# CSL-JSON titles may hold the CSL rich-text tags: <i>, <b>, <sup>, <sub>, <sc>, <span class="nocase">
# and <span style="font-variant:small-caps;">, with HTML entities (&amp;). Nothing else is a tag
# ("x<y and z>w" stays text).

_TAG = re.compile(r"<(/?)(i|em|b|strong|sup|sub|sc|span)\b([^<>]*)>", re.IGNORECASE)
_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);")
# What BibTeX and LaTeX read as syntax. Braces are escaped as commands: "\{" would still count
# in BibTeX's brace matching and leave the entry unbalanced.
_LATEX_SPECIAL = str.maketrans({"\\": "\\textbackslash{}", "{": "\\textbraceleft{}", "}": "\\textbraceright{}",
                                "&": "\\&", "%": "\\%", "$": "\\$", "#": "\\#", "_": "\\_",
                                "~": "\\textasciitilde{}", "^": "\\textasciicircum{}",
                                "<": "\\textless{}", ">": "\\textgreater{}"})  # OT1 fonts print < > as ¡ ¿


def _unescape(text: str) -> str:
    return _ENTITY.sub(lambda m: html.unescape(m.group()), text)


def _plain(value: str) -> str:
    """A CSL rich-text value as plain text: tags dropped, entities decoded."""
    return " ".join(_unescape(_TAG.sub("", value or "")).split())


def _latex(text: str) -> str:
    """Plain text with LaTeX's special characters escaped."""
    return text.translate(_LATEX_SPECIAL)


_OPENINGS = {"i": "\\textit{", "em": "\\emph{", "b": "\\textbf{", "strong": "\\textbf{",
             "sup": "\\textsuperscript{", "sub": "\\textsubscript{", "sc": "\\textsc{",
             "nocase": "{", "smallcaps": "\\textsc{", "span": "{"}


def _latex_rich(value: str, protect_case: bool = False) -> str:
    """A CSL rich-text value as LaTeX; with ``protect_case`` each capitalised word is braced
    (except a plain capital starting the title), so BibTeX styles keep the case as stored."""
    out: list[str] = []
    open_tags: list[tuple[str, str]] = []  # (tag, what it opened: "i", "nocase", "smallcaps", …)
    words_seen = False
    position = 0

    def add_text(text: str) -> None:
        nonlocal words_seen
        protected = any(kind == "nocase" for _, kind in open_tags)
        for piece in re.split(r"(\s+)", _unescape(text)):
            if piece.isspace():
                out.append(" ")
            elif piece:
                capitals = [i for i, ch in enumerate(piece) if ch.isupper()]
                braced = protect_case and not protected and capitals and (words_seen or capitals != [0])
                out.append("{" + _latex(piece) + "}" if braced else _latex(piece))
                words_seen = True

    for match in _TAG.finditer(value):
        add_text(value[position:match.start()])
        position = match.end()
        closing, tag, attributes = match.group(1), match.group(2).lower(), match.group(3)
        kind = tag
        if tag == "span":
            kind = "nocase" if "nocase" in attributes else "smallcaps" if "small-caps" in attributes else "span"
        if not closing and kind in _OPENINGS:
            open_tags.append((tag, kind))
            out.append(_OPENINGS[kind])
        elif closing and any(open_tag == tag for open_tag, _ in open_tags):
            while open_tags:  # close what was left open inside it too
                out.append("}")
                if open_tags.pop()[0] == tag:
                    break
    add_text(value[position:])
    out.append("}" * len(open_tags))
    return " ".join("".join(out).split())


# --- shared pieces --------------------------------------------------------------------------------


def _date_parts(item: dict, key: str = "issued") -> list[int]:
    parts = (item.get(key) or {}).get("date-parts") or [[]]
    return [p for p in parts[0][:3] if isinstance(p, int)] if parts and isinstance(parts[0], list) else []


def _iso_date(parts: list[int]) -> str:
    return "-".join([str(parts[0])] + [f"{n:02d}" for n in parts[1:]])


def _page_range(page: str) -> tuple[str, str]:
    """'48-51' / '48–51' -> ('48', '51'); 'e1234' -> ('e1234', '')."""
    match = re.fullmatch(r"\s*(\w+)\s*[-\u2010-\u2015\u2212]+\s*(\w+)\s*", page)
    return (match.group(1), match.group(2)) if match else (page.strip(), "")


def _is_masters(genre: str) -> bool:
    return bool(re.search(r"master|\bm\.?\s?(a|s|sc|phil|res)\b\.?|\bmsc\b", genre, re.IGNORECASE))


# --- BibTeX ---------------------------------------------------------------------------------------

_BIBTEX_TYPES = {"article-journal": "article", "article-magazine": "article", "article-newspaper": "article",
                 "article": "article", "review": "article", "book": "book", "chapter": "incollection",
                 "entry-encyclopedia": "incollection", "entry-dictionary": "incollection",
                 "paper-conference": "inproceedings", "report": "techreport", "thesis": "phdthesis",
                 "webpage": "online", "post-weblog": "online", "post": "online"}
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def bibtex_type(item: dict) -> str:
    """The BibTeX entry type for a CSL item (a thesis is a master's thesis when its genre says so)."""
    kind = _BIBTEX_TYPES.get(item.get("type", ""), "misc")
    if kind == "phdthesis" and _is_masters(item.get("genre", "")):
        return "mastersthesis"
    return kind


def citation_keys(items: list[dict]) -> list[str]:
    """One BibTeX key per item, in order: the first author's family name and the year, in ASCII
    letters and digits ('Muller2020'; a group by its initials, 'WHO2020'; 'nd' for no year),
    with a, b, … after every key that would otherwise repeat."""
    bases = [_key_base(item) for item in items]
    repeated = Counter(bases)
    used: set[str] = set()
    counters: Counter = Counter()
    keys = []
    for base in bases:
        key = base
        while key in used or (repeated[base] > 1 and key == base):
            key = base + _letters(counters[base])
            counters[base] += 1
        used.add(key)
        keys.append(key)
    return keys


def _ascii(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9]", "", strip_accents(_plain(text)))


def _key_base(item: dict) -> str:
    people = item.get("author") or item.get("editor") or []
    words = strip_accents(_plain(people[0].get("literal", ""))).replace("-", " ").split() if people else []
    initials = "".join(word[0] for word in words if "A" <= word[0] <= "Z")
    if len(words) > 1 and len(initials) > 1:  # "World Health Organization" -> WHO
        name = initials
    else:  # a family name; failing one in Latin letters, the first title word that has some
        name = _ascii(first_family(item))[:30] or next(
            (w for w in (_ascii(word)[:30] for word in _plain(item.get("title", "")).split()) if w), "anon")
    return f"{name}{year_of(item) or 'nd'}"


def _letters(number: int) -> str:
    """0 -> 'a', 25 -> 'z', 26 -> 'aa'."""
    letters = ""
    number += 1
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("a") + rest) + letters
    return letters


def _bibtex_name(person: dict) -> str:
    """'von Family, Jr., Given' (BibTeX's order), or a group's name in braces."""
    if person.get("literal"):
        return "{" + _latex(person["literal"]) + "}"

    def part(text: str) -> str:
        escaped = _latex(text)
        # a comma or a free-standing "and" would split the name list: keep them inside braces
        return "{" + escaped + "}" if "," in text or re.search(r"\sand\s", f" {text} ", re.IGNORECASE) else escaped

    family = " ".join(part(p) for p in (person.get("dropping-particle", ""), person.get("non-dropping-particle", ""),
                                       person.get("family", "")) if p)
    pieces = [family] + ([part(person["suffix"])] if person.get("suffix") else [])
    if person.get("given"):
        pieces.append(part(person["given"]))
    return ", ".join(pieces) if len(pieces) > 1 else family


def _bibtex_fields(item: dict, kind: str) -> list[tuple[str, str]]:
    """(field, LaTeX value) pairs for one entry of type ``kind``, in the order they are written."""
    fields: list[tuple[str, str]] = []

    def add(name: str, value, rich: bool = False) -> None:
        if value:
            fields.append((name, _latex_rich(str(value), protect_case=name == "title") if rich else _latex(str(value))))

    for role in ("author", "editor", "translator"):
        if item.get(role):
            fields.append((role, " and ".join(_bibtex_name(p) for p in item[role])))
    add("title", item.get("title"), rich=True)
    container = item.get("container-title")
    if kind == "article":
        add("journal", container, rich=True)
    elif kind in ("incollection", "inproceedings"):
        add("booktitle", container or item.get("event"), rich=True)
    elif kind == "online":
        add("organization", container or item.get("publisher"), rich=True)
    else:
        add("howpublished", container, rich=True)
    add("series", item.get("collection-title"), rich=True)
    date = _date_parts(item)
    if date:
        fields.append(("year", str(date[0])))
        if len(date) > 1 and 1 <= date[1] <= 12:
            fields.append(("month", _MONTHS[date[1] - 1]))
        if len(date) > 2:  # biblatex reads the whole date; BibTeX ignores the field
            fields.append(("date", _iso_date(date)))
    add("volume", item.get("volume"))
    add("number", item.get("issue") or (item.get("number") if kind in ("techreport", "misc") else ""))
    if item.get("page"):
        fields.append(("pages", re.sub(r"(?<=\w)\s*[-\u2010-\u2015\u2212]+\s*(?=\w)", "--", _latex(item["page"]))))
    add("edition", item.get("edition"))
    if kind != "online" or container:
        publisher_field = {"phdthesis": "school", "mastersthesis": "school", "techreport": "institution"}
        add(publisher_field.get(kind, "publisher"), item.get("publisher"))
    add("address", item.get("publisher-place") or (item.get("event-place") if kind == "inproceedings" else ""))
    if kind in ("phdthesis", "mastersthesis", "techreport"):
        add("type", item.get("genre"))
    add("isbn", item.get("ISBN"))
    add("issn", item.get("ISSN"))
    for name, key in (("doi", "DOI"), ("url", "URL")):  # verbatim fields: no escaping, only no braces
        if item.get(key):
            fields.append((name, item[key].replace("{", "%7B").replace("}", "%7D").replace(" ", "%20")))
    accessed = _date_parts(item, "accessed")
    if accessed and item.get("URL"):
        fields.append(("urldate", _iso_date(accessed)))
    add("language", item.get("language"))
    add("abstract", item.get("abstract"), rich=True)
    return fields


def to_bibtex(items: list[dict]) -> str:
    """BibTeX entries for the items, keyed by :func:`citation_keys`."""
    import bibtexparser
    from bibtexparser.library import Library
    from bibtexparser.model import Entry, Field
    from bibtexparser.writer import BibtexFormat

    library = Library()
    for item, key in zip(items, citation_keys(items)):
        kind = bibtex_type(item)
        fields = [Field(name, value, enclosing="no-enclosing" if name == "month" else "{")
                  for name, value in _bibtex_fields(item, kind)]
        library.add(Entry(kind, key, fields))
    layout = BibtexFormat()
    layout.indent = "  "
    layout.block_separator = "\n"  # after the newline closing each entry: one blank line between entries
    return bibtexparser.write_string(library, bibtex_format=layout).rstrip("\n") + "\n" if items else ""


# --- RIS ------------------------------------------------------------------------------------------

_RIS_TYPES = {"article-journal": "JOUR", "article-magazine": "MGZN", "article-newspaper": "NEWS", "article": "GEN",
              "review": "JOUR", "book": "BOOK", "chapter": "CHAP", "entry-encyclopedia": "ENCYC",
              "entry-dictionary": "DICT", "paper-conference": "CPAPER", "report": "RPRT", "thesis": "THES",
              "webpage": "ELEC", "post-weblog": "BLOG", "post": "ELEC", "dataset": "DATA", "software": "COMP",
              "motion_picture": "MPCT", "broadcast": "MPCT", "song": "SOUND", "manuscript": "MANSCPT",
              "map": "MAP", "patent": "PAT", "legal_case": "CASE", "legislation": "STAT", "bill": "BILL",
              "graphic": "ART", "personal_communication": "PCOMM", "speech": "SLIDE"}
_PERIODICALS = ("JOUR", "MGZN", "NEWS")


def ris_type(item: dict) -> str:
    return _RIS_TYPES.get(item.get("type", ""), "GEN")


def _ris_name(person: dict) -> str:
    """'Family, Given' or 'Family, Given, Suffix' (the RIS form), or a group's name as it is."""
    if person.get("literal"):
        return _plain(person["literal"])
    family = " ".join(p for p in (person.get("dropping-particle"), person.get("non-dropping-particle"),
                                  person.get("family")) if p)
    return ", ".join(p for p in (family, person.get("given"), person.get("suffix")) if p)


def _ris_date(parts: list[int]) -> str:
    """RIS dates are YYYY/MM/DD."""
    return "/".join([str(parts[0])] + [f"{n:02d}" for n in parts[1:]])


def _ris_record(item: dict) -> dict:
    """rispy's field names, in the order the lines are written."""
    kind = ris_type(item)
    record: dict = {"type_of_reference": kind}

    def put(key: str, value) -> None:
        if value and key not in record:
            record[key] = _plain(str(value))

    # Editors and series as Zotero's RIS export writes them, so Zotero reads them back the same:
    # a book's editors in A3 and its series in T2; otherwise editors in A2 and a series in T3.
    roles = {"author": "authors", "editor": "tertiary_authors" if kind == "BOOK" else "secondary_authors",
             "translator": "subsidiary_authors"}
    for role, key in roles.items():
        if item.get(role):
            record[key] = [_ris_name(p) for p in item[role]]
    put("title", item.get("title"))
    put("secondary_title", item.get("container-title") or (item.get("event") if kind == "CPAPER" else ""))
    put("tertiary_title" if kind != "BOOK" else "secondary_title", item.get("collection-title"))
    put("alternate_title1", item.get("container-title-short"))
    date = _date_parts(item)
    if date:
        record["year"] = str(date[0])
        if len(date) > 1:
            record["date"] = _ris_date(date)
    put("volume", item.get("volume"))
    put("number", item.get("issue"))
    if item.get("page"):
        first, last = _page_range(item["page"])
        put("start_page", first)
        put("end_page", last)
    put("edition", item.get("edition"))
    put("publisher", item.get("publisher"))
    put("place_published", item.get("publisher-place") or item.get("event-place"))
    if kind == "RPRT" and item.get("number"):
        put("issn", item["number"])  # a report's number goes in SN, as Zotero writes it
    else:
        put("issn", item.get("ISSN") if kind in _PERIODICALS else item.get("ISBN") or item.get("ISSN"))
    put("type_of_work", item.get("genre"))
    put("doi", item.get("DOI"))
    if item.get("URL"):
        record["urls"] = [item["URL"]]
    accessed = _date_parts(item, "accessed")
    if accessed:
        record["access_date"] = _ris_date(accessed)
    put("language", item.get("language"))
    put("abstract", item.get("abstract"))
    return record


def to_ris(items: list[dict]) -> str:
    """RIS records for the items (TY first, ER last, a blank line between records)."""
    import rispy

    class Writer(rispy.RisWriter):
        def set_header(self, count: int) -> str:
            return ""  # rispy numbers records ("1."); importers expect TY to come first

    return rispy.dumps([_ris_record(item) for item in items], implementation=Writer) if items else ""


EXPORTERS = {"csl-json": to_csl_json, "bibtex": to_bibtex, "ris": to_ris}
