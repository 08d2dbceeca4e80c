"""Quotes located in the transcript: across cues, with elisions, punctuation and case aside;
said elsewhere or by someone else; what is filled in goes to a new draft."""

from django.urls import reverse

from episodes import factories as f
from episodes.models import EpisodeGuest, EpisodeHost, EpisodePage
from episodes.transcripts.models import Transcript
from episodes.transcripts.parsing import parse
from episodes.transcripts.quotes import SpokenCue, TranscriptWords, check_quote
from episodes.transcripts.storage import store_transcript

CONVERSATION = """WEBVTT

00:00:05.000 --> 00:00:09.500
<v Alice Martin>So tell me, when did you first raise your prices?

00:00:09.500 --> 00:00:14.000
<v Ines Duval>Two years in. We were busy, but we were not making
any money at all.

00:00:14.000 --> 00:00:19.250
<v Ines Duval>The day we doubled them, we lost one client
and gained three.

01:02:03.000 --> 01:02:08.000
<v Alice Martin>Say the number, then stop talking.
"""


def cues_of(text: str) -> TranscriptWords:
    return TranscriptWords(
        [
            SpokenCue(cue.start_ms, cue.end_ms, None, cue.speaker, cue.text)
            for cue in parse(text, "vtt")
        ]
    )


def test_a_quote_across_cues_with_other_punctuation_and_case():
    transcript = cues_of(CONVERSATION)
    (spoken,) = transcript.find("we were not making any money at all! THE DAY we doubled them")
    assert (spoken.first.start_ms, spoken.last.end_ms) == (9_500, 19_250)


def test_elisions_in_each_spelling():
    transcript = cues_of(CONVERSATION)
    for quote in (
        "Two years in […] we were not making any money",
        "Two years in [...] not making any money (…) we lost one client",
        "“Two years in… we lost one client and gained three.”",
        "Two years in ... gained three",
    ):
        (spoken,) = transcript.find(quote)
        assert spoken.start_seconds == 9, quote
    assert transcript.find("gained three […] Two years in") == []  # parts keep their order
    assert transcript.find("Two years in, we lost everything") == []


def test_the_verdicts():
    transcript = cues_of(CONVERSATION)
    check = check_quote(transcript, "q", "say the number, then stop talking", 3723, None, "")
    assert (check.verified, check.reason) == (True, "")
    elsewhere = check_quote(transcript, "q", "Say the number, then stop talking.", 600, None, "")
    assert (elsewhere.verified, elsewhere.reason) == (
        False,
        "found at another moment (1:02:03, not 10:00)",
    )
    other = check_quote(transcript, "q", "We lost one client", None, None, "Alice Martin")
    assert (other.verified, other.reason) == (False, "said by someone else (Ines Duval)")
    typed = check_quote(transcript, "q", "We lost one client", 15, None, "inès DUVAL")
    assert typed.verified
    missing = check_quote(transcript, "q", "Prices never go down", None, None, "")
    assert (missing.verified, missing.reason, missing.spoken) == (
        False,
        "not found in the transcript",
        None,
    )


def test_attaching_checks_every_quote_and_fills_a_draft(show):
    alice = f.PersonFactory(name="Alice Martin")
    ines = f.PersonFactory(name="Inès Duval")
    episode = f.EpisodePageFactory(
        parent=show,
        audio_duration=None,
        body=[
            f.pull_quote(
                "We were busy, but we were not making any money at all. The day we doubled them"
            ),
            f.pull_quote("Two years in […] we lost one client", speaker=ines, timestamp="0:09"),
            f.pull_quote("Say the number, then stop talking.", speaker=alice, timestamp="10:00"),
            f.pull_quote("when did you first raise your prices", speaker=ines),
            f.pull_quote("Nobody said this."),
            f.faq(
                [
                    f.faq_item(
                        "Why raise?",
                        "<p>Money.</p>",
                        quote="gained three",
                        speaker_name="Inès Duval",
                    ),
                    f.faq_item("Who asks?", "<p>Alice.</p>", quote="so tell me", speaker=ines),
                ]
            ),
        ],
    )
    EpisodeHost.objects.create(page=episode, person=alice)
    EpisodeGuest.objects.create(page=episode, person=ines)
    episode.save_revision().publish()
    live_revision = EpisodePage.objects.get(pk=episode.pk).live_revision_id

    store_transcript(episode, parse(CONVERSATION, "vtt"), "vtt", "", "talk.vtt")

    report = Transcript.objects.get(episode=episode).quote_report
    assert [(quote["where"], quote["verified"], quote["reason"]) for quote in report] == [
        ("Pull quote 1", True, ""),
        ("Pull quote 2", True, ""),
        ("Pull quote 3", False, "found at another moment (1:02:03, not 10:00)"),
        ("Pull quote 4", False, "said by someone else (Alice Martin)"),
        ("Pull quote 5", False, "not found in the transcript"),
        ("FAQ “Why raise?”", True, ""),
        ("FAQ “Who asks?”", False, "said by someone else (Alice Martin)"),
    ]
    episode.refresh_from_db()
    assert episode.live_revision_id == live_revision  # publishing stays the editor's decision
    assert episode.has_unpublished_changes
    draft = episode.get_latest_revision_as_object()
    quotes = [child.value for child in draft.body if child.block_type == "pull_quote"]
    assert (quotes[0]["timestamp"], quotes[0]["speaker"]) == ("0:09", ines)  # filled in
    assert (quotes[1]["timestamp"], quotes[1]["speaker"]) == ("0:09", ines)  # as typed
    assert quotes[4]["timestamp"] == ""  # not found: nothing to fill
    faq = next(child.value for child in draft.body if child.block_type == "faq")
    assert faq["items"][0]["quote"]["speaker"] is None  # the typed name stays


