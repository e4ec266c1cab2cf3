"""Layout rules (Word documents): the reference list's hanging indent and spacing, read as Word shows them.

Each rule reads the effective values of :class:`essaycheck.model.ParagraphFormat` (every layer of
Word's formatting resolved by :mod:`essaycheck.read.formats`) and says one thing for a pattern:
"none of the 14 entries has a hanging indent" is one finding with the way to fix it in Word,
not fourteen. Documents that carry no layout (text, Markdown, PDF, OpenDocument) are not checked.
"""

from __future__ import annotations

import re

from ..model import ParagraphFormat, Severity
from ..read.units import CM_PER_INCH
from .base import CheckContext, Finding, rule
from .examples import BRAUN, RAJ, WENGER, essay

_CITE = "Networks matter (Raj et al., 2017), themes emerged (Braun & Clarke, 2006) and practice shapes identity (Wenger, 1998)."
HANGING = 0.5  # inches (1.27 cm)
HANGING_TOLERANCE = 0.12  # 1.0 cm to 1.57 cm count as the half inch a student meant
_APA_ENTRY = "⟪left=0.5 first=-0.5 line=2⟫"
_SET_HANGING = ("In Word, select the whole list, open Paragraph (Home tab, the small arrow by Paragraph) and set "
                "Indentation, Special: Hanging, By: 0.5\" (1.27 cm).")


def _entry_formats(ctx: CheckContext) -> list[tuple[int, ParagraphFormat]]:
    """(reference index, format of the paragraph it starts in) of each entry, for a document with layout."""
    formats = ctx.document.formats
    found = []
    for ref in ctx.references:
        paragraph = ref.location.paragraph
        if 0 <= paragraph < len(formats) and paragraph < len(ctx.document.paragraphs):
            found.append((ref.index, formats[paragraph]))
    return found


def _cm(inches: float) -> str:
    return f"{inches * CM_PER_INCH:.2f}".rstrip("0").rstrip(".") + " cm"


@rule("layout-hanging-indent", Severity.WARNING,
      "The reference list's entries have no hanging indent of 0.5 in (1.27 cm), or are set as a list.",
      fires=[essay(_CITE, *(f"⟪line=2⟫{e}" for e in (BRAUN, RAJ, WENGER))),
             essay(_CITE, *(f"⟪left=0.5 first=0 line=2⟫{e}" for e in (BRAUN, RAJ, WENGER))),
             essay(_CITE, *(f"⟪left=0.5 first=-0.5 line=2 numbered⟫{e}" for e in (BRAUN, RAJ, WENGER))),
             essay(_CITE, f"{_APA_ENTRY}{BRAUN}", f"⟪line=2⟫{RAJ}", f"⟪line=2⟫{WENGER}")],
      passes=[essay(_CITE, *(f"{_APA_ENTRY}{e}" for e in (BRAUN, RAJ, WENGER))),
              essay(_CITE, *(f"⟪left=0.39 first=-0.39 line=2⟫{e}" for e in (BRAUN, RAJ, WENGER))),
              essay(_CITE, f"⟪line=2⟫{BRAUN}", f"{_APA_ENTRY}{RAJ}", f"{_APA_ENTRY}{WENGER}")],
      examples_kind="layout")
