"""essaycheck: check the APA 7 citations and reference list of an essay.

>>> import essaycheck
>>> report = essaycheck.check("essay.docx")          # doctest: +SKIP
>>> [p.rule for p in report.problems]                 # doctest: +SKIP
"""

from .errors import ConfigError, EssaycheckError, InputError, ResolveError
from .model import Citation, Diagnostic, Document, Link, Reference, Report, Severity
from .settings import Settings

__version__ = "0.1.0"

__all__ = [
    "check", "check_text", "Settings", "Report", "Diagnostic", "Citation", "Reference", "Link",
    "Document", "Severity", "EssaycheckError", "InputError", "ConfigError", "ResolveError",
]


def check(path, settings: Settings | None = None) -> Report:
    """Check one essay file (.docx, .odt, .pdf, .rtf, .html, .txt or .md) and return its :class:`Report`."""
    from .api import check as _check

    return _check(path, settings)


def check_text(text: str, settings: Settings | None = None, *, kind: str = "txt") -> Report:
    """Check an essay given as a string (plain text or Markdown)."""
    from .api import check_text as _check_text

    return _check_text(text, settings, kind=kind)
