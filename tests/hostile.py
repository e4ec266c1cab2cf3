"""Builders of hostile, broken and wrong-format inputs, each written into a given folder.

Every builder takes a folder (pytest's ``tmp_path``) and returns the path to hand to
``read_document``; all are fast and small on disk, however large they claim to be.
:data:`REFUSED` lists each with words its InputError must contain; :data:`ACCEPTED`
lists odd inputs that must still be read.
"""

from __future__ import annotations

import io
import os
import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from docx_factory import build_docx

MARKER = "XXE-MARKER-7f3a9c"  # written into a local file an external entity points at
_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


# --- zip trickery ----------------------------------------------------------------------


def _deflated_zeros(megabytes: int) -> bytes:
    """A raw deflate stream of ``megabytes`` MiB of zero bytes, built in milliseconds.

    After a full flush the compressor starts afresh, so every further MiB compresses to
    the same ~1 KB block, which can simply be repeated.
    """
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    chunk = bytes(1 << 20)
    block = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    return block * megabytes + compressor.flush()


def _raw_zip(path: Path, members: list[tuple[str, bytes, int, int]]) -> Path:
    """A zip of already-deflated members: (name, deflate stream, declared size, declared CRC)."""
    local, central = io.BytesIO(), io.BytesIO()
    for name, stream, size, crc in members:
        offset = local.tell()
        encoded = name.encode()
        local.write(struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, 8, 0, 0x21, crc, len(stream), size,
                                len(encoded), 0) + encoded + stream)
        central.write(struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0, 8, 0, 0x21, crc, len(stream), size,
                                  len(encoded), 0, 0, 0, 0, 0, offset) + encoded)
    directory = central.getvalue()
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(members), len(members), len(directory),
                      local.tell(), 0)
    path.write_bytes(local.getvalue() + directory + end)
    return path


def _docx_parts(folder: Path) -> dict[str, bytes]:
    """The parts of a small, valid essay .docx, to tamper with."""
    source = build_docx(folder / "_base.docx", ["A sentence (Smith, 2020)."], ["Smith, J. (2020). Title."])
    with zipfile.ZipFile(source) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    source.unlink()
    return parts


def _docx_with(folder: Path, name: str, replacements: dict[str, bytes]) -> Path:
    """A valid .docx with some parts replaced (e.g. word/document.xml)."""
    parts = _docx_parts(folder) | replacements
    path = folder / name
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for part, data in parts.items():
            archive.writestr(part, data)
    return path


def _document_xml(body: str, prolog: str = "") -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{prolog}'
            f"<w:document {_W}><w:body>{body}</w:body></w:document>").encode()


# --- builders --------------------------------------------------------------------------


def zip_bomb_docx(folder: Path) -> Path:
    """word/document.xml inflates to 2 GiB (honestly declared); the file is about 2 MB."""
    parts = _docx_parts(folder)
    members = [(name, _deflate(data), len(data), zlib.crc32(data)) for name, data in parts.items()
               if name != "word/document.xml"]
    members.append(("word/document.xml", _deflated_zeros(2048), 2048 << 20, 0))
    return _raw_zip(folder / "bomb.docx", members)


def lying_zip_bomb_docx(folder: Path) -> Path:
    """The same 2 GiB of zeros, but the zip headers claim 4 KB: caught while inflating."""
    parts = _docx_parts(folder)
    members = [(name, _deflate(data), len(data), zlib.crc32(data)) for name, data in parts.items()
               if name != "word/document.xml"]
    members.append(("word/document.xml", _deflated_zeros(2048), 4096, 0))
    return _raw_zip(folder / "lying-bomb.docx", members)


def big_part_docx(folder: Path) -> Path:
    """A part of 64 MiB (declared honestly, under the 1 GB total): over the per-part cap."""
    parts = _docx_parts(folder)
    members = [(name, _deflate(data), len(data), zlib.crc32(data)) for name, data in parts.items()
               if name != "word/document.xml"]
    members.append(("word/document.xml", _deflated_zeros(64), 64 << 20, 0))
    return _raw_zip(folder / "big-part.docx", members)