def layout_hanging_indent(ctx: CheckContext):
    """Every entry of the reference list has a hanging indent of 0.5 in (1.27 cm): its first line
    at the margin, the lines after it indented. The indent is read as Word shows it (the
    paragraph's own setting, else its style's, the style that one is based on, and the document
    defaults); anything from 1.0 to 1.57 cm counts. Entries set as a numbered or bulleted list are
    told so. One finding for the list, and only when at least half of its entries lack the indent:
    an odd entry or two is more likely read from a paragraph the list merely continues into."""
    entries = _entry_formats(ctx)
    if len(entries) < 2:
        return
    listed = [index for index, f in entries if f.numbered]
    wrong = [(index, f) for index, f in entries if not f.numbered and abs(f.hanging - HANGING) > HANGING_TOLERANCE]
    if 2 * len(listed) >= len(entries):
        yield Finding(f"In your reference list, {_count(len(listed), len(entries))} set as a numbered or bulleted "
                      "list. APA 7 entries are not numbered: they stand in alphabetical order with a hanging "
                      f"indent of 0.5 in (1.27 cm). In Word, select the list and switch the list off (Home, "
                      f"Numbering or Bullets), then: {_SET_HANGING}")
        return
    if 2 * len(wrong) < len(entries):
        return
    hangings = {round(f.hanging, 2) for _, f in wrong}
    if 2 * sum(f.faked_indent for _, f in wrong) >= len(wrong):
        what = "an indent typed by hand (a line break, then a tab or spaces) instead of a hanging indent"
    elif hangings == {0.0}:
        what = "no hanging indent"
    elif len(hangings) == 1:
        what = f"a hanging indent of {_cm(hangings.pop())} instead of 1.27 cm"
    else:
        what = "no hanging indent of 0.5 in (1.27 cm)"
    yield Finding(f"In your reference list, {_count(len(wrong), len(entries), 'have')} {what}. APA 7 gives every entry a hanging "
                  f"indent: the first line at the margin, the others 0.5 in (1.27 cm) in. {_SET_HANGING}")


@rule("layout-reference-spacing", Severity.WARNING,
      "The reference list is not double-spaced, or has extra space between its entries.",
      fires=[essay(_CITE, *(f"⟪left=0.5 first=-0.5 line=1⟫{e}" for e in (BRAUN, RAJ, WENGER))),
             essay(_CITE, *(f"⟪left=0.5 first=-0.5 line=2 after=12⟫{e}" for e in (BRAUN, RAJ, WENGER))),
             essay(_CITE, *(f"⟪left=0.5 first=-0.5 line=2 blank=1⟫{e}" for e in (BRAUN, RAJ, WENGER)))],
      passes=[essay(_CITE, *(f"{_APA_ENTRY}{e}" for e in (BRAUN, RAJ, WENGER))),
              essay(_CITE, *(f"⟪left=0.5 first=-0.5 line=2 after=12 contextual⟫{e}" for e in (BRAUN, RAJ, WENGER)))],
      examples_kind="layout")
def layout_reference_spacing(ctx: CheckContext):
    """The reference list is double-spaced (line spacing "Double", or a multiple of 1.9 to 2.1),
    with no extra space between entries: no space before or after them (unless Word's "Don't add
    space between paragraphs of the same style" is on) and no empty lines. Read as Word shows it,
    every layer resolved. One finding for the list, when at least half of its entries differ."""
    entries = _entry_formats(ctx)
    if len(entries) < 2:
        return
    single = [f for _, f in entries if f.line_spacing is None or not 1.9 <= f.line_spacing <= 2.1]
    # (space before the first entry does not come between entries)
    later = list(zip((f for _, f in entries), (f for _, f in entries[1:])))  # each pair of entries, in order
    spaced = [pair for pair in later if _space_between(*pair)]
    problems = []
    if 2 * len(single) >= len(entries):
        spacings = {f.line_spacing for f in single}
        kind = ("an exact line height" if spacings == {None} else
                "single spacing" if spacings == {1.0} else "line spacing other than double")
        problems.append(f"{_count(len(single), len(entries), 'have')} {kind}")
    if 2 * len(spaced) >= len(later):
        between = "the entries" if len(spaced) == len(later) else f"{len(spaced)} of the {len(later)} pairs of entries"
        problems.append(f"there is extra space or an empty line between {between}")
    if problems:
        yield Finding(f"In your reference list, {', and '.join(problems)}. APA 7 double-spaces the list with no extra "
                      "space between entries. In Word, select the list, open Paragraph and set Line spacing: "
                      "Double, Spacing Before and After: 0 pt, and delete any empty lines between entries.")


