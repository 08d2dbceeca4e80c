"""v2 limit/offset paging that never hands the database an offset past the last result."""

import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Min, QuerySet
from django.http import HttpRequest
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.utils import BadRequestError

from frontend_api.caching.generation import read as read_generation

# Parameters that choose the window or its fields, not which pages are counted.
NOT_COUNTED = frozenset({"fields", "limit", "offset", "order", "format"})
# Keys come from query strings: the bound keeps odd clients from growing the table.
MAX_TOTALS = 1024


def _non_negative(request, name: str, default: int) -> int:
    raw = request.GET.get(name)
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        value = -1
    if value < 0:
        raise BadRequestError(f"{name} must be a positive integer")
    return value


@dataclass(frozen=True)
class Total:
    """A listing's count, the content generation it was made at, and when it goes by itself."""

    count: int
    generation: int
    until: float | None


class ListingTotals:
    """Page listings' totals, counted once per content change in each process.

    A v2 listing answers `total_count`, which otherwise scans every page the filters select
    on each request. A total is kept while the content generation (caching.generation, moved
    on by every published change in its own transaction) is the one it was counted at and no
    counted page has expired. Searches are always counted: their matches come from the
    search backend. Inside a transaction nothing is kept: the generation moves on once per
    transaction, so a later change in it would not be seen.
    """

    def __init__(self) -> None:
        self._totals: dict[tuple, Total] = {}
        self._lock = threading.Lock()

    def count(self, queryset: QuerySet, request: HttpRequest, site_id: int | None) -> int:
        if "search" in request.GET or transaction.get_connection().in_atomic_block:
            return queryset.count()
        key = (
            site_id,
            tuple(sorted((k, tuple(v)) for k, v in request.GET.lists() if k not in NOT_COUNTED)),
        )
        generation = read_generation()
        kept = self._totals.get(key)
        if (
            kept is not None
            and kept.generation == generation
            and (kept.until is None or kept.until > time.time())
        ):
            return kept.count
        # Read before the count: a change committed meanwhile leaves this total behind.
        counted = queryset.aggregate(count=Count("pk"), next_expiry=Min("expire_at"))
        if generation is not None:
            expiry = counted["next_expiry"]
            with self._lock:
                if len(self._totals) >= MAX_TOTALS:
                    self._totals.clear()
                self._totals[key] = Total(
                    counted["count"], generation, expiry.timestamp() if expiry else None
                )
        return counted["count"]


page_totals = ListingTotals()


class BoundedPagination(WagtailPagination):
    """The v2 rules (limit at most WAGTAILAPI_LIMIT_MAX) with overflow-proof offsets."""

    def paginate_queryset(self, queryset, request, view=None) -> Sequence:
        limit_max = getattr(settings, "WAGTAILAPI_LIMIT_MAX", 20)
        offset = _non_negative(request, "offset", 0)
        limit = _non_negative(request, "limit", min(20, limit_max) if limit_max else 20)
        if limit_max and limit > limit_max:
            raise BadRequestError(f"limit cannot be higher than {limit_max}")
        self.view = view
        self.total_count = self.count(queryset, request, view)
        if offset >= self.total_count or limit == 0:
            return []
        return queryset[offset : offset + limit]

    def count(self, queryset, request, view) -> int:
        return queryset.count()


class PageListingPagination(BoundedPagination):
    """BoundedPagination whose totals are kept per content change (ListingTotals)."""

    def count(self, queryset, request, view) -> int:
        site = getattr(view, "site", None)
        return page_totals.count(queryset, request, site.id if site else None)
