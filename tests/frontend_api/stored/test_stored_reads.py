"""A stored answer is served in one query and is never older than the published revision."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from episodes import factories as f
from frontend_api.caching.invalidation import discard_pending
from frontend_api.stored.models import StoredPage
from frontend_api.stored.reads import OUTCOME_HEADER
from tests.support.published_site import make_private
from tests.support.site import publish

from .conftest import committed, detail_url, fresh_render, linking_paragraph

pytestmark = pytest.mark.django_db


def read(client, page_id: int):
    return client.get(detail_url(page_id))


def test_a_second_read_is_served_from_storage_with_the_same_bytes_and_headers(client, pair):
    first, _ = pair
    rendered = read(client, first.pk)
    assert rendered[OUTCOME_HEADER] == "miss"
    assert StoredPage.objects.filter(page=first, stale=False).count() == 1
    stored = read(client, first.pk)
    assert stored[OUTCOME_HEADER] == "hit"
    assert stored.content == rendered.content == fresh_render(client, first.pk).content
    for name in ("Content-Type", "ETag", "Cache-Control", "Vary", "Allow"):
        assert stored.get(name) == rendered.get(name), name


def test_a_stored_read_is_one_query(client, pair):
    first, _ = pair
    read(client, first.pk)
    with CaptureQueriesContext(connection) as queries:
        response = read(client, first.pk)
    assert response[OUTCOME_HEADER] == "hit"
    assert len(queries) == 1, [query["sql"] for query in queries]


def test_a_stored_read_behind_a_missing_response_cache_entry(client, pair, settings):
    """The response cache's own checks (the content generation, per process or every few
    seconds) may come first; the answer itself is still one stored-row query."""
    first, _ = pair
    read(client, first.pk)  # stored, with the response cache off
    settings.API_CACHE_ENABLED = True
    with CaptureQueriesContext(connection) as queries:
        response = read(client, first.pk)
    assert (response[OUTCOME_HEADER], response["X-API-Cache"]) == ("hit", "miss")
    tables = [query["sql"].split('"')[1] for query in queries]
    assert tables.count("frontend_api_storedpage") == 1
    # The site list is read again when the response cache finds it missed changes (empty here).
    response_cache_checks = {"frontend_api_contentgeneration", "wagtailcore_site"}
    assert set(tables) - response_cache_checks == {"frontend_api_storedpage"}, tables
    assert read(client, first.pk)["X-API-Cache"] == "hit"


def test_a_conditional_stored_read_answers_304(client, pair):
    first, _ = pair
    etag = read(client, first.pk)["ETag"]
    again = client.get(detail_url(first.pk), HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304


def test_query_parameters_are_never_answered_from_storage(client, pair):
    first, _ = pair
    read(client, first.pk)
    response = client.get(detail_url(first.pk), {"fields": "title"})
    assert OUTCOME_HEADER not in response
    assert response.json()["title"] == "First"


def test_publish_is_seen_at_once_though_no_rerender_ran(client, pair):
    first, second = pair
    read(client, first.pk)
    read(client, second.pk)
    with committed():
        first.title = "First, retitled"
        publish(first)
    assert StoredPage.objects.get(page=first).stale
    response = read(client, first.pk)
    assert response[OUTCOME_HEADER] == "miss"
    assert response.json()["title"] == "First, retitled"
    assert response.content == fresh_render(client, first.pk).content


def test_a_linked_pages_new_url_restales_the_linking_page(client, pair):
    first, second = pair
    before = read(client, second.pk).content
    with committed():
        first.slug = "first-renamed"
        publish(first)
    after = read(client, second.pk)
    assert after[OUTCOME_HEADER] == "miss"
    assert after.content != before
    assert b"first-renamed" in after.content
    assert after.content == fresh_render(client, second.pk).content


def test_a_person_edit_restales_what_shows_them(client, show):
    with committed():
        person = f.PersonFactory(name="Ada Host")
        page = publish(
            f.EpisodePageFactory(
                parent=show, body=[f.pull_quote("Said it.", speaker=person, timestamp="1:00")]
            )
        )
    assert b"Ada Host" in read(client, page.pk).content
    with committed():
        person.name = "Ada Renamed"
        person.save()
    response = read(client, page.pk)
    assert response[OUTCOME_HEADER] == "miss"
    assert b"Ada Renamed" in response.content


def test_unpublish_answers_404_and_drops_the_row(client, pair):
    first, _ = pair
    read(client, first.pk)
    with committed():
        first.unpublish()
    assert read(client, first.pk).status_code == 404
    assert not StoredPage.objects.filter(page=first).exists()


def test_an_expired_page_is_never_served_from_storage(client, show):
    soon = timezone.now() + datetime.timedelta(hours=1)
    with committed():
        page = publish(f.EpisodePageFactory(parent=show, expire_at=soon))
    read(client, page.pk)
    assert read(client, page.pk)[OUTCOME_HEADER] == "hit"
    with time_machine.travel(soon + datetime.timedelta(seconds=1)):
        assert read(client, page.pk).status_code == 404


def test_a_linked_pages_expiry_ends_the_linking_pages_answer(client, show):
    soon = timezone.now() + datetime.timedelta(hours=1)
    with committed():
        target = publish(f.EpisodePageFactory(parent=show, slug="short-lived", expire_at=soon))
        page = publish(f.EpisodePageFactory(parent=show, body=[linking_paragraph(target)]))
    read(client, page.pk)
    assert read(client, page.pk)[OUTCOME_HEADER] == "hit"
    with time_machine.travel(soon + datetime.timedelta(seconds=1)):
        response = read(client, page.pk)
        assert response[OUTCOME_HEADER] == "miss"
        assert response.content == fresh_render(client, page.pk).content
        assert b"short-lived" not in response.content


def test_private_pages_are_never_stored(client, show):
    with committed():
        page = publish(f.EpisodePageFactory(parent=show))
        make_private(page)
    assert read(client, page.pk).status_code == 404
    assert not StoredPage.objects.filter(page=page).exists()


def test_a_page_made_private_is_no_longer_served(client, show):
    with committed():
        page = publish(f.EpisodePageFactory(parent=show))
    read(client, page.pk)
    with committed():
        make_private(show)  # a restriction above it covers it
    assert read(client, page.pk).status_code == 404
    assert not StoredPage.objects.filter(page=page).exists()


def test_the_setting_switches_stored_reads_off(client, pair, settings):
    first, _ = pair
    read(client, first.pk)
    settings.API_STORED_REPRESENTATIONS = False
    response = read(client, first.pk)
    assert OUTCOME_HEADER not in response
    assert response.status_code == 200


def test_answers_stored_by_another_deployment_are_never_served(client, pair, settings):
    first, _ = pair
    read(client, first.pk)
    assert read(client, first.pk)[OUTCOME_HEADER] == "hit"
    # A deploy with other settings (or code) that shape answers: every row misses once.
    settings.FRONTEND_URL = "https://listen.example.org"
    response = read(client, first.pk)
    assert response[OUTCOME_HEADER] == "miss"
    assert response.content == fresh_render(client, first.pk).content
    assert read(client, first.pk)[OUTCOME_HEADER] == "hit"


def test_drafts_are_never_stored(client, draft_episode):
    discard_pending()  # the fixture's changes, as if committed
    response = read(client, draft_episode.pk)
    assert response.json()["title"] == "Published title"
    stored = StoredPage.objects.get(page=draft_episode)
    assert b"Draft title" not in bytes(stored.body)
