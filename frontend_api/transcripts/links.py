"""The public addresses of an episode's transcript, one a format."""

from django.conf import settings
from django.urls import reverse

from frontend_api.transcripts.formats import FORMATS


def transcript_url(episode_id: int, extension: str) -> str:
    return settings.CMS_URL + reverse(
        "transcript_files:file", kwargs={"episode_id": str(episode_id), "extension": extension}
    )


def transcript_formats(episode_id: int) -> list[dict]:
    """[{url, type, rel}] for WebVTT, SRT, JSON and HTML; rel is "captions" for the first two."""
    return [
        {
            "url": transcript_url(episode_id, fmt.extension),
            "type": fmt.media_type,
            "rel": "captions" if fmt.captions else None,
        }
        for fmt in FORMATS.values()
    ]
