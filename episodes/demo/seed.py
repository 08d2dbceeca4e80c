"""Builds the demo site from episodes/demo/content.py with the factories; every step finds
before it creates."""

import datetime
import io
from pathlib import Path

from django.core.files import File
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.documents import get_document_model
from wagtail.documents.models import AbstractDocument
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.images import get_image_model
from wagtail.images.models import AbstractImage
from wagtail.models import Page, Site

from episodes.blocks import values as block_values
from episodes.factories import EpisodePageFactory, PersonFactory, PodcastPageFactory
from episodes.models import (
    EpisodeGuest,
    EpisodeHost,
    EpisodePage,
    Person,
    PodcastPage,
    RelatedEpisode,
    Rubric,
)
from episodes.transcripts.models import Transcript
from episodes.transcripts.storage import read_transcript, store_transcript
from home.factories import HomePageFactory, SiteFactory
from home.models import HomePage

from . import content
from .article import ARTICLE, FAQ, FAQ_TITLE

Image = get_image_model()
Document = get_document_model()
# The flagship's audio and transcript, spoken by scripts/demo_audio.py and committed.
MEDIA_DIR = Path(__file__).parent / "media"
FLAGSHIP_AUDIO = MEDIA_DIR / "subscription-fatigue.ogg"
FLAGSHIP_TRANSCRIPT = MEDIA_DIR / "subscription-fatigue.vtt"
PALETTE = ["#1f6f5c", "#c4572f", "#35577d", "#8a5a9e", "#b58a1b", "#2d7a8c"]


def article_body(people: dict[str, Person], chart: AbstractImage) -> list[dict]:
    """The flagship article as raw body blocks, speakers looked up by their key in PEOPLE."""
    body = []
    for kind, payload in ARTICLE:
        if kind == "heading":
            text, level, stamp = payload
            body.append(block_values.heading(text, level, timestamp=stamp))
        elif kind == "paragraph":
            body.append(block_values.paragraph(payload))
        elif kind == "quote":
            text, speaker, stamp = payload
            body.append(block_values.pull_quote(text, speaker=people[speaker], timestamp=stamp))
        elif kind == "image":
            body.append(block_values.image(chart, *payload))
        elif kind == "embed":
            body.append(block_values.embed(content.EMBED_URL))
    items = [
        block_values.faq_item(question, answer, quote=text, speaker=people[speaker])
        for question, answer, (text, speaker) in FAQ
    ]
    body.append(block_values.faq(items, title=FAQ_TITLE))
    return body


