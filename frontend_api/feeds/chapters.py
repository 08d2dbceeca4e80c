"""Podcasting 2.0 JSON chapters made from an episode's headings and the moments editors noted."""

from collections.abc import Iterable, Mapping, Sequence
from types import SimpleNamespace
from typing import Any

from wagtail.blocks.stream_block import StreamValue

from episodes.blocks import heading_anchors, parse_timestamp
from episodes.models import EpisodePage, PodcastPage
from frontend_api.feeds.media import CHAPTER_IMAGE_SPEC, images_with, rendition_url

CHAPTERS_VERSION = "1.2.0"


def _seconds(text: Any) -> int | None:
    """A timestamp in seconds, or None when it is empty or not one (a malformed row)."""
    if not isinstance(text, str) or not text.strip():
        return None
    try:
        return parse_timestamp(text)
    except ValueError:
        return None


def _level(value: Mapping) -> int:
    level = str(value.get("level") or "h2")
    return int(level[1]) if level[1:].isdigit() else 2


def raw_blocks(body: StreamValue | None) -> list[Mapping[str, Any]]:
    """The body's stored blocks, skipping anything that isn't a well-formed block."""
    return [
        block
        for block in (body.raw_data if body else [])
        if isinstance(block, Mapping) and isinstance(block.get("value"), Mapping)
    ]


def section_start(blocks: Sequence[Mapping[str, Any]], index: int) -> int | None:
    """When the section under the heading blocks[index] starts in the audio, if known."""
    # The heading's own timestamp wins; otherwise the earliest quote or subheading
    # timestamp inside the section (until the next heading of the same or a higher level).
    heading = blocks[index]["value"]
    own = _seconds(heading.get("timestamp"))
    if own is not None:
        return own
    level = _level(heading)
    moments = []
    for block in blocks[index + 1 :]:
        if block.get("type") == "heading" and _level(block["value"]) <= level:
            break
        if block.get("type") in ("heading", "pull_quote"):
            moment = _seconds(block["value"].get("timestamp"))
            if moment is not None:
                moments.append(moment)
    return min(moments, default=None)


def chapter_image_ids(body: StreamValue | None) -> set[int]:
    """The ids of the images editors chose for chapters."""
    ids = {block["value"].get("chapter_image") for block in raw_blocks(body)}
    return {pk for pk in ids if isinstance(pk, int) and not isinstance(pk, bool)}


def build_chapters(
    body: StreamValue | None,
    page_url: str,
    opening_title: str = "",
    image_urls: Mapping[int, str] | None = None,
) -> list[dict]:
    """One chapter per heading that has a moment in the audio, in audio order, opened by a
    chapter at 0 titled `opening_title` when the first heading starts later."""
    blocks = raw_blocks(body)
    headings = [
        SimpleNamespace(block_type="heading", value=block["value"], id=block.get("id"))
        for block in blocks
        if block.get("type") == "heading" and str(block["value"].get("text") or "").strip()
    ]
    anchors = heading_anchors(headings)
    chapters = []
    for index, block in enumerate(blocks):
        if block.get("type") != "heading" or not str(block["value"].get("text") or "").strip():
            continue
        start = section_start(blocks, index)
        if start is None:
            continue
        chapter: dict[str, Any] = {"startTime": start, "title": block["value"]["text"].strip()}
        image_id = block["value"].get("chapter_image")
        image_url = image_urls.get(image_id) if image_urls and isinstance(image_id, int) else ""
        if image_url:
            chapter["img"] = image_url
        url = _url(block["value"].get("chapter_url")) or _anchor_url(page_url, anchors, block)
        if url:
            chapter["url"] = url
        chapters.append(chapter)
    chapters.sort(key=lambda chapter: chapter["startTime"])
    chapters = _first_per_moment(chapters)
    if chapters and chapters[0]["startTime"] > 0:
        # Players show the first chapter from the start: without one at 0, the opening
        # minutes would carry the title of a section not yet begun.
        opening = {"startTime": 0, "title": opening_title or "Opening"}
        chapters.insert(0, {**opening, **({"url": page_url} if page_url else {})})
    return chapters


def _url(value: Any) -> str:
    """An editor's chapter link (checked as a URL when saved), or "" for anything else."""
    return value.strip() if isinstance(value, str) and value.strip().startswith("http") else ""


def _anchor_url(page_url: str, anchors: Mapping[str | None, str], block: Mapping) -> str:
    anchor = anchors.get(block.get("id"))
    return f"{page_url}#{anchor}" if page_url and anchor else ""


def _first_per_moment(chapters: Iterable[dict]) -> list[dict]:
    """Keep the outermost heading when a section and its first subsection start together."""
    seen: set[int] = set()
    kept = []
    for chapter in chapters:
        if chapter["startTime"] not in seen:
            seen.add(chapter["startTime"])
            kept.append(chapter)
    return kept


def chapter_image_urls(body: StreamValue | None) -> dict[int, str]:
    """The chapter images' rendition URLs by image id, in one query with their renditions."""
    ids = chapter_image_ids(body)
    if not ids:
        return {}
    images = images_with(CHAPTER_IMAGE_SPEC).filter(pk__in=ids)
    return {image.pk: rendition_url(image, CHAPTER_IMAGE_SPEC) for image in images}


def chapters_document(episode: EpisodePage, show: PodcastPage, page_url: str) -> dict:
    """The whole JSON chapters file for an episode."""
    return {
        "version": CHAPTERS_VERSION,
        "title": episode.title,
        "podcastName": show.title,
        "author": show.author,
        "chapters": build_chapters(
            episode.body, page_url, episode.title, chapter_image_urls(episode.body)
        ),
    }
