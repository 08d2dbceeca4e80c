"""Listings assembled from stored answers: the same bytes as a render, in three queries."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings
from django.utils import timezone

from episodes import factories as f
from frontend_api.stored.models import StoredPage
from frontend_api.stored.reads import OUTCOME_HEADER
from tests.support.published_site import make_private
from tests.support.site import publish

from .conftest import committed, linking_paragraph

pytestmark = pytest.mark.django_db

LISTING = "/api/v2/pages/"
EPISODES_WITH_EVERY_FIELD = {"type": "episodes.EpisodePage", "fields": "*", "limit": "20"}


def fresh_listing(client, params: dict):
    """The listing as the render path answers it, storage switched off."""
    with override_settings(API_STORED_REPRESENTATIONS=False):
        return client.get(LISTING, params)


def episodes(show, count: int, blocks: int) -> list:
    """Published episodes, each with `blocks` blocks linking to and quoting what came before."""
    made = []
    person = f.PersonFactory(name="Quoted Person")
    image = f.ImageFactory()
    for index in range(count):
        body = [f.heading(f"Part {index}")]
        for block in range(blocks):
            if made and block % 3 == 0:
                body.append(linking_paragraph(made[block % len(made)]))
            elif block % 3 == 1:
                body.append(f.pull_quote(f"Quote {block}", speaker=person, timestamp="1:00"))
            else:
                body.append(f.image(image, alt=f"Picture {block}"))
        made.append(publish(f.EpisodePageFactory(parent=show, body=body)))
    return made


def stored_listing_queries(client, params: dict) -> int:
    client.get(LISTING, params)  # stores what is missing
    with CaptureQueriesContext(connection) as queries:
        response = client.get(LISTING, params)
    assert response[OUTCOME_HEADER] == "hit"
    assert len(response.json()["items"]) == 20
    assert response.content == fresh_listing(client, params).content
    return len(queries)


def test_a_listing_of_20_with_every_field_is_three_queries_whatever_the_blocks(client, show):
    with committed():
        few = episodes(show, 20, blocks=2)
    assert stored_listing_queries(client, EPISODES_WITH_EVERY_FIELD) <= 3
    with committed():
        for page in few:
            page.delete()
        episodes(show, 20, blocks=30)
    assert stored_listing_queries(client, EPISODES_WITH_EVERY_FIELD) <= 3


def test_a_cold_listing_renders_its_missing_pages_in_one_batch(client, show):
    def cold_queries(limit: int) -> int:
        StoredPage.objects.all().delete()
        params = {**EPISODES_WITH_EVERY_FIELD, "limit": str(limit)}
        with CaptureQueriesContext(connection) as queries:
            response = client.get(LISTING, params)
        assert response[OUTCOME_HEADER] == "miss"
        assert len(response.json()["items"]) == limit
        assert StoredPage.objects.count() == limit
        assert response.content == fresh_listing(client, params).content
        return len(queries)

    with committed():
        episodes(show, 12, blocks=6)
    client.get(LISTING, EPISODES_WITH_EVERY_FIELD)  # renditions are made once
    assert cold_queries(12) == cold_queries(2)


def test_a_listing_of_every_page_type_is_three_queries(client, show):
    with committed():
        episodes(show, 20, blocks=3)
    assert stored_listing_queries(client, {"fields": "*"}) <= 3


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"fields": "*"},
        {"fields": "_,title,locale"},
        {"type": "episodes.EpisodePage", "fields": "*", "order": "-title", "limit": "5"},
        {
            "type": "episodes.EpisodePage",
            "fields": "-title,seo(title,og_image),related_episodes(id)",
        },
        {"type": "episodes.EpisodePage", "fields": "_,show,tags,hosts(name)", "offset": "2"},
        {"type": "episodes.PodcastPage", "fields": "*"},
        {"rubric": "does-not-exist", "fields": "*"},
        {"show": "{show}", "fields": "headline,audio", "order": "id"},
    ],
)
def test_stored_listings_equal_fresh_renders(client, show, params):
    with committed():
        episodes(show, 6, blocks=4)
    params = {key: value.format(show=show.pk) for key, value in params.items()}
    first = client.get(LISTING, params)
    second = client.get(LISTING, params)
    fresh = fresh_listing(client, params)
    assert first.status_code == fresh.status_code == 200
    assert first.content == second.content == fresh.content
    assert second[OUTCOME_HEADER] == "hit"


def test_bad_parameters_answer_as_the_render_does(client, show):
    with committed():
        episodes(show, 2, blocks=1)
    for params in (
        {"fields": "parent"},
        {"fields": "title(id)"},
        {"offset": "-1"},
        {"rich_text_format": "nope"},
    ):
        response = client.get(LISTING, params)
        fresh = fresh_listing(client, params)
        assert response.status_code == fresh.status_code == 400
        assert response.content == fresh.content


def test_a_changed_page_is_rendered_again_and_stored(client, show):
    with committed():
        first, _ = episodes(show, 2, blocks=2)
    client.get(LISTING, EPISODES_WITH_EVERY_FIELD)
    with committed():
        first.title = "Retitled"
        publish(first)
    response = client.get(LISTING, EPISODES_WITH_EVERY_FIELD)
    assert response[OUTCOME_HEADER] == "miss"
    assert b"Retitled" in response.content
    assert response.content == fresh_listing(client, EPISODES_WITH_EVERY_FIELD).content
    assert not StoredPage.objects.get(page=first).stale
    assert client.get(LISTING, EPISODES_WITH_EVERY_FIELD)[OUTCOME_HEADER] == "hit"


def test_private_draft_and_expired_pages_never_appear(client, show):
    soon = timezone.now() + datetime.timedelta(hours=1)
    with committed():
        shown, private, unpublished, expiring = episodes(show, 4, blocks=1)
        expiring.expire_at = soon
        publish(expiring)
        draft = f.EpisodePageFactory(parent=show, title="Only a draft", live=False)
    client.get(LISTING, EPISODES_WITH_EVERY_FIELD)  # every public page stored
    with committed():
        make_private(private)
        unpublished.unpublish()
    with time_machine.travel(soon + datetime.timedelta(seconds=1)):
        response = client.get(LISTING, EPISODES_WITH_EVERY_FIELD)
        assert [item["id"] for item in response.json()["items"]] == [shown.pk]
        assert response.content == fresh_listing(client, EPISODES_WITH_EVERY_FIELD).content
    assert not StoredPage.objects.filter(page=draft).exists()
    # Stored while public, then marked stale: kept, never served.
    assert StoredPage.objects.get(page=private).stale


def test_the_listing_of_an_old_row_without_listing_values_renders_it(client, show):
    with committed():
        (page,) = episodes(show, 1, blocks=1)
    client.get(f"/api/v2/pages/{page.pk}/")
    StoredPage.objects.filter(page=page).update(listing_extra=None)  # as stored before them
    response = client.get(LISTING, EPISODES_WITH_EVERY_FIELD)
    assert response[OUTCOME_HEADER] == "miss"
    assert StoredPage.objects.get(page=page).listing_extra == {"meta": {"locale": "en"}}


def test_a_listing_stores_the_detail_its_read_would_store(client, show):
    with committed():
        (page,) = episodes(show, 1, blocks=3)
    client.get(LISTING, {"fields": "title"})
    stored = StoredPage.objects.get(page=page)
    detail = client.get(f"/api/v2/pages/{page.pk}/")
    assert detail[OUTCOME_HEADER] == "hit"
    with override_settings(API_STORED_REPRESENTATIONS=False):
        fresh = client.get(f"/api/v2/pages/{page.pk}/")
    assert bytes(stored.body) == detail.content == fresh.content
    for name in ("Content-Type", "ETag", "Vary", "Allow"):
        assert detail.get(name) == fresh.get(name), name


def test_the_setting_switches_stored_listings_off(client, show, settings):
    with committed():
        episodes(show, 1, blocks=1)
    settings.API_STORED_REPRESENTATIONS = False
    response = client.get(LISTING, EPISODES_WITH_EVERY_FIELD)
    assert OUTCOME_HEADER not in response
    assert not StoredPage.objects.exists()


def test_a_rich_text_format_asked_for_is_rendered(client, show):
    with committed():
        episodes(show, 2, blocks=2)
    client.get(LISTING, {"fields": "*"})  # stores both
    params = {"fields": "*", "rich_text_format": "markdown"}
    response = client.get(LISTING, params)
    assert response.get(OUTCOME_HEADER) != "hit"
    assert response.content == fresh_listing(client, params).content
