"""Version stamps of what cached responses depend on, shared by every process through the cache.

A stamp is "<unix time>:<random>": unique, so a response stamped before a change never
matches after it, and dated, so the latest stamp of a response is its Last-Modified. The
epoch is restamped before any tag on every change; a response rendered while it moved may
have read the old state, so it is not stored.
"""

import secrets
import time
from collections.abc import Iterable

from frontend_api.caching.backend import api_cache

EPOCH = "epoch"
PREFIX = "api-cache:v:"
# Only the newest generation's mark is read; older ones may go after a week.
SYNCED_TIMEOUT = 7 * 24 * 3600


def new_stamp() -> str:
    return f"{time.time():.6f}:{secrets.token_hex(4)}"


def stamp_time(stamp: str | None) -> float | None:
    """When the stamp was made, or None for a missing or unreadable one."""
    if not stamp:
        return None
    try:
        return float(stamp.partition(":")[0])
    except ValueError:
        return None


def read(tags: Iterable[str]) -> dict[str, str | None]:
    """Current stamps of the tags (None where a tag has none), in one round trip."""
    tags = list(tags)
    found = api_cache().get_many([PREFIX + tag for tag in tags])
    return {tag: found.get(PREFIX + tag) for tag in tags}


def read_or_create(tags: Iterable[str]) -> dict[str, str]:
    """Current stamps, giving a new one to each tag without (evicted or never changed)."""
    stamps = read(tags)
    missing = [tag for tag, stamp in stamps.items() if stamp is None]
    if missing:
        cache = api_cache()
        for tag in missing:
            cache.add(PREFIX + tag, new_stamp(), timeout=None)
        # Another process may have won the race to create a stamp: read what is stored.
        stamps.update(read(missing))
    return {tag: stamp or "" for tag, stamp in stamps.items()}


def bump(tags: Iterable[str]) -> None:
    """Restamp the epoch, then the tags: every response depending on them is now stale."""
    cache = api_cache()
    cache.set(PREFIX + EPOCH, new_stamp(), timeout=None)
    stamps = {PREFIX + tag: new_stamp() for tag in set(tags)}
    if stamps:
        cache.set_many(stamps, timeout=None)


# The base stamp starts the cache's entries afresh: an entry made under another base is stale.
# `synced:<generation>` says the cache holds every change up to that content generation.
BASE = "base"


def synced_tag(generation: int) -> str:
    return f"synced:{generation}"


def mark_synced(generation: int) -> None:
    api_cache().set(PREFIX + synced_tag(generation), new_stamp(), timeout=SYNCED_TIMEOUT)


def resync(generation: int) -> str:
    """A new base: the cache missed changes (flushed, restored from a snapshot, unreachable)."""
    base = f"{generation}:{new_stamp()}"
    cache = api_cache()
    cache.set(PREFIX + BASE, base, timeout=None)
    mark_synced(generation)
    return base
