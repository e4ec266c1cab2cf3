"""Getting the bytes of a file without ever blocking, following devices or writing."""

from __future__ import annotations

import os
import stat

from ..errors import InputError
from .limits import MAX_FILE_BYTES


def read_file_bytes(path: str) -> bytes:
    """The whole content of the regular file at ``path`` (at most ``MAX_FILE_BYTES``).

    The file is opened read-only and non-blocking, and checked with ``fstat`` after
    opening too, so a FIFO or device swapped in after the first check never blocks us.
    """
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise InputError(f"{path}: file not found. Check the name and the folder.") from None
    except OSError as error:
        raise _cannot_open(path, error) from None
    _require_regular(path, info.st_mode)
    _require_size(path, info.st_size)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as error:
        raise _cannot_open(path, error) from None
    try:
        _require_regular(path, os.fstat(fd).st_mode)
        chunks, total = [], 0
        while total <= MAX_FILE_BYTES:
            chunk = os.read(fd, min(1 << 20, MAX_FILE_BYTES + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    except OSError as error:
        raise InputError(f"{path}: could not be read ({error.strerror or error}).") from None
    finally:
        os.close(fd)
    _require_size(path, total)
    return b"".join(chunks)


def _cannot_open(path: str, error: OSError) -> InputError:
    """The error for a file that exists but cannot be opened."""
    if isinstance(error, PermissionError):
        return InputError(f"{path}: permission denied; essaycheck may not open this file.")
    return InputError(f"{path}: cannot be opened ({error.strerror or error}).")


def _require_regular(path: str, mode: int) -> None:
    if stat.S_ISDIR(mode):
        raise InputError(f"{path} is a folder, not a file. Give the essay file inside it.")
    if not stat.S_ISREG(mode):
        raise InputError(f"{path} is not an ordinary file (it is a device, pipe or socket). "
                         "Give the essay file itself.")


def _require_size(path: str, size: int) -> None:
    if size > MAX_FILE_BYTES:
        raise InputError(f"{path} is larger than {MAX_FILE_BYTES // 1_000_000} MB, far beyond any "
                         "essay; check that you picked the right file.")
