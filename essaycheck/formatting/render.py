"""Rendering CSL-JSON items through citeproc-py: one entry at a time, in APA order, once for every output."""

from __future__ import annotations

import json
import re
import warnings
from dataclasses import dataclass, field, replace

from . import fixes, markup
from .csl_items import apa_case, family_names
from .sorting import apa_order, assign_year_suffixes
from .style import DEFAULT_STYLE, is_apa, load_style


@dataclass(frozen=True)
class RenderedEntry:
    """One formatted reference: plain text (Unicode punctuation), HTML, and where the italics are."""

    id: str
    text: str
    html: str
    italic: tuple[tuple[int, int], ...] = ()
    parenthetical: str = ""
    narrative: str = ""
    item: dict = field(default_factory=dict, compare=False, repr=False)  # the CSL-JSON rendered (suffix included)

    @property
    def markdown(self) -> str:
        return markup.to_markdown(self.text, self.italic)


def _citation_items(items: list[dict]) -> list:
    """citeproc citation items for ``items`` (fixed, in order), sharing one bibliography-like holder."""
    from types import SimpleNamespace

    from citeproc import Citation
    from citeproc.source.json import CiteProcJSON

    # ids by position: CiteProcJSON lower-cases ids, and two items may share one
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # CSL variables citeproc-py does not know (event-title)
        source = CiteProcJSON([{**item, "id": f"k{n}"} for n, item in enumerate(items)])
    view_item = fixes.citation_item_class()
    cites = [view_item(f"k{n}") for n in range(len(items))]
    Citation(cites).bibliography = SimpleNamespace(keys=[c.key for c in cites], source=source,
                                                   formatter=markup.FORMATTER)
    return cites


def prepare(items: list[dict], style, keep: frozenset[str] = frozenset()) -> list[dict]:
    """Fixed copies of ``items`` in bibliography order, year suffixes assigned, titles in APA 7's
    capitals (APA styles; ``keep``: the essay's proper nouns, see :func:`csl_items.apa_case`)."""
    fixed = [fixes.fix_item(item) for item in items]
    if not is_apa(style):
        return fixed
    keep = keep | family_names(fixed)
    return apa_order([apa_case(fixes.drop_publisher_same_as_author(item), keep) for item in fixed])


def render_entries(items: list[dict], style: str = DEFAULT_STYLE, in_text: bool = False,
                   keep: frozenset[str] = frozenset()) -> list[RenderedEntry]:
    """The bibliography of ``items`` in order; ``in_text`` adds the parenthetical and narrative forms;
    ``keep``: the essay's proper nouns, which APA's sentence case leaves capitalised."""
    parsed = load_style(style)
    apa = is_apa(parsed)
    ordered = prepare(items, parsed, keep)
    cites = _citation_items(ordered)
    if not apa and cites and parsed.root.bibliography.sort is not None:
        cites = parsed.sort_bibliography(cites)
        cites[0].bibliography.keys[:] = [c.key for c in cites]
        if (parsed.root.citation is not None
                and parsed.root.citation.get("disambiguate-add-year-suffix") == "true"):
            _suffix_in_place(cites, ordered)
    labelled = parsed.root.bibliography.get("second-field-align") is not None
    entries = []
    for cite in cites:
        item = ordered[int(cite.key[1:])]
        key = _cache_key(style, item, in_text) if apa else None
        entry = _RENDERED.get(key) if key else None
        if entry is None:
            entry = _render_one(parsed, cite, item, apa=apa, labelled=labelled, in_text=in_text)
            if key:
                _remember(key, entry)
        entries.append(replace(entry, id=str(item.get("id", "")), item=item))
    return entries


def _render_one(parsed, cite, item: dict, *, apa: bool, labelled: bool, in_text: bool) -> RenderedEntry:
    rendered = parsed.render_bibliography([cite])
    marked = fixes.fix_text(str(rendered[0]) if rendered else "", item, apa=apa, labelled=labelled)
    text, spans = markup.italic_spans(marked)
    parenthetical = _parenthetical(parsed, cite) if in_text else ""
    return RenderedEntry(str(item.get("id", "")), text, markup.to_html(text, spans), spans,
                         parenthetical, narrative_form(parenthetical) if in_text else "", item)