def many_members_docx(folder: Path) -> Path:
    """A .docx with 5,000 extra (empty) files in it."""
    path = _docx_with(folder, "many.docx", {})
    with zipfile.ZipFile(path, "a") as archive:
        for number in range(5000):
            archive.writestr(f"word/media/x{number}.bin", b"")
    return path


def xxe_docx(folder: Path) -> Path:
    """document.xml declares an external entity reading a local file that holds :data:`MARKER`."""
    secret = folder / "secret.txt"
    secret.write_text(MARKER)
    prolog = f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "{secret.resolve().as_uri()}">]>'
    body = "<w:p><w:r><w:t>Leak: &xxe;</w:t></w:r></w:p>"
    return _docx_with(folder, "xxe.docx", {"word/document.xml": _document_xml(body, prolog)})


def xxe_utf16_docx(folder: Path) -> Path:
    """The external-entity trick with the part encoded as UTF-16 to slip past a byte search."""
    secret = folder / "secret.txt"
    secret.write_text(MARKER)
    xml = (f'<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM '
           f'"{secret.resolve().as_uri()}">]><w:document {_W}><w:body><w:p><w:r><w:t>Leak: &xxe;</w:t></w:r></w:p>'
           "</w:body></w:document>")
    return _docx_with(folder, "xxe16.docx", {"word/document.xml": xml.encode("utf-16")})


def xxe_styles_docx(folder: Path) -> Path:
    """The external entity hidden in styles.xml rather than the document."""
    secret = folder / "secret.txt"
    secret.write_text(MARKER)
    styles = (f'<?xml version="1.0"?><!DOCTYPE w:styles [<!ENTITY xxe SYSTEM "{secret.resolve().as_uri()}">]>'
              f'<w:styles {_W}><w:style w:styleId="X"><w:name w:val="&xxe;"/></w:style></w:styles>')
    return _docx_with(folder, "xxe-styles.docx", {"word/styles.xml": styles.encode()})


def billion_laughs_docx(folder: Path) -> Path:
    """The classic exponential entity expansion."""
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10 if n > 1 else "&lol;" * 10}">' for n in range(1, 10))
    body = "<w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>"
    return _docx_with(folder, "laughs.docx",
                      {"word/document.xml": _document_xml(body, f"<!DOCTYPE w:document [{entities}]>")})


def deep_nesting_docx(folder: Path) -> Path:
    """100,000 nested content controls around one paragraph."""
    depth = 100_000
    body = "<w:sdt><w:sdtContent>" * depth + "<w:p><w:r><w:t>deep</w:t></w:r></w:p>" + \
        "</w:sdtContent></w:sdt>" * depth
    return _docx_with(folder, "deep.docx", {"word/document.xml": _document_xml(body)})


def many_elements_docx(folder: Path) -> Path:
    """700,000 empty paragraphs: 4 MB of XML whose walking alone would take seconds."""
    return _docx_with(folder, "elements.docx", {"word/document.xml": _document_xml("<w:p/>" * 700_000)})


def too_much_text_docx(folder: Path) -> Path:
    """2.5 million characters of text in 25,000 ordinary paragraphs."""
    body = ("<w:p><w:r><w:t>" + "word " * 20 + "</w:t></w:r></w:p>") * 25_000
    return _docx_with(folder, "long.docx", {"word/document.xml": _document_xml(body)})


def empty_body_docx(folder: Path) -> Path:
    """A valid .docx with no text at all."""
    return _docx_with(folder, "blank.docx", {"word/document.xml": _document_xml("<w:p/><w:p/>")})


def broken_xml_docx(folder: Path) -> Path:
    """document.xml is cut off in the middle of a tag."""
    return _docx_with(folder, "broken.docx", {"word/document.xml": _document_xml("<w:p><w:r>")[:-30]})


def truncated_docx(folder: Path) -> Path:
    """A real .docx cut to half its length (an interrupted download)."""
    path = _docx_with(folder, "truncated.docx", {})
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    return path


def plain_zip(folder: Path) -> Path:
    """A zip archive of notes, named .docx."""
    path = folder / "notes.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("notes.txt", "hello")
    return path


