"""Reading WebVTT, SRT and Podcasting 2.0 JSON transcripts into cues, or a clear error.

webvtt-py and srt do the parsing; this module adds what they leave out: the line of a bad
block (webvtt-py skips blocks it cannot read, which would lose them silently), the speaker
(a `<v Name>` voice span, a `Name:` prefix, the JSON `speaker`) and the checks on times.
"""

import html
import json
import re
import unicodedata
from dataclasses import dataclass

import srt
import webvtt
from webvtt.vtt import WebVTTCueBlock

FORMATS = ("vtt", "srt", "json")
# "Alice Martin: text" or "Speaker 1: text": up to four words, each capitalised or a number.
SPEAKER_PREFIX_RE = re.compile(
    r"^((?:[A-Z\u00C0-\u00DE0-9][\w.'\u2019-]*)(?: [\w.'\u2019-]+){0,3}):\s+(.+)", re.S
)
VTT_SKIPPED_BLOCKS = ("NOTE", "STYLE", "REGION")


@dataclass(frozen=True)
class Cue:
    """One stretch of speech: start and end in milliseconds, who spoke (as labelled), what."""

    start_ms: int
    end_ms: int
    speaker: str
    text: str


class TranscriptError(ValueError):
    """A transcript that cannot be read; `line` is 1-based, None when no line applies."""

    def __init__(self, reason: str, line: int | None = None) -> None:
        self.reason = reason
        self.line = line
        super().__init__(f"Line {line}: {reason}" if line else reason)


def detect_format(filename: str, text: str) -> str:
    """vtt, srt or json: from the file's extension, else from how it starts."""
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    if extension in FORMATS:
        return extension
    start = text.lstrip()
    if start.startswith("WEBVTT"):
        return "vtt"
    if start.startswith(("{", "[")):
        return "json"
    return "srt"


def decode(data: bytes) -> str:
    """The file's text: UTF-8, with or without a byte order mark."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise TranscriptError("the file is not UTF-8 text.", line) from None


def parse(text: str, transcript_format: str) -> list[Cue]:
    """The cues of a transcript in the given format; raises TranscriptError."""
    parser = {"vtt": parse_vtt, "srt": parse_srt, "json": parse_json}[transcript_format]
    cues = parser(text.replace("\r\n", "\n").replace("\r", "\n"))
    if not cues:
        raise TranscriptError("the transcript has no cues.")
    return cues


def _clean(text: str) -> str:
    return unicodedata.normalize("NFC", " ".join(text.split()))


def _check_times(start_ms: int, end_ms: int, line: int | None) -> None:
    if start_ms < 0:
        raise TranscriptError("a cue starts before 0.", line)
    if end_ms <= start_ms:
        raise TranscriptError("the cue ends before it starts (or when it starts).", line)


def _blocks(text: str) -> list[tuple[int, list[str]]]:
    """Blocks of non-blank lines with the 1-based number of their first line."""
    blocks: list[tuple[int, list[str]]] = []
    current: list[str] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            if not current:
                blocks.append((number, current))
            current.append(line)
        else:
            current = []
    return blocks


def parse_vtt(text: str) -> list[Cue]:
    blocks = _blocks(text)
    if not blocks or not blocks[0][1][0].startswith("WEBVTT"):
        raise TranscriptError('a WebVTT file starts with "WEBVTT".', 1)
    cue_lines: list[int] = []
    for first_line, lines in blocks[1:]:
        if lines[0].startswith(VTT_SKIPPED_BLOCKS):
            continue
        timing = next(
            (
                i
                for i, line in enumerate(lines[:2])
                if WebVTTCueBlock.CUE_TIMINGS_PATTERN.match(line)
            ),
            None,
        )
        if timing is None:
            raise TranscriptError(
                'expected cue times such as "00:01:02.500 --> 00:01:05.000", '
                f'found "{lines[0][:60]}".',
                first_line + (1 if "-->" in "".join(lines[1:2]) else 0),
            )
        cue_lines.append(first_line + timing)
    try:
        captions = webvtt.from_string(text).captions
    except (webvtt.errors.MalformedFileError, webvtt.errors.MalformedCaptionError) as error:
        raise TranscriptError(f"the WebVTT file could not be read ({error}).") from None
    if len(captions) != len(cue_lines):
        raise TranscriptError("some cues could not be read (check their times).")
    cues = []
    for caption, line in zip(captions, cue_lines, strict=True):
        start_ms = caption.start_time.in_milliseconds()
        end_ms = caption.end_time.in_milliseconds()
        _check_times(start_ms, end_ms, line)
        # webvtt-py removes the tags but leaves character references (&amp;, &lt;) as written.
        words = _clean(html.unescape(caption.text))
        if words:
            cues.append(Cue(start_ms, end_ms, _clean(html.unescape(caption.voice or "")), words))
    return cues


def _line_of(text: str, offset: int) -> int:
    """The line of the first non-blank character at or after offset."""
    while offset < len(text) and text[offset] in " \t\n":
        offset += 1
    return text.count("\n", 0, offset) + 1


def split_speaker(text: str) -> tuple[str, str]:
    """("Name", "what they said") for "Name: what they said", else ("", text)."""
    match = SPEAKER_PREFIX_RE.match(text)
    return (match.group(1), match.group(2)) if match else ("", text)


def parse_srt(text: str) -> list[Cue]:
    try:
        subtitles = list(srt.parse(text))
    except srt.SRTParseError as error:
        raise TranscriptError(
            'expected a subtitle: its number, then times such as "00:01:02,500 --> 00:01:05,000", '
            "then its text.",
            _line_of(text, error.expected_start),
        ) from None
    cues = []
    search_from = 0
    for subtitle in subtitles:
        found = text.find(" --> ", search_from)
        line = text.count("\n", 0, found) + 1 if found >= 0 else None
        search_from = found + 1 if found >= 0 else search_from
        start_ms = subtitle.start // srt.timedelta(milliseconds=1)
        end_ms = subtitle.end // srt.timedelta(milliseconds=1)
        _check_times(start_ms, end_ms, line)
        speaker, words = split_speaker(subtitle.content.strip())
        words = _clean(words)
        if words:
            cues.append(Cue(start_ms, end_ms, _clean(speaker), words))
    return cues


def _seconds(value, name: str, position: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TranscriptError(f'segment {position}: "{name}" must be a number of seconds.')
    return round(value * 1000)


def parse_json(text: str) -> list[Cue]:
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise TranscriptError(f"not valid JSON ({error.msg}).", error.lineno) from None
    segments = document.get("segments") if isinstance(document, dict) else None
    if not isinstance(segments, list):
        raise TranscriptError('a Podcasting 2.0 transcript is an object with a "segments" list.')
    cues = []
    for position, segment in enumerate(segments, start=1):
        if not isinstance(segment, dict):
            raise TranscriptError(f"segment {position} is not an object.")
        start_ms = _seconds(segment.get("startTime"), "startTime", position)
        end_ms = _seconds(segment.get("endTime"), "endTime", position)
        try:
            _check_times(start_ms, end_ms, None)
        except TranscriptError as error:
            raise TranscriptError(f"segment {position}: {error.reason}") from None
        body, speaker = segment.get("body", ""), segment.get("speaker", "")
        if not isinstance(body, str) or not isinstance(speaker, str):
            raise TranscriptError(f'segment {position}: "body" and "speaker" must be text.')
        words = _clean(body)
        if words:
            cues.append(Cue(start_ms, end_ms, _clean(speaker), words))
    return cues
