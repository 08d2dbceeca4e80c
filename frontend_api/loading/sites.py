"""Which Wagtail site a request is for, from a cached list so requests need no query."""

from dataclasses import dataclass
from typing import Any

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.http import HttpRequest
from django.http.request import split_domain_port
from wagtail.models import Site
from wagtail.signals import page_slug_changed, post_page_move

CACHE_KEY = "frontend_api:sites"


@dataclass(frozen=True)
class SiteInfo:
    """What the API needs to know about a site."""

    id: int
    hostname: str
    port: int
    is_default: bool
    root_page_id: int
    root_tree_path: str
    root_url_path: str


def all_sites() -> list[SiteInfo]:
    sites = cache.get(CACHE_KEY)
    if sites is None:
        sites = [
            SiteInfo(
                id=site.pk,
                hostname=site.hostname,
                port=site.port,
                is_default=site.is_default_site,
                root_page_id=site.root_page_id,
                root_tree_path=site.root_page.path,
                root_url_path=site.root_page.url_path,
            )
            for site in Site.objects.select_related("root_page").order_by("pk")
        ]
        cache.set(CACHE_KEY, sites, None)
    return sites


def match_site(hostname: str, port: int | None) -> SiteInfo | None:
    """Wagtail's rule: hostname and port, then a unique hostname, then the default site."""
    sites = all_sites()
    same_host = [site for site in sites if site.hostname == hostname]
    for candidates in (
        [site for site in same_host if site.port == port],
        [site for site in same_host if site.is_default],
        same_host if len(same_host) == 1 else [],
        [site for site in sites if site.is_default],
    ):
        if candidates:
            return candidates[0]
    return None


def request_site(request: HttpRequest) -> SiteInfo | None:
    """The site for the request's host, or the one named by v2's ?site=host[:port].

    As in v2: an empty `site` is no filter, no match is a LookupError (a 404), several
    matches (the same hostname on two ports, no port given) a ValueError (a 400).
    """
    named = request.GET.get("site")
    if named:
        hostname, _, port = named.partition(":")
        sites = [site for site in all_sites() if site.hostname == hostname]
        if port:
            sites = [site for site in sites if str(site.port) == port]
        if not sites:
            raise LookupError(f"no site matches '{named}'")
        if len(sites) > 1:
            raise ValueError(f"several sites match '{named}': add a port number")
        return sites[0]
    # The host unchecked against ALLOWED_HOSTS, as Wagtail's Site.find_for_request reads it;
    # django-stubs leave out this private method of HttpRequest.
    hostname = split_domain_port(request._get_raw_host())[0]  # type: ignore[attr-defined]
    request_port: int | None
    try:
        request_port = int(request.get_port())
    except (TypeError, ValueError):
        request_port = None
    return match_site(hostname, request_port)


@receiver(post_save, sender=Site)
@receiver(post_delete, sender=Site)
@receiver(post_page_move)
@receiver(page_slug_changed)
def forget_sites(**kwargs: Any) -> None:
    """Sites or their root pages changed: rebuild the list on next use."""
    cache.delete(CACHE_KEY)
