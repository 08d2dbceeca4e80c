"""The demo seeder: complete on the first run, a no-op on the second."""

import shutil
import subprocess
from collections import Counter
from io import StringIO

import pytest
import webvtt
from django.conf import settings
from django.core.management import call_command
from django.utils.text import slugify
from wagtail.images import get_image_model
from wagtail.models import Page, Revision, Site

from episodes.blocks.timestamps import timestamp_seconds
from episodes.demo.seed import FLAGSHIP_AUDIO, FLAGSHIP_TRANSCRIPT
from episodes.models import EpisodePage, Person, PodcastPage, Rubric
from episodes.transcripts.models import Transcript
from home.models import HomePage

pytestmark = pytest.mark.django_db


def snapshot() -> dict[str, int]:
    """Counts of everything the seeder may create."""
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "images": get_image_model().objects.count(),
        "people": Person.objects.count(),
        "rubrics": Rubric.objects.count(),
    }


def seed() -> str:
    out = StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def test_seed_demo_builds_the_site():
    assert "Demo content created" in seed()
    home = HomePage.objects.get()
    assert Site.objects.get(is_default_site=True).root_page.specific == home
    show = PodcastPage.objects.child_of(home).get()
    assert EpisodePage.objects.child_of(show).live().count() >= 5
    assert Person.objects.count() == 3 and Rubric.objects.count() == 3
    flagship = EpisodePage.objects.get(episode_number=42)
    assert {child.block_type for child in flagship.body} == {
        "heading",
        "paragraph",
        "pull_quote",
        "faq",
        "image",
        "embed",
    }
    assert Counter(child.block_type for child in flagship.body)["paragraph"] == 24
    assert [link.episode.episode_number for link in flagship.related_links.all()] == [41, 40]
    draft = EpisodePage.objects.get(episode_number=43)
    assert not draft.live and draft.latest_revision is not None


def test_a_second_run_changes_nothing():
    seed()
    before = snapshot()
    assert "nothing changed" in seed()
    assert snapshot() == before


def test_the_flagship_plays_its_own_recording_and_its_quotes_are_verified(client):
    seed()
    flagship = EpisodePage.objects.get(episode_number=42)
    recording = FLAGSHIP_AUDIO.read_bytes()
    assert flagship.audio_url == "" and flagship.audio_file.file.read() == recording
    # Filled in from the file by mutagen, as for any upload.
    assert flagship.audio_mime_type == "audio/ogg"
    assert flagship.audio_size == len(recording) < 400_000
    captions = webvtt.read(str(FLAGSHIP_TRANSCRIPT)).captions
    spoken_seconds = captions[-1].end_time.in_milliseconds() / 1000  # the samples laid down
    assert abs(flagship.audio_duration.total_seconds() - spoken_seconds) < 0.01
    if shutil.which("soxi"):
        decoded = float(subprocess.check_output(["soxi", "-D", str(FLAGSHIP_AUDIO)], text=True))
        assert abs(flagship.audio_duration.total_seconds() - decoded) < 0.01

    transcript = Transcript.objects.get(episode=flagship)
    assert transcript.cue_count == len(captions) == 28
    assert {speaker.person.name for speaker in transcript.speakers.all()} == {
        "Claire Dumont",
        "Malik Benali",
        "Inès Moreau",
    }
    assert len(transcript.quote_report) == 15
    assert [q["where"] for q in transcript.quote_report if not q["verified"]] == []

    # Each section starts in the audio where its first line is said (the cue named after it).
    starts = {c.identifier: c.start_time.in_milliseconds() // 1000 for c in captions}
    headings = [c.value for c in flagship.body if c.block_type == "heading"]
    assert len(headings) == 11
    for value in headings:
        anchor = slugify(value["text"])
        assert timestamp_seconds(value["timestamp"]) == starts[anchor], anchor

    detail = client.get(f"/api/v2/pages/{flagship.pk}/").json()
    assert detail["audio"]["url"].startswith(f"{settings.CMS_URL}/documents/")
    quotes = [b["value"] for b in detail["body"] if b["type"] == "pull_quote"]
    assert len(quotes) == 9 and all(quote["verified"] for quote in quotes)
    audio_path = detail["audio"]["url"].removeprefix(settings.CMS_URL)
    served = client.get(audio_path, HTTP_RANGE="bytes=0-1")
    assert served.status_code == 206 and served["Content-Type"] == "audio/ogg"
    assert b"".join(served.streaming_content) == recording[:2]
