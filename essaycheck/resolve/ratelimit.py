"""Keep to the request rate a server announces (Crossref's X-Rate-Limit-* headers) and its Retry-After."""

from __future__ import annotations

import re
import threading
import time
from email.utils import parsedate_to_datetime
from typing import Callable, Mapping

_INTERVAL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)?\s*$", re.IGNORECASE)
_UNIT = {"ms": 0.001, "s": 1.0, "m": 60.0, "h": 3600.0, None: 1.0}


def parse_interval(text: str) -> float | None:
    """'1s' -> 1.0, '500ms' -> 0.5; None when unreadable."""
    match = _INTERVAL.match(text or "")
    if not match:
        return None
    return float(match.group(1)) * _UNIT[(match.group(2) or "").lower() or None]


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta seconds or an HTTP date); None if absent."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when is None:
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


class RateLimiter:
    """Spaces requests to each host evenly once that host has announced a limit; thread-safe."""

    def __init__(self, clock: Callable[[], float] = time.monotonic, sleep: Callable[[float], None] = time.sleep):
        self._clock = clock
        self._sleep = sleep
        self._lock = threading.Lock()
        self._spacing: dict[str, float] = {}  # host -> seconds between requests
        self._next: dict[str, float] = {}  # host -> earliest time of the next request

    def wait(self, host: str) -> float:
        """Block until a request to ``host`` may go out; return the time waited."""
        with self._lock:
            now = self._clock()
            start = max(now, self._next.get(host, now))
            spacing = self._spacing.get(host, 0.0)
            if spacing or start > now:
                self._next[host] = start + spacing
        delay = start - now
        if delay > 0:
            self._sleep(delay)
        return delay

    def observe(self, host: str, headers: Mapping[str, str]) -> None:
        """Learn the host's limit from X-Rate-Limit-Limit and X-Rate-Limit-Interval."""
        limit, interval = headers.get("X-Rate-Limit-Limit"), headers.get("X-Rate-Limit-Interval")
        if not limit or not interval:
            return
        seconds = parse_interval(interval)
        try:
            count = float(limit)
        except ValueError:
            return
        if seconds and count > 0:
            with self._lock:
                self._spacing[host] = seconds / count

    def set_rate(self, host: str, per_second: float) -> None:
        """Keep to ``per_second`` requests to ``host`` (a limit the service publishes) from the start."""
        if per_second > 0:
            with self._lock:
                self._spacing[host] = max(self._spacing.get(host, 0.0), 1.0 / per_second)

    def pause(self, host: str, seconds: float) -> None:
        """No request to ``host`` before ``seconds`` from now (after a 429)."""
        with self._lock:
            until = self._clock() + seconds
            self._next[host] = max(self._next.get(host, until), until)

    def spacing(self, host: str) -> float:
        """Seconds kept between requests to ``host`` (0 until it announces a limit)."""
        return self._spacing.get(host, 0.0)
