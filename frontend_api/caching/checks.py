"""Deployment checks: a per-process response cache would serve stale answers across servers."""

from django.core import checks

from ..conf import api_setting
from .backend import cache_enabled, per_process_cache


@checks.register(checks.Tags.caches, deploy=True)
def shared_response_cache(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    # cms.W001 already warns when the default cache is per process.
    if api_setting("API_CACHE_ALIAS") == "default" or not cache_enabled():
        return []
    if per_process_cache():
        return [
            checks.Warning(
                "The API response cache (API_CACHE_ALIAS) is in local memory: with more than "
                "one app process, a publish through one leaves the others' copies stale.",
                hint="Point API_CACHE_ALIAS at a shared cache, or set API_CACHE_ENABLED=false.",
                id="frontend_api.W001",
            )
        ]
    return []
