"""Podcasting 2.0 JSON chapters made from an episode's headings and the moments editors noted."""

from collections.abc import Iterable, Mapping, Sequence
from types import SimpleNamespace
from typing import Any

from wagtail.blocks.stream_block import StreamValue

from episodes.blocks import heading_anchors, parse_timestamp
from episodes.models import EpisodePage, PodcastPage

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


def build_chapters(body: StreamValue | None, page_url: str) -> list[dict]:
    """One chapter per heading that has a moment in the audio, in audio order."""
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
        chapter = {"startTime": start, "title": block["value"]["text"].strip()}
        anchor = anchors.get(block.get("id"))
        if page_url and anchor:
            chapter["url"] = f"{page_url}#{anchor}"
        chapters.append(chapter)
    chapters.sort(key=lambda chapter: chapter["startTime"])
    return _first_per_moment(chapters)


def _first_per_moment(chapters: Iterable[dict]) -> list[dict]:
    """Keep the outermost heading when a section and its first subsection start together."""
    seen: set[int] = set()
    kept = []
    for chapter in chapters:
        if chapter["startTime"] not in seen:
            seen.add(chapter["startTime"])
            kept.append(chapter)
    return kept


def chapters_document(episode: EpisodePage, show: PodcastPage, page_url: str) -> dict:
    """The whole JSON chapters file for an episode."""
    return {
        "version": CHAPTERS_VERSION,
        "title": episode.title,
        "podcastName": show.title,
        "author": show.author,
        "chapters": build_chapters(episode.body, page_url),
    }
