"""The show's distribution tags, the stored GUIDs and the move to a new feed, as apps read them."""

import datetime
import importlib
from email.utils import parsedate_to_datetime

import pytest
from django.apps import apps
from django.test import override_settings
from lxml import etree
from wagtail.models import Revision

from episodes import factories as f
from episodes.distribution import KNOWN_LICENSES, MEDIUMS, is_uuid, rrule_error
from episodes.models import EpisodePage, PodcastPage
from frontend_api.feeds.show_feed import feed_url, podcast_guid
from frontend_api.feeds.validation.building import check_show, render_feed
from tests.support.distribution import (
    RECOMMENDED_GUID,
    aired_trailer_kwargs,
    distribution_settings,
)
from tests.support.published_site import aired, publish_episode

NS = {
    "itunes": "http://www.itunes.com/dtds/podcast-1.0.dtd",
    "podcast": "https://podcastindex.org/namespace/1.0",
}
FEED = "/feeds/signal-noise/"


def publish_settings(show: PodcastPage, **values) -> PodcastPage:
    for name, value in values.items():
        setattr(show, name, value)
    show.save_revision().publish()
    return PodcastPage.objects.get(pk=show.pk)


def channel_of(client, url: str = FEED):
    response = client.get(url)
    assert response.status_code == 200
    return etree.fromstring(response.content).find("channel")


@pytest.fixture
def distributed(show):
    """The show with every distribution setting, a trailer and episodes in seasons 1 and 2."""
    show = publish_settings(show, **distribution_settings())
    publish_episode(show, episode_number=3, **aired_trailer_kwargs())
    publish_episode(show, episode_number=1, season=1, broadcast_at=aired(days=5))
    publish_episode(show, episode_number=2, season=2, explicit="true", broadcast_at=aired(days=2))
    return show


def test_funding_txt_license_medium(client, distributed):
    channel = channel_of(client)
    funding = channel.findall("podcast:funding", NS)
    assert [(tag.get("url"), tag.text) for tag in funding] == [
        ("https://support.example.com/signal", "Back the show"),
        ("https://members.example.com/", "Join the club"),
    ]
    assert all(set(tag.attrib) == {"url"} and len(tag.text) <= 128 for tag in funding)
    (txt,) = channel.findall("podcast:txt", NS)
    assert (txt.get("purpose"), txt.text) == ("verify", "sig-7Qk2-owner")
    (license_,) = channel.findall("podcast:license", NS)
    assert license_.text.lower() in KNOWN_LICENSES and "url" not in license_.attrib
    (medium,) = channel.findall("podcast:medium", NS)
    assert medium.text == "podcast" and medium.text in MEDIUMS


def test_podroll_lists_remote_feeds_by_guid(client, distributed):
    (podroll,) = channel_of(client).findall("podcast:podroll", NS)
    first, second = podroll.findall("podcast:remoteItem", NS)
    assert dict(first.attrib) == {
        "feedGuid": RECOMMENDED_GUID,
        "feedUrl": "https://feeds.example.org/friends.xml",
        "title": "Friends of the show",
    }
    assert dict(second.attrib) == {"feedGuid": "9b024349-ccf0-5f69-a609-6b82873eab3c"}
    assert all(is_uuid(item.get("feedGuid")) for item in (first, second))


def test_location_and_update_frequency(client, distributed):
    channel = channel_of(client)
    (location,) = channel.findall("podcast:location", NS)
    assert location.text == "Lyon"
    assert dict(location.attrib) == {
        "rel": "creator",
        "geo": "geo:45.7578,4.832",
        "osm": "R120965",
        "country": "FR",
    }
    (frequency,) = channel.findall("podcast:updateFrequency", NS)
    assert frequency.text == "Every other Monday"
    assert set(frequency.attrib) == {"rrule", "dtstart"}
    assert rrule_error(frequency.get("rrule"), has_start=True) == ""
    start = datetime.datetime.fromisoformat(frequency.get("dtstart"))
    assert start == datetime.datetime(2026, 1, 5, 6, 0, tzinfo=datetime.UTC)


def test_a_finished_show_says_complete(client, show):
    publish_settings(show, update_frequency="That was the last one", complete=True)
    (frequency,) = channel_of(client).findall("podcast:updateFrequency", NS)
    assert dict(frequency.attrib) == {"complete": "true"}


def test_a_custom_license_carries_its_url(client, show):
    publish_settings(show, license="house-license-1", license_url="https://example.org/license")
    (license_,) = channel_of(client).findall("podcast:license", NS)
    assert (license_.text, license_.get("url")) == (
        "house-license-1",
        "https://example.org/license",
    )


def test_unset_settings_write_no_tag(client, show):
    channel = channel_of(client)
    for tag in ("funding", "txt", "podroll", "license", "location", "updateFrequency", "trailer"):
        assert channel.find(f"podcast:{tag}", NS) is None, tag
    assert channel.find("itunes:new-feed-url", NS) is None


