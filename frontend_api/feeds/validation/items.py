"""Item rules: what every episode needs so apps list it, play it and keep it apart from others."""

import re
from collections import Counter
from collections.abc import Iterator
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urlsplit

from frontend_api.feeds.validation.apple import APPLE_DESCRIPTION_LIMIT, APPLE_MEDIA_TYPES
from frontend_api.feeds.validation.document import FeedDocument, item_guid
from frontend_api.feeds.validation.rules import Findings, Severity, rule

# Apple reads seconds, MM:SS or HH:MM:SS.
DURATION_RE = re.compile(r"[0-9]+|[0-9]{1,2}(:[0-5][0-9]){1,2}")
ERROR, WARNING = Severity.ERROR, Severity.WARNING


def enclosures(feed: FeedDocument) -> Iterator[tuple[Any, Any]]:
    """Each item's enclosures, with the item they belong to."""
    for item in feed.items:
        for enclosure in item.findall("enclosure"):
            yield item, enclosure


def is_web_url(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in {"http", "https"} and bool(parts.netloc)


@rule("item-title-missing", ERROR, "Every episode has a title.")
def item_title(feed: FeedDocument) -> Findings:
    for item in feed.items:
        if not feed.text(item, "title"):
            yield "The episode has no title.", item


@rule(
    "item-description-too-long",
    WARNING,
    f"An episode's description fits Apple's {APPLE_DESCRIPTION_LIMIT} characters.",
)
def item_description(feed: FeedDocument) -> Findings:
    for item in feed.items:
        length = len(feed.text(item, "description"))
        if length > APPLE_DESCRIPTION_LIMIT:
            yield (
                f"The summary has {length} characters once rendered; Apple Podcasts cuts it "
                f"at {APPLE_DESCRIPTION_LIMIT}. Shorten the summary.",
                item,
            )


@rule("enclosure-missing", ERROR, "Every episode has exactly one enclosure (its audio).")
def enclosure_missing(feed: FeedDocument) -> Findings:
    for item in feed.items:
        count = len(item.findall("enclosure"))
        if count == 0:
            yield "The episode has no audio enclosure; apps skip it.", item
        elif count > 1:
            yield f"The episode has {count} enclosures; apps play only one.", item


@rule("enclosure-url-invalid", ERROR, "The enclosure URL is an absolute http(s) URL.")
def enclosure_url(feed: FeedDocument) -> Findings:
    for item, enclosure in enclosures(feed):
        url = (enclosure.get("url") or "").strip()
        if not is_web_url(url):
            shown = f"“{url}”" if url else "empty"
            yield f"The audio URL is {shown}; it must be a full http(s) address.", item


@rule(
    "enclosure-not-https",
    ERROR,
    "In production (FEEDS_REQUIRE_HTTPS), the enclosure is served over https.",
)
def enclosure_https(feed: FeedDocument) -> Findings:
    if not feed.require_https:
        return
    for item, enclosure in enclosures(feed):
        url = (enclosure.get("url") or "").strip()
        if is_web_url(url) and urlsplit(url).scheme != "https":
            yield (
                "The audio is served over http; Apple Podcasts and browsers want https. "
                "Use an https audio URL.",
                item,
            )


@rule("enclosure-length-invalid", ERROR, "The enclosure's length is a whole number of bytes.")
def enclosure_length(feed: FeedDocument) -> Findings:
    for item, enclosure in enclosures(feed):
        length = (enclosure.get("length") or "").strip()
        if not length.isdigit():
            shown = f"“{length}”" if length else "missing"
            yield f"The audio's size in bytes is {shown}.", item


@rule("enclosure-length-unknown", WARNING, "The enclosure's length is known (not 0).")
def enclosure_length_unknown(feed: FeedDocument) -> Findings:
    for item, enclosure in enclosures(feed):
        if (enclosure.get("length") or "").strip() == "0":
            yield (
                "The audio's size is unknown (0 bytes); fill in the size so apps can show "
                "download progress.",
                item,
            )


@rule("enclosure-type-invalid", ERROR, "The enclosure's type is an audio or video MIME type.")
def enclosure_type(feed: FeedDocument) -> Findings:
    for item, enclosure in enclosures(feed):
        kind = (enclosure.get("type") or "").strip()
        if kind.split("/")[0] not in {"audio", "video"} or "/" not in kind:
            shown = f"“{kind}”" if kind else "missing"
            yield f"The audio's MIME type is {shown}; use e.g. audio/mpeg.", item


@rule(
    "enclosure-type-unsupported",
    WARNING,
    "The enclosure's type is one Apple Podcasts plays (MP3, M4A/AAC, MP4, MOV).",
)
def enclosure_type_apple(feed: FeedDocument) -> Findings:
    for item, enclosure in enclosures(feed):
        kind = (enclosure.get("type") or "").strip()
        if kind.split("/")[0] in {"audio", "video"} and kind not in APPLE_MEDIA_TYPES:
            yield f"Apple Podcasts does not play {kind}; other apps may.", item


@rule("duration-missing", ERROR, "Every episode has its duration (itunes:duration).")
def duration_missing(feed: FeedDocument) -> Findings:
    for item in feed.items:
        if feed.find(item, "itunes:duration") is None:
            yield "The episode has no duration; fill in the audio's duration.", item


@rule("duration-invalid", ERROR, "itunes:duration is seconds or [HH:]MM:SS, and not zero.")
def duration_invalid(feed: FeedDocument) -> Findings:
    for item in feed.items:
        element = feed.find(item, "itunes:duration")
        if element is None:
            continue
        value = (element.text or "").strip()
        if not DURATION_RE.fullmatch(value) or not value.strip("0:"):
            yield f"The duration “{value}” is not a length such as 3120 or 52:00.", item


@rule("guid-missing", ERROR, "Every episode has a guid.")
def guid_missing(feed: FeedDocument) -> Findings:
    for item in feed.items:
        if not item_guid(item):
            yield "The episode has no guid; apps can't tell it from the others.", item


@rule("duplicate-guid", ERROR, "No two episodes of the show share a guid.")
def duplicate_guid(feed: FeedDocument) -> Findings:
    counts = Counter(item_guid(item) for item in feed.items) + Counter(feed.left_out_guids)
    for item in feed.items:
        guid = item_guid(item)
        if guid and counts[guid] > 1:
            yield (
                f"{counts[guid]} episodes share the guid {guid}; apps will show only one.",
                item,
            )


@rule("guid-shared-with-other-show", ERROR, "No episode's guid is used by another show.")
def guid_across_shows(feed: FeedDocument) -> Findings:
    for item in feed.items:
        other = feed.other_show_guids.get(item_guid(item))
        if other:
            yield (
                f"The guid {item_guid(item)} is also an episode's of the show “{other}”; "
                "apps that follow both shows will merge them.",
                item,
            )


@rule("pubdate-invalid", ERROR, "Every episode has an RFC 822 pubDate.")
def pubdate_invalid(feed: FeedDocument) -> Findings:
    for item in feed.items:
        value = feed.text(item, "pubDate")
        if not value:
            yield "The episode has no publication date.", item
            continue
        try:
            parsedate_to_datetime(value)
        except (TypeError, ValueError):
            yield f"The publication date “{value}” is not an RSS date.", item


@rule("pubdate-in-future", WARNING, "No episode's pubDate lies in the future.")
def pubdate_future(feed: FeedDocument) -> Findings:
    for item in feed.items:
        try:
            date = parsedate_to_datetime(feed.text(item, "pubDate"))
        except (TypeError, ValueError):
            continue
        if date.tzinfo is not None and date > feed.now:
            yield (
                f"The broadcast date {date:%Y-%m-%d %H:%M} is in the future; some apps hide "
                "the episode, others show it early.",
                item,
            )


@rule("episode-type-invalid", ERROR, "itunes:episodeType, when present, is full, trailer or bonus.")
def episode_type(feed: FeedDocument) -> Findings:
    for item in feed.items:
        element = feed.find(item, "itunes:episodeType")
        if element is not None and (element.text or "").strip() not in {"full", "trailer", "bonus"}:
            yield f"The episode type “{element.text}” is not full, trailer or bonus.", item


@rule(
    "itunes-episode-invalid",
    ERROR,
    "itunes:episode and itunes:season, when present, are whole numbers from 1.",
)
def itunes_numbers(feed: FeedDocument) -> Findings:
    for item in feed.items:
        for tag in ("itunes:episode", "itunes:season"):
            element = feed.find(item, tag)
            value = (element.text or "").strip() if element is not None else None
            if value is not None and not (value.isdigit() and int(value) > 0):
                yield f"{tag} “{value}” is not a whole number from 1.", item
