"""A cache outage slows answers down and nothing else: every endpoint answers from the
database, a publish made meanwhile returns normally, and no stale answer survives the
cache's return, even from a snapshot taken before the publish."""

import pytest
import redis
from django.core.cache import caches
from django.test import override_settings
from django.urls import reverse
from wagtail.models import PageLogEntry

from cms.cache_backend import faults
from frontend_api.caching import generation, store
from tests.support.content import full_episode
from tests.support.faults import request_losing_the_database

from .conftest import redis_cache_settings

pytestmark = [pytest.mark.redis, pytest.mark.django_db(transaction=True)]

# Nothing listens on port 1: connecting fails at once, as it does when Redis was killed.
UNREACHABLE = {
    "default": {
        **redis_cache_settings("redis://127.0.0.1:1/0"),
        "LOCATION": "redis://127.0.0.1:1/0",
    }
}


@pytest.fixture
def episode_page(redis_cache, show):
    return full_episode(show)


def public_urls(page) -> list[str]:
    return [
        f"/api/v2/pages/{page.pk}/",
        f"/api/v2/pages/?child_of={page.get_parent().pk}&fields=*",
        f"/api/v2/pages/find/?html_path=/test-show/{page.slug}/",
        "/api/v2/images/",
        "/api/v2/documents/",
        "/api/v2/schema/",
        "/feeds/test-show/",
        "/sitemap.xml",
    ]


def retitle(page, title: str) -> None:
    page.refresh_from_db()
    page.title = title
    page.save_revision().publish()  # commits: these tests run outside a transaction


def title(client, page) -> tuple[str, str]:
    response = client.get(f"/api/v2/pages/{page.pk}/")
    assert response.status_code == 200
    return response.json()["title"], response.headers["X-API-Cache"]


def test_every_endpoint_and_the_admin_answer_while_the_cache_is_down(
    client, admin_client, episode_page
):
    errors_before = faults.count
    with override_settings(CACHES=UNREACHABLE):
        for url in public_urls(episode_page):
            response = client.get(url)
            assert response.status_code in (200, 302), (url, response.status_code)
        health = client.get("/healthz")
        assert (health.status_code, health.json()["status"]) == (200, "degraded")
        editor = admin_client.get(reverse("wagtailadmin_pages:edit", args=[episode_page.pk]))
        assert editor.status_code == 200
    assert faults.count > errors_before, "the errors are counted"


def test_a_publish_during_an_outage_returns_and_is_served_after_it(client, episode_page):
    client.get(f"/api/v2/pages/{episode_page.pk}/")
    assert title(client, episode_page) == ("Episode title 1", "hit")
    before = generation.seen().value
    audit = PageLogEntry.objects.filter(page_id=episode_page.pk, action="wagtail.publish")
    published_before = audit.count()
    with override_settings(CACHES=UNREACHABLE):
        retitle(episode_page, "Published while Redis was down")
        assert audit.count() == published_before + 1, "the publish has its audit entry"
        assert title(client, episode_page)[0] == "Published while Redis was down"
    # The cache never heard of the change; the database remembers it happened.
    assert generation.seen().value >= before + 2
    assert title(client, episode_page) == ("Published while Redis was down", "miss")
    assert title(client, episode_page) == ("Published while Redis was down", "hit")


def test_a_snapshot_from_before_a_publish_is_not_served(client, episode_page, monkeypatch):
    # The cache has a second to receive a change's mark; this test restores it at once.
    monkeypatch.setattr(store, "SYNC_GRACE_SECONDS", 0.0)
    client.get(f"/api/v2/pages/{episode_page.pk}/")
    assert title(client, episode_page) == ("Episode title 1", "hit")
    server = redis.Redis.from_url(caches["default"]._server)
    snapshot = {key: server.dump(key) for key in server.keys("*")}

    retitle(episode_page, "After the snapshot")
    assert title(client, episode_page) == ("After the snapshot", "miss")

    # Redis restarts from the snapshot: its stamps and entries all predate the publish.
    server.flushdb()
    for key, value in snapshot.items():
        server.restore(key, 0, value)
    assert title(client, episode_page) == ("After the snapshot", "miss")
    assert title(client, episode_page) == ("After the snapshot", "hit")


def test_a_flushed_cache_starts_afresh(client, episode_page):
    client.get(f"/api/v2/pages/{episode_page.pk}/")
    caches["default"].clear()
    assert title(client, episode_page) == ("Episode title 1", "miss")
    assert title(client, episode_page) == ("Episode title 1", "hit")


@pytest.mark.postgres
def test_a_change_whose_flush_never_ran_is_not_served_stale(
    client, episode_page, monkeypatch, settings
):
    monkeypatch.setattr(store, "SYNC_GRACE_SECONDS", 0.0)
    settings.API_CACHE_SYNC_SECONDS = 0
    client.get(f"/api/v2/pages/{episode_page.pk}/")
    assert title(client, episode_page) == ("Episode title 1", "hit")
    answer = request_losing_the_database(lambda: retitle(episode_page, "Committed, never flushed"))
    assert answer.status_code == 200
    # The cache's tags were never restamped; the generation committed with the change.
    assert title(client, episode_page) == ("Committed, never flushed", "miss")
    assert title(client, episode_page) == ("Committed, never flushed", "hit")
