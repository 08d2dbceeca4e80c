"""The response cache every public API view mixes in.

A hit is answered from the stored bytes before DRF, the serializers or the database are
involved: one cache round trip when nothing changed since it was stored, two otherwise.
A miss renders as usual while the view records what it read (`cache_tags`); the rendered
bytes are then stored with the stamps of those tags, unless something changed meanwhile.
"""

from collections.abc import Iterable
from typing import Any, cast

from django.http import HttpRequest, HttpResponse, HttpResponseBase
from rest_framework.views import APIView
from wagtail.models import Page

from frontend_api.caching import dependencies, store, versions
from frontend_api.caching.backend import cache_enabled
from frontend_api.caching.http import is_private, public_response, uncacheable

STORED_STATUSES = frozenset({200, 301, 302})


class CachedViewMixin(APIView):
    """Serve GET and HEAD from the response cache; give every public answer its validators."""

    cache_tags: set[str]
    cache_expiry: float | None = None

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if request.method not in ("GET", "HEAD"):
            return super().dispatch(request, *args, **kwargs)
        enabled = cache_enabled()
        key = epoch = None
        base = ""
        if enabled:
            # Looked up already, and missed, when middleware.ServeCachedAnswers ran.
            looked_up = store.remembered_lookup(request)
            if looked_up is not None:
                key, epoch, base = looked_up.key, looked_up.epoch, looked_up.base
            else:
                key = store.entry_key(request)
                entry, epoch, base = store.lookup(key)
                if entry is not None:
                    return public_response(request, entry, "hit")
        self.cache_tags = {dependencies.SHARED}
        # The API views answer with a DRF Response or a redirect, never a streaming response.
        response = cast(HttpResponse, super().dispatch(request, *args, **kwargs))
        if response.status_code not in STORED_STATUSES:
            return uncacheable(response)
        if is_private(response):
            return response
        if hasattr(response, "render"):
            response.render()
        # Stamps are read after rendering; the epoch read before tells whether they may be
        # older than what was rendered, in which case the entry is served but not stored.
        stamps = versions.read_or_create([versions.EPOCH, *self.cache_tags])
        current_epoch = stamps.pop(versions.EPOCH)
        entry = store.Entry.from_response(response, current_epoch, base, stamps, self.cache_expiry)
        if key is not None and epoch == current_epoch:  # a key is made only when enabled
            store.save(key, entry)
        return public_response(request, entry, "miss" if enabled else "off")

    def depends_on(self, tags: Iterable[str]) -> None:
        if hasattr(self, "cache_tags"):
            self.cache_tags.update(tags)

    def ends_with_expiry_of(self, pages: Iterable[Page]) -> None:
        """The answer includes these pages: it ends when the first of them expires."""
        self.ends_at(dependencies.earliest_expiry(pages))

    def ends_at(self, moment: float | None) -> None:
        """The answer holds something that changes at `moment` (Unix time), if any."""
        if moment is not None and (self.cache_expiry is None or moment < self.cache_expiry):
            self.cache_expiry = moment