def _space_between(first: ParagraphFormat, second: ParagraphFormat) -> bool:
    """Extra space between two entries: an empty line, or space after the first or before the second
    (none when Word's "Don't add space between paragraphs of the same style" is on for it)."""
    return bool(second.blank_before or not second.contextual_spacing and second.space_before >= 1
                or not first.contextual_spacing and first.space_after >= 1)


def _count(number: int, total: int, verb: str = "are") -> str:
    if number == total:
        return f"all {total} entries {verb}" if total > 2 else f"both entries {verb}"
    return f"{number} of the {total} entries {verb if number != 1 else _singular(verb)}"


def _singular(verb: str) -> str:
    return {"are": "is", "have": "has"}.get(verb, verb)


# --- the body of the essay ---------------------------------------------------------------------

_BODY_WORDS = 40  # running text: captions, titles, list items and short lines are left out
_MAJORITY = 0.6
_APA_FONTS = {"times new roman": 12.0, "calibri": 11.0, "arial": 11.0, "georgia": 11.0,
              "lucida sans unicode": 10.0, "computer modern": 10.0, "cmu serif": 10.0, "latin modern roman": 10.0}
_BODY_EXAMPLE = ("Professional networks shape how information workers learn from one another and how they find "
                 "new roles, and conferences, workshops and online communities each offer a different kind of "
                 "contact that a newcomer can use to learn the habits of the field and its people (Raj et al., 2017).")


def running_text(document, paragraphs) -> list:
    """Those of ``paragraphs`` (the body before the reference list) that are running text: in the
    body (not in tables, notes or text boxes), not headings, list items or block quotes, of 40
    words or more. The layout rules judge these, and the annotated copy and the real-world
    witness look at the same ones."""
    formats = document.formats
    found = []
    for paragraph in paragraphs:
        if paragraph.part != "body" or paragraph.is_heading or paragraph.index >= len(formats):
            continue
        layout = formats[paragraph.index]
        if not layout.numbered and layout.left < 0.4 and len(paragraph.text.split()) >= _BODY_WORDS:
            found.append(paragraph)
    return found


def _body(ctx: CheckContext) -> list[ParagraphFormat]:
    """The formats of the essay's running text."""
    return [ctx.document.formats[p.index] for p in running_text(ctx.document, ctx.sections.body)]


def _most(found: list, wrong: list) -> bool:
    return len(found) >= 3 and len(wrong) >= _MAJORITY * len(found)


def _body_essay(*marks: str, section: str = "") -> str:
    """A layout example: three paragraphs of running text with ``marks`` (one per paragraph, or one for all)."""
    marks = marks * 3 if len(marks) == 1 else marks
    body = "\n".join(f"{mark}{_BODY_EXAMPLE}" for mark in marks)
    entries = "\n".join(f"⟪left=0.5 first=-0.5⟫{entry}" for entry in (RAJ,))
    return f"{section}Professional networking\n{body}\nReferences\n{entries}\n"


def _spacing_words(spacing: float | None, height: float | None) -> str:
    if spacing is None:
        return f"an exact line height of {height:g} pt" if height else "an exact line height"
    if abs(spacing - 1.0) < 0.05:
        return "single spacing"
    if abs(spacing - 1.5) < 0.1:
        return "1.5 line spacing"
    return f"line spacing of {spacing:.2f}".rstrip("0").rstrip(".")


@rule("layout-line-spacing", Severity.WARNING, "The text of the essay is not double-spaced.",
      fires=[_body_essay("⟪line=1⟫"), _body_essay("⟪line=1.5⟫"), _body_essay("⟪line=1.15⟫")],
      passes=[_body_essay(""), _body_essay("⟪line=2⟫", "⟪line=2⟫", "⟪line=1⟫")],
      examples_kind="layout")
