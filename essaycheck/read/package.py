"""Opening a .docx as a zip archive under guard: member count, declared sizes, capped inflation.

Only the XML parts the reader needs are ever decompressed, each stopped as soon as it
grows past ``MAX_PART_BYTES`` whatever the zip headers claim, so a zip bomb costs a
fraction of a second and a few tens of MB.
"""

from __future__ import annotations

import io
import posixpath
import struct
import zipfile
import zlib

from ..errors import InputError
from .limits import MAX_DECLARED_BYTES, MAX_PART_BYTES, MAX_XML_BYTES, MAX_ZIP_MEMBERS
from .wordml import STRICT_NAMES
from .xml import WORD, parse_xml, unreadable

_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, NotImplementedError,
               ValueError, EOFError, OSError, RuntimeError, OverflowError)


class Package:
    """The parts of a zip package, read on demand and within the limits; close it (or use ``with``)."""

    wording = WORD  # how its errors name the document (a Word document; OpenDocument's reader has its own)

    def __init__(self, data: bytes, path: str) -> None:
        self.path = path
        self._xml_bytes = 0
        claimed = _claimed_member_count(data)
        if claimed > MAX_ZIP_MEMBERS:  # checked before zipfile parses a huge central directory
            raise self.hostile(f"it holds {claimed:,} files ({self.wording.noun} has a few dozen)")
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
        except _ZIP_ERRORS:
            raise self.damaged("the file is damaged or incomplete (not a valid zip archive)") from None
        try:
            self._members = self._checked_members()
        except InputError:
            self.close()
            raise

    def _checked_members(self) -> dict[str, zipfile.ZipInfo]:
        """Name -> entry of every member, once their count and declared sizes are within the limits."""
        members = self._zip.infolist()
        if len(members) > MAX_ZIP_MEMBERS:
            raise self.hostile(f"it holds {len(members):,} files ({self.wording.noun} has a few dozen)")
        if sum(member.file_size for member in members) > MAX_DECLARED_BYTES:
            raise self.hostile(f"it claims to unpack to more than {MAX_DECLARED_BYTES // 1_000_000_000} GB")
        return {member.filename: member for member in members}

    def close(self) -> None:
        self._zip.close()

    def __enter__(self) -> "Package":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def has(self, name: str) -> bool:
        """Whether the package holds a part called ``name``."""
        return name in self._members

    def names(self) -> list[str]:
        """The names of every part."""
        return list(self._members)

    def read(self, name: str) -> bytes:
        """The bytes of part ``name``, decompressed with a hard cap of ``MAX_PART_BYTES``."""
        member = self._members[name]
        if member.file_size > MAX_PART_BYTES:
            raise self.hostile(f"its part {name} unpacks to more than {MAX_PART_BYTES // 1_000_000} MB")
        chunks, size = [], 0
        try:
            with self._zip.open(member) as stream:
                while chunk := stream.read(1 << 20):
                    size += len(chunk)
                    self._xml_bytes += len(chunk)
                    if size > MAX_PART_BYTES or self._xml_bytes > MAX_XML_BYTES:
                        raise self.hostile(f"its part {name} unpacks to more than "
                                           f"{MAX_PART_BYTES // 1_000_000} MB")
                    chunks.append(chunk)
        except _ZIP_ERRORS:
            raise self.damaged(f"its part {name} is damaged") from None
        return b"".join(chunks)

    def xml(self, name: str):
        """The parsed root element of part ``name`` (Strict namespaces renamed to transitional)."""
        data = self.read(name)
        for strict, transitional in STRICT_NAMES.items():
            data = data.replace(strict, transitional)
        return parse_xml(data, self.path, name, self.wording)

    def relationships(self, source: str) -> dict[str, tuple[str, str, bool]]:
        """Relationships of part ``source`` ('' for the package): id -> (type, target, external).

        Internal targets are resolved to part names inside the zip.
        """
        folder, base = posixpath.split(source)
        rels_name = posixpath.join(folder, "_rels", base + ".rels")
        if not self.has(rels_name):
            return {}
        found = {}
        for rel in self.xml(rels_name).iter(_REL):
            target = rel.get("Target", "")
            external = rel.get("TargetMode") == "External"
            if not external:
                target = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
                    posixpath.join(folder, target))
            found[rel.get("Id", "")] = (rel.get("Type", "").rsplit("/", 1)[-1], target, external)
        return found

    def damaged(self, reason: str) -> InputError:
        """The error for a package that is broken (not hostile)."""
        return unreadable(self.path, reason, self.wording)

    def hostile(self, reason: str) -> InputError:
        """The error for a package refused because it exceeds a limit."""
        return InputError(f"{self.path} was not read because {reason}; it is not an ordinary essay. "
                          f"{self.wording.resave}")


def _claimed_member_count(data: bytes) -> int:
    """The entry count in the zip's end-of-central-directory record (0 if none is found)."""
    end = data.rfind(b"PK\x05\x06", max(0, len(data) - 65_557))
    if end < 0 or len(data) < end + 22:
        return 0
    return struct.unpack_from("<H", data, end + 10)[0]
