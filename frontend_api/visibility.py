"""What the public may see outside the API: live, public, unexpired shows and aired episodes."""

from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.utils import timezone
from wagtail.models import Page
from wagtail.query import PageQuerySet

from episodes.models import EpisodePage, PodcastPage
from frontend_api.loading.sites import request_site


def unexpired_q() -> Q:
    """Pages whose expiry is unset or still ahead (the scheduler may not have unpublished them)."""
    return Q(expire_at__isnull=True) | Q(expire_at__gt=timezone.now())


def hidden_section_q() -> Q:
    """Pages below an unpublished or expired page, which stay live when only the parent goes."""
    # Only pages with children can hide others, which keeps this list short.
    hidden = Page.objects.filter(numchild__gt=0).exclude(Q(live=True) & unexpired_q())
    q = Q()
    for path in hidden.values_list("path", flat=True):
        q |= Q(path__startswith=path)
    return q if q else Q(pk__in=[])


def visible(queryset: PageQuerySet) -> PageQuerySet:
    """Narrow pages to those an anonymous visitor may read right now."""
    return queryset.live().public().filter(unexpired_q()).exclude(hidden_section_q())


def site_pages(request: HttpRequest) -> PageQuerySet:
    """Every page of the site the request's host names (Wagtail's matching, from the cache)."""
    try:
        site = request_site(request)
    except LookupError:
        site = None
    if site is None:
        return Page.objects.none()
    return Page.objects.filter(path__startswith=site.root_tree_path)


def visible_show(request: HttpRequest, slug: str) -> PodcastPage:
    """The public show with this slug in the request's site; raises DoesNotExist otherwise."""
    shows = PodcastPage.objects.filter(pk__in=site_pages(request).values("pk"))
    return visible(shows).select_related("artwork").get(slug=slug)


def aired_episodes(show: PodcastPage) -> QuerySet[EpisodePage]:
    """The show's public episodes that have already aired, newest first."""
    return (
        visible(EpisodePage.objects.child_of(show))
        .filter(broadcast_at__lte=timezone.now())
        .order_by("-broadcast_at", "-episode_number")
    )
