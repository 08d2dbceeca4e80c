"""Content-Security-Policy per area, on Django's own CSP middleware (docs/operations.md).

SECURE_CSP, the strictest policy, covers every response (the API's JSON, feeds, errors); the
admin, an HTML application, gets ADMIN_CSP through these helpers (and the API docs page
API_DOCS_CSP, in frontend_api.schema.views).
"""

from functools import wraps
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.csp import CSP, build_policy
from django.views.decorators.csp import csp_override


def origin(url: str) -> str:
    """scheme://host[:port] of a URL."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def admin_policy() -> dict:
    """ADMIN_CSP, framing the frontends the preview panel shows (read now: tests move them)."""
    frontends = sorted(
        {origin(url) for url in settings.WAGTAIL_HEADLESS_PREVIEW["CLIENT_URLS"].values()}
    )
    return {**settings.ADMIN_CSP, "frame-src": [CSP.SELF, *frontends]}


def csp_policy(build):
    """Decorates a view so its responses carry build()'s policy, built per request.

    Django's csp_override takes a policy fixed when the view is decorated, at import time.
    """

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            response = csp_override(build())(view)(request, *args, **kwargs)
            # A preview renders the page through the middleware again (Wagtail's
            # make_preview_request), which put SECURE_CSP on it; the middleware never
            # replaces a header, so drop that one for this policy to take its place.
            if response.get(CSP.HEADER_ENFORCE) == build_policy(settings.SECURE_CSP):
                del response[CSP.HEADER_ENFORCE]
            return response

        return wrapped

    return decorator
