"""Every correction of citeproc-py's output, in one place; each is small and has a test.

Three kinds: element fixes (mixins put in front of citeproc-py's element classes by
:mod:`.engine`), item fixes (applied to a CSL-JSON item before rendering) and text fixes
(applied to the rendered entry, italic marks included). Year suffixes and sorting, which
citeproc-py does not do the APA way, live in :mod:`.sorting`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .markup import ITALIC_OFF, ITALIC_ON, from_html

# --- element fixes --------------------------------------------------------------------------


_LIST_OF_NUMBERS = re.compile(r"\d[^,&]*(,|&|\band\b)\s*\S*\d")


class LabelPluralFix:
    """A report or publication number with a hyphen is one number: 'No. 18-2059', not 'Nos.'."""

    def _is_plural(self, item):
        if self.get("variable") == "number":
            return bool(_LIST_OF_NUMBERS.search(str(item.reference.get("number", ""))))
        return super()._is_plural(item)


class LabelCaseFix:
    """Labels honour text-case="title": '(Eds.)', '(Trans.)', not '(eds.)', '(trans.)'.

    citeproc-py calls ``case`` without a language, and title case is only applied to English.
    """

    def markup(self, text):
        if not text:
            return None
        language = (self.get_root().get("default-locale") or "en")[:2]
        return self.wrap(self.format(self.case(self.strip_periods(text), language)))


def initials(given: str, mark: str, hyphen: bool = True) -> str:
    """'Ji-woo' -> 'J.-W.', 'Nathanael J.' -> 'N. J.', 'Jean de' -> 'J. de', 'd. m.' -> 'd. m.'.

    citeproc-py treats the lower-case part after a hyphen as a particle ('J.-. woo .').
    """
    parts = given.split("-") if hyphen else [given.replace("-", " ")]
    out = []
    for position, part in enumerate(parts):
        words = part.replace(".", " ").split()
        pieces: list[str] = []
        group: list[str] = []
        for word in words:
            # after a hyphen every part is a name; elsewhere a lower-case word is a particle,
            # but a single letter is an initial and keeps its case ("boyd, d. m.")
            if len(word) == 1:
                group.append(word)
            elif word[0].isupper() or (position > 0 and not pieces and not group):
                group.append(word[0].upper())
            else:
                if group:
                    pieces.append(mark.join(group) + mark)
                    group = []
                pieces.append(word)
        if group:
            pieces.append(mark.join(group) + mark)
        out.append(" ".join(p.strip() for p in pieces if p.strip()))
    return "-".join(p for p in out if p)


class HyphenInitialsFix:
    """Hyphenated given names initialise each part: 'Ji-woo' -> 'J.-W.'."""

    def initialize(self, given, mark, context):
        return initials(str(given), mark, self.get_option("initialize-with-hyphen", context))


class SubstituteSuppressionFix:
    """A variable used by cs:substitute is empty for the rest of the entry (CSL 1.0.2, Substitute).

    citeproc-py only suppresses plain ``<text variable>`` children, so an authorless web page
    printed its title twice and an edited book its editors twice. The reference is a
    ``reference_view_class()`` copy; the variables read while a substitute child rendered are removed.
    """

    def render(self, item, context=None, **kwargs):
        reference = item.reference
        if not isinstance(reference, reference_view_class()):
            return super().render(item, context=context, **kwargs)
        reference.begin_recording()
        try:
            text = super().render(item, context=context, **kwargs)
        finally:
            used = reference.end_recording()
        if text:
            reference.suppress(used)
        return text


class FreshViewFix:
    """Each rendering of an entry starts from the full reference (a sort key may have suppressed some)."""

    def render_children(self, item, *args, **kwargs):
        fresh = getattr(type(item), "fresh_view", None)
        if fresh is not None:
            fresh(item)
        return super().render_children(item, *args, **kwargs)


def collation_key(value):
    """Sort letters as letters: 'Øvrebø' with O, 'Łukasz' with L, case ignored; numbers by value."""
    from ..names import strip_accents

    if value is None:
        return None
    text = str(value).replace(ITALIC_ON, "").replace(ITALIC_OFF, "")
    if text.isdigit():
        return (0, int(text), "")
    # punctuation inside names does not count ("O’Brien" files as "OBrien"); spaces and commas do
    letters = re.sub(r"[^\w\s,]", "", strip_accents(text).casefold())
    return (1, letters, text)


class SortCollationFix:
    """cs:sort compares letters, not code points (citeproc-py put Ø and Ł after Z)."""

    def sort(self, items, context):
        from functools import cmp_to_key

        keys = self.findall("cs:key", self.nsmap)
        descending = [k.get("sort", "ascending").lower() == "descending" for k in keys]
        columns = [[collation_key(v) for v in k.sort_keys(items, context)] for k in keys]
        rows = list(zip(items, *columns))

        def compare(left, right):
            for n, desc in enumerate(descending, start=1):
                a, b = left[n], right[n]
                if a is None or b is None:
                    if a is not b:
                        return 1 if a is None else -1  # items without the key go last
                    continue
                if a != b:
                    return (-1 if a < b else 1) * (-1 if desc else 1)
            return 0

        return [row[0] for row in sorted(rows, key=cmp_to_key(compare))]


_NUMERIC = re.compile(r"^[A-Za-z]*\d+[A-Za-z]*(?:\s*(?:[-\u2013,&]|and)\s*[A-Za-z]*\d+[A-Za-z]*)*$")


def is_numeric(value) -> bool:
    """CSL's is-numeric: numbers with affixes, joined by hyphen, comma or ampersand ('18-2059', '2b, 3')."""
    return bool(_NUMERIC.match(str(value).strip()))


