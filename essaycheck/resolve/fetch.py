"""One HTTP exchange as the resolver needs it: retries, back-off, manual redirects, offline, caps.

Every failure becomes a :class:`FetchError` with a ``kind`` the findings can word
for a student; nothing a server sends escapes as another exception.
"""

from __future__ import annotations

import json
import os
import random
import socket
import time
from dataclasses import dataclass, field
from typing import Any, Iterable
from urllib.parse import urljoin, urlsplit

import requests
from requests.utils import get_environ_proxies
from urllib3.exceptions import NameResolutionError

from .config import ResolveConfig
from .ratelimit import parse_retry_after
from .safety import ALLOWED_SCHEMES, Guard, UnknownHost, UnsafeURL
from .session import is_cached_session
from .transport import GUARD_ATTR, LIMIT_ATTR, BlockedURL, HostNotFound, SafeAdapter

REDIRECT_STATUSES = (301, 302, 303, 307, 308)
PERMANENT_REDIRECTS = (301, 308)
RETRY_STATUSES = (429, 500, 502, 503, 504)


class FetchError(Exception):
    """The exchange failed. ``kind``: offline | blocked | dns | tls | timeout | connection |
    too-many-redirects | redirect-loop | bad-url | scheme | server | bad-answer."""

    def __init__(self, kind: str, detail: str, *, address: str = "", literal: bool = False,
                 redirects: tuple[tuple[int, str], ...] = ()):
        super().__init__(detail)
        self.kind = kind
        self.detail = detail
        self.address = address
        self.literal = literal
        self.redirects = redirects


@dataclass(frozen=True)
class Fetched:
    """The last answer of a redirect chain."""

    url: str
    final_url: str
    status: int
    reason: str
    headers: dict[str, str]  # lower-case names
    body: bytes
    redirects: tuple[tuple[int, str], ...] = ()  # (status, target) of each hop

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()

    def json(self) -> Any:
        """The body as JSON; :class:`FetchError` ('bad-answer') when it is not."""
        try:
            return json.loads(self.body.decode("utf-8-sig"))
        except (UnicodeDecodeError, ValueError) as exc:
            kind = "empty" if not self.body.strip() else ("html" if b"<html" in self.body[:2000].lower() else "text")
            raise FetchError("bad-answer", f"the answer was not JSON ({kind})") from exc

    def answer(self, service: str, key: str) -> Any:
        """``key`` of the JSON object a service answered with 200 (None when absent); FetchError
        ('server') for another status, ('bad-answer') when the body is not JSON."""
        if self.status != 200:
            raise FetchError("server", f"{service} answered {self.status} {self.reason}".strip())
        data = self.json()
        return data.get(key) if isinstance(data, dict) else None


@dataclass
class Fetcher:
    """Sends requests through one session with the resolver's limits and policies."""

    session: requests.Session
    config: ResolveConfig
    timeout: float
    offline: bool = False
    trusted_origins: frozenset[str] = frozenset()
    guard: Guard = field(default_factory=Guard)
    sleep: Any = time.sleep
    _environment: dict = field(default_factory=dict)  # origin -> proxies/verify from the environment

    def fetch(self, url: str, *, method: str = "GET", headers: dict[str, str] | None = None,
              max_bytes: int | None = None) -> Fetched:
        """Send ``method`` to ``url`` and follow up to ``config.max_redirects`` redirects by hand."""
        redirects: list[tuple[int, str]] = []
        visits = {url: 1}
        current = url
        for _ in range(self.config.max_redirects + 1):
            try:
                response, body = self._send(method, current, headers, max_bytes)
            except FetchError as exc:
                if redirects:  # the essay's own address was fine; a server sent us on
                    raise FetchError(exc.kind, exc.detail, address=exc.address, redirects=tuple(redirects)) from exc
                raise
            location = response.headers.get("Location")
            if response.status_code in REDIRECT_STATUSES and location:
                target = urljoin(current, location.strip())
                redirects.append((response.status_code, target))
                # A second visit is normal (a site setting a cookie, then sending us back); a third is a loop.
                visits[target] = visits.get(target, 0) + 1
                if visits[target] > 2:
                    raise FetchError("redirect-loop", "the address redirects in a loop", redirects=tuple(redirects))
                if response.status_code == 303 and method != "HEAD":
                    method = "GET"
                current = target
                continue
            return Fetched(
                url=url, final_url=current, status=response.status_code, reason=response.reason or "",
                headers={k.lower(): v for k, v in response.headers.items()}, body=body, redirects=tuple(redirects),
            )
        raise FetchError("too-many-redirects", f"the address redirects more than {self.config.max_redirects} times",
                         redirects=tuple(redirects))

    def _guard_for(self, url: str) -> Guard | None:
        return None if origin(url) in self.trusted_origins else self.guard

    def _send(self, method, url, headers, max_bytes) -> tuple[requests.Response, bytes]:
        if urlsplit(url).scheme.lower() not in ALLOWED_SCHEMES:
            raise FetchError("scheme", "only http and https addresses can be checked")
        cached = is_cached_session(self.session)
        if self.offline and not cached:
            raise FetchError("offline", "offline and there is no cache")
        attempt = 0
        while True:
            try:
                response, body = self._send_once(method, url, headers, max_bytes, cached)
            except FetchError as exc:
                if exc.kind != "connection" or attempt >= self.config.retries:
                    raise
                self.sleep(self._backoff(attempt))
                attempt += 1
                continue
            status = response.status_code
            if self.offline and status == 504 and response.reason == "Not Cached":
                raise FetchError("offline", "offline and this was not in the cache")
            if status in RETRY_STATUSES and attempt < self.config.retries:
                wait = parse_retry_after(response.headers.get("Retry-After"))
                wait = self._backoff(attempt) if wait is None else wait
                if wait > self.config.max_wait:
                    return response, body  # asked to come back much later: not checked this time
                self.sleep(wait)
                attempt += 1
                continue
            return response, body

    def _backoff(self, attempt: int) -> float:
        return self.config.backoff * (2 ** attempt) * (1 + random.random() / 10)

    def _send_once(self, method, url, headers, max_bytes, cached) -> tuple[requests.Response, bytes]:
        guard = self._guard_for(url)
        limit = max_bytes or self.config.max_bytes
        try:
            prepared = self.session.prepare_request(requests.Request(method, url, headers=headers))
            setattr(prepared, GUARD_ATTR, guard)
            setattr(prepared, LIMIT_ATTR, limit)
            if guard is not None and not isinstance(self.session.get_adapter(url), SafeAdapter):
                guard.check(url)  # a session from elsewhere: guard here, before sending
            options = self._environment.get(origin(url))
            if options is None:  # reading proxies from os.environ is slow; it does not change mid-run
                options = environment_settings(url)
                self._environment[origin(url)] = options
            extra = {"only_if_cached": True} if (self.offline and cached) else {}
            response = self.session.send(prepared, allow_redirects=False, timeout=self.timeout, **options, **extra)
            body = _read(response, limit)
        except (UnsafeURL, BlockedURL) as exc:
            reason = exc if isinstance(exc, UnsafeURL) else exc.reason
            raise FetchError("blocked", str(reason), address=reason.address, literal=reason.literal) from exc
        except (UnknownHost, HostNotFound) as exc:
            raise FetchError("dns", str(exc)) from exc
        except requests.RequestException as exc:
            raise classify(exc, url) from exc
        return response, body


