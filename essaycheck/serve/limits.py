"""What a hosted page allows: upload size, checks at once, checks per client; read from the config file.

The ``serve`` table of the configuration (``[serve]`` in essaycheck.toml, ``[tool.essaycheck.serve]``
in pyproject.toml)::

    [serve]
    max-upload-mb = 20       # larger uploads are refused before they are read
    max-checks = 2           # checks running at once; the rest wait their turn
    max-waiting = 20         # uploads waiting beyond that are turned away (503, try again)
    checks-per-minute = 10   # per client address; more get 429 with Retry-After
"""

from __future__ import annotations

import asyncio
import math
import threading
import time
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, Mapping

from ..errors import ConfigError

__all__ = ["ServeLimits", "load_limits", "RateLimiter", "CheckGate", "Busy"]


@dataclass(frozen=True)
class ServeLimits:
    """The server's limits; the defaults suit one student's machine and a class-sized server."""

    max_upload_mb: float = 20.0
    max_checks: int = 2
    max_waiting: int = 20
    checks_per_minute: int = 10

    @property
    def max_upload_bytes(self) -> int:
        return int(self.max_upload_mb * 1024 * 1024)


_KEYS = {"max-upload-mb": ("max_upload_mb", (int, float)), "max-checks": ("max_checks", int),
         "max-waiting": ("max_waiting", int), "checks-per-minute": ("checks_per_minute", int)}


def limits_from_table(table: Mapping[str, Any], source: str) -> ServeLimits:
    """The ``serve`` table checked: known keys, right types, positive numbers."""
    values: dict[str, Any] = {}
    for key, value in table.items():
        if key not in _KEYS:
            raise ConfigError(f"{source}: unknown key 'serve.{key}' (known keys: {', '.join(sorted(_KEYS))})")
        name, expected = _KEYS[key]
        if isinstance(value, bool) or not isinstance(value, expected) or not value > 0:
            raise ConfigError(f"{source}: 'serve.{key}' must be a positive number, not {value!r}")
        values[name] = value
    return ServeLimits(**values)


def load_limits(start: Path, config_file: Path | None = None) -> ServeLimits:
    """The limits of the configuration found from ``start`` (as for the checks), else the defaults."""
    from ..config import config_table, find_config

    path = config_file or find_config(start)
    if path is None:
        return ServeLimits()
    table = config_table(path).get("serve", {})
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: 'serve' must be a table of settings")
    return limits_from_table(table, str(path))


assert {f.name for f in fields(ServeLimits)} == {name for name, _ in _KEYS.values()}


class RateLimiter:
    """A token bucket per client: ``per_minute`` checks, refilled evenly, a burst of as many."""

    def __init__(self, per_minute: int, clock=time.monotonic) -> None:
        self.per_minute = per_minute
        self.clock = clock
        self._buckets: dict[str, tuple[float, float]] = {}  # client -> (tokens, when)
        self._lock = threading.Lock()

    def try_take(self, client: str) -> float:
        """0 when ``client`` may go ahead (a token is taken), else the seconds until it may."""
        rate = self.per_minute / 60.0
        with self._lock:
            now = self.clock()
            tokens, when = self._buckets.get(client, (float(self.per_minute), now))
            tokens = min(float(self.per_minute), tokens + (now - when) * rate)
            if tokens >= 1:
                self._buckets[client] = (tokens - 1, now)
                self._forget_idle(now)
                return 0.0
            self._buckets[client] = (tokens, now)
            return (1 - tokens) / rate

    def _forget_idle(self, now: float) -> None:
        """Buckets full again are dropped, so memory does not grow with the number of clients ever seen."""
        if len(self._buckets) > 1024:
            full = 60.0  # a bucket refills completely within a minute
            self._buckets = {c: v for c, v in self._buckets.items() if now - v[1] < full}


class Busy(Exception):
    """Too many uploads are already waiting."""


class CheckGate:
    """At most ``running`` checks at once; at most ``waiting`` more wait their turn, in order."""

    def __init__(self, running: int, waiting: int) -> None:
        self.running, self.waiting = running, waiting
        self._semaphore: asyncio.Semaphore | None = None
        self._queued = 0
        self._active = 0

    def ahead(self) -> int:
        """How many checks would go before a new one: the waiting ones and the running ones over the limit."""
        return self._queued + max(0, self._active - self.running + 1)

    async def enter(self) -> None:
        """Wait for a free place; raises :class:`Busy` when the waiting line is full."""
        if self._semaphore is None:
            self._semaphore = asyncio.Semaphore(self.running)
        if self._semaphore.locked() and self._queued >= self.waiting:
            raise Busy
        self._queued += 1
        try:
            await self._semaphore.acquire()
        finally:
            self._queued -= 1
        self._active += 1

    def leave(self) -> None:
        self._active -= 1
        assert self._semaphore is not None
        self._semaphore.release()


def retry_after(seconds: float) -> str:
    """A Retry-After header value: whole seconds, at least one."""
    return str(max(1, math.ceil(seconds)))
