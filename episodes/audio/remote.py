"""Probing an external audio URL: a HEAD, then a small ranged GET whose bytes mutagen reads."""

import io
import re
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import timedelta

from episodes.audio.facts import AudioFacts, read_facts

# Enough for an MP3's first frames (Xing header included) or an MP4 whose moov comes first.
PROBE_BYTES = 64 * 1024
USER_AGENT = "podcast-cms-audio-probe/1"
CONTENT_RANGE_RE = re.compile(r"bytes \d+-\d+/(\d+)")


@dataclass
class ProbeResult:
    """What the host answered and what its bytes say; `error` is empty when both worked."""

    status_code: int | None = None
    size: int | None = None
    mime_type: str = ""
    duration: timedelta | None = None
    accepts_ranges: bool = False
    error: str = ""


def _request(url: str, method: str, timeout: float, headers: dict[str, str]):
    request = urllib.request.Request(
        url, method=method, headers={"User-Agent": USER_AGENT, **headers}
    )
    return urllib.request.urlopen(request, timeout=timeout)


def _total_size(content_range: str | None) -> int | None:
    match = CONTENT_RANGE_RE.fullmatch((content_range or "").strip())
    return int(match.group(1)) if match else None


def probe_url(url: str, timeout: float) -> ProbeResult:
    """HEAD then GET of the first PROBE_BYTES; each network step is bounded by `timeout`."""
    result = ProbeResult()
    if not url.lower().startswith(("http://", "https://")):
        result.error = "Only http and https URLs can be probed."
        return result
    try:
        with _request(url, "HEAD", timeout, {}) as answer:
            result.status_code = answer.status
            length = answer.headers.get("Content-Length")
            result.size = int(length) if length and length.isdigit() else None
            result.accepts_ranges = answer.headers.get("Accept-Ranges", "").lower() == "bytes"
        with _request(url, "GET", timeout, {"Range": f"bytes=0-{PROBE_BYTES - 1}"}) as answer:
            result.status_code = answer.status
            head = answer.read(PROBE_BYTES)
            if answer.status == 206:
                result.accepts_ranges = True
                result.size = _total_size(answer.headers.get("Content-Range")) or result.size
    except urllib.error.HTTPError as error:
        result.status_code = error.code
        result.error = f"The host answered HTTP {error.code} {error.reason}."
        return result
    except (urllib.error.URLError, OSError, ValueError) as error:
        reason = getattr(error, "reason", error)
        result.error = f"The host could not be reached: {reason}."
        return result
    facts = read_facts(io.BytesIO(head))
    if facts is None:
        result.error = "The first bytes are not audio podcast apps can play."
        return result
    result.mime_type = facts.mime_type
    result.duration = _whole_duration(facts, len(head), result.size)
    return result


def _whole_duration(facts: AudioFacts, probed: int, size: int | None) -> timedelta | None:
    """The duration of the whole file, from what mutagen made of its first bytes.

    An MP3 without a frame count (Xing or VBRI header) is timed by mutagen from the number of
    bytes it was given at its bitrate; a probe of part of it is timed from the whole size
    instead. Other formats give the duration in their header or not at all.
    """
    duration, bitrate = facts.duration, facts.bitrate
    if duration is None or not bitrate or size is None or probed >= size:
        return duration
    timed_from_bytes = probed * 8 / bitrate
    if facts.mime_type == "audio/mpeg" and abs(duration.total_seconds() - timed_from_bytes) < 0.5:
        return timedelta(milliseconds=round(size * 8 * 1000 / bitrate))
    return duration
