"""HTTP validators and freshness: ETag, Last-Modified, Cache-Control and 304 answers."""

import time
from typing import cast

from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response

from frontend_api.caching.store import Entry
from frontend_api.conf import api_setting

# Request headers that can turn an answer into a 304 or a 412.
PRECONDITIONS = (
    "HTTP_IF_MATCH",
    "HTTP_IF_NONE_MATCH",
    "HTTP_IF_MODIFIED_SINCE",
    "HTTP_IF_UNMODIFIED_SINCE",
)


def is_private(response: HttpResponse) -> bool:
    """Responses that must never reach a shared cache (token-based ones, anything with cookies)."""
    control = response.headers.get("Cache-Control", "").lower()
    return "private" in control or "no-store" in control or bool(response.cookies)


def public_response(request: HttpRequest, entry: Entry, outcome: str) -> HttpResponse:
    """The entry as a response with its validators, or a 304/412 when the client's copy holds.

    `outcome` ("hit", "miss" or "off") goes in X-API-Cache, for benchmarks and debugging.
    """
    response = entry.to_response()
    headers = response.headers
    headers["X-API-Cache"] = outcome
    headers["ETag"] = entry.etag
    # HTTP dates have one-second resolution: while the second of the last change is still
    # running, a later change in it would carry the same date and a client would get a stale
    # 304, so Last-Modified waits for that second to end.
    modified = entry.modified
    if modified is not None and modified >= int(time.time()):
        modified = None
    if modified is not None:
        headers["Last-Modified"] = entry.modified_http
    max_age, s_maxage = api_setting("API_CACHE_MAX_AGE"), api_setting("API_CACHE_S_MAXAGE")
    left = entry.seconds_left()
    if left is not None:
        # No copy may outlive the expiry of a page the answer shows.
        max_age, s_maxage = (min(value, max(0, int(left))) for value in (max_age, s_maxage))
    headers["Cache-Control"] = f"public, max-age={max_age}, s-maxage={s_maxage}"
    if not any(name in request.META for name in PRECONDITIONS):
        return response
    # Given a response, Django returns it or a 304/412 in its place, never None.
    return cast(
        HttpResponse,
        get_conditional_response(
            request, etag=entry.etag, last_modified=modified, response=response
        ),
    )


def uncacheable(response: HttpResponse) -> HttpResponse:
    """Errors are answered fresh every time: no proxy may keep a 404 once the page exists."""
    if "Cache-Control" not in response.headers:
        response.headers["Cache-Control"] = "no-store"
    return response