class IsNumericFix:
    """is-numeric accepts ranges and lists ('NIH Publication No. 18-2059'); citeproc-py only took '12'."""

    def _is_numeric(self, item):
        variables = [v.replace("-", "_") for v in self.get("is-numeric").split()]
        return [v in item.reference and is_numeric(item.reference[v]) for v in variables]


class GroupSuppressionFix:
    """A group whose rendered branch called only empty variables is suppressed (CSL 1.0.2, Group).

    citeproc-py decided from every branch of a cs:choose, so a thesis printed '(Publication)'
    from a group whose only variable, number, was empty.
    """

    def process(self, item, context=None, **kwargs):
        from citeproc.source import VariableError

        reference = item.reference
        if not isinstance(reference, reference_view_class()):
            return super().process(item, context=context, **kwargs)
        reference.begin_group()
        text = None
        try:
            text = super().process(item, context=context, **kwargs)
        finally:
            called, rendered = reference.end_group(kept=text is not None)
        if called and not rendered:
            raise VariableError
        return text


ELEMENT_FIXES = {
    "If": (IsNumericFix,),
    "Else_If": (IsNumericFix,),
    "Group": (GroupSuppressionFix,),
    "Sort": (SortCollationFix,),
    "Layout": (FreshViewFix,),
    "Label": (LabelCaseFix, LabelPluralFix),
    "Name": (HyphenInitialsFix,),
    "Substitute": (SubstituteSuppressionFix,),
}


@lru_cache(maxsize=1)
def reference_view_class():
    """The ReferenceView class, built on first use (it subclasses citeproc's Reference)."""
    from citeproc.source import Reference

    class ReferenceView(Reference):
        """A copy of a citeproc Reference for one rendering: records reads, can hide variables."""

        _never_suppressed = frozenset({"key", "type", "language"})
        # year-suffix is generated, not called (CSL 1.0.2): an empty one must not suppress '(n.d.)'
        _not_called = _never_suppressed | {"year_suffix"}

        def __init__(self, reference):
            dict.__init__(self, reference)
            # object.__setattr__: citeproc's CustomDict turns attributes into dictionary keys
            object.__setattr__(self, "_logs", [])
            object.__setattr__(self, "_groups", [])  # [called, rendered] of each open cs:group

        def __getitem__(self, key):
            try:
                value = super().__getitem__(key)
            except Exception:
                if self._groups and key not in self._not_called:
                    self._groups[-1][0] = True
                raise
            if key not in self._never_suppressed and self._logs:
                self._logs[-1].add(key)
            if key not in self._not_called and self._groups:
                self._groups[-1][0] = True
                self._groups[-1][1] = self._groups[-1][1] or bool(value)
            return value

        def begin_group(self):
            self._groups.append([False, False])

        def end_group(self, kept: bool) -> tuple[bool, bool]:
            called, rendered = self._groups.pop()
            if self._groups:
                self._groups[-1][0] = self._groups[-1][0] or called
                self._groups[-1][1] = self._groups[-1][1] or (rendered and kept)
            return called, rendered

        def begin_recording(self):
            self._logs.append(set())

        def end_recording(self) -> set:
            used = self._logs.pop()
            if self._logs:
                self._logs[-1] |= used
            return used

        def get(self, key, default=None):
            return self[key] if key in self else default

        def suppress(self, variables):
            for key in set(variables) - self._never_suppressed:
                self.pop(key, None)

    return ReferenceView


