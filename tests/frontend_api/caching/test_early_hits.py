"""Hits answered by middleware.ServeCachedAnswers: the same answers the API view gives, cheaper."""

import pytest

from frontend_api.caching.middleware import ServeCachedAnswers
from tests.support.content import full_episode

from .test_response_cache import urls_for

pytestmark = pytest.mark.usefixtures("cache_backend")

EARLY = "frontend_api.caching.middleware.ServeCachedAnswers"
# Headers that may differ between two answers a moment apart, whoever serves them:
# Last-Modified is withheld while the second of the last change is still running (http.py).
VARYING = {"date", "last-modified"}


@pytest.fixture
def rich_episode(show):
    return full_episode(show)


def hit(client, url: str, **headers):
    """The answer to `url` once the cache holds it (a 304 carries no X-API-Cache)."""
    client.get(url)
    response = client.get(url, headers=headers)
    assert response.status_code == 304 or response.headers["X-API-Cache"] == "hit", url
    return response


def answer(response) -> tuple:
    headers = {k.lower(): v for k, v in response.headers.items() if k.lower() not in VARYING}
    return response.status_code, headers, response.content


@pytest.mark.parametrize(
    "headers",
    [{}, {"Origin": "https://front.example"}, {"If-None-Match": "*"}],
    ids=["plain", "cross-origin", "conditional"],
)
def test_early_hits_are_the_answers_the_view_gives(client, rich_episode, settings, headers):
    settings.CORS_ALLOWED_ORIGINS = ["https://front.example"]
    early = {url: answer(hit(client, url, **headers)) for url in urls_for(rich_episode)}
    settings.MIDDLEWARE = [name for name in settings.MIDDLEWARE if name != EARLY]
    for url, expected in early.items():
        assert answer(hit(client, url, **headers)) == expected, url


def test_hits_skip_the_admin_middleware_and_url_resolution(client, rich_episode, monkeypatch):
    url = f"/api/v2/pages/{rich_episode.pk}/"
    client.get(url)
    reached = []
    original = ServeCachedAnswers.__call__

    def spy(self, request):
        response = original(self, request)
        reached.append((hasattr(request, "session"), request.resolver_match))
        return response

    monkeypatch.setattr(ServeCachedAnswers, "__call__", spy)
    assert client.get(url).headers["X-API-Cache"] == "hit"
    assert reached == [(False, None)]


def test_a_miss_is_looked_up_once(client, rich_episode, monkeypatch):
    from frontend_api.caching import store

    lookups = []
    original = store.lookup
    monkeypatch.setattr(store, "lookup", lambda key: lookups.append(key) or original(key))
    response = client.get(f"/api/v2/pages/{rich_episode.pk}/")
    assert response.headers["X-API-Cache"] == "miss"
    assert len(lookups) == 1


def test_other_paths_and_writes_go_through(client, rich_episode):
    assert "X-API-Cache" not in client.get("/feeds/test-show/")
    assert client.post(f"/api/v2/pages/{rich_episode.pk}/").status_code == 405
