"""Build the one HTTP session a check uses: cached (SQLite), pooled, polite, guarded."""

from __future__ import annotations

import hashlib
import logging
import os
import re
import sqlite3
from datetime import timedelta
from pathlib import Path

import requests

from ..settings import Settings
from .config import ResolveConfig
from .ratelimit import RateLimiter
from .transport import SafeAdapter

log = logging.getLogger(__name__)

PROJECT_URL = "https://github.com/essaycheck/essaycheck"
CACHE_NAME = "http-cache.sqlite"
# Answers worth keeping: found, moved, gone. 429 and 5xx are never cached.
CACHEABLE_STATUSES = (200, 203, 300, 301, 302, 303, 307, 308, 404, 410)


def cache_dir(settings: Settings) -> Path:
    """settings.cache_dir, else ESSAYCHECK_CACHE_DIR, else the user's cache directory."""
    chosen = settings.cache_dir or os.environ.get("ESSAYCHECK_CACHE_DIR")
    if chosen:
        return Path(chosen).expanduser()
    import platformdirs

    return Path(platformdirs.user_cache_dir("essaycheck"))


def contact_address(settings: Settings) -> str | None:
    """The contact address Crossref sees: settings.mailto, else ESSAYCHECK_MAILTO."""
    return (settings.mailto or os.environ.get("ESSAYCHECK_MAILTO") or "").strip() or None


def user_agent(settings: Settings) -> str:
    """'essaycheck/<version> (<project URL>; mailto:<contact>)', as Crossref's etiquette asks."""
    from .. import __version__

    address = contact_address(settings)
    contact = f"; mailto:{address}" if address else ""
    return f"essaycheck/{__version__} ({PROJECT_URL}{contact})"


def make_session(settings: Settings, config: ResolveConfig | None = None) -> requests.Session:
    """A CachedSession (or a plain Session when ``settings.cache`` is False) ready for resolving.

    Falls back to a plain session, with a log message, when the cache cannot be opened.
    """
    config = config or ResolveConfig.from_env()
    session = _cached_session(settings, config) if settings.cache else None
    if session is None:
        session = requests.Session()
    session.headers["User-Agent"] = user_agent(settings)
    # Never send ~/.netrc credentials to addresses taken from an essay; the fetcher reads
    # proxies and CA bundle from the environment itself.
    session.trust_env = False
    pool = max(1, settings.concurrency)
    limiter = RateLimiter()
    for host, rate in config.published_rates(with_contact=contact_address(settings) is not None).items():
        limiter.set_rate(host, rate)
    adapter = SafeAdapter(
        limiter=limiter,
        max_bytes=config.max_bytes,
        body_seconds=config.body_seconds or 3 * settings.timeout,
        max_wait=config.max_wait,
        pool_size=pool,
    )
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    return session


def _cached_session(settings: Settings, config: ResolveConfig):
    from requests_cache import DEFAULT_IGNORED_PARAMS, CachedSession

    path = cache_dir(settings) / CACHE_NAME
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        return CachedSession(
            str(path),
            backend="sqlite",
            expire_after=timedelta(days=config.cache_days),
            allowable_codes=CACHEABLE_STATUSES,
            allowable_methods=("GET", "HEAD"),
            cache_control=False,  # many servers say no-store; a check still should not ask twice
            stale_if_error=True,
            match_headers=["Accept"],  # the same DOI URL as CSL-JSON and as a web page are different answers
            ignored_parameters=(*DEFAULT_IGNORED_PARAMS, "mailto", "api_key"),  # (redacted from what is stored)
            key_fn=cache_key,
            filter_fn=_cacheable,
            wal=True,
            busy_timeout=10_000,
        )
    except (OSError, sqlite3.Error) as exc:
        log.warning("essaycheck: cannot use the cache at %s (%s); continuing without it", path, exc)
        return None


_PRIVATE_PARAMETER = re.compile(r"(?<=[?&])(?:mailto|api_key)=[^&]*(?:&|$)")


def cache_key(request, **_settings) -> str:
    """Method, URL without the contact address or API key, and Accept: all that makes our answers differ.

    Much cheaper than requests-cache's general key (which normalises URLs and bodies),
    which matters when a whole class is checked again from the cache.
    """
    url = _PRIVATE_PARAMETER.sub("", request.url or "").rstrip("?&")
    accept = request.headers.get("Accept", "")
    return hashlib.blake2b(f"{request.method} {url} {accept}".encode(), digest_size=16).hexdigest()


def _cacheable(response) -> bool:
    """Not a redirect that sets a cookie: replaying it without the cookie would loop."""
    return not (response.status_code in (301, 302, 303, 307, 308) and "Set-Cookie" in response.headers)


def is_cached_session(session) -> bool:
    """Whether ``session`` is a requests-cache CachedSession (so offline can answer from it)."""
    try:
        from requests_cache import CachedSession
    except ImportError:  # pragma: no cover - requests-cache is a dependency
        return False
    return isinstance(session, CachedSession)