def layout_line_spacing(ctx: CheckContext):
    """The text is double-spaced: line spacing "Double" (a multiple of 1.9 to 2.1), read as Word
    shows it. Running text only (paragraphs of 40 words or more outside tables, notes and block
    quotes), where APA 7 allows no exception; one finding when most of it differs."""
    found = _body(ctx)
    wrong = [f for f in found if f.line_spacing is None or not 1.9 <= f.line_spacing <= 2.1]
    if _most(found, wrong):
        usual = max({_spacing_words(f.line_spacing, f.line_height) for f in wrong},
                    key=lambda words: sum(_spacing_words(f.line_spacing, f.line_height) == words for f in wrong))
        yield Finding(f"{_paragraphs(len(wrong), len(found))} have {usual}. APA 7 double-spaces the "
                      "whole paper. In Word, select all (Ctrl+A), open Paragraph and set Line spacing: Double and "
                      "Spacing Before and After: 0 pt.")


@rule("layout-paragraph-indent", Severity.WARNING, "The essay's paragraphs do not start with a 0.5 in indent.",
      fires=[_body_essay("⟪first=0⟫"), _body_essay("⟪first=0 after=10⟫"), _body_essay("⟪first=1⟫")],
      passes=[_body_essay(""), _body_essay("⟪first=0.49⟫")],
      examples_kind="layout")
def layout_paragraph_indent(ctx: CheckContext):
    """Each paragraph of running text starts with a first-line indent of 0.5 in (1.27 cm; 1.0 to
    1.57 cm count), set in the paragraph's format rather than typed as spaces or a tab. One finding
    when most paragraphs lack it."""
    found = _body(ctx)
    wrong = [f for f in found if abs(f.first_line - 0.5) > HANGING_TOLERANCE and not f.starts_with_tab]
    if _most(found, wrong):
        spaced = sum(f.space_after >= 6 or f.space_before >= 6 for f in wrong) * 2 >= len(wrong)
        blocks = " with space between them instead" if spaced else ""
        yield Finding(f"{_paragraphs(len(wrong), len(found))} have no first-line indent of 0.5 in "
                      f"(1.27 cm){blocks}. APA 7 indents the first line of every paragraph. In Word, select "
                      "the text, open Paragraph and set Indentation, Special: First line, By: 0.5\" (1.27 cm).")


@rule("layout-alignment", Severity.WARNING, "The text is justified; APA 7 aligns it left.",
      fires=[_body_essay("⟪align=justify⟫")],
      passes=[_body_essay(""), _body_essay("⟪align=justify⟫", "", "")],
      examples_kind="layout")
def layout_alignment(ctx: CheckContext):
    """The text is aligned left with a ragged right edge, not justified (spread to both margins):
    APA 7 asks for it so that the spaces between words stay even. One finding when most of the
    running text is justified."""
    found = _body(ctx)
    wrong = [f for f in found if f.alignment == "justify"]
    if _most(found, wrong):
        yield Finding(f"{_paragraphs(len(wrong), len(found))} are justified. APA 7 aligns text left "
                      "and leaves the right edge ragged. In Word, select all (Ctrl+A) and choose Align Left "
                      "(Ctrl+L).")


@rule("layout-font", Severity.WARNING, "The essay's font is not one APA 7 names, at its size, or changes.",
      fires=[_body_essay("⟪font=Arial size=14⟫"), _body_essay("⟪font=Times_New_Roman size=10⟫"),
             _body_essay("⟪font=Comic_Sans_MS size=12⟫"),
             _body_essay("", "⟪font=Arial size=11⟫", "⟪font=Arial size=11⟫", "")],
      passes=[_body_essay(""), _body_essay("⟪font=Calibri size=11⟫"), _body_essay("⟪font=Georgia size=11⟫"),
              _body_essay("⟪font=Arial size=12⟫")],
      examples_kind="layout")
