"""The ASGI application: routes, templates, static files and the CMS client's lifetime."""

import contextlib
from pathlib import Path

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from . import views
from .cms import CMSClient, CMSUnavailable, NotFound
from .config import Config
from .rendering import build_environment
from .security import SecurityHeadersMiddleware, content_security_policy
from .site_name import SiteName

STATIC_DIR = Path(__file__).parent / "static"


def create_app(config: Config | None = None) -> Starlette:
    """Build the frontend for one CMS; the CMS client lives as long as the app."""
    config = config or Config.from_env()

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette):
        app.state.cms = CMSClient(config.cms_url, config.cms_timeout)
        try:
            yield
        finally:
            await app.state.cms.close()

    app = Starlette(
        routes=[
            Route("/", views.home),
            Route("/healthz", views.healthz),
            Route("/robots.txt", views.robots),
            Route("/review/{token}", views.review),
            Route("/review/{token}/", views.review),
            Mount("/static", StaticFiles(directory=STATIC_DIR), name="static"),
            Route("/{path:path}", views.page_at_path),
        ],
        exception_handlers={
            NotFound: views.not_found,
            404: views.not_found,
            CMSUnavailable: views.cms_unavailable,
        },
        middleware=[Middleware(SecurityHeadersMiddleware)],
        lifespan=lifespan,
    )
    app.state.config = config
    app.state.site_name = SiteName(config.site_name, config.site_name_ttl)
    app.state.templates = Jinja2Templates(env=build_environment())
    app.state.preview_csp = content_security_policy(f"'self' {config.frame_ancestors}")
    return app
