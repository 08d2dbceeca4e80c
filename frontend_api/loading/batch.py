"""Everything a set of pages needs to be serialized, loaded in a fixed number of queries.

`PageBatch.prepare(pages)` collects what the pages refer to (people, linked and related
pages, ancestors, documents, embeds, images) and loads each kind once, whatever the number
of pages, blocks or links. The serializer fields then read from the batch without querying.
The pages may be live rows or unsaved drafts built from a revision: nothing is refetched.
"""

import math
import re
from collections.abc import Iterable
from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from wagtail.blocks.stream_block import StreamValue
from wagtail.documents import get_document_model
from wagtail.images.models import AbstractImage
from wagtail.models import Page

from episodes.models import EpisodePage, Person, PodcastPage
from episodes.rules import fallback_related, recency
from episodes.transcripts.models import Transcript
from episodes.transcripts.soundbites import Soundbite, measure_soundbites
from frontend_api.conf import api_setting, image_specs
from frontend_api.loading.images import image_representation
from frontend_api.loading.links import frontend_url
from frontend_api.loading.references import References
from frontend_api.loading.richtext import RichTextResolver
from frontend_api.loading.sites import all_sites
from frontend_api.loading.streams import build_stream, collect, raw_items
from frontend_api.pages.queries import parse_ordered_ids, parse_tags
from frontend_api.visibility import is_public, private_page_condition, unexpired_condition

WORD_RE = re.compile(r"\w+")
MARKUP_RE = re.compile(r"<[^>]*>|&#?\w+;")
STEP = 4  # characters per tree level in Wagtail's materialised paths


