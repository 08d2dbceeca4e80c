"""What the episode player follows: chapters from the timed headings, the transcript's cues."""

import logging
import math
from dataclasses import dataclass
from typing import Any

from .cms import JSON, CMSClient, CMSUnavailable, NotFound

logger = logging.getLogger("frontend")
TRANSCRIPT_JSON = "application/json"


@dataclass(frozen=True)
class Chapter:
    """A heading the editor placed in the audio: where it starts and where it is in the page."""

    seconds: int
    title: str
    anchor: str


@dataclass(frozen=True)
class Cue:
    """One line of the transcript: from `start` to `end` seconds, who said it, what was said."""

    start: float
    end: float
    speaker: str
    text: str


def chapters(page: JSON) -> list[Chapter]:
    """The body's headings that have a moment in the audio, in audio order, one per moment."""
    found: dict[int, Chapter] = {}
    for block in page.get("body") or []:
        value = block.get("value")
        if block.get("type") != "heading" or not isinstance(value, dict):
            continue
        seconds = value.get("timestamp_seconds")
        if isinstance(seconds, int) and seconds >= 0 and seconds not in found:
            found[seconds] = Chapter(seconds, str(value.get("text") or ""), value.get("anchor", ""))
    return sorted(found.values(), key=lambda chapter: chapter.seconds)


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        return None
    return float(value)


def cues(document: JSON) -> list[Cue]:
    """The segments of a Podcasting 2.0 JSON transcript; a malformed segment is left out."""
    segments = document.get("segments") if isinstance(document, dict) else None
    found = []
    for segment in segments if isinstance(segments, list) else []:
        if not isinstance(segment, dict):
            continue
        start, end = _number(segment.get("startTime")), _number(segment.get("endTime"))
        text = segment.get("body")
        if start is None or end is None or not isinstance(text, str) or not text.strip():
            continue
        speaker = segment.get("speaker")
        found.append(Cue(start, max(start, end), speaker if isinstance(speaker, str) else "", text))
    return found


async def transcript_cues(cms: CMSClient, page: JSON) -> list[Cue]:
    """The cues of the episode's transcript from its JSON URL; none when it has none or the
    CMS can't give them now (the page is still served, without the panel)."""
    transcript = page.get("transcript") or {}
    formats = transcript.get("formats") if isinstance(transcript, dict) else None
    url = next(
        (
            entry.get("url")
            for entry in formats or []
            if isinstance(entry, dict) and entry.get("type") == TRANSCRIPT_JSON
        ),
        None,
    )
    if not isinstance(url, str) or not url:
        return []
    try:
        return cues(await cms.transcript(url))
    except (CMSUnavailable, NotFound) as error:
        logger.warning("Transcript of page %s not loaded: %s", page.get("id"), error)
        return []