@lru_cache(maxsize=1)
def citation_item_class():
    """citeproc's CitationItem whose ``reference`` is the per-rendering view when one is set."""
    from citeproc.source import CitationItem

    class ViewCitationItem(CitationItem):
        @property
        def reference(self):
            view = dict.get(self, "view")
            return view if view is not None else self.bibliography.source[self.key]

        def fresh_view(self):
            dict.__setitem__(self, "view", reference_view_class()(self.bibliography.source[self.key]))

    return ViewCitationItem


# --- item fixes -----------------------------------------------------------------------------

_TEXT_FIELDS = ("title", "container-title", "collection-title", "publisher", "event", "genre",
                "title-short", "container-title-short", "original-title", "medium", "note")
_NAME_FIELDS = ("author", "editor", "translator", "container-author", "collection-editor",
                "director", "composer", "interviewer", "recipient", "illustrator")


def curly_quotes(text: str) -> str:
    """Straight quotes and apostrophes to typographic ones: O'Brien -> O’Brien, "x" -> “x”."""
    if "'" not in text and '"' not in text:
        return text
    text = re.sub(r"(?<![\w\u2019.,!?])'(?=\w)(?!\d0s)", "\u2018", text)
    text = text.replace("'", "\u2019")
    text = re.sub(r'(?<![\w.,!?\u2019])"(?=\S)', "\u201c", text)
    return text.replace('"', "\u201d")


def plain_field(value) -> str:
    """A field's text with HTML markup turned into italic marks and straight quotes made curly."""
    parts = re.split(r"(<[^>]*>)", from_html(str(value)))
    return "".join(part if part.startswith("<") else curly_quotes(part) for part in parts)


def fix_item(item: dict) -> dict:
    """A copy of a CSL-JSON item with the item-level fixes applied (quotes, markup, empty fields)."""
    fixed = {}
    for key, value in item.items():
        if value in (None, "", [], {}):
            continue
        if key in _TEXT_FIELDS and isinstance(value, str):
            value = plain_field(value)
        elif key in _NAME_FIELDS and isinstance(value, list):
            value = [{k: curly_quotes(str(v)) if isinstance(v, str) else v for k, v in name.items()}
                     for name in value if isinstance(name, dict)]
        fixed[key] = value
    return fixed


def drop_publisher_same_as_author(item: dict) -> dict:
    """APA 9.24/9.30: a publisher or site name that repeats the group author is left out."""
    authors = item.get("author") or []
    if len(authors) != 1 or not authors[0].get("literal"):
        return item
    from ..names import fold

    same = fold(str(authors[0]["literal"]))
    fields = ["publisher"] + (["container-title"] if item.get("type") in ("webpage", "post") else [])
    return {k: v for k, v in item.items() if not (k in fields and fold(str(v)) == same)}


# --- text fixes -----------------------------------------------------------------------------

_RETRIEVED_URL = re.compile(r"\bRetrieved (?=https?://)")


def drop_dangling_retrieved(text: str, item: dict) -> str:
    """'Retrieved https://…' without a date is not APA: the word belongs to 'Retrieved <date>, from'."""
    if item.get("accessed"):
        return text
    return _RETRIEVED_URL.sub("", text)


def apa_ellipsis(text: str) -> str:
    """APA 7 (9.8) writes the omission before the last of 21+ authors as '. . .', not '…'."""
    return text.replace(", \u2026 ", ", . . . ")


_LEADING_LABEL = re.compile(r"^(\[\d+\]|\d+\.)(?=\S)")


def space_after_label(text: str) -> str:
    """'[1]M. Raj' -> '[1] M. Raj': the gap second-field-align leaves to a column is a space in text."""
    return _LEADING_LABEL.sub(r"\1 ", text)


_LEFTOVER_TAG = re.compile(r"</?span[^>]*>")


def tidy_marks(text: str) -> str:
    """No empty italic runs, and no case-protection tag left in the text."""
    return _LEFTOVER_TAG.sub("", text.replace(ITALIC_ON + ITALIC_OFF, ""))


_DOUBLE_MARK = re.compile(f"([?!])([{ITALIC_OFF}]?)\\.")


def no_period_after_question(text: str) -> str:
    """A title ending in ? or ! takes no added period: 'What counts? Journal', not 'What counts?. Journal'."""
    return _DOUBLE_MARK.sub(r"\1\2", text)


def fix_text(text: str, item: dict, apa: bool = True, labelled: bool = False) -> str:
    """All text fixes, in order, for one rendered entry (``labelled``: the style aligns a number column)."""
    text = drop_dangling_retrieved(text, item)
    if labelled:
        text = space_after_label(text)
    if apa:
        text = apa_ellipsis(text)
    text = no_period_after_question(text)
    return tidy_marks(text)
