"""What feed items point at: artwork, chapters and transcripts fetched from a real local host."""

import io
import json

from PIL import Image
from wagtail.images import get_image_model
from wagtail.models import Revision

from episodes.models import EpisodePage, PodcastPage
from episodes.transcripts.models import Transcript

from .feed_host import feed_host
from .rss import Item, rss

VTT = """WEBVTT

00:00:01.000 --> 00:00:04.000
<v Mina Okafor>Welcome back to the bench.

00:10:00.000 --> 00:10:05.000
<v Mina Okafor>Now for the parts we swapped.

00:20:00.000 --> 00:20:04.000
<v Mina Okafor>Never trust a capacitor older than your parents.
"""
CHAPTERS = {
    "version": "1.2.0",
    "chapters": [
        {"startTime": 0, "title": "On the bench"},
        {"startTime": 600, "title": "What we changed"},
        {"startTime": 900, "title": "Letters from listeners"},
    ],
}


def png(colour: str) -> bytes:
    data = io.BytesIO()
    Image.new("RGB", (1400, 1400), colour).save(data, "PNG")
    return data.getvalue()


def test_artwork_chapters_and_transcript_are_fetched_once_and_kept(home_page, feed_file, run_feed):
    with feed_host() as host:
        show_art = host.put("/show.png", png("navy"), "image/png")
        item_art = host.put("/ep1.png", png("orange"), "image/png")
        chapters = host.put("/ep1.json", json.dumps(CHAPTERS), "application/json+chapters")
        vtt = host.put("/ep1.vtt", VTT, "text/vtt")
        item = Item(1, image=item_art, chapters=chapters, transcripts=[(vtt, "text/vtt")])
        path = feed_file(rss([item], image=show_art))
        first = run_feed(path)
        revisions, images = Revision.objects.count(), get_image_model().objects.count()
        again = run_feed(path)
    assert first.error == "" and again.error == ""
    assert "1 chapter(s) match no heading of the article, not kept: 15:00 Letters" in first.output
    show = PodcastPage.objects.get(slug="bench-notes")
    episode = EpisodePage.objects.get().get_latest_revision_as_object()
    assert show.artwork is not None and episode.cover_image is not None
    assert show.artwork.pk != episode.cover_image.pk
    headings = [
        (b.value["text"], b.value["timestamp"]) for b in episode.body if b.block_type == "heading"
    ]
    assert headings == [("On the bench", "0:00"), ("What we changed", "10:00")]
    transcript = Transcript.objects.get(episode=episode.pk)
    assert (transcript.cue_count, transcript.source_name) == (3, vtt)
    # The transcript located the quote and filled in its moment (a new draft); re-runs keep it.
    quote = next(b.value for b in episode.body if b.block_type == "pull_quote")
    assert quote["timestamp"] == "20:00"
    assert "1 unchanged" in again.output
    assert (Revision.objects.count(), get_image_model().objects.count()) == (revisions, images)


def test_what_cannot_be_fetched_is_a_warning_and_the_episode_is_imported(
    home_page, feed_file, run_feed, settings
):
    settings.TRANSCRIPT_MAX_BYTES = 50
    with feed_host() as host:
        items = [
            Item(
                3,
                image=host.put("/not-an-image.png", "just text", "image/png"),
                chapters=host.url("/missing.json"),
                transcripts=[(host.put("/long.vtt", VTT, "text/vtt"), "text/vtt")],
            ),
            Item(
                2,
                chapters=host.put("/broken.json", "{not json", "application/json"),
                transcripts=[(host.url("/notes.html"), "text/html")],
            ),
            Item(1, transcripts=[("http://127.0.0.1:9/closed.vtt", "text/vtt")]),
        ]
        result = run_feed(feed_file(rss(items)))
    assert result.error == ""
    assert "3 created, 0 updated, 0 unchanged, 0 skipped" in result.output
    assert "not-an-image.png is not an image; left out" in result.output
    assert (
        "chapters not imported: " + host.url("/missing.json") + ": the host answered HTTP 404"
        in result.output
    )
    assert "is not chapters JSON" in result.output
    assert "transcript not imported: no WebVTT, SRT or JSON one (text/html)" in result.output
    assert f"long.vtt: the transcript is {len(VTT.encode())} bytes, over 50" in result.output
    assert "closed.vtt: could not be reached" in result.output
    assert EpisodePage.objects.count() == 3
    assert not Transcript.objects.exists()
