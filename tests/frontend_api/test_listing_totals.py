"""Listing totals counted once per content change: never one a change or an expiry made wrong.

Transactional: the content generation moves on when a change commits, as in production.
"""

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from episodes import factories as f
from frontend_api.caching.generation import ContentGeneration
from frontend_api.pages import pagination
from tests.support.site import publish

EPISODES = "/api/v2/pages/?type=episodes.EpisodePage"


@pytest.fixture(autouse=True)
def totals_of_this_test(monkeypatch, settings):
    """A process's totals start empty; the response cache would answer before the listing."""
    settings.API_CACHE_ENABLED = False
    monkeypatch.setattr(pagination, "page_totals", pagination.ListingTotals())


def total(client, url: str = EPISODES) -> tuple[int, bool]:
    """The listing's total_count, and whether the request counted the pages."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, response.content
    counted = any("COUNT(" in query["sql"] for query in queries.captured_queries)
    return response.json()["meta"]["total_count"], counted


@pytest.fixture
def episodes(show):
    return [
        f.EpisodePageFactory(parent=show, slug=f"episode-{n}", episode_number=n, published=True)
        for n in (1, 2)
    ]


@pytest.mark.django_db(transaction=True)
def test_a_total_is_counted_once_until_a_change_commits(client, show, episodes):
    assert total(client) == (2, True)
    assert total(client) == (2, False)
    assert total(client, EPISODES + "&fields=*&limit=1&offset=1&order=-id") == (2, False)

    third = f.EpisodePageFactory(parent=show, slug="episode-3", episode_number=3, published=True)
    assert total(client) == (3, True)
    third.unpublish()
    assert total(client) == (2, True)
    PageViewRestriction.objects.create(page=episodes[0], restriction_type="login")
    assert total(client) == (1, True)
    third.live = True
    publish(third)
    assert total(client) == (2, True)
    assert total(client) == (2, False)


@pytest.mark.django_db(transaction=True)
def test_each_selection_has_its_own_total(client, show, home_page, episodes):
    other = f.PodcastPageFactory(parent=home_page, slug="other", published=True)
    f.EpisodePageFactory(parent=other, slug="elsewhere", published=True)
    assert total(client) == (3, True)
    assert total(client, f"{EPISODES}&show={other.pk}") == (1, True)
    assert total(client, f"/api/v2/pages/?child_of={show.pk}") == (2, True)
    assert total(client) == (3, False)
    assert total(client, f"{EPISODES}&show={other.pk}") == (1, False)


@pytest.mark.django_db(transaction=True)
def test_an_expiry_ends_the_total_without_any_change(client, show, episodes):
    soon = timezone.now() + datetime.timedelta(hours=1)
    episodes[0].expire_at = soon
    publish(episodes[0])
    assert total(client) == (2, True)
    assert total(client) == (2, False)
    with time_machine.travel(soon + datetime.timedelta(seconds=1)):
        assert total(client) == (1, True)


@pytest.mark.django_db(transaction=True)
def test_a_total_counted_at_an_older_generation_is_counted_again(client, episodes):
    assert total(client) == (2, True)
    # As if a change had committed on another process after this one counted.
    generation = ContentGeneration.objects.get()
    generation.value += 1
    generation.save()
    assert total(client) == (2, True)


@pytest.mark.django_db(transaction=True)
def test_searches_are_always_counted(client, episodes):
    # The search backend counts its matches (on SQLite, without a COUNT query).
    for _ in range(2):
        assert total(client, EPISODES + "&search=episode")[0] == 2
    assert not pagination.page_totals._totals


@pytest.mark.django_db(transaction=True)
def test_the_totals_kept_are_bounded(client, show, episodes, monkeypatch):
    monkeypatch.setattr(pagination, "MAX_TOTALS", 2)
    for number in range(1, 6):
        total(client, f"{EPISODES}&episode_number={number}")
    assert len(pagination.page_totals._totals) <= 2


@pytest.mark.django_db
def test_inside_a_transaction_every_listing_is_counted(client, episodes):
    # The generation moves on once per transaction: a total kept here could outlive a change.
    assert total(client) == (2, True)
    assert total(client) == (2, True)
