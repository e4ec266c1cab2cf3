"""Tunable knobs of the resolver that are not user settings: endpoints, limits, back-off."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from urllib.parse import urlsplit
from typing import Mapping

DEFAULT_DOI_URL = "https://doi.org"
DEFAULT_CROSSREF_URL = "https://api.crossref.org"
DEFAULT_OPENALEX_URL = "https://api.openalex.org"
DEFAULT_OPENLIBRARY_URL = "https://openlibrary.org"
# Requests per second each public service publishes or asks for (a mirror or test server set by URL
# has its own limits, learnt from its 429s): OpenAlex allows far more than 10; Open Library asks for
# about one a second, three from a client that gives a contact address.
PUBLISHED_RATES = {DEFAULT_OPENALEX_URL: (10.0, 10.0), DEFAULT_OPENLIBRARY_URL: (1.0, 3.0)}  # (anonymous, with contact)


@dataclass(frozen=True)
class ResolveConfig:
    """Endpoints and limits. ``from_env`` reads ESSAYCHECK_DOI_URL, ESSAYCHECK_CROSSREF_URL,
    ESSAYCHECK_OPENALEX_URL, ESSAYCHECK_OPENLIBRARY_URL and ESSAYCHECK_OPENALEX_API_KEY."""

    doi_url: str = DEFAULT_DOI_URL
    crossref_url: str = DEFAULT_CROSSREF_URL
    openalex_url: str = DEFAULT_OPENALEX_URL
    openlibrary_url: str = DEFAULT_OPENLIBRARY_URL
    openalex_api_key: str | None = None
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
            "openalex_url": env.get("ESSAYCHECK_OPENALEX_URL") or DEFAULT_OPENALEX_URL,
            "openlibrary_url": env.get("ESSAYCHECK_OPENLIBRARY_URL") or DEFAULT_OPENLIBRARY_URL,
            "openalex_api_key": env.get("ESSAYCHECK_OPENALEX_API_KEY") or None,
        }
        values.update(overrides)
        for key in ("doi_url", "crossref_url", "openalex_url", "openlibrary_url"):
            values[key] = values[key].rstrip("/")
        return cls(**values)

    def with_urls(self, **urls: str | None) -> "ResolveConfig":
        """A copy with the endpoints the settings name (None: keep this one's)."""
        chosen = {key: value.rstrip("/") for key, value in urls.items() if value}
        return replace(self, **chosen) if chosen else self

    def published_rates(self, with_contact: bool) -> dict[str, float]:
        """Host -> requests per second, for the public services this configuration uses."""
        rates = {}
        for url in (self.openalex_url, self.openlibrary_url):
            if url in PUBLISHED_RATES:
                rates[urlsplit(url).netloc.lower()] = PUBLISHED_RATES[url][1 if with_contact else 0]
        return rates
