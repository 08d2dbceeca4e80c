"""Audio ingest: duration, size and type read from uploads and probed URLs; ranged serving."""

import time
from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse
from django_tasks_db.models import DBTaskResult
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from episodes import factories as f
from episodes.audio.facts import read_facts
from episodes.audio.models import AudioProbe
from episodes.audio.tasks import probe_audio_url
from episodes.models import EpisodePage

from .audio_files import m4a_bytes, mp3_bytes, mp3_duration_ms
from .audio_host import audio_host

MP3_FRAMES = 383  # 10.005 s
M4A_MS = 12_345


def upload(name: str, data: bytes, collection=None):
    document = get_document_model()(
        title=name, **({"collection": collection} if collection else {})
    )
    document.file.save(name, ContentFile(data))
    return document


def upload_episode(show, name: str, data: bytes, **fields) -> EpisodePage:
    blanks = {"audio_url": "", "audio_duration": None, "audio_size": None, "audio_mime_type": ""}
    return f.EpisodePageFactory(parent=show, audio_file=upload(name, data), **(blanks | fields))


def test_mutagen_reads_mp3_and_m4a_made_here():
    import io

    mp3 = read_facts(io.BytesIO(mp3_bytes(MP3_FRAMES)))
    m4a = read_facts(io.BytesIO(m4a_bytes(M4A_MS)))
    assert (mp3.mime_type, mp3.duration) == ("audio/mpeg", timedelta(milliseconds=10_005))
    assert (m4a.mime_type, m4a.duration) == ("audio/mp4", timedelta(milliseconds=M4A_MS))
    assert read_facts(io.BytesIO(b"WEBVTT\n\nnot audio at all")) is None


@pytest.mark.parametrize(
    ("name", "data", "mime_type", "duration_ms"),
    [
        ("episode.mp3", mp3_bytes(MP3_FRAMES), "audio/mpeg", mp3_duration_ms(MP3_FRAMES)),
        ("episode.m4a", m4a_bytes(M4A_MS), "audio/mp4", M4A_MS),
        # Sniffed from the content: the extension lies.
        ("mislabelled.m4a", mp3_bytes(MP3_FRAMES), "audio/mpeg", mp3_duration_ms(MP3_FRAMES)),
    ],
)
def test_an_upload_fills_blank_duration_size_and_type(show, name, data, mime_type, duration_ms):
    episode = upload_episode(show, name, data)
    episode.refresh_from_db()
    assert episode.audio_duration == timedelta(milliseconds=duration_ms)
    assert episode.audio_size == len(data)
    assert episode.audio_mime_type == mime_type


def test_what_the_editor_typed_is_kept(show):
    episode = upload_episode(
        show,
        "episode.mp3",
        mp3_bytes(MP3_FRAMES),
        audio_duration=timedelta(seconds=9),
        audio_mime_type="audio/x-custom",
    )
    episode.refresh_from_db()
    assert episode.audio_duration == timedelta(seconds=9)
    assert episode.audio_mime_type == "audio/x-custom"
    assert episode.audio_size == len(mp3_bytes(MP3_FRAMES))


def test_a_file_that_is_no_audio_fills_only_its_size(show):
    episode = upload_episode(show, "notes.mp3", b"plain words, not audio" * 10)
    episode.refresh_from_db()
    assert (episode.audio_duration, episode.audio_mime_type) == (None, "")
    assert episode.audio_size == 220


def test_the_api_gives_the_filled_in_values(client, show):
    episode = upload_episode(show, "episode.m4a", m4a_bytes(M4A_MS))
    episode.save_revision().publish()
    audio = client.get(f"/api/v2/pages/{episode.pk}/").json()["audio"]
    assert audio["mime_type"] == "audio/mp4"
    assert audio["size"] == len(m4a_bytes(M4A_MS))
    assert audio["duration_seconds"] == 12


# Probing external URLs


