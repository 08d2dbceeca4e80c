"""The show's distribution tags: funding, txt, podroll, license, medium, location, update
frequency, trailers and the move to a new feed; what each says and how it is written."""

from collections.abc import Iterable
from typing import Any

from django.utils.feedgenerator import rfc2822_date

from episodes.distribution import TEXT_LIMIT
from episodes.models import EpisodePage, PodcastPage
from frontend_api.pages.episode_media import episode_audio


def _stream(values: Iterable[Any]) -> list[dict]:
    """The stored blocks' values as plain dicts, skipping any that lost their fields."""
    return [dict(child.value) for child in values]


def _trailers(episodes: Iterable[EpisodePage]) -> list[dict]:
    """podcast:trailer attributes (and title) of each trailer episode in the feed."""
    trailers = []
    for episode in episodes:
        audio = episode_audio(episode) if episode.episode_type == "trailer" else None
        if audio is None:
            continue
        attrs = {"url": audio["url"], "pubdate": rfc2822_date(episode.broadcast_at)}
        if audio["size"]:
            attrs["length"] = str(audio["size"])
        if audio["mime_type"]:
            attrs["type"] = audio["mime_type"]
        if episode.season is not None:
            attrs["season"] = str(episode.season)
        trailers.append({"title": episode.title[:TEXT_LIMIT], "attrs": attrs})
    return trailers


def _update_frequency(show: PodcastPage) -> dict | None:
    if not show.update_frequency:
        return None
    attrs = {}
    if show.complete:
        attrs["complete"] = "true"
    if show.update_starts_at:
        attrs["dtstart"] = show.update_starts_at.isoformat()
    if show.update_rule:
        attrs["rrule"] = show.update_rule
    return {"label": show.update_frequency, "attrs": attrs}


def channel_distribution(show: PodcastPage, episodes: Iterable[EpisodePage]) -> dict:
    """The feed_extra_kwargs these tags read."""
    license_attrs = {"url": show.license_url} if show.license_url else {}
    return {
        "funding": _stream(show.funding_links),
        "verification_codes": _stream(show.verification_codes),
        "podroll": _stream(show.recommended_shows),
        "license": {"name": show.license, "attrs": license_attrs} if show.license else None,
        "medium": show.medium,
        "locations": _stream(show.locations),
        "update_frequency": _update_frequency(show),
        "trailers": _trailers(episodes),
        "new_feed_url": show.moved_to_url,
    }


def season_names(show: PodcastPage) -> dict[int | None, str]:
    """Season number -> name; None (no season) is never a key."""
    return {child.value["season"]: child.value["name"] for child in show.season_names}


def write_channel_distribution(handler: Any, feed: dict) -> None:
    """Writes the channel tags channel_distribution() described."""
    if feed["new_feed_url"]:
        handler.addQuickElement("itunes:new-feed-url", feed["new_feed_url"])
    handler.addQuickElement("podcast:medium", feed["medium"])
    for link in feed["funding"]:
        handler.addQuickElement("podcast:funding", link["label"], {"url": link["url"]})
    for code in feed["verification_codes"]:
        handler.addQuickElement("podcast:txt", code["code"], {"purpose": code["purpose"]})
    if feed["license"]:
        handler.addQuickElement(
            "podcast:license", feed["license"]["name"], feed["license"]["attrs"]
        )
    for place in feed["locations"]:
        attrs = {"rel": place["rel"]}
        attrs.update({key: place[key] for key in ("geo", "osm", "country") if place[key]})
        handler.addQuickElement("podcast:location", place["name"], attrs)
    if feed["update_frequency"]:
        frequency = feed["update_frequency"]
        handler.addQuickElement("podcast:updateFrequency", frequency["label"], frequency["attrs"])
    for trailer in feed["trailers"]:
        handler.addQuickElement("podcast:trailer", trailer["title"], trailer["attrs"])
    if feed["podroll"]:
        handler.startElement("podcast:podroll", {})
        for show in feed["podroll"]:
            attrs = {"feedGuid": show["feed_guid"]}
            if show["feed_url"]:
                attrs["feedUrl"] = show["feed_url"]
            if show["title"]:
                attrs["title"] = show["title"]
            handler.addQuickElement("podcast:remoteItem", None, attrs)
        handler.endElement("podcast:podroll")