def odt_as_docx(folder: Path) -> Path:
    """An OpenDocument text file renamed .docx."""
    path = folder / "essay.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>")
    return path


def pdf_as_docx(folder: Path) -> Path:
    """A PDF renamed .docx."""
    path = folder / "essay.docx"
    path.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
    return path


def _ole(stream_name: str) -> bytes:
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    entry = stream_name.encode("utf-16-le").ljust(64, b"\x00")
    return header + entry + bytes(448)


def old_doc(folder: Path) -> Path:
    """A Word 97-2003 .doc (OLE compound file with a WordDocument stream)."""
    path = folder / "essay.doc"
    path.write_bytes(_ole("WordDocument"))
    return path


def old_doc_as_docx(folder: Path) -> Path:
    """A Word 97-2003 file renamed .docx."""
    path = folder / "essay.docx"
    path.write_bytes(_ole("WordDocument"))
    return path


def encrypted_docx(folder: Path) -> Path:
    """A password-protected .docx (OLE compound file with an EncryptedPackage stream)."""
    path = folder / "essay.docx"
    path.write_bytes(_ole("EncryptionInfo") + _ole("EncryptedPackage")[512:])
    return path


def png_as_docx(folder: Path) -> Path:
    """An image renamed .docx."""
    path = folder / "essay.docx"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64))
    return path


def rtf_as_docx(folder: Path) -> Path:
    path = folder / "essay.docx"
    path.write_bytes(b"{\\rtf1\\ansi Hello}")
    return path


def empty_docx(folder: Path) -> Path:
    path = folder / "essay.docx"
    path.write_bytes(b"")
    return path


def empty_txt(folder: Path) -> Path:
    path = folder / "essay.txt"
    path.write_bytes(b"")
    return path


def blank_txt(folder: Path) -> Path:
    """Only spaces and newlines."""
    path = folder / "essay.txt"
    path.write_bytes(b"  \n\n\t\n   \n")
    return path


def utf16_txt(folder: Path) -> Path:
    """UTF-16 with a BOM (Notepad's "Unicode")."""
    path = folder / "essay.txt"
    path.write_bytes("An essay (Smith, 2020).\nReferences\n".encode("utf-16"))
    return path


def utf16_no_bom_txt(folder: Path) -> Path:
    path = folder / "essay.txt"
    path.write_bytes("An essay (Smith, 2020).\nReferences\n".encode("utf-16-le"))
    return path


def latin1_txt(folder: Path) -> Path:
    path = folder / "essay.txt"
    path.write_bytes("First line.\nCafé culture (Müller, 2020).\n".encode("latin-1"))
    return path


def nul_bytes_txt(folder: Path) -> Path:
    path = folder / "essay.txt"
    path.write_bytes(b"An essay\x00with\x00NUL bytes in it, here and there.\n")
    return path


def binary_txt(folder: Path) -> Path:
    """Random-looking binary data named .txt (no NUL bytes, many control characters)."""
    path = folder / "essay.txt"
    path.write_bytes(bytes((n * 37 + 11) % 255 + 1 for n in range(4000)))
    return path


def long_line_txt(folder: Path) -> Path:
    """One line of 5 MB."""
    path = folder / "essay.txt"
    path.write_bytes(b"word " * 1_000_000)
    return path


def long_paragraph_txt(folder: Path) -> Path:
    """One line of 500,000 characters: under the document limit, over the paragraph limit."""
    path = folder / "essay.txt"
    path.write_bytes(b"word " * 100_000)
    return path


def huge_txt(folder: Path) -> Path:
    """10 MB of ordinary lines."""
    path = folder / "essay.txt"
    path.write_bytes(b"This is a sentence of an essay that goes on (Smith, 2020).\n" * 170_000)
    return path


def many_chars_txt(folder: Path) -> Path:
    """2.4 million characters in 6 MB of UTF-8: under the byte limit, over the character limit."""
    path = folder / "essay.txt"
    path.write_text(("é" * 99 + "\n") * 24_000, encoding="utf-8")
    return path