def layout_font(ctx: CheckContext):
    """The running text uses one font that APA 7 names, at its size: Times New Roman 12 pt,
    Calibri 11, Arial 11, Georgia 11, Lucida Sans Unicode 10 or Computer Modern 10 (tables,
    figures and notes may differ). The font is the one Word shows, from the runs, their styles,
    the defaults or the theme. One finding: for a font not on the list, smaller than APA's size for
    it or more than a point larger (Arial 12 passes, as most markers would let it), or for a second
    font in a quarter or more of the paragraphs."""
    found = [f for f in _body(ctx) if f.font]
    if len(found) < 3:
        return
    fonts: dict[tuple[str, float | None], int] = {}
    for f in found:
        fonts[(f.font, f.size)] = fonts.get((f.font, f.size), 0) + 1
    (font, size), count = max(fonts.items(), key=lambda item: item[1])
    others = [(name, points) for (name, points), n in fonts.items() if name.lower() != font.lower() and 4 * n >= len(found)]
    wanted = _APA_FONTS.get(font.lower())
    named = ", ".join(f"{name} {points:g}" for name, points in _APA_FONT_NAMES)
    if wanted is None or size is None or size < wanted - 0.25 or size > wanted + 1.25:
        what = f"{font} {size:g} pt" if size else font
        reason = ("is not one of the fonts APA 7 names" if wanted is None else
                  f"is {'smaller' if size < wanted else 'larger'} than APA 7's size for it ({wanted:g} pt)")
        yield Finding(f"Your text is set in {what}, which {reason}. Use one of {named}. In Word, select all "
                      "(Ctrl+A) and choose the font and size on the Home tab (or change the Normal style).")
    elif others:
        second = ", ".join(f"{name}" for name, _ in others)
        yield Finding(f"Your text changes font: most of it is in {font}, but some paragraphs are in {second}. APA 7 "
                      f"keeps one font throughout ({named}). In Word, select all (Ctrl+A) and choose one font.")


_APA_FONT_NAMES = (("Times New Roman", 12), ("Calibri", 11), ("Arial", 11), ("Georgia", 11),
                   ("Lucida Sans Unicode", 10), ("Computer Modern", 10))


def _paragraphs(number: int, total: int) -> str:
    """ "All your paragraphs" or "30 of your 39 paragraphs"."""
    return "All your paragraphs" if number == total else f"{number} of your {total} paragraphs"


# --- the page and the reference list's heading ---------------------------------------------------


@rule("layout-margins", Severity.WARNING, "The page margins are not 1 in (2.54 cm).",
      fires=[_body_essay("", section="⟪section left=1.25 right=1.25⟫\n"),
             _body_essay("", section="⟪section top=0.79 right=0.79 bottom=0.79 left=0.79⟫\n")],
      passes=[_body_essay(""), _body_essay("", section="⟪section left=0.98 right=0.98⟫\n")],
      examples_kind="layout")
def layout_margins(ctx: CheckContext):
    """Every margin of every section is 1 in (2.54 cm; 2.4 to 2.7 cm count, for a page set up in
    centimetres). One finding, naming the margins that differ."""
    wrong: dict[str, float] = {}
    for section in ctx.document.sections:
        for side in ("top", "right", "bottom", "left"):
            value = getattr(section, side)
            if value is not None and abs(value - 1.0) > 0.06:
                wrong.setdefault(side, value)
    if wrong:
        sides = ", ".join(f"{side} {value * CM_PER_INCH:.2f} cm ({value:.2f} in)" for side, value in wrong.items())
        yield Finding(f"Your page margins are not 1 in (2.54 cm): {sides}. APA 7 sets every margin to 1 in. In "
                      "Word: Layout, Margins, Normal (2.54 cm all round).")


@rule("layout-page-number", Severity.WARNING, "No page number at the top right of the pages.",
      fires=[_body_essay("", section="⟪section page=none⟫\n"), _body_essay("", section="⟪section page=center⟫\n")],
      passes=[_body_essay("")],
      examples_kind="layout")
