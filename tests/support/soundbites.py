"""A transcript whose cues last known lengths, for the soundbite and quote picker tests."""

from episodes.transcripts.parsing import parse
from episodes.transcripts.storage import store_transcript

TIMED_CONVERSATION = """WEBVTT

00:01:00.000 --> 00:01:08.000
<v Ines Duval>A price is a promise about what the work is worth.

00:01:08.000 --> 00:01:20.500
<v Ines Duval>The clients who stayed were the ones who had listened all along.

00:01:20.500 --> 00:01:24.000
<v Alice Martin>Short answer.

00:01:30.000 --> 00:03:40.000
<v Alice Martin>A monologue about pricing that runs on and on.

00:05:00.000 --> 00:05:15.000
<v Ines Duval>Exactly fifteen seconds of words.

00:10:00.000 --> 00:12:00.000
<v Ines Duval>Two full minutes of words.

00:20:00.000 --> 00:20:14.999
<v Ines Duval>Just short of fifteen seconds.
"""


def attach_timed_transcript(episode):
    """Store TIMED_CONVERSATION as the episode's transcript."""
    return store_transcript(
        episode, parse(TIMED_CONVERSATION, "vtt"), "vtt", "en", "conversation.vtt"
    )
