"""Parsing one XML part of a .docx or .odt safely: no DTD, no entities, no network, bounded depth."""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import InputError
from .limits import MAX_XML_ELEMENTS

RESAVE = "Save it again from Word (File > Save As > .docx) and try again."


@dataclass(frozen=True)
class Wording:
    """How errors name a kind of zipped XML document and tell to save it again."""

    read_as: str  # "could not be read as …"
    noun: str  # "… has a few dozen" files
    writer: str  # "a DOCTYPE, which … writes"
    resave: str


WORD = Wording("a Word document", "a Word document", "Word never", RESAVE)
# "<!DOCTYPE" as UTF-8 and as UTF-16 in both byte orders: Word never writes one.
_DOCTYPES = tuple("<!DOCTYPE".encode(codec) for codec in ("utf-8", "utf-16-le", "utf-16-be"))


def parse_xml(data: bytes, path: str, part: str, wording: Wording = WORD):
    """The root element of ``data``; InputError for a DOCTYPE, an entity trick or broken XML.

    libxml2 without ``huge_tree`` refuses nesting deeper than 256 levels, which also
    bounds the recursion of the readers walking the tree.
    """
    from lxml import etree

    if any(marker in data for marker in _DOCTYPES):
        raise unreadable(path, f"{part} contains a DOCTYPE, which {wording.writer} writes", wording)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                             remove_comments=True, remove_pis=True)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        detail = "it is nested too deeply" if "depth" in str(error).lower() else f"XML error on line {error.lineno}"
        raise unreadable(path, f"{part} is damaged ({detail})", wording) from None
    except (ValueError, etree.LxmlError) as error:
        raise unreadable(path, f"{part} is damaged ({error})", wording) from None
    if root is None or root.getroottree().docinfo.doctype:
        raise unreadable(path, f"{part} is empty or has a DOCTYPE", wording)
    if root.xpath("count(//*)") > MAX_XML_ELEMENTS:  # bounds the time spent walking the tree
        raise InputError(f"{path} was not read because {part} holds more than {MAX_XML_ELEMENTS:,} XML "
                         f"elements; it is not an ordinary essay. {wording.resave}")
    return root


def unreadable(path: str, reason: str, wording: Wording = WORD) -> InputError:
    """The one error for a document that cannot be read, with what to do about it."""
    return InputError(f"{path} could not be read as {wording.read_as}: {reason}. {wording.resave}")


class ShortTags:
    """Prefixed names of elements ('w:p', 'text:p') for a vocabulary of namespaces, cached:
    a document uses a few dozen distinct tags, millions of times."""

    def __init__(self, prefixes: dict[str, str]) -> None:
        self.prefixes = prefixes  # namespace URI -> prefix
        self._cache: dict[str, str] = {}

    def __call__(self, element) -> str:
        """'w:p', 'text:p' …; the local name for other namespaces; '' for comments."""
        tag = element.tag
        if not isinstance(tag, str):
            return ""
        short = self._cache.get(tag)
        if short is None:
            namespace, _, local = tag[1:].rpartition("}")
            short = f"{self.prefixes[namespace]}:{local}" if namespace in self.prefixes else local
            if len(self._cache) < 10_000:  # hostile files may invent tags without end
                self._cache[tag] = short
        return short
