"""The broken-feed corpus: the valid feed with one defect each yields exactly that rule's id."""

import io
from collections.abc import Callable

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from lxml import etree
from PIL import Image

from frontend_api.feeds.validation import RULES, check_feed
from frontend_api.feeds.validation.building import document_for, render_feed
from frontend_api.feeds.validation.document import NAMESPACES
from frontend_api.loading.links import absolute_url

PODCAST = f"{{{NAMESPACES['podcast']}}}"


def stored_image(name: str, size: tuple[int, int], image_format: str) -> str:
    """Save a generated image in the media storage; its absolute URL."""
    buffer = io.BytesIO()
    Image.new("RGB", size, "teal").save(buffer, image_format)
    stored = default_storage.save(f"feed-check-corpus/{name}", ContentFile(buffer.getvalue()))
    return absolute_url(settings.MEDIA_URL + stored)


class Feed:
    """The valid feed's tree, with shortcuts to the elements the mutations change."""

    def __init__(self, content: bytes):
        self.root = etree.fromstring(content)
        self.channel = self.root.find("channel")
        self.items = self.channel.findall("item")
        self.item = self.items[0]

    def at(self, element, path: str):
        found = element.find(path, NAMESPACES)
        assert found is not None, path
        return found

    def set_text(self, element, path: str, text: str) -> dict:
        self.at(element, path).text = text
        return {}

    def remove(self, element, path: str) -> dict:
        found = self.at(element, path)
        found.getparent().remove(found)
        return {}

    def set_attribute(self, element, path: str, name: str, value: str) -> dict:
        self.at(element, path).set(name, value)
        return {}

    def channel_artwork(self, href: str) -> dict:
        return self.set_attribute(self.channel, "itunes:image", "href", href)

    def add(self, tag: str, text: str) -> dict:
        prefix, name = tag.split(":")
        etree.SubElement(self.channel, f"{{{NAMESPACES[prefix]}}}{name}").text = text
        return {}

    def add_soundbite(self, start: str, duration: str) -> dict:
        etree.SubElement(self.item, PODCAST + "soundbite", startTime=start, duration=duration)
        return {}

    def add_person(self, group: str) -> dict:
        person = etree.SubElement(self.item, PODCAST + "person", group=group, role="host")
        person.text = "Someone"
        return {}


