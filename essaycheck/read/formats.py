"""Word's effective paragraph, run and page formatting, resolved the way Word shows it.

Each property comes from the first layer that sets it:

1. the paragraph's own properties (``w:pPr``) or the run's (``w:rPr``);
2. for a run, its character style (``w:rStyle``) and the styles it is based on;
3. the paragraph style (``w:pStyle``, else the default paragraph style) and the styles it is
   based on, nearest first (``w:basedOn``);
4. a table style, for a paragraph in a table (its ``w:pPr``/``w:rPr``);
   and, for a list item, its numbering level's ``w:pPr`` (numbering.xml) just below the paragraph's own;
5. the document defaults (``w:docDefaults``), and Word's own when those are silent.

Attributes of one element inherit one by one (a style may set ``w:ind w:left`` and a paragraph
only ``w:hanging``), except the first line: the nearest layer that sets ``w:hanging`` or
``w:firstLine`` decides it. Units are converted in :mod:`essaycheck.read.units`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from lxml import etree

from ..model import ParagraphFormat, SectionFormat
from .units import half_points_to_points, line_units_to_multiple, as_number, twips_to_inches, twips_to_points
from .wordml import r, short_tag, toggle, w

_A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
_ALIGNMENTS = {"left": "left", "start": "left", "center": "center", "right": "right", "end": "right",
               "both": "justify", "distribute": "justify", "thaiDistribute": "justify", "lowKashida": "justify",
               "mediumKashida": "justify", "highKashida": "justify"}
_DEPTH = 20  # basedOn chains are short; this also stops a cycle
_STYLE, _STYLE_ID, _TYPE, _DEFAULT, _VAL = w("style"), w("styleId"), w("type"), w("default"), w("val")
_PPR, _RPR, _BASED_ON = w("pPr"), w("rPr"), w("basedOn")
_DEFAULT_PPR = f"{w('docDefaults')}/{w('pPrDefault')}/{w('pPr')}"
_DEFAULT_RPR = f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}"


class FormatReader:
    """Effective formats of the paragraphs and runs of one document (styles.xml, theme, defaults)."""

    def __init__(self, styles_root=None, theme_root=None, numbering_root=None) -> None:
        self._styles: dict[str, object] = {}  # style id -> its w:style (read lazily: most are never used)
        self.default_paragraph_style = ""
        self._default_ppr = self._default_rpr = None
        self._theme_root, self._numbering_root = theme_root, numbering_root
        self._cache: dict[tuple, object] = {}
        if styles_root is None:
            return
        self._default_ppr = styles_root.find(_DEFAULT_PPR)
        self._default_rpr = styles_root.find(_DEFAULT_RPR)
        for style in styles_root.iterchildren(_STYLE):
            style_id = style.get(_STYLE_ID, "")
            self._styles[style_id] = style
            if style.get(_TYPE) == "paragraph" and style.get(_DEFAULT) in ("1", "true", "on"):
                self.default_paragraph_style = style_id

    def _style_part(self, style_id: str, tag: str):
        """The child ``tag`` (w:pPr, w:rPr, w:basedOn) of a style, or None."""
        key = ("part", style_id, tag)
        if key not in self._cache:
            style = self._styles.get(style_id)
            self._cache[key] = style.find(tag) if style is not None else None
        return self._cache[key]

    @property
    def _theme_fonts(self) -> dict[str, str]:
        if "theme" not in self._cache:
            self._cache["theme"] = _theme_fonts(self._theme_root)
        return self._cache["theme"]

    @property
    def _numbering(self) -> dict:
        if "numbering" not in self._cache:
            self._cache["numbering"] = _numbering_levels(self._numbering_root)
        return self._cache["numbering"]

    # --- layers --------------------------------------------------------------------------------

    def _chain(self, style_id: str) -> list[str]:
        chain: list[str] = []
        while style_id and style_id not in chain and len(chain) < _DEPTH:
            chain.append(style_id)
            based = self._style_part(style_id, _BASED_ON)
            style_id = based.get(_VAL, "") if based is not None else ""
        return chain

    def _paragraph_layers(self, direct, style_id: str, table_style: str = "") -> list:
        key = ("p", style_id, table_style)
        if key not in self._cache:
            styles = [self._style_part(s, _PPR) for s in self._chain(style_id or self.default_paragraph_style)]
            tables = [self._style_part(s, _PPR) for s in self._chain(table_style)]
            self._cache[key] = [p for p in (*styles, *tables, self._default_ppr) if p is not None]
        return [direct, *self._cache[key]] if direct is not None else self._cache[key]

    def _run_layers(self, direct, run_style: str, paragraph_style: str, table_style: str = "") -> list:
        key = ("r", run_style, paragraph_style, table_style)
        if key not in self._cache:
            chains = (self._chain(run_style), self._chain(paragraph_style or self.default_paragraph_style),
                      self._chain(table_style))
            self._cache[key] = [p for chain in chains for p in (self._style_part(s, _RPR) for s in chain)
                                if p is not None] + ([self._default_rpr] if self._default_rpr is not None else [])
        return [direct, *self._cache[key]] if direct is not None else self._cache[key]

    # --- paragraphs ----------------------------------------------------------------------------

    def paragraph(self, direct, style_id: str, *, fonts: Counter | None = None, table_style: str = "",
                  blank_before: int = 0, starts_with_tab: bool = False, break_before: bool = False,
                  bold: bool = False, faked_indent: bool = False) -> ParagraphFormat:
        """The effective format of a paragraph with ``w:pPr`` ``direct`` and style ``style_id``.
        ``fonts`` counts its characters by (font, size), as the runs were read."""
        font, size = ("", None)
        if fonts:
            (font, size), _ = fonts.most_common(1)[0]
        # paragraphs with the same properties and style share one resolution (most of a document)
        key = ("format", etree.tostring(direct) if direct is not None else b"", style_id, table_style)
        if key not in self._cache:
            self._cache[key] = self._resolved(direct, style_id, table_style)
        base = self._cache[key]
        return replace(base, starts_with_tab=starts_with_tab, blank_before=blank_before, font=font, size=size,
                       bold=bold, page_break_before=break_before or base.page_break_before, faked_indent=faked_indent)

    def _resolved(self, direct, style_id: str, table_style: str) -> ParagraphFormat:
        layers = self._paragraph_layers(direct, style_id, table_style)
        level = self._numbering.get(_list_level(layers))
        if level is not None:  # a list item: its level's indents come just below the paragraph's own
            layers = [direct, level, *layers[1:]] if direct is not None else [level, *layers]
        left = _attribute(layers, "ind", ("left", "start"))
        first = _first_line(layers)
        line, rule = _attribute(layers, "spacing", ("line",)), _attribute(layers, "spacing", ("lineRule",))
        multiple, height = 1.0, None
        if line is not None:
            if rule in (None, "auto"):
                multiple = line_units_to_multiple(line) or 1.0
            else:  # exact or atLeast: a height in twips
                multiple, height = None, twips_to_points(line)
        numbered = _numbered(layers)
        return ParagraphFormat(
            left=twips_to_inches(left) or 0.0,
            first_line=twips_to_inches(first) or 0.0,
            line_spacing=multiple,
            line_height=height,
            space_before=_spacing(layers, "before"),
            space_after=_spacing(layers, "after"),
            contextual_spacing=bool(_toggle(layers, "contextualSpacing")),
            alignment=_ALIGNMENTS.get(_value(layers, "jc") or "left", "left"),
            numbered=numbered,
            page_break_before=bool(_toggle(layers, "pageBreakBefore")),
        )

    # --- runs ----------------------------------------------------------------------------------

    def run_font(self, direct, run_style: str, paragraph_style: str, table_style: str = "") -> tuple[str, float | None]:
        """(font name, size in points) of a run with ``w:rPr`` ``direct``, as Word shows them."""
        fonts = direct.find(w("rFonts")) if direct is not None else None
        size = direct.find(w("sz")) if direct is not None else None
        key = ("font", run_style, paragraph_style, table_style,
               tuple(fonts.attrib.items()) if fonts is not None else (), size.get(w("val")) if size is not None else None)
        if key not in self._cache:
            layers = self._run_layers(direct, run_style, paragraph_style, table_style)
            self._cache[key] = (self._font_name(layers), _size(layers))
        return self._cache[key]

    def _font_name(self, layers: list) -> str:
        for layer in layers:
            fonts = layer.find(w("rFonts"))
            if fonts is None:
                continue
            theme = fonts.get(w("asciiTheme")) or fonts.get(w("hAnsiTheme"))
            if theme:
                return self._theme_fonts.get("major" if theme.startswith("major") else "minor", "")
            name = fonts.get(w("ascii")) or fonts.get(w("hAnsi"))
            if name:
                return name
        return self._theme_fonts.get("minor", "") or "Times New Roman"  # Word's own default


def _attribute(layers: list, element: str, names: tuple[str, ...]) -> str | None:
    """The first value of any of ``names`` on child ``element`` along the layers."""
    for layer in layers:
        found = layer.find(w(element))
        if found is None:
            continue
        for name in names:
            value = found.get(w(name))
            if value is not None:
                return value
    return None


def _first_line(layers: list) -> float:
    """The first line's indent in twips (negative: hanging): the nearest layer with either decides."""
    for layer in layers:
        found = layer.find(w("ind"))
        if found is None:
            continue
        hanging = found.get(w("hanging"))
        if hanging is not None:
            return -(as_number(hanging) or 0.0)
        first = found.get(w("firstLine"))
        if first is not None:
            return as_number(first) or 0.0
    return 0.0


