"""Layout rules (Word documents): the reference list's hanging indent and spacing, read as Word shows them.

Each rule reads the effective values of :class:`essaycheck.model.ParagraphFormat` (every layer of
Word's formatting resolved by :mod:`essaycheck.read.formats`) and says one thing for a pattern:
"none of the 14 entries has a hanging indent" is one finding with the way to fix it in Word,
not fourteen. Documents that carry no layout (text, Markdown, PDF, OpenDocument) are not checked.
"""

from __future__ import annotations

from ..model import ParagraphFormat, Severity
from .base import CheckContext, Finding, rule
from .examples import BRAUN, RAJ, WENGER, layout_essay

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
    return f"{inches * 2.54:.2f}".rstrip("0").rstrip(".") + " cm"


@rule("layout-hanging-indent", Severity.WARNING,
      "The reference list's entries have no hanging indent of 0.5 in (1.27 cm), or are set as a list.",
      fires=[layout_essay(_CITE, *(f"⟪line=2⟫{e}" for e in (BRAUN, RAJ, WENGER))),
             layout_essay(_CITE, *(f"⟪left=0.5 first=0 line=2⟫{e}" for e in (BRAUN, RAJ, WENGER))),
             layout_essay(_CITE, *(f"⟪left=0.5 first=-0.5 line=2 numbered⟫{e}" for e in (BRAUN, RAJ, WENGER))),
             layout_essay(_CITE, f"{_APA_ENTRY}{BRAUN}", f"⟪line=2⟫{RAJ}", f"⟪line=2⟫{WENGER}")],
      passes=[layout_essay(_CITE, *(f"{_APA_ENTRY}{e}" for e in (BRAUN, RAJ, WENGER))),
              layout_essay(_CITE, *(f"⟪left=0.39 first=-0.39 line=2⟫{e}" for e in (BRAUN, RAJ, WENGER))),
              layout_essay(_CITE, f"⟪line=2⟫{BRAUN}", f"{_APA_ENTRY}{RAJ}", f"{_APA_ENTRY}{WENGER}")],
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
    if hangings == {0.0}:
        what = "no hanging indent"
    elif len(hangings) == 1:
        what = f"a hanging indent of {_cm(hangings.pop())} instead of 1.27 cm"
    else:
        what = "no hanging indent of 0.5 in (1.27 cm)"
    yield Finding(f"In your reference list, {_count(len(wrong), len(entries), 'have')} {what}. APA 7 gives every entry a hanging "
                  f"indent: the first line at the margin, the others 0.5 in (1.27 cm) in. {_SET_HANGING}")


@rule("layout-reference-spacing", Severity.WARNING,
      "The reference list is not double-spaced, or has extra space between its entries.",
      fires=[layout_essay(_CITE, *(f"⟪left=0.5 first=-0.5 line=1⟫{e}" for e in (BRAUN, RAJ, WENGER))),
             layout_essay(_CITE, *(f"⟪left=0.5 first=-0.5 line=2 after=12⟫{e}" for e in (BRAUN, RAJ, WENGER))),
             layout_essay(_CITE, *(f"⟪left=0.5 first=-0.5 line=2 blank=1⟫{e}" for e in (BRAUN, RAJ, WENGER)))],
      passes=[layout_essay(_CITE, *(f"{_APA_ENTRY}{e}" for e in (BRAUN, RAJ, WENGER))),
              layout_essay(_CITE, *(f"⟪left=0.5 first=-0.5 line=2 after=12 contextual⟫{e}" for e in (BRAUN, RAJ, WENGER)))],
      examples_kind="layout")
def layout_reference_spacing(ctx: CheckContext):
    """The reference list is double-spaced (line spacing "Double", or a multiple of 1.9 to 2.1),
    with no extra space between entries: no space before or after them (unless Word's "Don't add
    space between paragraphs of the same style" is on) and no empty lines. Read as Word shows it,
    every layer resolved. One finding for the list, when at least half of its entries differ."""
    entries = _entry_formats(ctx)
    if len(entries) < 2:
        return
    later = entries[1:]  # space before the first entry does not come between entries
    single = [f for _, f in entries if f.line_spacing is None or not 1.9 <= f.line_spacing <= 2.1]
    spaced = [f for _, f in later if f.blank_before or (not f.contextual_spacing and f.space_before >= 1)]
    spaced += [f for _, f in entries[:-1] if not f.contextual_spacing and f.space_after >= 1 and f not in spaced]
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


def _count(number: int, total: int, verb: str = "are") -> str:
    if number == total:
        return f"all {total} entries {verb}" if total > 2 else f"both entries {verb}"
    return f"{number} of the {total} entries {verb if number != 1 else _singular(verb)}"


def _singular(verb: str) -> str:
    return {"are": "is", "have": "has"}.get(verb, verb)