class PageBatch:
    """Loads, then answers: the serializer fields and the block API resolver read from here."""

    def __init__(self, request: HttpRequest | None = None) -> None:
        self.request = request
        self.references = References(request)
        self.rich_text_resolver = RichTextResolver(self.references)
        self._streams: dict[int, StreamValue] = {}
        self._bodies: dict[int, list[dict]] = {}
        self._soundbites: dict[int, list[Soundbite]] | None = None
        # Pages are keyed by id(), so hold on to them while the batch lives.
        self._keep: list[Page] = []

    # Loading ----------------------------------------------------------------------------------

    def prepare(self, pages: Iterable[Page]) -> "PageBatch":
        """Load what these pages refer to: one query per kind for all of them."""
        pages = list(pages)
        self._keep.extend(pages)
        refs = self.references
        specs = image_specs()
        for page in pages:
            for path in self._ancestor_paths(page):
                refs.want_page_path(path)
            if isinstance(page, EpisodePage):
                self._collect_episode(page)
            elif isinstance(page, PodcastPage):
                refs.want_image(page.artwork_id, specs)
        refs.load(images=False)
        # People and pages are loaded now, so their photos and covers can join the images query.
        for page in pages:
            show = self.show_page(page)
            if show is not None:
                refs.want_image(show.artwork_id, specs)
            if isinstance(page, EpisodePage):
                people = self.hosts(page) + self.guests(page) + self.transcript_speakers(page)
                for person in people:
                    refs.want_image(person.photo_id, specs)
                for related in self.related_pages(page):
                    refs.want_image(related.cover_image_id, specs)
        refs.load()
        for page in pages:
            body = getattr(page, "body", None)
            if isinstance(body, StreamValue):
                self._streams[id(page)] = build_stream(body.stream_block, raw_items(body), refs)
        return self

    def _collect_episode(self, page: EpisodePage) -> None:
        refs = self.references
        for person_id in self.host_ids(page) + self.guest_ids(page):
            refs.want(Person, person_id)
        related_ids = self.related_ids(page)
        for related_id in related_ids:
            refs.want(Page, related_id)
        if not related_ids:
            fallback = self._fallback_related(page)
            if fallback is not None:
                refs.want_page_set(self._related_key(page), fallback)
        refs.want_image(page.cover_image_id, image_specs())
        refs.want(get_document_model(), page.transcript_file_id)
        for person_id in self.transcript_person_ids(page):
            refs.want(Person, person_id)
        self.rich_text_resolver.collect(page.summary)
        body = page.body
        if isinstance(body, StreamValue):
            collect(body.stream_block, raw_items(body), refs, self.rich_text_resolver.collect)

    def _fallback_related(self, page: EpisodePage) -> QuerySet | None:
        """The content rule's recent episodes, among those the public may see on the page's site."""
        candidates = (
            EpisodePage.objects.live()
            .filter(unexpired_condition())
            .exclude(private_page_condition())
        )
        root = self._site_root_path(page)
        if root:
            candidates = candidates.filter(path__startswith=root)
        related = fallback_related(
            candidates,
            rubric_id=page.rubric_id,
            tag_names=self.tags(page),
            exclude_pk=page.pk,
            limit=api_setting("API_RELATED_EPISODES"),
        )
        return related.values("pk") if related is not None else None

    @staticmethod
    def _related_key(page: Page) -> str:
        return f"related:{id(page)}"

    # Tree -------------------------------------------------------------------------------------

    @staticmethod
    def _site_root_path(page: Page) -> str:
        """Tree path of the site root holding the page ("" when none does)."""
        path = page.path or ""
        roots = [
            site.root_tree_path for site in all_sites() if path.startswith(site.root_tree_path)
        ]
        return max(roots, key=len, default="")

    def _ancestor_paths(self, page: Page) -> list[str]:
        """Tree paths from the site root down to the parent."""
        path = page.path or ""
        root_depth = len(self._site_root_path(page)) // STEP or min(2, len(path) // STEP)
        return [path[: depth * STEP] for depth in range(root_depth, len(path) // STEP)]

    def ancestors(self, page: Page) -> list[Page]:
        found = (self.references.page_at(path) for path in self._ancestor_paths(page))
        return [ancestor for ancestor in found if ancestor is not None]

    def parent(self, page: Page) -> Page | None:
        path = page.path or ""
        if len(path) <= STEP:
            return None
        return self.references.page_at(path[:-STEP])

    def show_page(self, page: Page) -> PodcastPage | None:
        parent = self.parent(page) if isinstance(page, EpisodePage) else None
        return parent if isinstance(parent, PodcastPage) else None

    def url(self, page: Page) -> str:
        return frontend_url(page, self.request)

    def public_url(self, page: Page) -> str | None:
        return self.url(page) if is_public(page) else None

    # Episode relations ------------------------------------------------------------------------

    @staticmethod
    def _child_ids(page: Page, annotation: str, relation: str, attribute: str) -> list[int]:
        """From the list query's aggregate when present, else from the (possibly draft) page."""
        if hasattr(page, annotation):
            return parse_ordered_ids(getattr(page, annotation))
        manager = getattr(page, relation, None)
        return [getattr(row, attribute) for row in manager.all()] if manager is not None else []

    def host_ids(self, page: EpisodePage) -> list[int]:
        return self._child_ids(page, "api_host_ids", "host_links", "person_id")

    def guest_ids(self, page: EpisodePage) -> list[int]:
        return self._child_ids(page, "api_guest_ids", "guest_links", "person_id")

    def related_ids(self, page: EpisodePage) -> list[int]:
        return self._child_ids(page, "api_related_ids", "related_links", "episode_id")

    def tags(self, page: EpisodePage) -> list[str]:
        if hasattr(page, "api_tags"):
            return parse_tags(page.api_tags)
        return sorted(tag.name for tag in page.tags.all())

    def _people(self, ids: list[int]) -> list[Person]:
        people = (self.references.get(Person, pk) for pk in ids)
        return [person for person in people if person is not None]

    def hosts(self, page: EpisodePage) -> list[Person]:
        return self._people(self.host_ids(page))

    def guests(self, page: EpisodePage) -> list[Person]:
        return self._people(self.guest_ids(page))

    def transcript(self, page: EpisodePage) -> Transcript | None:
        """The episode's parsed transcript, joined by the page query (a query for drafts)."""
        try:
            return page.transcript
        except Transcript.DoesNotExist:
            return None

    def transcript_person_ids(self, page: EpisodePage) -> list[int]:
        transcript = self.transcript(page)
        return list(transcript.speaker_person_ids) if transcript is not None else []

    def transcript_speakers(self, page: EpisodePage) -> list[Person]:
        """The people speaking in the transcript; unmapped labels are never among them."""
        return self._people(self.transcript_person_ids(page))

    def soundbites(self, page: EpisodePage) -> list[Soundbite]:
        """The episode's soundbites, measured for every episode of the batch in one query."""
        if self._soundbites is None or id(page) not in self._soundbites:
            episodes = [kept for kept in self._keep if isinstance(kept, EpisodePage)]
            if page not in episodes:
                episodes.append(page)
            measured = measure_soundbites(
                [(self.transcript(episode), _raw_body(episode)) for episode in episodes]
            )
            self._soundbites = {
                id(episode): found for episode, found in zip(episodes, measured, strict=True)
            }
        return self._soundbites[id(page)]

    def related_pages(self, page: EpisodePage) -> list[EpisodePage]:
        """The editor's choice when there is one, else recent episodes of the rubric or tags."""
        ids = self.related_ids(page)
        chosen: Iterable[Page | None]
        if ids:
            chosen = (self.references.page(pk) for pk in ids)
        else:
            chosen = sorted(
                self.references.page_sets.get(self._related_key(page), []),
                key=recency,
                reverse=True,
            )
        return [
            episode
            for episode in chosen
            if isinstance(episode, EpisodePage) and is_public(episode) and episode.pk != page.pk
        ]

    # Representations --------------------------------------------------------------------------

    def image(self, image: AbstractImage | None) -> dict | None:
        """Block API resolver: an image with its renditions."""
        if image is None:
            return None
        loaded = self.references.image(image.pk) or image
        return image_representation(loaded)

    def image_by_id(self, pk: Any, alt: str | None = None) -> dict | None:
        return image_representation(self.references.image(pk), alt=alt) if pk else None

    def rich_text(self, html: str) -> str:
        """Block API resolver: database rich text to frontend HTML."""
        return self.rich_text_resolver.expand(html)

    def embed(self, url: str) -> dict:
        """Block API resolver: the cached oEmbed HTML and provider of a URL."""
        found = self.references.embeds.get(url)
        return {
            "html": (found.html or None) if found else None,
            "provider": (found.provider or None) if found else None,
        }

    def person(self, person: Person) -> dict[str, Any]:
        return {
            "id": person.pk,
            "name": person.name,
            "role": person.role or None,
            "photo": self.image_by_id(person.photo_id, alt=person.name),
        }

    def body(self, page: Page) -> list[dict]:
        """The body's API representation, built once per page."""
        key = id(page)
        if key not in self._bodies:
            stream = self._streams.get(key)
            if stream is None:
                body = getattr(page, "body", None)
                if not isinstance(body, StreamValue):
                    return []
                self.prepare([page])
                stream = self._streams[key]
            transcript = self.transcript(page) if isinstance(page, EpisodePage) else None
            verified = frozenset(transcript.verified_quotes) if transcript is not None else ()
            self._bodies[key] = stream.stream_block.get_api_representation(
                stream, {"api_resolver": self, "verified_quotes": verified}
            )
        return self._bodies[key]

    def toc(self, page: Page) -> list[dict]:
        return [
            {key: item["value"][key] for key in ("text", "level", "anchor")}
            for item in self.body(page)
            if item["type"] == "heading"
        ]

    def reading_time(self, page: Page) -> int:
        """Minutes to read the article, rounded up; 0 for an empty one."""
        words = sum(len(WORD_RE.findall(text)) for text in _texts(self.body(page)))
        return math.ceil(words / api_setting("API_WORDS_PER_MINUTE"))


def _raw_body(page: Page) -> list:
    """The page's stored body blocks, as saved."""
    body = getattr(page, "body", None)
    return list(body.raw_data) if isinstance(body, StreamValue) else []


TEXT_KEYS = frozenset({"text", "question", "answer", "caption", "title"})


def _texts(value: Any) -> Iterable[str]:
    """The readable strings of a body representation (HTML stripped)."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key in TEXT_KEYS and isinstance(item, str):
                # Counting words needs no HTML parser (strip_tags is slow): markup becomes spaces.
                yield MARKUP_RE.sub(" ", item)
            elif isinstance(item, dict | list):
                yield from _texts(item)
    elif isinstance(value, list):
        for item in value:
            yield from _texts(item)
