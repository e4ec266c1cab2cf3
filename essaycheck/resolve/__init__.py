"""Check DOIs and URLs against doi.org, Crossref and the web: cached, concurrent, guarded.

>>> from essaycheck.resolve import resolve_references          # doctest: +SKIP
>>> resolution = resolve_references(references, settings)      # doctest: +SKIP
>>> resolution.records[0]["status"], resolution.problems        # doctest: +SKIP

Nothing heavy is imported here: requests and requests-cache load with the
submodules, on first use.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Sequence

from ..model import Diagnostic, Reference
from ..settings import Settings

if TYPE_CHECKING:
    from .config import ResolveConfig
    from .resolver import Resolver

__all__ = ["Resolution", "Resolver", "ResolveConfig", "resolve_references", "fetch_csl", "make_session",
           "is_forbidden_address", "RULES"]


@dataclass(frozen=True)
class Resolution:
    """What resolution found for one essay: a JSON-ready record per reference index, and problems."""

    records: dict[int, dict] = field(default_factory=dict)
    problems: tuple[Diagnostic, ...] = ()


def resolve_references(references: Sequence[Reference], settings: Settings, session=None,
                       progress: Callable[[int, int], None] | None = None, *,
                       config: "ResolveConfig | None" = None) -> Resolution:
    """Check every DOI and URL of one essay; ``progress(done, total)`` replaces the built-in bar."""
    from .resolver import Resolver

    with Resolver(settings, session, config) as resolver:
        return resolver.resolve(references, progress)


def fetch_csl(dois: Sequence[str], settings: Settings, session=None, *,
              config: "ResolveConfig | None" = None) -> dict[str, dict | None]:
    """CSL-JSON for each DOI (None when it cannot be had), for ``essaycheck format --doi``."""
    from .resolver import Resolver

    with Resolver(settings, session, config) as resolver:
        return resolver.fetch_csl(dois)


def make_session(settings: Settings, config: "ResolveConfig | None" = None):
    """One requests_cache.CachedSession (plain Session when settings.cache is False)."""
    from .session import make_session as _make_session

    return _make_session(settings, config)


def __getattr__(name: str):
    if name == "Resolver":
        from .resolver import Resolver

        return Resolver
    if name == "ResolveConfig":
        from .config import ResolveConfig

        return ResolveConfig
    if name == "is_forbidden_address":
        from .safety import is_forbidden_address

        return is_forbidden_address
    if name == "RULES":
        from .findings import RULES

        return RULES
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