# rule id -> one defect, applied to the valid feed; a mutation may return FeedDocument context.
Mutation = Callable[[Feed], dict]
CORPUS: dict[str, Mutation] = {
    "channel-title-missing": lambda f: f.set_text(f.channel, "title", ""),
    "channel-description-missing": lambda f: f.set_text(f.channel, "description", " "),
    "channel-description-too-long": lambda f: f.set_text(f.channel, "description", "x" * 4001),
    "channel-language-invalid": lambda f: f.set_text(f.channel, "language", "French"),
    "channel-link-missing": lambda f: f.remove(f.channel, "link"),
    "channel-author-missing": lambda f: f.remove(f.channel, "itunes:author"),
    "owner-email-invalid": lambda f: f.set_text(
        f.channel, "itunes:owner/itunes:email", "owner at example"
    ),
    "category-invalid": lambda f: f.set_attribute(
        f.channel, "itunes:category/itunes:category", "text", "Growth Hacking"
    ),
    "explicit-invalid": lambda f: f.set_text(f.channel, "itunes:explicit", "clean"),
    "itunes-type-invalid": lambda f: f.set_text(f.channel, "itunes:type", "weekly"),
    "item-title-missing": lambda f: f.set_text(f.item, "title", ""),
    "item-description-too-long": lambda f: f.set_text(f.item, "description", "y" * 4001),
    "enclosure-missing": lambda f: f.remove(f.item, "enclosure"),
    "enclosure-url-invalid": lambda f: f.set_attribute(f.item, "enclosure", "url", "ep1.mp3"),
    "enclosure-not-https": lambda f: {
        **f.set_attribute(f.item, "enclosure", "url", "http://audio.example.com/ep1.mp3"),
        "require_https": True,
    },
    "enclosure-length-invalid": lambda f: f.set_attribute(f.item, "enclosure", "length", "40MB"),
    "enclosure-length-unknown": lambda f: f.set_attribute(f.item, "enclosure", "length", "0"),
    "enclosure-type-invalid": lambda f: f.set_attribute(f.item, "enclosure", "type", "text/html"),
    "enclosure-type-unsupported": lambda f: f.set_attribute(
        f.item, "enclosure", "type", "audio/ogg"
    ),
    "duration-missing": lambda f: f.remove(f.item, "itunes:duration"),
    "duration-invalid": lambda f: f.set_text(f.item, "itunes:duration", "40 minutes"),
    "guid-missing": lambda f: f.set_text(f.item, "guid", ""),
    "duplicate-guid": lambda f: f.set_text(f.items[1], "guid", f.at(f.item, "guid").text),
    "guid-shared-with-other-show": lambda f: {
        "other_show_guids": {f.at(f.item, "guid").text: "Another show"}
    },
    "pubdate-invalid": lambda f: f.set_text(f.item, "pubDate", "last Tuesday"),
    "pubdate-in-future": lambda f: f.set_text(f.item, "pubDate", "Thu, 01 Jan 2099 07:00:00 +0000"),
    "episode-type-invalid": lambda f: f.set_text(f.item, "itunes:episodeType", "extra"),
    "itunes-episode-invalid": lambda f: f.set_text(f.item, "itunes:episode", "0"),
    "artwork-missing": lambda f: f.remove(f.channel, "itunes:image"),
    "artwork-unreadable": lambda f: f.channel_artwork(
        absolute_url(settings.MEDIA_URL + "feed-check-corpus/gone.jpg")
    ),
    "artwork-format": lambda f: f.channel_artwork(stored_image("artwork.gif", (1400, 1400), "GIF")),
    "artwork-size": lambda f: f.channel_artwork(stored_image("small.png", (1000, 1000), "PNG")),
    "artwork-not-square": lambda f: f.channel_artwork(
        stored_image("tall.png", (1400, 1600), "PNG")
    ),
    "artwork-type-mismatch": lambda f: f.channel_artwork(
        stored_image("really-png.jpg", (1400, 1400), "PNG")
    ),
    "podcast-guid-invalid": lambda f: f.set_text(
        f.channel, "podcast:guid", "0f8fad5b-d9cb-469f-a165-70867728950e"
    ),
    "podcast-locked-invalid": lambda f: f.set_text(f.channel, "podcast:locked", "maybe"),
    "podcast-person-invalid": lambda f: f.add_person(group="friends"),
    "podcast-chapters-invalid": lambda f: f.set_attribute(
        f.item, "podcast:chapters", "type", "application/json"
    ),
    "podcast-transcript-invalid": lambda f: f.set_attribute(
        f.item, "podcast:transcript", "rel", "subtitles"
    ),
    "podcast-numbering-invalid": lambda f: f.set_text(f.item, "podcast:season", "two"),
    "podcast-funding-invalid": lambda f: f.set_attribute(
        f.channel, "podcast:funding", "url", "support.example.com"
    ),
    "podcast-txt-invalid": lambda f: f.set_attribute(
        f.channel, "podcast:txt", "purpose", "p" * 129
    ),
    "podcast-podroll-invalid": lambda f: f.set_attribute(
        f.channel, "podcast:podroll/podcast:remoteItem", "feedGuid", "friends-of-the-show"
    ),
    "podcast-license-invalid": lambda f: f.set_text(f.channel, "podcast:license", "house-rules"),
    "podcast-medium-invalid": lambda f: f.set_text(f.channel, "podcast:medium", "radio"),
    "podcast-location-invalid": lambda f: f.set_attribute(
        f.channel, "podcast:location", "geo", "45.7578,4.832"
    ),
    "podcast-update-frequency-invalid": lambda f: f.set_attribute(
        f.channel, "podcast:updateFrequency", "rrule", "every monday"
    ),
    "podcast-trailer-invalid": lambda f: f.set_attribute(
        f.channel, "podcast:trailer", "pubdate", "next week"
    ),
    "new-feed-url-invalid": lambda f: f.add("itunes:new-feed-url", "feeds.example.net/signal"),
    "feed-moved": lambda f: f.add("itunes:new-feed-url", "https://feeds.example.net/signal"),
    "podcast-soundbite-invalid": lambda f: f.add_soundbite(start="73.0", duration="8.5"),
}


@pytest.fixture
def valid_feed(valid_show) -> bytes:
    return render_feed(valid_show)


def findings_of(show, content: bytes, **context):
    feed = document_for(show, content=content)
    for name, value in context.items():
        setattr(feed, name, value)
    return check_feed(feed)


def test_the_valid_feed_breaks_no_rule(valid_show, valid_feed):
    assert findings_of(valid_show, valid_feed) == []


def test_the_corpus_covers_every_rule():
    assert set(CORPUS) | {"xml-malformed"} == set(RULES)
    assert len(RULES) >= 20


@pytest.mark.parametrize("rule_id", sorted(CORPUS))
def test_one_defect_yields_exactly_its_rule(valid_show, valid_feed, rule_id):
    feed = Feed(valid_feed)
    context = CORPUS[rule_id](feed)
    findings = findings_of(valid_show, etree.tostring(feed.root), **context)
    assert {finding.rule for finding in findings} == {rule_id}, findings
    assert all(finding.message for finding in findings)
    assert all(finding.severity == RULES[rule_id].severity for finding in findings)


@pytest.mark.parametrize(
    "content",
    [b"", b"<rss><channel><title>Cut short", b"<html><body>Not a feed</body></html>"],
    ids=["empty", "truncated", "not-rss"],
)
def test_malformed_xml_yields_only_its_rule(valid_show, content):
    findings = findings_of(valid_show, content)
    assert [finding.rule for finding in findings] == ["xml-malformed"]


def test_item_findings_name_the_episode(valid_show, valid_feed):
    feed = Feed(valid_feed)
    feed.remove(feed.item, "itunes:duration")
    (finding,) = findings_of(valid_show, etree.tostring(feed.root))
    assert finding.where == f"Episode “{feed.at(feed.item, 'title').text}”"
    assert finding.item_guid == feed.at(feed.item, "guid").text
