"""Builds the feed a show serves (optionally with an episode about to be published) and its
context from the models, then runs the rules on it."""

from collections.abc import Iterable
from urllib.parse import urlsplit

from django.conf import settings
from django.core.files.storage import default_storage
from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.test import RequestFactory
from django.urls import reverse
from wagtail.documents import get_document_model

from episodes.distribution import is_uuid
from episodes.models import EpisodePage, PodcastPage
from frontend_api.feeds.show_feed import ShowFeed, listed_episodes
from frontend_api.feeds.validation import check_feed
from frontend_api.feeds.validation.artwork import facts_of
from frontend_api.feeds.validation.document import (
    FeedDocument,
    ImageFacts,
    UnreadableImage,
    item_guid,
)
from frontend_api.feeds.validation.rules import Finding
from frontend_api.loading.links import absolute_url
from frontend_api.loading.references import private_collection_condition


class _FeedUnderCheck(ShowFeed):
    """The show's feed as the public view builds it; with a candidate (the episode being
    published), the channel and the candidate's item alone.

    Rendering every other item would take seconds for a long-running show and only repeat
    their own checks; the rule that compares items (duplicate guids) gets their guids instead.
    """

    redirects_moved_show = False

    def __init__(self, show: PodcastPage, candidate: EpisodePage | None):
        super().__init__()
        self.show_under_check = show
        self.candidate = candidate
        self.left_out_guids: list[str] = []

    def get_object(self, request: HttpRequest, slug: str) -> PodcastPage:
        # The show itself may still be a draft: check what it will serve once live.
        return self.show_under_check

    def listed(self, show: PodcastPage) -> tuple[list[EpisodePage], list[EpisodePage]]:
        candidate = self.candidate
        if candidate is None:
            return super().listed(show)
        others = listed_episodes(show).exclude(pk=candidate.pk)
        self.left_out_guids = [
            self.item_guid(episode) for episode in others.only("guid", "translation_key")
        ]
        items = [candidate] if candidate.audio_source_url else []
        if items:
            candidate.transcript_private = bool(
                candidate.transcript_file_id
                and get_document_model()
                .objects.filter(pk=candidate.transcript_file_id)
                .filter(private_collection_condition())
                .exists()
            )
        trailers = list(others.filter(episode_type="trailer").select_related("audio_file"))
        return items, [*items, *trailers]


def _feed_request(show: PodcastPage) -> HttpRequest:
    """A GET of the feed as podcast apps send it: at CMS_URL, the feed's own origin."""
    origin = urlsplit(settings.CMS_URL)
    return RequestFactory().get(
        reverse("feeds:show", args=[show.slug]),
        HTTP_HOST=origin.netloc,
        secure=origin.scheme == "https",
    )


def _rendered(show: PodcastPage, candidate: EpisodePage | None) -> tuple[bytes, list[str]]:
    """The feed's bytes as GET /feeds/<slug>/ would serve them (see _FeedUnderCheck), and the
    guids of the show's episodes it leaves out."""
    feed = _FeedUnderCheck(show, candidate)
    response = feed(_feed_request(show), show.slug)
    return response.content, feed.left_out_guids


def render_feed(show: PodcastPage) -> bytes:
    """The feed's bytes, as GET /feeds/<slug>/ serves them."""
    return _rendered(show, None)[0]


def inspect_media_image(href: str) -> ImageFacts | None:
    """Facts about an image served from our media storage; None for anything elsewhere."""
    media_root = absolute_url(settings.MEDIA_URL)
    if not href.startswith(media_root):
        return None
    name = href[len(media_root) :].split("?")[0]
    if not default_storage.exists(name):
        raise UnreadableImage(f"{name} is missing from the media storage.")
    with default_storage.open(name) as image_file:
        return facts_of(image_file)


def _other_show_guids(show: PodcastPage, guids: Iterable[str]) -> dict[str, str]:
    """guid -> show title, for those of these guids a published episode of another show has."""
    wanted = set(guids)
    uuids = [guid for guid in wanted if is_uuid(guid)]
    # An episode without a stored guid uses its translation key (ShowFeed.item_guid).
    others: QuerySet[EpisodePage] = (
        EpisodePage.objects.live()
        .not_descendant_of(show)
        .filter(Q(guid__in=wanted) | Q(guid="", translation_key__in=uuids))
        .select_related(None)
    )
    titles = dict(PodcastPage.objects.values_list("path", "title"))
    feed = ShowFeed()
    guids_found = {}
    for episode in others.only("guid", "translation_key", "path"):
        show_path = episode.path[: -EpisodePage.steplen]
        guids_found[feed.item_guid(episode)] = titles.get(show_path, "another show")
    return guids_found


def document_for(
    show: PodcastPage, candidate: EpisodePage | None = None, content: bytes | None = None
) -> FeedDocument:
    """The show's feed and its context; `content` replaces the rendered bytes (tests' corpus)."""
    left_out: list[str] = []
    if content is None:
        content, left_out = _rendered(show, candidate)
    document = FeedDocument(
        content,
        require_https=settings.FEEDS_REQUIRE_HTTPS,
        left_out_guids=left_out,
        inspect_image=inspect_media_image,
    )
    document.other_show_guids = _other_show_guids(show, map(item_guid, document.items))
    return document


def check_show(show: PodcastPage, candidate: EpisodePage | None = None) -> list[Finding]:
    """Every finding on the show's feed, with the candidate episode in it when given."""
    return check_feed(document_for(show, candidate))
