"""The transport adapter under every request: address guard, rate limit, capped body reading.

It sits below requests-cache, so it only runs when a request really goes out:
a cached answer costs no DNS lookup and no rate-limit slot.  It reads the body
itself, with a byte cap and a time limit, before requests-cache stores it.
"""

from __future__ import annotations

import threading
import time
from urllib.parse import urlsplit

import requests
from requests.adapters import HTTPAdapter
from urllib3.exceptions import DecodeError, HTTPError, ProtocolError, ReadTimeoutError, SSLError

from .ratelimit import RateLimiter, parse_retry_after
from .safety import Guard, UnknownHost, UnsafeURL

GUARD_ATTR = "essaycheck_guard"  # on a PreparedRequest: a Guard, or None for trusted endpoints
LIMIT_ATTR = "essaycheck_max_bytes"
_STRICT = Guard()


class BlockedURL(requests.RequestException):
    """The guard refused the destination; nothing was sent."""

    def __init__(self, reason: UnsafeURL, **kwargs):
        super().__init__(str(reason), **kwargs)
        self.reason = reason


class HostNotFound(requests.RequestException):
    """DNS has no address for the host."""


class BodyTooSlow(requests.exceptions.ReadTimeout):
    """The server sent its answer too slowly."""


class SafeAdapter(HTTPAdapter):
    """HTTPAdapter that guards addresses, keeps to rate limits and caps what it reads."""

    def __init__(self, *, limiter: RateLimiter, max_bytes: int, body_seconds: float, max_wait: float = 30.0,
                 pool_size: int = 10):
        super().__init__(pool_connections=max(pool_size, 10), pool_maxsize=pool_size, max_retries=0)
        self.limiter = limiter
        self.max_wait = max_wait
        self.max_bytes = max_bytes
        self.body_seconds = body_seconds
        self.sent = 0  # requests that really went out (tests and the benchmark count them)
        # requests in flight at once, over every host: taken only once the host's rate allows the
        # request, so a lookup waiting for its turn holds no place
        self._in_flight = threading.BoundedSemaphore(max(1, pool_size))

    def send(self, request, stream=False, timeout=None, verify=True, cert=None, proxies=None):
        # A request without a guard attribute gets the strict guard: fail closed.
        guard = getattr(request, GUARD_ATTR, _STRICT)
        if guard is not None:
            try:
                guard.check(request.url)
            except UnsafeURL as exc:
                raise BlockedURL(exc, request=request) from exc
            except UnknownHost as exc:
                raise HostNotFound(str(exc), request=request) from exc
        host = urlsplit(request.url).netloc.lower()
        self.limiter.wait(host)
        with self._in_flight:
            return self._send_now(request, host, timeout, verify, cert, proxies)

    def _send_now(self, request, host, timeout, verify, cert, proxies):
        self.sent += 1
        response = super().send(request, stream=True, timeout=timeout, verify=verify, cert=cert, proxies=proxies)
        self.limiter.observe(host, response.headers)
        if response.status_code == 429:
            # Hold every request to this host back, not just this one; a very long wait is
            # not honoured (the items are reported as not checked instead).
            wait = parse_retry_after(response.headers.get("Retry-After"))
            if wait and wait <= self.max_wait:
                self.limiter.pause(host, wait)
        limit = getattr(request, LIMIT_ATTR, None) or self.max_bytes
        try:
            body, truncated = _read_capped(response, min(limit, self.max_bytes), self.body_seconds)
        except requests.RequestException:
            response.close()
            raise
        if truncated:
            response.close()  # the rest of the body is not wanted: drop the connection
        response._content = body
        response._content_consumed = True
        return response


def _read_capped(response: requests.Response, limit: int, seconds: float) -> tuple[bytes, bool]:
    """Read at most ``limit`` decoded bytes within ``seconds``; True when the body was cut short."""
    raw = response.raw
    deadline = time.monotonic() + seconds
    chunks: list[bytes] = []
    size = 0
    try:
        while True:
            chunk = raw.read1(min(65536, limit + 1 - size), decode_content=True)
            if not chunk:
                return b"".join(chunks), False
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:
                return b"".join(chunks)[:limit], True
            if time.monotonic() > deadline:
                raise BodyTooSlow(f"the server took more than {seconds:g} s to send its answer", response=response)
    except requests.RequestException:
        raise  # ours (BodyTooSlow); requests' exceptions are OSErrors too
    except ReadTimeoutError as exc:
        raise requests.exceptions.ReadTimeout(exc, response=response) from exc
    except SSLError as exc:
        raise requests.exceptions.SSLError(exc, response=response) from exc
    except DecodeError as exc:
        raise requests.exceptions.ContentDecodingError(exc, response=response) from exc
    except (ProtocolError, HTTPError, OSError) as exc:
        raise requests.ConnectionError(exc, response=response) from exc
