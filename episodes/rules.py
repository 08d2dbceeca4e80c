"""Content rules the serving apps ask for: an article's title, and which episodes follow one."""

from collections.abc import Iterable
from typing import NamedTuple

from django.db.models import Exists, OuterRef, Q, QuerySet

from .models import EpisodeTag

# Newest first; the pk breaks ties between episodes broadcast at the same moment.
RECENT_FIRST = ("-broadcast_at", "-pk")


def article_title(page) -> str:
    """The headline the editor wrote for the article, else the page's title."""
    return getattr(page, "headline", "") or page.title


def recency(episode) -> tuple:
    """Sort key matching RECENT_FIRST (with reverse=True) for episodes already loaded."""
    return (episode.broadcast_at, episode.pk)


class FallbackMatch(NamedTuple):
    """What the related-episodes fallback matches other episodes on."""

    rubric_id: int | None
    tag_names: tuple[str, ...]


def fallback_match(rubric_id: int | None, tag_names: Iterable[str]) -> FallbackMatch:
    """An episode's rubric (when it has one) and tag names: sharing either makes a fallback.

    The response cache asks for it too, to name what a fallback depends on.
    """
    return FallbackMatch(rubric_id or None, tuple(tag_names))


def shares_rubric_or_tag(rubric_id: int | None, tag_names: Iterable[str]) -> Q | None:
    """Episodes of this rubric or with one of these tags; None when there is neither to share."""
    match = fallback_match(rubric_id, tag_names)
    condition = Q()
    if match.rubric_id is not None:
        condition |= Q(rubric_id=match.rubric_id)
    if match.tag_names:
        shares_tag = EpisodeTag.objects.filter(
            content_object_id=OuterRef("pk"), tag__name__in=list(match.tag_names)
        )
        condition |= Q(Exists(shares_tag))
    return condition or None


def fallback_related(
    candidates: QuerySet,
    *,
    rubric_id: int | None,
    tag_names: Iterable[str],
    exclude_pk: int | None,
    limit: int,
) -> QuerySet | None:
    """Related episodes when the editor chose none: the `limit` most recent of `candidates`
    (the episodes the caller may show) sharing the rubric or a tag; None when none can share.

    The rubric and tag names are arguments so a caller that has them loaded spends no query.
    """
    condition = shares_rubric_or_tag(rubric_id, tag_names)
    if condition is None:
        return None
    related = candidates.filter(condition)
    if exclude_pk:
        related = related.exclude(pk=exclude_pk)
    return related.order_by(*RECENT_FIRST)[:limit]