@pytest.mark.django_db
@pytest.mark.parametrize("ranges", [True, False])
def test_probing_a_url_records_size_type_duration_and_ranges(ranges):
    body = mp3_bytes(2000)  # 52 s, larger than the probe reads
    with audio_host(body, ranges=ranges) as url:
        assert probe_audio_url.call(url) == ""
    probe = AudioProbe.objects.get(url=url)
    assert probe.size == len(body)
    assert probe.mime_type == "audio/mpeg"
    assert probe.duration == timedelta(milliseconds=mp3_duration_ms(2000))
    assert probe.accepts_ranges is ranges
    assert probe.status_code == (206 if ranges else 200)


@pytest.mark.django_db
def test_an_mp3_without_a_frame_count_is_timed_from_its_whole_size():
    with_xing = mp3_bytes(3000)
    frame = with_xing[417 : 2 * 417]
    body = frame * 3000  # no Xing header: timed from its size at 128 kbit/s, as players do
    with audio_host(body) as url:
        probe_audio_url.call(url)
    probe = AudioProbe.objects.get(url=url)
    assert probe.duration == timedelta(milliseconds=round(len(body) * 8 / 128))
    # Not from the 64 KiB probed (4 s): the whole 78 s.
    assert probe.duration > timedelta(seconds=78)


@pytest.mark.django_db
def test_probing_an_m4a(settings):
    with audio_host(m4a_bytes(M4A_MS), content_type="audio/x-m4a") as url:
        probe_audio_url.call(url)
    probe = AudioProbe.objects.get(url=url)
    assert (probe.mime_type, probe.duration) == ("audio/mp4", timedelta(milliseconds=M4A_MS))


@pytest.mark.django_db
def test_a_missing_file_and_a_slow_host_are_reported(settings):
    with audio_host(b"", status=404) as url:
        probe_audio_url.call(url)
    assert AudioProbe.objects.get(url=url).error == "The host answered HTTP 404 Not Found."
    settings.AUDIO_PROBE_TIMEOUT = 0.3
    with audio_host(mp3_bytes(10), delay=2) as url:
        started = time.monotonic()
        probe_audio_url.call(url)
        elapsed = time.monotonic() - started
    assert "timed out" in AudioProbe.objects.get(url=url).error
    assert elapsed < 1.5


@pytest.mark.django_db
def test_not_audio_is_reported():
    with audio_host(b"<html>not here</html>" * 100, content_type="text/html") as url:
        probe_audio_url.call(url)
    assert "not audio" in AudioProbe.objects.get(url=url).error


def test_a_saved_probe_fills_the_blanks(show):
    AudioProbe.objects.create(
        url="https://audio.example.com/probed.mp3",
        size=1234,
        mime_type="audio/mpeg",
        duration=timedelta(seconds=61, milliseconds=5),
    )
    episode = f.EpisodePageFactory(
        parent=show,
        audio_url="https://audio.example.com/probed.mp3",
        audio_duration=None,
        audio_size=None,
        audio_mime_type="",
    )
    episode.refresh_from_db()
    assert (episode.audio_size, episode.audio_mime_type) == (1234, "audio/mpeg")
    assert episode.audio_duration == timedelta(seconds=61, milliseconds=5)


