"""Unpacking a learning platform's "download all submissions" zip into an empty folder, under guard.

Every member is checked before anything is written (how many there are, their names, their
declared sizes and compression ratio, links, encryption, duplicates), then each is streamed to
disk with its bytes counted, whatever its header says. A refused zip raises
:class:`~essaycheck.errors.InputError` with one line naming the zip and the member, and leaves
the target folder as it found it (empty, or absent if it did not exist).

>>> extract_class_zip("Essay-1-1234.zip", "class/")      # doctest: +SKIP
['Ana Núñez_4821_assignsubmission_file/essay.docx', ...]

Zips inside the zip are written as they are, not unpacked: the caller reports them
(:func:`is_zip` tells them apart from .docx and .odt files, which are zips too).
"""

from __future__ import annotations

import os
import shutil
import stat
import struct
import unicodedata
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Iterator

from ..errors import InputError

__all__ = ["ArchiveLimits", "LIMITS", "extract_class_zip", "is_zip"]


@dataclass(frozen=True)
class ArchiveLimits:
    """How much a class zip may hold; a class download of a few hundred essays stays far below."""

    members: int = 5_000  # a class of 300 with a file, a receipt and a figure each is ~1,000
    total_bytes: int = 4_000_000_000  # unpacked, all members together
    member_bytes: int = 500_000_000  # one member unpacked (a video handed in by mistake)
    ratio: int = 200  # unpacked / packed: text deflates ~10x, .docx and .pdf hardly at all
    ratio_floor: int = 1_000_000  # members smaller than this are never refused for their ratio


LIMITS = ArchiveLimits()

_ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, NotImplementedError,
               ValueError, EOFError, RuntimeError, OverflowError, struct.error)
_UTF8_FLAG = 0x800
_ENCRYPTED_FLAG = 0x1
_UNICODE_PATH_EXTRA = 0x7075  # Info-ZIP: the UTF-8 name beside a CP437 one
_SIGNATURES = (b"PK\x03\x04", b"PK\x05\x06")  # a member first, or an empty zip
_CHUNK = 1 << 20


def is_zip(path: str | os.PathLike) -> bool:
    """Whether ``path`` is a zip archive that is not an office document.

    .docx, .xlsx, .pptx (they hold ``[Content_Types].xml``) and OpenDocument files
    (their first member is ``mimetype``) are zips too, but they are documents, not archives.
    """
    try:
        with open(path, "rb") as handle:
            if handle.read(4) not in _SIGNATURES:
                return False
            handle.seek(0)
            if _claimed_member_count(handle) > LIMITS.members:
                return True  # a zip all the same; not worth parsing its directory
            with zipfile.ZipFile(handle) as archive:
                names = archive.namelist()
    except OSError:
        return False
    except _ZIP_ERRORS:
        return True  # starts like a zip: a damaged one is still not an essay
    return "[Content_Types].xml" not in names and names[:1] != ["mimetype"]


def extract_class_zip(zip_path: str | os.PathLike, target_dir: str | os.PathLike,
                      limits: ArchiveLimits = LIMITS) -> list[str]:
    """Unpack ``zip_path`` into ``target_dir`` (absent or empty); return the files written, in zip order.

    Paths are relative to ``target_dir`` with forward slashes, names decoded as the zip
    declares (UTF-8 flag, Info-ZIP Unicode path field) or, failing that, as UTF-8 when they
    are valid UTF-8 and CP437 otherwise. Raises InputError for a damaged or hostile zip.
    """
    zip_path, target = Path(zip_path), Path(target_dir)
    created = _first_missing(target)
    if created is None and (not target.is_dir() or any(target.iterdir())):
        raise InputError(f"{target} must be an empty folder to unpack {zip_path.name} into")
    try:
        with open(zip_path, "rb") as handle:
            claimed = _claimed_member_count(handle)
            if claimed > limits.members:  # before zipfile reads a huge central directory
                raise _hostile(zip_path, f"it holds {claimed:,} files (a class download has a few hundred)")
            handle.seek(0)
            with zipfile.ZipFile(handle) as archive:
                plan = _plan(zip_path, archive, limits)
                target.mkdir(parents=True, exist_ok=True)
                try:
                    return _extract(zip_path, archive, plan, target, limits)
                except BaseException:
                    _undo(target, created)
                    raise
    except OSError as error:
        raise InputError(f"{zip_path.name} could not be unpacked: {error.strerror or error}") from None
    except _ZIP_ERRORS:
        raise _damaged(zip_path, "it is damaged or incomplete (not a valid zip archive)") from None


