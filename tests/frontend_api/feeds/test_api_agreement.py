"""The API and the feed describe an episode's audio and transcript identically."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from wagtail.models import Collection, CollectionViewRestriction

from episodes.transcripts.parsing import Cue
from episodes.transcripts.storage import store_transcript
from tests.support.published_site import publish_episode, transcript

NS = {
    "itunes": "http://www.itunes.com/dtds/podcast-1.0.dtd",
    "podcast": "https://podcastindex.org/namespace/1.0",
}

pytestmark = pytest.mark.django_db


def api_episode(client, episode) -> dict:
    response = client.get(f"/api/v2/pages/{episode.pk}/")
    assert response.status_code == 200, response.content
    return response.json()


def feed_item(client, show) -> ET.Element:
    response = client.get(f"/feeds/{show.slug}/")
    assert response.status_code == 200
    (item,) = ET.fromstring(response.content).findall("channel/item")
    return item


def feed_audio(item: ET.Element) -> dict:
    """The feed's enclosure and duration in the API's shape (its "0" length means unknown)."""
    enclosure = item.find("enclosure").attrib
    duration = item.find("itunes:duration", NS)
    return {
        "url": enclosure["url"],
        "mime_type": enclosure["type"],
        "size": int(enclosure["length"]) or None,
        "duration_seconds": int(duration.text) if duration is not None else None,
    }


def test_an_uploaded_file_without_a_typed_size_has_its_real_size_in_both(client, show):
    audio = transcript("episode.m4a")
    episode = publish_episode(
        show,
        audio_url="",
        audio_file=audio,
        audio_size=None,
        audio_mime_type="audio/mp4",
        audio_duration=datetime.timedelta(minutes=3, seconds=7),
    )
    assert audio.file_size is None  # nothing recorded on the document: the file is read
    api = api_episode(client, episode)["audio"]
    assert api == {
        "url": "http://localhost:8000" + audio.url,
        "mime_type": "audio/mp4",
        "size": audio.file.size,
        "duration_seconds": 187,
    }
    assert feed_audio(feed_item(client, show)) == api


def test_an_external_url_has_the_typed_size_in_both(client, show):
    episode = publish_episode(
        show,
        audio_url="https://audio.example.com/42.mp3",
        audio_size=31_000_123,
        audio_duration=datetime.timedelta(minutes=50),
    )
    api = api_episode(client, episode)["audio"]
    assert api == {
        "url": "https://audio.example.com/42.mp3",
        "mime_type": "audio/mpeg",
        "size": 31_000_123,
        "duration_seconds": 3000,
    }
    assert feed_audio(feed_item(client, show)) == api


def test_an_unknown_size_is_null_in_the_api_and_zero_in_the_feed(client, show):
    episode = publish_episode(show, audio_url="https://audio.example.com/1.mp3", audio_size=None)
    assert api_episode(client, episode)["audio"]["size"] is None
    assert feed_item(client, show).find("enclosure").attrib["length"] == "0"


def feed_tags(item: ET.Element) -> list[dict]:
    return [tag.attrib for tag in item.findall("podcast:transcript", NS)]


def api_tags(api: dict) -> list[dict]:
    """The API's formats as the feed's attributes (null rel left out)."""
    return [
        {name: value for name, value in {**fmt, "language": api["language"]}.items() if value}
        for fmt in api["formats"]
    ]


def test_a_transcript_file_is_the_same_in_both(client, show):
    document = transcript("notes.srt")
    episode = publish_episode(show, transcript_file=document)
    api = api_episode(client, episode)["transcript"]
    only_format = {
        "url": "http://localhost:8000" + document.url,
        "type": "application/x-subrip",
        "rel": "captions",
    }
    assert api == {
        **only_format,
        "language": "fr",
        "speakers": [],
        "cue_count": None,
        "formats": [only_format],
    }
    assert feed_tags(feed_item(client, show)) == api_tags(api)


def test_a_parsed_transcript_is_the_same_in_both(client, show):
    episode = publish_episode(show, transcript_file=transcript("notes.txt"))
    store_transcript(
        episode, [Cue(0, 1500, "", "Hello."), Cue(1500, 3000, "", "Bye.")], "vtt", "", "a.vtt"
    )
    api = api_episode(client, episode)["transcript"]
    assert (api["language"], api["cue_count"], api["speakers"]) == ("fr", 2, [])
    assert [fmt["type"] for fmt in api["formats"]] == [
        "text/vtt",
        "application/x-subrip",
        "application/json",
        "text/html",
    ]
    tags = feed_tags(feed_item(client, show))
    assert tags == api_tags(api)
    assert all(tag["language"] == "fr" for tag in tags)


def test_a_plain_text_transcript_has_no_rel(client, show):
    episode = publish_episode(show, transcript_file=transcript("notes.txt"))
    api = api_episode(client, episode)["transcript"]
    (fmt,) = api["formats"]
    assert (fmt["type"], fmt["rel"]) == ("text/plain", None)
    assert feed_tags(feed_item(client, show)) == api_tags(api)


def test_a_transcript_in_a_restricted_collection_is_in_neither(client, show):
    private = Collection.get_first_root_node().add_child(name="Private")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = transcript("secret.vtt")
    document.collection = private
    document.save()
    episode = publish_episode(show, transcript_file=document)
    assert api_episode(client, episode)["transcript"] is None
    assert feed_item(client, show).find("podcast:transcript", NS) is None


def test_no_transcript_is_null(client, show):
    episode = publish_episode(show)
    assert api_episode(client, episode)["transcript"] is None
