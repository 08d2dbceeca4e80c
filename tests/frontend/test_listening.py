"""What the player follows (chapters, transcript cues) and the weight of its script."""

import asyncio
import gzip
import logging
import re
from pathlib import Path

import pytest

from frontend.cms import CMSClient
from frontend.listening import Chapter, Cue, chapters, cues, transcript_cues

PLAYER_SCRIPT = Path(__file__).resolve().parents[2] / "frontend" / "static" / "site.js"
GZIP_BUDGET = 15 * 1024


def heading(text: str, anchor: str, seconds) -> dict:
    value = {"text": text, "level": 2, "anchor": anchor, "timestamp_seconds": seconds}
    return {"type": "heading", "value": value}


def test_chapters_are_the_timed_headings_in_audio_order_one_per_moment():
    page = {
        "body": [
            heading("Later", "later", 90),
            heading("Untimed", "untimed", None),
            {"type": "paragraph", "value": {"text": "<p>Words.</p>"}},
            heading("Opening", "opening", 0),
            heading("Same moment", "same-moment", 90),
            heading("Not a number", "odd", "90"),
            {"type": "heading", "value": "not an object"},
        ]
    }
    assert chapters(page) == [Chapter(0, "Opening", "opening"), Chapter(90, "Later", "later")]
    assert chapters({}) == []


def test_cues_keep_well_formed_segments_and_leave_the_rest_out():
    document = {
        "version": "1.0.0",
        "segments": [
            {"startTime": 0.0, "endTime": 2.5, "speaker": "Claire Dumont", "body": "Hello."},
            {"startTime": 2.5, "endTime": 4, "body": "No speaker named."},
            {"startTime": "3", "endTime": 4, "body": "A time that is text."},
            {"startTime": 5, "endTime": 6, "body": "   "},
            {"startTime": True, "endTime": 6, "body": "A boolean time."},
            {"startTime": 7, "endTime": 6, "body": "Ends before it starts."},
            "not a segment",
        ],
    }
    assert cues(document) == [
        Cue(0.0, 2.5, "Claire Dumont", "Hello."),
        Cue(2.5, 4.0, "", "No speaker named."),
        Cue(7.0, 7.0, "", "Ends before it starts."),
    ]
    assert cues({"segments": "nothing"}) == [] and cues([]) == []  # type: ignore[arg-type]


@pytest.mark.django_db(transaction=True)
def test_a_transcript_the_cms_cannot_give_leaves_the_page_without_a_panel(live_server, caplog):
    async def read(url: str) -> list[Cue]:
        client = CMSClient(live_server.url, timeout=10)
        try:
            formats = [{"url": url, "type": "application/json"}]
            return await transcript_cues(client, {"id": 7, "transcript": {"formats": formats}})
        finally:
            await client.close()

    with caplog.at_level(logging.WARNING, logger="frontend"):
        # No such episode (404), then a page that answers HTML rather than JSON.
        assert asyncio.run(read("https://elsewhere.example/transcripts/999999.json")) == []
        assert asyncio.run(read(f"{live_server.url}/admin/login/")) == []
    assert len([r for r in caplog.records if "Transcript of page 7" in r.getMessage()]) == 2
    assert asyncio.run(read("")) == []


def test_the_player_script_is_plain_and_small():
    source = PLAYER_SCRIPT.read_bytes()
    size = len(gzip.compress(source, compresslevel=9))
    print(f"site.js: {len(source)} bytes, {size} bytes gzipped (budget {GZIP_BUDGET})")
    assert size <= GZIP_BUDGET
    text = source.decode()
    # One file the browser runs as it is: no modules, no bundler, no framework.
    assert not re.search(r"^\s*(import|export)\b|\brequire\(", text, re.MULTILINE)
