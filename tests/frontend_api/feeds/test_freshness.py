"""ETag, Last-Modified and 304: a podcast app never keeps a stale feed after a change."""

import datetime
import time

import pytest
from django.utils import timezone
from django.utils.http import http_date

from episodes import factories as f
from episodes.models import EpisodePage, PodcastPage
from frontend_api.caching.generation import ContentGeneration
from frontend_api.feeds import freshness
from tests.support.published_site import aired, make_private, publish_episode

FEED = "/feeds/signal-noise/"
AN_HOUR_AGO = time.time() - 3600


def content_changed_at(moment: float) -> None:
    """Date the last change of published content (the content generation's row)."""
    when = datetime.datetime.fromtimestamp(moment, datetime.UTC)
    ContentGeneration.objects.update_or_create(pk=1, defaults={"changed_at": when})


def backdate_everything() -> float:
    """Move every stored moment an hour back, so Last-Modified is a past, whole second."""
    past = timezone.now() - datetime.timedelta(hours=1)
    PodcastPage.objects.update(last_published_at=past)
    EpisodePage.objects.update(last_published_at=past, broadcast_at=past)
    content_changed_at(past.timestamp())
    return past.timestamp()


@pytest.fixture
def two_episodes(show):
    return (
        publish_episode(show, title="First talk", episode_number=1, broadcast_at=aired(2)),
        publish_episode(show, title="Second talk", episode_number=2, broadcast_at=aired(1)),
    )


def test_unchanged_feed_answers_304_to_its_etag(client, two_episodes):
    first = client.get(FEED)
    assert first["Cache-Control"] == "public, no-cache"
    again = client.get(FEED, headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == first["ETag"]


def test_publish_and_unpublish_change_the_etag(
    client, show, two_episodes, django_capture_on_commit_callbacks
):
    etag = client.get(FEED)["ETag"]
    with django_capture_on_commit_callbacks(execute=True):
        publish_episode(show, title="Third talk", episode_number=3, broadcast_at=aired(0))
    after_publish = client.get(FEED, headers={"If-None-Match": etag})
    assert after_publish.status_code == 200
    assert b"Third talk" in after_publish.content

    with django_capture_on_commit_callbacks(execute=True):
        two_episodes[0].unpublish()
    after_unpublish = client.get(FEED, headers={"If-None-Match": after_publish["ETag"]})
    assert after_unpublish.status_code == 200
    assert b"First talk" not in after_unpublish.content


def test_if_modified_since_alone_sees_an_unpublish(
    client, two_episodes, django_capture_on_commit_callbacks
):
    past = backdate_everything()
    first = client.get(FEED)
    assert first["Last-Modified"] == http_date(int(past))
    unchanged = client.get(FEED, headers={"If-Modified-Since": first["Last-Modified"]})
    assert unchanged.status_code == 304

    with django_capture_on_commit_callbacks(execute=True):
        two_episodes[1].unpublish()
    changed = client.get(FEED, headers={"If-Modified-Since": first["Last-Modified"]})
    assert changed.status_code == 200
    assert b"Second talk" not in changed.content


def test_if_modified_since_alone_sees_a_renamed_guest(
    client, two_episodes, django_capture_on_commit_callbacks
):
    guest = f.PersonFactory(name="Old Name")
    two_episodes[0].guest_links.create(person=guest)
    two_episodes[0].save_revision().publish()
    backdate_everything()
    last_modified = client.get(FEED)["Last-Modified"]
    with django_capture_on_commit_callbacks(execute=True):
        guest.name = "New Name"
        guest.save()
    response = client.get(FEED, headers={"If-Modified-Since": last_modified})
    assert response.status_code == 200
    assert b"New Name" in response.content


@pytest.mark.parametrize("change", ["publish", "unpublish", "delete", "privacy", "move"])
def test_every_change_moves_the_stamp_after_commit(
    show, home, two_episodes, django_capture_on_commit_callbacks, change
):
    content_changed_at(AN_HOUR_AGO)
    first, second = two_episodes
    other_show = f.PodcastPageFactory(parent=home, slug="other-show")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        if change == "publish":
            first.save_revision().publish()
        elif change == "unpublish":
            first.unpublish()
        elif change == "delete":
            first.delete()
        elif change == "privacy":
            make_private(first)
        else:
            second.move(other_show, pos="last-child")
    # Nothing moves before the transaction commits...
    assert freshness.changed_at() == pytest.approx(AN_HOUR_AGO)
    for callback in callbacks:
        callback()
    # ...and the stamp moves once it has.
    assert freshness.changed_at() > AN_HOUR_AGO


@pytest.mark.django_db
def test_content_never_changed_counts_as_a_change_now():
    ContentGeneration.objects.all().delete()
    before = time.time()
    assert freshness.changed_at() >= before


def test_last_modified_is_withheld_during_the_current_second():
    assert freshness.last_modified(time.time()) is None
    assert freshness.last_modified(1_700_000_000.7, None) == 1_700_000_000
    when = datetime.datetime(2026, 1, 5, 8, 0, 0, 500_000, tzinfo=datetime.UTC)
    assert freshness.last_modified(when, 1_000.0) == int(when.timestamp())
    assert freshness.last_modified(None) is None
