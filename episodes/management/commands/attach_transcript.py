"""manage.py attach_transcript <episode-id> <file> [--language fr]: parse and store a transcript."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from episodes.models import EpisodePage
from episodes.transcripts.parsing import TranscriptError
from episodes.transcripts.storage import read_transcript, store_transcript


class Command(BaseCommand):
    help = (
        "Attach a WebVTT, SRT or Podcasting 2.0 JSON transcript to an episode, replacing its "
        "cues; speakers are matched to people by name (docs/transcripts.md)."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("episode_id", type=int, help="The episode page's id.")
        parser.add_argument("file", type=Path, help="The transcript file (.vtt, .srt, .json).")
        parser.add_argument(
            "--language", default="", help='BCP 47 code, e.g. "fr"; default: the show\'s.'
        )

    def handle(self, *args, episode_id: int, file: Path, language: str, **options) -> None:
        episode = EpisodePage.objects.filter(pk=episode_id).first()
        if episode is None:
            raise CommandError(f"No episode has the id {episode_id}.")
        try:
            data = file.read_bytes()
        except OSError as error:
            raise CommandError(f"{file}: {error.strerror}.") from None
        try:
            transcript_format, cues = read_transcript(data, file.name)
        except TranscriptError as error:
            raise CommandError(f"{file}: {error}") from None
        transcript = store_transcript(episode, cues, transcript_format, language, file.name)
        self.stdout.write(
            f"Attached {transcript.cue_count} cues ({transcript.get_source_format_display()}, "
            f"{transcript.language}) to episode {episode.pk} “{episode.title}”."
        )
        for speaker in transcript.speakers.select_related("person"):
            shown = (
                f"shown as {speaker.person.name}"
                if speaker.person
                else "not named publicly (no person matches; map it in the admin)"
            )
            self.stdout.write(f"  {speaker.label}: {shown}")
        transcript.refresh_from_db()
        report = transcript.quote_report
        verified = sum(1 for quote in report if quote["verified"])
        self.stdout.write(f"Quotes verified: {verified} of {len(report)}.")
        for quote in report:
            if not quote["verified"]:
                self.stdout.write(f"  {quote['where']}: {quote['reason']}.")
