"""An editor inserts a quote from the transcript in the page editor, in a real browser."""

import pytest
from playwright.sync_api import expect

from episodes import factories as f
from episodes.models import EpisodePage
from episodes.transcripts.parsing import parse
from episodes.transcripts.storage import store_transcript
from tests.episodes.test_quote_picker import CONVERSATION

from .conftest import wait_until
from .test_editor import PASSWORD, log_in, open_editor


@pytest.fixture
def editor(django_user_model):
    """The user log_in signs in as."""
    return django_user_model.objects.create_superuser("editor", "editor@example.com", PASSWORD)


@pytest.fixture
def transcribed(wagtail_roots, show):
    """An episode with a pull quote and an FAQ to fill, and a transcript of its conversation."""
    ines = f.PersonFactory(name="Ines Duval")
    f.PersonFactory(name="Alice Martin")
    episode = f.EpisodePageFactory(
        parent=show,
        title="Raising prices",
        slug="raising-prices",
        episode_number=3,
        body=[
            f.pull_quote("Words to replace.", speaker_name="Somebody", timestamp="0:01"),
            f.faq([f.faq_item("When did prices go up?", "<p>After two years.</p>")]),
        ],
    )
    episode.save_revision().publish()
    store_transcript(episode, parse(CONVERSATION, "vtt"), "vtt", "en", "pricing.vtt")
    return episode, ines


def open_picker(admin, index: int):
    """Opens the index-th quote picker of the editor; the picker and its cue buttons."""
    picker = admin.locator("[data-quote-picker]").nth(index)
    picker.get_by_role("button", name="Insert from the transcript").click()
    cues = picker.get_by_role("list", name="Transcript cues").get_by_role("button")
    expect(cues).to_have_count(4)
    return picker, cues


def test_an_editor_picks_cues_and_the_quote_is_filled_in_and_saved(
    transcribed, editor, live_server, new_context, shoot, settings
):
    # Wagtail's autosave, still in flight from the first insertion, can overwrite the revision
    # "Save draft" writes with its older form (seen on PostgreSQL in CI); this test is about
    # the picker and an explicit save, and test_editor covers autosave.
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    episode, ines = transcribed
    admin = log_in(new_context(), live_server.url)
    open_editor(admin, f"{live_server.url}/admin/pages/{episode.pk}/edit/")

    picker, cues = open_picker(admin, 0)

    # Search, choose the cue found, then widen the range from the whole list.
    picker.get_by_role("searchbox", name="Search the transcript").fill("doubled")
    expect(cues).to_have_count(1)
    cues.first.click()
    expect(picker.get_by_role("status")).to_contain_text("One cue chosen")
    picker.get_by_role("searchbox", name="Search the transcript").fill("")
    expect(cues).to_have_count(4)
    expect(cues.nth(2)).to_have_attribute("aria-pressed", "true")
    cues.nth(1).click()
    expect(picker.get_by_role("status")).to_have_text("2 cues chosen.")
    shoot(admin, "quote-picker-range-chosen")
    edits_before = admin.evaluate("window.editsSeen")
    picker.get_by_role("button", name="Insert the selected cues").click()
    # The filled fields count as the editor's edits (unsaved changes, preview, autosave).
    wait_until(admin, f"window.editsSeen > {edits_before}")

    expect(admin.locator("#body-0-value-text")).to_have_value(
        "Two years in. We were busy, but we were not making any money at all. "
        "The day we doubled them, we lost one client and gained three."
    )
    expect(admin.locator("#body-0-value-timestamp")).to_have_value("0:09")
    expect(admin.locator("#body-0-value-speaker_name")).to_have_value("")
    expect(admin.locator("#body-0-value-speaker")).to_have_value(str(ines.pk))
    expect(picker).to_contain_text("Inserted at 0:09 (10.25 s of audio).")
    speaker_field = admin.locator('[data-contentpath="speaker"]').first
    expect(speaker_field).to_contain_text("Ines Duval")
    shoot(admin, "quote-picker-filled")

    # The supporting quote of the FAQ has its own picker, without a timestamp.
    faq_picker, faq_cues = open_picker(admin, 1)
    faq_cues.nth(3).click()
    faq_picker.get_by_role("button", name="Insert the selected cues").click()
    expect(faq_picker).to_contain_text("“Speaker 3” is not mapped to a person")
    # Saved only once the script has filled the field (a loaded machine may lag behind).
    expect(admin.locator('[id^="body-1-"][id$="-quote-text"]')).to_have_value(
        "Say the number, then stop talking."
    )

    admin.get_by_role("button", name="Save draft").click()
    expect(admin.locator(".messages")).to_contain_text("has been updated")

    body = EpisodePage.objects.get(pk=episode.pk).get_latest_revision_as_object().body
    quote = body[0].value
    assert quote["text"].startswith("Two years in.")
    assert quote["text"].endswith("and gained three.")
    assert quote["timestamp"] == "0:09"
    assert quote["speaker"] == ines
    assert quote["speaker_name"] == ""
    supporting = body[1].value["items"][0]["quote"]
    assert supporting["text"] == "Say the number, then stop talking."
    assert supporting["speaker"] is None


def test_a_soundbite_too_short_is_refused_with_its_reason(
    transcribed, editor, live_server, new_context, shoot
):
    episode, _ = transcribed
    admin = log_in(new_context(), live_server.url)
    open_editor(admin, f"{live_server.url}/admin/pages/{episode.pk}/edit/")
    picker, cues = open_picker(admin, 0)
    cues.nth(1).click()
    cues.nth(2).click()
    picker.get_by_role("button", name="Insert the selected cues").click()
    expect(admin.locator("#body-0-value-timestamp")).to_have_value("0:09")
    admin.locator("#body-0-value-soundbite").check()

    admin.get_by_role("button", name="Save draft").click()
    expect(admin.locator("[data-contentpath='soundbite']").first).to_contain_text(
        "This soundbite would last 10.25 seconds; podcast apps take 15 to 120 seconds."
    )
    shoot(admin, "soundbite-too-short")
    latest = EpisodePage.objects.get(pk=episode.pk).get_latest_revision_as_object()
    assert latest.body[0].value["text"] == "Words to replace."
