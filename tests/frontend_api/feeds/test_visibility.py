"""Unpublished, private, future and expired episodes never reach the feed, chapters or sitemap."""

import datetime

import pytest
from django.utils import timezone

from episodes import factories as f
from episodes.models import PodcastPage
from tests.support.published_site import aired, make_private, publish_episode

FEED = "/feeds/signal-noise/"


def hidden_episodes(show) -> dict[str, object]:
    """One episode for each way of being hidden, each with a marker in its title and slug."""
    draft = f.EpisodePageFactory(parent=show, title="marker-draft", live=False, episode_number=101)
    draft.save_revision()
    unpublished = publish_episode(show, title="marker-unpublished", episode_number=102)
    unpublished.unpublish()
    private = publish_episode(show, title="marker-private", episode_number=103)
    make_private(private)
    future = publish_episode(
        show,
        title="marker-future",
        episode_number=104,
        broadcast_at=timezone.now() + datetime.timedelta(hours=1),
    )
    expired = publish_episode(show, title="marker-expired", episode_number=105)
    # Past its expiry, but the scheduler hasn't run yet to unpublish it.
    type(expired).objects.filter(pk=expired.pk).update(
        expire_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    return {
        "draft": draft,
        "unpublished": unpublished,
        "private": private,
        "future": future,
        "expired": expired,
    }


@pytest.fixture
def hidden(show):
    publish_episode(show, title="Visible episode", episode_number=1, broadcast_at=aired(3))
    return hidden_episodes(show)


def test_feed_shows_only_the_public_aired_episode(client, hidden):
    content = client.get(FEED).content.decode()
    assert "Visible episode" in content
    assert "marker" not in content


@pytest.mark.parametrize("name", ["draft", "unpublished", "private", "future", "expired"])
def test_chapters_of_hidden_episodes_are_404(client, hidden, name):
    number = hidden[name].episode_number
    response = client.get(f"/feeds/signal-noise/chapters/{number}.json")
    assert response.status_code == 404
    assert response.json() == {"message": "No such episode in this show."}
    assert "marker" not in response.content.decode()


def test_sitemap_lists_only_public_pages(client, hidden):
    content = client.get("/sitemap.xml").content.decode()
    assert "/signal-noise/visible-episode/" in content
    assert "marker" not in content


def test_future_episode_appears_once_aired(client, show):
    upcoming = publish_episode(show, title="Coming soon", broadcast_at=timezone.now())
    type(upcoming).objects.filter(pk=upcoming.pk).update(
        broadcast_at=timezone.now() + datetime.timedelta(days=1)
    )
    assert "Coming soon" not in client.get(FEED).content.decode()
    type(upcoming).objects.filter(pk=upcoming.pk).update(
        broadcast_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    assert "Coming soon" in client.get(FEED).content.decode()


@pytest.mark.parametrize("state", ["private", "unpublished", "expired"])
def test_hidden_show_has_no_feed_nor_chapters(client, show, state):
    publish_episode(show, title="marker-episode", episode_number=7)
    if state == "private":
        make_private(show)
    elif state == "unpublished":
        show.unpublish()
    else:
        type(show).objects.filter(pk=show.pk).update(
            expire_at=timezone.now() - datetime.timedelta(minutes=1)
        )
    assert client.get(FEED).status_code == 404
    chapters = client.get("/feeds/signal-noise/chapters/7.json")
    assert chapters.status_code == 404
    assert chapters.json() == {"message": "No such show."}
    assert "marker" not in client.get("/sitemap.xml").content.decode()


def test_private_site_section_hides_everything(client, home, show):
    publish_episode(show, title="marker-episode")
    make_private(home)
    assert client.get(FEED).status_code == 404
    assert "<url>" not in client.get("/sitemap.xml").content.decode()


@pytest.mark.parametrize("state", ["unpublished", "expired"])
def test_a_show_below_a_hidden_section_has_no_feed_nor_chapters(client, home, show, state):
    publish_episode(show, title="marker-episode", episode_number=7)
    # The section alone goes: its pages stay live, as when only a parent is unpublished.
    change = (
        {"live": False}
        if state == "unpublished"
        else {"expire_at": timezone.now() - datetime.timedelta(minutes=1)}
    )
    type(home).objects.filter(pk=home.pk).update(**change)
    assert client.get(FEED).status_code == 404
    assert client.get("/feeds/signal-noise/chapters/7.json").status_code == 404


def test_of_two_shows_with_one_slug_the_first_in_the_tree_answers(client, home, show):
    publish_episode(show, title="First show's episode")
    # Slugs are unique among siblings only: a twin elsewhere in the site is possible.
    twin = f.PodcastPageFactory(parent=home, slug="twin", title="Twin", published=True)
    PodcastPage.objects.filter(pk=twin.pk).update(slug="signal-noise")
    response = client.get(FEED)
    assert response.status_code == 200
    assert "First show's episode" in response.content.decode()
