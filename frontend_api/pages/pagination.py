"""v2 limit/offset paging that never hands the database an offset past the last result."""

from collections.abc import Sequence

from django.conf import settings
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.utils import BadRequestError


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


class BoundedPagination(WagtailPagination):
    """The v2 rules (limit at most WAGTAILAPI_LIMIT_MAX) with overflow-proof offsets."""

    def paginate_queryset(self, queryset, request, view=None) -> Sequence:
        limit_max = getattr(settings, "WAGTAILAPI_LIMIT_MAX", 20)
        offset = _non_negative(request, "offset", 0)
        limit = _non_negative(request, "limit", min(20, limit_max) if limit_max else 20)
        if limit_max and limit > limit_max:
            raise BadRequestError(f"limit cannot be higher than {limit_max}")
        self.view = view
        self.total_count = queryset.count()
        if offset >= self.total_count or limit == 0:
            return []
        return queryset[offset : offset + limit]