class Seeder:
    """Creates what is missing and counts it, so a second run reports nothing created."""

    def __init__(self):
        self.created: list[str] = []

    def note(self, what: str) -> None:
        self.created.append(what)

    @transaction.atomic
    def run(self) -> list[str]:
        home = self.home()
        rubrics = {key: self.rubric(*values) for key, values in content.RUBRICS.items()}
        people = {key: self.person(key, *values) for key, values in content.PEOPLE.items()}
        show = self.show(home)
        self.embed_cache()
        for index, episode in enumerate(content.EPISODES):
            self.short_episode(show, rubrics, people, index, *episode)
        flagship = self.flagship(show, rubrics, people)
        self.transcript(flagship)
        self.related(flagship)
        self.draft(show, rubrics)
        return self.created

    def picture(self, title: str, colour: str) -> AbstractImage:
        """A generated square picture: nothing is downloaded."""
        existing = Image.objects.filter(title=title).first()
        if existing:
            return existing
        canvas = PILImage.new("RGB", (1400, 1400), colour)
        draw = ImageDraw.Draw(canvas)
        for ring in range(6):
            inset = 120 + ring * 90
            draw.ellipse((inset, inset, 1400 - inset, 1400 - inset), outline="white", width=8)
        buffer = io.BytesIO()
        canvas.save(buffer, format="PNG")
        filename = f"{title.lower().replace(' ', '-')[:60]}.png"
        picture = Image(title=title, file=ImageFile(buffer, name=filename))
        picture.save()
        self.note(f"image {title}")
        return picture

    def home(self) -> HomePage:
        home = HomePage.objects.first()
        if home:
            return home
        root = Page.get_first_root_node()
        # Wagtail's first migration leaves a plain "Welcome" page; the home page replaces it.
        for stock in root.get_children().filter(content_type__model="page", slug="home"):
            if not stock.get_children().exists():
                stock.delete()
        home = HomePageFactory(
            parent=root,
            title=content.SITE_TITLE,
            slug="home",
            intro=content.HOME_INTRO,
            published=True,
        )
        site = Site.objects.filter(is_default_site=True).first() or Site()
        SiteFactory(
            root_page=home,
            hostname=site.hostname or "localhost",
            port=site.port or 80,
            site_name=content.SITE_TITLE,
        )
        self.note("home page")
        return home

    def rubric(self, name: str, description: str) -> Rubric:
        rubric, created = Rubric.objects.get_or_create(
            slug=name.lower(), defaults={"name": name, "description": description}
        )
        if created:
            self.note(f"rubric {name}")
        return rubric

    def person(self, key: str, name: str, role: str, bio: str) -> Person:
        person = Person.objects.filter(name=name).first()
        if person:
            return person
        photo = self.picture(f"Portrait of {name}", PALETTE[len(name) % len(PALETTE)])
        person = PersonFactory.create(name=name, role=role, bio=bio, photo=photo)
        self.note(f"person {name}")
        return person

    def show(self, home: HomePage) -> PodcastPage:
        show = PodcastPage.objects.child_of(home).filter(slug=content.SHOW["slug"]).first()
        if show:
            return show
        artwork = self.picture(f"{content.SHOW['title']} artwork", PALETTE[0])
        show = PodcastPageFactory(parent=home, artwork=artwork, published=True, **content.SHOW)
        self.note("show")
        return show

    def embed_cache(self) -> None:
        """Stores the oEmbed answer for the demo embed, so the demo works with no network."""
        digest = get_embed_hash(content.EMBED_URL)
        if Embed.objects.filter(hash=digest).exists():
            return
        Embed.objects.create(
            url=content.EMBED_URL,
            hash=digest,
            type="rich",
            html=(
                '<iframe width="100%" height="166" scrolling="no" frameborder="no" '
                f'title="Extract of the episode" src="https://w.soundcloud.com/player/?url={content.EMBED_URL}">'
                "</iframe>"
            ),
            title="Subscription fatigue, an extract",
            provider_name="SoundCloud",
            width=None,
            height=166,
        )
        self.note("embed")

    def existing_episode(self, show: PodcastPage, number: int) -> EpisodePage | None:
        return EpisodePage.objects.child_of(show).filter(episode_number=number).first()

    def publish_episode(self, show, people, hosts, guests, tags, **fields) -> EpisodePage:
        """An episode of the show with its hosts, guests and tags, published in one revision."""
        episode = EpisodePageFactory(
            parent=show,
            host_links=[EpisodeHost(person=people[key]) for key in hosts],
            guest_links=[EpisodeGuest(person=people[key]) for key in guests],
            # Left blank, as an editor leaves it: read from the audio.
            audio_mime_type="",
            **fields,
        )
        episode.tags.add(*tags)
        episode.save_revision().publish()
        self.note(f"episode {episode.episode_number}")
        return episode

    def short_episode(
        self,
        show,
        rubrics,
        people,
        index,
        number,
        slug,
        title,
        rubric,
        days_ago,
        hosts,
        guests,
        tags,
        summary,
        sections,
    ):
        if self.existing_episode(show, number):
            return
        body = []
        for heading_text, html, quote in sections:
            body += [block_values.heading(heading_text), block_values.paragraph(html)]
            if quote:
                text, speaker, stamp = quote
                body.append(block_values.pull_quote(text, speaker=people[speaker], timestamp=stamp))
        self.publish_episode(
            show,
            people,
            hosts,
            guests,
            tags,
            title=title,
            slug=slug,
            episode_number=number,
            rubric=rubrics[rubric],
            broadcast_at=self.broadcast(days_ago),
            audio_url=f"https://media.signal-and-noise.example/episodes/{number}.mp3",
            audio_duration=datetime.timedelta(minutes=30 + index * 3),
            audio_size=(30 + index * 3) * 60 * 16_000,
            cover_image=self.picture(f"Cover of episode {number}", PALETTE[index % len(PALETTE)]),
            summary=summary,
            body=body,
        )

    def flagship(self, show, rubrics, people) -> EpisodePage:
        spec = content.FLAGSHIP
        existing = self.existing_episode(show, spec["number"])
        if existing:
            return existing
        cover = self.picture(f"Cover of episode {spec['number']}", PALETTE[4])
        chart = self.picture("Sign-ups and cancellations chart", PALETTE[2])
        body = article_body(people, chart)
        return self.publish_episode(
            show,
            people,
            spec["hosts"],
            spec["guests"],
            spec["tags"],
            title=spec["title"],
            slug=spec["slug"],
            headline=spec["headline"],
            episode_number=spec["number"],
            season=2,
            rubric=rubrics[spec["rubric"]],
            broadcast_at=self.broadcast(spec["days_ago"]),
            # An uploaded file, its duration and size left blank: read from the file on save.
            audio_file=self.audio_document(f"{spec['title']} (audio)"),
            audio_url="",
            audio_duration=None,
            audio_size=None,
            cover_image=cover,
            summary=spec["summary"],
            body=body,
        )

    def audio_document(self, title: str) -> AbstractDocument:
        """The committed recording as a document in the CMS's media, served with byte ranges."""
        existing = Document.objects.filter(title=title).first()
        if existing:
            return existing
        with FLAGSHIP_AUDIO.open("rb") as audio:
            document = Document(title=title, file=File(audio, name=FLAGSHIP_AUDIO.name))
            document.save()
        self.note("audio file")
        return document

    def transcript(self, flagship: EpisodePage) -> None:
        """Attaches the recording's transcript, which checks the article's quotes against it."""
        # A flagship seeded before the demo had a recording keeps its article and audio URL:
        # this transcript is not of that audio.
        if flagship.audio_file_id is None or Transcript.objects.filter(episode=flagship).exists():
            return
        data = FLAGSHIP_TRANSCRIPT.read_bytes()
        transcript_format, cues = read_transcript(data, FLAGSHIP_TRANSCRIPT.name)
        store_transcript(flagship, cues, transcript_format, "", FLAGSHIP_TRANSCRIPT.name)
        self.note("transcript")

    def related(self, flagship: EpisodePage) -> None:
        if flagship.related_links.exists():
            return
        picks = EpisodePage.objects.sibling_of(flagship, inclusive=False).filter(
            episode_number__in=[40, 41]
        )
        flagship.related_links = [
            RelatedEpisode(episode=pick) for pick in picks.order_by("-episode_number")
        ]
        flagship.save_revision().publish()
        self.note("related episodes")

    def draft(self, show, rubrics) -> None:
        spec = content.DRAFT
        if self.existing_episode(show, spec["number"]):
            return
        heading_text, html = spec["section"]
        EpisodePageFactory(
            parent=show,
            title=spec["title"],
            slug=spec["slug"],
            episode_number=spec["number"],
            rubric=rubrics[spec["rubric"]],
            broadcast_at=self.broadcast(-7),
            # A draft with no audio yet: none of the factory's defaults.
            audio_url="",
            audio_duration=None,
            audio_size=None,
            audio_mime_type="",
            summary=spec["summary"],
            body=[block_values.heading(heading_text), block_values.paragraph(html)],
            draft=True,
        )
        self.note(f"draft episode {spec['number']}")

    @staticmethod
    def broadcast(days_ago: int) -> datetime.datetime:
        """A broadcast time at 7 a.m., a fixed number of days before today."""
        day = timezone.localdate() - datetime.timedelta(days=days_ago)
        return timezone.make_aware(datetime.datetime.combine(day, datetime.time(7, 0)))
