"""What the public may see: the one place that says which pages, shows and episodes are public.

Two predicates, on purpose. `public_pages` is the API's (listings, detail, find, links between
pages): live, unexpired, in the site, under no view restriction. `visible` is the feeds' and the
sitemap's: the same, and also not below an unpublished or expired page. The API keeps pages
below a hidden section readable because stock Wagtail's API does and the compat suite
(tests/frontend_api/compat) holds it to that; a feed or sitemap lists pages for discovery, where
a section taken down should take its pages with it.
"""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Length, Substr
from django.http import HttpRequest
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction
from wagtail.query import PageQuerySet

from episodes.models import EpisodePage, PodcastPage
from frontend_api.loading.sites import request_site


def unexpired_condition(now: datetime.datetime | None = None) -> Q:
    """Pages whose expiry is unset or ahead (of `now`, the current time by default): past it
    they are hidden even before the scheduler unpublishes them."""
    return Q(expire_at__isnull=True) | Q(expire_at__gt=now or timezone.now())


def private_page_condition(path: str = "path") -> Exists:
    """True for a page (its tree path at `path`) under a view restriction of its own or of an
    ancestor."""
    # The few restrictions drive the subquery, each finding its page by key: joined to the page
    # table, SQLite's planner scanned every page for every page (0.6 s for 2,000 episodes).
    restricted_path = Subquery(Page.objects.filter(pk=OuterRef("page_id")).values("path")[:1])
    return Exists(
        PageViewRestriction.objects.alias(restricted_path=restricted_path).filter(
            restricted_path=Substr(OuterRef(path), 1, Length("restricted_path"))
        )
    )


def is_public(page: Page) -> bool:
    """Live, unexpired and not under a view restriction (needs the api_private annotation)."""
    expired = page.expire_at is not None and page.expire_at <= timezone.now()
    return bool(page.live) and not expired and not getattr(page, "api_private", True)


def public_pages(
    root_tree_path: str | None,
    pages: QuerySet | None = None,
    now: datetime.datetime | None = None,
) -> QuerySet:
    """Live, unexpired pages of one site (by its root's tree path) no view restriction covers."""
    pages = Page.objects.all() if pages is None else pages
    if root_tree_path is None:
        return pages.none()
    return pages.filter(
        unexpired_condition(now), live=True, path__startswith=root_tree_path
    ).exclude(private_page_condition())


def hidden_section_q() -> Q:
    """Pages below an unpublished or expired page, which stay live when only the parent goes."""
    # Only pages with children can hide others, which keeps this list short.
    hidden = Page.objects.filter(numchild__gt=0).exclude(Q(live=True) & unexpired_condition())
    q = Q()
    for path in hidden.values_list("path", flat=True):
        q |= Q(path__startswith=path)
    return q if q else Q(pk__in=[])


def visible(queryset: PageQuerySet) -> PageQuerySet:
    """Narrow pages to those an anonymous visitor may read right now."""
    return queryset.live().public().filter(unexpired_condition()).exclude(hidden_section_q())


def in_hidden_section(path: str) -> bool:
    """Whether the page at this tree path, or one above it, is unpublished or expired.

    For one page, this asks only its lineage (by the indexed path) where hidden_section_q
    reads every page that has children.
    """
    lineage = [path[:end] for end in range(Page.steplen, len(path) + 1, Page.steplen)]
    hidden = Page.objects.filter(path__in=lineage).exclude(Q(live=True) & unexpired_condition())
    return hidden.exists()


def children_q(parent: Page) -> Q:
    """The parent's children, as treebeard's child_of, in a form indexes serve on SQLite too."""
    # SQLite's case-insensitive LIKE (Django's startswith) cannot use the path index; the range
    # holds exactly the children's paths, which extend the parent's by one step of the alphabet.
    step = Page.steplen
    return Q(
        path__startswith=parent.path,
        path__range=(parent.path + Page.alphabet[0] * step, parent.path + Page.alphabet[-1] * step),
        depth=parent.depth + 1,
    )


def site_root_path(request: HttpRequest) -> str | None:
    """The tree path of the root of the site the request's host names, if any."""
    try:
        site = request_site(request)
    except LookupError:
        site = None
    return site.root_tree_path if site is not None else None


def site_pages(request: HttpRequest) -> PageQuerySet:
    """Every page of the site the request's host names (Wagtail's matching, from the cache)."""
    root = site_root_path(request)
    if root is None:
        return Page.objects.none()
    return Page.objects.filter(path__startswith=root)


def visible_show(request: HttpRequest, slug: str) -> PodcastPage:
    """The public show with this slug in the request's site; raises DoesNotExist otherwise.

    Found by slug (indexed), whatever the number of pages; of two such shows in one site, the
    first in the tree.
    """
    root = site_root_path(request)
    if root is None:
        raise PodcastPage.DoesNotExist("No site serves this host.")
    # The page table alone, by slug: joined to the shows, PostgreSQL's planner walked every
    # page by key instead (23 ms with 100,000 pages). Not Wagtail's public() either: with no
    # restriction at all, SQLite's planner joined every page to the restrictions (13 ms).
    candidates = (
        Page.objects.filter(
            unexpired_condition(),
            live=True,
            slug=slug,
            path__startswith=root,
            content_type=ContentType.objects.get_for_model(PodcastPage),
        )
        .exclude(private_page_condition())
        .order_by("path")
        .values_list("pk", "path")
    )
    for pk, path in candidates:
        if not in_hidden_section(path):
            return PodcastPage.objects.select_related("artwork").get(pk=pk)
    raise PodcastPage.DoesNotExist(f"No public show {slug!r} in this site.")


def aired_episodes(show: PodcastPage) -> QuerySet[EpisodePage]:
    """The show's public episodes that have already aired, newest first."""
    episodes = EpisodePage.objects.filter(children_q(show))
    if in_hidden_section(show.path):
        episodes = episodes.none()
    return (
        episodes.live()
        .exclude(private_page_condition())
        .filter(unexpired_condition(), broadcast_at__lte=timezone.now())
        .order_by("-broadcast_at", "-episode_number")
    )
