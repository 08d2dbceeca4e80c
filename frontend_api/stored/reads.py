"""The public detail read: one indexed query for the stored answer, else render and store it.

A stored answer is served only when it is not stale, the page is still live at the same
revision and URL path in the request's site, under no view restriction, and neither the page
nor anything the answer shows has reached its expiry: all decided by that one query, with the
current time. Anything else renders (the existing path) and stores what it rendered, unless a
change marked stored answers stale while it rendered (marking.py).
"""

import logging
from dataclasses import dataclass
from typing import Any

from django.db import DatabaseError, transaction
from django.db.models import F, Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.utils import timezone

from frontend_api.caching.fingerprint import deployment_fingerprint
from frontend_api.caching.http import is_private
from frontend_api.caching.store import OWN_HEADERS
from frontend_api.conf import api_setting
from frontend_api.loading.sites import SiteInfo, request_site
from frontend_api.public_api import MAX_ID
from frontend_api.stored.marking import current_marks, forget_marks
from frontend_api.stored.models import StoredPage
from frontend_api.visibility import private_page_condition

logger = logging.getLogger(__name__)

# Tells benchmarks and debugging whether the answer came from storage: hit, miss or off.
OUTCOME_HEADER = "X-API-Stored"


class _Raced(Exception):
    """A change marked stored answers stale while this one was rendering."""


def stored_reads_enabled() -> bool:
    return bool(api_setting("API_STORED_REPRESENTATIONS"))


def fresh_rows(site: SiteInfo) -> QuerySet[StoredPage]:
    """The stored answers of `site` that may be served now (see the module docstring)."""
    now = timezone.now()
    return StoredPage.objects.filter(
        Q(expires__isnull=True) | Q(expires__gt=now.timestamp()),
        Q(page__expire_at__isnull=True) | Q(page__expire_at__gt=now),
        # Pages made without revisions (imports, fixtures) have no live revision.
        Q(page__live_revision_id=F("revision_id"))
        | Q(page__live_revision__isnull=True, revision_id__isnull=True),
        site_id=site.id,
        stale=False,
        page__live=True,
        page__url_path=F("url_path"),
        page__path__startswith=site.root_tree_path,
        fingerprint=deployment_fingerprint(),
    ).exclude(private_page_condition("page__path"))


def lookup(page_id: int, site: SiteInfo) -> tuple[bytes, list[list[str]], list[str], float | None]:
    """Body, headers, dependency tags and expiry of the fresh stored answer; LookupError if none."""
    found = list(
        fresh_rows(site)
        .filter(page_id=page_id)
        .values_list("body", "headers", "tags", "expires")[:1]
    )
    if not found:
        raise LookupError(page_id)
    body, headers, tags, expires = found[0]
    return bytes(body), headers, tags, expires


def kept_headers(response: HttpResponse) -> list[list[str]]:
    """The response headers a stored answer keeps: not the validators, which each answer
    works out again, nor the storage's own outcome."""
    return [
        [name, value]
        for name, value in response.headers.items()
        if name.lower() not in OWN_HEADERS and name != OUTCOME_HEADER
    ]


@dataclass
class Rendered:
    """One page's rendered answer, as a read made it, ready to be stored."""

    page: Any
    response: HttpResponse
    tags: set[str]
    expires: float | None
    listing_extra: dict[str, Any]

    def row(self, site: SiteInfo) -> StoredPage:
        return StoredPage(
            page_id=self.page.pk,
            site_id=site.id,
            body=self.response.content,
            listing_extra=self.listing_extra,
            headers=kept_headers(self.response),
            tags=sorted(self.tags),
            expires=self.expires,
            revision_id=self.page.live_revision_id,
            url_path=self.page.url_path,
            fingerprint=deployment_fingerprint(),
            stale=False,
        )


# Every column but the key: a new render replaces the whole row.
_REPLACED = [
    field.name
    for field in StoredPage._meta.concrete_fields
    if field.name not in ("id", "page", "site")
]


def store(site: SiteInfo, rendered: list[Rendered], marks: int) -> bool:
    """Keep the rendered answers in one write, unless stored answers were marked since `marks`."""
    if not rendered:
        return True
    try:
        with transaction.atomic():
            if current_marks(lock=True) != marks:
                raise _Raced
            StoredPage.objects.bulk_create(
                [each.row(site) for each in rendered],
                update_conflicts=True,
                unique_fields=["page", "site"],
                update_fields=_REPLACED,
            )
        forget_marks()
    except _Raced:
        return False
    except DatabaseError as error:
        # Busy or locked by a change, or the connection went: the next read renders again.
        logger.warning("rendered answers were not stored: %s", error)
        return False
    return True


class StoredDetailMixin:
    """Serves a plain public detail read (no query parameters) from its stored answer."""

    action_map: dict[str, str]
    cache_tags: set[str]
    cache_expiry: float | None = None

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        site = self.stored_site(request, kwargs)
        if site is None:
            return super().dispatch(request, *args, **kwargs)  # type: ignore[misc]
        page_id = int(kwargs["pk"])
        try:
            body, headers, tags, expires = lookup(page_id, site)
        except LookupError:
            return self.render_and_store(request, site, page_id, *args, **kwargs)
        response = HttpResponse(body)
        for name, value in headers:
            response.headers[name] = value
        response.headers[OUTCOME_HEADER] = "hit"
        if hasattr(self, "cache_tags"):
            self.cache_tags.update(tags)
        self.cache_expiry = expires
        return response

    def render_and_store(
        self, request: HttpRequest, site: SiteInfo, page_id: int, *args: Any, **kwargs: Any
    ) -> HttpResponseBase:
        marks = current_marks()
        response = super().dispatch(request, *args, **kwargs)  # type: ignore[misc]
        page = getattr(self, "_cached_object", None)
        if response.status_code == 200 and page is not None and not is_private(response):
            if hasattr(response, "render"):
                response.render()
            tags: set[str] = getattr(self, "cache_tags", set())
            extra = self.listing_extra(page)  # type: ignore[attr-defined]  # StoredListingMixin
            store(site, [Rendered(page, response, tags, self.cache_expiry, extra)], marks)
        elif response.status_code == 404:
            StoredPage.objects.filter(page_id=page_id, site_id=site.id).delete()
        response.headers[OUTCOME_HEADER] = "miss"
        return response

    def stored_site(self, request: HttpRequest, kwargs: dict[str, Any]) -> SiteInfo | None:
        """The request's site when the request may be answered from storage, else None."""
        if request.method not in ("GET", "HEAD") or request.GET or not stored_reads_enabled():
            return None
        if self.action_map.get(request.method.lower()) != "detail_view":
            return None
        pk = str(kwargs.get("pk", ""))
        if not pk.isdigit() or int(pk) > MAX_ID:
            return None
        try:
            return request_site(request)
        except (LookupError, ValueError):
            return None
