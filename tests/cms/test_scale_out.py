"""Two gunicorn app servers sharing PostgreSQL and Redis: what one publishes, the other serves
on the very next request."""

import uuid

import pytest
from django.conf import settings

from bench import app_servers as servers
from bench.client import AdminSession, request
from episodes.factories import EpisodePageFactory
from tests.cms.conftest import EDITOR_PASSWORD
from tests.processes import database_url_for_other_processes, free_port, needs_shared_database


@pytest.fixture
def two_servers(transactional_db, redis_url, static_root, tmp_path):
    env = servers.production_env(
        STATIC_ROOT=str(static_root),
        SECRET_KEY="scale-out-test-" + "s" * 40,
        DATABASE_URL=database_url_for_other_processes(),
        REDIS_URL=redis_url,
        CACHE_KEY_PREFIX=f"scale-out-{uuid.uuid4().hex[:8]}",
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="false",
        # The show's artwork lives in the test process's media; the servers render it.
        MEDIA_ROOT=str(settings.MEDIA_ROOT),
    )
    with servers.running([free_port(), free_port()], env, tmp_path, workers=2) as pair:
        yield pair


def title_on(server, page_id: int) -> str | None:
    answer = request(server.url, "GET", f"/api/v2/pages/{page_id}/")
    return answer.json()["title"] if answer.status == 200 else None


def titles_in_listing(server) -> set[str]:
    answer = request(server.url, "GET", "/api/v2/pages/?type=episodes.EpisodePage&limit=20")
    assert answer.status == 200
    return {item["title"] for item in answer.json()["items"]}


@needs_shared_database()
@pytest.mark.django_db(transaction=True)
@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_a_publish_through_one_server_is_served_by_the_other_at_once(show, editor, two_servers):
    one, other = two_servers
    page = EpisodePageFactory(parent=show, title="First take")
    page.save_revision().publish()
    page.title = "Second take"
    page.save_revision()

    # Both servers have answered (and may have cached) the live version before the publish.
    for server in (one, other):
        assert title_on(server, page.pk) == "First take"
        assert "First take" in titles_in_listing(server)

    admin = AdminSession(one.url)
    admin.login("editor", EDITOR_PASSWORD)
    admin.bulk("publish", page.pk)
    assert title_on(other, page.pk) == "Second take"
    assert "Second take" in titles_in_listing(other)
    assert "First take" not in titles_in_listing(other)

    admin.bulk("unpublish", page.pk)
    assert title_on(other, page.pk) is None
    assert request(other.url, "GET", f"/api/v2/pages/{page.pk}/").status == 404

    # And the other way round, with a session made on one server and used on the other:
    # sessions live in the shared database.
    AdminSession(other.url, cookies=admin.cookies).bulk("publish", page.pk)
    assert title_on(one, page.pk) == "Second take"

    for server in (one, other):
        health = request(server.url, "GET", "/healthz").json()
        assert health["checks"]["cache"]["ok"] and health["checks"]["database"]["ok"]
