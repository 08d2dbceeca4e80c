"""Per-client rate limit for the token endpoints, keyed on an address a client cannot forge."""

from django.conf import settings
from rest_framework.request import Request
from rest_framework.throttling import SimpleRateThrottle
from rest_framework.views import APIView


def client_address(meta: dict) -> str:
    """The client's address: REMOTE_ADDR, or the X-Forwarded-For entry our own proxies added.

    Each of the TRUSTED_PROXIES appends the address it received the request from, so the
    client is that many entries from the right; anything further left is the client's say.
    """
    remote_addr = meta.get("REMOTE_ADDR", "")
    proxies = settings.TRUSTED_PROXIES
    forwarded = [part.strip() for part in meta.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if proxies <= 0 or not forwarded:
        return remote_addr
    return forwarded[-min(proxies, len(forwarded))]


class TokenRateThrottle(SimpleRateThrottle):
    """Counts every request to the preview and review endpoints per client address."""

    scope = "draft_tokens"

    def get_rate(self) -> str:
        return settings.TOKEN_RATE_LIMIT

    def get_cache_key(self, request: Request, view: APIView) -> str:
        return self.cache_format % {"scope": self.scope, "ident": client_address(request.META)}