def unsupported_extension(folder: Path) -> Path:
    path = folder / "essay.pages"
    path.write_text("An essay written in Apple Pages, as text.")
    return path


def directory(folder: Path) -> Path:
    path = folder / "essay.docx"
    path.mkdir()
    return path


def fifo(folder: Path) -> Path:
    """A named pipe: opening it for reading would block forever without a writer."""
    path = folder / "essay.txt"
    os.mkfifo(path)
    return path


def symlink_to_device(folder: Path) -> Path:
    """essay.txt -> /dev/zero (endless zeros)."""
    path = folder / "essay.txt"
    path.symlink_to("/dev/zero")
    return path


def missing(folder: Path) -> Path:
    return folder / "no-such-essay.docx"


def parentheses_txt(folder: Path) -> Path:
    """20,000 "(" in a row: readable; bounding work on it is the citation stage's job."""
    path = folder / "essay.txt"
    path.write_text("An essay " + "(" * 20_000 + " (Smith, 2020).\n")
    return path


def parentheses_md(folder: Path) -> Path:
    path = folder / "essay.md"
    path.write_text("An essay " + "(" * 20_000 + " [x](" * 2000 + " *a " * 5000 + "\n")
    return path


def nested_markdown(folder: Path) -> Path:
    """Deeply nested block quotes, lists and brackets: CommonMark's nesting limit keeps it cheap."""
    path = folder / "essay.md"
    path.write_text("(" * 20_000 + "\n\n" + ">" * 50_000 + " x\n\n" + "- " * 10_000 + "y\n\n" + "[" * 30_000 + "\n")
    return path


def parentheses_docx(folder: Path) -> Path:
    return build_docx(folder / "parens.docx", ["An essay " + "(" * 20_000 + " (Smith, 2020)."], [])


def _deflate(data: bytes) -> bytes:
    compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush()


@dataclass(frozen=True)
class Case:
    """A hostile input and words its InputError message must contain (case-insensitive)."""

    build: Callable[[Path], Path]
    expect: str

    @property
    def name(self) -> str:
        return self.build.__name__


REFUSED = (
    Case(zip_bomb_docx, "not read because"),
    Case(lying_zip_bomb_docx, "could not be read as a word document"),
    Case(big_part_docx, "unpacks to more than"),
    Case(many_members_docx, "has a few dozen"),
    Case(xxe_docx, "doctype"),
    Case(xxe_utf16_docx, "doctype"),
    Case(xxe_styles_docx, "doctype"),
    Case(billion_laughs_docx, "doctype"),
    Case(deep_nesting_docx, "nested too deeply"),
    Case(many_elements_docx, "xml elements"),
    Case(too_much_text_docx, "2,000,000 characters"),
    Case(empty_body_docx, "no text"),
    Case(broken_xml_docx, "damaged"),
    Case(truncated_docx, "damaged or incomplete"),
    Case(plain_zip, "not a word document"),
    Case(odt_as_docx, "opendocument"),
    Case(pdf_as_docx, "pdf"),
    Case(old_doc, "97-2003"),
    Case(old_doc_as_docx, "97-2003"),
    Case(encrypted_docx, "password"),
    Case(png_as_docx, "image, not an essay"),
    Case(empty_docx, "empty"),
    Case(empty_txt, "empty"),
    Case(blank_txt, "no text"),
    Case(utf16_txt, "utf-8"),
    Case(utf16_no_bom_txt, "utf-8"),
    Case(latin1_txt, "line 2"),
    Case(nul_bytes_txt, "binary"),
    Case(binary_txt, "binary"),
    Case(long_line_txt, "2,000,000 characters"),
    Case(long_paragraph_txt, "single paragraph"),
    Case(huge_txt, "8 mb"),
    Case(many_chars_txt, "2,000,000 characters"),
    Case(unsupported_extension, ".pages"),
    Case(directory, "folder"),
    Case(fifo, "not an ordinary file"),
    Case(symlink_to_device, "not an ordinary file"),
    Case(missing, "not found"),
)

ACCEPTED = (parentheses_txt, parentheses_md, nested_markdown, parentheses_docx)
