"""Deployment checks: a per-process response cache would serve stale answers across servers."""

from django.core import checks

from .backend import api_cache, cache_enabled


@checks.register(checks.Tags.caches, deploy=True)
def shared_response_cache(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    if cache_enabled() and "LocMemCache" in type(api_cache()).__name__:
        return [
            checks.Warning(
                "The API response cache is in local memory: with more than one app process, "
                "a publish through one leaves the others' copies stale.",
                hint="Set REDIS_URL (shared cache), or API_CACHE_ENABLED=false.",
                id="frontend_api.W001",
            )
        ]
    return []