def _spacing(layers: list, side: str) -> float:
    """Space before or after in points; automatic spacing (as in HTML) counts as 14 points, as Word shows it."""
    for layer in layers:
        found = layer.find(w("spacing"))
        if found is None:
            continue
        if found.get(w(f"{side}Autospacing")) in ("1", "true", "on"):
            return 14.0
        value = found.get(w(side))
        if value is not None:
            return twips_to_points(value) or 0.0
    return 0.0


def _value(layers: list, element: str) -> str | None:
    for layer in layers:
        found = layer.find(w(element))
        if found is not None:
            return found.get(w("val"))
    return None


def _toggle(layers: list, element: str) -> bool | None:
    for layer in layers:
        value = toggle(layer, element)
        if value is not None:
            return value
    return None


def _numbered(layers: list) -> bool:
    """A list item: the nearest w:numPr names a numbering other than 0 (0 switches a style's off)."""
    level = _list_level(layers)
    return level is not None and level[0] not in ("0", "")


def _list_level(layers: list) -> tuple[str, str] | None:
    """(numId, ilvl) of the nearest w:numPr along the layers."""
    for layer in layers:
        numbering = layer.find(w("numPr"))
        if numbering is None:
            continue
        number, level = numbering.find(w("numId")), numbering.find(w("ilvl"))
        return (number.get(w("val"), "") if number is not None else "",
                level.get(w("val"), "0") if level is not None else "0")
    return None


