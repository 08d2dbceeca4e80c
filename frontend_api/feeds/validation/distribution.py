"""Distribution rules: the show-level Podcasting 2.0 tags (docs/tags/*.md of the namespace)
and the move of a show to a new feed."""

import re
from collections.abc import Callable
from datetime import datetime
from email.utils import parsedate_to_datetime

from lxml import etree

from episodes.distribution import (
    COUNTRY_RE,
    GEO_RE,
    KNOWN_LICENSES,
    MEDIUMS,
    OSM_RE,
    TEXT_LIMIT,
    TXT_LIMIT,
    is_uuid,
    rrule_error,
)
from frontend_api.feeds.validation.document import FeedDocument
from frontend_api.feeds.validation.items import is_web_url
from frontend_api.feeds.validation.namespace import MIME_RE
from frontend_api.feeds.validation.rules import Findings, Severity, rule

ERROR, WARNING = Severity.ERROR, Severity.WARNING
LOCATION_RELS = {"subject", "creator"}


def _text(element: etree._Element) -> str:
    return (element.text or "").strip()


def _label_error(what: str, text: str) -> str:
    """Why a node value the namespace caps at 128 characters is wrong, or ""."""
    if not text:
        return f"{what} has no text."
    if len(text) > TEXT_LIMIT:
        return f"{what} is {len(text)} characters long; the namespace allows {TEXT_LIMIT}."
    return ""


def _single(feed: FeedDocument, tag: str) -> tuple[list[etree._Element], str]:
    """The channel's elements of a tag the namespace allows once, with a message if repeated."""
    elements = feed.findall(feed.channel, tag)
    return elements, (
        f"{tag} appears {len(elements)} times; it is allowed once." if len(elements) > 1 else ""
    )


@rule(
    "podcast-funding-invalid",
    ERROR,
    "podcast:funding has an http(s) url and a 1 to 128 character label.",
)
def podcast_funding(feed: FeedDocument) -> Findings:
    for funding in feed.findall(feed.channel, "podcast:funding"):
        if not is_web_url(funding.get("url") or ""):
            yield f"The funding link “{funding.get('url')}” is not an http(s) URL.", None
        problem = _label_error("A funding link's label", _text(funding))
        if problem:
            yield problem, None


@rule(
    "podcast-txt-invalid",
    ERROR,
    "podcast:txt has a value of at most 4000 characters and a purpose of at most 128.",
)
def podcast_txt(feed: FeedDocument) -> Findings:
    for txt in feed.findall(feed.channel, "podcast:txt"):
        value = _text(txt)
        if not value or len(value) > TXT_LIMIT:
            yield f"An ownership code must be 1 to {TXT_LIMIT} characters.", None
        if len(txt.get("purpose") or "") > TEXT_LIMIT:
            yield f"An ownership code's purpose is longer than {TEXT_LIMIT} characters.", None


@rule(
    "podcast-podroll-invalid",
    ERROR,
    "One podcast:podroll of remoteItems, each with a feedGuid UUID.",
)
def podcast_podroll(feed: FeedDocument) -> Findings:
    podrolls, repeated = _single(feed, "podcast:podroll")
    if repeated:
        yield repeated, None
    for podroll in podrolls:
        items = feed.findall(podroll, "podcast:remoteItem")
        if not items:
            yield "The recommended shows list (podroll) is empty.", None
        for item in items:
            guid = item.get("feedGuid") or ""
            if not is_uuid(guid):
                yield f"A recommended show's feedGuid “{guid}” is not a podcast GUID.", None
            url = item.get("feedUrl")
            if url is not None and not is_web_url(url):
                yield f"A recommended show's feedUrl “{url}” is not an http(s) URL.", None
            medium = item.get("medium")
            if medium is not None and medium not in MEDIUMS:
                yield (
                    f"A recommended show's medium “{medium}” is not in the namespace's list.",
                    None,
                )


@rule(
    "podcast-license-invalid",
    ERROR,
    "podcast:license names a listed license, or gives the url of its text.",
)
def podcast_license(feed: FeedDocument) -> Findings:
    licenses, repeated = _single(feed, "podcast:license")
    if repeated:
        yield repeated, None
    for element in licenses:
        name, url = _text(element), element.get("url")
        problem = _label_error("The license", name)
        if problem:
            yield problem, None
        if url is not None and not is_web_url(url):
            yield f"The license url “{url}” is not an http(s) URL.", None
        elif url is None and name and name.lower() not in KNOWN_LICENSES:
            yield (
                f"The license “{name}” is not in the namespace's list: give the url of its text.",
                None,
            )


