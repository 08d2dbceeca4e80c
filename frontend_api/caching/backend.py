"""The cache that holds responses and stamps, and whether the response cache is on."""

from django.core.cache import BaseCache, caches

from ..conf import api_setting


def api_cache() -> BaseCache:
    """Redis (django-redis) when REDIS_URL is set, else this process's local memory."""
    return caches[api_setting("API_CACHE_ALIAS")]


def cache_enabled() -> bool:
    return bool(api_setting("API_CACHE_ENABLED"))
