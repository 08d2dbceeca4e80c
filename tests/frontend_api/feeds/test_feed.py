"""The podcast feed: every field, read back by feedparser and by an XML parser."""

import datetime
import io
import xml.etree.ElementTree as ET

import feedparser
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from episodes import factories as f
from frontend_api.feeds.show_feed import podcast_guid
from frontend_api.loading.links import frontend_url
from tests.support.published_site import aired, make_private, publish_episode, transcript

NS = {
    "itunes": "http://www.itunes.com/dtds/podcast-1.0.dtd",
    "podcast": "https://podcastindex.org/namespace/1.0",
    "content": "http://purl.org/rss/1.0/modules/content/",
    "atom": "http://www.w3.org/2005/Atom",
}
FEED = "/feeds/signal-noise/"


@pytest.fixture
def people():
    host = f.PersonFactory(
        name="Camille Martin",
        role="Host",
        photo=f.ImageFactory(title="Camille"),
        links=[{"type": "link", "value": {"label": "Site", "url": "https://camille.example"}}],
    )
    guest = f.PersonFactory(name="Inès Duval", role="Founder of Atelier Nord")
    return host, guest


@pytest.fixture
def full_episode(show, people):
    """An episode that sets every field the feed can show."""
    host, guest = people
    page = f.EpisodePageFactory.build(
        title="Pricing without fear",
        slug="pricing-without-fear",
        episode_number=12,
        season=2,
        episode_type="bonus",
        broadcast_at=datetime.datetime(2026, 3, 2, 7, 30, tzinfo=datetime.UTC),
        audio_url="https://audio.example.com/pricing.mp3",
        audio_duration=datetime.timedelta(minutes=41, seconds=5),
        audio_size=39_400_000,
        audio_mime_type="audio/mpeg",
        cover_image=f.ImageFactory(title="Cover"),
        transcript_file=transcript(),
        summary='<p>How a <b>small</b> studio raised its prices. <a href="https://example.org">Notes</a></p>',
        body=[
            f.heading("Why prices stay low", timestamp="1:10"),
            f.paragraph("<p>Most founders guess their price once and never revisit it.</p>"),
            f.pull_quote("Say the number, then stop talking.", speaker=guest, timestamp="4:05"),
            f.heading("The first increase", level="h3"),
            f.pull_quote("Nobody left.", speaker_name="A listener", timestamp="9:30"),
            f.faq(
                [
                    f.faq_item(
                        "How often should prices change?",
                        "<p>Once a year is a good rhythm.</p>",
                        quote="Every January.",
                        speaker=host,
                    )
                ]
            ),
            f.embed("https://www.youtube.com/watch?v=abc"),
        ],
    )
    show.add_child(instance=page)
    page.host_links.create(person=host)
    page.guest_links.create(person=guest)
    page.save_revision().publish()
    return page


def parse(response):
    assert response.status_code == 200, response.content[:500]
    assert response["Content-Type"] == "application/rss+xml; charset=utf-8"
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.bozo_exception
    return parsed, ET.fromstring(response.content)


def namespaces(content: bytes) -> dict[str, str]:
    return dict(ns for _, ns in ET.iterparse(io.BytesIO(content), events=("start-ns",)))


def test_namespaces_are_declared(client, full_episode):
    declared = namespaces(client.get(FEED).content)
    assert declared == NS


def test_channel_fields(client, full_episode, show):
    parsed, root = parse(client.get(FEED))
    channel = parsed.feed
    assert channel.title == "Signal & Noise"
    assert channel.link == "http://localhost:3000/signal-noise/"
    assert channel.subtitle == "Conversations about how small companies grow."
    assert channel.language == "fr"
    assert channel.rights == "© 2026 Signal Studio"
    # feedparser lets itunes:owner's name overwrite author, so read itunes:author directly.
    assert root.findtext("channel/itunes:author", namespaces=NS) == "Signal Studio"
    assert channel.publisher_detail == {"name": "Camille Martin", "email": "owner@example.com"}
    artwork = show.artwork.get_rendition("fill-3000x3000|format-jpeg")
    assert channel.image.href == "http://localhost:8000" + artwork.url
    assert (artwork.width, artwork.height) == (1400, 1400)
    assert [tag.term for tag in channel.tags] == ["Business", "Entrepreneurship"]
    # feedparser only understands the older "yes"/"clean"; Apple documents "true"/"false".
    assert root.findtext("channel/itunes:explicit", namespaces=NS) == "false"
    assert channel.itunes_type == "episodic"
    assert channel.podcast_guid == podcast_guid("http://localhost:8000/feeds/signal-noise/")
    self_link = root.find("channel/atom:link", NS)
    assert self_link.attrib == {"href": "http://localhost:8000/feeds/signal-noise/", "rel": "self"}
    category = root.find("channel/itunes:category", NS)
    assert category.get("text") == "Business"
    assert category.find("itunes:category", NS).get("text") == "Entrepreneurship"
    locked = root.find("channel/podcast:locked", NS)
    assert (locked.text, locked.get("owner")) == ("yes", "owner@example.com")
    rss_image = root.find("channel/image")
    assert rss_image.findtext("url") == channel.image.href
    assert rss_image.findtext("link") == channel.link


