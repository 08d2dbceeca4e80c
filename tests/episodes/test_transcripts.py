"""Transcripts: parsing each format, clear errors, storage, speaker mapping, the command."""

import importlib
import json
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command

from episodes import factories as f
from episodes.models import EpisodeGuest, EpisodeHost
from episodes.transcripts.models import Transcript
from episodes.transcripts.parsing import Cue, TranscriptError, parse
from episodes.transcripts.storage import read_transcript, store_transcript
from tests.support.published_site import transcript as transcript_document

VTT = """WEBVTT
Kind: captions

NOTE written for these tests

intro
00:00:00.000 --> 00:00:03.250
<v Alice Martin>Welcome back to the show,
everyone.

00:00:03.250 --> 00:00:07.004
<v.loud Ines Duval>Thanks &amp; hello!</v>

00:01:02.500 --> 00:01:05.000 align:start
<v Speaker 1>Prices &lt;rarely&gt; move.

00:01:05.000 --> 00:01:06.000
No voice here.
"""

SRT = """1
00:00:00,000 --> 00:00:03,250
Alice Martin: Welcome back to the show,
everyone.

2
00:00:03,250 --> 00:00:07,004
Inès Duval: Thanks & hello!

3
00:01:02,500 --> 00:01:05,000
Speaker 1: Prices <rarely> move.

4
00:01:05,000 --> 00:01:06,000
No voice here.
"""

JSON = json.dumps(
    {
        "version": "1.0.0",
        "segments": [
            {"speaker": "Alice Martin", "startTime": 0, "endTime": 3.25, "body": "Welcome back."},
            {"speaker": "Speaker 1", "startTime": 62.5, "endTime": 65.0, "body": "Prices move."},
            {"startTime": 65.0, "endTime": 66.001, "body": "No voice here."},
        ],
    }
)


def test_webvtt_voices_entities_settings_and_notes():
    cues = parse(VTT, "vtt")
    assert cues == [
        Cue(0, 3250, "Alice Martin", "Welcome back to the show, everyone."),
        Cue(3250, 7004, "Ines Duval", "Thanks & hello!"),
        Cue(62_500, 65_000, "Speaker 1", "Prices <rarely> move."),
        Cue(65_000, 66_000, "", "No voice here."),
    ]


def test_srt_name_prefixes():
    cues = parse(SRT, "srt")
    assert [(cue.speaker, cue.start_ms, cue.end_ms) for cue in cues] == [
        ("Alice Martin", 0, 3250),
        ("Inès Duval", 3250, 7004),
        ("Speaker 1", 62_500, 65_000),
        ("", 65_000, 66_000),
    ]
    assert cues[1].text == "Thanks & hello!"
    assert cues[3].text == "No voice here."


def test_podcasting_json():
    cues = parse(JSON, "json")
    assert cues == [
        Cue(0, 3250, "Alice Martin", "Welcome back."),
        Cue(62_500, 65_000, "Speaker 1", "Prices move."),
        Cue(65_000, 66_001, "", "No voice here."),
    ]


def test_format_from_the_name_or_the_content_and_windows_line_ends():
    data = ("\ufeff" + VTT.replace("\n", "\r\n")).encode()
    transcript_format, cues = read_transcript(data, "upload")
    assert (transcript_format, len(cues)) == ("vtt", 4)
    assert read_transcript(JSON.encode(), "t.json")[0] == "json"
    assert read_transcript(SRT.encode(), "t.srt")[0] == "srt"


@pytest.mark.parametrize(
    ("text", "transcript_format", "line", "reason"),
    [
        ("hello\n", "vtt", 1, 'starts with "WEBVTT"'),
        (
            "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nok\n\n00:00:0x.000 --> 00:00:03.000\nbad\n",
            "vtt",
            6,
            "expected cue times",
        ),
        ("WEBVTT\n\nintro\n00:00:05.000 --> 00:00:02.000\nbackwards\n", "vtt", 4, "ends before"),
        (
            "1\n00:00:01,000 --> 00:00:02,000\nA: ok\n\n2\n00:00:0x,000 --> 00:00:03,000\nbad\n",
            "srt",
            5,
            "expected a subtitle",
        ),
        ('{\n "segments": [\n  {"startTime": 1,, }\n ]\n}', "json", 3, "not valid JSON"),
        ('{"segments": [{"startTime": 2, "endTime": 1, "body": "x"}]}', "json", None, "segment 1"),
        ('{"segments": [{"startTime": "0:01", "endTime": 1}]}', "json", None, "startTime"),
        ('{"cues": []}', "json", None, '"segments" list'),
        ("WEBVTT\n\nNOTE nothing said\n", "vtt", None, "no cues"),
    ],
)
def test_bad_files_say_where_and_why(text, transcript_format, line, reason):
    with pytest.raises(TranscriptError) as raised:
        parse(text, transcript_format)
    assert raised.value.line == line
    assert reason in str(raised.value)
    if line:
        assert str(raised.value).startswith(f"Line {line}: ")


def test_not_utf8_and_too_large(settings):
    with pytest.raises(TranscriptError, match="Line 3: the file is not UTF-8"):
        read_transcript(b"WEBVTT\n\n\xff\xfe", "t.vtt")
    settings.TRANSCRIPT_MAX_BYTES = 10
    with pytest.raises(TranscriptError, match="larger than 10 bytes"):
        read_transcript(VTT.encode(), "t.vtt")


