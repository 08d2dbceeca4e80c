"""Speak the demo episode's conversation into an Ogg Vorbis file and its WebVTT transcript.

    python scripts/demo_audio.py [--out episodes/demo/media]

Needs espeak-ng and sox (Debian: `apt-get install -y espeak-ng sox libsox-fmt-all`). The
outputs are committed, so seeding the demo needs neither. Each cue is spoken on its own and
the cues are laid end to end with pauses, so every cue's time is exact (counted in samples).
The same espeak-ng and libvorbis give the same bytes: sox runs with -R (no random dither
seed, fixed Ogg serial number).
"""

import argparse
import shutil
import subprocess
import sys
import tempfile
import wave
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from episodes.demo.content import PEOPLE  # noqa: E402 (after the path is set)
from episodes.demo.conversation import SECTIONS, VOICES  # noqa: E402
from frontend_api.transcripts.formats import clock  # noqa: E402 (the CMS's own WebVTT times)

NAME = "subscription-fatigue"
WORDS_PER_MINUTE = 165
# Pauses, in seconds: between two cues of a turn, between speakers, before a new section.
PAUSE_IN_TURN = 0.25
PAUSE_BETWEEN_TURNS = 0.6
PAUSE_BEFORE_SECTION = 1.0
# Speech needs little: mono, 16 kHz, Vorbis at its lowest quality setting (about 25 kbit/s).
SAMPLE_RATE = 16000
VORBIS_QUALITY = "-1"


def speak(text: str, voice: str, path: Path) -> None:
    subprocess.run(
        ["espeak-ng", "-v", voice, "-s", str(WORDS_PER_MINUTE), "-w", str(path), text],
        check=True,
    )


def vtt_time(seconds: float) -> str:
    return clock(round(seconds * 1000))


def vtt_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def lines():
    """(cue identifier, speaker key, text, pause before it in seconds), in speaking order.

    The first cue of each section is identified by its heading's anchor.
    """
    for anchor, turns in SECTIONS:
        for turn_index, (speaker, texts) in enumerate(turns):
            for text_index, text in enumerate(texts):
                if text_index:
                    yield "", speaker, text, PAUSE_IN_TURN
                elif turn_index:
                    yield "", speaker, text, PAUSE_BETWEEN_TURNS
                else:
                    yield anchor, speaker, text, PAUSE_BEFORE_SECTION


def build(out: Path) -> None:
    for tool in ("espeak-ng", "sox"):
        if shutil.which(tool) is None:
            sys.exit(f"{tool} is not installed: apt-get install -y espeak-ng sox libsox-fmt-all")
    out.mkdir(parents=True, exist_ok=True)
    frames = bytearray()
    params = None
    cues: list[str] = []
    with tempfile.TemporaryDirectory() as scratch:
        spoken = Path(scratch) / "cue.wav"
        for identifier, speaker, text, pause in lines():
            speak(text, VOICES[speaker], spoken)
            with wave.open(str(spoken)) as cue_wave:
                params = params or cue_wave.getparams()
                rate, width = params.framerate, params.sampwidth
                if frames:
                    frames += bytes(int(pause * rate) * width)
                start = len(frames) / width / rate
                frames += cue_wave.readframes(cue_wave.getnframes())
                end = len(frames) / width / rate
            heading = f"{identifier}\n" if identifier else ""
            cues.append(
                f"{heading}{vtt_time(start)} --> {vtt_time(end)}\n"
                f"<v {PEOPLE[speaker][0]}>{vtt_text(text)}"
            )
        assert params is not None
        whole = Path(scratch) / "whole.wav"
        with wave.open(str(whole), "wb") as joined:
            joined.setparams(params)
            joined.writeframes(bytes(frames))
        audio = out / f"{NAME}.ogg"
        subprocess.run(
            ["sox", "-R", str(whole), "-r", str(SAMPLE_RATE), "-C", VORBIS_QUALITY, str(audio)],
            check=True,
        )
    note = "NOTE Spoken by espeak-ng from episodes/demo/conversation.py (scripts/demo_audio.py)."
    transcript = out / f"{NAME}.vtt"
    transcript.write_text("WEBVTT\n\n" + note + "\n\n" + "\n\n".join(cues) + "\n")
    print(f"{audio}: {audio.stat().st_size:,} bytes; {transcript}: {len(cues)} cues")
    print("Sections start at (the headings' timestamps in article.py):")
    for cue in cues:
        if not cue[0].isdigit():
            anchor, timing = cue.split("\n")[:2]
            print(f"  {timing.split(' ')[0]}  {anchor}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "episodes" / "demo" / "media")
    build(parser.parse_args().out)


if __name__ == "__main__":
    main()