def layout_page_number(ctx: CheckContext):
    """A page number stands at the top right of every page: a PAGE field in the header, aligned
    right (or pushed there by a right tab). A number only in the footer does not count. One
    finding, for a document with no page number in any header or with it elsewhere than right."""
    sections = ctx.document.sections
    if not sections:
        return
    places = {s.page_number for s in sections}
    if places == {""}:
        yield Finding("Your pages have no page number at the top. APA 7 puts the page number at the top right of "
                      "every page, the title page included. In Word: Insert, Page Number, Top of Page, Plain "
                      "Number 3.")
    elif "right" not in places:
        yield Finding("Your page number is not at the right of the header. APA 7 puts it at the top right of every "
                      "page. In Word, double-click the header, select the number and choose Align Right (Ctrl+R).")


@rule("layout-references-heading", Severity.WARNING,
      "The reference list does not start on a new page under a centred, bold \"References\".",
      fires=[_body_essay("").replace("References\n", "⟪align=left⟫References\n"),
             _body_essay("").replace("References\n", "⟪bold=no⟫References\n"),
             _body_essay("").replace("References\n", "⟪break=no⟫References\n")],
      passes=[_body_essay("")],
      examples_kind="layout")
def layout_references_heading(ctx: CheckContext):
    """The reference list starts on a new page (a page break, "Page break before" or a section
    break before its heading) under the heading "References", centred and bold. One finding naming
    what differs. That the list does not start a page is said only of a file in which Word
    recorded where its pages broke (as Word does when it saves), since the page a heading falls on
    depends on everything before it."""
    heading = ctx.sections.heading
    formats = ctx.document.formats
    if heading is None or heading.index >= len(formats) or not ctx.references:
        return
    layout = formats[heading.index]
    wrong = []
    if layout.alignment != "center":
        wrong.append("justified, not centred" if layout.alignment == "justify" else f"aligned {layout.alignment}, not centred")
    if not layout.bold:
        wrong.append("not bold")
    # A heading with no break before it may still fall at a page's top; it is said to be on the same
    # page only when Word recorded its pages and did not put it first on one, and no run of empty
    # lines pushes it down.
    if not layout.page_break_before and ctx.document.pages_recorded and layout.blank_before < 3:
        wrong.append("not at the top of a new page")
    if wrong:
        yield Finding(f"The heading of your reference list is {', '.join(wrong)}. APA 7 starts the list on a new page "
                      "under \"References\", centred and bold. In Word, put the cursor before the heading and press "
                      "Ctrl+Enter for a new page, then centre it (Ctrl+E) and make it bold (Ctrl+B).",
                      heading_location(heading))


def heading_location(heading):
    from ..model import Location

    return Location(heading.index, 0, len(heading.text), heading.text, heading.line)


# --- headings ------------------------------------------------------------------------------------

_HEADING_STYLE = re.compile(r"heading ([1-5])$", re.IGNORECASE)
# APA 7's levels 1-3: (alignment, bold, italic, how it is described)
_LEVELS = {1: ("center", True, False, "centred and bold"), 2: ("left", True, False, "flush left and bold"),
           3: ("left", True, True, "flush left, bold and italic")}


def _styled_headings(ctx: CheckContext) -> list[tuple[int, object, ParagraphFormat]]:
    """(level, paragraph, format) of the body's headings made with Word's Heading 1-5 styles,
    before the reference list (the title and the list's own heading aside)."""
    formats = ctx.document.formats
    found = []
    for paragraph in ctx.sections.body:
        match = _HEADING_STYLE.match(paragraph.style or "")
        if match and paragraph.part == "body" and paragraph.index < len(formats) and len(paragraph.text.split()) <= 20:
            found.append((int(match.group(1)), paragraph, formats[paragraph.index]))
    return found


def _all_italic(paragraph) -> bool:
    text = paragraph.text
    covered = sum(end - start for start, end in paragraph.italic)
    return bool(text.strip()) and covered >= len(text.strip())


