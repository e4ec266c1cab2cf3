"""Reading an essay safely: .docx, .txt or .md, decided from the bytes, into a Document.

Every problem with the input (missing, not a regular file, wrong format, damaged,
hostile, too large, not UTF-8, no text) is an :class:`~essaycheck.errors.InputError`
with one line a student can act on. The file is only ever opened read-only.
"""

from __future__ import annotations

import os
from dataclasses import replace

from ..errors import InputError
from ..model import Document, Paragraph
from .disk import read_file_bytes
from .sniff import sniff
from .text import decode_text, normalise_text, text_paragraphs

__all__ = ["read_document", "document_from_text"]


def read_document(path) -> Document:
    """Read the essay at ``path`` (.docx, .txt or .md) into its paragraphs in reading order."""
    name = os.fspath(path)
    data = read_file_bytes(name)
    kind = sniff(data, name)
    if kind == "docx":
        contents = _read_docx(data, name)
        document = _document(name, kind, contents.paragraphs)
        return replace(document, fields=contents.fields, sources=contents.sources,
                       manager_bookmarks=contents.manager_bookmarks)
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


def _read_docx(data: bytes, path: str):
    from .docx import docx_contents

    try:
        return docx_contents(data, path)
    except InputError:
        raise
    except Exception as error:  # a reader of untrusted files must never end in a traceback
        from .xml import unreadable

        raise unreadable(path, f"{type(error).__name__}: {error}") from error


def _document(path: str, kind: str, paragraphs: tuple[Paragraph, ...]) -> Document:
    if not paragraphs:
        raise InputError(f"{path} has no text in it. Check that you picked the right file and that it was saved.")
    return Document(path=path, kind=kind, paragraphs=paragraphs)
