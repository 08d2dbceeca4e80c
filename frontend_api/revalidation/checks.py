"""The webhook is only sent signed: a URL without a secret is a configuration error."""

from typing import Any

from django.core import checks

from frontend_api.conf import api_setting


@checks.register()
def webhook_secret(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    if api_setting("FRONTEND_REVALIDATE_URL") and not api_setting("FRONTEND_REVALIDATE_SECRET"):
        return [
            checks.Error(
                "FRONTEND_REVALIDATE_URL is set but FRONTEND_REVALIDATE_SECRET is not.",
                hint="Set a long random secret shared with the frontend (docs/caching.md).",
                id="frontend_api.E001",
            )
        ]
    return []
