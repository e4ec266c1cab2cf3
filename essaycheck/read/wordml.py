"""WordprocessingML names: namespaces, short tags and on/off properties."""

from __future__ import annotations

from .xml import ShortTags

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
short_tag = ShortTags({W_NS: "w", R_NS: "r", MC_NS: "mc", M_NS: "m"})  # 'w:p', 'm:t', 'mc:AlternateContent' …
_OFF = {"0", "false", "off", "none"}
_VAL = f"{{{W_NS}}}val"


def w(local: str) -> str:
    """The Clark name of ``w:local`` (for find and get)."""
    return f"{{{W_NS}}}{local}"


def r(local: str) -> str:
    """The Clark name of ``r:local``."""
    return f"{{{R_NS}}}{local}"


def toggle(properties, local: str) -> bool | None:
    """The on/off property ``w:local`` of a ``w:rPr``: True, False (w:val="0"/"false") or None if unset."""
    if properties is None:
        return None
    element = properties.find(f"{{{W_NS}}}{local}")
    if element is None:
        return None
    return element.get(_VAL, "true").lower() not in _OFF
