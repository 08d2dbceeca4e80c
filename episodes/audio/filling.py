"""Filling an episode's blank audio duration, size and MIME type from the file or the probe."""

from typing import TYPE_CHECKING

from episodes.audio.facts import read_facts
from episodes.audio.models import AudioProbe

if TYPE_CHECKING:
    from episodes.models import EpisodePage


def fill_blank_audio_details(episode: "EpisodePage") -> None:
    """Set what the editor left blank; a value the editor typed is never replaced."""
    if episode.audio_duration and episode.audio_size is not None and episode.audio_mime_type:
        return
    if episode.audio_file_id:
        _fill_from_file(episode)
    elif episode.audio_url:
        _fill_from_probe(episode)


def _fill_from_file(episode: "EpisodePage") -> None:
    document = episode.audio_file
    if document is None:
        return
    try:
        with document.file.open("rb") as file:
            facts = read_facts(file)
            size = document.file.size
    except OSError:  # the file is gone from storage: nothing to read, nothing to fill
        return
    if episode.audio_size is None:
        episode.audio_size = size
    if facts is None:
        return
    if not episode.audio_duration and facts.duration:
        episode.audio_duration = facts.duration
    if not episode.audio_mime_type:
        episode.audio_mime_type = facts.mime_type


def _fill_from_probe(episode: "EpisodePage") -> None:
    probe = AudioProbe.objects.filter(url=episode.audio_url, error="").first()
    if probe is None:
        return
    if not episode.audio_duration and probe.duration:
        episode.audio_duration = probe.duration
    if episode.audio_size is None and probe.size is not None:
        episode.audio_size = probe.size
    if not episode.audio_mime_type and probe.mime_type:
        episode.audio_mime_type = probe.mime_type