@rule("podcast-medium-invalid", ERROR, "podcast:medium, once, is one of the namespace's mediums.")
def podcast_medium(feed: FeedDocument) -> Findings:
    mediums, repeated = _single(feed, "podcast:medium")
    if repeated:
        yield repeated, None
    for element in mediums:
        if _text(element) not in MEDIUMS:
            yield (
                f"The medium “{_text(element)}” is not one the namespace lists, e.g. podcast.",
                None,
            )


@rule(
    "podcast-location-invalid",
    ERROR,
    "podcast:location has a 1 to 128 character name; rel subject or creator; a geo URI, "
    "an OSM id and a country code.",
)
def podcast_location(feed: FeedDocument) -> Findings:
    for location in feed.findall(feed.channel, "podcast:location"):
        problem = _label_error("A location's name", _text(location))
        if problem:
            yield problem, None
        checks: dict[str, Callable[[str], object]] = {
            "rel": lambda value: value in LOCATION_RELS,
            "geo": GEO_RE.fullmatch,
            "osm": OSM_RE.fullmatch,
            "country": COUNTRY_RE.fullmatch,
        }
        for attribute, valid in checks.items():
            value = location.get(attribute)
            if value is not None and not valid(value):
                yield f"The location's {attribute} “{value}” is not valid.", None


def _is_iso_datetime(value: str) -> bool:
    try:
        datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


@rule(
    "podcast-update-frequency-invalid",
    ERROR,
    "podcast:updateFrequency has a label, complete true/false, an ISO 8601 dtstart and an RRULE.",
)
def podcast_update_frequency(feed: FeedDocument) -> Findings:
    frequencies, repeated = _single(feed, "podcast:updateFrequency")
    if repeated:
        yield repeated, None
    for element in frequencies:
        problem = _label_error("The release schedule", _text(element))
        if problem:
            yield problem, None
        complete, start, rrule = (
            element.get("complete"),
            element.get("dtstart"),
            element.get("rrule"),
        )
        if complete is not None and complete not in {"true", "false"}:
            yield f"The schedule's complete flag is “{complete}”, neither true nor false.", None
        if start is not None and not _is_iso_datetime(start):
            yield f"The schedule's start “{start}” is not an ISO 8601 date.", None
        if rrule is not None:
            problem = rrule_error(rrule, start is not None)
            if problem:
                yield f"The schedule's rule “{rrule}”: {problem}", None


def _is_rfc2822(value: str) -> bool:
    try:
        parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return False
    return True


@rule(
    "podcast-trailer-invalid",
    ERROR,
    "podcast:trailer has a title, an http(s) url, an RFC 2822 pubdate; length, season numbers.",
)
def podcast_trailer(feed: FeedDocument) -> Findings:
    for trailer in feed.findall(feed.channel, "podcast:trailer"):
        problem = _label_error("A trailer's title", _text(trailer))
        if problem:
            yield problem, None
        if not is_web_url(trailer.get("url") or ""):
            yield "A trailer has no http(s) url.", None
        if not _is_rfc2822(trailer.get("pubdate") or ""):
            yield f"A trailer's pubdate “{trailer.get('pubdate')}” is not an RFC 2822 date.", None
        for attribute in ("length", "season"):
            value = trailer.get(attribute)
            if value is not None and not re.fullmatch(r"[0-9]+", value):
                yield f"A trailer's {attribute} “{value}” is not a whole number.", None
        kind = trailer.get("type")
        if kind is not None and not MIME_RE.fullmatch(kind):
            yield f"A trailer's type “{kind}” is not a MIME type.", None


def _self_url(feed: FeedDocument) -> str:
    if feed.channel is None:
        return ""
    for link in feed.channel.findall("{http://www.w3.org/2005/Atom}link"):
        if link.get("rel") == "self":
            return (link.get("href") or "").rstrip("/")
    return ""


@rule(
    "new-feed-url-invalid",
    ERROR,
    "itunes:new-feed-url is an http(s) URL other than the feed's own.",
)
def new_feed_url(feed: FeedDocument) -> Findings:
    for element in feed.findall(feed.channel, "itunes:new-feed-url"):
        url = _text(element)
        if not is_web_url(url):
            yield f"The new feed URL “{url}” is not an http(s) URL.", None
        elif url.rstrip("/") == _self_url(feed):
            yield "The show is moved to its own feed URL: apps would loop on the redirect.", None


@rule("feed-moved", WARNING, "A show moved elsewhere: its feed redirects apps to the new one.")
def feed_moved(feed: FeedDocument) -> Findings:
    url = feed.text(feed.channel, "itunes:new-feed-url")
    if is_web_url(url) and url.rstrip("/") != _self_url(feed):
        yield (
            f"This feed redirects to {url} (“moved to” in the show's Distribution tab): "
            "apps move subscribers there. Clear the setting if the show has not moved.",
            None,
        )
