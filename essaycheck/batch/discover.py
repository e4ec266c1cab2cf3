"""Finding the essays below a class folder."""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["ESSAY_EXTENSIONS", "find_essays"]

ESSAY_EXTENSIONS = frozenset({".docx", ".txt", ".md"})


def _skipped_name(name: str) -> bool:
    # "~$essay.docx" is Word's lock file while the essay is open; dot-files are hidden.
    return name.startswith((".", "~$"))


def find_essays(folder: Path, exclude: tuple[Path, ...] = ()) -> list[Path]:
    """Every .docx, .txt and .md file below ``folder``, sorted, skipping Word lock files,
    hidden files and folders, and the folders in ``exclude`` (the output folder).

    Symbolic links to folders are not followed (no loops); links to files are read.
    """
    folder = Path(folder)
    excluded = {os.path.normcase(os.path.realpath(p)) for p in exclude}
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(
            d for d in dirs
            if not _skipped_name(d)
            and os.path.normcase(os.path.realpath(os.path.join(root, d))) not in excluded
        )
        for name in sorted(files):
            path = Path(root, name)
            if _skipped_name(name) or path.suffix.lower() not in ESSAY_EXTENSIONS:
                continue
            if path.is_file():
                found.append(path)
    return sorted(found, key=lambda p: p.relative_to(folder).as_posix().lower())
