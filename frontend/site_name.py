"""The name in the header and page titles: FRONTEND_SITE_NAME, else the home page's title."""

import time

from .cms import CMSClient, CMSUnavailable, NotFound


class SiteName:
    """The configured name, else the home page's title, asked of the CMS at most once per `ttl`."""

    def __init__(self, configured: str, ttl: float):
        self.configured = configured
        self.ttl = ttl
        self.title = ""
        self.asked_at = float("-inf")

    async def get(self, cms: CMSClient, fallback: str, ask: bool = True) -> str:
        if self.configured:
            return self.configured
        now = time.monotonic()
        if ask and now - self.asked_at >= self.ttl:
            # Stamped before asking, so a CMS that hangs is asked once per ttl, not per request.
            self.asked_at = now
            try:
                listing = await cms.pages(type="home.HomePage", fields="title", limit=1)
                self.title = str(listing["items"][0]["title"]) if listing["items"] else ""
            except (CMSUnavailable, NotFound, KeyError, TypeError):
                pass  # keep the last name known; the fallback covers a CMS never reached
        return self.title or fallback