def test_trailer_episodes_are_channel_trailers(client, distributed):
    (trailer,) = channel_of(client).findall("podcast:trailer", NS)
    episode = EpisodePage.objects.get(episode_type="trailer")
    assert trailer.text == "Coming soon: Signal & Noise"
    assert trailer.get("url") == "https://audio.example.com/coming-soon-signal-noise.mp3"
    assert parsedate_to_datetime(trailer.get("pubdate")) == episode.broadcast_at.replace(
        microsecond=0
    )
    assert (trailer.get("length"), trailer.get("type"), trailer.get("season")) == (
        "1920000",
        "audio/mpeg",
        "1",
    )


def test_season_names_and_item_explicit(client, distributed):
    items = {
        item.findtext("itunes:episode", namespaces=NS): item
        for item in channel_of(client).findall("item")
    }
    one, two = items["1"].find("podcast:season", NS), items["2"].find("podcast:season", NS)
    assert (one.text, one.get("name")) == ("1", "Starting out")
    assert (two.text, two.get("name")) == ("2", None)
    explicit = {
        number: item.findtext("itunes:explicit", namespaces=NS) for number, item in items.items()
    }
    # Episode 2 says explicit; the others follow the show (not explicit).
    assert explicit == {"3": "false", "1": "false", "2": "true"}


def test_the_feed_with_every_setting_passes_the_feed_check(distributed):
    assert check_show(distributed) == []


# GUIDs: stored at first publish, never changed afterwards.


def test_show_guid_is_stored_at_first_publish_and_survives_url_changes(client, show):
    first = podcast_guid(feed_url(show))
    assert PodcastPage.objects.get(pk=show.pk).podcast_guid == first
    show.slug = "signal-and-noise"
    show.save_revision().publish()
    with override_settings(CMS_URL="https://podcasts.example.net"):
        channel = channel_of(client, "/feeds/signal-and-noise/")
    assert channel.findtext("podcast:guid", namespaces=NS) == first
    assert PodcastPage.objects.get(pk=show.pk).podcast_guid == first


def test_a_draft_show_has_no_stored_guid_until_published(home):
    show = f.PodcastPageFactory(parent=home, slug="later-show", live=False)
    assert PodcastPage.objects.get(pk=show.pk).podcast_guid == ""
    show.save_revision().publish()
    stored = PodcastPage.objects.get(pk=show.pk).podcast_guid
    assert stored == podcast_guid(feed_url(show)) and stored


def test_episode_guid_is_stored_at_first_publish_and_kept(client, show):
    episode = publish_episode(show, episode_number=7, title="Seven")
    guid = EpisodePage.objects.get(pk=episode.pk).guid
    assert guid == str(episode.translation_key)
    episode.slug = "renamed-seven"
    episode.title = "Seven, renamed"
    episode.save_revision().publish()
    (item,) = channel_of(client).findall("item")
    assert item.findtext("guid") == guid


def test_publishing_a_revision_older_than_the_guid_keeps_the_guid(show):
    draft = f.EpisodePageFactory(parent=show, live=False, episode_number=8)
    old_revision = draft.save_revision()  # made before any GUID was stored
    draft.save_revision().publish()
    stored = EpisodePage.objects.get(pk=draft.pk).guid
    EpisodePage.objects.filter(pk=draft.pk).update(guid="imported-guid-8")
    # As the admin does it: the revision read back from the database.
    Revision.objects.get(pk=old_revision.pk).publish()
    assert EpisodePage.objects.get(pk=draft.pk).guid == "imported-guid-8" != stored


def test_migration_stores_the_guids_the_feed_computed(client, show):
    episode = publish_episode(show, episode_number=3)
    before = channel_of(client)
    PodcastPage.objects.update(podcast_guid="")
    EpisodePage.objects.update(guid="")
    migration = importlib.import_module("episodes.migrations.0009_show_distribution")
    migration.store_guids(apps, None)
    after = channel_of(client)
    assert PodcastPage.objects.get(pk=show.pk).podcast_guid == before.findtext(
        "podcast:guid", namespaces=NS
    )
    assert EpisodePage.objects.get(pk=episode.pk).guid == str(episode.translation_key)
    assert after.findtext("podcast:guid", namespaces=NS) == before.findtext(
        "podcast:guid", namespaces=NS
    )
    assert after.find("item").findtext("guid") == before.find("item").findtext("guid")


# Moving a show out.


def test_a_published_move_redirects_the_feed(client, show):
    publish_settings(show, moved_to_url="https://feeds.example.net/signal.xml")
    response = client.get(FEED)
    assert response.status_code == 301
    assert response["Location"] == "https://feeds.example.net/signal.xml"


def test_a_move_saved_as_draft_changes_nothing(client, show):
    show.moved_to_url = "https://feeds.example.net/signal.xml"
    show.save_revision()
    assert client.get(FEED).status_code == 200


def test_a_moved_feed_names_its_new_url_and_the_check_warns(show):
    show = publish_settings(show, moved_to_url="https://feeds.example.net/signal.xml")
    channel = etree.fromstring(render_feed(show)).find("channel")
    assert channel.findtext("itunes:new-feed-url", namespaces=NS) == (
        "https://feeds.example.net/signal.xml"
    )
    findings = check_show(show)
    assert [(finding.rule, finding.severity) for finding in findings] == [("feed-moved", "warning")]
