"""Duration and MIME type read from audio bytes with mutagen, by content and never by name."""

from dataclasses import dataclass
from datetime import timedelta
from typing import IO

import mutagen
from mutagen.aac import AAC
from mutagen.flac import FLAC
from mutagen.mp3 import MP3
from mutagen.mp4 import MP4
from mutagen.oggopus import OggOpus
from mutagen.oggvorbis import OggVorbis
from mutagen.wave import WAVE

# The formats podcast apps play, each with the MIME type feeds and players expect.
PODCAST_FORMATS: dict[type, str] = {
    MP3: "audio/mpeg",
    MP4: "audio/mp4",
    AAC: "audio/aac",
    OggVorbis: "audio/ogg",
    OggOpus: "audio/ogg",
    FLAC: "audio/flac",
    WAVE: "audio/wav",
}


@dataclass(frozen=True)
class AudioFacts:
    """What the bytes say: the MIME type and, when the header tells, duration and bitrate."""

    mime_type: str
    duration: timedelta | None
    bitrate: int | None = None


class _Nameless:
    """A file without its name, so mutagen decides from the content alone."""

    def __init__(self, file: IO[bytes]) -> None:
        self._file = file

    def read(self, size: int = -1) -> bytes:
        return self._file.read(size)

    def seek(self, offset: int, whence: int = 0) -> int:
        return self._file.seek(offset, whence)

    def tell(self) -> int:
        return self._file.tell()


def read_facts(file: IO[bytes]) -> AudioFacts | None:
    """The facts of a seekable audio file, or None when it is no audio format podcasts use."""
    try:
        audio = mutagen.File(_Nameless(file), options=list(PODCAST_FORMATS))
    except (mutagen.MutagenError, ValueError, EOFError, OSError):
        return None
    if audio is None:
        return None
    length = getattr(audio.info, "length", None)
    duration = timedelta(milliseconds=round(length * 1000)) if length else None
    bitrate = getattr(audio.info, "bitrate", None) or None
    return AudioFacts(PODCAST_FORMATS[type(audio)], duration, bitrate)