def test_the_editor_checks_again_and_sees_the_reasons(admin_client, show):
    episode = f.EpisodePageFactory(parent=show, body=[f.pull_quote("Nobody said this.")])
    transcript = store_transcript(episode, parse(CONVERSATION, "vtt"), "vtt", "", "talk.vtt")
    edit_url = reverse("transcripts:edit", args=[transcript.pk])
    page = admin_client.get(edit_url).content.decode()
    assert "0 of 1" in page and "not found in the transcript" in page
    draft = episode.get_latest_revision_as_object()
    draft.body = [
        (
            "pull_quote",
            {"text": "we lost one client", "speaker": None, "speaker_name": "", "timestamp": ""},
        )
    ]
    draft.save_revision()
    response = admin_client.post(
        reverse("transcripts:check_quotes", args=[transcript.pk]), follow=True
    )
    assert "1 of 1 quotes verified." in response.content.decode()
    assert (
        admin_client.get(reverse("transcripts:check_quotes", args=[transcript.pk])).status_code
        == 405
    )


def test_the_api_says_which_quotes_are_verified_until_they_change(client, show, settings):
    settings.API_CACHE_ENABLED = False  # nothing commits in this test to invalidate it
    ines = f.PersonFactory(name="Inès Duval")
    episode = f.EpisodePageFactory(
        parent=show,
        body=[
            f.pull_quote("We lost one client and gained three", speaker=ines, timestamp="0:14"),
            f.pull_quote("Nobody said this."),
            f.faq([f.faq_item("Why?", "<p>Because.</p>", quote="two years in")]),
        ],
    )
    episode.save_revision().publish()
    store_transcript(episode, parse(CONVERSATION, "vtt"), "vtt", "", "talk.vtt")

    def verdicts() -> list[bool]:
        body = client.get(f"/api/v2/pages/{episode.pk}/").json()["body"]
        quotes = [block["value"]["verified"] for block in body if block["type"] == "pull_quote"]
        faqs = [block["value"]["items"][0]["quote"] for block in body if block["type"] == "faq"]
        return [*quotes, *(quote["verified"] for quote in faqs)]

    # The FAQ quote had no speaker: it is verified as written, and as filled in (a draft).
    assert verdicts() == [True, False, True]
    draft = EpisodePage.objects.get(pk=episode.pk).get_latest_revision_as_object()
    draft.body = [
        (
            "pull_quote",
            {
                "text": "We lost two clients",
                "speaker": ines,
                "speaker_name": "",
                "timestamp": "0:14",
            },
        )
    ]
    draft.save_revision().publish()
    assert verdicts() == [False]  # edited since the check


def publish_form(episode, quote: str) -> dict:
    from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

    return nested_form_data(
        {
            "title": episode.title,
            "slug": episode.slug,
            "episode_number": str(episode.episode_number),
            "broadcast_at": "2026-11-01 07:00",
            "audio_url": episode.audio_url,
            "audio_duration": "00:45:00",
            "audio_mime_type": "audio/mpeg",
            "episode_type": "full",
            "summary": rich_text("<p>Short.</p>"),
            "body": streamfield(
                [
                    (
                        "pull_quote",
                        {"text": quote, "speaker": "", "speaker_name": "", "timestamp": "0:14"},
                    )
                ]
            ),
            "action-publish": "action-publish",
        }
        | {
            f"{relation}-{count}": "0"
            for relation in ("host_links", "guest_links", "related_links", "comments")
            for count in ("TOTAL_FORMS", "INITIAL_FORMS")
        }
    )


def test_a_setting_makes_unverified_quotes_block_publishing(admin_client, show, settings):
    settings.QUOTES_MUST_BE_VERIFIED = True
    episode = f.EpisodePageFactory(parent=show, live=False, body=[])
    edit_url = reverse("wagtailadmin_pages:edit", args=[episode.pk])
    refused = admin_client.post(edit_url, publish_form(episode, "We lost one client"))
    assert refused.status_code == 200
    assert "1 quote(s) are not verified against a transcript (none is attached)" in (
        refused.content.decode()
    )
    assert not EpisodePage.objects.get(pk=episode.pk).live

    transcript = store_transcript(episode, parse(CONVERSATION, "vtt"), "vtt", "", "talk.vtt")
    wrong = admin_client.post(edit_url, publish_form(episode, "We lost two clients"))
    assert "1 quote(s) are not verified against the transcript" in wrong.content.decode()
    # A draft is saved whatever its quotes; "Check quotes" then verifies it.
    draft = publish_form(episode, "We lost one client")
    del draft["action-publish"]
    assert admin_client.post(edit_url, draft).status_code == 302
    admin_client.post(reverse("transcripts:check_quotes", args=[transcript.pk]))
    published = admin_client.post(edit_url, publish_form(episode, "We lost one client"))
    assert published.status_code == 302
    assert EpisodePage.objects.get(pk=episode.pk).live

    settings.QUOTES_MUST_BE_VERIFIED = False
    assert admin_client.post(edit_url, publish_form(episode, "Anything")).status_code == 302
