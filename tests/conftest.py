"""Fixtures shared by every test package: a site with a home page, a show and its episodes."""

import os

import pytest
from django.conf import settings
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Collection, Locale, Page, Site

from episodes.factories import EpisodePageFactory, PodcastPageFactory
from home.factories import HomePageFactory


def restore_wagtail_roots() -> None:
    """Put back the rows Wagtail's migrations made (default locale, root page, root collection),
    which the flush after every transactional test takes away."""
    Locale.objects.get_or_create(
        language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
    )
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root"))
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")


@pytest.fixture
def home_page(db):
    """The site root: a HomePage in place of Wagtail's stock welcome page."""
    restore_wagtail_roots()
    root = Page.get_first_root_node()
    for stock in root.get_children():
        stock.delete()
    home = HomePageFactory(parent=root)
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Test"},
    )
    return home


@pytest.fixture
def podcast(home_page):
    """A published show under the home page."""
    return PodcastPageFactory(parent=home_page, title="Test Show", slug="test-show")


@pytest.fixture
def episode(podcast):
    """A published episode of the show."""
    page = EpisodePageFactory(parent=podcast)
    page.save_revision().publish()
    return page


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
