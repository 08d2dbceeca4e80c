"""Factories for shows, episodes, people and body blocks, shared by tests, benchmarks and the demo.

Pages hang from their parent by default (episode → show → home), and take the `published` and
`draft` traits of `home.factories.PageFactory`. Block factories make raw stored body items with
the value builders of `episodes.blocks.values`, filling in what a test leaves out.
"""

import datetime

import factory
import wagtail_factories
from django.utils import timezone
from django.utils.text import slugify
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed

from home.factories import HomePageFactory, PageFactory

from .blocks import values
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


class EmbedFactory(factory.django.DjangoModelFactory):
    """A stored oEmbed answer, so an embed block renders with no network; one row per URL."""

    url = "https://video.example.com/watch/extract"
    hash = factory.LazyAttribute(lambda o: get_embed_hash(o.url))
    type = "video"
    html = '<iframe src="https://video.example.com/embed/extract"></iframe>'

    class Meta:
        model = Embed
        django_get_or_create = ("hash",)


# Body blocks, one factory per block family. Each returns the raw stored item its value
# builder makes, e.g. HeadingBlockFactory(text="Why", level="h3").


class HeadingBlockFactory(factory.Factory):
    text = factory.Sequence(lambda n: f"Section {n}")
    level = "h2"
    anchor = ""
    timestamp = ""

    class Meta:
        model = values.heading


class ParagraphBlockFactory(factory.Factory):
    html = "<p>The episode opens with a question.</p>"

    class Meta:
        model = values.paragraph


class PullQuoteBlockFactory(factory.Factory):
    """A quote by a free-text speaker; pass `speaker=` a Person to credit a known one."""

    text = factory.Sequence(lambda n: f"Something worth quoting, number {n}.")
    speaker = None
    speaker_name = "A listener"
    timestamp = ""

    class Meta:
        model = values.pull_quote


class FAQItemFactory(factory.Factory):
    question = factory.Sequence(lambda n: f"Question {n}?")
    answer_html = "<p>A short answer.</p>"
    quote = ""
    speaker = None
    speaker_name = ""

    class Meta:
        model = values.faq_item


class FAQBlockFactory(factory.Factory):
    items = factory.List([factory.SubFactory(FAQItemFactory)])
    title = "Frequently asked questions"

    class Meta:
        model = values.faq


class ImageBlockFactory(factory.Factory):
    image_obj = factory.SubFactory(ImageFactory)
    alt = "A picture from the episode"
    caption = ""
    credit = ""

    class Meta:
        model = values.image


class EmbedBlockFactory(factory.Factory):
    url = "https://video.example.com/watch/extract"

    class Meta:
        model = values.embed


class PodcastPageFactory(PageFactory):
    """A show, under the home page unless given a `parent`."""

    title = factory.Sequence(lambda n: f"Show {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title))
    parent = factory.SubFactory(HomePageFactory)
    description = "A show about how digital businesses work."
    author = "The Podcast Team"
    owner_name = "The Podcast Team"
    owner_email = "podcast@example.com"

    class Meta:
        model = PodcastPage


class EpisodePageFactory(PageFactory):
    """An episode, in a new show unless given a `parent`."""

    title = factory.Sequence(lambda n: f"Episode {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title))
    parent = factory.SubFactory(PodcastPageFactory)
    episode_number = factory.Sequence(lambda n: n + 1)
    broadcast_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=1))
    audio_url = factory.LazyAttribute(lambda o: f"https://audio.example.com/{o.slug}.mp3")
    audio_duration = datetime.timedelta(minutes=45)
    audio_size = 43_200_000
    audio_mime_type = "audio/mpeg"
    summary = "<p>What this episode is about, in two sentences.</p>"
    body = factory.LazyFunction(
        lambda: [HeadingBlockFactory(text="Introduction"), ParagraphBlockFactory()]
    )

    class Meta:
        model = EpisodePage
