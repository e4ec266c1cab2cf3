"""citeproc-py, parsed once and made fast: style elements that cache what does not depend on the item.

citeproc-py answers every macro, term, option and layout lookup with an XPath query, for every
item, again and again; those answers depend only on the style, so each element here remembers
them. The caches live on the element proxies, which stay alive because the parsed style keeps a
list of all its elements. Behaviour fixes come from :mod:`.fixes` as mixins.
"""

from __future__ import annotations

from functools import lru_cache

CSL_NS = "http://purl.org/net/xbiblio/csl"


class _CachedXPath:
    """Mixin: memoised root, layout, macro and XPath lookups (all static for a parsed style)."""

    def _memo(self):
        # instance attribute, not getattr: citeproc's __getattr__ turns unknown names into child lookups
        memo = self.__dict__.get("_memo_dict")
        if memo is None:
            memo = self.__dict__["_memo_dict"] = {}
        return memo

    def get_root(self):
        root = self.__dict__.get("_root")
        if root is None:
            root = self.__dict__["_root"] = self.getroottree().getroot()
        return root

    def get_formatter(self):
        formatter = self.__dict__.get("_formatter")
        if formatter is None:
            formatter = self.__dict__["_formatter"] = super().get_formatter()
        return formatter

    def get_macro(self, name):
        memo = self.get_root()._memo()
        key = ("macro", name)
        if key not in memo:
            memo[key] = super().get_macro(name)
        return memo[key]

    def get_layout(self):
        memo = self._memo()
        if "layout" not in memo:
            memo["layout"] = super().get_layout()
        return memo["layout"]

    def xpath_search(self, expression):
        memo = self._memo()
        key = ("xpath", expression)
        if key not in memo:
            memo[key] = super().xpath_search(expression)
        return memo[key]


class _Cached(_CachedXPath):
    """Mixin: also memoise term, date-format and locale-option lookups (style elements only)."""

    def get_term(self, name, form=None, fallback_locale=True, zero_padded=False):
        memo = self.get_root()._memo()
        key = ("term", name, form, fallback_locale, zero_padded)
        if key not in memo:
            memo[key] = super().get_term(name, form, fallback_locale, zero_padded)
        return memo[key]

    def get_single_term(self, name, *args, **kwargs):
        memo = self.get_root()._memo()
        key = ("single", name, args, tuple(sorted(kwargs.items())))
        if key not in memo:
            memo[key] = super().get_single_term(name, *args, **kwargs)
        return memo[key]

    def get_plural_term(self, name, *args, **kwargs):
        memo = self.get_root()._memo()
        key = ("plural", name, args, tuple(sorted(kwargs.items())))
        if key not in memo:
            memo[key] = super().get_plural_term(name, *args, **kwargs)
        return memo[key]

    def get_date(self, form):
        memo = self.get_root()._memo()
        key = ("date", form)
        if key not in memo:
            memo[key] = super().get_date(form)
        return memo[key]

    def get_locale_option(self, name):
        memo = self.get_root()._memo()
        key = ("locale-option", name)
        if key not in memo:
            memo[key] = super().get_locale_option(name)
        return memo[key]


class _CachedCallsVariable:
    """Mixin: whether an element calls a variable never changes."""

    def calls_variable(self):
        memo = self._memo()
        if "calls_variable" not in memo:
            memo["calls_variable"] = super().calls_variable()
        return memo["calls_variable"]


@lru_cache(maxsize=1)
def element_classes() -> dict:
    """Tag name -> element class: citeproc-py's classes with the caches and :mod:`.fixes` mixed in."""
    from citeproc import model

    from . import fixes

    classes = {}
    for base in model.CitationStylesElement.__subclasses__():
        mixins = list(fixes.ELEMENT_FIXES.get(base.__name__, ()))
        # a locale's own get_term/get_date have other signatures and raise on a miss
        mixins.append(_CachedXPath if base is model.Locale else _Cached)
        if "calls_variable" in dir(base):
            mixins.insert(0, _CachedCallsVariable)
        classes[base.__name__.replace("_", "-").lower()] = type(base.__name__, (*mixins, base), {})
    classes[None] = type("CitationStylesElement", (_Cached, model.CitationStylesElement), {})
    return classes


class ParsedStyle:
    """A CSL style parsed once with the fast element classes; duck-types citeproc's CitationStylesStyle."""

    def __init__(self, path: str, locale: str | None = None):
        from lxml import etree

        from .markup import FORMATTER

        lookup = etree.ElementNamespaceClassLookup()
        namespace = lookup.get_namespace(CSL_NS)
        for tag, cls in element_classes().items():
            namespace[tag] = cls
        parser = etree.XMLParser(remove_comments=True, encoding="UTF-8", no_network=True,
                                 resolve_entities=False)
        parser.set_element_class_lookup(lookup)
        self.path = path
        self.xml = etree.parse(path, parser)
        self.root = self.xml.getroot()
        self.root.formatter = FORMATTER
        self.root.set_locale_list(locale or self.root.get("default-locale", "en-US"), validate=False)
        # keep every element proxy alive, so that the caches kept on them survive
        self._elements = list(self.root.iter())
        for element in self._elements:
            element.__dict__["_root"] = self.root
        self.title = self.root.findtext(f"{{{CSL_NS}}}info/{{{CSL_NS}}}title") or path
        self.language = (self.root.get("default-locale") or "en-US")[:2]

    def has_bibliography(self) -> bool:
        return self.root.bibliography is not None

    def render_citation(self, citation, cites, callback=None):
        return self.root.citation.render(citation, cites, callback)

    def sort_bibliography(self, citation_items):
        return self.root.bibliography.sort(citation_items)

    def render_bibliography(self, citation_items):
        return self.root.bibliography.render(citation_items)
