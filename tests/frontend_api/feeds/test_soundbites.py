"""podcast:soundbite in the feed: pull quotes marked as soundbites, measured in the transcript."""

import xml.etree.ElementTree as ET

from django.db import connection
from django.test.utils import CaptureQueriesContext

from episodes import factories as f
from episodes.transcripts.parsing import parse
from episodes.transcripts.storage import store_transcript
from frontend_api.feeds.validation import check_feed
from frontend_api.feeds.validation.building import document_for
from tests.support.published_site import publish_episode
from tests.support.soundbites import attach_timed_transcript

NS = {"podcast": "https://podcastindex.org/namespace/1.0"}
FEED = "/feeds/signal-noise/"
PROMISE = "A price is a promise about what the work is worth. The clients who stayed"


def soundbites_in(client) -> dict[str, list[dict]]:
    """Each item's soundbite tags (attributes and title), by item title."""
    response = client.get(FEED)
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    return {
        item.findtext("title"): [
            {**tag.attrib, "title": tag.text} for tag in item.findall("podcast:soundbite", NS)
        ]
        for item in root.findall("channel/item")
    }


def timed_episode(show, number: int, body: list):
    episode = publish_episode(
        show,
        title=f"Episode {number}",
        slug=f"episode-{number}",
        episode_number=number,
        audio_url=f"https://audio.example.com/{number}.mp3",
        body=body,
    )
    attach_timed_transcript(episode)
    return episode


def test_marked_quotes_become_soundbites_from_their_timestamp_to_the_end_of_their_cues(
    client, show
):
    timed_episode(
        show,
        1,
        [
            f.heading("Prices", timestamp="1:00"),
            f.pull_quote(PROMISE, speaker_name="Ines Duval", timestamp="1:00", soundbite=True),
            f.pull_quote("Two full minutes of words.", timestamp="10:00", soundbite=True),
            f.pull_quote("Exactly fifteen seconds of words.", timestamp="5:00"),
        ],
    )
    assert soundbites_in(client)["Episode 1"] == [
        {"startTime": "60.0", "duration": "20.5", "title": PROMISE},
        {"startTime": "600.0", "duration": "120", "title": "Two full minutes of words."},
    ]


def test_a_soundbite_no_longer_in_the_transcript_is_left_out(client, show):
    episode = timed_episode(show, 2, [f.pull_quote(PROMISE, timestamp="1:00", soundbite=True)])
    assert len(soundbites_in(client)["Episode 2"]) == 1
    # A corrected transcript without those words: the feed can't measure it, so no tag.
    store_transcript(
        episode,
        parse("WEBVTT\n\n00:01:00.000 --> 00:01:30.000\nOther words.\n", "vtt"),
        "vtt",
        "en",
        "corrected.vtt",
    )
    assert soundbites_in(client)["Episode 2"] == []


def test_soundbites_pass_the_feed_check_and_cost_one_query(client, show):
    for number in (1, 2, 3):
        timed_episode(show, number, [f.pull_quote(PROMISE, timestamp="1:00", soundbite=True)])
    client.get(FEED)
    with CaptureQueriesContext(connection) as three:
        found = soundbites_in(client)
    assert all(len(tags) == 1 for tags in found.values()) and len(found) == 3
    cue_queries = [q for q in three.captured_queries if "transcriptcue" in q["sql"]]
    assert len(cue_queries) == 1
    findings = check_feed(document_for(show))
    assert [finding for finding in findings if "soundbite" in finding.rule] == []
