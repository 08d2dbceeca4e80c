"""GET /sitemap.xml of frontend URLs, and the robots.txt that points search engines at it.

Past SITEMAP_MAX_URLS pages (the protocol's 50,000 by default), /sitemap.xml becomes a
sitemap index pointing at the numbered sections /sitemap-pages.xml?p=N (Django's sitemaps
framework: its index and section views).
"""

from datetime import datetime
from functools import cached_property
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import index as index_view
from django.contrib.sitemaps.views import sitemap as sitemap_view
from django.db.models import Max, OuterRef, QuerySet, Subquery
from django.db.models.functions import Length, Substr
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe
from wagtail.models import Page

from episodes.models import EpisodePage
from frontend_api.conf import api_setting
from frontend_api.feeds import freshness
from frontend_api.loading.links import frontend_url
from frontend_api.stored.documents import Render, next_moment, stored_or_rendered
from frontend_api.visibility import site_pages, visible

if TYPE_CHECKING:  # django.contrib.sites is not installed; only the signature names it
    from django.contrib.sites.models import Site
    from django.contrib.sites.requests import RequestSite

ROBOTS_DISALLOW = ["/admin/", "/api/", "/review/"]
SECTION = "pages"


class FrontendSitemap(Sitemap):
    """Every public page of the request's site at its frontend URL; episodes once aired."""

    # The newest lastmod of the section get_urls made, when every URL has one.
    latest_lastmod: datetime | None = None

    def __init__(self, request: HttpRequest):
        self.request = request
        self.limit = api_setting("SITEMAP_MAX_URLS")

    def items(self) -> QuerySet[Page]:
        now = timezone.now()
        upcoming = EpisodePage.objects.filter(broadcast_at__gt=now).values("pk")
        own_broadcast = EpisodePage.objects.filter(pk=OuterRef("pk")).values("broadcast_at")
        return (
            visible(site_pages(self.request))
            .exclude(pk__in=upcoming)
            .annotate(own_broadcast_at=Subquery(own_broadcast[:1]))
            .order_by("path")
        )

    @cached_property
    def newest_aired_by_parent(self) -> dict[str, datetime]:
        """Tree path of each page holding aired public episodes -> the newest one's broadcast.

        One grouped query: a subquery per listed page scanned every page for every page on
        SQLite (4 s for 2,000 episodes).
        """
        parent_path = Substr("path", 1, Length("path") - EpisodePage.steplen)
        aired = visible(EpisodePage.objects.all()).filter(broadcast_at__lte=timezone.now())
        rows = aired.order_by().values(parent=parent_path).annotate(newest=Max("broadcast_at"))
        return {row["parent"]: row["newest"] for row in rows}

    def lastmod(self, page: Page) -> datetime | None:
        """When the page's frontend page last gained content: its publish, its own broadcast
        (an episode) or the newest aired episode below it (a show, the home)."""
        moments = [page.last_published_at, getattr(page, "own_broadcast_at", None)]
        if page.numchild:
            moments += [
                newest
                for parent, newest in self.newest_aired_by_parent.items()
                if parent.startswith(page.path)
            ]
        return max((moment for moment in moments if moment), default=None)

    def get_latest_lastmod(self) -> datetime | None:
        """The newest lastmod of all items, in two aggregates (Django's default loads them all)."""
        items = self.items().order_by()
        published = items.aggregate(latest=Max("last_published_at"))["latest"]
        aired = EpisodePage.objects.filter(
            pk__in=items.values("pk"), broadcast_at__lte=timezone.now()
        ).aggregate(latest=Max("broadcast_at"))["latest"]
        return max((moment for moment in (published, aired) if moment), default=None)

    def get_urls(
        self,
        page: int | str = 1,
        site: "Site | RequestSite | None" = None,
        protocol: str | None = None,
    ) -> list[dict[str, Any]]:
        # Django would prefix the CMS's own domain; these pages live on the frontend.
        urls = [
            {
                "item": item,
                "location": frontend_url(item, self.request),
                "lastmod": self.lastmod(item),
                "changefreq": None,
                "priority": "",
                "alternates": [],
            }
            for item in self.paginator.page(page).object_list
        ]
        lastmods = [url["lastmod"] for url in urls]
        if lastmods and all(lastmods):
            self.latest_lastmod = max(lastmods)
        return urls


@require_safe
def sitemap(request: HttpRequest) -> HttpResponse:
    """GET /sitemap.xml: every page, or past SITEMAP_MAX_URLS the index of the sections.

    `?p=N` still answers section page N, as before there was an index.
    """
    if "p" in request.GET:
        return render_section(request, SECTION)

    def render() -> tuple[HttpResponse, float | None]:
        pages = FrontendSitemap(request)
        if pages.paginator.num_pages > 1:
            index = index_view(request, {SECTION: pages}, sitemap_url_name="sitemap_section")
            return rendered(index, pages.get_latest_lastmod())
        return rendered(sitemap_view(request, {SECTION: pages}), pages.latest_lastmod)

    # The index names its sections at the request's own scheme and host.
    return stored(request, f"sitemap {request.scheme}://{request.get_host()}", render)


@require_safe
def sitemap_section(request: HttpRequest, section: str) -> HttpResponse:
    """GET /sitemap-pages.xml?p=N: one section of the index, at most SITEMAP_MAX_URLS pages."""
    if section != SECTION:
        raise Http404("No such sitemap section.")
    return render_section(request, section)


def render_section(request: HttpRequest, name: str) -> HttpResponse:
    def render() -> tuple[HttpResponse, float | None]:
        pages = FrontendSitemap(request)
        return rendered(sitemap_view(request, {name: pages}), pages.latest_lastmod)

    number = request.GET.get("p", "1")
    if not number.isdigit():
        response, latest = render()  # Django's answer to a page that is not a number
        return freshness.conditional(request, response, freshness.last_modified(latest))
    return stored(request, f"sitemap {name} {int(number)}", render)


def rendered(response: Any, latest: datetime | None) -> tuple[HttpResponse, float | None]:
    """The rendered answer, and the moment of its Last-Modified: it also moves when a page is
    unpublished (Django derives it from the pages listed, which an unpublish doesn't move)."""
    response.render()
    response.headers.pop("Last-Modified", None)
    return response, freshness.latest(freshness.changed_at(), latest)


def stored(request: HttpRequest, key: str, render: Render) -> HttpResponse:
    """The document stored under `key` when fresh, else rendered and stored; with validators."""
    response, latest = stored_or_rendered(
        request,
        key,
        render,
        # Upcoming episodes are left out until they air.
        lambda: next_moment((EpisodePage.objects.all(), "broadcast_at")),
    )
    return freshness.conditional(request, response, freshness.last_modified(latest))


@require_safe
def robots_txt(request: HttpRequest) -> HttpResponse:
    """GET /robots.txt: keeps crawlers out of the admin and API, and names the sitemap."""
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in ROBOTS_DISALLOW)]
    lines.append(f"Sitemap: {settings.CMS_URL}{reverse('sitemap')}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
