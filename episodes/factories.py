"""Factories for shows, episodes, people and body blocks, shared by tests and the demo seeder."""

import datetime
import uuid

import factory
import wagtail_factories
from django.utils import timezone
from django.utils.text import slugify

from home.models import HomePage

from .models import EpisodePage, Person, PodcastPage, Rubric


def block(block_type: str, value: dict) -> dict:
    """One raw body item, with the stable id Wagtail gives every block."""
    return {"type": block_type, "value": value, "id": str(uuid.uuid4())}


def heading(text: str, level: str = "h2", anchor: str = "", timestamp: str = "") -> dict:
    return block(
        "heading", {"text": text, "level": level, "anchor": anchor, "timestamp": timestamp}
    )


def paragraph(html: str) -> dict:
    return block("paragraph", {"text": html})


def pull_quote(
    text: str, speaker: Person | None = None, speaker_name: str = "", timestamp: str = ""
) -> dict:
    return block(
        "pull_quote",
        {
            "text": text,
            "speaker": speaker.pk if speaker else None,
            "speaker_name": speaker_name,
            "timestamp": timestamp,
        },
    )


def faq_item(
    question: str,
    answer_html: str,
    quote: str = "",
    speaker: Person | None = None,
    speaker_name: str = "",
) -> dict:
    return {
        "question": question,
        "answer": answer_html,
        "quote": {
            "text": quote,
            "speaker": speaker.pk if speaker else None,
            "speaker_name": speaker_name,
        },
    }


def faq(items: list[dict], title: str = "Frequently asked questions") -> dict:
    return block("faq", {"title": title, "items": items})


def image(image_obj, alt: str, caption: str = "", credit: str = "") -> dict:
    return block("image", {"image": image_obj.pk, "alt": alt, "caption": caption, "credit": credit})


def embed(url: str) -> dict:
    return block("embed", {"url": url})


class ImageFactory(wagtail_factories.ImageFactory):
    """A real image file drawn by Pillow, so renditions can be made from it."""

    title = factory.Sequence(lambda n: f"Picture {n}")
    file = factory.django.ImageField(width=1400, height=1400, color="teal")


class RubricFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Rubric {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))

    class Meta:
        model = Rubric
        django_get_or_create = ("slug",)


class PersonFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Speaker {n}")
    role = "Guest"
    bio = "Works on podcasts and talks about them."

    class Meta:
        model = Person


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Home"
    slug = "home"

    class Meta:
        model = HomePage


class PodcastPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Show {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title))
    description = "A show about how digital businesses work."
    author = "The Podcast Team"
    owner_name = "The Podcast Team"
    owner_email = "podcast@example.com"

    class Meta:
        model = PodcastPage


class EpisodePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Episode {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title))
    episode_number = factory.Sequence(lambda n: n + 1)
    broadcast_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=1))
    audio_url = factory.LazyAttribute(lambda o: f"https://audio.example.com/{o.slug}.mp3")
    audio_duration = datetime.timedelta(minutes=45)
    audio_size = 43_200_000
    summary = "<p>What this episode is about, in two sentences.</p>"
    body = factory.LazyFunction(
        lambda: [heading("Introduction"), paragraph("<p>The episode opens with a question.</p>")]
    )

    class Meta:
        model = EpisodePage
