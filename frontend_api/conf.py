"""The API's settings with their defaults, read when used (never at import time)."""

from typing import Any

from django.conf import settings

DEFAULTS: dict[str, Any] = {
    # Widths of the renditions every image is served in.
    "API_IMAGE_WIDTHS": (480, 960, 1600),
    # How many recent episodes stand in when the editor chose no related episodes.
    "API_RELATED_EPISODES": 3,
    # Reading speed used for the reading time.
    "API_WORDS_PER_MINUTE": 200,
    # Response cache (docs/caching.md): on or off, which cache holds it, how long entries live.
    "API_CACHE_ENABLED": True,
    "API_CACHE_ALIAS": "default",
    "API_CACHE_TIMEOUT": 24 * 3600,
    # How often a process reads the content generation to check that a shared cache has every
    # change (caching/generation.py); a per-process cache checks on every request.
    "API_CACHE_SYNC_SECONDS": 2.0,
    # Stored representations (docs/read-path.md): plain detail reads answered from the database;
    # off renders every read (for debugging), independently of the response cache.
    "API_STORED_REPRESENTATIONS": True,
    # Queue re-renders of stale stored answers for the task worker after each change (off
    # when no worker runs: the first read after a change renders instead).
    "API_STORED_RERENDER": True,
    # URLs in one sitemap; past it /sitemap.xml is an index of sections (the protocol's limit).
    "SITEMAP_MAX_URLS": 50_000,
    # Cache-Control of public responses: browsers (max-age) and shared caches (s-maxage).
    "API_CACHE_MAX_AGE": 0,
    "API_CACHE_S_MAXAGE": 0,
    # Revalidation webhook: where to POST, the HMAC secret, and how hard to try.
    "FRONTEND_REVALIDATE_URL": "",
    "FRONTEND_REVALIDATE_SECRET": "",
    "FRONTEND_REVALIDATE_TIMEOUT": 5.0,
    "FRONTEND_REVALIDATE_ATTEMPTS": 6,
    "FRONTEND_REVALIDATE_BACKOFF": 10.0,
    # Feed pings (docs/feeds.md): WebSub hubs, and the Podping endpoint with its token.
    "FEED_WEBSUB_HUBS": [],
    "PODPING_URL": "https://podping.cloud/",
    "PODPING_TOKEN": "",
}


def api_setting(name: str) -> Any:
    return getattr(settings, name, DEFAULTS[name])


def image_specs() -> list[str]:
    """Rendition filter specs for the configured widths, narrowest first."""
    return [f"width-{width}" for width in sorted(api_setting("API_IMAGE_WIDTHS"))]