def test_item_fields(client, full_episode, people):
    host, _ = people
    parsed, root = parse(client.get(FEED))
    (entry,) = parsed.entries
    assert entry.title == "Pricing without fear"
    assert entry.link == "http://localhost:3000/signal-noise/pricing-without-fear/"
    assert entry.link == frontend_url(full_episode)
    assert entry.id == str(full_episode.translation_key)
    assert entry.guidislink is False
    assert entry.published == "Mon, 02 Mar 2026 07:30:00 +0000"
    assert entry.summary == (
        '<p>How a <b>small</b> studio raised its prices. <a href="https://example.org">Notes</a></p>'
    )
    (enclosure,) = entry.enclosures
    assert enclosure == {
        "href": "https://audio.example.com/pricing.mp3",
        "length": "39400000",
        "type": "audio/mpeg",
    }
    assert entry.itunes_title == "Pricing without fear"
    assert entry.itunes_episode == "12"
    assert entry.itunes_season == "2"
    assert entry.itunes_episodetype == "bonus"
    assert entry.itunes_duration == "2465"
    cover = full_episode.cover_image.get_rendition("fill-3000x3000|format-jpeg")
    assert entry.image.href == "http://localhost:8000" + cover.url

    assert entry.content[0].value == "\n".join(
        [
            "<h2>Why prices stay low</h2>",
            "<p>Most founders guess their price once and never revisit it.</p>",
            "<blockquote><p>Say the number, then stop talking.</p><p>— Inès Duval</p></blockquote>",
            "<h3>The first increase</h3>",
            "<blockquote><p>Nobody left.</p><p>— A listener</p></blockquote>",
            "<h2>Frequently asked questions</h2>",
            "<h3>How often should prices change?</h3>",
            "<p>Once a year is a good rhythm.</p>",
            "<blockquote><p>Every January.</p><p>— Camille Martin</p></blockquote>",
            '<p><a href="https://www.youtube.com/watch?v=abc">'
            "https://www.youtube.com/watch?v=abc</a></p>",
        ]
    )

    item = root.find("channel/item")
    assert item.findtext("podcast:episode", namespaces=NS) == "12"
    assert item.findtext("podcast:season", namespaces=NS) == "2"
    persons = [(p.text, p.attrib) for p in item.findall("podcast:person", NS)]
    photo = host.photo.get_rendition("fill-400x400|format-jpeg")
    assert persons == [
        (
            "Camille Martin",
            {
                "role": "host",
                "group": "cast",
                "img": "http://localhost:8000" + photo.url,
                "href": "https://camille.example",
            },
        ),
        ("Inès Duval", {"role": "guest", "group": "cast"}),
    ]
    assert item.find("podcast:chapters", NS).attrib == {
        "url": "http://localhost:8000/feeds/signal-noise/chapters/12.json",
        "type": "application/json+chapters",
    }
    assert item.find("podcast:transcript", NS).attrib == {
        "url": "http://localhost:8000" + full_episode.transcript_file.url,
        "type": "text/vtt",
        "language": "fr",
        "rel": "captions",
    }


APPLE_CHANNEL_REQUIRED = [
    "title",
    "description",
    "language",
    "itunes:image",
    "itunes:category",
    "itunes:explicit",
]
APPLE_CHANNEL_RECOMMENDED = ["link", "copyright", "itunes:author", "itunes:owner/itunes:email"]
APPLE_CHANNEL_RECOMMENDED += ["itunes:type"]
APPLE_ITEM_REQUIRED = ["title", "enclosure", "guid"]
APPLE_ITEM_RECOMMENDED = ["pubDate", "description", "link", "itunes:duration", "itunes:image"]
APPLE_ITEM_RECOMMENDED += ["itunes:episode", "itunes:season", "itunes:episodeType"]


def test_tags_apple_requires_and_recommends(client, full_episode):
    _, root = parse(client.get(FEED))
    channel = root.find("channel")
    for path in APPLE_CHANNEL_REQUIRED + APPLE_CHANNEL_RECOMMENDED:
        element = channel.find(path, NS)
        assert element is not None, path
        assert (element.text or element.get("href") or element.get("text") or "").strip(), path
    assert channel.findtext("itunes:explicit", namespaces=NS) in ("true", "false")
    item = channel.find("item")
    for path in APPLE_ITEM_REQUIRED + APPLE_ITEM_RECOMMENDED:
        element = item.find(path, NS)
        assert element is not None, path
        assert (element.text or element.get("href") or element.get("url") or "").strip(), path
    assert set(item.find("enclosure").attrib) == {"url", "length", "type"}


