"""RSS 2.0 writer with the Apple Podcasts (itunes) and Podcasting 2.0 (podcast) namespaces."""

import re

from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.xmlutils import SimplerXMLGenerator

from frontend_api.feeds.distribution import write_channel_distribution

ITUNES_NS = "http://www.itunes.com/dtds/podcast-1.0.dtd"
PODCAST_NS = "https://podcastindex.org/namespace/1.0"
CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
CHAPTERS_TYPE = "application/json+chapters"
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


class _TolerantXMLGenerator(SimplerXMLGenerator):
    """Drops characters XML 1.0 forbids instead of failing the whole feed over one stray byte."""

    def characters(self, content):
        super().characters(_CONTROL_CHARS.sub("", content) if content else content)

    def startElement(self, name, attrs):
        clean = {key: _CONTROL_CHARS.sub("", value) for key, value in (attrs or {}).items()}
        super().startElement(name, clean)


def _flag(value: bool) -> str:
    return "true" if value else "false"


class PodcastRssFeed(Rss201rev2Feed):
    """Writes the channel and item tags that Apple Podcasts and Podcasting 2.0 apps read."""

    # Channel extras (feed_extra_kwargs): itunes_author, owner_name, owner_email, artwork_url,
    # category, subcategory, explicit, podcast_type, podcast_guid, locked, the distribution
    # tags' (distribution.channel_distribution); websub_hubs and uses_podping (add_ping_elements).
    # Item extras (item_extra_kwargs): episode, season, season_name, explicit, episode_type,
    # duration, image_url, content_html, people, chapters_url, transcripts, soundbites.

    def write(self, outfile, encoding):
        handler = _TolerantXMLGenerator(outfile, encoding, short_empty_elements=True)
        handler.startDocument()
        self.add_stylesheets(handler)
        handler.startElement("rss", self.rss_attributes())
        handler.startElement("channel", self.root_attributes())
        self.add_root_elements(handler)
        self.add_ping_elements(handler)
        self.write_items(handler)
        self.endChannelElement(handler)
        handler.endElement("rss")

    def add_ping_elements(self, handler):
        """Where subscribers hear of changes: the WebSub hubs, and whether Podping is used."""
        for hub in self.feed["websub_hubs"]:
            handler.addQuickElement("atom:link", None, {"rel": "hub", "href": hub})
        if self.feed["uses_podping"]:
            handler.addQuickElement("podcast:podping", None, {"usesPodping": "true"})

    def rss_attributes(self):
        return {
            **super().rss_attributes(),
            "xmlns:itunes": ITUNES_NS,
            "xmlns:podcast": PODCAST_NS,
            "xmlns:content": CONTENT_NS,
        }

    def add_root_elements(self, handler):
        super().add_root_elements(handler)
        feed = self.feed
        handler.addQuickElement("itunes:author", feed["itunes_author"])
        handler.startElement("itunes:owner", {})
        handler.addQuickElement("itunes:name", feed["owner_name"])
        handler.addQuickElement("itunes:email", feed["owner_email"])
        handler.endElement("itunes:owner")
        if feed["artwork_url"]:
            handler.addQuickElement("itunes:image", None, {"href": feed["artwork_url"]})
            handler.startElement("image", {})
            handler.addQuickElement("url", feed["artwork_url"])
            handler.addQuickElement("title", feed["title"])
            handler.addQuickElement("link", feed["link"])
            handler.endElement("image")
        handler.startElement("itunes:category", {"text": feed["category"]})
        if feed["subcategory"]:
            handler.addQuickElement("itunes:category", None, {"text": feed["subcategory"]})
        handler.endElement("itunes:category")
        handler.addQuickElement("itunes:explicit", _flag(feed["explicit"]))
        handler.addQuickElement("itunes:type", feed["podcast_type"])
        handler.addQuickElement("podcast:guid", feed["podcast_guid"])
        handler.addQuickElement(
            "podcast:locked", "yes" if feed["locked"] else "no", {"owner": feed["owner_email"]}
        )
        write_channel_distribution(handler, feed)

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        handler.addQuickElement("itunes:title", item["title"])
        handler.addQuickElement("itunes:episode", str(item["episode"]))
        handler.addQuickElement("podcast:episode", str(item["episode"]))
        if item["season"] is not None:
            handler.addQuickElement("itunes:season", str(item["season"]))
            name = {"name": item["season_name"]} if item["season_name"] else {}
            handler.addQuickElement("podcast:season", str(item["season"]), name)
        handler.addQuickElement("itunes:episodeType", item["episode_type"])
        handler.addQuickElement("itunes:explicit", item["explicit"])
        if item["duration"] is not None:
            handler.addQuickElement("itunes:duration", str(item["duration"]))
        if item["image_url"]:
            handler.addQuickElement("itunes:image", None, {"href": item["image_url"]})
        if item["content_html"]:
            handler.addQuickElement("content:encoded", item["content_html"])
        for person in item["people"]:
            attrs = {"role": person["role"], "group": "cast"}
            attrs.update({key: person[key] for key in ("img", "href") if person.get(key)})
            handler.addQuickElement("podcast:person", person["name"], attrs)
        if item["chapters_url"]:
            handler.addQuickElement(
                "podcast:chapters", None, {"url": item["chapters_url"], "type": CHAPTERS_TYPE}
            )
        for transcript in item["transcripts"]:
            handler.addQuickElement("podcast:transcript", None, transcript)
        for soundbite in item["soundbites"]:
            attrs = {
                "startTime": f"{soundbite.start_seconds:.1f}",
                "duration": f"{soundbite.duration_seconds:.3f}".rstrip("0").rstrip("."),
            }
            handler.addQuickElement("podcast:soundbite", soundbite.title, attrs)
