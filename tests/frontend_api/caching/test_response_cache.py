"""The response cache: what it stores, what a hit costs, what it leaves alone."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from episodes.factories import EpisodePageFactory, PodcastPageFactory
from frontend_api.caching import store
from frontend_api.caching.checks import shared_response_cache
from tests.support.content import full_episode
from tests.support.site import publish

from .conftest import LOCMEM, redis_cache_settings

pytestmark = pytest.mark.usefixtures("cache_backend")


def table_of(sql: str) -> str:
    """The content generation's table, or the start of any other query."""
    return "contentgeneration" if "frontend_api_contentgeneration" in sql else sql[:120]


@pytest.fixture
def rich_episode(show):
    return full_episode(show)


def urls_for(page) -> list[str]:
    return [
        f"/api/v2/pages/{page.pk}/",
        f"/api/v2/pages/?child_of={page.get_parent().pk}&fields=*",
        "/api/v2/pages/?type=episodes.EpisodePage&fields=body,related_episodes",
        f"/api/v2/pages/find/?html_path=/test-show/{page.slug}/",
        "/api/v2/images/",
        "/api/v2/documents/",
        "/api/v2/schema/",
    ]


def test_a_hit_costs_no_query_and_returns_the_stored_bytes(client, rich_episode, cache_backend):
    """On a shared cache, a hit makes no query; on a per-process one, it reads the content
    generation (one row), the only way to see other processes' publishes."""
    expected = ["contentgeneration"] if cache_backend == "locmem" else []
    for url in urls_for(rich_episode):
        miss = client.get(url)
        assert miss.status_code in (200, 302), url
        assert miss.headers["X-API-Cache"] == "miss"
        with CaptureQueriesContext(connection) as queries:
            hit = client.get(url)
        assert hit.headers["X-API-Cache"] == "hit", url
        tables = [table_of(query["sql"]) for query in queries]
        assert tables == expected, (url, [query["sql"] for query in queries])
        assert hit.status_code == miss.status_code
        assert hit.content == miss.content
        assert hit.headers["ETag"] == miss.headers["ETag"]
        assert hit.headers["Content-Type"] == miss.headers["Content-Type"]
        assert hit.headers.get("Location") == miss.headers.get("Location")


def test_a_miss_makes_the_same_queries_as_rendering_without_the_cache(
    client, settings, rich_episode
):
    """Storing an answer costs no query, so tests/frontend_api/test_query_counts.py's budgets
    hold with the cache on too."""
    # An empty cache starts afresh on its first request (a new base, the site list read
    # again): a one-off, after a flush or an outage, that this comparison leaves out.
    client.get("/api/v2/pages/")
    for url in urls_for(rich_episode):
        settings.API_CACHE_ENABLED = False
        client.get(url)  # fills the per-process caches (sites, renditions)
        with CaptureQueriesContext(connection) as rendered:
            client.get(url)
        settings.API_CACHE_ENABLED = True
        with CaptureQueriesContext(connection) as missed:
            miss = client.get(url)
        assert miss.headers["X-API-Cache"] == "miss", url
        rendering = [query for query in missed if table_of(query["sql"]) != "contentgeneration"]
        assert len(rendering) == len(rendered), (url, [query["sql"][:200] for query in missed])


def test_switched_off_every_request_renders(client, settings, rich_episode):
    settings.API_CACHE_ENABLED = False
    url = f"/api/v2/pages/{rich_episode.pk}/"
    first = client.get(url)
    with CaptureQueriesContext(connection) as queries:
        second = client.get(url)
    assert second.headers["X-API-Cache"] == "off"
    assert len(queries) > 0
    assert second.content == first.content
    # Validators stay on: the same bytes carry the same ETag.
    assert second.headers["ETag"] == first.headers["ETag"]


