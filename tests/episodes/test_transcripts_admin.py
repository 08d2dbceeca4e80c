"""The Transcripts section of the admin: attach a file, see its errors, map speakers."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from episodes import factories as f
from episodes.models import EpisodeHost
from episodes.transcripts.models import Transcript

from .test_transcripts import VTT


def upload(name: str, text: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode(), content_type="application/octet-stream")


def test_an_editor_attaches_a_file_and_maps_a_speaker(admin_client, show):
    alice = f.PersonFactory(name="Alice Martin")
    paul = f.PersonFactory(name="Paul Renard")
    episode = f.EpisodePageFactory(parent=show)
    EpisodeHost.objects.create(page=episode, person=alice)
    response = admin_client.post(
        reverse("transcripts:add"),
        {"episode": episode.pk, "language": "", "upload": upload("episode.vtt", VTT)},
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    transcript = Transcript.objects.get(episode=episode)
    assert (transcript.cue_count, transcript.language, transcript.source_name) == (
        4,
        "fr",
        "episode.vtt",
    )
    speakers = list(transcript.speakers.order_by("pk"))
    assert [(s.label, s.person_id) for s in speakers] == [
        ("Alice Martin", alice.pk),
        ("Ines Duval", None),
        ("Speaker 1", None),
    ]

    edit_url = reverse("transcripts:edit", args=[transcript.pk])
    page = admin_client.get(edit_url).content.decode()
    assert "Speaker 1" in page and "never named publicly" in page
    data = {
        "language": "fr",
        "speakers-TOTAL_FORMS": "3",
        "speakers-INITIAL_FORMS": "3",
        "speakers-MIN_NUM_FORMS": "0",
        "speakers-MAX_NUM_FORMS": "1000",
    }
    for index, speaker in enumerate(speakers):
        data |= {
            f"speakers-{index}-id": str(speaker.pk),
            f"speakers-{index}-person": str(speaker.person_id or ""),
            f"speakers-{index}-ORDER": str(index + 1),
            f"speakers-{index}-DELETE": "",
        }
    data["speakers-2-person"] = str(paul.pk)
    response = admin_client.post(edit_url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    transcript.refresh_from_db()
    assert transcript.speakers.get(label="Speaker 1").person == paul
    assert transcript.speakers.get(label="Speaker 1").label == "Speaker 1"
    assert transcript.speaker_person_ids == [alice.pk, paul.pk]
    assert transcript.cue_count == 4  # no new file: the cues stay


def test_a_bad_file_is_a_field_error_and_nothing_is_stored(admin_client, show):
    episode = f.EpisodePageFactory(parent=show)
    bad = VTT.replace("00:00:03.250 --> 00:00:07.004", "00:00:03.250 -> 00:00:07.004")
    response = admin_client.post(
        reverse("transcripts:add"),
        {"episode": episode.pk, "language": "", "upload": upload("broken.vtt", bad)},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "broken.vtt: Line 11: expected cue times" in page
    assert not Transcript.objects.exists()


def test_a_file_is_required_to_create_one(admin_client, show):
    episode = f.EpisodePageFactory(parent=show)
    response = admin_client.post(reverse("transcripts:add"), {"episode": episode.pk})
    assert response.status_code == 200
    assert "This field is required" in response.content.decode()
    assert not Transcript.objects.exists()
