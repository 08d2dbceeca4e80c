"""Page querysets for the API: only live, public pages, loaded specific in one query."""

from collections.abc import Iterable
from functools import cache

from django.db.models import CharField, F, OuterRef, QuerySet, StringAgg, Subquery, Value
from django.db.models.functions import Cast, Coalesce, Concat
from wagtail.models import Page

from episodes.models import EpisodeGuest, EpisodeHost, EpisodeTag, RelatedEpisode
from frontend_api.loading.references import specific_from_joins
from frontend_api.pages.page_types import page_type_joins
from frontend_api.visibility import private_page_condition

# Tag names may hold commas; the ASCII unit separator never appears in them.
TAG_SEPARATOR = "\x1f"


def _ordered_ids(model, value: str) -> Subquery:
    """ "sort_order:pk:value" for each child row, joined by commas (sorted in Python)."""
    parts = Concat(
        Cast(Coalesce("sort_order", Value(0)), CharField()),
        Value(":"),
        Cast("pk", CharField()),
        Value(":"),
        Cast(value, CharField()),
        output_field=CharField(),
    )
    rows = (
        model.objects.filter(page_id=OuterRef("pk"))
        .values("page_id")
        .annotate(joined=StringAgg(parts, Value(",")))
        .values("joined")[:1]
    )
    return Subquery(rows)


def with_api_data(queryset: QuerySet) -> QuerySet:
    """Join the specific page types and aggregate the child rows that serializing needs."""
    tags = (
        EpisodeTag.objects.filter(content_object_id=OuterRef("pk"))
        .values("content_object_id")
        .annotate(joined=StringAgg(F("tag__name"), Value(TAG_SEPARATOR)))
        .values("joined")[:1]
    )
    return queryset.select_related(*page_type_joins()).annotate(
        api_private=private_page_condition(),
        api_host_ids=_ordered_ids(EpisodeHost, "person_id"),
        api_guest_ids=_ordered_ids(EpisodeGuest, "person_id"),
        api_related_ids=_ordered_ids(RelatedEpisode, "episode_id"),
        api_tags=Subquery(tags),
    )


ANNOTATIONS = ("api_private", "api_host_ids", "api_guest_ids", "api_related_ids", "api_tags")


@cache
def api_pages() -> QuerySet:
    """with_api_data(Page.objects.all()), built once per process and only ever filtered.

    Resolving its joins and annotations costs about a tenth of a detail request; the
    queryset itself is never evaluated, so it holds no rows.
    """
    return with_api_data(Page.objects.all())


def load_pages(queryset: Iterable[Page]) -> list[Page]:
    """The pages of a filtered api_pages(), specific, with the API annotations carried over."""
    pages = []
    for page in queryset:
        specific = specific_from_joins(page)
        for name in ANNOTATIONS:
            setattr(specific, name, getattr(page, name))
        pages.append(specific)
    return pages


def parse_ordered_ids(joined: str | None) -> list[int]:
    """Undo _ordered_ids: the values in sort order."""
    rows = []
    for part in (joined or "").split(","):
        sort_order, _, rest = part.partition(":")
        pk, _, value = rest.partition(":")
        if value.isdigit():
            rows.append((int(sort_order or 0), int(pk or 0), int(value)))
    return [value for _, _, value in sorted(rows)]


def parse_tags(joined: str | None) -> list[str]:
    return sorted(name for name in (joined or "").split(TAG_SEPARATOR) if name)
