"""The cache that holds responses and stamps, and whether the response cache is on."""

from django.core.cache import BaseCache, caches
from django.core.cache.backends.locmem import LocMemCache

from frontend_api.conf import api_setting


def api_cache() -> BaseCache:
    """Redis (django-redis) when REDIS_URL is set, else this process's local memory."""
    return caches[api_setting("API_CACHE_ALIAS")]


def per_process_cache() -> bool:
    """Whether each process has a cache of its own (local memory), blind to the others'."""
    return isinstance(api_cache(), LocMemCache)


def cache_enabled() -> bool:
    return bool(api_setting("API_CACHE_ENABLED"))
