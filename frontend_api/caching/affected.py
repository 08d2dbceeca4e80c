"""Widening a change to every page that shows it, with their frontend paths and API URLs."""

from collections.abc import Iterable
from typing import TYPE_CHECKING
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from wagtail.models import Page, ReferenceIndex

from episodes.models import EpisodePage, EpisodeTag, PodcastPage, RelatedEpisode
from frontend_api.caching.signals import PageChange
from frontend_api.loading.batch import STEP
from frontend_api.loading.links import frontend_path_of

if TYPE_CHECKING:
    from frontend_api.caching.invalidation import Pending


def build_change(record: "Pending", existing: set[int]) -> PageChange:
    """The PageChange for what a transaction recorded; `existing` are its pages still there."""
    changed = existing | record.pages | record.deleted.keys()
    affected = (existing | pages_showing(changed, existing)) - record.deleted.keys()
    url_paths = dict(Page.objects.filter(pk__in=affected).values_list("pk", "url_path"))
    paths = set(url_paths.values()) | set(record.deleted.values())
    for before, after in record.renames:
        paths.add(before)
        moved = (path for path in url_paths.values() if path.startswith(after))
        paths |= {before + path[len(after) :] for path in moved}
    frontend_paths = sorted({frontend_path_of(path) for path in paths if path})
    return PageChange(
        page_ids=frozenset(changed),
        affected_page_ids=frozenset(affected | record.deleted.keys()),
        frontend_paths=tuple(frontend_paths),
        api_urls=tuple(_api_urls(affected | record.deleted.keys(), frontend_paths)),
        shared=record.shared,
        deleted_page_ids=frozenset(record.deleted),
    )


def pages_showing(changed: set[int], existing: set[int]) -> set[int]:
    """Pages that show the changed ones (`existing`: those of them not deleted)."""
    paths = Page.objects.filter(pk__in=existing).values_list("path", flat=True)
    return (
        _linking_pages(changed)
        | _ancestors(paths)
        | _children_of_shows(existing)
        | _fallback_relatives(existing)
    )


def _linking_pages(page_ids: set[int]) -> set[int]:
    """Pages whose content refers to these (rich-text links, choosers, related episodes)."""
    if not page_ids:
        return set()
    page_type = ContentType.objects.get_for_model(Page)
    sources = ReferenceIndex.objects.filter(
        to_content_type=page_type,
        to_object_id__in=[str(pk) for pk in page_ids],
        base_content_type=page_type,
    ).values_list("object_id", flat=True)
    chosen = RelatedEpisode.objects.filter(episode_id__in=page_ids).values_list("page_id")
    return {int(pk) for pk in sources} | {pk for (pk,) in chosen}


def _ancestors(tree_paths: Iterable[str]) -> set[int]:
    """Parents, shows and site roots list their children; the tree root is no page to show."""
    wanted = {path[:end] for path in tree_paths for end in range(2 * STEP, len(path), STEP)}
    return set(Page.objects.filter(path__in=wanted).values_list("pk", flat=True))


def _children_of_shows(page_ids: set[int]) -> set[int]:
    """Episodes name their show: a show's change shows on each of them."""
    shows = PodcastPage.objects.filter(pk__in=page_ids).values_list("path", "depth")
    condition = Q()
    for path, depth in shows:
        condition |= Q(path__startswith=path, depth=depth + 1)
    if not condition:
        return set()
    return set(Page.objects.filter(condition).values_list("pk", flat=True))


def _fallback_relatives(page_ids: set[int]) -> set[int]:
    """Episodes without chosen related episodes that list recent ones of a shared rubric or tag."""
    episodes = EpisodePage.objects.filter(pk__in=page_ids)
    rubrics = {pk for pk in episodes.values_list("rubric_id", flat=True) if pk}
    tagged = EpisodeTag.objects.filter(content_object_id__in=page_ids)
    names = set(tagged.values_list("tag__name", flat=True))
    if not (rubrics or names):
        return set()
    shares = Q(rubric_id__in=rubrics) | Q(
        Exists(EpisodeTag.objects.filter(content_object_id=OuterRef("pk"), tag__name__in=names))
    )
    chose = RelatedEpisode.objects.filter(page_id=OuterRef("pk"))
    return set(
        EpisodePage.objects.live()
        .filter(shares)
        .exclude(Exists(chose))
        .values_list("pk", flat=True)
    )


def _api_urls(page_ids: set[int], frontend_paths: list[str]) -> list[str]:
    """Details of the pages, finds by their paths (old and new) and the pages listing."""
    base = settings.CMS_URL
    urls = [base + reverse("frontend_api:pages:detail", args=[pk]) for pk in sorted(page_ids)]
    find = base + reverse("frontend_api:pages:find")
    urls += [f"{find}?{urlencode({'html_path': path})}" for path in frontend_paths]
    urls.append(base + reverse("frontend_api:pages:listing"))
    return urls