@dataclass(frozen=True)
class _Member:
    info: zipfile.ZipInfo
    name: str  # as decoded, for messages
    path: str  # safe relative path, forward slashes
    is_dir: bool


def _plan(zip_path: Path, archive: zipfile.ZipFile, limits: ArchiveLimits) -> list[_Member]:
    """Every member checked from its headers alone, before anything is written."""
    infos = archive.infolist()
    if len(infos) > limits.members:
        raise _hostile(zip_path, f"it holds {len(infos):,} files (a class download has a few hundred)")
    declared = sum(info.file_size for info in infos)
    if declared > limits.total_bytes:
        raise _hostile(zip_path, f"it claims to unpack to {declared / 1e9:.1f} GB "
                                 f"(more than {limits.total_bytes / 1e9:.0f} GB)")
    plan: list[_Member] = []
    seen: dict[str, str] = {}  # folded path -> name as in the zip
    for info in infos:
        name = decoded_name(info)
        path = _safe_path(zip_path, name)
        if info.flag_bits & _ENCRYPTED_FLAG:
            raise _hostile(zip_path, f"its member {name!r} is encrypted (password-protected)")
        mode = info.external_attr >> 16
        if stat.S_ISLNK(mode):
            raise _hostile(zip_path, f"its member {name!r} is a symbolic link")
        is_dir = info.is_dir() or name.endswith(("/", "\\"))
        if not is_dir:
            _check_size(zip_path, name, info, limits)
        key = _fold(path)
        if key in seen and not (is_dir and seen[key].endswith(("/", "\\"))):
            raise _hostile(zip_path, f"its member {name!r} has the same name as {seen[key]!r}")
        seen[key] = name
        plan.append(_Member(info, name, path, is_dir))
    _check_file_folder_clashes(zip_path, plan)
    return plan


def _check_size(zip_path: Path, name: str, info: zipfile.ZipInfo, limits: ArchiveLimits) -> None:
    if info.file_size > limits.member_bytes:
        raise _hostile(zip_path, f"its member {name!r} claims to unpack to {info.file_size / 1e6:,.0f} MB "
                                 f"(more than {limits.member_bytes / 1e6:,.0f} MB)")
    if info.file_size > limits.ratio_floor and info.file_size > limits.ratio * max(info.compress_size, 1):
        raise _hostile(zip_path, f"its member {name!r} is compressed {info.file_size // max(info.compress_size, 1):,} "
                                 f"times (a zip bomb; documents compress less than {limits.ratio} times)")


def _check_file_folder_clashes(zip_path: Path, plan: list[_Member]) -> None:
    """A file may not share its name with a folder another member lives in ("a" and "a/b")."""
    files = {_fold(member.path): member.name for member in plan if not member.is_dir}
    for member in plan:
        parent = PurePosixPath(member.path).parent
        while str(parent) != ".":
            clash = files.get(_fold(str(parent)))
            if clash is not None:
                raise _hostile(zip_path, f"its member {member.name!r} lies in a folder with "
                                         f"the same name as the file {clash!r}")
            parent = parent.parent


