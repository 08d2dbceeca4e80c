"""Soundbites: pull quotes offered to podcast apps, from their timestamp to the end of their words.

A soundbite's length is measured in the transcript: the quote is located at its timestamp
(as the quote check locates it) and lasts until the end of the last cue it spans. The
Podcasting 2.0 namespace asks for 15 to 120 seconds.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import Q

from episodes.blocks.timestamps import format_timestamp, timestamp_seconds
from episodes.transcripts.checking import spoken_cues
from episodes.transcripts.models import Transcript, TranscriptCue
from episodes.transcripts.quotes import EARLY_TOLERANCE, SpokenCue, TranscriptWords

MIN_SECONDS = 15
MAX_SECONDS = 120
# podcast:soundbite's node value: aggregators may cut a longer title.
TITLE_MAX_CHARS = 128


@dataclass(frozen=True)
class MarkedQuote:
    """A pull quote the editor marked as a soundbite."""

    block_id: str | None
    text: str
    timestamp: str


@dataclass(frozen=True)
class Soundbite:
    """A soundbite as the feed and the API give it."""

    start_seconds: int
    duration_seconds: float
    title: str

    def as_api(self) -> dict[str, Any]:
        return {
            "text": self.title,
            "start_seconds": self.start_seconds,
            "duration_seconds": self.duration_seconds,
        }


def marked_quotes(raw_blocks: Iterable[Any]) -> list[MarkedQuote]:
    """The pull quotes of a stored body marked as soundbites, skipping malformed rows."""
    marked = []
    for block in raw_blocks:
        if not isinstance(block, Mapping) or block.get("type") != "pull_quote":
            continue
        value = block.get("value")
        if not isinstance(value, Mapping) or value.get("soundbite") is not True:
            continue
        text, timestamp = value.get("text"), value.get("timestamp")
        if isinstance(text, str) and text.strip():
            marked.append(MarkedQuote(block.get("id"), text.strip(), str(timestamp or "")))
    return marked


def title_of(text: str) -> str:
    """The quote as a soundbite title, shortened at a word to fit the namespace's limit."""
    text = " ".join(text.split())
    if len(text) <= TITLE_MAX_CHARS:
        return text
    cut = text[: TITLE_MAX_CHARS - 1].rsplit(" ", 1)[0]
    return f"{cut}…"


def measured_seconds(cues: Sequence[SpokenCue], text: str, start: int) -> float | None:
    """How long the quote lasts from `start` to the end of its last cue, None when its words
    are not in these cues at that moment."""
    places = TranscriptWords(list(cues)).find(text)
    near = [place for place in places if place.contains_moment(start)]
    if not near:
        return None
    return round(near[0].last.end_ms / 1000 - start, 3)


def soundbite_problem(cues: Sequence[SpokenCue] | None, text: str, timestamp: str) -> str:
    """Why this quote can't be a soundbite, in the editor's words; "" when it can."""
    start = timestamp_seconds(timestamp)
    if start is None:
        return (
            "A soundbite starts at the quote's timestamp: give one, or pick the words from "
            "the transcript."
        )
    if cues is None:
        return (
            "A soundbite's length is measured in the episode's transcript: attach one under "
            "Transcripts first."
        )
    seconds = measured_seconds(cues, text, start)
    if seconds is None:
        return (
            f"These words are not in the transcript at {format_timestamp(start)}, so the "
            "soundbite's length can't be measured. Pick them from the transcript."
        )
    if not MIN_SECONDS <= seconds <= MAX_SECONDS:
        advice = "Quote more of what was said." if seconds < MIN_SECONDS else "Quote less."
        return (
            f"This soundbite would last {seconds:g} seconds; podcast apps take "
            f"{MIN_SECONDS} to {MAX_SECONDS} seconds. {advice}"
        )
    return ""


def body_problems(body, transcript: Transcript | None) -> dict[int, str]:
    """For a posted body: the index of each pull quote marked as a soundbite that can't be
    one, and why. Loads the transcript's cues only when a quote is marked."""
    marked = {
        index: child.value
        for index, child in enumerate(body)
        if child.block_type == "pull_quote" and child.value.get("soundbite")
    }
    if not marked:
        return {}
    cues = spoken_cues(transcript) if transcript is not None else None
    problems = {}
    for index, value in marked.items():
        problem = soundbite_problem(cues, value.get("text") or "", value.get("timestamp") or "")
        if problem:
            problems[index] = problem
    return problems


def _window(transcript_id: int, start: int) -> Q:
    """The cues a soundbite starting at `start` can span and still be short enough."""
    return Q(
        transcript_id=transcript_id,
        end_ms__gte=(start - EARLY_TOLERANCE) * 1000,
        start_ms__lte=(start + MAX_SECONDS) * 1000,
    )


def measure_soundbites(
    episodes: Sequence[tuple[Transcript | None, Iterable[Any]]],
) -> list[list[Soundbite]]:
    """The soundbites of each (transcript, stored body) pair, in one query for them all.

    A marked quote that is not found at its moment, or not 15 to 120 seconds long (the
    transcript was replaced since the editor saved), is left out: it is no soundbite.
    """
    wanted = [_marked_moments(transcript, raw_blocks) for transcript, raw_blocks in episodes]
    condition = Q()
    for transcript_id, _, start in (moment for moments in wanted for moment in moments):
        condition |= _window(transcript_id, start)
    if not condition:
        return [[] for _ in episodes]
    rows = list(TranscriptCue.objects.filter(condition).order_by("transcript_id", "position"))
    found = []
    for moments in wanted:
        soundbites = []
        for transcript_id, quote, start in moments:
            cues = [_spoken(row) for row in rows if _in_window(row, transcript_id, start)]
            seconds = measured_seconds(cues, quote.text, start)
            if seconds is not None and MIN_SECONDS <= seconds <= MAX_SECONDS:
                soundbites.append(Soundbite(start, seconds, title_of(quote.text)))
        found.append(soundbites)
    return found


def _marked_moments(
    transcript: Transcript | None, raw_blocks: Iterable[Any]
) -> list[tuple[int, MarkedQuote, int]]:
    """(transcript id, quote, start in seconds) of each marked quote that has a moment."""
    if transcript is None:
        return []
    moments = []
    for quote in marked_quotes(raw_blocks):
        start = timestamp_seconds(quote.timestamp)
        if start is not None:
            moments.append((transcript.pk, quote, start))
    return moments


def _in_window(row: TranscriptCue, transcript_id: int, start: int) -> bool:
    """The Python twin of _window, to share one query among several soundbites."""
    return (
        row.transcript_id == transcript_id
        and row.end_ms >= (start - EARLY_TOLERANCE) * 1000
        and row.start_ms <= (start + MAX_SECONDS) * 1000
    )


def _spoken(row: TranscriptCue) -> SpokenCue:
    # Who spoke doesn't change a soundbite's length.
    return SpokenCue(row.start_ms, row.end_ms, None, "", row.text)
