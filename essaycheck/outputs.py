"""Atomic file writing: a reader sees the old file or the new one, never half of one.

Each writer puts the data in a temporary file in the target's folder, flushes and
fsyncs it, then ``os.replace``-s it over the target (atomic on POSIX and Windows
within one file system). A failure leaves the target untouched and removes the
temporary file.

>>> write_text("report.html", "<!doctype html>…")          # doctest: +SKIP
>>> with atomic_path("copy.docx") as tmp: doc.save(tmp)     # doctest: +SKIP
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import IO, Iterator

__all__ = ["atomic_path", "atomic_open", "write_text", "write_bytes"]


def _default_mode() -> int:
    # mkstemp creates files 0600; give the result the permissions a plain open() would.
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX only; Windows cannot open folders)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError:  # some file systems refuse fsync on folders; the data is already safe
        pass
    finally:
        os.close(fd)


@contextlib.contextmanager
def _temporary_beside(target: Path) -> Iterator[Path]:
    """Create an empty temporary file in ``target``'s folder; remove it if the block fails."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _commit(tmp: Path, target: Path, durable: bool) -> None:
    os.chmod(tmp, _default_mode())
    os.replace(tmp, target)
    if durable:
        _fsync_folder(target.parent)


@contextlib.contextmanager
def atomic_path(target: str | os.PathLike, *, durable: bool = True) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; on success it replaces ``target``.

    For libraries that insist on saving to a path themselves (``docx.Document.save``).
    """
    target = Path(target)
    with _temporary_beside(target) as tmp:
        yield tmp
        if durable:
            with open(tmp, "rb+") as handle:  # Windows fsyncs writable handles only
                os.fsync(handle.fileno())
        _commit(tmp, target, durable)


@contextlib.contextmanager
def atomic_open(target: str | os.PathLike, mode: str = "w", *, encoding: str | None = "utf-8",
                newline: str | None = None, durable: bool = True) -> Iterator[IO]:
    """Open a temporary file beside ``target`` for writing; on success it replaces ``target``.

    ``durable=False`` skips the fsyncs: still all-or-nothing for readers, but a power
    cut soon after may leave the old file or an empty one (fine for regenerable reports).
    """
    if mode not in ("w", "wb"):
        raise ValueError("atomic_open writes whole files: mode must be 'w' or 'wb'")
    target = Path(target)
    with _temporary_beside(target) as tmp:
        with open(tmp, mode, encoding=None if "b" in mode else encoding, newline=newline) as handle:
            yield handle
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        _commit(tmp, target, durable)


def write_text(target: str | os.PathLike, text: str, *, encoding: str = "utf-8",
               newline: str | None = None, durable: bool = True) -> Path:
    """Write ``text`` to ``target`` atomically and return the target's path."""
    with atomic_open(target, "w", encoding=encoding, newline=newline, durable=durable) as handle:
        handle.write(text)
    return Path(target)


def write_bytes(target: str | os.PathLike, data: bytes, *, durable: bool = True) -> Path:
    """Write ``data`` to ``target`` atomically and return the target's path."""
    with atomic_open(target, "wb", durable=durable) as handle:
        handle.write(data)
    return Path(target)