def _extract(zip_path: Path, archive: zipfile.ZipFile, plan: list[_Member], target: Path,
             limits: ArchiveLimits) -> list[str]:
    root = os.path.realpath(target)
    written: list[str] = []
    total = 0
    for member in plan:
        destination = os.path.join(root, *member.path.split("/"))
        # The names were checked already; this re-check guards against any path trick missed.
        if os.path.commonpath([root, os.path.realpath(destination)]) != root:
            raise _hostile(zip_path, f"its member {member.name!r} would be written outside the folder")
        if member.is_dir:
            os.makedirs(destination, exist_ok=True)
            continue
        os.makedirs(os.path.dirname(destination), exist_ok=True)
        # O_EXCL | O_NOFOLLOW: never write through a link or over a file already there.
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
        with os.fdopen(os.open(destination, flags, 0o666), "wb") as out:
            total += _copy(zip_path, archive, member, out, limits, limits.total_bytes - total)
        written.append(member.path)
    return written


def _copy(zip_path: Path, archive: zipfile.ZipFile, member: _Member, out, limits: ArchiveLimits,
          budget: int) -> int:
    """Write one member's bytes to ``out``, counted as they are inflated; return how many.

    Stored and deflated members (what platforms write) are inflated here from their raw data,
    so a header that declares less than the data holds is caught by the bytes themselves.
    """
    name, info = member.name, member.info
    cap = min(limits.member_bytes, budget)
    ratio_cap = max(limits.ratio_floor, limits.ratio * max(info.compress_size, 1))
    size, crc = 0, 0
    try:
        for chunk in _inflated(archive, info):
            size += len(chunk)
            if size > info.file_size:
                raise _hostile(zip_path, f"its member {name!r} inflates beyond the {info.file_size:,} bytes "
                                         f"its header declares (a zip bomb)")
            if size > cap:
                raise _hostile(zip_path, f"its member {name!r} unpacks to more than {cap / 1e6:,.0f} MB")
            if size > ratio_cap:
                raise _hostile(zip_path, f"its member {name!r} unpacks to more than {limits.ratio} times "
                                         f"its packed size (a zip bomb)")
            crc = zlib.crc32(chunk, crc)
            out.write(chunk)
    except _ZIP_ERRORS:
        raise _damaged(zip_path, f"its member {name!r} is damaged") from None
    if size != info.file_size or crc != info.CRC:
        raise _damaged(zip_path, f"its member {name!r} is damaged (its size or checksum does not match its header)")
    return size