@pytest.fixture
def people(db):
    return {
        "alice": f.PersonFactory(name="Alice Martin"),
        "ines": f.PersonFactory(name="Inès Duval"),
        "other": f.PersonFactory(name="Paul Renard"),
    }


@pytest.fixture
def credited_episode(show, people):
    episode = f.EpisodePageFactory(parent=show)
    EpisodeHost.objects.create(page=episode, person=people["alice"])
    EpisodeGuest.objects.create(page=episode, person=people["ines"])
    return episode


def mapping(transcript: Transcript) -> dict[str, str | None]:
    return {
        speaker.label: speaker.person.name if speaker.person else None
        for speaker in transcript.speakers.select_related("person")
    }


def test_speakers_are_matched_by_name_case_and_accents_aside(credited_episode, people):
    transcript = store_transcript(credited_episode, parse(VTT, "vtt"), "vtt", "", "t.vtt")
    assert mapping(transcript) == {
        "Alice Martin": "Alice Martin",
        "Ines Duval": "Inès Duval",
        "Speaker 1": None,
    }
    assert transcript.language == "fr"  # the show's
    assert transcript.cue_count == 4
    assert transcript.speaker_person_ids == [people["alice"].pk, people["ines"].pk]


def test_first_names_of_credited_people_and_anyone_by_full_name(credited_episode, people):
    cues = [
        Cue(0, 1000, "alice", "Hi."),
        Cue(1000, 2000, "PAUL RENARD", "Hello."),
        Cue(2000, 3000, "Paul", "Not credited: no first-name match."),
    ]
    transcript = store_transcript(credited_episode, cues, "srt", "en", "t.srt")
    assert mapping(transcript) == {
        "alice": "Alice Martin",
        "PAUL RENARD": "Paul Renard",
        "Paul": None,
    }


def test_attaching_again_replaces_cues_and_keeps_the_editors_mapping(credited_episode, people):
    transcript = store_transcript(credited_episode, parse(VTT, "vtt"), "vtt", "", "t.vtt")
    speaker = transcript.speakers.get(label="Speaker 1")
    speaker.person = people["other"]
    speaker.save()
    again = store_transcript(credited_episode, parse(SRT, "srt")[2:], "srt", "fr", "t2.srt")
    assert again.pk == transcript.pk
    assert mapping(again) == {"Speaker 1": "Paul Renard"}
    assert list(again.cues.values_list("position", "start_ms")) == [(0, 62_500), (1, 65_000)]
    assert again.speaker_person_ids == [people["other"].pk]


def test_the_command_attaches_and_reports(credited_episode, tmp_path):
    path = tmp_path / "episode.srt"
    path.write_text(SRT, encoding="utf-8")
    out = StringIO()
    call_command(
        "attach_transcript", str(credited_episode.pk), str(path), "--language", "en", stdout=out
    )
    transcript = Transcript.objects.get(episode=credited_episode)
    assert (transcript.language, transcript.cue_count, transcript.source_format) == ("en", 4, "srt")
    assert "Attached 4 cues (SRT, en)" in out.getvalue()
    assert "Speaker 1: not named publicly" in out.getvalue()
    assert "Alice Martin: shown as Alice Martin" in out.getvalue()


def test_the_command_refuses_a_bad_file_and_keeps_the_transcript(credited_episode, tmp_path):
    good = tmp_path / "good.vtt"
    good.write_text(VTT, encoding="utf-8")
    call_command("attach_transcript", str(credited_episode.pk), str(good), stdout=StringIO())
    bad = tmp_path / "bad.vtt"
    bad.write_text(VTT.replace("00:01:02.500 -->", "00:01:0x.500 -->"), encoding="utf-8")
    with pytest.raises(CommandError, match=r"bad.vtt: Line 14: expected cue times"):
        call_command("attach_transcript", str(credited_episode.pk), str(bad))
    transcript = Transcript.objects.get(episode=credited_episode)
    assert (transcript.cue_count, transcript.cues.count(), transcript.source_name) == (
        4,
        4,
        "good.vtt",
    )
    with pytest.raises(CommandError, match="No episode has the id 999999"):
        call_command("attach_transcript", "999999", str(good))
    with pytest.raises(CommandError, match=r"missing\.vtt: No such file"):
        call_command("attach_transcript", str(credited_episode.pk), str(tmp_path / "missing.vtt"))


def test_the_data_migration_parses_readable_transcript_files(show, people):
    migration = importlib.import_module("episodes.migrations.0006_parse_transcript_files")
    readable = f.EpisodePageFactory(parent=show, transcript_file=transcript_document("a.vtt"))
    plain = f.EpisodePageFactory(parent=show, transcript_file=transcript_document("a.txt"))
    migration.parse_transcript_files(apps, None)
    parsed = Transcript.objects.get(episode=readable)
    assert (parsed.cue_count, parsed.language, parsed.source_format) == (1, "fr", "vtt")
    assert parsed.cues.get().text == "Hello."
    assert not Transcript.objects.filter(episode=plain).exists()
    plain.refresh_from_db()
    assert plain.transcript_file is not None  # served as is, as before