def test_an_unrelated_publish_keeps_the_entry(
    client, committed, rich_episode, home_page, cache_backend
):
    url = f"/api/v2/pages/{rich_episode.pk}/"
    client.get(url)
    other_show = PodcastPageFactory(parent=home_page, slug="other-show")
    elsewhere = EpisodePageFactory(parent=other_show, slug="elsewhere")
    with committed():
        # A tag nobody used before is created on the way: nothing shown refers to it yet.
        elsewhere.tags.add("a-brand-new-tag")
        publish(elsewhere)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.headers["X-API-Cache"] == "hit"
    expected = ["contentgeneration"] if cache_backend == "locmem" else []
    assert [table_of(query["sql"]) for query in queries] == expected


def test_listings_of_other_shows_stay_cached(client, committed, episode, home_page):
    url = f"/api/v2/pages/?child_of={episode.get_parent().pk}"
    client.get(url)
    other_show = PodcastPageFactory(parent=home_page, slug="other-show")
    with committed():
        EpisodePageFactory(parent=other_show, slug="elsewhere", published=True)
    assert client.get(url).headers["X-API-Cache"] == "hit"
    # A listing of the whole site does include the new episode.
    site_wide = "/api/v2/pages/?type=episodes.EpisodePage"
    assert client.get(site_wide).headers["X-API-Cache"] == "miss"


def test_cookies_and_credentials_share_the_anonymous_entry(client, episode, django_user_model):
    url = f"/api/v2/pages/{episode.pk}/"
    anonymous = client.get(url)
    admin = django_user_model.objects.create_superuser("boss", password="pw")
    client.force_login(admin)
    logged_in = client.get(url, headers={"Authorization": "Basic Ym9zczpwdw=="})
    assert logged_in.headers["X-API-Cache"] == "hit"
    assert logged_in.content == anonymous.content
    assert "Set-Cookie" not in logged_in.headers
    assert "Cookie" not in logged_in.headers.get("Vary", "")


def test_equivalent_query_strings_share_an_entry(client, episode):
    client.get("/api/v2/pages/?type=episodes.EpisodePage&fields=title")
    again = client.get("/api/v2/pages/?fields=title&type=episodes.EpisodePage")
    assert again.headers["X-API-Cache"] == "hit"


def test_errors_are_not_stored(client, episode):
    for url in ("/api/v2/pages/999999/", "/api/v2/pages/?limit=-1", "/api/v2/pages/?nope=1"):
        first = client.get(url)
        second = client.get(url)
        assert first.status_code == second.status_code
        assert 400 <= second.status_code < 500
        assert "X-API-Cache" not in second.headers
        assert second.headers["Cache-Control"] == "no-store"
        assert "ETag" not in second.headers


def test_head_is_answered_from_the_entry(client, episode):
    url = f"/api/v2/pages/{episode.pk}/"
    get = client.get(url)
    head = client.head(url)
    assert head.status_code == 200
    assert head.headers["X-API-Cache"] == "hit"
    assert head.headers["ETag"] == get.headers["ETag"]


def test_entries_are_keyed_by_host(client, episode, rf):
    one = rf.get(f"/api/v2/pages/{episode.pk}/", HTTP_HOST="a.example")
    two = rf.get(f"/api/v2/pages/{episode.pk}/", HTTP_HOST="b.example")
    same = rf.get(f"/api/v2/pages/{episode.pk}/", HTTP_HOST="a.example", HTTP_COOKIE="x=1")
    assert store.entry_key(one) != store.entry_key(two)
    assert store.entry_key(one) == store.entry_key(same)


def test_entries_follow_the_settings_that_shape_bodies(settings, episode, rf):
    request = rf.get(f"/api/v2/pages/{episode.pk}/")
    before = store.entry_key(request)
    settings.FRONTEND_URL = "https://elsewhere.example"
    assert store.entry_key(request) != before


def test_deploy_check_warns_of_a_per_process_response_cache(settings, redis_url):
    settings.CACHES = {"default": redis_cache_settings(redis_url), "responses": LOCMEM}
    assert shared_response_cache() == []  # the default cache: cms.W001's business
    settings.API_CACHE_ALIAS = "responses"
    assert [message.id for message in shared_response_cache()] == ["frontend_api.W001"]
    settings.CACHES = {"default": LOCMEM, "responses": redis_cache_settings(redis_url)}
    assert shared_response_cache() == []
