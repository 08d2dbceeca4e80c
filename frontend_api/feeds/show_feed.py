"""The show's podcast feed: which episodes, and what each RSS, itunes and podcast tag says."""

import uuid
from collections.abc import Iterable
from datetime import datetime
from typing import Any, cast

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Prefetch, QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.urls import reverse
from django.utils.feedgenerator import Enclosure

from episodes.choices import split_apple_category
from episodes.models import EpisodeGuest, EpisodeHost, EpisodePage, PodcastPage
from episodes.transcripts.models import Transcript
from episodes.transcripts.soundbites import measure_soundbites
from frontend_api.feeds import freshness
from frontend_api.feeds.article import ArticleRenderer
from frontend_api.feeds.chapters import build_chapters, raw_blocks
from frontend_api.feeds.distribution import channel_distribution, season_names
from frontend_api.feeds.generator import PodcastRssFeed
from frontend_api.feeds.media import (
    ARTWORK_SPEC,
    PERSON_SPEC,
    RenditionURLs,
    image_prefetch,
    rendition_url,
)
from frontend_api.feeds.pings import uses_podping, websub_hubs
from frontend_api.loading.links import frontend_url
from frontend_api.loading.references import private_collection_condition
from frontend_api.loading.richtext import expand_rich_text
from frontend_api.pages.episode_media import episode_audio, episode_transcript
from frontend_api.visibility import aired_episodes, visible_show

# The Podcasting 2.0 namespace's own UUID, the seed of every podcast:guid (UUIDv5).
PODCAST_GUID_NAMESPACE = uuid.UUID("ead4c236-bf58-58c6-a2c6-a6b28d128cb6")


def podcast_guid(feed_url: str) -> str:
    """podcast:guid: UUIDv5 of the feed URL without its scheme and trailing slashes."""
    bare = feed_url.split("://", 1)[-1].rstrip("/")
    return str(uuid.uuid5(PODCAST_GUID_NAMESPACE, bare))


def feed_url(show: PodcastPage) -> str:
    return settings.CMS_URL + reverse("feeds:show", args=[show.slug])


def chapters_url(show: PodcastPage, episode: EpisodePage) -> str:
    return settings.CMS_URL + reverse("feeds:chapters", args=[show.slug, episode.episode_number])


def _people(links: Iterable[Any], role: str, renditions: RenditionURLs) -> list[dict]:
    people = []
    for link in links:
        person = link.person
        people.append(
            {
                "name": person.name[:128],
                "role": role,
                "img": renditions(person.photo, PERSON_SPEC),
                "href": person.first_link_url,
            }
        )
    return people


def _transcript(episode: EpisodePage) -> Transcript | None:
    """The episode's parsed transcript, joined by the episodes query."""
    try:
        return episode.transcript
    except Transcript.DoesNotExist:
        return None


def listed_episodes(show: PodcastPage) -> QuerySet[EpisodePage]:
    """The episodes the show's feed lists: aired, public and with audio, newest first."""
    return aired_episodes(show).exclude(audio_file__isnull=True, audio_url="")


