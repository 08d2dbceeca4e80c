"""An episode's audio and transcript as the API and the feed both give them: one function each."""

import os
from mimetypes import guess_type
from typing import Any, Protocol

from django.conf import settings

from episodes.models import EpisodePage
from episodes.transcripts.models import Transcript
from frontend_api.loading.links import absolute_url
from frontend_api.transcripts.links import transcript_formats

# What the model's audio_mime_type defaults to, for a row whose type was cleared.
DEFAULT_AUDIO_TYPE = "audio/mpeg"
TRANSCRIPT_TYPES = {
    "vtt": "text/vtt",
    "srt": "application/x-subrip",
    "json": "application/json",
    "html": "text/html",
    "htm": "text/html",
    "txt": "text/plain",
}
CAPTION_EXTENSIONS = {"vtt", "srt"}


class DocumentLike(Protocol):
    """A Wagtail document or the batch's DocumentRef: what a transcript needs."""

    url: str
    filename: str


def audio_size(episode: EpisodePage) -> int | None:
    """Bytes: as typed, else as recorded on the upload, else the stored file's; None if unknown."""
    if episode.audio_size is not None:
        return episode.audio_size
    document = episode.audio_file
    if document is None:
        return None
    if document.file_size is not None:
        return document.file_size
    try:
        return document.file.size
    except OSError:  # the file is gone from storage
        return None


def episode_audio(episode: EpisodePage) -> dict[str, Any] | None:
    """{url, mime_type, size, duration_seconds} of the episode's audio; None without audio."""
    source = episode.audio_source_url
    if not source:
        return None
    return {
        "url": absolute_url(source),
        "mime_type": episode.audio_mime_type.strip() or DEFAULT_AUDIO_TYPE,
        "size": audio_size(episode),
        "duration_seconds": episode.audio_duration_seconds,
    }


def episode_transcript(
    transcript: Transcript | None,
    document: DocumentLike | None,
    show_language: str | None,
    episode_id: int,
) -> dict[str, Any] | None:
    """{url, type, rel, language, cue_count, formats: [{url, type, rel}]}: the parsed
    transcript in every format, else the transcript file as is (cue_count null), else None;
    the caller adds the speakers. A document in a restricted collection is passed as None.

    The top-level url, type and rel are the first format's: the shape this field had before
    transcripts were parsed, which existing clients read.
    """
    if transcript is not None:
        language = transcript.language or show_language or None
        formats, cue_count = transcript_formats(episode_id), transcript.cue_count
    elif document is not None:
        details = transcript_details(document, show_language)
        language = details.pop("language")
        formats, cue_count = [details], None
    else:
        return None
    return {**formats[0], "language": language, "cue_count": cue_count, "formats": formats}


def transcript_details(document: DocumentLike, language: str | None) -> dict[str, Any]:
    """{url, type, language, rel} of a transcript document; rel is "captions" for VTT and SRT."""
    extension = os.path.splitext(document.filename)[1][1:].lower()
    # The same lookup as Wagtail's Document.content_type, for types outside the known list.
    content_type = (
        getattr(settings, "WAGTAILDOCS_CONTENT_TYPES", {}).get(extension)
        or guess_type(document.filename)[0]
        or "application/octet-stream"
    )
    return {
        "url": absolute_url(document.url),
        "type": TRANSCRIPT_TYPES.get(extension, content_type),
        "language": language or None,
        "rel": "captions" if extension in CAPTION_EXTENSIONS else None,
    }
