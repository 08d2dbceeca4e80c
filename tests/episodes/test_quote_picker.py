"""Insert a quote from the transcript: the picker's endpoints, their permissions and ranges."""

import pytest
from django.test import Client

from episodes import factories as f
from episodes.transcripts.parsing import parse
from episodes.transcripts.storage import store_transcript
from tests.episodes.test_quotes import CONVERSATION as QUOTES_CONVERSATION
from tests.frontend_api.conftest import editor_of

CUES = "/admin/transcript-cues/"
QUOTE = "/admin/transcript-cues/quote/"
# The quote tests' conversation, its last words said by a label no person is mapped to.
CONVERSATION = QUOTES_CONVERSATION.replace("<v Alice Martin>Say", "<v Speaker 3>Say")


@pytest.fixture
def alice(db):
    return f.PersonFactory(name="Alice Martin")


@pytest.fixture
def ines(db):
    return f.PersonFactory(name="Ines Duval")


@pytest.fixture
def transcribed(show, alice, ines):
    """An episode whose transcript has two mapped speakers and one label without a person."""
    episode = f.EpisodePageFactory(parent=show, slug="pricing", episode_number=3)
    store_transcript(episode, parse(CONVERSATION, "vtt"), "vtt", "en", "pricing.vtt")
    return episode


def client_of(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def editor_client(transcribed, django_user_model):
    return client_of(editor_of(transcribed.get_parent(), "editor", django_user_model))


@pytest.fixture
def outsider_client(show, django_user_model):
    """An admin user who may edit another episode, but not the transcribed one."""
    other = f.EpisodePageFactory(parent=show, slug="other", episode_number=9)
    return client_of(editor_of(other, "outsider", django_user_model))


def test_an_editor_lists_every_cue_with_its_moment_and_person(editor_client, transcribed, ines):
    response = editor_client.get(CUES, {"page": transcribed.pk})
    assert response.status_code == 200
    cues = response.json()["cues"]
    assert response.json()["truncated"] is False
    assert [cue["position"] for cue in cues] == [0, 1, 2, 3]
    assert cues[1]["timestamp"] == "0:09"
    assert (cues[1]["start_ms"], cues[1]["end_ms"]) == (9_500, 14_000)
    assert cues[1]["person"] == {
        "id": ines.pk,
        "string": "Ines Duval",
        "edit_url": f"/admin/snippets/episodes/person/edit/{ines.pk}/",
    }
    assert cues[3]["person"] is None
    assert cues[3]["speaker_label"] == "Speaker 3"


@pytest.mark.parametrize(
    ("search", "positions"),
    [
        ("DOUBLED them", [2]),  # words, case aside
        ("ines", [1, 2]),  # the person's name
        ("speaker 3", [3]),  # a label without a person
        ("   ", [0, 1, 2, 3]),  # blank: every cue
        ("nobody said this", []),
    ],
)
def test_search_by_words_or_speaker(editor_client, transcribed, search, positions):
    response = editor_client.get(CUES, {"page": transcribed.pk, "q": search})
    assert [cue["position"] for cue in response.json()["cues"]] == positions


def test_a_range_of_cues_makes_the_quote(editor_client, transcribed, ines):
    response = editor_client.get(QUOTE, {"page": transcribed.pk, "first": 1, "last": 2})
    assert response.status_code == 200
    assert response.json() == {
        "text": "Two years in. We were busy, but we were not making any money at all. "
        "The day we doubled them, we lost one client and gained three.",
        "timestamp": "0:09",
        "person": {
            "id": ines.pk,
            "string": "Ines Duval",
            "edit_url": f"/admin/snippets/episodes/person/edit/{ines.pk}/",
        },
        "speaker_label": "Ines Duval",
        "start_ms": 9_500,
        "end_ms": 19_250,
        "duration_seconds": 10.25,
    }


def test_a_label_without_a_person_gives_no_speaker(editor_client, transcribed):
    quote = editor_client.get(QUOTE, {"page": transcribed.pk, "first": 3, "last": 3}).json()
    assert quote["person"] is None
    assert quote["speaker_label"] == "Speaker 3"
    assert quote["timestamp"] == "1:02:03"


@pytest.mark.parametrize(
    ("params", "status", "message"),
    [
        ({"first": 2, "last": 1}, 400, "The last cue comes before the first."),
        ({"first": 0, "last": 1}, 400, "These cues have several speakers"),
        ({"first": 3, "last": 4}, 404, "These cues are not in the transcript"),
        ({"first": 0, "last": 40}, 400, "A quote spans at most 40 cues"),
        ({"first": "one", "last": 1}, 400, "“first” must be a whole number."),
        ({"first": -1, "last": 1}, 400, "“first” must be a whole number."),
        ({"last": 1}, 400, "“first” must be a whole number."),
    ],
)
def test_ranges_that_make_no_quote_are_4xx_json(
    editor_client, transcribed, params, status, message
):
    response = editor_client.get(QUOTE, {"page": transcribed.pk, **params})
    assert response.status_code == status
    assert response["Content-Type"] == "application/json"
    assert response.json()["message"].startswith(message)


def test_only_those_who_may_edit_the_episode_get_its_cues(outsider_client, transcribed):
    for url, params in ((CUES, {}), (QUOTE, {"first": 0, "last": 0})):
        response = outsider_client.get(url, {"page": transcribed.pk, **params})
        assert response.status_code == 403
        assert response.json() == {"message": "You can't edit this episode, or it doesn't exist."}
        assert "Alice" not in response.content.decode()


def test_an_unknown_page_reads_like_a_forbidden_one(editor_client):
    response = editor_client.get(CUES, {"page": 987654})
    assert response.status_code == 403
    assert response.json()["message"] == "You can't edit this episode, or it doesn't exist."


@pytest.mark.parametrize("page", ["", "abc", "1;DROP", "99999999999999"])
def test_a_page_that_is_not_an_id_is_a_400(editor_client, page):
    response = editor_client.get(CUES, {"page": page})
    assert response.status_code == 400
    assert response.json() == {"message": "“page” must be a whole number."}


def test_an_episode_without_transcript_says_so(editor_client, show):
    bare = f.EpisodePageFactory(parent=show, slug="bare", episode_number=5)
    response = editor_client.get(CUES, {"page": bare.pk})
    assert response.status_code == 404
    assert "attach one under Transcripts" in response.json()["message"]


def test_a_show_page_is_not_an_episode(editor_client, show):
    response = editor_client.get(CUES, {"page": show.pk})
    assert response.status_code == 403


def test_anonymous_visitors_are_sent_to_sign_in(client, transcribed):
    response = client.get(CUES, {"page": transcribed.pk})
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
    ajax = client.get(
        CUES, {"page": transcribed.pk}, headers={"X-Requested-With": "XMLHttpRequest"}
    )
    assert ajax.status_code == 403
    assert "Alice" not in ajax.content.decode()


def test_the_editor_page_loads_the_picker_for_both_quote_blocks(admin_client, transcribed):
    response = admin_client.get(f"/admin/pages/{transcribed.pk}/edit/")
    html = response.content.decode()
    assert "episodes/js/quote-picker.js" in html
    assert html.count("episodes.blocks.QuoteFromTranscript") >= 2
