"""The API detail's soundbites: what the feed offers podcast apps, for frontends."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from episodes import factories as f
from tests.support.site import publish
from tests.support.soundbites import attach_timed_transcript

PROMISE = "A price is a promise about what the work is worth. The clients who stayed"


def episode_with_soundbites(show, number: int):
    episode = f.EpisodePageFactory(
        parent=show,
        episode_number=number,
        slug=f"episode-{number}",
        body=[
            f.pull_quote(PROMISE, timestamp="1:00", soundbite=True),
            f.pull_quote("Short answer.", timestamp="1:20", soundbite=True),  # 4 s: left out
            f.pull_quote("Exactly fifteen seconds of words.", timestamp="5:00"),  # not marked
        ],
    )
    attach_timed_transcript(episode)
    return publish(episode)


def test_the_detail_lists_the_soundbites_measured_in_the_transcript(client, show):
    publish(show)
    episode = episode_with_soundbites(show, 1)
    data = client.get(f"/api/v2/pages/{episode.pk}/").json()
    assert data["soundbites"] == [{"text": PROMISE, "start_seconds": 60, "duration_seconds": 20.5}]


def test_an_episode_without_transcript_has_none(client, show):
    publish(show)
    episode = publish(
        f.EpisodePageFactory(
            parent=show, body=[f.pull_quote(PROMISE, timestamp="1:00", soundbite=True)]
        )
    )
    assert client.get(f"/api/v2/pages/{episode.pk}/").json()["soundbites"] == []


def test_a_rendered_listing_measures_every_episode_in_one_query(client, show, settings):
    # The batch render under test; a stored listing renders missing rows page by page.
    settings.API_STORED_REPRESENTATIONS = False
    publish(show)
    for number in (1, 2, 3):
        episode_with_soundbites(show, number)
    url = "/api/v2/pages/?type=episodes.EpisodePage&fields=soundbites"
    with CaptureQueriesContext(connection) as queries:
        items = client.get(url).json()["items"]
    assert [len(item["soundbites"]) for item in items] == [1, 1, 1]
    assert len([q for q in queries.captured_queries if "transcriptcue" in q["sql"]]) == 1