def _inflated(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> Iterator[bytes]:
    """The member's bytes in chunks of at most ``_CHUNK``, whatever its header declares."""
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        # Rarer methods go through zipfile, which never yields more than the declared size.
        with archive.open(info) as stream:
            while chunk := stream.read(_CHUNK):
                yield chunk
        return
    handle = archive.fp
    handle.seek(info.header_offset)
    header = handle.read(30)
    if len(header) < 30 or header[:4] != b"PK\x03\x04":
        raise zipfile.BadZipFile("no local header")
    name_length, extra_length = struct.unpack_from("<HH", header, 26)
    handle.seek(info.header_offset + 30 + name_length + extra_length)
    left = info.compress_size
    inflater = zlib.decompressobj(-15) if info.compress_type == zipfile.ZIP_DEFLATED else None
    while left > 0:
        data = handle.read(min(left, _CHUNK))
        if not data:
            raise EOFError("the member's data is cut short")
        left -= len(data)
        if inflater is None:
            yield data
            continue
        # max_length keeps each step's output small however much a block inflates.
        while data:
            yield inflater.decompress(data, _CHUNK)
            data = inflater.unconsumed_tail
    if inflater is not None:
        yield inflater.flush()
        if not inflater.eof:
            raise zlib.error("the deflate stream is cut short")


def decoded_name(info: zipfile.ZipInfo) -> str:
    """The member's name as its author wrote it.

    zipfile decodes names without the UTF-8 flag as CP437; many tools write UTF-8 without
    setting it, so such a name is taken as UTF-8 when its bytes are valid UTF-8.
    """
    if info.flag_bits & _UTF8_FLAG:
        return info.filename
    raw = info.orig_filename.encode("cp437")
    unicode_path = _unicode_path_field(info.extra, raw)
    if unicode_path is not None:
        return unicode_path
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return info.orig_filename


def _unicode_path_field(extra: bytes, raw_name: bytes) -> str | None:
    """The Info-ZIP Unicode Path extra field's name, if present and made for this very name."""
    offset = 0
    while offset + 4 <= len(extra):
        kind, length = struct.unpack_from("<HH", extra, offset)
        body = extra[offset + 4: offset + 4 + length]
        if kind == _UNICODE_PATH_EXTRA and len(body) >= 5 and body[0] == 1:
            # The CRC ties the field to the name it translates (stale fields are ignored).
            if struct.unpack_from("<L", body, 1)[0] == zlib.crc32(raw_name):
                try:
                    return body[5:].decode("utf-8")
                except UnicodeDecodeError:
                    return None
        offset += 4 + length
    return None


def _safe_path(zip_path: Path, name: str) -> str:
    """The member's relative path with forward slashes, or InputError for any way out of the folder."""
    if not name or "\x00" in name or any(ord(c) < 32 for c in name):
        raise _hostile(zip_path, f"its member {name!r} has control characters in its name")
    # Windows tools write "\" as the separator; a "..\\" trick then meets the ".." check below.
    slashed = name.replace("\\", "/")
    if slashed.startswith("/"):
        raise _hostile(zip_path, f"its member {name!r} has an absolute path")
    if len(slashed) >= 2 and slashed[1] == ":" and slashed[0].isalpha():
        raise _hostile(zip_path, f"its member {name!r} starts with a drive letter")
    parts = [part for part in slashed.split("/") if part not in ("", ".")]
    if ".." in parts:
        raise _hostile(zip_path, f"its member {name!r} points outside the folder (\"..\")")
    if any(":" in part for part in parts):  # drive-relative paths and NTFS streams on Windows
        raise _hostile(zip_path, f"its member {name!r} has a colon in its name")
    if not parts:
        raise _hostile(zip_path, f"its member {name!r} has no name")
    return "/".join(parts)


def _fold(path: str) -> str:
    """The form two names share when a file system would treat them as one (case, accents' encoding)."""
    return unicodedata.normalize("NFC", path).casefold()


def _claimed_member_count(handle) -> int:
    """The entry count in the end-of-central-directory record (0 if none is found)."""
    handle.seek(0, os.SEEK_END)
    size = handle.tell()
    start = max(0, size - 65_557)  # the record is 22 bytes plus a comment of at most 65,535
    handle.seek(start)
    tail = handle.read()
    end = tail.rfind(b"PK\x05\x06")
    if end < 0 or len(tail) < end + 22:
        return 0
    return struct.unpack_from("<H", tail, end + 10)[0]


def _first_missing(target: Path) -> Path | None:
    """The outermost folder of ``target``'s path that does not exist yet (None if ``target`` exists)."""
    if target.exists():
        return None
    missing = target
    while not missing.parent.exists() and missing.parent != missing:
        missing = missing.parent
    return missing


def _undo(target: Path, created: Path | None) -> None:
    """Remove what a refused extraction wrote: the folders made for it, else the target's contents."""
    if created is not None:
        shutil.rmtree(created, ignore_errors=True)
        return
    for child in target.iterdir():
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child, ignore_errors=True)
        else:
            child.unlink(missing_ok=True)


def _hostile(zip_path: Path, reason: str) -> InputError:
    return InputError(f"{zip_path.name} was not unpacked because {reason}; it is not an ordinary class download")


def _damaged(zip_path: Path, reason: str) -> InputError:
    return InputError(f"{zip_path.name} could not be unpacked: {reason}; download it again from the platform")
