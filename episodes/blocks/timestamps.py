"""Moments in the episode's audio: parsing, formatting and the block editors type them in."""

import re

from django.core.exceptions import ValidationError
from wagtail import blocks

TIMESTAMP_RE = re.compile(r"^(?:(?:(\d+):)?([0-5]?\d):)?([0-5]?\d)$")


def parse_timestamp(text: str) -> int:
    """Turn "ss", "mm:ss" or "h:mm:ss" into seconds; raise ValueError otherwise."""
    match = TIMESTAMP_RE.match(text.strip())
    if not match:
        raise ValueError(text)
    hours, minutes, seconds = (int(part or 0) for part in match.groups())
    return hours * 3600 + minutes * 60 + seconds


def format_timestamp(seconds: int) -> str:
    """Render seconds as "m:ss" or "h:mm:ss", the way editors type them."""
    hours, rest = divmod(int(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def timestamp_seconds(text: str | None) -> int | None:
    """Seconds for a stored timestamp, None when empty or unreadable."""
    try:
        return parse_timestamp(text) if text else None
    except ValueError:
        return None


class TimestampBlock(blocks.CharBlock):
    """A moment in the episode's audio, typed as "mm:ss" or "h:mm:ss"."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", 10)
        kwargs.setdefault("help_text", 'Moment in the audio, e.g. "12:34" or "1:02:03".')
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        if value:
            try:
                parse_timestamp(value)
            except ValueError:
                raise ValidationError(
                    'Write the moment as "mm:ss" or "h:mm:ss", for example "12:34".'
                ) from None
        return value


# Migrations name the block by the path it had before blocks became a package; Wagtail's
# deconstruct() reads this so the autodetector sees no change.
DECONSTRUCT_ALIASES = {TimestampBlock: "episodes.blocks.TimestampBlock"}
