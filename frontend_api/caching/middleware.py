"""Middleware of the response cache: hits answered early, and one change per request."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from frontend_api.caching import store
from frontend_api.caching.backend import cache_enabled
from frontend_api.caching.http import public_response
from frontend_api.caching.invalidation import one_change

# Where the cached API views live (frontend_api/urls.py): nothing else is looked up.
CACHED_PATHS = "/api/v2/"


class ServeCachedAnswers:
    """Answer public API reads the response cache holds before the admin's middleware runs.

    A hit needs no session, user, CSRF check, messages, or URL resolution: it is the entry the
    API view (caching.views.CachedViewMixin) would serve, found by the same key, with the same
    headers, since the middleware that set headers on every response sit outside this one
    (settings: security, CSP, CORS, Content-Length, X-Frame-Options). A miss goes on with the
    lookup it made, which the view uses instead of looking again.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if (
            request.method in ("GET", "HEAD")
            and request.path_info.startswith(CACHED_PATHS)
            and cache_enabled()
        ):
            key = store.entry_key(request)
            entry, epoch, base = store.lookup(key)
            if entry is not None:
                return public_response(request, entry, "hit")
            store.remember_lookup(request, store.Lookup(key, epoch, base))
        return self.get_response(request)


class OneChangePerRequest:
    """Wagtail's publish commits twice; without this, one click would notify the frontend twice."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        with one_change():
            return self.get_response(request)
