"""Episode filters on the pages endpoint: show, rubric, tag, season, number, broadcast dates."""

import datetime
from types import SimpleNamespace

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.db.models.functions import Length, Substr
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from rest_framework.filters import BaseFilterBackend
from wagtail.api.v2 import filters as v2_filters
from wagtail.api.v2.utils import BadRequestError

from episodes.models import EpisodePage, EpisodeTag, PodcastPage

EPISODE_FILTERS = (
    "show",
    "rubric",
    "tag",
    "season",
    "episode_number",
    "broadcast_after",
    "broadcast_before",
)

SEARCH_OPERATORS = ("and", "or")
MAX_INTEGER = 2**31 - 1  # the largest value of the integer columns filtered on


def _integer(name: str, raw: str) -> int:
    try:
        value = int(raw)
    except ValueError:
        value = -1
    if value < 0 or value > MAX_INTEGER:
        raise BadRequestError(f"{name} must be a positive integer")
    return value


def _by_id_or_slug(raw: str, id_field: str, slug_field: str) -> Q:
    """By id when raw is a number, else by slug; an id too large for any row matches nothing."""
    if raw.isascii() and raw.isdigit():
        value = int(raw)
        return Q(**{id_field: value}) if value <= MAX_INTEGER else Q(pk__in=[])
    return Q(**{slug_field: raw})


def _moment(name: str, raw: str) -> datetime.datetime:
    """An ISO date (midnight, site time zone) or date-time (site time zone when naive)."""
    try:
        moment = parse_datetime(raw)
        if moment is None:
            day = parse_date(raw)
            moment = datetime.datetime.combine(day, datetime.time()) if day else None
    except ValueError:
        moment = None
    if moment is None:
        raise BadRequestError(f"{name} must be an ISO 8601 date or date-time")
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    # In UTC: PostgreSQL refuses offsets beyond 15:59, which ISO 8601 allows.
    try:
        return moment.astimezone(datetime.UTC)
    except OverflowError:
        # Before year 1 or after year 9999 in UTC: as early or as late as a date can be.
        limit = datetime.datetime.min if moment.year == 1 else datetime.datetime.max
        return limit.replace(tzinfo=datetime.UTC)


def _show_condition(raw: str) -> Q:
    """Episodes whose parent is the show given by id or slug."""
    key = _by_id_or_slug(raw, "pk", "slug")
    parent = PodcastPage.objects.filter(key).filter(
        path=Substr(OuterRef("path"), 1, Length("path"))
    )
    return Q(Exists(parent))


def _tag_condition(raw: str) -> Q:
    """Episodes carrying every comma-separated tag, by slug or name."""
    condition = Q()
    for tag in (part.strip() for part in raw.split(",")):
        if tag:
            tagged = EpisodeTag.objects.filter(content_object_id=OuterRef("pk")).filter(
                Q(tag__slug=tag) | Q(tag__name=tag)
            )
            condition &= Q(Exists(tagged))
    return condition


def episode_condition(params: dict[str, str]) -> Q:
    """The filter for the episode parameters present in the request."""
    condition = Q()
    if "show" in params:
        condition &= _show_condition(params["show"])
    if "rubric" in params:
        condition &= _by_id_or_slug(params["rubric"], "rubric_id", "rubric__slug")
    if "tag" in params:
        condition &= _tag_condition(params["tag"])
    if "season" in params:
        condition &= Q(season=_integer("season", params["season"]))
    if "episode_number" in params:
        condition &= Q(episode_number=_integer("episode_number", params["episode_number"]))
    if "broadcast_after" in params:
        condition &= Q(broadcast_at__gte=_moment("broadcast_after", params["broadcast_after"]))
    if "broadcast_before" in params:
        condition &= Q(broadcast_at__lt=_moment("broadcast_before", params["broadcast_before"]))
    return condition


def episode_params(request) -> dict[str, str]:
    return {name: request.GET[name] for name in EPISODE_FILTERS if name in request.GET}


class EpisodeFilter(BaseFilterBackend):
    """Applies the episode parameters; they select episodes, so other page types are refused."""

    def filter_queryset(self, request, queryset: QuerySet, view) -> QuerySet:
        params = episode_params(request)
        if not params:
            return queryset
        if not issubclass(queryset.model, EpisodePage):
            raise BadRequestError(
                f"{', '.join(sorted(params))} only apply to episodes (type=episodes.EpisodePage)"
            )
        # By key, so that a later full-text search needs no index on these fields.
        matching = EpisodePage.objects.filter(episode_condition(params)).values("pk")
        return queryset.filter(pk__in=matching)


class SearchFilter(v2_filters.SearchFilter):
    """v2 full-text search over the already filtered pages, matched by key.

    The search backends only accept filters on indexed fields, so the filtered queryset
    (privacy, site, episode filters) is handed over as a subquery of keys.
    """

    def filter_queryset(self, request, queryset, view):
        operator = request.GET.get("search_operator")
        # Checked with or without `search`, so a typo is reported rather than silently ignored.
        if operator is not None and operator not in SEARCH_OPERATORS:
            raise BadRequestError("search_operator must be 'and' or 'or'")
        if request.GET.get("search", "").count('"') % 2:
            # An unpaired double quote opens a phrase that never closes, which SQLite's
            # full-text engine rejects outright; without quotes the words are still searched.
            query = request.GET.copy()
            query["search"] = query["search"].replace('"', " ")
            request = SimpleNamespace(GET=query)
        if "search" in request.GET:
            keys = queryset.order_by().values("pk")
            ordered = queryset.model.objects.filter(pk__in=keys).order_by(*queryset.query.order_by)
            for flag in ("_filtered_by_tag", "_filtered_by_child_of"):
                if hasattr(queryset, flag):
                    setattr(ordered, flag, getattr(queryset, flag))
            queryset = ordered
        return super().filter_queryset(request, queryset, view)


class FieldsFilter(v2_filters.FieldsFilter):
    """v2's field filters, leaving the names EpisodeFilter handles (e.g. rubric by slug) to it."""

    def filter_queryset(self, request, queryset, view):
        query = request.GET.copy()
        for name in EPISODE_FILTERS:
            query.pop(name, None)
        return super().filter_queryset(SimpleNamespace(GET=query), queryset, view)
