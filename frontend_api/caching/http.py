"""HTTP validators and freshness: ETag, Last-Modified, Cache-Control and 304 answers."""

import math
import time

from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date

from ..conf import api_setting
from .store import Entry


def last_modified(moment: float | None) -> int | None:
    """Whole seconds of the last change, or None while that second is still running.

    HTTP dates have one-second resolution: a second change within the same second would
    carry the same Last-Modified, and a client asking If-Modified-Since would get a stale 304.
    """
    if moment is None or math.floor(moment) >= math.floor(time.time()):
        return None
    return math.floor(moment)


def is_private(response: HttpResponse) -> bool:
    """Responses that must never reach a shared cache (token-based ones, anything with cookies)."""
    control = response.headers.get("Cache-Control", "").lower()
    return "private" in control or "no-store" in control or bool(response.cookies)


def public_response(request: HttpRequest, entry: Entry, outcome: str) -> HttpResponse:
    """The entry as a response with its validators, or a 304/412 when the client's copy holds.

    `outcome` ("hit", "miss" or "off") goes in X-API-Cache, for benchmarks and debugging.
    """
    response = entry.to_response()
    response.headers["X-API-Cache"] = outcome
    response.headers["ETag"] = entry.etag
    modified = last_modified(entry.modified)
    if modified is not None:
        response.headers["Last-Modified"] = http_date(modified)
    max_age, s_maxage = api_setting("API_CACHE_MAX_AGE"), api_setting("API_CACHE_S_MAXAGE")
    left = entry.seconds_left()
    if left is not None:
        # No copy may outlive the expiry of a page the answer shows.
        max_age, s_maxage = (min(value, max(0, int(left))) for value in (max_age, s_maxage))
    patch_cache_control(response, public=True, max_age=max_age, s_maxage=s_maxage)
    return get_conditional_response(
        request, etag=entry.etag, last_modified=modified, response=response
    )


def uncacheable(response: HttpResponse) -> HttpResponse:
    """Errors are answered fresh every time: no proxy may keep a 404 once the page exists."""
    if "Cache-Control" not in response.headers:
        response.headers["Cache-Control"] = "no-store"
    return response
