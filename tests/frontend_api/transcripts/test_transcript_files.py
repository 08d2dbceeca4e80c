"""Transcript URLs: each format with its exact type, CORS for all, speakers only as people."""

import json

import pytest
from wagtail.models import PageViewRestriction

from episodes import factories as f
from episodes.models import EpisodeHost
from episodes.transcripts.parsing import parse
from episodes.transcripts.storage import store_transcript
from tests.episodes.test_transcripts import VTT
from tests.support.site import publish

TYPES = {
    "vtt": "text/vtt",
    "srt": "application/x-subrip",
    "json": "application/json",
    "html": "text/html",
}


@pytest.fixture
def alice(db):
    return f.PersonFactory(name="Alice Martin")


@pytest.fixture
def transcribed(show, alice):
    publish(show)
    episode = f.EpisodePageFactory(parent=show)
    EpisodeHost.objects.create(page=episode, person=alice)
    publish(episode)
    store_transcript(episode, parse(VTT, "vtt"), "vtt", "", "episode.vtt")
    return episode


def get(client, episode, extension: str, **headers):
    return client.get(f"/transcripts/{episode.pk}.{extension}", headers=headers)


@pytest.mark.parametrize("extension", TYPES)
def test_each_format_has_its_exact_type_and_cors_for_all(client, transcribed, extension):
    response = get(client, transcribed, extension, Origin="https://player.example")
    assert response.status_code == 200
    assert response["Content-Type"] == TYPES[extension]
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Content-Language"] == "fr"
    assert response["ETag"]
    body = response.content.decode()
    assert "Welcome back to the show" in body
    # Speakers without a person are never named publicly, in any format.
    assert "Alice Martin" in body
    assert "Speaker 1" not in body and "Ines Duval" not in body
    again = get(client, transcribed, extension, **{"If-None-Match": response["ETag"]})
    assert again.status_code == 304


def test_what_each_format_says(client, transcribed):
    vtt = get(client, transcribed, "vtt").content.decode()
    assert vtt.startswith("WEBVTT\n\n1\n00:00:00.000 --> 00:00:03.250\n<v Alice Martin>Welcome")
    assert "00:01:02.500 --> 00:01:05.000\nPrices &lt;rarely&gt; move." in vtt
    srt = get(client, transcribed, "srt").content.decode()
    assert srt.startswith("1\n00:00:00,000 --> 00:00:03,250\nAlice Martin: Welcome back")
    assert "2\n00:00:03,250 --> 00:00:07,004\nThanks & hello!" in srt
    document = json.loads(get(client, transcribed, "json").content)
    assert document["version"] == "1.0.0"
    assert document["segments"][0] == {
        "startTime": 0.0,
        "endTime": 3.25,
        "speaker": "Alice Martin",
        "body": "Welcome back to the show, everyone.",
    }
    assert "speaker" not in document["segments"][2]
    html = get(client, transcribed, "html").content.decode()
    assert '<html lang="fr">' in html and '<meta charset="utf-8">' in html
    assert "<cite>Alice Martin:</cite>" in html
    assert "<p>Prices &lt;rarely&gt; move.</p>" in html


def test_round_trips_keep_cue_count_and_times_to_the_millisecond(client, transcribed):
    original = parse(VTT, "vtt")
    times = [(cue.start_ms, cue.end_ms) for cue in original]
    texts = [cue.text for cue in original]
    for extension in ("vtt", "srt", "json"):
        served = get(client, transcribed, extension).content.decode()
        cues = parse(served, extension)
        assert len(cues) == len(original), extension
        assert [(cue.start_ms, cue.end_ms) for cue in cues] == times, extension
        assert [cue.text for cue in cues] == texts, extension
        assert [cue.speaker for cue in cues] == ["Alice Martin", "", "", ""], extension


def test_hidden_or_missing_gives_a_json_404(client, show, transcribed):
    draft = f.EpisodePageFactory(parent=show, live=False)
    store_transcript(draft, parse(VTT, "vtt"), "vtt", "", "draft.vtt")
    without = publish(f.EpisodePageFactory(parent=show))
    PageViewRestriction.objects.create(page=transcribed, restriction_type=PageViewRestriction.LOGIN)
    for episode in (draft, without, transcribed):
        response = get(client, episode, "vtt")
        assert response.status_code == 404
        assert response.json() == {"message": "No public episode with a transcript has this id."}
    assert client.get("/transcripts/1.txt").status_code == 404
    assert client.get("/transcripts/99999999999.vtt").status_code == 404
    assert client.post(f"/transcripts/{transcribed.pk}.vtt").status_code == 405


def test_the_api_detail_describes_it(client, transcribed, alice):
    data = client.get(f"/api/v2/pages/{transcribed.pk}/").json()["transcript"]
    assert data["language"] == "fr"
    assert data["cue_count"] == 4
    assert [person["name"] for person in data["speakers"]] == ["Alice Martin"]
    assert [fmt["url"] for fmt in data["formats"]] == [
        f"http://localhost:8000/transcripts/{transcribed.pk}.{extension}" for extension in TYPES
    ]
    assert [fmt["rel"] for fmt in data["formats"]] == ["captions", "captions", None, None]


def test_a_transcript_costs_the_detail_no_query(client, show, alice, settings):
    """Its row comes with the episode's; its people with the hosts', their photos likewise."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    settings.API_CACHE_ENABLED = False
    publish(show)
    alice.photo = f.ImageFactory()
    alice.save()
    f.PersonFactory(name="Camille Roy", photo=f.ImageFactory())
    episode = f.EpisodePageFactory(parent=show)
    EpisodeHost.objects.create(page=episode, person=alice)
    publish(episode)
    url = f"/api/v2/pages/{episode.pk}/"

    def queries() -> int:
        client.get(url)  # renditions are made on the first request
        with CaptureQueriesContext(connection) as captured:
            client.get(url)
        return len(captured)

    without = queries()
    cues = parse("WEBVTT\n\n00:01.000 --> 00:02.000\n<v Camille Roy>Hi.\n", "vtt")
    store_transcript(episode, cues, "vtt", "", "t.vtt")
    assert queries() == without
    data = client.get(url).json()["transcript"]
    assert [person["name"] for person in data["speakers"]] == ["Camille Roy"]
    assert data["speakers"][0]["photo"] is not None
