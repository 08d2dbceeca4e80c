"""Whole documents (a show's feed, a sitemap) stored once per change: a request reads one row.

Such a document shows nearly everything (episodes, people, images, linked pages, transcripts),
so rather than tracking its dependencies it is kept for one content generation
(caching.generation), which every published change moves on in its own transaction. The
generation is read before the render: a change committed meanwhile leaves the document behind
an older generation, never served. Time changes a document with no change made, so each is
kept only until the moment its caller says it changes by itself.

Reads inside a transaction (scripts, tests) render and never store: the generation moves on
once per transaction, so a document stored there would outlive the transaction's later changes.
"""

import logging
import time
from collections.abc import Callable, Iterable
from datetime import datetime

from django.db import DatabaseError, transaction
from django.db.models import Min, Q, QuerySet, Subquery
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from wagtail.models import Page

from frontend_api.caching.fingerprint import deployment_fingerprint
from frontend_api.caching.generation import ROW, ContentGeneration
from frontend_api.caching.generation import read as read_generation
from frontend_api.loading.sites import request_site
from frontend_api.stored.models import StoredDocument
from frontend_api.stored.reads import OUTCOME_HEADER, kept_headers, stored_reads_enabled

logger = logging.getLogger(__name__)

# A render: the document's response and the latest moment it shows (its Last-Modified).
Render = Callable[[], tuple[HttpResponse, float | None]]


def next_moment(*querysets_and_fields: tuple[QuerySet, str]) -> float | None:
    """The earliest future value of each queryset's date field (Unix time), if any; always
    with the next expiry of any page, which hides it and what links to it."""
    now = timezone.now()
    pairs: Iterable[tuple[QuerySet, str]] = [
        *querysets_and_fields,
        (Page.objects.all(), "expire_at"),
    ]
    moments: list[datetime | None] = [
        pages.filter(**{f"{field}__gt": now}).aggregate(first=Min(field))["first"]
        for pages, field in pairs
    ]
    return min((moment.timestamp() for moment in moments if moment), default=None)


def stored_or_rendered(
    request: HttpRequest, key: str, render: Render, changes_at: Callable[[], float | None]
) -> tuple[HttpResponse, float | None]:
    """The stored document `key` of the request's site when fresh, else `render`'s, stored.

    `changes_at` tells when the document will change with no change made (next_moment).
    """
    try:
        site = request_site(request)
    except (LookupError, ValueError):
        site = None
    if site is None or not stored_reads_enabled() or transaction.get_connection().in_atomic_block:
        return render()
    stored = (
        StoredDocument.objects.filter(
            Q(expires__isnull=True) | Q(expires__gt=time.time()),
            site_id=site.id,
            key=key,
            fingerprint=deployment_fingerprint(),
            generation=Subquery(ContentGeneration.objects.filter(pk=ROW).values("value")[:1]),
        )
        .values_list("body", "headers", "latest")
        .first()
    )
    if stored is not None:
        body, headers, latest = stored
        response = HttpResponse(bytes(body))
        for name, value in headers:
            response.headers[name] = value
        response.headers[OUTCOME_HEADER] = "hit"
        return response, latest
    # Both read before the render: what changes during it makes the document not served.
    generation = read_generation()
    expires = changes_at()
    response, latest = render()
    if generation is not None and response.status_code == 200:
        _store(site.id, key, response, latest, generation, expires)
    response.headers[OUTCOME_HEADER] = "miss"
    return response, latest


def _store(
    site_id: int,
    key: str,
    response: HttpResponse,
    latest: float | None,
    generation: int,
    expires: float | None,
) -> None:
    try:
        StoredDocument.objects.update_or_create(
            site_id=site_id,
            key=key,
            defaults={
                "generation": generation,
                "fingerprint": deployment_fingerprint(),
                "body": response.content,
                "headers": kept_headers(response),
                "latest": latest,
                "expires": expires,
            },
        )
    except DatabaseError as error:
        # Busy or locked by a change, or the connection went: the next request renders again.
        logger.warning("a rendered %s was not stored: %s", key, error)
