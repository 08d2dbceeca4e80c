"""Episodes that use every block, field and kind of reference, with stable ids for comparisons."""

import datetime
import itertools

import wagtail_factories
from django.utils import timezone
from wagtail.embeds.models import Embed

from episodes import factories as f
from episodes.models import EpisodeGuest, EpisodeHost, RelatedEpisode

from .site import publish

EMBED_URL = "https://video.example/watch/demo"
_ids = itertools.count(1)


def block_id(prefix: str) -> str:
    return f"{prefix}-{next(_ids)}"


def with_id(raw: dict, id: str | None = None) -> dict:
    """A factory block with a stable id, so outputs can be compared byte for byte."""
    return {**raw, "id": id or block_id(raw["type"])}


def image(pk: int | None = None, name: str = "picture", size: int = 1400):
    """A square image whose title and file name come from `name`, under a fixed id if given."""
    kwargs = {"id": pk} if pk else {}
    return f.ImageFactory(
        title=name.replace("-", " ").capitalize(),
        file__filename=f"{name}.png",
        file__width=size,
        file__height=size,
        **kwargs,
    )


def embed_row(url: str = EMBED_URL) -> Embed:
    """The oEmbed answer for the demo video, stored so no test reaches the network."""
    return f.EmbedFactory(
        url=url,
        type="video",
        html='<iframe src="https://video.example/embed/demo"></iframe>',
        provider_name="Video Example",
        title="Demo",
    )


def full_body(*, people, images, linked_page, document) -> list[dict]:
    """One of each block, with rich-text links to a page and a document and an embedded image."""
    host, guest = people
    return [
        with_id(f.heading("Why we talk about this", anchor="", timestamp="0:45"), "heading-1"),
        with_id(
            f.paragraph(
                f'<p>See <a linktype="page" id="{linked_page.pk}">the previous episode</a>, '
                f'<a linktype="document" id="{document.pk}">the notes</a> and '
                '<a href="https://example.com/">a site</a>.</p>'
            ),
            "paragraph-1",
        ),
        with_id(f.heading("A detail", level="h3"), "heading-2"),
        with_id(
            f.pull_quote("Listening comes first.", speaker=host, timestamp="1:02", soundbite=True),
            "quote-1",
        ),
        with_id(f.pull_quote("Nobody asked me.", speaker_name="A listener"), "quote-2"),
        with_id(f.image(images[0], alt="A chart", caption="The chart", credit="Studio"), "image-1"),
        with_id(f.embed(EMBED_URL), "embed-1"),
        with_id(
            f.faq(
                [
                    f.faq_item(
                        "Who is it for?", "<p>Anyone <b>curious</b>.</p>", "For all.", guest
                    ),
                    f.faq_item("How long is it?", "<p>About an hour.</p>"),
                ]
            ),
            "faq-1",
        ),
    ]


def full_episode(show, *, pk: int | None = None, number: int = 1, **kwargs):
    """A published episode using every field: people, tags, related episodes, every block."""
    host = f.PersonFactory(name="Host Person", role="Host", photo=image(name="host-photo", size=64))
    guest = f.PersonFactory(name="Guest Person", role="", photo=None)
    cover = image(name=f"cover-{number}", size=64)
    body_image = image(name=f"body-{number}", size=64)
    linked = f.EpisodePageFactory(
        parent=show,
        title="Linked",
        slug=f"linked-{number}",
        episode_number=number + 100,
        published=True,
    )
    document = wagtail_factories.DocumentFactory(
        title="Notes", file__filename=f"notes-{number}.txt"
    )
    embed_row()
    extra = {"id": pk} if pk else {}
    episode = f.EpisodePageFactory(
        parent=show,
        title=f"Episode title {number}",
        slug=f"episode-{number}",
        episode_number=number,
        season=1,
        headline=f"Headline {number}",
        rubric=f.RubricFactory(name="Market", slug="market"),
        cover_image=cover,
        broadcast_at=timezone.make_aware(datetime.datetime(2026, 3, 4, 9, 30)),
        audio_duration=datetime.timedelta(minutes=52, seconds=10),
        summary=f'<p>About <a linktype="page" id="{linked.pk}">this</a>.</p>',
        body=full_body(
            people=(host, guest), images=[body_image], linked_page=linked, document=document
        ),
        **extra,
        **kwargs,
    )
    EpisodeHost.objects.create(page=episode, person=host, sort_order=0)
    EpisodeGuest.objects.create(page=episode, person=guest, sort_order=0)
    RelatedEpisode.objects.create(page=episode, episode=linked, sort_order=0)
    episode.tags.add("markets", "audio")
    episode.save()
    return publish(episode)
