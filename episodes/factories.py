"""Factories for shows, episodes, people and body blocks, shared by tests and the demo seeder."""

import datetime

import factory
import wagtail_factories
from django.utils import timezone
from django.utils.text import slugify

from home.models import HomePage

from .blocks.values import block, embed, faq, faq_item, heading, image, paragraph, pull_quote
from .models import EpisodePage, PodcastPage
from .snippets import Person, Rubric

# The block value builders live with the blocks; tests and benchmarks reach them from here too.
__all__ = [
    "block",
    "embed",
    "faq",
    "faq_item",
    "heading",
    "image",
    "paragraph",
    "pull_quote",
]


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
    audio_mime_type = "audio/mpeg"
    summary = "<p>What this episode is about, in two sentences.</p>"
    body = factory.LazyFunction(
        lambda: [heading("Introduction"), paragraph("<p>The episode opens with a question.</p>")]
    )

    class Meta:
        model = EpisodePage
