"""A changed transcript or speaker mapping shows on the very next API request."""

import pytest

from episodes import factories as f
from episodes.transcripts.parsing import Cue
from episodes.transcripts.storage import store_transcript

pytestmark = pytest.mark.usefixtures("cache_backend")


def test_attaching_and_remapping_restamp_the_detail_and_listing(client, episode, committed):
    detail = f"/api/v2/pages/{episode.pk}/"
    listing = "/api/v2/pages/?type=episodes.EpisodePage&fields=transcript"
    for url in (detail, listing):
        client.get(url)
        assert client.get(url)["X-API-Cache"] == "hit"
    with committed():
        transcript = store_transcript(
            episode, [Cue(0, 1000, "Speaker 1", "Hi.")], "vtt", "", "t.vtt"
        )
    answer = client.get(detail)
    assert answer["X-API-Cache"] == "miss"
    assert answer.json()["transcript"]["cue_count"] == 1
    assert answer.json()["transcript"]["speakers"] == []
    (item,) = client.get(listing).json()["items"]
    assert item["transcript"]["cue_count"] == 1

    client.get(detail)
    person = f.PersonFactory(name="Camille Roy")
    with committed():
        speaker = transcript.speakers.get()
        speaker.person = person
        speaker.save()
        transcript.refresh_summary()
    speakers = client.get(detail).json()["transcript"]["speakers"]
    assert [item["name"] for item in speakers] == ["Camille Roy"]

    with committed():
        transcript.delete()
    assert client.get(detail).json()["transcript"] is None
