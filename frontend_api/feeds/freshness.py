"""When anything a feed shows last changed, so ETag and Last-Modified never go stale."""

import hashlib
import math
import time
from datetime import datetime

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from episodes.models import Person

CHANGED_AT_KEY = "feeds:changed-at"


def changed_at() -> float:
    """The last time published content changed; unknown (evicted cache) counts as now."""
    stamp = cache.get(CHANGED_AT_KEY)
    if stamp is None:
        stamp = time.time()
        cache.add(CHANGED_AT_KEY, stamp, timeout=None)
    return stamp


def mark_changed() -> None:
    """Record a change once the transaction commits, so no request sees the stamp early."""
    transaction.on_commit(lambda: cache.set(CHANGED_AT_KEY, time.time(), timeout=None))


def _on_change(sender, **kwargs) -> None:
    mark_changed()


def _on_page_delete(sender, instance, **kwargs) -> None:
    if isinstance(instance, Page):
        mark_changed()


def connect() -> None:
    """Listen to every event that can add, remove or alter what a feed or sitemap shows."""
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(_on_change, dispatch_uid=f"feeds-{id(signal)}")
    post_delete.connect(_on_page_delete, dispatch_uid="feeds-page-delete")
    for model in (PageViewRestriction, Person, get_image_model(), get_document_model()):
        post_save.connect(_on_change, sender=model, dispatch_uid=f"feeds-save-{model.__name__}")
        post_delete.connect(_on_change, sender=model, dispatch_uid=f"feeds-del-{model.__name__}")


def last_modified(*moments: float | datetime | None) -> int | None:
    """Whole seconds of the latest moment, or None while that second is still running."""
    # HTTP dates have one-second resolution: a change later in the same second would
    # otherwise carry the same Last-Modified and be answered with a stale 304.
    stamps = [m.timestamp() if isinstance(m, datetime) else m for m in moments if m is not None]
    latest = max(stamps, default=None)
    if latest is None or math.floor(latest) >= math.floor(time.time()):
        return None
    return math.floor(latest)


def conditional(request: HttpRequest, response: HttpResponse, modified: int | None) -> HttpResponse:
    """Add ETag, Last-Modified and Cache-Control, and answer 304 when the client is current."""
    etag = '"' + hashlib.sha256(response.content).hexdigest()[:32] + '"'
    response.headers["ETag"] = etag
    if modified is not None:
        response.headers["Last-Modified"] = http_date(modified)
    # Apps may keep a copy but must revalidate, so a publish shows on their next poll.
    patch_cache_control(response, public=True, no_cache=True)
    return get_conditional_response(request, etag=etag, last_modified=modified, response=response)