def test_the_editor_queues_a_probe_and_sees_its_result(
    admin_client, show, django_capture_on_commit_callbacks
):
    episode = f.EpisodePageFactory(parent=show, audio_url="https://audio.example.com/new.mp3")
    edit_url = reverse("wagtailadmin_pages:edit", args=[episode.pk])
    form = admin_client.get(edit_url).content.decode()
    assert "being checked in the background" in form
    from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

    data = nested_form_data(
        {
            "title": episode.title,
            "slug": episode.slug,
            "episode_number": str(episode.episode_number),
            "broadcast_at": "2026-11-01 07:00",
            "audio_url": "https://audio.example.com/new.mp3",
            "audio_mime_type": "",
            "episode_type": "full",
            "summary": rich_text("<p>Short.</p>"),
            "body": streamfield([]),
            "host_links-TOTAL_FORMS": "0",
            "host_links-INITIAL_FORMS": "0",
            "guest_links-TOTAL_FORMS": "0",
            "guest_links-INITIAL_FORMS": "0",
            "related_links-TOTAL_FORMS": "0",
            "related_links-INITIAL_FORMS": "0",
            "comments-TOTAL_FORMS": "0",
            "comments-INITIAL_FORMS": "0",
        }
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(edit_url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    task = DBTaskResult.objects.get()
    assert task.task_path == "episodes.audio.tasks.probe_audio_url"
    assert task.args_kwargs["args"] == ["https://audio.example.com/new.mp3"]
    AudioProbe.objects.create(
        url="https://audio.example.com/new.mp3", error="The host answered HTTP 404 Not Found."
    )
    form = admin_client.get(edit_url).content.decode()
    assert "could not be checked" in form and "HTTP 404 Not Found" in form


# Serving uploads with byte ranges


@pytest.fixture
def mp3_document(db):
    return upload("episode.mp3", mp3_bytes(40))


def test_audio_is_served_inline_with_its_type_and_byte_ranges(client, mp3_document):
    data = mp3_bytes(40)
    whole = client.get(mp3_document.url)
    assert whole.status_code == 200
    assert b"".join(whole.streaming_content) == data
    assert whole["Accept-Ranges"] == "bytes"
    assert whole["Content-Type"] == "audio/mpeg"
    assert whole["Content-Disposition"] == "inline"
    assert whole["Content-Length"] == str(len(data))

    first_two = client.get(mp3_document.url, headers={"Range": "bytes=0-1"})
    assert first_two.status_code == 206
    assert b"".join(first_two.streaming_content) == data[:2]
    assert first_two["Content-Range"] == f"bytes 0-1/{len(data)}"
    assert first_two["Content-Length"] == "2"

    tail = client.get(mp3_document.url, headers={"Range": "bytes=-100"})
    assert b"".join(tail.streaming_content) == data[-100:]
    middle = client.get(mp3_document.url, headers={"Range": f"bytes=1000-{len(data) + 50}"})
    assert b"".join(middle.streaming_content) == data[1000:]

    beyond = client.get(mp3_document.url, headers={"Range": f"bytes={len(data)}-"})
    assert beyond.status_code == 416
    assert beyond["Content-Range"] == f"bytes */{len(data)}"
    # Not one byte range (several, or another unit): the whole file, as RFC 9110 allows.
    several = client.get(mp3_document.url, headers={"Range": "bytes=0-1,5-6"})
    assert several.status_code == 200


def test_an_m4a_is_served_as_audio_mp4(client, db):
    document = upload("episode.m4a", m4a_bytes(2000))
    response = client.get(document.url, headers={"Range": "bytes=0-1"})
    assert (response.status_code, response["Content-Type"]) == (206, "audio/mp4")


def test_audio_in_a_restricted_collection_stays_private(client, db):
    secret = Collection.get_first_root_node().add_child(name="Secret")
    CollectionViewRestriction.objects.create(
        collection=secret, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = upload("secret.mp3", mp3_bytes(10), collection=secret)
    response = client.get(document.url, headers={"Range": "bytes=0-1"})
    assert response.status_code == 302  # to the login page, as for any private document
    assert "login" in response["Location"]


def test_other_documents_keep_wagtails_serving(client, db):
    document = upload("notes.txt", b"some notes")
    response = client.get(document.url)
    assert "Accept-Ranges" not in response


@pytest.mark.django_db(transaction=True)
def test_nothing_is_queued_when_the_save_rolls_back(show):
    from episodes.audio.tasks import probe_after_commit

    with pytest.raises(RuntimeError), transaction.atomic():
        probe_after_commit("https://audio.example.com/rolled-back.mp3")
        raise RuntimeError
    assert DBTaskResult.objects.count() == 0
