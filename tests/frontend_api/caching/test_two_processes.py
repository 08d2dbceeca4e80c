"""Two processes sharing PostgreSQL and Redis: a change made in one is served by the other.

The test process and a second app server (manage.py runserver in its own interpreter, on
the same test database and Redis) answer the same API. Pages are changed in the test
process, and a scheduled publication is run by a third process (publish_scheduled).
"""

import datetime
import json
import os
import time
import urllib.error
import urllib.request

import pytest
from django.utils import timezone

from episodes.factories import EpisodePageFactory
from tests.processes import database_url_for_other_processes, manage, runserver

from .conftest import redis_cache_settings

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.redis,
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def shared_env(redis_cache) -> dict[str, str]:
    """What the other processes need to share this one's database and cache."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "DATABASE_URL": database_url_for_other_processes(),
        "REDIS_URL": redis_cache,
        "CACHE_KEY_PREFIX": redis_cache_settings(redis_cache)["KEY_PREFIX"],
    }


@pytest.fixture
def second_server(shared_env, tmp_path):
    """A second app server on its own port; yields its base URL."""
    with runserver(shared_env, tmp_path) as base:
        yield base


def get(base: str, path: str) -> tuple[int, dict | None, str | None]:
    """Status, JSON and X-API-Cache of a GET that does not follow redirects."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(base + path, timeout=10) as response:
            return response.status, json.loads(response.read()), response.headers["X-API-Cache"]
    except urllib.error.HTTPError as error:
        return error.code, None, error.headers["X-API-Cache"]


def test_changes_made_here_are_served_there_at_once(second_server, show):
    page = EpisodePageFactory(parent=show, title="First take", slug="take", published=True)
    detail = f"/api/v2/pages/{page.pk}/"
    listing = f"/api/v2/pages/?child_of={show.pk}&fields=title"
    for path in (detail, listing):
        get(second_server, path)
        assert get(second_server, path)[2] == "hit"

    page.title = "Second take"
    page.save_revision().publish()  # commits: this test runs outside a transaction
    status, data, outcome = get(second_server, detail)
    assert (status, data["title"], outcome) == (200, "Second take", "miss")
    assert [item["title"] for item in get(second_server, listing)[1]["items"]] == ["Second take"]

    assert get(second_server, "/api/v2/pages/find/?html_path=/test-show/take/")[0] == 302
    page.refresh_from_db()
    page.unpublish()
    assert get(second_server, detail)[0] == 404
    assert get(second_server, "/api/v2/pages/find/?html_path=/test-show/take/")[0] == 404
    assert get(second_server, listing)[1]["items"] == []


def test_a_scheduled_publication_run_elsewhere_is_served_here(client, shared_env, show):
    page = EpisodePageFactory(parent=show, title="Before", slug="scheduled", published=True)
    detail = f"/api/v2/pages/{page.pk}/"
    client.get(detail)
    assert client.get(detail).headers["X-API-Cache"] == "hit"

    page.refresh_from_db()
    page.title = "After"
    page.go_live_at = timezone.now() + datetime.timedelta(seconds=2)
    page.save_revision().publish()
    assert client.get(detail).json()["title"] == "Before"

    time.sleep(2.5)
    result = manage("publish_scheduled", env=shared_env)
    assert result.returncode == 0, result.stderr
    response = client.get(detail)
    assert response.headers["X-API-Cache"] == "miss"
    assert response.json()["title"] == "After"
