"""podcast:* rules: the attributes the Podcasting 2.0 namespace (podcast.xsd) allows."""

import re
import uuid
from decimal import Decimal, InvalidOperation

from frontend_api.feeds.validation.document import FeedDocument
from frontend_api.feeds.validation.items import is_web_url
from frontend_api.feeds.validation.rules import Findings, Severity, rule

ERROR, WARNING = Severity.ERROR, Severity.WARNING
MIME_RE = re.compile(r"[a-z]+/[-+.\w]+")
EMAIL_RE = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
# The groups of the Podcast Taxonomy Project, which podcast:person's group refers to.
PERSON_GROUPS = {
    "creative direction",
    "cast",
    "writing",
    "audio production",
    "audio post-production",
    "administration",
    "visuals",
    "community",
    "misc.",
    "video production",
    "video post-production",
}


@rule("podcast-guid-invalid", ERROR, "podcast:guid is a version 5 UUID.")
def podcast_guid(feed: FeedDocument) -> Findings:
    element = feed.find(feed.channel, "podcast:guid")
    if element is None:
        return
    value = (element.text or "").strip()
    try:
        valid = uuid.UUID(value).version == 5
    except ValueError:
        valid = False
    if not valid:
        yield f"The show's podcast:guid “{value}” is not a version 5 UUID.", None


@rule("podcast-locked-invalid", ERROR, "podcast:locked is yes or no, with an owner e-mail.")
def podcast_locked(feed: FeedDocument) -> Findings:
    element = feed.find(feed.channel, "podcast:locked")
    if element is None:
        return
    if (element.text or "").strip() not in {"yes", "no"}:
        yield f"podcast:locked is “{element.text}”; the namespace allows yes or no.", None
    if not EMAIL_RE.fullmatch(element.get("owner") or ""):
        yield "podcast:locked needs the owner's e-mail, which proves who may move the feed.", None


@rule(
    "podcast-person-invalid",
    ERROR,
    "podcast:person has a name (at most 128 characters), a taxonomy group, and URLs for img/href.",
)
def podcast_person(feed: FeedDocument) -> Findings:
    for item in feed.items:
        for person in feed.findall(item, "podcast:person"):
            name = (person.text or "").strip()
            if not name or len(name) > 128:
                yield f"A person's name must be 1 to 128 characters (“{name[:40]}”).", item
            group = person.get("group")
            if group is not None and group.lower() not in PERSON_GROUPS:
                yield f"The person group “{group}” is not in the podcast taxonomy.", item
            for attribute in ("img", "href"):
                value = person.get(attribute)
                if value is not None and not is_web_url(value):
                    yield f"{name}'s {attribute} “{value}” is not an http(s) URL.", item


@rule(
    "podcast-chapters-invalid",
    ERROR,
    "podcast:chapters has an absolute url and the type application/json+chapters.",
)
def podcast_chapters(feed: FeedDocument) -> Findings:
    for item in feed.items:
        for chapters in feed.findall(item, "podcast:chapters"):
            if not is_web_url(chapters.get("url") or ""):
                yield "The chapters link has no valid url.", item
            if chapters.get("type") != "application/json+chapters":
                yield (
                    f"The chapters type is “{chapters.get('type')}”; apps read "
                    "application/json+chapters.",
                    item,
                )


@rule(
    "podcast-transcript-invalid",
    ERROR,
    "podcast:transcript has an absolute url, a MIME type, and rel only “captions”.",
)
def podcast_transcript(feed: FeedDocument) -> Findings:
    for item in feed.items:
        for transcript in feed.findall(item, "podcast:transcript"):
            if not is_web_url(transcript.get("url") or ""):
                yield "The transcript link has no valid url.", item
            if not MIME_RE.fullmatch(transcript.get("type") or ""):
                yield f"The transcript type “{transcript.get('type')}” is not a MIME type.", item
            rel = transcript.get("rel")
            if rel is not None and rel != "captions":
                yield f"The transcript rel “{rel}” is not “captions”.", item


@rule(
    "podcast-numbering-invalid",
    ERROR,
    "podcast:season is an integer (name ≤ 128 characters); podcast:episode a number "
    "(display ≤ 32 characters).",
)
def podcast_numbering(feed: FeedDocument) -> Findings:
    for item in feed.items:
        season = feed.find(item, "podcast:season")
        if season is not None:
            if not re.fullmatch(r"-?[0-9]+", (season.text or "").strip()):
                yield f"podcast:season “{season.text}” is not a whole number.", item
            if len(season.get("name") or "") > 128:
                yield "The season name is longer than 128 characters.", item
        episode = feed.find(item, "podcast:episode")
        if episode is not None:
            try:
                Decimal((episode.text or "").strip())
            except InvalidOperation:
                yield f"podcast:episode “{episode.text}” is not a number.", item
            if len(episode.get("display") or "") > 32:
                yield "The episode's display label is longer than 32 characters.", item


def _decimal(text: str | None) -> Decimal | None:
    try:
        return Decimal((text or "").strip())
    except InvalidOperation:
        return None


@rule(
    "podcast-soundbite-invalid",
    ERROR,
    "podcast:soundbite has decimal startTime ≥ 0 and duration (15 to 120 seconds recommended), "
    "and a title of at most 128 characters.",
)
def podcast_soundbite(feed: FeedDocument):
    for item in feed.items:
        for soundbite in feed.findall(item, "podcast:soundbite"):
            start = _decimal(soundbite.get("startTime"))
            duration = _decimal(soundbite.get("duration"))
            if start is None or start < 0:
                yield f"The soundbite startTime “{soundbite.get('startTime')}” is not a time.", item
            if duration is None or not 15 <= duration <= 120:
                yield (
                    f"The soundbite duration “{soundbite.get('duration')}” is not 15 to 120.",
                    item,
                )
            if len(soundbite.text or "") > 128:
                yield "The soundbite's title is longer than 128 characters.", item
