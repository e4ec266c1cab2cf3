"""Parsing one XML part of a .docx safely: no DTD, no entities, no network, bounded depth."""

from __future__ import annotations

from ..errors import InputError

# "<!DOCTYPE" as UTF-8 and as UTF-16 in both byte orders: Word never writes one.
_DOCTYPES = tuple("<!DOCTYPE".encode(codec) for codec in ("utf-8", "utf-16-le", "utf-16-be"))


def parse_xml(data: bytes, path: str, part: str):
    """The root element of ``data``; InputError for a DOCTYPE, an entity trick or broken XML."""
    from lxml import etree

    if any(marker in data for marker in _DOCTYPES):
        raise InputError(f"{path} could not be read as a Word document: {part} contains a DOCTYPE, "
                         "which Word never writes (the file may be hostile).")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                             remove_comments=True, remove_pis=True)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        reason = "it is nested too deeply" if "depth" in str(error).lower() else str(error).splitlines()[0]
        raise InputError(f"{path} could not be read as a Word document: {part} is damaged ({reason}).") from None
    except (ValueError, etree.LxmlError) as error:
        raise InputError(f"{path} could not be read as a Word document: {part} is damaged ({error}).") from None
    if root is None or root.getroottree().docinfo.doctype:
        raise InputError(f"{path} could not be read as a Word document: {part} is empty or has a DOCTYPE.")
    return root