def test_episodes_newest_first_with_optional_fields_left_out(client, show):
    publish_episode(show, title="Oldest", episode_number=1, broadcast_at=aired(30))
    publish_episode(show, title="Newest", episode_number=3, broadcast_at=aired(1))
    publish_episode(show, title="Middle", episode_number=2, broadcast_at=aired(10), body=[])
    parsed, root = parse(client.get(FEED))
    assert [entry.title for entry in parsed.entries] == ["Newest", "Middle", "Oldest"]
    middle = root.findall("channel/item")[1]
    for absent in ("itunes:season", "podcast:season", "itunes:image", "podcast:person"):
        assert middle.find(absent, NS) is None, absent
    # No heading has a moment in the audio, so there are no chapters to link to.
    assert middle.find("podcast:chapters", NS) is None
    assert middle.find("podcast:transcript", NS) is None


def test_uploaded_audio_is_an_absolute_cms_url(client, show):
    audio = transcript("episode.mp3")
    publish_episode(show, title="Uploaded", audio_url="", audio_file=audio, audio_size=None)
    parsed, _ = parse(client.get(FEED))
    (enclosure,) = parsed.entries[0].enclosures
    assert enclosure.href == "http://localhost:8000" + audio.url
    # No size typed in and none recorded on the document: the file's own size.
    assert audio.file_size is None
    assert enclosure.length == str(audio.file.size) == "39"


def test_episode_without_audio_is_left_out(client, show):
    publish_episode(show, title="Article only", audio_url="")
    publish_episode(show, title="With audio")
    parsed, _ = parse(client.get(FEED))
    assert [entry.title for entry in parsed.entries] == ["With audio"]


def test_podcast_guid_follows_the_spec_examples():
    # The two examples given by the Podcasting 2.0 guid specification.
    assert podcast_guid("https://mp3s.nashownotes.com/pc20rss.xml") == (
        "917393e3-1b1e-5cef-ace4-edaa54e1f810"
    )
    assert podcast_guid("http://podnews.net/rss/") == "9b024349-ccf0-5f69-a609-6b82873eab3c"


def test_explicit_serial_show_and_category_without_subcategory(client, show):
    show.explicit = True
    show.podcast_type = "serial"
    show.apple_category = "History"
    show.save_revision().publish()
    publish_episode(show)
    parsed, root = parse(client.get(FEED))
    assert root.findtext("channel/itunes:explicit", namespaces=NS) == "true"
    assert parsed.feed.itunes_type == "serial"
    category = root.find("channel/itunes:category", NS)
    assert category.get("text") == "History"
    assert list(category) == []


def test_control_characters_are_dropped_not_fatal(client, show):
    publish_episode(show, title="Bell\x07 and tab\tkept")
    parsed, _ = parse(client.get(FEED))
    assert parsed.entries[0].title == "Bell and tab\tkept"


def test_unknown_show_is_404(client, show):
    assert client.get("/feeds/no-such-show/").status_code == 404
    assert client.get("/feeds/bad%00slug/").status_code == 404


def test_query_count_does_not_grow_with_episodes(client, show, people):
    host, guest = people

    def add(number: int):
        page = publish_episode(
            show,
            episode_number=number,
            cover_image=f.ImageFactory(),
            body=[
                f.heading("Start", timestamp="0:10"),
                f.pull_quote("A quote.", speaker=guest, timestamp="1:00"),
                f.image(f.ImageFactory(), alt="A picture"),
            ],
        )
        page.host_links.create(person=host)
        page.guest_links.create(person=guest)
        page.save_revision().publish()

    add(1)
    add(2)
    client.get(FEED)  # Renditions are made once, on the first request.
    with CaptureQueriesContext(connection) as two:
        client.get(FEED)
    for number in range(3, 9):
        add(number)
    client.get(FEED)
    with CaptureQueriesContext(connection) as eight:
        parsed, root = parse(client.get(FEED))
    assert len(parsed.entries) == 8
    for item in root.findall("channel/item"):
        assert len(item.findall("podcast:person", NS)) == 2
        assert item.find("itunes:image", NS) is not None
    assert len(eight) == len(two), [q["sql"] for q in eight.captured_queries]


def test_rich_text_links_point_at_the_frontend(client, show):
    target = publish_episode(show, title="Earlier talk", slug="earlier-talk", broadcast_at=aired(9))
    hidden = publish_episode(show, title="Hidden talk", slug="hidden-talk", broadcast_at=aired(8))
    make_private(hidden)
    publish_episode(
        show,
        title="Linking",
        broadcast_at=aired(1),
        summary=f'<p>Follows <a linktype="page" id="{target.pk}">an earlier talk</a>.</p>',
        body=[
            f.paragraph(f'<p>See <a linktype="page" id="{hidden.pk}">this one</a>.</p>'),
            f.faq([f.faq_item("Where?", f'<p><a linktype="page" id="{target.pk}">Here</a></p>')]),
        ],
    )
    parsed, _ = parse(client.get(FEED))
    entry = parsed.entries[0]
    target_url = "http://localhost:3000/signal-noise/earlier-talk/"
    assert entry.summary == f'<p>Follows <a href="{target_url}">an earlier talk</a>.</p>'
    content = entry.content[0].value
    assert "<p>See <a>this one</a>.</p>" in content
    assert f'<p><a href="{target_url}">Here</a></p>' in content
    assert "linktype" not in client.get(FEED).content.decode()
