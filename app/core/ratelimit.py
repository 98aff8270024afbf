"""Per-key rate limits: fixed windows counted in memory, or in Redis when REDIS_URL is set.

Fixed windows are a deliberate choice: one atomic INCR per request in Redis, the same arithmetic in
memory, and an exact Retry-After (the end of the window). A client may send up to twice the limit
across a window boundary; that is acceptable for protecting CPU-bound ingest."""

from __future__ import annotations

import logging
import math
import threading
import time
from collections.abc import Callable
from typing import Any, Protocol

log = logging.getLogger("app.ratelimit")

Clock = Callable[[], float]


class RateLimiter(Protocol):
    def hit(self, identity: str, limit: int) -> int | None:
        """Count one request; answer None when allowed, or the seconds to wait (Retry-After)."""


class MemoryRateLimiter:
    """Counts in this process: right for one worker, too generous when several share the load."""

    def __init__(self, window_seconds: int, clock: Clock = time.time) -> None:
        self.window = window_seconds
        self.clock = clock
        self._counts: dict[str, tuple[int, int]] = {}
        self._lock = threading.Lock()

    def hit(self, identity: str, limit: int) -> int | None:
        now = self.clock()
        window = int(now // self.window)
        with self._lock:
            if len(self._counts) > 100_000:  # forget finished windows so memory stays bounded
                self._counts = {k: v for k, v in self._counts.items() if v[0] == window}
            started, count = self._counts.get(identity, (window, 0))
            count = count + 1 if started == window else 1
            self._counts[identity] = (window, count)
        return None if count <= limit else _retry_after(now, window, self.window)


class RedisRateLimiter:
    """Counts in Redis so that every API process shares one budget per key.

    When Redis cannot be reached the request is let through (and logged): an outage of the limiter
    should not become an outage of the API."""

    def __init__(self, url: str, window_seconds: int, prefix: str = "conflict:ratelimit", clock: Clock = time.time):
        import redis

        self.client: Any = redis.Redis.from_url(url, socket_timeout=0.5, socket_connect_timeout=0.5)
        self.window = window_seconds
        self.prefix = prefix
        self.clock = clock

    def hit(self, identity: str, limit: int) -> int | None:
        import redis

        now = self.clock()
        window = int(now // self.window)
        name = f"{self.prefix}:{identity}:{window}"
        try:
            pipe = self.client.pipeline(transaction=True)
            pipe.incr(name)
            pipe.expire(name, self.window + 1)
            count = int(pipe.execute()[0])
        except redis.RedisError as exc:
            log.warning("rate limiter unavailable, request let through: %s", type(exc).__name__)
            return None
        return None if count <= limit else _retry_after(now, window, self.window)


def _retry_after(now: float, window: int, length: int) -> int:
    return max(1, math.ceil((window + 1) * length - now))


def make_rate_limiter(redis_url: str | None, window_seconds: int) -> RateLimiter:
    if redis_url:
        return RedisRateLimiter(redis_url, window_seconds)
    return MemoryRateLimiter(window_seconds)
