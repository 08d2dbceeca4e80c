"""Cache backends (local memory and a real Redis), committed changes and an API client helper."""

import os
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any

import pytest
from django.core.cache import caches

from frontend_api.caching import invalidation

LOCMEM = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}


def redis_cache_settings(url: str) -> dict[str, Any]:
    """django-redis on `url`, under a key prefix of these tests' own."""
    return {
        "BACKEND": "cms.cache_backend.FaultTolerantRedisCache",
        "LOCATION": url,
        "KEY_PREFIX": f"{os.environ.get('CACHE_KEY_PREFIX', 'podcast-cms')}-caching-tests",
        "OPTIONS": {"CLIENT_CLASS": "django_redis.client.DefaultClient"},
    }


@pytest.fixture(params=["locmem", "redis"])
def cache_backend(request, settings) -> str:
    """Each test runs on local memory and on a real Redis (skipped locally without one)."""
    if request.param == "redis":
        settings.CACHES = {"default": redis_cache_settings(request.getfixturevalue("redis_url"))}
        # The content generation is then read once a minute at most: hits make no query.
        settings.API_CACHE_SYNC_SECONDS = 60
    else:
        settings.CACHES = {"default": LOCMEM}
    caches["default"].clear()
    return request.param


@pytest.fixture
def redis_cache(settings, redis_url) -> str:
    """A real Redis as the default cache; returns its URL."""
    settings.CACHES = {"default": redis_cache_settings(redis_url)}
    caches["default"].clear()
    return redis_url


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """`with committed(): ...` runs the block's on-commit callbacks as a real commit would.

    What the test set up before the block stands for content committed long ago: its
    records, which the test's never-committed transaction left pending, are dropped.
    """

    def block() -> AbstractContextManager:
        invalidation.discard_pending()
        return django_capture_on_commit_callbacks(execute=True)

    return block


@dataclass
class Answer:
    """What the API said: status, JSON (None for empty bodies), and the cache outcome."""

    status: int
    data: Any
    cache: str | None
    headers: Any


class Api:
    """A public API client that reads answers the way a frontend would."""

    def __init__(self, client) -> None:
        self.client = client

    def get(self, url: str, **headers) -> Answer:
        response = self.client.get(url, headers=headers)
        data = None
        if response.content and response.headers.get("Content-Type", "").startswith(
            "application/json"
        ):
            data = response.json()
        return Answer(response.status_code, data, response.headers.get("X-API-Cache"), response)

    def warm(self, url: str) -> Answer:
        """Request twice: the second answer must come from the cache."""
        first = self.get(url)
        second = self.get(url)
        assert second.cache == "hit", (url, first.status, first.cache, second.cache)
        assert second.data == first.data
        return second


@pytest.fixture
def api(client) -> Api:
    return Api(client)
