"""Locating an article's quotes in its episode's transcript, and checking who said them when.

A quote is matched word for word, case and punctuation aside, and may span several cues and
leave words out with "[…]", "(…)", "…" or "...": each part is found in order, a part at most
MAX_GAP_WORDS after the one before.
"""

import re
import unicodedata
from dataclasses import dataclass

from episodes.blocks.timestamps import format_timestamp
from episodes.transcripts.speakers import normalized

ELISION_RE = re.compile(r"\[\s*(?:…|\.\.\.)\s*\]|\(\s*(?:…|\.\.\.)\s*\)|…|\.\.\.")
WORD_RE = re.compile(r"\w+")
MAX_GAP_WORDS = 80
# How far before its first cue, in seconds, a typed timestamp may point (typed whole seconds).
EARLY_TOLERANCE = 3


def words(text: str) -> list[str]:
    """The words of a text, case folded, compatibility variants (ligatures, widths) unified."""
    return [word.casefold() for word in WORD_RE.findall(unicodedata.normalize("NFKC", text))]


@dataclass(frozen=True)
class SpokenCue:
    """A cue as quote checking reads it: times, who spoke (person id and public name)."""

    start_ms: int
    end_ms: int
    person_id: int | None
    speaker: str
    text: str


@dataclass(frozen=True)
class Spoken:
    """Where a quote was said: from its first cue to its last."""

    first: SpokenCue
    last: SpokenCue

    @property
    def start_seconds(self) -> int:
        return self.first.start_ms // 1000

    def contains_moment(self, seconds: int) -> bool:
        return self.start_seconds - EARLY_TOLERANCE <= seconds <= self.last.end_ms / 1000


class TranscriptWords:
    """The transcript as one run of words, each knowing its cue."""

    def __init__(self, cues: list[SpokenCue]) -> None:
        self.cues = cues
        self.words: list[str] = []
        self.cue_of: list[int] = []
        for index, cue in enumerate(cues):
            cue_words = words(cue.text)
            self.words += cue_words
            self.cue_of += [index] * len(cue_words)

    def _at(self, part: list[str], start: int) -> bool:
        return self.words[start : start + len(part)] == part

    def find(self, quote: str) -> list[Spoken]:
        """Every place the quote was said, in order."""
        parts = [part for part in (words(piece) for piece in ELISION_RE.split(quote)) if part]
        if not parts:
            return []
        found = []
        first = parts[0]
        for start in range(len(self.words) - len(first) + 1):
            if not self._at(first, start):
                continue
            end = start + len(first)
            for part in parts[1:]:
                window = range(end, min(end + MAX_GAP_WORDS, len(self.words) - len(part)) + 1)
                position = next((i for i in window if self._at(part, i)), None)
                if position is None:
                    break
                end = position + len(part)
            else:
                found.append(Spoken(self.cues[self.cue_of[start]], self.cues[self.cue_of[end - 1]]))
        return found


@dataclass
class QuoteCheck:
    """The verdict on one quote: verified or why not, and where it was found."""

    where: str
    text: str
    verified: bool
    reason: str
    spoken: Spoken | None

    def as_report(self) -> dict:
        return {
            "where": self.where,
            "text": self.text,
            "verified": self.verified,
            "reason": self.reason,
            "at": format_timestamp(self.spoken.start_seconds) if self.spoken else None,
        }


def check_quote(
    transcript: TranscriptWords,
    where: str,
    text: str,
    timestamp: int | None,
    person_id: int | None,
    speaker_name: str,
) -> QuoteCheck:
    """Is the quote in the transcript, at its timestamp (if any), said by its speaker (if any)?"""
    places = transcript.find(text)
    if not places:
        return QuoteCheck(where, text, False, "not found in the transcript", None)
    if timestamp is not None:
        near = [place for place in places if place.contains_moment(timestamp)]
        if not near:
            moment = format_timestamp(places[0].start_seconds)
            reason = f"found at another moment ({moment}, not {format_timestamp(timestamp)})"
            return QuoteCheck(where, text, False, reason, places[0])
        places = near
    spoken = places[0]
    said_by = spoken.first
    if person_id is not None and said_by.person_id is not None and person_id != said_by.person_id:
        reason = f"said by someone else ({said_by.speaker})"
        return QuoteCheck(where, text, False, reason, spoken)
    if speaker_name and said_by.speaker and normalized(speaker_name) != normalized(said_by.speaker):
        reason = f"said by someone else ({said_by.speaker})"
        return QuoteCheck(where, text, False, reason, spoken)
    return QuoteCheck(where, text, True, "", spoken)