@rule("layout-headings", Severity.WARNING,
      "Headings made with Word's heading styles skip a level or are not formatted as APA 7's levels.",
      fires=["Professional networking\n⟪style=Heading_1 align=center bold⟫Introduction\n"
             "⟪style=Heading_3 align=left bold italic⟫Weak ties\nText (Raj et al., 2017).\nReferences\n"
             f"⟪left=0.5 first=-0.5⟫{RAJ}\n",
             "Professional networking\n⟪style=Heading_1 align=left bold⟫Introduction\nText (Raj et al., 2017).\n"
             f"⟪style=Heading_1 align=left bold⟫Method\nText.\nReferences\n⟪left=0.5 first=-0.5⟫{RAJ}\n",
             "Professional networking\n⟪style=Heading_1 align=center bold⟫Introduction\n"
             "⟪style=Heading_2 align=left bold⟫Ties\n⟪style=Heading_3 align=left bold italic⟫Weak ties\n"
             "⟪style=Heading_4 align=left bold⟫Online\nText (Raj et al., 2017).\nReferences\n"
             f"⟪left=0.5 first=-0.5⟫{RAJ}\n"],
      passes=["Professional networking\n⟪style=Heading_1 align=center bold⟫Introduction\n"
              "⟪style=Heading_2 align=left bold⟫Weak ties\n⟪style=Heading_3 align=left bold italic⟫Online ties\n"
              f"Text (Raj et al., 2017).\nReferences\n⟪left=0.5 first=-0.5⟫{RAJ}\n",
              f"Professional networking\nText (Raj et al., 2017).\nReferences\n⟪left=0.5 first=-0.5⟫{RAJ}\n"],
      examples_kind="layout")
def layout_headings(ctx: CheckContext):
    """Headings made with Word's Heading styles follow APA 7's levels: level 1 centred and bold,
    level 2 flush left and bold, level 3 flush left, bold and italic, levels 4 and 5 run into
    their paragraph (a Heading 4 or 5 paragraph on its own line is not), and no level is skipped (a Heading 3 straight
    under a Heading 1). Headings typed as bold text, without a style, carry no level to check and
    are left alone. One finding naming each level that differs, at its first heading."""
    headings = _styled_headings(ctx)
    if not headings:
        return
    problems, first_wrong = [], None
    current = 0
    for level, paragraph, layout in headings:
        if current and level > current + 1:  # (a paper whose top headings are all level 2 is left alone)
            problems.append(f"“{paragraph.text}” is a level {level} heading under a level {current} one")
            first_wrong = paragraph
            break
        current = level
    told: set[int] = set()
    for level, paragraph, layout in headings:
        if level in (4, 5) and level not in told:
            told.add(level)
            problems.append(f"your level {level} headings (“{paragraph.text}”) stand on a line of their own: APA 7 runs "
                            f"them into their paragraph, indented, {'bold' if level == 4 else 'bold and italic'}, "
                            "ending with a period")
            first_wrong = first_wrong or paragraph
        if level not in _LEVELS or level in told:
            continue
        alignment, bold, italic, _ = _LEVELS[level]
        differs = []
        # a one-line heading set justified prints flush left
        if layout.alignment != alignment and not (alignment == "left" and layout.alignment == "justify"):
            differs.append("centred" if alignment == "center" else "flush left")
        if bold and not layout.bold:
            differs.append("bold")
        if italic and not _all_italic(paragraph):
            differs.append("italic")
        if differs:
            told.add(level)
            problems.append(f"your level {level} headings (“{paragraph.text}”) are not {' or '.join(differs)}")
            first_wrong = first_wrong or paragraph
    if problems:
        yield Finding(f"In your headings, {'; and '.join(problems)}. APA 7 sets level 1 centred and bold, level 2 "
                      "flush left and bold, level 3 flush left, bold and italic, and uses the levels in order. In "
                      "Word, change the Heading 1, 2 and 3 styles (right-click the style, Modify) so every heading "
                      "follows.", heading_location(first_wrong))


# --- the title page ------------------------------------------------------------------------------