def environment_settings(url: str) -> dict:
    """Proxies and CA bundle from the environment, as requests would use them (never ~/.netrc)."""
    verify = os.environ.get("REQUESTS_CA_BUNDLE") or os.environ.get("CURL_CA_BUNDLE") or True
    return {"proxies": get_environ_proxies(url), "verify": verify, "cert": None, "stream": True}


def _read(response: requests.Response, limit: int) -> bytes:
    """The body, at most ``limit`` bytes (already read by SafeAdapter or the cache, usually)."""
    content = getattr(response, "_content", False)
    if content is None:  # requests-cache's "504 Not Cached" has no body at all
        return b""
    if isinstance(content, bytes):
        return content[:limit]
    chunks, size = [], 0
    for chunk in response.iter_content(65536):
        chunks.append(chunk)
        size += len(chunk)
        if size >= limit:
            response.close()
            break
    return b"".join(chunks)[:limit]


def classify(exc: requests.RequestException, url: str) -> FetchError:
    """Turn a requests exception into a FetchError whose kind a student can be told about."""
    host = urlsplit(url).hostname or url
    if isinstance(exc, requests.exceptions.SSLError):
        return FetchError("tls", f"the secure connection to {host} failed (its certificate or TLS setup is not valid)")
    if isinstance(exc, (requests.exceptions.ConnectTimeout, requests.exceptions.ReadTimeout)):
        return FetchError("timeout", f"{host} did not answer in time")
    if isinstance(exc, (requests.exceptions.InvalidURL, requests.exceptions.MissingSchema,
                        requests.exceptions.InvalidSchema, requests.exceptions.InvalidHeader)):
        return FetchError("bad-url", "the address is not a valid web address")
    if isinstance(exc, requests.exceptions.ContentDecodingError):
        return FetchError("bad-answer", f"{host} sent an answer that could not be decoded")
    if any(isinstance(e, (NameResolutionError, socket.gaierror)) for e in _causes(exc)):
        return FetchError("dns", f"the domain {host} was not found")
    return FetchError("connection", f"the connection to {host} failed")


def _causes(exc: BaseException) -> Iterable[BaseException]:
    """The exception, its causes, contexts and wrapped reasons (urllib3 nests them in args)."""
    stack, seen = [exc], set()
    while stack:
        current = stack.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        stack.extend(e for e in (current.__cause__, current.__context__, getattr(current, "reason", None))
                     if isinstance(e, BaseException))
        stack.extend(a for a in getattr(current, "args", ()) if isinstance(a, BaseException))


def origin(url: str) -> str:
    """'https://doi.org/x' -> 'https://doi.org:443'; '' for an unreadable address."""
    parts = urlsplit(url)
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        return ""
    return f"{parts.scheme.lower()}://{(parts.hostname or '').lower()}:{port}"
