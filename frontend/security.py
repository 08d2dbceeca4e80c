"""Response headers that keep injected markup inert and the site out of other sites' frames."""

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

# Scripts only from this site: an injected <script> would not run even if escaping failed.
BASE_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; "
    "img-src 'self' data: http: https:; media-src http: https:; frame-src http: https:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'"
)


def content_security_policy(frame_ancestors: str = "'none'") -> str:
    """The site's policy; previews pass the CMS origin so the admin's panel can frame them."""
    return f"{BASE_POLICY}; frame-ancestors {frame_ancestors}"


class SecurityHeadersMiddleware:
    """Adds the security headers to every response that doesn't set its own."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers.setdefault("Content-Security-Policy", content_security_policy())
                headers.setdefault("X-Content-Type-Options", "nosniff")
                headers.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")
            await send(message)

        await self.app(scope, receive, send_with_headers)