_TITLE_PAGE_LINES = 12
_AFFILIATION = re.compile(r"\b(?:University|College|School|Institute|Department|Faculty|Academy|Polytechnic)\b")
_INSTRUCTOR = re.compile(r"\b(?:Dr|Prof|Professor|Instructor|Lecturer|Tutor|Supervisor|Doctor|Teacher)\b\.?", re.IGNORECASE)
_DATE = re.compile(r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b"
                   r"|\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b(?:19|20)\d\d-\d\d-\d\d\b")
_PROFESSIONAL = re.compile(r"^(?:Author Note|Running head|Correspondence concerning)", re.IGNORECASE)
_NUMBERED_AUTHORS = re.compile(r"[a-z]\d(?:,\s?\d)*(?:,|\s|$)")  # "Hess1, Ben Listyg1": authors keyed to affiliations


def _title_page(ctx: CheckContext) -> list | None:
    """The paragraphs of a title page: the short lines before an early page break, when there is one."""
    formats, paragraphs = ctx.document.formats, ctx.document.paragraphs
    for index in range(2, min(_TITLE_PAGE_LINES, len(formats), len(paragraphs))):
        if formats[index].page_break_before:
            page = [p for p in paragraphs[:index] if p.part == "body"]
            if page and all(len(p.text.split()) <= 25 for p in page):
                return page
            return None
    return None


_TITLE_PAGE = ("Professional networking\nMaya Chen\nSchool of Information, Example University\n"
               "INF 305: Professional Learning\nDr. Ana Ruiz\nOctober 20, 2026\n")


@rule("layout-title-page", Severity.INFO,
      "A student paper's title page lacks its bold, centred title, the affiliation, the instructor or the date.",
      fires=[_TITLE_PAGE.replace("Professional networking", "⟪align=left bold⟫Professional networking").replace(
                 "Maya Chen", "⟪align=center⟫Maya Chen") + _body_essay("").replace("Professional networking\n", "⟪break⟫Body\n", 1),
             _TITLE_PAGE.replace("Dr. Ana Ruiz\n", "").replace("Professional networking", "⟪align=center bold⟫Professional networking")
             + _body_essay("").replace("Professional networking\n", "⟪break⟫Body\n", 1)],
      passes=[_TITLE_PAGE.replace("Professional networking", "⟪align=center bold⟫Professional networking")
              + _body_essay("").replace("Professional networking\n", "⟪break⟫Body\n", 1),
              _body_essay("")],
      examples_kind="layout")
def layout_title_page(ctx: CheckContext):
    """When the paper opens with a title page (short lines before a page break among its first
    twelve paragraphs), APA 7's student title page is looked for: the title bold and centred, the
    affiliation (a university, college or department), the instructor and the date. A note, not an
    error, for what is missing; a professional paper's title page (with an author note, a running
    head or authors numbered to their affiliations) and the course and author lines, which cannot
    be told reliably, are not judged."""
    page = _title_page(ctx)
    if not page or any(_PROFESSIONAL.match(p.text.strip()) or _NUMBERED_AUTHORS.search(p.text) for p in page):
        return  # a professional paper's title page
    formats = ctx.document.formats
    title = page[0]
    layout = formats[title.index]
    missing = []
    if layout.alignment != "center" or not layout.bold:
        missing.append("the title bold and centred")
    texts = [p.text for p in page[1:]]
    for name, pattern in (("your university or department", _AFFILIATION),
                          ("the instructor's name (with a title such as Dr. or Prof.)", _INSTRUCTOR),
                          ("the date", _DATE)):
        if not any(pattern.search(text) for text in texts):
            missing.append(name)
    if missing:
        yield Finding(f"Your title page lacks {', '.join(missing[:-1]) + ' and ' + missing[-1] if len(missing) > 1 else missing[0]}. "
                      "APA 7's student title page has, centred: the title in bold in the upper half, then your name, "
                      "your department and university, the course, the instructor and the due date.",
                      heading_location(title))
