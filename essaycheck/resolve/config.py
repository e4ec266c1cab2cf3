"""Tunable knobs of the resolver that are not user settings: endpoints, limits, back-off."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Mapping

DEFAULT_DOI_URL = "https://doi.org"
DEFAULT_CROSSREF_URL = "https://api.crossref.org"


@dataclass(frozen=True)
class ResolveConfig:
    """Endpoints and limits. ``from_env`` reads ESSAYCHECK_DOI_URL and ESSAYCHECK_CROSSREF_URL."""

    doi_url: str = DEFAULT_DOI_URL
    crossref_url: str = DEFAULT_CROSSREF_URL
    retries: int = 3  # extra attempts after a 429, a 5xx or a dropped connection
    backoff: float = 0.5  # seconds before the first retry; doubles each time
    max_wait: float = 30.0  # a longer Retry-After is not waited for: the item is "not checked"
    max_redirects: int = 10
    max_bytes: int = 5 * 1024 * 1024  # most we read of any answer
    page_bytes: int = 1024 * 1024  # most we read of a web page (its <head> is all we need)
    body_seconds: float | None = None  # most time to read one body; None: 3 x settings.timeout
    search_rows: int = 5
    cache_days: float = 14.0
    progress_delay: float = 0.5  # show the progress bar only after this long
    allowed_networks: tuple[str, ...] = ()  # CIDRs exempt from the private-address guard

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides) -> "ResolveConfig":
        env = os.environ if environ is None else environ
        values = {
            "doi_url": env.get("ESSAYCHECK_DOI_URL") or DEFAULT_DOI_URL,
            "crossref_url": env.get("ESSAYCHECK_CROSSREF_URL") or DEFAULT_CROSSREF_URL,
        }
        values.update(overrides)
        values["doi_url"] = values["doi_url"].rstrip("/")
        values["crossref_url"] = values["crossref_url"].rstrip("/")
        return cls(**values)
