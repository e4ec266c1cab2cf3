"""Deciding what a file is from its first bytes, whatever its name says."""

from __future__ import annotations

import os

from ..errors import InputError

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # compound file: .doc, encrypted .docx, .xls …
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06")
TEXT_EXTENSIONS = {"": "txt", ".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md"}
SAVE_AS_DOCX = "Open it in Word and use File > Save As > Word Document (.docx), then check that file."


def sniff(data: bytes, path: str) -> str:
    """'docx', 'txt' or 'md' for ``data`` read from ``path``; InputError for anything else."""
    if not data:
        raise InputError(f"{path} is empty (0 bytes). Check that you picked the right file and that it was saved.")
    if data.startswith(ZIP_MAGICS):
        return "docx"
    if data.startswith(OLE_MAGIC):
        raise InputError(f"{path}: {_describe_ole(data)}")
    if b"%PDF-" in data[:1024]:
        raise InputError(f"{path} is a PDF file, which essaycheck cannot read. Open your original essay in Word "
                         "and use File > Save As > Word Document (.docx), then check that file.")
    if data[:64].lstrip().startswith(b"{\\rtf"):
        raise InputError(f"{path} is a Rich Text (.rtf) file. {SAVE_AS_DOCX}")
    extension = os.path.splitext(path)[1].lower()
    if extension == ".docx":
        if b"\x00" in data[:8192]:
            raise InputError(f"{path} is named .docx but is not a Word document (nor text). {SAVE_AS_DOCX}")
        return "txt"  # a plain-text file given a .docx name: read what it really is
    if extension not in TEXT_EXTENSIONS:
        raise InputError(f"{path}: essaycheck reads Word (.docx), plain-text (.txt) and Markdown (.md) files, "
                         f"not {extension} files. Save your essay as .docx and try again.")
    return TEXT_EXTENSIONS[extension]


def _describe_ole(data: bytes) -> str:
    """What an old-style Office compound file most likely is, and what to do about it."""
    if "EncryptedPackage".encode("utf-16-le") in data:
        return ("this Word file is protected with a password, so it cannot be read. In Word use File > Info > "
                "Protect Document > Encrypt with Password, clear the password, save, and try again.")
    if "WordDocument".encode("utf-16-le") in data:
        return f"this is an old Word 97-2003 (.doc) file. {SAVE_AS_DOCX}"
    return f"this is an older Microsoft Office file, not a Word .docx document. {SAVE_AS_DOCX}"
