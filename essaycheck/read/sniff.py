"""Deciding what a file is from its first bytes, whatever its name says."""

from __future__ import annotations

import os
import re

from ..errors import InputError, NotAnEssay

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # compound file: .doc, encrypted .docx, .xls …
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06")
TEXT_EXTENSIONS = {"": "txt", ".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md"}
HTML_EXTENSIONS = frozenset({".html", ".htm", ".xhtml"})
SAVE_AS_DOCX = "Open it in Word and use File > Save As > Word Document (.docx), then check that file."
# What every kind of document essaycheck reads is called, for messages and the class summary.
KINDS = {"docx": "Word", "odt": "OpenDocument", "pdf": "PDF", "rtf": "Rich Text", "html": "web page (HTML)",
         "txt": "plain text", "md": "Markdown"}

_ODF_MIMETYPE = re.compile(rb"application/vnd\.oasis\.opendocument\.([a-z-]+)")
_ODF_NOT_TEXT = {"spreadsheet": "an OpenDocument spreadsheet (.ods)", "presentation": "an OpenDocument "
                 "presentation (.odp)", "graphics": "an OpenDocument drawing (.odg)"}
_IMAGES = ((b"\x89PNG\r\n\x1a\n", "PNG"), (b"\xff\xd8\xff", "JPEG"), (b"GIF87a", "GIF"), (b"GIF89a", "GIF"),
           (b"BM", "bitmap"), (b"II*\x00", "TIFF"), (b"MM\x00*", "TIFF"))
_HTML_START = re.compile(rb"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|p|div)\b",
                         re.IGNORECASE | re.DOTALL)
# Files a class folder holds besides essays: said to be "not an essay" rather than unreadable.
NOT_ESSAY_EXTENSIONS = {
    ".xlsx": "a spreadsheet", ".xls": "a spreadsheet", ".csv": "a spreadsheet", ".ods": "a spreadsheet",
    ".pptx": "a presentation", ".ppt": "a presentation", ".odp": "a presentation", ".key": "a presentation",
    ".png": "an image", ".jpg": "an image", ".jpeg": "an image", ".gif": "an image", ".heic": "an image",
    ".bmp": "an image", ".tif": "an image", ".tiff": "an image", ".webp": "an image", ".svg": "an image",
    ".mp3": "a sound file", ".m4a": "a sound file", ".wav": "a sound file", ".mp4": "a video", ".mov": "a video",
    ".zip": "a zip archive", ".rar": "an archive", ".7z": "an archive", ".py": "program code", ".ipynb": "a notebook",
    ".exe": "a program",
}


CHECK_THE_ESSAY = ("Check the essay itself instead: the Word (.docx) or OpenDocument (.odt) file, or a PDF "
                   "saved from the word processor.")


def not_an_essay(path: str, what: str, fix: str = CHECK_THE_ESSAY) -> NotAnEssay:
    """The error for a file that holds no essay text: what it is, and what to check instead."""
    return NotAnEssay(f"{path} is {what}, not an essay. {fix}")


def sniff(data: bytes, path: str) -> str:
    """The kind of document in ``data`` read from ``path`` (a key of :data:`KINDS`).

    InputError for a file essaycheck cannot read (an old .doc, a password); NotAnEssay for one
    that holds no essay text (an image, a spreadsheet)."""
    if not data:
        raise InputError(f"{path} is empty (0 bytes). Check that you picked the right file and that it was saved.")
    if data.startswith(ZIP_MAGICS):
        if path.lower().endswith(".zip"):
            raise not_an_essay(path, "a zip archive", "Unpack it and check the files inside.")
        return _zip_kind(data, path)
    if data.startswith(OLE_MAGIC):
        raise _describe_ole(data, path)
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if data[:64].lstrip().startswith(b"{\\rtf"):
        return "rtf"
    for magic, what in _IMAGES:
        if data.startswith(magic):
            raise not_an_essay(path, f"a {what} image",
                               f"essaycheck needs the text, not a picture of it. {CHECK_THE_ESSAY}")
    if data[4:12] in (b"ftypheic", b"ftypmif1", b"ftypisom", b"ftypmp42") or data[:4] == b"RIFF":
        raise not_an_essay(path, "a photo, video or sound file")
    extension = os.path.splitext(path)[1].lower()
    if extension in HTML_EXTENSIONS or _HTML_START.match(data[:2048]):
        return "html"
    if extension == ".docx":
        if b"\x00" in data[:8192]:
            raise InputError(f"{path} is named .docx but is not a Word document (nor text). {SAVE_AS_DOCX}")
        return "txt"  # a plain-text file given a .docx name: read what it really is
    if extension in NOT_ESSAY_EXTENSIONS:
        raise not_an_essay(path, NOT_ESSAY_EXTENSIONS[extension])
    if extension not in TEXT_EXTENSIONS:
        raise InputError(f"{path}: essaycheck reads Word (.docx), OpenDocument (.odt), PDF, RTF, HTML, plain-text "
                         f"(.txt) and Markdown (.md) files, not {extension} files. Save your essay as .docx and "
                         "try again.")
    return TEXT_EXTENSIONS[extension]


def _zip_kind(data: bytes, path: str) -> str:
    """'odt' for OpenDocument text (its first member, stored, is "mimetype"), else 'docx'."""
    if data[30:38] == b"mimetype":
        match = _ODF_MIMETYPE.search(data[38:140])
        if match and match.group(1) == b"text":
            return "odt"
        if match and match.group(1).decode() in _ODF_NOT_TEXT:
            raise not_an_essay(path, _ODF_NOT_TEXT[match.group(1).decode()])
    if b"mimetype" in data[:200] and b"opendocument.text" in data[:400]:
        return "odt"  # a mimetype member written compressed or second: still OpenDocument
    return "docx"  # the .docx reader names what another zip really is


def _describe_ole(data: bytes, path: str) -> InputError:
    """What an old-style Office compound file most likely is, and what to do about it."""
    if "EncryptedPackage".encode("utf-16-le") in data:
        return InputError(f"{path}: this Word file is protected with a password, so it cannot be read. In Word "
                          "use File > Info > Protect Document > Encrypt with Password, clear the password, save, "
                          "and try again.")
    if "WordDocument".encode("utf-16-le") in data:
        # No well-kept pure-Python reader of Word's binary format exists (antiword and LibreOffice are programs).
        return InputError(f"{path}: this is an old Word 97-2003 (.doc) file. {SAVE_AS_DOCX}")
    if "Workbook".encode("utf-16-le") in data:
        return not_an_essay(path, "an old Excel workbook (.xls)")
    if "PowerPoint Document".encode("utf-16-le") in data:
        return not_an_essay(path, "an old PowerPoint presentation (.ppt)")
    return InputError(f"{path}: this is an older Microsoft Office file, not a Word .docx document. {SAVE_AS_DOCX}")
