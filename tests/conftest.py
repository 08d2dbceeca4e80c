"""Fixtures shared by every test package: a site with a home page, a show and its episodes."""

import os
from collections.abc import Iterator

import pytest

from episodes.factories import EpisodePageFactory, ImageFactory, PodcastPageFactory
from tests.support.site import site_with_home


@pytest.fixture
def home_page(db):
    """The site root: a HomePage in place of Wagtail's stock welcome page."""
    return site_with_home()


@pytest.fixture
def show(home_page):
    """A show under the home page, with the artwork the feed check requires before
    an episode is published through the admin."""
    return PodcastPageFactory(
        parent=home_page, title="Test Show", slug="test-show", artwork=ImageFactory()
    )


@pytest.fixture
def episode(show):
    """A published episode of the show."""
    return EpisodePageFactory(parent=show, published=True)


def require_service(name: str, reachable: bool, how: str) -> None:
    """Skip a test whose service is absent locally; in CI (CI=true) the absence is a failure."""
    if reachable:
        return
    message = f"{name} is not reachable: {how}"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"CI must provide {message}")
    pytest.skip(message)


@pytest.fixture
def redis_url() -> str:
    """The URL of a real Redis for cache tests (REDIS_URL, else the local default)."""
    import redis

    url = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/15")
    try:
        reachable = redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except redis.RedisError:
        reachable = False
    require_service("Redis", reachable, f"start one or set REDIS_URL (tried {url})")
    return url


@pytest.fixture(autouse=True)
def empty_cache():
    """Every test starts with an empty cache, whether local memory or a shared Redis."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def no_changes_carried_over() -> Iterator[None]:
    """A test's transaction never commits: what it recorded must not reach the next test."""
    from frontend_api.caching.invalidation import discard_pending

    yield
    discard_pending()
