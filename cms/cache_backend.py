"""A Redis cache that never fails a request: errors read as misses, are counted and logged rarely.

The database is the source of truth; Redis only accelerates. django-redis already turns
connection errors into misses (IGNORE_EXCEPTIONS); this backend adds what an outage needs:
a short circuit breaker (no connect timeout paid on every call while Redis is away), a count
of errors that /healthz and the invalidation code read, and one log line per interval.
"""

import logging
import sys
import threading
import time
from dataclasses import dataclass

from django_redis.cache import RedisCache
from django_redis.exceptions import ConnectionInterrupted

logger = logging.getLogger("cms.cache")


@dataclass
class CacheFaults:
    """This process's cache errors: how many, the last one, and when it was last logged."""

    count: int = 0
    last_error: str = ""
    last_error_at: float = 0.0
    last_logged_at: float = 0.0
    unlogged: int = 0

    def __post_init__(self) -> None:
        self._lock = threading.Lock()

    def record(self, error: BaseException, log_interval: float) -> None:
        cause = error.__cause__ or error
        now = time.monotonic()
        with self._lock:
            self.count += 1
            self.last_error = f"{type(cause).__name__}: {cause}"
            self.last_error_at = now
            if now - self.last_logged_at < log_interval:
                self.unlogged += 1
                return
            skipped, self.unlogged, self.last_logged_at = self.unlogged, 0, now
        logger.warning(
            "cache unavailable, answering from the database (%s; %d more errors since the "
            "last report, %d in all)",
            self.last_error,
            skipped,
            self.count,
        )

    def recent(self, seconds: float) -> bool:
        return self.count > 0 and time.monotonic() - self.last_error_at < seconds


faults = CacheFaults()


class CircuitOpen(ConnectionError):
    """Redis was not tried: it failed moments ago."""


class _OpenCircuit:
    """Stands in for the Redis client while the breaker is open: every call fails at once."""

    def __getattr__(self, name: str):
        def refuse(*args, **kwargs):
            raise ConnectionInterrupted(connection=None) from CircuitOpen("circuit open")

        return refuse


class FaultTolerantRedisCache(RedisCache):
    """django-redis with errors as misses, a circuit breaker, counted and rate-limited logs.

    OPTIONS: CIRCUIT_BREAKER_SECONDS (default 1) is how long calls skip Redis after an
    error; FAULT_LOG_SECONDS (default 60) is the interval between two error reports.
    """

    def __init__(self, server: str, params: dict) -> None:
        options = dict(params.get("OPTIONS", {}))
        self._breaker_seconds = float(options.pop("CIRCUIT_BREAKER_SECONDS", 1.0))
        self._log_seconds = float(options.pop("FAULT_LOG_SECONDS", 60.0))
        options["IGNORE_EXCEPTIONS"] = True
        super().__init__(server, {**params, "OPTIONS": options})
        # omit_exception() reports through self.logger.exception; route that to the counter.
        self._log_ignored_exceptions = True
        self.logger = self
        self._opened_at = -float("inf")

    @property
    def client(self):
        if time.monotonic() - self._opened_at < self._breaker_seconds:
            return _OpenCircuit()
        return super().client

    def exception(self, message: str, *args, **kwargs) -> None:
        """Called by django-redis, inside its except block, for each ignored error."""
        error = sys.exc_info()[1] or RuntimeError(message)
        if not isinstance(error.__cause__, CircuitOpen):
            self._opened_at = time.monotonic()
        faults.record(error, self._log_seconds)
