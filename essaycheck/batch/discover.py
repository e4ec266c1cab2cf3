"""Finding every file below a class folder: each one gets a row, none is passed over in silence."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

__all__ = ["ClassFiles", "find_files", "is_system_file"]

# What operating systems and Word leave in folders: never a submission. Counted, not listed.
_SYSTEM_NAMES = frozenset({"thumbs.db", "desktop.ini", "__macosx", ".ds_store"})


def is_system_file(name: str) -> bool:
    """Word's lock file ("~$essay.docx"), hidden files and folders, and the files Windows and macOS add."""
    return name.startswith((".", "~$")) or name.lower() in _SYSTEM_NAMES


@dataclass(frozen=True)
class ClassFiles:
    """The files of a class folder: those to account for, and how many hidden or system files were ignored."""

    files: tuple[Path, ...]
    ignored: int = 0


def find_files(folder: Path, exclude: tuple[Path, ...] = ()) -> ClassFiles:
    """Every file below ``folder``, sorted case-insensitively by relative path, except hidden and
    system files and folders (counted in ``ignored``) and the folders in ``exclude`` (the output
    folder). Symbolic links to folders are not followed (no loops); links to files are read."""
    folder = Path(folder)
    excluded = {os.path.normcase(os.path.realpath(p)) for p in exclude}
    found, ignored = [], 0
    for root, dirs, files in os.walk(folder):
        kept = []
        for name in sorted(dirs):
            if os.path.normcase(os.path.realpath(os.path.join(root, name))) in excluded:
                continue
            if is_system_file(name):
                ignored += sum(len(names) for _, _, names in os.walk(os.path.join(root, name))) or 1
                continue
            kept.append(name)
        dirs[:] = kept
        for name in sorted(files):
            path = Path(root, name)
            if is_system_file(name):
                ignored += 1
            elif path.is_file():
                found.append(path)
    return ClassFiles(tuple(sorted(found, key=lambda p: p.relative_to(folder).as_posix().lower())), ignored)

