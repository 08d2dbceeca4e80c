"""A transcript of an episode: its speakers (each mapped to a person, or not) and its cues.

Kept outside page revisions, like documents: a transcript is what was said, it changes when
a corrected file is attached, and the public sees it as soon as its episode is public.
"""

from django.db import models
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel

FORMAT_CHOICES = [("vtt", "WebVTT"), ("srt", "SRT"), ("json", "Podcasting 2.0 JSON")]


class Transcript(ClusterableModel):
    """The transcript of one episode, as parsed from the file an editor attached."""

    episode = models.OneToOneField(
        "episodes.EpisodePage", on_delete=models.CASCADE, related_name="transcript"
    )
    language = models.CharField(
        max_length=35,
        blank=True,
        help_text='The language spoken, as a BCP 47 code such as "fr" or "en-GB". '
        "Left blank, the show's language.",
    )
    source_format = models.CharField(max_length=4, choices=FORMAT_CHOICES)
    source_name = models.CharField("attached file", max_length=255, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Kept with the transcript so that the API reads them with the episode, in no query of
    # their own: how many cues, and the people speaking, in order of first appearance.
    cue_count = models.PositiveIntegerField(default=0, editable=False)
    speaker_person_ids = models.JSONField(default=list, editable=False)
    # The last quote check (episodes/transcripts/checking.py): each quote, verified or why not.
    quote_report = models.JSONField(default=list, editable=False)
    # Keys (episodes.blocks.api.quote_key) of the quotes found as they are written now; a
    # quote edited since no longer matches its key, so it reads unverified until checked.
    verified_quotes = models.JSONField(default=list, editable=False)
    quotes_checked_at = models.DateTimeField(null=True, editable=False)

    class Meta:
        verbose_name = "transcript"

    def __str__(self) -> str:
        return f"Transcript of {self.episode.title}"

    def refresh_summary(self) -> None:
        """Recount the cues and list the mapped people again, after cues or speakers changed."""
        self.cue_count = self.cues.count()
        mapped = {
            speaker.pk: speaker.person_id
            for speaker in TranscriptSpeaker.objects.filter(transcript=self, person__isnull=False)
        }
        first_cues = (
            self.cues.filter(speaker_id__in=mapped)
            .values_list("speaker_id", flat=True)
            .order_by("position")
        )
        self.speaker_person_ids = list(dict.fromkeys(mapped[pk] for pk in first_cues))
        Transcript.objects.filter(pk=self.pk).update(
            cue_count=self.cue_count, speaker_person_ids=self.speaker_person_ids
        )


class TranscriptSpeaker(models.Model):
    """A speaker label of the file; shown publicly only under the name of its person."""

    transcript = ParentalKey(Transcript, on_delete=models.CASCADE, related_name="speakers")
    label = models.CharField(max_length=255, help_text="As the file names the speaker.")
    person = models.ForeignKey(
        "episodes.Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Without a person, this speaker's name is never shown publicly.",
    )

    panels = [FieldPanel("label", read_only=True), FieldPanel("person")]

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["transcript", "label"], name="unique_speaker_label")
        ]
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.label


class TranscriptCue(models.Model):
    """One cue: its times in milliseconds, its speaker and its words."""

    transcript = models.ForeignKey(Transcript, on_delete=models.CASCADE, related_name="cues")
    position = models.PositiveIntegerField()
    start_ms = models.PositiveIntegerField()
    end_ms = models.PositiveIntegerField()
    speaker = models.ForeignKey(
        TranscriptSpeaker, null=True, blank=True, on_delete=models.SET_NULL, related_name="cues"
    )
    text = models.TextField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["transcript", "position"], name="unique_cue_position")
        ]
        ordering = ["position"]

    def __str__(self) -> str:
        return f"{self.start_ms} ms: {self.text[:40]}"
