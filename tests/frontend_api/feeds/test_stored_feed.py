"""The stored feed: polls read the document rendered after the last change, never an older one.

Transactional: the content generation moves on when a change commits, as in production.
"""

import datetime

import pytest
import time_machine
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from episodes import factories as f
from frontend_api.caching.generation import ContentGeneration
from frontend_api.feeds.show_feed import ShowFeed
from frontend_api.stored.models import StoredDocument
from frontend_api.stored.reads import OUTCOME_HEADER
from tests.support.published_site import aired, make_private, publish_episode

pytestmark = pytest.mark.django_db(transaction=True)

FEED = "/feeds/signal-noise/"


@pytest.fixture
def host():
    return f.PersonFactory(name="Camille Host")


def fresh_render(show) -> bytes:
    """The document a render without storage makes now."""
    request = RequestFactory().get(FEED, HTTP_HOST="localhost")
    response, _ = ShowFeed().answer(show, request)
    return response.content


@pytest.fixture
def aired_episode(show):
    return publish_episode(show, title="First talk", episode_number=1, broadcast_at=aired(2))


def test_polls_read_the_stored_document_until_a_change(client, show, aired_episode):
    first = client.get(FEED)
    assert first[OUTCOME_HEADER] == "miss"
    with CaptureQueriesContext(connection) as queries:
        second = client.get(FEED)
    assert second[OUTCOME_HEADER] == "hit"
    assert second.content == first.content == fresh_render(show)
    assert second["ETag"] == first["ETag"]
    # The show's visibility, then the stored document: not one query per episode.
    assert len(queries) <= 6, [query["sql"] for query in queries.captured_queries]
    assert client.get(FEED, headers={"If-None-Match": first["ETag"]}).status_code == 304

    publish_episode(show, title="Second talk", episode_number=2, broadcast_at=aired(1))
    after = client.get(FEED)
    assert after[OUTCOME_HEADER] == "miss"
    assert b"Second talk" in after.content
    assert after.content == fresh_render(show)
    assert client.get(FEED)[OUTCOME_HEADER] == "hit"


def test_a_shared_change_renders_the_feed_again(client, show, aired_episode, host):
    aired_episode.host_links.create(person=host)
    aired_episode.save_revision().publish()
    assert host.name.encode() in client.get(FEED).content
    host.name = "Renamed Host"
    host.save()
    after = client.get(FEED)
    assert after[OUTCOME_HEADER] == "miss"
    assert b"Renamed Host" in after.content


def test_an_episode_going_on_air_is_listed_without_any_change(client, show, aired_episode):
    later = timezone.now() + datetime.timedelta(hours=1)
    publish_episode(show, title="Tomorrow's talk", episode_number=2, broadcast_at=later)
    before = client.get(FEED)
    assert b"Tomorrow's talk" not in before.content
    assert client.get(FEED)[OUTCOME_HEADER] == "hit"
    with time_machine.travel(later + datetime.timedelta(seconds=1)):
        on_air = client.get(FEED)
        assert on_air[OUTCOME_HEADER] == "miss"
        assert b"Tomorrow's talk" in on_air.content


def test_new_settings_render_the_feed_again(client, show, aired_episode, settings):
    client.get(FEED)
    settings.FRONTEND_URL = "https://listen.example.org"
    after = client.get(FEED)
    assert after[OUTCOME_HEADER] == "miss"
    assert b"https://listen.example.org/" in after.content


def test_a_document_rendered_before_a_change_is_never_served(client, show, aired_episode):
    client.get(FEED)
    # As if the render had read the content just before another change committed.
    StoredDocument.objects.update(generation=ContentGeneration.objects.get().value - 1)
    assert client.get(FEED)[OUTCOME_HEADER] == "miss"


def test_switching_stored_answers_off_renders_every_poll(client, show, aired_episode, settings):
    settings.API_STORED_REPRESENTATIONS = False
    client.get(FEED)
    response = client.get(FEED)
    assert OUTCOME_HEADER not in response
    assert response.content == fresh_render(show)
    assert not StoredDocument.objects.exists()


def test_after_every_kind_of_change_a_poll_reads_what_a_fresh_render_gives(
    client, show, aired_episode, host
):
    second = publish_episode(show, title="Second talk", episode_number=2, broadcast_at=aired(1))

    def rename_host():
        host.name = "Camille Renamed"
        host.save()

    def retitle():
        second.title = "Second talk, retitled"
        second.save_revision().publish()

    def credit_host():
        second.host_links.create(person=host)
        second.save_revision().publish()

    def expire_soon():
        second.expire_at = timezone.now() + datetime.timedelta(minutes=30)
        second.save_revision().publish()

    changes = [
        credit_host,
        rename_host,
        retitle,
        lambda: make_private(aired_episode),
        lambda: aired_episode.view_restrictions.all().delete(),
        lambda: second.unpublish(),
        lambda: second.save_revision().publish(),
        expire_soon,
    ]
    hits = 0
    for change in changes:
        client.get(FEED)  # stored before the change
        change()
        for _ in range(2):
            response = client.get(FEED)
            assert response.content == fresh_render(show), change
            hits += response[OUTCOME_HEADER] == "hit"
    with time_machine.travel(timezone.now() + datetime.timedelta(hours=1)):
        response = client.get(FEED)
        assert b"Second talk" not in response.content
        assert response.content == fresh_render(show)
    # Every change made the next poll render, and the poll after it read the stored row.
    assert hits == len(changes)
