"""When anything a feed shows last changed, so ETag and Last-Modified never go stale."""

import hashlib
import math
import time
from datetime import datetime
from typing import cast

from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date

from frontend_api.caching import generation


def changed_at() -> float:
    """The last time published content changed, from the database; never changed counts as now."""
    return generation.changed_at() or time.time()


def latest(*moments: float | datetime | None) -> float | None:
    """The latest of these moments (Unix time), None without any."""
    stamps = [m.timestamp() if isinstance(m, datetime) else m for m in moments if m is not None]
    return max(stamps, default=None)


def last_modified(*moments: float | datetime | None) -> int | None:
    """Whole seconds of the latest moment, or None while that second is still running."""
    # HTTP dates have one-second resolution: a change later in the same second would
    # otherwise carry the same Last-Modified and be answered with a stale 304.
    moment = latest(*moments)
    if moment is None or math.floor(moment) >= math.floor(time.time()):
        return None
    return math.floor(moment)


def conditional(request: HttpRequest, response: HttpResponse, modified: int | None) -> HttpResponse:
    """Add ETag, Last-Modified and Cache-Control, and answer 304 when the client is current."""
    etag = '"' + hashlib.sha256(response.content).hexdigest()[:32] + '"'
    response.headers["ETag"] = etag
    if modified is not None:
        response.headers["Last-Modified"] = http_date(modified)
    # Apps may keep a copy but must revalidate, so a publish shows on their next poll.
    patch_cache_control(response, public=True, no_cache=True)
    # Given a response, Django returns it or a 304/412 in its place, never None.
    return cast(
        HttpResponse,
        get_conditional_response(request, etag=etag, last_modified=modified, response=response),
    )
