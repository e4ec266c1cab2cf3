"""Rich Text (.rtf): paragraphs, tables, text boxes and notes, with italics, headings and links.

striprtf turns a table row into one line of "a|b|", drops footnotes and hyperlinks, ends a
paragraph at every line break and loses italics, so this is a small reader of its own: a
tokenizer and a stack of group states, as the RTF specification describes. \\par ends a
paragraph, \\line and \\tab are a space, \\cell ends a table cell (part "table"); \\'hh bytes are
decoded in the code page of the document (\\ansicpg) or of the font's charset, \\uN characters
(with their \\ucN fallbacks skipped, surrogate pairs joined) as Unicode. Italic and bold come
from \\i and \\b (reset by \\plain, kept per group); hidden (\\v) and deleted (\\deleted) text is
not read; a field shows its result, and a HYPERLINK field's result is a link. Footnotes and
endnotes (\\footnote, \\ftnalt) follow the body, their mark (\\chftn) left out; a text box's
paragraphs (\\shptxt) follow the paragraph that holds it. Headings: \\outlinelevel, a style
named "Heading N" or "Title" in the stylesheet, or a short paragraph all in bold, as in a .docx.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, replace

from ..errors import InputError
from ..model import Paragraph
from .lines import Line
from .paragraphs import TextBudget, trimmed_paragraph

_TOKEN = re.compile(
    rb"\\([a-zA-Z]{1,32})(-?\d{1,10})? ?|\\'([0-9a-fA-F]{2})|\\([^a-zA-Z'])|([{}])|[\r\n]+|([^\\{}\r\n]+)")
# Groups whose text is never the essay's: tables of fonts, colours and styles, document
# information, pictures, objects, headers and footers, list numbering, field instructions (kept
# aside), bookmarks, comments, revision tables, themes.
_SKIPPED = frozenset({
    "fonttbl", "colortbl", "stylesheet", "info", "pict", "object", "header", "headerl", "headerr", "headerf",
    "footer", "footerl", "footerr", "footerf", "listtable", "listoverridetable", "rsidtbl", "generator",
    "themedata", "colorschememapping", "datastore", "latentstyles", "xmlnstbl", "pgdsctbl", "mmathPr",
    "listtext", "pntext", "pntxta", "pntxtb", "bkmkstart", "bkmkend", "annotation", "atnid", "atnauthor",
    "atndate", "atnref", "atrfstart", "atrfend", "revtbl", "shprslt", "nonshppict", "sp", "sn", "sv",
    "ftnsep", "ftnsepc", "aftnsep", "aftnsepc", "ftncn", "aftncn", "filetbl", "file", "docvar", "template",
    "userprops", "xe", "tc", "txe", "rxe", "falt", "panose", "fontemb", "fontfile", "upr", "blipuid",
    "protusertbl", "wgrffmtfilter", "ffdeftext", "ffname", "ffformat", "ffhelptext", "ffstattext", "ffentrymcr",
    "ffexitmcr", "datafield", "objdata", "objclass", "objname", "password", "passwordhash", "pn", "leveltext",
    "levelnumbers", "listname", "mailmerge", "background", "oldcprops", "oldpprops", "oldtprops", "oldsprops",
    "fldtype", "gridtbl", "factoidname", "htmltag", "mhtmltag", "comment", "title", "subject", "author",
    "operator", "keywords", "category", "company", "manager", "doccomm", "hlinkbase", "keycode",
})
_SPECIAL = {"emdash": "\u2014", "endash": "\u2013", "lquote": "\u2018", "rquote": "\u2019",
            "ldblquote": "\u201c", "rdblquote": "\u201d", "bullet": "\u2022", "emspace": " ", "enspace": " ",
            "qmspace": " ", "line": " ", "tab": " ", "zwj": "", "zwnj": "", "ltrmark": "", "rtlmark": "",
            "page": " ", "column": " "}
_SYMBOLS = {"~": "\u00a0", "_": "\u2011", "-": "", "\\": "\\", "{": "{", "}": "}", "\n": "", "\r": ""}
# \fcharsetN -> code page, for fonts in another script than the document's.
_CHARSETS = {77: "mac_roman", 128: "cp932", 129: "cp949", 134: "cp936", 136: "cp950", 161: "cp1253",
             162: "cp1254", 163: "cp1258", 177: "cp1255", 178: "cp1256", 186: "cp1257", 204: "cp1251",
             222: "cp874", 238: "cp1250", 254: "cp437", 255: "cp850"}
_HYPERLINK = re.compile(r'\s*HYPERLINK\s+"([^"]+)"', re.IGNORECASE)
_HEADING_NAME = re.compile(r"(heading [1-9]|title)", re.IGNORECASE)
_BOLD_HEADING_WORDS = 12  # a whole-bold paragraph this short, on its own, is a heading (as in .docx)
_MAX_BINARY = 50_000_000


@dataclass(frozen=True)
class _State:
    """What a group sets: character formatting, where its text goes, the \\uc skip count."""

    italic: bool = False
    bold: bool = False
    hidden: bool = False
    deleted: bool = False
    font: int = -1
    uc: int = 1
    destination: str = "text"  # text | skip | fldinst | fonttbl | stylesheet | note | textbox
    fresh: bool = True  # no control word read yet in this group (a destination word must come first)
    ignorable: bool = False  # the group started with \*: skip it unless its destination is known


class _Target:
    """One flow of paragraphs: the body, a note, a text box."""

    def __init__(self, part: str, outer_props: dict | None = None) -> None:
        self.part = part
        self.outer_props = dict(outer_props or {})  # the paragraph properties in force around it
        self.line = Line()
        self.paragraphs: list[tuple[Line, str, dict]] = []  # (line, part, paragraph properties)


def rtf_paragraphs(data: bytes, path: str) -> tuple[Paragraph, ...]:
    """The paragraphs of the RTF in ``data``: body (with tables and text boxes), then footnotes, then endnotes."""
    if not data.lstrip()[:5] == b"{\\rtf":
        raise InputError(f"{path} is not a Rich Text (.rtf) file (it does not start with {{\\rtf). Check that you "
                         "picked the right file.")
    return _Reader(path).read(data)


class _Reader:
    def __init__(self, path: str) -> None:
        self.budget = TextBudget(path)
        self.out: list[Paragraph] = []
        self.codepage = "cp1252"
        self.fonts: dict[int, str] = {}
        self.styles: dict[int, str] = {}
        self.body = _Target("body")
        self.notes: list[_Target] = []
        self.targets = [self.body]
        self.boxes: list[_Target] = []  # text boxes met in the paragraph being read
        self.paragraph_props: dict = {}
        self.bytes = bytearray()  # \'hh bytes waiting to be decoded together (double-byte code pages)
        self.high_surrogate = ""
        self.fields: list[dict] = []  # open fields: instruction, where their result starts
        self.table_entry: list = [None, []]  # [number, name pieces] of the style or font being read

    def read(self, data: bytes) -> tuple[Paragraph, ...]:
        stack: list[_State] = []
        state = _State()
        skip = 0  # characters still to skip after a \uN
        position = 0
        while (match := _TOKEN.search(data, position)) is not None:
            position = match.end()
            word, parameter, hexbyte, symbol, brace, text = match.groups()
            if hexbyte is not None:
                if skip:
                    skip -= 1
                elif self._reading(state):
                    self.bytes.append(int(hexbyte, 16))
                continue
            self._decode_bytes(state)
            if brace == b"{":
                stack.append(state)
                state = replace(state, fresh=True, ignorable=False)
                skip = 0
                self._open_group(state)
            elif brace == b"}":
                self._close_group(state, stack[-1] if stack else None, len(stack))
                state = stack.pop() if stack else state
                skip = 0
            elif word is not None:
                name = word.decode("ascii")
                value = int(parameter) if parameter is not None else None
                if name == "bin" and value:  # raw bytes follow: never read them as text
                    position += min(value, _MAX_BINARY)
                    continue
                if skip:
                    skip -= 1
                    continue
                state, skip = self._control(name, value, state, len(stack))
            elif symbol is not None:
                character = symbol.decode("latin-1")
                if character == "*":
                    state = replace(state, ignorable=True)
                elif skip:
                    skip -= 1
                elif character in "\r\n":  # a backslash before a line end is a \par
                    state, skip = self._control("par", None, state, len(stack))
                elif character in _SYMBOLS and self._reading(state):
                    self._text(_SYMBOLS[character], state)
            elif text is not None:
                chunk = text
                if skip:
                    dropped = min(skip, len(chunk))
                    chunk, skip = chunk[dropped:], skip - dropped
                if chunk and self._reading(state):
                    self.bytes.extend(chunk)
                    self._decode_bytes(state)
                state = replace(state, fresh=False) if state.fresh else state
        self._decode_bytes(state)
        while len(self.targets) > 1:  # the file ended inside a note or text box
            self._end_paragraph_of(self.targets.pop())
        self._end_paragraph()
        for note in sorted(self.notes, key=lambda target: target.part != "footnote"):
            self._emit(note)
        return tuple(self.out)

    # --- groups and control words ----------------------------------------------------

    def _reading(self, state: _State) -> bool:
        """Whether text in this state is collected (as the essay's, a field's instruction or a table entry)."""
        return state.destination != "skip" and not (state.destination in ("text", "note", "textbox") and (
            state.hidden or state.deleted))

    def _open_group(self, state: _State) -> None:
        if state.destination in ("fonttbl", "stylesheet"):
            self.table_entry = [0 if state.destination == "stylesheet" else None, []]  # Normal has no \s0

    def _close_group(self, state: _State, outer: _State | None, depth: int) -> None:
        if state.destination in ("fonttbl", "stylesheet") and self.table_entry[0] is not None:
            self._end_table_entry(state.destination)
        if outer is None:
            return
        if state.destination in ("note", "textbox") and outer.destination != state.destination:
            target = self.targets.pop()
            self._end_paragraph_of(target)
            self.paragraph_props = target.outer_props  # the note's \pard ends with its group
            if state.destination == "textbox":
                self.boxes.append(target)
        field = self.fields[-1] if self.fields else None
        if field is not None and field["depth"] == depth:
            self.fields.pop()
            target = self.targets[-1]
            match = _HYPERLINK.match("".join(field["instruction"]))
            if match and field["line"] is target.line and target.line.size > field["start"]:
                target.line.links.append((field["start"], target.line.size, match.group(1)))

    def _control(self, name: str, value: int | None, state: _State, depth: int) -> tuple[_State, int]:
        """Apply control word ``\\name value`` to ``state`` in a group ``depth`` deep; the new state and how
        many characters to skip."""
        if state.destination == "skip":
            return state, 0
        fresh, state = state.fresh, replace(state, fresh=False)
        if fresh and name in ("fonttbl", "stylesheet"):
            self.table_entry = [0 if name == "stylesheet" else None, []]  # entries may stand without groups
            return replace(state, destination=name), 0
        if fresh and name in ("footnote", "shptxt"):
            target = _Target("footnote" if name == "footnote" else "textbox", self.paragraph_props)
            self.targets.append(target)
            if name == "footnote":
                self.notes.append(target)
            return replace(state, destination="note" if name == "footnote" else "textbox"), 0
        if fresh and name == "fldinst":
            return replace(state, destination="fldinst"), 0
        if fresh and name == "field":
            target = self.targets[-1]
            self.fields.append({"depth": depth, "instruction": [], "line": target.line, "start": target.line.size})
            return state, 0
        if fresh and name == "fldrslt":
            if self.fields:
                target = self.targets[-1]
                self.fields[-1].update(line=target.line, start=target.line.size)
            return state, 0
        if fresh and (name in _SKIPPED or state.ignorable and name not in ("shpinst", "shp", "shpgrp", "ud")):
            return replace(state, destination="skip"), 0
        if name == "ftnalt" and state.destination == "note" and self.targets[-1].part == "footnote":
            self.targets[-1].part = "endnote"
        elif name == "u" and value is not None:
            if self._reading(state):
                self._unicode(value, state)
            return state, state.uc
        elif name == "uc" and value is not None:
            return replace(state, uc=max(0, min(value, 10))), 0
        elif name == "i":
            return replace(state, italic=value != 0), 0
        elif name == "b":
            return replace(state, bold=value != 0), 0
        elif name == "v":
            return replace(state, hidden=value != 0), 0
        elif name == "deleted":
            return replace(state, deleted=value != 0), 0
        elif name == "plain":
            return replace(state, italic=False, bold=False, hidden=False, deleted=False), 0
        elif name == "f" and value is not None:
            if state.destination == "fonttbl":
                self.table_entry[0] = value
            return replace(state, font=value), 0
        elif name == "fcharset" and value is not None and state.destination == "fonttbl":
            if self.table_entry[0] is not None and value in _CHARSETS:
                self.fonts[self.table_entry[0]] = _CHARSETS[value]
        elif name in ("s", "cs", "ds", "ts") and value is not None:
            if state.destination == "stylesheet":
                self.table_entry[0] = value if name == "s" else None
            elif name == "s":
                self.paragraph_props["style"] = value
        elif name == "ansicpg" and value is not None:
            self.codepage = _codepage(f"cp{value}" if value != 65001 else "utf-8", self.codepage)
        elif name in ("mac", "pc", "pca"):
            self.codepage = {"mac": "mac_roman", "pc": "cp437", "pca": "cp850"}[name]
        elif name in ("par", "sect"):
            if state.destination in ("text", "note", "textbox"):
                self._end_paragraph()
        elif name in ("cell", "nestcell"):
            if state.destination in ("text", "note", "textbox"):
                self.paragraph_props["table"] = True
                self._end_paragraph()
        elif name == "pard":
            self.paragraph_props = {}
        elif name == "intbl":
            self.paragraph_props["table"] = True
        elif name == "outlinelevel" and value is not None and state.destination in ("text", "note", "textbox"):
            self.paragraph_props["outline"] = value
        elif name in ("chftn", "chftnsep", "chftnsepc"):
            pass  # the note's number: generated, never text
        elif name in _SPECIAL and self._reading(state) and state.destination in ("text", "note", "textbox"):
            self._text(_SPECIAL[name], state)
        return state, 0

    def _end_table_entry(self, table: str) -> None:
        number, pieces = self.table_entry
        name = "".join(pieces).strip().rstrip(";").strip()
        if table == "stylesheet" and number is not None and name:  # (a skipped group leaves no name)
            self.styles[number] = name[:1].upper() + name[1:] if _HEADING_NAME.fullmatch(name) else name
        self.table_entry = [None, []]

    # --- text ------------------------------------------------------------------------

    def _decode_bytes(self, state: _State) -> None:
        if not self.bytes:
            return
        raw, self.bytes = bytes(self.bytes), bytearray()
        self._text(raw.decode(self.fonts.get(state.font, self.codepage), errors="replace"), state)

    def _unicode(self, value: int, state: _State) -> None:
        character = value + 65536 if value < 0 else value
        if 0xD800 <= character < 0xDC00:
            self.high_surrogate = chr(character)
            return
        if 0xDC00 <= character < 0xE000 and self.high_surrogate:
            pair = (self.high_surrogate + chr(character)).encode("utf-16-le", "surrogatepass")
            self.high_surrogate = ""
            self._text(pair.decode("utf-16-le"), state)
            return
        self._text(chr(character) if character < 0xD800 or character >= 0xE000 else "\ufffd", state)

    def _text(self, text: str, state: _State) -> None:
        if state.destination == "fldinst":
            if self.fields:
                self.fields[-1]["instruction"].append(text)
        elif state.destination in ("fonttbl", "stylesheet"):
            self.table_entry[1].append(text)
            if ";" in text and self.table_entry[0] is not None:
                self._end_table_entry(state.destination)
        elif state.destination in ("text", "note", "textbox") and not (state.hidden or state.deleted):
            self.targets[-1].line.add(text.replace("\t", " "), state.italic, state.bold)

    # --- paragraphs ------------------------------------------------------------------

    def _end_paragraph(self) -> None:
        """End the paragraph being read; a body paragraph is emitted with the text boxes it holds."""
        target = self.targets[-1]
        self._end_paragraph_of(target)
        if target is self.body:
            self._emit(target)
            for box in self.boxes:
                self._emit(box)
            self.boxes.clear()

    def _end_paragraph_of(self, target: _Target) -> None:
        """Close the paragraph being read in ``target`` with the paragraph properties in force."""
        if target.line.size:
            properties = dict(self.paragraph_props)
            part = "table" if properties.get("table") and target.part == "body" else target.part
            target.paragraphs.append((target.line, part, properties))
        target.line = Line()

    def _emit(self, target: _Target) -> None:
        """Turn the paragraphs closed in ``target`` into Paragraphs."""
        for line, part, properties in target.paragraphs:
            text = line.text()
            if not text.strip():
                continue
            self.budget.spend(text)
            style = self.styles.get(properties.get("style", 0), "")  # no \\s: style 0, Normal
            outline = properties.get("outline")
            is_heading = (bool(_HEADING_NAME.fullmatch(style)) or outline is not None and outline < 9
                          or part == "body" and line.all_bold() and len(text.split()) <= _BOLD_HEADING_WORDS)
            self.out.append(trimmed_paragraph(len(self.out), text, line.italic_spans(), line.links, style=style,
                                              part=part, is_heading=is_heading))
        target.paragraphs.clear()


def _codepage(name: str, fallback: str) -> str:
    """``name`` if Python knows that code page, else ``fallback``."""
    try:
        return codecs.lookup(name).name
    except LookupError:
        return fallback
