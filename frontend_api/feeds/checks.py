"""Feed ping settings are URLs a request can be made to: a typo would fail every ping quietly."""

from typing import Any
from urllib.parse import urlsplit

from django.core import checks

from frontend_api.conf import api_setting


def is_http_url(value: object) -> bool:
    parts = urlsplit(value) if isinstance(value, str) else None
    return parts is not None and parts.scheme in ("http", "https") and bool(parts.netloc)


@checks.register()
def ping_receivers(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    errors: list[checks.CheckMessage] = []
    hubs = api_setting("FEED_WEBSUB_HUBS")
    for hub in [hubs] if isinstance(hubs, str) else hubs:
        if not is_http_url(hub):
            errors.append(
                checks.Error(
                    f"FEED_WEBSUB_HUBS has {hub!r}, which is not an http(s) URL.",
                    hint="A comma-separated list of hub URLs (docs/feeds.md).",
                    id="frontend_api.E002",
                )
            )
    if api_setting("PODPING_TOKEN") and not is_http_url(api_setting("PODPING_URL")):
        errors.append(
            checks.Error(
                "PODPING_TOKEN is set but PODPING_URL is not an http(s) URL.",
                hint="Podping's endpoint, https://podping.cloud/ by default (docs/feeds.md).",
                id="frontend_api.E003",
            )
        )
    return errors