class ShowFeed(Feed):
    """RSS 2.0 for one show, with the tags Apple Podcasts and Podcasting 2.0 apps read."""

    # prepare() keeps the request's episodes on the instance, so every request needs a
    # fresh instance (views.show_feed), never one shared ShowFeed().

    feed_type = PodcastRssFeed
    # A moved show's feed sends apps to the new one; the feed check still reads the XML.
    redirects_moved_show = True

    def __call__(self, request: HttpRequest, slug: str) -> HttpResponse:
        try:
            show = self.get_object(request, slug)
        except ObjectDoesNotExist:
            raise Http404("No such show.") from None
        if show.moved_to_url and self.redirects_moved_show:
            return HttpResponsePermanentRedirect(show.moved_to_url)
        response, latest = self.answer(show, request)
        return freshness.conditional(request, response, freshness.last_modified(latest))

    def answer(self, show: PodcastPage, request: HttpRequest) -> tuple[HttpResponse, float | None]:
        """The feed's document, and the latest moment it shows (for Last-Modified)."""
        self.prepare(show, request)
        # get_feed builds an instance of feed_type; the stubs only promise a SyndicationFeed.
        generator = cast(PodcastRssFeed, self.get_feed(show, request))
        generator.feed["language"] = show.language
        response = HttpResponse(content_type=generator.content_type)
        generator.write(response, "utf-8")
        latest = freshness.latest(
            freshness.changed_at(),
            show.last_published_at,
            *(item["pubdate"] for item in generator.items),
        )
        return response, latest

    def get_object(self, request: HttpRequest, slug: str) -> PodcastPage:
        return visible_show(request, slug)

    def prepare(self, show: PodcastPage, request: HttpRequest) -> None:
        """Load the episodes and all their items need, in a fixed number of queries."""
        self.show = show
        self.request = request
        self.renditions = RenditionURLs()
        self.season_names = season_names(show)
        self.episodes, self.channel_episodes = self.listed(show)
        self.prepare_items()

    def listed(self, show: PodcastPage) -> tuple[list[EpisodePage], list[EpisodePage]]:
        """The episodes of the feed's items, and those its channel reads (for trailers)."""
        episodes = list(self.with_item_details(listed_episodes(show)))
        return episodes, episodes

    @staticmethod
    def with_item_details(episodes: QuerySet[EpisodePage]) -> QuerySet[EpisodePage]:
        """The episodes with what their items show, in a fixed number of queries."""
        hosts = EpisodeHost.objects.select_related("person").prefetch_related(
            image_prefetch("person__photo", PERSON_SPEC)
        )
        guests = EpisodeGuest.objects.select_related("person").prefetch_related(
            image_prefetch("person__photo", PERSON_SPEC)
        )
        return (
            episodes.select_related("audio_file", "transcript_file", "transcript")
            .annotate(transcript_private=private_collection_condition("transcript_file__"))
            .prefetch_related(
                image_prefetch("cover_image", ARTWORK_SPEC),
                Prefetch("host_links", queryset=hosts),
                Prefetch("guest_links", queryset=guests),
            )
        )

    def prepare_items(self) -> None:
        """The articles and soundbites of the episodes listed, all at once."""
        request = self.request
        self.article = ArticleRenderer(
            self.episodes, lambda sources: expand_rich_text(sources, request), self.renditions
        )
        measured = measure_soundbites(
            [(_transcript(episode), raw_blocks(episode.body)) for episode in self.episodes]
        )
        self.soundbites = {
            episode.pk: found for episode, found in zip(self.episodes, measured, strict=True)
        }

    # Channel

    def title(self, show: PodcastPage) -> str:
        return show.title

    def link(self, show: PodcastPage) -> str:
        return frontend_url(show, self.request)

    def description(self, show: PodcastPage) -> str:
        return show.description

    def feed_url(self, show: PodcastPage) -> str:
        return feed_url(show)

    def feed_copyright(self, show: PodcastPage) -> str | None:
        return show.copyright or None

    def feed_extra_kwargs(self, show: PodcastPage) -> dict:
        category, subcategory = split_apple_category(show.apple_category)
        return {
            "websub_hubs": websub_hubs(),
            "uses_podping": uses_podping(),
            "itunes_author": show.author,
            "owner_name": show.owner_name,
            "owner_email": show.owner_email,
            "artwork_url": rendition_url(show.artwork, ARTWORK_SPEC),
            "category": category,
            "subcategory": subcategory,
            "explicit": show.explicit,
            "podcast_type": show.podcast_type,
            # Stored at first publish; computed only for a show that never went live.
            "podcast_guid": show.podcast_guid or podcast_guid(feed_url(show)),
            "locked": settings.FEEDS_LOCKED,
            **channel_distribution(show, self.channel_episodes),
        }

    # Items

    def items(self, show: PodcastPage) -> list[EpisodePage]:
        return self.episodes

    def item_title(self, episode: EpisodePage) -> str:
        return episode.title

    def item_link(self, episode: EpisodePage) -> str:
        return frontend_url(episode, self.request)

    def item_description(self, episode: EpisodePage) -> str:
        return self.article.summary(episode)

    def item_guid(self, episode: EpisodePage) -> str:
        # Stored at first publish (imported episodes keep their old feed's); before that, the
        # page's translation_key, the UUID it is stored from.
        return episode.guid or str(episode.translation_key)

    def item_guid_is_permalink(self, episode: EpisodePage) -> bool:
        return bool(episode.guid) and episode.guid_is_permalink

    def item_pubdate(self, episode: EpisodePage) -> datetime | None:
        return episode.broadcast_at

    def item_enclosures(self, episode: EpisodePage) -> list[Enclosure]:
        audio = episode_audio(episode)
        if audio is None:  # items() leaves out episodes without audio
            return []
        # RSS wants a length even when nobody knows it; 0 is the convention for "unknown".
        return [Enclosure(audio["url"], str(audio["size"] or 0), audio["mime_type"])]

    def _transcripts(self, episode: EpisodePage) -> list[dict]:
        """The podcast:transcript attributes: every format of a parsed transcript, else the
        file as is; none for a file in a restricted collection."""
        transcript = _transcript(episode)
        document = None if episode.transcript_private else episode.transcript_file
        details = episode_transcript(transcript, document, self.show.language, episode.pk)
        if details is None:
            return []
        return [
            {
                name: value
                for name, value in {**fmt, "language": details["language"]}.items()
                if value
            }
            for fmt in details["formats"]
        ]

    def item_extra_kwargs(self, episode: EpisodePage) -> dict:
        has_chapters = bool(build_chapters(episode.body, ""))
        return {
            "episode": episode.episode_number,
            "season": episode.season,
            "season_name": self.season_names.get(episode.season, ""),
            "explicit": episode.explicit or ("true" if self.show.explicit else "false"),
            "episode_type": episode.episode_type,
            "duration": episode.audio_duration_seconds,
            "image_url": self.renditions(episode.cover_image, ARTWORK_SPEC),
            "content_html": self.article.body(episode),
            "people": _people(episode.host_links.all(), "host", self.renditions)
            + _people(episode.guest_links.all(), "guest", self.renditions),
            "chapters_url": chapters_url(self.show, episode) if has_chapters else "",
            "transcripts": self._transcripts(episode),
            "soundbites": self.soundbites[episode.pk],
        }
