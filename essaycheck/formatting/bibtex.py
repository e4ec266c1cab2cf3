"""BibTeX in and out: enough of the format for reference managers' exports (no macros, no @string)."""

from __future__ import annotations

import re

from ..errors import InputError

_TYPES_IN = {"article": "article-journal", "book": "book", "incollection": "chapter", "inbook": "chapter",
             "inproceedings": "paper-conference", "conference": "paper-conference", "phdthesis": "thesis",
             "mastersthesis": "thesis", "techreport": "report", "online": "webpage", "misc": "document",
             "report": "report", "thesis": "thesis"}
_TYPES_OUT = {"article-journal": "article", "book": "book", "chapter": "incollection",
              "paper-conference": "inproceedings", "thesis": "phdthesis", "report": "techreport",
              "webpage": "online"}
_LATEX = {r"\&": "&", r"\%": "%", r"\_": "_", r"\$": "$", r"\#": "#", "--": "\u2013", "~": "\u00a0",
          r"\'e": "é", r"\'a": "á", r"\"o": "ö", r"\"u": "ü", r"\"a": "ä", r"\o": "ø", r"\O": "Ø", r"\l": "ł",
          r"\L": "Ł", r"\ss": "ß", r"\`e": "è", r"\c{c}": "ç", r"\~n": "ñ"}


def _unlatex(value: str) -> str:
    value = re.sub(r"\\textit\{([^{}]*)\}|\\emph\{([^{}]*)\}",
                   lambda m: f"<i>{m.group(1) or m.group(2)}</i>", value)
    for latex, char in _LATEX.items():
        value = value.replace("{" + latex + "}", char).replace(latex, char)
    value = re.sub(r"\{([^{}]*)\}", r'<span class="nocase">\1</span>', value)
    return " ".join(value.replace("{", "").replace("}", "").split())


def _names(value: str) -> list[dict]:
    names = []
    for part in re.split(r"\s+and\s+", value.strip()):
        part = part.strip()
        if part.startswith("{") and part.endswith("}"):
            names.append({"literal": _unlatex(part[1:-1])})
        elif "," in part:
            family, given = part.split(",", 1)
            names.append({"family": _unlatex(family), "given": _unlatex(given)})
        elif part:
            *given, family = part.split()
            names.append({"family": _unlatex(family), "given": _unlatex(" ".join(given))})
    return names


def _fields(body: str) -> dict[str, str]:
    fields: dict[str, str] = {}
    pos = 0
    pattern = re.compile(r"\s*,?\s*([A-Za-z][\w-]*)\s*=\s*")
    while True:
        match = pattern.match(body, pos)
        if not match:
            break
        name, pos = match.group(1).lower(), match.end()
        if pos < len(body) and body[pos] in "{\"":
            close = "}" if body[pos] == "{" else "\""
            depth, start = 0, pos + 1
            for end in range(pos, len(body)):
                ch = body[end]
                if ch == "{":
                    depth += 1
                elif ch == "}":
                    depth -= 1
                if (close == "}" and depth == 0 and ch == "}") or (close == "\"" and ch == "\"" and end > pos and depth == 0):
                    break
            else:
                raise InputError(f"BibTeX field {name!r} is not closed")
            fields[name] = body[start:end]
            pos = end + 1
        else:
            value = re.match(r"[^,}\s]*", body[pos:]).group(0)
            fields[name] = value
            pos += len(value)
    return fields


def parse_bibtex(text: str) -> list[dict]:
    """CSL-JSON items from BibTeX entries."""
    items = []
    for match in re.finditer(r"@(\w+)\s*\{\s*([^,\s]+)\s*,", text):
        kind = match.group(1).lower()
        if kind in ("comment", "string", "preamble"):
            continue
        depth, end = 1, match.end()
        while end < len(text) and depth:
            depth += {"{": 1, "}": -1}.get(text[end], 0)
            end += 1
        fields = _fields(text[match.end():end - 1])
        item: dict = {"id": match.group(2), "type": _TYPES_IN.get(kind, "document")}
        for role in ("author", "editor", "translator"):
            if role in fields:
                item[role] = _names(fields[role])
        year = re.search(r"\d{4}", fields.get("year", fields.get("date", "")))
        if year:
            item["issued"] = {"date-parts": [[int(year.group(0))]]}
        simple = {"title": "title", "journal": "container-title", "journaltitle": "container-title",
                  "booktitle": "container-title", "volume": "volume", "number": "issue", "pages": "page",
                  "publisher": "publisher", "doi": "DOI", "url": "URL", "edition": "edition",
                  "school": "publisher", "institution": "publisher", "address": "publisher-place"}
        for source, target in simple.items():
            if source in fields and target not in item:
                value = _unlatex(fields[source])
                item[target] = value.replace("\u2013", "-") if target == "page" else value
        if kind == "phdthesis":
            item["genre"] = "Doctoral dissertation"
        elif kind == "mastersthesis":
            item["genre"] = "Master's thesis"
        items.append(item)
    if not items and text.strip():
        raise InputError("no BibTeX entries found")
    return items


def _escape(value: str) -> str:
    return re.sub(r"([&%$#_])", r"\\\1", value)


def _bib_names(names: list[dict]) -> str:
    return " and ".join("{" + _escape(n["literal"]) + "}" if n.get("literal")
                        else f"{_escape(n.get('family', ''))}, {_escape(n.get('given', ''))}".rstrip(", ")
                        for n in names)


def to_bibtex(items: list[dict]) -> str:
    """BibTeX entries for CSL-JSON items (keys are the item ids)."""
    out = []
    for item in items:
        fields = []
        for role in ("author", "editor", "translator"):
            if item.get(role):
                fields.append((role, _bib_names(item[role])))
        year = ((item.get("issued") or {}).get("date-parts") or [[None]])[0][0]
        if year:
            fields.append(("year", str(year)))
        kind = _TYPES_OUT.get(item.get("type", ""), "misc")
        container = {"article": "journal", "incollection": "booktitle", "inproceedings": "booktitle"}.get(kind)
        mapping = [("title", "title"), ("container-title", container), ("volume", "volume"), ("issue", "number"),
                   ("page", "pages"), ("publisher", "school" if kind == "phdthesis" else "publisher"),
                   ("edition", "edition"), ("DOI", "doi"), ("URL", "url")]
        for source, target in mapping:
            if target and item.get(source):
                value = str(item[source])
                value = re.sub(r"\s*[-\u2013]+\s*", "--", value) if target == "pages" else _escape(value)
                fields.append((target, "{" + value + "}" if target == "title" else value))
        body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
        out.append(f"@{kind}{{{item.get('id', 'item')},\n{body}\n}}")
    return "\n\n".join(out) + "\n"
