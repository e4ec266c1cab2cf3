"""One typed settings object: defaults, then the config file, then command-line flags."""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from typing import Mapping

from .model import Severity


@dataclass(frozen=True)
class Settings:
    """Everything that changes what a check does. Build with :func:`Settings` or ``load_settings``."""

    # which rules run, by id or id prefix ("doi" selects doi-format, doi-not-found, ...)
    select: tuple[str, ...] = ()  # empty: every rule
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=dict)  # rule id -> severity override

    # resolution of DOIs and URLs (network)
    resolve: bool = True
    offline: bool = False  # answer from the cache only; send nothing
    cache: bool = True
    cache_dir: str | None = None  # default: ESSAYCHECK_CACHE_DIR or the user's cache directory
    mailto: str | None = None  # contact address for Crossref's polite pool
    # where each reference is looked up to see whether it exists (any of crossref, openalex, openlibrary)
    lookups: tuple[str, ...] = ("crossref", "openalex", "openlibrary")
    crossref_url: str | None = None  # None: ESSAYCHECK_CROSSREF_URL, else the public service
    openalex_url: str | None = None  # None: ESSAYCHECK_OPENALEX_URL, else the public service
    openlibrary_url: str | None = None  # None: ESSAYCHECK_OPENLIBRARY_URL, else the public service
    allow_private_urls: bool = False
    concurrency: int = 8
    timeout: float = 10.0  # seconds, per request

    # formatting
    style: str = "apa"

    # output
    output_format: str = "text"  # text | json | html
    colour: str = "auto"  # auto | always | never
    progress: bool | None = None  # None: only when stderr is a terminal
    jobs: int | None = None  # batch worker processes; None: one per CPU

    def rule_enabled(self, rule_id: str) -> bool:
        def matches(patterns: tuple[str, ...]) -> bool:
            return any(rule_id == p or rule_id.startswith(p.rstrip("-") + "-") for p in patterns)

        if self.select and not matches(self.select):
            return False
        return not matches(self.ignore)

    def severity_of(self, rule_id: str, default: Severity) -> Severity:
        return self.severity.get(rule_id, default)

    def updated(self, **changes) -> "Settings":
        """A copy with ``changes`` applied; ``None`` values are ignored (unset flags)."""
        known = {f.name for f in fields(self)}
        unknown = set(changes) - known
        if unknown:
            raise TypeError(f"unknown settings: {', '.join(sorted(unknown))}")
        return replace(self, **{k: v for k, v in changes.items() if v is not None})
