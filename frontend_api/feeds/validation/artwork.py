"""Artwork rules: square 1400 to 3000 px JPEG or PNG, served as the type its URL declares."""

from collections.abc import Iterator
from mimetypes import guess_type
from typing import IO

from frontend_api.feeds.validation.document import FeedDocument, ImageFacts, UnreadableImage
from frontend_api.feeds.validation.rules import Findings, Severity, rule

ERROR = Severity.ERROR
MIN_SIDE, MAX_SIDE = 1400, 3000
# Pillow's format names and the Content-Type each is served with.
ARTWORK_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png"}


def _artworks(feed: FeedDocument) -> Iterator[tuple[str, object]]:
    """(href, item) of the show's artwork and of every episode's own."""
    element = feed.find(feed.channel, "itunes:image")
    if element is not None:
        yield (element.get("href") or "").strip(), None
    for item in feed.items:
        element = feed.find(item, "itunes:image")
        if element is not None:
            yield (element.get("href") or "").strip(), item


def _inspected(feed: FeedDocument) -> Iterator[tuple[str, ImageFacts, object]]:
    """(href, facts, item) for the artworks whose files can be read here."""
    for href, item in _artworks(feed):
        try:
            facts = feed.inspect_image(href) if href else None
        except UnreadableImage:
            continue
        if facts is not None:
            yield href, facts, item


def _what(item: object) -> str:
    return "The episode's cover" if item is not None else "The show's artwork"


@rule("artwork-missing", ERROR, "The show has artwork (itunes:image with an href).")
def artwork_missing(feed: FeedDocument) -> Findings:
    element = feed.find(feed.channel, "itunes:image")
    if element is None or not (element.get("href") or "").strip():
        yield "The show has no artwork; Apple Podcasts requires a square image.", None
    for item in feed.items:
        element = feed.find(item, "itunes:image")
        if element is not None and not (element.get("href") or "").strip():
            yield "The episode's cover has an empty address.", item


@rule("artwork-unreadable", ERROR, "The artwork file behind the URL exists and is an image.")
def artwork_unreadable(feed: FeedDocument) -> Findings:
    for href, item in _artworks(feed):
        try:
            feed.inspect_image(href) if href else None
        except UnreadableImage as error:
            yield f"{_what(item)} can't be served: {error}", item


@rule("artwork-format", ERROR, "The artwork is a JPEG or PNG file.")
def artwork_format(feed: FeedDocument) -> Findings:
    for _href, facts, item in _inspected(feed):
        if facts.format not in ARTWORK_TYPES:
            yield f"{_what(item)} is a {facts.format} file; use a JPEG or PNG image.", item


@rule("artwork-size", ERROR, f"The artwork is {MIN_SIDE} to {MAX_SIDE} pixels wide and high.")
def artwork_size(feed: FeedDocument) -> Findings:
    for _href, facts, item in _inspected(feed):
        if not all(MIN_SIDE <= side <= MAX_SIDE for side in (facts.width, facts.height)):
            yield (
                f"{_what(item)} is {facts.width}x{facts.height} px; Apple Podcasts wants "
                f"{MIN_SIDE} to {MAX_SIDE} px.",
                item,
            )


@rule("artwork-not-square", ERROR, "The artwork is square.")
def artwork_square(feed: FeedDocument) -> Findings:
    for _href, facts, item in _inspected(feed):
        if facts.width != facts.height:
            yield f"{_what(item)} is {facts.width}x{facts.height} px; it must be square.", item


@rule(
    "artwork-type-mismatch",
    ERROR,
    "The artwork's URL declares the type its file really has (it is served with that type).",
)
def artwork_type(feed: FeedDocument) -> Findings:
    for href, facts, item in _inspected(feed):
        declared = guess_type(href.split("?")[0])[0]
        real = ARTWORK_TYPES.get(facts.format, f"image/{facts.format.lower()}")
        if declared != real:
            yield (
                f"{_what(item)} is served as {declared or 'an unknown type'} but the file is "
                f"{real}; apps that trust the type fail to show it.",
                item,
            )


def facts_of(image_file: IO[bytes]) -> ImageFacts:
    """Pillow's reading of an open image file; UnreadableImage when it is not one."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(image_file) as picture:
            return ImageFacts(picture.format or "unknown", picture.width, picture.height)
    except (UnidentifiedImageError, OSError) as error:
        raise UnreadableImage("the file is not an image Pillow can read.") from error
