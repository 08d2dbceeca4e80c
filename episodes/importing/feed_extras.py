"""What a feed item points at: its artwork, chapters and transcript, fetched when reachable.

An address that can't be read is a warning on the item, never a failure: the episode is
imported without it, and a re-run fetches it again.
"""

import json
from dataclasses import dataclass

from django.conf import settings

from episodes.blocks.timestamps import format_timestamp
from episodes.transcripts.parsing import Cue, TranscriptError
from episodes.transcripts.storage import read_transcript

from .article import Article, Heading, RemoteImage
from .feed import Element
from .fetching import FetchError, fetch
from .richtext import visible_text

# podcast:transcript types the transcript parser reads, best first.
TRANSCRIPT_TYPES = {
    "application/json": "transcript.json",
    "text/vtt": "transcript.vtt",
    "application/x-subrip": "transcript.srt",
    "application/srt": "transcript.srt",
    "text/srt": "transcript.srt",
}


@dataclass
class FetchedTranscript:
    """A transcript read from its address, ready for store_transcript."""

    url: str
    transcript_format: str
    cues: list[Cue]
    language: str


class Fetcher:
    """Fetches each address once per run (feeds repeat the same artwork on every item)."""

    def __init__(self) -> None:
        self._images: dict[str, bytes | str] = {}

    def image(self, url: str, alt: str, warnings: list[str]) -> RemoteImage | None:
        if url not in self._images:
            try:
                self._images[url] = fetch(url, settings.IMPORT_MAX_IMAGE_BYTES, "the image")
            except FetchError as error:
                self._images[url] = str(error)
        found = self._images[url]
        if isinstance(found, str):
            warnings.append(f"artwork not imported: {found}")
            return None
        return RemoteImage(url=url, data=found, alt=alt)

    def chapters(self, url: str, article: Article) -> None:
        """Timestamps for the article's headings from the chapters of the same titles."""
        try:
            data = fetch(url, settings.IMPORT_MAX_ARTICLE_BYTES, "the chapters")
            chapters = json.loads(data)["chapters"]
            moments = [(float(entry["startTime"]), str(entry["title"])) for entry in chapters]
        except FetchError as error:
            article.warnings.append(f"chapters not imported: {error}")
            return
        except (ValueError, KeyError, TypeError) as error:
            article.warnings.append(f"chapters not imported: {url} is not chapters JSON ({error})")
            return
        apply_chapters(article, moments)

    def transcript(self, candidates: list[Element], warnings: list[str]):
        """The first transcript in a format the CMS parses; None (with a warning) otherwise."""
        readable = [
            element
            for kind in TRANSCRIPT_TYPES
            for element in candidates
            if element.attrs.get("type", "").strip().lower() == kind and element.attrs.get("url")
        ]
        if not readable:
            if candidates:
                kinds = ", ".join(sorted({c.attrs.get("type", "?") for c in candidates}))
                warnings.append(f"transcript not imported: no WebVTT, SRT or JSON one ({kinds})")
            return None
        element = readable[0]
        url = element.attrs["url"].strip()
        name = TRANSCRIPT_TYPES[element.attrs["type"].strip().lower()]
        try:
            data = fetch(url, settings.TRANSCRIPT_MAX_BYTES, "the transcript")
            transcript_format, cues = read_transcript(data, name)
        except FetchError as error:
            warnings.append(f"transcript not imported: {error}")
            return None
        except TranscriptError as error:
            warnings.append(f"transcript not imported: {url}: {error}")
            return None
        return FetchedTranscript(url, transcript_format, cues, element.attrs.get("language", ""))


def apply_chapters(article: Article, moments: list[tuple[float, str]]) -> None:
    """Chapters become the timestamps of the headings named like them; the rest are noted.

    The body's headings are the chapters our feed publishes (frontend_api/feeds/chapters.py).
    """
    headings = {
        visible_text(block.text).casefold(): block
        for block in article.blocks
        if isinstance(block, Heading)
    }
    duration = article.audio_duration.total_seconds() if article.audio_duration else None
    missing = []
    for start, title in moments:
        heading = headings.get(" ".join(title.split()).casefold())
        within = start >= 0 and (duration is None or start <= duration)
        if heading is not None and within:
            heading.timestamp = heading.timestamp or format_timestamp(int(start))
        else:
            missing.append(f"{format_timestamp(int(max(start, 0)))} {title[:60]}")
    if missing:
        shown = "; ".join(missing[:3]) + ("; …" if len(missing) > 3 else "")
        article.warnings.append(
            f"{len(missing)} chapter(s) match no heading of the article, not kept: {shown}"
        )
