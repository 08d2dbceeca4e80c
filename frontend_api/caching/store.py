"""Where cached responses and version stamps live: the cache named by API_CACHE_ALIAS."""

import hashlib
import math
import time
from dataclasses import dataclass, field

from django.http import HttpRequest, HttpResponse
from django.utils.http import http_date

from frontend_api.caching import generation, versions
from frontend_api.caching.backend import api_cache, per_process_cache
from frontend_api.caching.fingerprint import deployment_fingerprint
from frontend_api.conf import api_setting
from frontend_api.loading import sites

ENTRY_PREFIX = "api-cache:r:"


def entry_key(request: HttpRequest) -> str:
    """What a public response depends on in the request: host, path and query, nothing else.

    Cookies and Authorization headers are left out on purpose: the public API ignores them.
    Query parameters are sorted so that equivalent URLs share an entry.
    """
    query = sorted((name, values) for name, values in request.GET.lists())
    raw = repr((deployment_fingerprint(), request.scheme, request.get_host(), request.path, query))
    return ENTRY_PREFIX + hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()


# Headers the cache sets itself on every response it serves.
OWN_HEADERS = frozenset({"etag", "last-modified", "cache-control", "content-length", "expires"})


@dataclass
class Entry:
    """A rendered response and the stamps of what it depends on when it was rendered.

    Its validators are worked out once, when it is stored, so that a hit only copies them.
    """

    body: bytes
    status: int
    headers: list[tuple[str, str]]
    etag: str
    epoch: str
    # The cache's base stamp when it was rendered (versions.resync).
    base: str
    stamps: dict[str, str] = field(default_factory=dict)
    # When a page it shows reaches its expiry (Unix time): the answer changes then by itself.
    expires: float | None = None
    # Whole second of the newest stamp (the last change of anything it depends on), and the
    # same as an HTTP date.
    modified: int | None = None
    modified_http: str = ""

    def seconds_left(self) -> float | None:
        return None if self.expires is None else self.expires - time.time()

    def outlived(self) -> bool:
        return self.expires is not None and self.expires <= time.time()

    @classmethod
    def from_response(
        cls,
        response: HttpResponse,
        epoch: str,
        base: str,
        stamps: dict[str, str],
        expires: float | None = None,
    ) -> "Entry":
        body = response.content
        headers = [
            (name, value)
            for name, value in response.headers.items()
            if name.lower() not in OWN_HEADERS
        ]
        # A redirect's meaning is its Location: redirects to different pages differ.
        digest = hashlib.sha256(body)
        digest.update(response.headers.get("Location", "").encode())
        etag = '"' + digest.hexdigest()[:32] + '"'
        newest = max(filter(None, map(versions.stamp_time, stamps.values())), default=None)
        modified = None if newest is None else math.floor(newest)
        return cls(
            body,
            response.status_code,
            headers,
            etag,
            epoch,
            base,
            stamps,
            expires,
            modified,
            "" if modified is None else http_date(modified),
        )

    def to_response(self) -> HttpResponse:
        response = HttpResponse(self.body, status=self.status)
        for name, value in self.headers:
            response.headers[name] = value
        return response


# A cache without the mark of the newest generation gets this long to receive it (the
# publishing process sets it moments after its commit) before its entries start afresh.
SYNC_GRACE_SECONDS = 1.0


def lookup(key: str) -> tuple[Entry | None, str | None, str]:
    """The stored entry if still current, the epoch seen before any rendering, and the base.

    One round trip when nothing changed since the entry was stored (same epoch); a second
    one, reading the entry's own stamps, when something else changed in between. An entry
    from before the cache last missed a change (another base) is never current.
    """
    cache = api_cache()
    current = generation.seen()
    epoch_key, base_key = versions.PREFIX + versions.EPOCH, versions.PREFIX + versions.BASE
    synced_key = versions.PREFIX + versions.synced_tag(current.value)
    found = cache.get_many([key, epoch_key, base_key, synced_key])
    entry, epoch, base = found.get(key), found.get(epoch_key), found.get(base_key)
    behind = synced_key not in found and (
        per_process_cache() or generation.held_for(current) >= SYNC_GRACE_SECONDS
    )
    if base is None or behind:
        base = versions.resync(current.value)
        # The cached site list may predate the missed changes too.
        sites.forget_sites()
    if epoch is None:
        epoch = versions.read_or_create([versions.EPOCH])[versions.EPOCH]
    if not isinstance(entry, Entry) or entry.outlived() or entry.base != base:
        return None, epoch, base
    if epoch is not None and entry.epoch == epoch:
        return entry, epoch, base
    stamps = versions.read([versions.EPOCH, *entry.stamps])
    if any(stamps[tag] != stamp for tag, stamp in entry.stamps.items()):
        return None, epoch, base
    # Still current: restamp it with the epoch it was checked against, for one-trip hits.
    checked_epoch = stamps[versions.EPOCH]
    if checked_epoch is not None:
        entry.epoch = checked_epoch
        save(key, entry)
    return entry, epoch, base


@dataclass(frozen=True)
class Lookup:
    """A lookup's key, the epoch it saw and the base (for storing what is rendered after it)."""

    key: str
    epoch: str | None
    base: str


# The request attribute holding a lookup made before the view (middleware.ServeCachedAnswers).
LOOKUP_ATTRIBUTE = "_api_cache_lookup"


def remember_lookup(request: HttpRequest, lookup: Lookup) -> None:
    setattr(request, LOOKUP_ATTRIBUTE, lookup)


def remembered_lookup(request: HttpRequest) -> Lookup | None:
    """The missed lookup made for this request before its view ran, if any."""
    return getattr(request, LOOKUP_ATTRIBUTE, None)


def save(key: str, entry: Entry) -> None:
    timeout = api_setting("API_CACHE_TIMEOUT")
    left = entry.seconds_left()
    if left is not None:
        timeout = max(1, min(timeout, int(left) + 1))
    api_cache().set(key, entry, timeout)
