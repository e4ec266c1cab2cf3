"""WordprocessingML names: namespaces, short tags and on/off properties."""

from __future__ import annotations

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
M_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"
# Word's "Strict Open XML" files use other names for the same namespaces; the package
# reader rewrites them to these before parsing, so the rest only knows one vocabulary.
STRICT_NAMES = {
    b"http://purl.oclc.org/ooxml/wordprocessingml/main": W_NS.encode(),
    b"http://purl.oclc.org/ooxml/officeDocument/relationships": R_NS.encode(),
    b"http://purl.oclc.org/ooxml/officeDocument/math": M_NS.encode(),
}
_PREFIX = {W_NS: "w", R_NS: "r", MC_NS: "mc", M_NS: "m"}
_SHORT: dict[str, str] = {}  # a document uses a few dozen distinct tags, millions of times
_OFF = {"0", "false", "off", "none"}
_VAL = f"{{{W_NS}}}val"


def w(local: str) -> str:
    """The Clark name of ``w:local`` (for find and get)."""
    return f"{{{W_NS}}}{local}"


def r(local: str) -> str:
    """The Clark name of ``r:local``."""
    return f"{{{R_NS}}}{local}"


def short_tag(element) -> str:
    """'w:p', 'm:t', 'mc:AlternateContent' …; the local name for other namespaces."""
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    short = _SHORT.get(tag)
    if short is None:
        namespace, _, local = tag[1:].rpartition("}")
        short = f"{_PREFIX[namespace]}:{local}" if namespace in _PREFIX else local
        if len(_SHORT) < 10_000:
            _SHORT[tag] = short
    return short


def toggle(properties, local: str) -> bool | None:
    """The on/off property ``w:local`` of a ``w:rPr``: True, False (w:val="0"/"false") or None if unset."""
    if properties is None:
        return None
    element = properties.find(f"{{{W_NS}}}{local}")
    if element is None:
        return None
    return element.get(_VAL, "true").lower() not in _OFF
