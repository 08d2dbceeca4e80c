"""Attaching a transcript to an episode: parse first, then store all of it or nothing."""

from django.conf import settings
from django.db import transaction

from episodes.snippets import Person
from episodes.transcripts.checking import check_quotes
from episodes.transcripts.models import Transcript, TranscriptCue, TranscriptSpeaker
from episodes.transcripts.parsing import Cue, TranscriptError, decode, detect_format, parse
from episodes.transcripts.speakers import match_person


def read_transcript(data: bytes, filename: str) -> tuple[str, list[Cue]]:
    """(format, cues) of an attached file; raises TranscriptError with the line and reason."""
    limit = settings.TRANSCRIPT_MAX_BYTES
    if len(data) > limit:
        raise TranscriptError(f"the file is larger than {limit:,} bytes.")
    text = decode(data)
    transcript_format = detect_format(filename, text)
    return transcript_format, parse(text, transcript_format)


def episode_people(episode) -> list[Person]:
    hosts = [link.person for link in episode.host_links.select_related("person")]
    guests = [link.person for link in episode.guest_links.select_related("person")]
    return hosts + guests


@transaction.atomic
def store_transcript(
    episode,
    cues: list[Cue],
    transcript_format: str,
    language: str,
    source_name: str,
    user=None,
) -> Transcript:
    """Replace the episode's transcript with these cues; speakers keep their person by label.

    Then the article's quotes are checked against it (what is filled in is a new draft).
    """
    transcript = Transcript.objects.select_for_update().filter(episode=episode).first()
    if transcript is None:
        transcript = Transcript(episode=episode)
    show = episode.get_parent().specific
    transcript.language = language or getattr(show, "language", "")
    transcript.source_format = transcript_format
    transcript.source_name = source_name[:255]
    transcript.save()
    speakers = replace_speakers(transcript, episode, cues)
    transcript.cues.all().delete()
    TranscriptCue.objects.bulk_create(
        TranscriptCue(
            transcript=transcript,
            position=position,
            start_ms=cue.start_ms,
            end_ms=cue.end_ms,
            speaker=speakers.get(cue.speaker),
            text=cue.text,
        )
        for position, cue in enumerate(cues)
    )
    transcript.refresh_summary()
    check_quotes(episode, user)
    return transcript


def replace_speakers(transcript, episode, cues: list[Cue]) -> dict[str, TranscriptSpeaker]:
    """The file's speaker labels, existing ones kept with the person an editor chose."""
    labels = list(dict.fromkeys(cue.speaker for cue in cues if cue.speaker))
    existing = {
        speaker.label: speaker
        for speaker in TranscriptSpeaker.objects.filter(transcript=transcript)
    }
    TranscriptSpeaker.objects.filter(transcript=transcript).exclude(label__in=labels).delete()
    credited = episode_people(episode)
    everyone = Person.objects.only("pk", "name")
    speakers = {}
    for label in labels:
        speaker = existing.get(label)
        if speaker is None:
            speaker = TranscriptSpeaker.objects.create(
                transcript=transcript,
                label=label[:255],
                person=match_person(label, credited, everyone),
            )
        speakers[label] = speaker
    return speakers
