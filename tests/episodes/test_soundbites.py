"""Soundbites: measured in the transcript from the quote's timestamp, 15 to 120 seconds."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.blocks import StreamValue

from episodes import factories as f
from episodes.blocks import EpisodeBodyBlock
from episodes.models import EpisodePage
from episodes.transcripts.checking import spoken_cues
from episodes.transcripts.soundbites import (
    Soundbite,
    body_problems,
    measure_soundbites,
    soundbite_problem,
    title_of,
)
from tests.episodes.test_editor_form_data import edit_form_data, post_edit, stored_state
from tests.support.soundbites import attach_timed_transcript

PROMISE = "A price is a promise about what the work is worth. The clients who stayed"


@pytest.fixture
def cues(episode):
    return spoken_cues(attach_timed_transcript(episode))


@pytest.mark.parametrize(
    ("text", "timestamp"),
    [
        (PROMISE, "1:00"),
        ("Exactly fifteen seconds of words.", "5:00"),  # the lower bound is allowed
        ("Two full minutes of words.", "10:00"),  # the upper bound too
        # A typed timestamp may be up to 3 s early; the length counts from it.
        ("Exactly fifteen seconds of words.", "4:58"),
    ],
)
def test_quotes_of_15_to_120_seconds_are_soundbites(cues, text, timestamp):
    assert soundbite_problem(cues, text, timestamp) == ""


@pytest.mark.parametrize(
    ("text", "timestamp", "message"),
    [
        (
            "Short answer.",
            "1:20",
            "This soundbite would last 4 seconds; podcast apps take 15 to 120 seconds. "
            "Quote more of what was said.",
        ),
        (
            "Just short of fifteen seconds.",
            "20:00",
            "This soundbite would last 14.999 seconds; podcast apps take 15 to 120 seconds. "
            "Quote more of what was said.",
        ),
        (
            "A monologue about pricing",
            "1:30",
            "This soundbite would last 130 seconds; podcast apps take 15 to 120 seconds. "
            "Quote less.",
        ),
        (
            PROMISE,
            "9:00",
            "These words are not in the transcript at 9:00, so the soundbite's length can't be "
            "measured. Pick them from the transcript.",
        ),
        (
            "Words nobody said.",
            "1:00",
            "These words are not in the transcript at 1:00, so the soundbite's length can't be "
            "measured. Pick them from the transcript.",
        ),
        (
            PROMISE,
            "",
            "A soundbite starts at the quote's timestamp: give one, or pick the words from the "
            "transcript.",
        ),
    ],
)
def test_why_a_quote_is_no_soundbite(cues, text, timestamp, message):
    assert soundbite_problem(cues, text, timestamp) == message


def test_without_a_transcript_the_length_cannot_be_measured():
    assert "attach one under Transcripts first" in soundbite_problem(None, PROMISE, "1:00")


def test_body_problems_name_only_marked_quotes(episode):
    transcript = attach_timed_transcript(episode)
    body = StreamValue(
        EpisodeBodyBlock(),
        [
            f.pull_quote("Short answer.", timestamp="1:20", soundbite=True),
            f.pull_quote("Short answer.", timestamp="1:20"),  # not marked: no rule applies
            f.pull_quote(PROMISE, timestamp="1:00", soundbite=True),
        ],
        is_lazy=True,
    )
    problems = body_problems(body, transcript)
    assert list(problems) == [0]
    assert problems[0].startswith("This soundbite would last 4 seconds")


def test_measuring_many_episodes_takes_one_query(show):
    first = f.EpisodePageFactory(parent=show, episode_number=1)
    second = f.EpisodePageFactory(parent=show, episode_number=2)
    bodies = [
        [
            f.pull_quote(PROMISE, timestamp="1:00", soundbite=True),
            f.pull_quote("Two full minutes of words.", timestamp="10:00", soundbite=True),
            f.pull_quote("Short answer.", timestamp="1:20", soundbite=True),  # left out
            f.pull_quote("Exactly fifteen seconds of words.", timestamp="5:00"),  # not marked
        ],
        [f.pull_quote("Exactly fifteen seconds of words.", timestamp="5:00", soundbite=True)],
    ]
    pairs = [
        (attach_timed_transcript(first), bodies[0]),
        (attach_timed_transcript(second), bodies[1]),
        (None, bodies[1]),  # no transcript: nothing to measure
        (attach_timed_transcript(f.EpisodePageFactory(parent=show, episode_number=3)), []),
    ]
    with CaptureQueriesContext(connection) as queries:
        measured = measure_soundbites(pairs)
    assert len(queries) == 1
    assert measured == [
        [Soundbite(60, 20.5, PROMISE), Soundbite(600, 120.0, "Two full minutes of words.")],
        [Soundbite(300, 15.0, "Exactly fifteen seconds of words.")],
        [],
        [],
    ]


def test_nothing_marked_means_no_query(episode):
    transcript = attach_timed_transcript(episode)
    with CaptureQueriesContext(connection) as queries:
        assert measure_soundbites([(transcript, [f.pull_quote(PROMISE, timestamp="1:00")])]) == [[]]
    assert len(queries) == 0


def test_long_quotes_make_titles_of_at_most_128_characters():
    text = "word " * 60
    title = title_of(text)
    assert len(title) <= 128
    assert title.endswith("…")
    assert title_of("  Short   and sweet. ") == "Short and sweet."


@pytest.fixture
def edited_episode(show):
    """A published episode the editor changes."""
    page = f.EpisodePageFactory(parent=show, body=[f.heading("Stored heading")])
    page.save_revision().publish()
    return page


def soundbite_body(text: str, timestamp: str) -> list:
    """A posted body of one pull quote marked as a soundbite."""
    quote = {"text": text, "speaker": "", "speaker_name": "", "timestamp": timestamp}
    return [("pull_quote", {**quote, "soundbite": "on"})]


def test_the_editor_refuses_a_soundbite_too_short_and_saves_nothing(admin_client, edited_episode):
    attach_timed_transcript(edited_episode)
    before = stored_state(edited_episode)
    data = edit_form_data(edited_episode, body=soundbite_body("Short answer.", "1:20"))
    response = post_edit(admin_client, edited_episode, data)
    assert response.status_code == 200
    (error,) = response.context["form"].errors.as_data()["body"]
    assert error.as_json_data()["blockErrors"][0]["blockErrors"]["soundbite"]["messages"] == [
        "This soundbite would last 4 seconds; podcast apps take 15 to 120 seconds. "
        "Quote more of what was said."
    ]
    assert "podcast apps take 15 to 120 seconds" in response.content.decode()
    assert stored_state(edited_episode) == before


def test_the_editor_saves_a_soundbite_of_the_right_length(admin_client, edited_episode):
    attach_timed_transcript(edited_episode)
    data = edit_form_data(edited_episode, body=soundbite_body(PROMISE, "1:00"))
    response = post_edit(admin_client, edited_episode, data)
    assert response.status_code == 302
    page = EpisodePage.objects.get(pk=edited_episode.pk).get_latest_revision_as_object()
    (quote,) = page.body
    assert quote.value["soundbite"] is True
    assert quote.value["timestamp"] == "1:00"


def test_the_editor_refuses_a_soundbite_without_a_transcript(admin_client, edited_episode):
    data = edit_form_data(edited_episode, body=soundbite_body(PROMISE, "1:00"))
    response = post_edit(admin_client, edited_episode, data)
    assert response.status_code == 200
    assert "attach one under Transcripts first" in response.content.decode()
