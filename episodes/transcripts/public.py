"""What of a transcript the public may see: every cue, and a speaker only as a person's name."""

from episodes.transcripts.models import Transcript
from episodes.transcripts.parsing import Cue


def public_cues(transcript: Transcript) -> list[Cue]:
    """The cues in order; a speaker without a person ("Speaker 1") is left unnamed."""
    rows = transcript.cues.select_related("speaker__person").order_by("position")
    return [
        Cue(
            row.start_ms,
            row.end_ms,
            row.speaker.person.name if row.speaker and row.speaker.person else "",
            row.text,
        )
        for row in rows
    ]
