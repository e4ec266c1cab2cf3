"""Reading an essay safely: .docx, .odt, PDF, RTF, HTML, .txt or .md, decided from the bytes, into a Document.

Every problem with the input (missing, not a regular file, wrong format, damaged,
hostile, too large, not UTF-8, no text) is an :class:`~essaycheck.errors.InputError`
with one line a student can act on. The file is only ever opened read-only.
"""

from __future__ import annotations

import os
from importlib import import_module
from dataclasses import replace

from ..errors import InputError
from ..model import Document, Paragraph
from .disk import read_file_bytes
from .collector import collector_paused
from .sniff import KINDS, sniff
from .text import decode_text, normalise_text, text_paragraphs

__all__ = ["read_document", "document_from_text", "READERS"]

# kind -> (module, function(data, path) -> paragraphs) of the readers of binary and markup formats
READERS = {"odt": ("odt", "odt_paragraphs"), "pdf": ("pdf", "pdf_paragraphs"), "rtf": ("rtf", "rtf_paragraphs"),
           "html": ("html", "html_paragraphs")}


def read_document(path) -> Document:
    """Read the essay at ``path`` into its paragraphs in reading order (any kind :func:`sniff` names).

    The collector waits while it is read: an object per run, character or format, and no cycles."""
    with collector_paused():
        return _read(os.fspath(path))


def _read(name: str) -> Document:
    data = read_file_bytes(name)
    kind = sniff(data, name)
    if kind == "docx":
        contents = _guarded(lambda: _docx_contents(data, name), name, kind)
        document = _document(name, kind, contents.paragraphs)
        return replace(document, fields=contents.fields, sources=contents.sources,
                       manager_bookmarks=contents.manager_bookmarks, formats=contents.formats,
                       sections=contents.sections, pages_recorded=contents.pages_recorded)
    if kind in READERS:
        module, function = READERS[kind]
        reader = getattr(import_module(f".{module}", __name__), function)
        return _document(name, kind, _guarded(lambda: reader(data, name), name, kind))
    return _document(name, kind, _text_paragraphs(decode_text(data, name), kind, name))


def document_from_text(text: str, kind: str = "txt", path: str = "<text>") -> Document:
    """A Document from a string of plain text (``kind="txt"``) or Markdown (``kind="md"``)."""
    if kind not in ("txt", "md"):
        raise InputError(f"{path}: text can be read as 'txt' or 'md', not {kind!r}.")
    return _document(path, kind, _text_paragraphs(normalise_text(text, path), kind, path))


def _text_paragraphs(text: str, kind: str, path: str) -> tuple[Paragraph, ...]:
    if kind == "md":
        from .markdown import markdown_paragraphs

        return markdown_paragraphs(text, path)
    return text_paragraphs(text, path)


def _docx_contents(data: bytes, path: str):
    from .docx import docx_contents

    return docx_contents(data, path)


def _guarded(read, path: str, kind: str):
    """``read()``, with any unexpected error turned into one line: untrusted files never end in a traceback."""
    try:
        return read()
    except InputError:
        raise
    except Exception as error:
        from .xml import unreadable

        reason = f"{type(error).__name__}: {error}"
        if kind == "docx":
            raise unreadable(path, reason) from error
        raise InputError(f"{path} could not be read as a {KINDS[kind]} file ({reason}). Save it again from the "
                         "program that made it, or hand in the .docx.") from error


def _document(path: str, kind: str, paragraphs: tuple[Paragraph, ...]) -> Document:
    if not paragraphs:
        raise InputError(f"{path} has no text in it. Check that you picked the right file and that it was saved.")
    return Document(path=path, kind=kind, paragraphs=paragraphs)