def _numbering_levels(root) -> dict[tuple[str, str], object]:
    """(numId, ilvl) -> the w:pPr of that level of the list's abstract numbering (numbering.xml)."""
    if root is None:
        return {}
    abstract: dict[str, dict[str, object]] = {}
    for definition in root.findall(w("abstractNum")):
        levels = {lvl.get(w("ilvl"), "0"): lvl.find(w("pPr")) for lvl in definition.findall(w("lvl"))}
        abstract[definition.get(w("abstractNumId"), "")] = {k: v for k, v in levels.items() if v is not None}
    found: dict[tuple[str, str], object] = {}
    for number in root.findall(w("num")):
        reference = number.find(w("abstractNumId"))
        levels = abstract.get(reference.get(w("val"), "") if reference is not None else "", {})
        for level, properties in levels.items():
            found[(number.get(w("numId"), ""), level)] = properties
        for override in number.findall(w("lvlOverride")):  # a level redefined for this list alone
            lvl = override.find(w("lvl"))
            if lvl is not None and lvl.find(w("pPr")) is not None:
                found[(number.get(w("numId"), ""), override.get(w("ilvl"), "0"))] = lvl.find(w("pPr"))
    return found


def _size(layers: list) -> float | None:
    for layer in layers:
        found = layer.find(w("sz"))
        if found is not None:
            return half_points_to_points(found.get(w("val")))
    return 10.0  # Word's own default when nothing says


def _theme_fonts(theme_root) -> dict[str, str]:
    """The theme's major (headings) and minor (body) Latin fonts: {"major": "Calibri Light", "minor": "Calibri"}."""
    fonts: dict[str, str] = {}
    if theme_root is None:
        return fonts
    for kind in ("major", "minor"):
        latin = theme_root.find(f".//{{{_A_NS}}}{kind}Font/{{{_A_NS}}}latin")
        if latin is not None and latin.get("typeface"):
            fonts[kind] = latin.get("typeface")
    return fonts


# --- sections --------------------------------------------------------------------------------


def section_format(sect_pr, headers: dict[str, object]) -> SectionFormat:
    """A section's margins and where its headers show the page number; ``headers``: relationship
    id -> the header part's root element."""
    margins = sect_pr.find(w("pgMar")) if sect_pr is not None else None

    def margin(side: str) -> float | None:
        return twips_to_inches(margins.get(w(side))) if margins is not None else None

    where = ""
    if sect_pr is not None:
        for reference in sect_pr.findall(w("headerReference")):
            root = headers.get(reference.get(r("id"), ""))
            if root is not None:
                where = where or page_number_place(root)
    return SectionFormat(margin("top"), margin("right"), margin("bottom"), margin("left"), where)


def page_number_place(header) -> str:
    """Where a header shows a PAGE field: "right", "center" or "left" ("" when it has none)."""
    for paragraph in header.iter(w("p")):
        if not _has_page_field(paragraph):
            continue
        properties = paragraph.find(w("pPr"))
        alignment = _ALIGNMENTS.get(_value([properties], "jc") or "left", "left") if properties is not None else "left"
        if _after_right_tab(paragraph, properties):
            return "right"
        frame = properties.find(w("framePr")) if properties is not None else None
        if frame is not None and frame.get(w("xAlign")) in ("right", "outside"):
            return "right"
        return "left" if alignment == "justify" else alignment
    return ""


def _has_page_field(paragraph) -> bool:
    for simple in paragraph.iter(w("fldSimple")):
        if "PAGE" in simple.get(w("instr"), "").upper().split():
            return True
    return any("PAGE" in (text.text or "").upper().split() for text in paragraph.iter(w("instrText")))


def _after_right_tab(paragraph, properties) -> bool:
    """A page number pushed to the right margin: an absolute right tab (w:ptab), or a tab to a right tab stop."""
    if any(tab.get(w("alignment")) == "right" for tab in paragraph.iter(w("ptab"))):
        return True
    stops = properties.find(w("tabs")) if properties is not None else None
    right_stop = stops is not None and any(t.get(w("val")) == "right" for t in stops.findall(w("tab")))
    return right_stop and any(short_tag(run) == "w:r" and run.find(w("tab")) is not None for run in paragraph)