# With APA styles each entry renders on its own once year suffixes are assigned, so an entry
# depends only on its item: a re-check, or a class citing the same works, renders each once.
_RENDERED: dict[tuple, RenderedEntry] = {}
_RENDERED_LIMIT = 4096


def _cache_key(style: str, item: dict, in_text: bool) -> tuple:
    content = {k: v for k, v in item.items() if k != "id"}
    return (style, in_text, json.dumps(content, sort_keys=True, ensure_ascii=False, default=str))


def _remember(key: tuple, entry: RenderedEntry) -> None:
    if len(_RENDERED) >= _RENDERED_LIMIT:
        del _RENDERED[next(iter(_RENDERED))]  # the oldest
    _RENDERED[key] = entry


def _suffix_in_place(cites, ordered: list[dict]) -> None:
    """Year suffixes for a style that sorts itself: set on citeproc's references, in printed order."""
    from citeproc.string import String

    in_order = [ordered[int(c.key[1:])] for c in cites]
    for cite, item in zip(cites, assign_year_suffixes(in_order)):
        if item.get("year-suffix"):
            cite.bibliography.source[cite.key]["year_suffix"] = String(item["year-suffix"])


def _parenthetical(style, cite) -> str:
    from citeproc import Citation

    bibliography = cite.bibliography
    alone = Citation([cite])
    alone.bibliography = bibliography
    return markup.strip_marks(str(style.render_citation(alone, [])))


_YEARISH = re.compile(r"^(?:\d{4}[a-z]{0,2}|n\.d\.(?:-[a-z]{1,2})?|in press(?:-[a-z]{1,2})?)(?:, .*)?$", re.I)


def narrative_form(parenthetical: str) -> str:
    """'(Raj et al., 2017)' -> 'Raj et al. (2017)'; anything not of that shape is returned unbracketed."""
    inner = parenthetical.strip()
    if inner.startswith("(") and inner.endswith(")"):
        inner = inner[1:-1]
    head, sep, tail = inner.rpartition(", ")
    while sep and not _YEARISH.match(tail):
        head, sep, rest = head.rpartition(", ")
        tail = rest + ", " + tail
    if not sep:
        return inner
    # APA 8.17: '&' inside parentheses, 'and' in running text
    return f"{head.replace(' & ', ' and ')} ({tail})"


def in_text_forms(item: dict, items: list[dict] | None = None, style: str = DEFAULT_STYLE) -> tuple[str, str]:
    """The parenthetical and narrative citation of ``item`` among ``items`` (for year suffixes)."""
    pool = list(items) if items else [item]
    if not any(other is item for other in pool):
        pool.append(item)
    index = next(n for n, other in enumerate(pool) if other is item)
    marked_id = f"__in_text_{index}"
    pool = [{**other, "id": marked_id} if n == index else other for n, other in enumerate(pool)]
    for entry in render_entries(pool, style, in_text=True):
        if entry.id == marked_id:
            return entry.parenthetical, entry.narrative
    raise LookupError("item not rendered")


def format_references(references, records: dict | None = None, style: str = DEFAULT_STYLE,
                      keep: frozenset[str] = frozenset()) -> dict[int, RenderedEntry]:
    """Reference index -> its entry formatted (with in-text forms), from the best data available.

    For reports: the resolved record (``records[index]["csl"]``) when there is one, else the
    fields parsed from the student's entry. ``keep``: the essay's proper nouns, kept capitalised
    when a title is put in sentence case.
    """
    from .csl_items import best_item

    items = [best_item(ref, ((records or {}).get(ref.index) or {}).get("csl")) for ref in references]
    by_id = {item["id"]: ref.index for item, ref in zip(items, references)}
    return {by_id[entry.id]: entry for entry in render_entries(items, style, in_text=True, keep=keep or frozenset())}

