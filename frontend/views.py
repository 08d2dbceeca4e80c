"""Request handlers: live pages by path, editor previews, reviewer links, errors."""

import logging
import re

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from .cms import CMSClient, NotFound
from .pages import Banner, page_template
from .rendering import long_datetime

logger = logging.getLogger("frontend")
PAGE_NUMBER_RE = re.compile(r"[1-9][0-9]{0,5}")

# Token pages must not be indexed, cached, or leak their URL to other sites.
TOKEN_HEADERS = {
    "Cache-Control": "private, no-store",
    "X-Robots-Tag": "noindex, nofollow",
    "Referrer-Policy": "no-referrer",
}


def cms(request: Request) -> CMSClient:
    return request.app.state.cms


async def render(
    request: Request,
    template: str,
    context: dict,
    status: int = 200,
    headers: dict | None = None,
    ask_cms: bool = True,
) -> Response:
    state = request.app.state
    site_name = await state.site_name.get(state.cms, request.url.hostname or "", ask_cms)
    context = {"site_name": site_name, "noindex": False, **context}
    return state.templates.TemplateResponse(
        request, template, context, status_code=status, headers=headers
    )


def page_number(request: Request) -> int:
    """The listing page asked for in ?page=, 1 by default; anything odd is a 404."""
    raw = request.query_params.get("page", "1")
    # ASCII digits only ("²".isdigit() is true), and few enough to stay a sane SQL offset.
    if not PAGE_NUMBER_RE.fullmatch(raw):
        raise NotFound(f"page {raw!r}")
    return int(raw)


async def render_page(
    request: Request,
    page: dict,
    number: int = 1,
    banner: Banner | None = None,
    headers: dict | None = None,
) -> Response:
    state = request.app.state
    template, extra = await page_template(cms(request), state.config, page, number)
    context = {"page": page, "banner": banner, "noindex": banner is not None, **extra}
    return await render(request, template, context, headers=headers)


async def home(request: Request) -> Response:
    """The site root, or an editor's preview when the admin sent content_type and token."""
    params = request.query_params
    if "token" in params or "content_type" in params:
        return await preview(request)
    number = page_number(request)
    return await render_page(request, await cms(request).find("/"), number)


async def page_at_path(request: Request) -> Response:
    """Any other page, found by its path the way Wagtail routes it."""
    path = request.url.path
    if not path.endswith("/"):
        query = f"?{request.url.query}" if request.url.query else ""
        return RedirectResponse(f"{path}/{query}", status_code=308)
    number = page_number(request)
    return await render_page(request, await cms(request).find(path), number)


def client_ip(request: Request) -> str:
    return request.client.host if request.client else ""


async def preview(request: Request) -> Response:
    """A draft as the editor is writing it, from a wagtail-headless-preview token."""
    params = request.query_params
    content_type, token = params.get("content_type", ""), params.get("token", "")
    headers = {**TOKEN_HEADERS, "Content-Security-Policy": request.app.state.preview_csp}
    try:
        page = await cms(request).preview(content_type, token, client_ip(request))
    except NotFound:
        return await render(request, "preview_expired.html", {"noindex": True}, 404, headers)
    banner = Banner("preview", "Preview: this draft is not published")
    return await render_page(request, page, page_number(request), banner, headers)


async def review(request: Request) -> Response:
    """A draft shared with a reviewer through an expiring link."""
    token = request.path_params["token"]
    try:
        page = await cms(request).review(token, client_ip(request))
    except NotFound:
        return await render(request, "review_expired.html", {"noindex": True}, 404, TOKEN_HEADERS)
    review_link = page.get("review") or {}
    expires = long_datetime(review_link.get("expires_at"))
    banner = Banner("review", f"Draft for review, expires {expires}", review_link.get("note") or "")
    return await render_page(request, page, page_number(request), banner, TOKEN_HEADERS)


async def healthz(request: Request) -> Response:
    return Response("ok", media_type="text/plain")


async def robots(request: Request) -> Response:
    """Crawlers may read everything public; the sitemap of frontend URLs lives on the CMS."""
    sitemap = f"{request.app.state.config.cms_url}/sitemap.xml"
    return Response(f"User-agent: *\nAllow: /\nSitemap: {sitemap}\n", media_type="text/plain")


async def not_found(request: Request, exc: Exception) -> Response:
    return await render(request, "404.html", {"noindex": True}, 404)


async def cms_unavailable(request: Request, exc: Exception) -> Response:
    logger.warning("CMS unavailable: %s", exc)
    # The CMS just failed: name the site from what is known rather than ask it again.
    retry = {"Retry-After": "30"}
    return await render(request, "503.html", {"noindex": True}, 503, retry, ask_cms=False)
