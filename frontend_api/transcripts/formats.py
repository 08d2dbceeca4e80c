"""Writing cues as WebVTT, SRT, Podcasting 2.0 JSON and HTML.

A cue's `speaker` here is the public name (the mapped person's), or "" when none may be shown.
"""

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape

from episodes.transcripts.parsing import Cue


def clock(ms: int, separator: str = ".") -> str:
    """HH:MM:SS.mmm (WebVTT) or HH:MM:SS,mmm (SRT)."""
    seconds, millis = divmod(ms, 1000)
    minutes, seconds = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}{separator}{millis:03d}"


def _vtt_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def to_vtt(cues: Sequence[Cue], language: str = "") -> str:
    lines = ["WEBVTT", ""]
    for number, cue in enumerate(cues, start=1):
        voice = f"<v {_vtt_text(cue.speaker)}>" if cue.speaker else ""
        # Escaping ">" also keeps "-->", which may not appear in a cue's text, out of it.
        words = _vtt_text(cue.text)
        lines += [str(number), f"{clock(cue.start_ms)} --> {clock(cue.end_ms)}", voice + words, ""]
    return "\n".join(lines)


def to_srt(cues: Sequence[Cue], language: str = "") -> str:
    lines = []
    for number, cue in enumerate(cues, start=1):
        prefix = f"{cue.speaker}: " if cue.speaker else ""
        times = f"{clock(cue.start_ms, ',')} --> {clock(cue.end_ms, ',')}"
        lines += [str(number), times, prefix + cue.text, ""]
    return "\n".join(lines)


def to_json(cues: Sequence[Cue], language: str = "") -> str:
    segments = []
    for cue in cues:
        segment: dict = {"startTime": cue.start_ms / 1000, "endTime": cue.end_ms / 1000}
        if cue.speaker:
            segment["speaker"] = cue.speaker
        segment["body"] = cue.text
        segments.append(segment)
    document = {"version": "1.0.0", "segments": segments}
    return json.dumps(document, ensure_ascii=False, separators=(",", ":"))


def to_html(cues: Sequence[Cue], language: str = "") -> str:
    """A standalone page, one paragraph a cue: <cite>speaker</cite> <time>start</time> <p>."""
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{escape(language)}">' if language else "<html>",
        '<head><meta charset="utf-8"><title>Transcript</title></head>',
        "<body>",
    ]
    for cue in cues:
        seconds = cue.start_ms / 1000
        cite = f"<cite>{escape(cue.speaker)}:</cite> " if cue.speaker else ""
        time = f'<time datetime="PT{seconds:g}S">{clock(cue.start_ms)[:8]}</time>'
        parts.append(f"{cite}{time}\n<p>{escape(cue.text)}</p>")
    parts.append("</body>\n</html>\n")
    return "\n".join(parts)


@dataclass(frozen=True)
class Format:
    """A format transcripts are served in: its media type and its writer."""

    extension: str
    media_type: str
    write: Callable[[Sequence[Cue], str], str]
    captions: bool


FORMATS: dict[str, Format] = {
    fmt.extension: fmt
    for fmt in (
        Format("vtt", "text/vtt", to_vtt, captions=True),
        Format("srt", "application/x-subrip", to_srt, captions=True),
        Format("json", "application/json", to_json, captions=False),
        Format("html", "text/html", to_html, captions=False),
    )
}
