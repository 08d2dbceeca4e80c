"""Deployment checks: a per-process response cache holds a copy per process and reads the
content generation on every hit."""

from typing import Any

from django.core import checks

from frontend_api.caching.backend import cache_enabled, per_process_cache
from frontend_api.conf import api_setting


@checks.register(checks.Tags.caches, deploy=True)
def shared_response_cache(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    # cms.W001 already warns when the default cache is per process.
    if api_setting("API_CACHE_ALIAS") == "default" or not cache_enabled():
        return []
    if per_process_cache():
        return [
            checks.Warning(
                "The API response cache (API_CACHE_ALIAS) is in local memory: each app "
                "process keeps its own copies and queries the database on every hit to see "
                "the others' publishes.",
                hint="Point API_CACHE_ALIAS at a shared cache, or set API_CACHE_ENABLED=false.",
                id="frontend_api.W001",
            )
        ]
    return []
