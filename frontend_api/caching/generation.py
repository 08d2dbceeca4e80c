"""The content generation: a counter in the database that every published change moves on.

The cache's stamps live in the cache, which may be flushed, restarted empty or restored
from an old snapshot, and an invalidation may fail to reach it. The generation is the
durable record that a change happened: each flush moves it on, then marks the cache as
synced with it. A process that finds the cache not synced with the database's generation
starts the cache's entries afresh (`store.resync`). docs/caching.md has the whole story.
"""

import threading
import time
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db import models, transaction
from django.db.models import F
from django.utils import timezone

from frontend_api.caching.backend import per_process_cache
from frontend_api.conf import api_setting

ROW = 1


class ContentGeneration(models.Model):
    """One row: how many changes the public content has had, and when the last one was."""

    value = models.BigIntegerField(default=0)
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        app_label = "frontend_api"

    def __str__(self) -> str:
        return f"Content generation {self.value}"


def read() -> int | None:
    """The generation in the database now (None before the first change)."""
    return ContentGeneration.objects.filter(pk=ROW).values_list("value", flat=True).first()


def advance(cache_missed: bool = False, remember: bool = True) -> int:
    """Move the generation on (in the open transaction, if any) and return the new value.

    `cache_missed`: the cache failed to take a change; no mark is coming for this value.
    `remember`: let this process see the value now (not before its transaction commits).
    """
    updated = ContentGeneration.objects.filter(pk=ROW).update(
        value=F("value") + 1, changed_at=timezone.now()
    )
    if not updated:
        ContentGeneration.objects.get_or_create(pk=ROW, defaults={"value": 1})
    value, changed_at = (
        ContentGeneration.objects.filter(pk=ROW).values_list("value", "changed_at").get()
    )
    if remember:
        _seen.remember(value, changed_at, settled=cache_missed)
    return value


def advance_with_change(generation: int | None) -> int | None:
    """The generation a change's transaction moved on to, moving it on when it has not yet.

    Moved on inside the change's transaction, the durable record commits with the change: if
    the flush that restamps the cache never runs (the process dies, the database goes away
    after the commit), the cache is never marked synced with it, and every reader starts
    afresh after SYNC_GRACE_SECONDS instead of serving what the change made old.
    `generation` is the value this change's earlier transaction reached, if any.
    """
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        return generation  # committed already: the flush moves the generation on
    if generation is not None and _advanced_in(connection):
        return generation
    transaction.on_commit(_advanced)
    return advance(remember=False)


def committed(value: int) -> int:
    """Date the generation a change's transaction moved on to at its commit; return it.

    Feeds' Last-Modified follows `changed_at`: the moment the change became visible.
    """
    ContentGeneration.objects.filter(pk=ROW, value=value).update(changed_at=timezone.now())
    _seen.current(0)
    return value


def _advanced() -> None:
    """Queued on commit only to tell that the open transaction moved the generation on."""


def _advanced_in(connection: Any) -> bool:
    return any(entry[1] is _advanced for entry in connection.run_on_commit)


@dataclass
class Seen:
    """The generation this process last read, when it read it, and since when it has held."""

    value: int = -1
    changed_at: float = 0.0
    read_at: float = -float("inf")
    since: float = 0.0

    def __post_init__(self) -> None:
        self._lock = threading.Lock()

    def remember(self, value: int, changed_at: datetime | None, settled: bool = False) -> None:
        now = time.monotonic()
        with self._lock:
            if value != self.value:
                self.value, self.since = value, -float("inf") if settled else now
            self.changed_at = changed_at.timestamp() if changed_at else 0.0
            self.read_at = now

    def current(self, max_age: float) -> "Seen":
        """The generation as read at most `max_age` seconds ago (0: read it now)."""
        if time.monotonic() - self.read_at < max_age:
            return self
        row = ContentGeneration.objects.filter(pk=ROW).values_list("value", "changed_at").first()
        self.remember(*(row or (0, None)))
        return self


_seen = Seen()


def seen() -> Seen:
    """The generation, re-read on every request for a per-process cache (it cannot see other
    processes' changes otherwise), at most every API_CACHE_SYNC_SECONDS for a shared one."""
    return _seen.current(0 if per_process_cache() else api_setting("API_CACHE_SYNC_SECONDS"))


def changed_at() -> float:
    """When published content last changed (Unix time), read from the database now."""
    return _seen.current(0).changed_at


def held_for(generation: Seen) -> float:
    """How long this process has seen the generation at its current value."""
    return time.monotonic() - generation.since
