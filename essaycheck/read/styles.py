"""Word styles (styles.xml): names, inheritance, italic / bold / hidden and outline levels."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .wordml import w, toggle

_HEADING_NAME = re.compile(r"(heading [1-9]|title)", re.IGNORECASE)


@dataclass(frozen=True)
class Style:
    name: str
    based_on: str = ""
    italic: bool | None = None
    bold: bool | None = None
    hidden: bool | None = None
    outline_level: int | None = None


class StyleSheet:
    """Looks up style properties along the ``basedOn`` chain, falling back to the defaults."""

    def __init__(self, root=None) -> None:
        self.styles: dict[str, Style] = {}
        self.default_paragraph = ""
        self.default_italic: bool | None = None
        self.default_bold: bool | None = None
        self.default_hidden: bool | None = None
        self._cache: dict[tuple, object] = {}  # answers per style, asked once per paragraph or run
        if root is None:
            return
        run_defaults = root.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}")
        self.default_italic = toggle(run_defaults, "i")
        self.default_bold = toggle(run_defaults, "b")
        self.default_hidden = toggle(run_defaults, "vanish")
        for style in root.iter(w("style")):
            style_id = style.get(w("styleId"), "")
            name = style.find(w("name"))
            based_on = style.find(w("basedOn"))
            run = style.find(w("rPr"))
            level = style.find(f"{w('pPr')}/{w('outlineLvl')}")
            self.styles[style_id] = Style(
                name=ui_name(name.get(w("val"), style_id) if name is not None else style_id),
                based_on=based_on.get(w("val"), "") if based_on is not None else "",
                italic=toggle(run, "i"),
                bold=toggle(run, "b"),
                hidden=toggle(run, "vanish"),
                outline_level=_int(level.get(w("val"))) if level is not None else None,
            )
            if style.get(w("type")) == "paragraph" and style.get(w("default")) in ("1", "true", "on"):
                self.default_paragraph = style_id

    def name(self, style_id: str) -> str:
        """The name Word shows ("Heading 1") for a style id ("Heading1"); the id if unknown."""
        return self._cached(("name", style_id), self._name, style_id)

    def is_heading(self, style_id: str) -> bool:
        """A heading or title style, or one with an outline level (0-8) of its own or inherited."""
        return self._cached(("heading", style_id), self._is_heading, style_id)

    def run_flag(self, flag: str, run_style: str, paragraph_style: str) -> bool:
        """Whether ``flag`` ("italic" / "bold" / "hidden") is on through the run style, paragraph style or defaults."""
        return self._cached((flag, run_style, paragraph_style), self._run_flag, flag, run_style, paragraph_style)

    def _cached(self, key: tuple, compute, *arguments):
        if key not in self._cache:
            self._cache[key] = compute(*arguments)
        return self._cache[key]

    def _name(self, style_id: str) -> str:
        style = self.styles.get(style_id or self.default_paragraph)
        return style.name if style else style_id

    def _is_heading(self, style_id: str) -> bool:
        if _HEADING_NAME.fullmatch(self.name(style_id)):
            return True
        level = self._inherited(style_id or self.default_paragraph, "outline_level")
        return level is not None and level < 9

    def _run_flag(self, flag: str, run_style: str, paragraph_style: str) -> bool:
        for style_id in (run_style, paragraph_style or self.default_paragraph):
            value = self._inherited(style_id, flag)
            if value is not None:
                return value
        return bool(getattr(self, f"default_{flag}"))

    def _inherited(self, style_id: str, attribute: str):
        for _ in range(20):  # basedOn chains are short; this also stops a cycle
            style = self.styles.get(style_id)
            if style is None:
                return None
            value = getattr(style, attribute)
            if value is not None:
                return value
            style_id = style.based_on
        return None


def ui_name(name: str) -> str:
    """Word stores built-in names in lower case ("heading 1") but shows them capitalised."""
    return name[:1].upper() + name[1:] if name.islower() else name


def _int(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None
