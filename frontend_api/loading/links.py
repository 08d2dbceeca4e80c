"""Where things live for the frontend: page URLs on FRONTEND_URL, media URLs on CMS_URL."""

from django.conf import settings
from django.http import HttpRequest
from wagtail.models import Page, Site
from wagtail.models.sites import SiteRootPath

_ROOT_PATHS_ATTR = "_frontend_api_site_root_paths"


def site_root_paths(request: HttpRequest | None = None) -> list[SiteRootPath]:
    """Wagtail's cached site roots, memoised on the request so a batch reads the cache once."""
    if request is None:
        return Site.get_site_root_paths()
    if not hasattr(request, _ROOT_PATHS_ATTR):
        setattr(request, _ROOT_PATHS_ATTR, Site.get_site_root_paths())
    return getattr(request, _ROOT_PATHS_ATTR)


def frontend_path(page: Page, request: HttpRequest | None = None) -> str:
    """The page's path relative to its site root: "/" for a site's home, "/show/episode/" below."""
    return frontend_path_of(page.url_path or "", request)


def frontend_path_of(url_path: str, request: HttpRequest | None = None) -> str:
    """frontend_path for a Wagtail url_path, e.g. one a page had before it moved."""
    for root in site_root_paths(request):
        if url_path.startswith(root.root_path):
            return "/" + url_path[len(root.root_path) :]
    # Outside every site (or not saved yet): treat the top-level page as the root, as Wagtail does.
    return "/" + url_path.lstrip("/").partition("/")[2]


def frontend_url(page: Page, request: HttpRequest | None = None) -> str:
    """The page's public address: FRONTEND_URL plus its path relative to its site root."""
    return settings.FRONTEND_URL + frontend_path(page, request)


def absolute_url(url: str) -> str:
    """Make a CMS-relative URL (a media file, a document) absolute on CMS_URL."""
    if url.startswith("/") and not url.startswith("//"):
        return settings.CMS_URL + url
    return url
