"""Builds the feed a show serves (optionally with an episode about to be published) and its
context from the models, then runs the rules on it."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.files.storage import default_storage
from django.db.models import QuerySet
from django.http import HttpRequest
from django.test import RequestFactory
from django.urls import reverse
from wagtail.documents import get_document_model

from episodes.models import EpisodePage, PodcastPage
from frontend_api.feeds.article import ArticleRenderer
from frontend_api.feeds.show_feed import ShowFeed
from frontend_api.feeds.validation import check_feed
from frontend_api.feeds.validation.artwork import facts_of
from frontend_api.feeds.validation.document import FeedDocument, ImageFacts, UnreadableImage
from frontend_api.feeds.validation.rules import Finding
from frontend_api.loading.links import absolute_url
from frontend_api.loading.references import private_collection_condition
from frontend_api.loading.richtext import expand_rich_text


class _FeedUnderCheck(ShowFeed):
    """The show's feed as the public view builds it, plus the episode being published."""

    redirects_moved_show = False

    def __init__(self, show: PodcastPage, candidate: EpisodePage | None):
        super().__init__()
        self.show_under_check = show
        self.candidate = candidate

    def get_object(self, request: HttpRequest, slug: str) -> PodcastPage:
        # The show itself may still be a draft: check what it will serve once live.
        return self.show_under_check

    def prepare(self, show: PodcastPage, request: HttpRequest) -> None:
        super().prepare(show, request)
        candidate = self.candidate
        if candidate is None or not candidate.audio_source_url:
            return
        candidate.transcript_private = bool(
            candidate.transcript_file_id
            and get_document_model()
            .objects.filter(pk=candidate.transcript_file_id)
            .filter(private_collection_condition())
            .exists()
        )
        others = [episode for episode in self.episodes if episode.pk != candidate.pk]
        self.episodes = sorted(
            [candidate, *others],
            key=lambda episode: (episode.broadcast_at, episode.episode_number),
            reverse=True,
        )
        self.article = ArticleRenderer(
            self.episodes, lambda sources: expand_rich_text(sources, request)
        )


def _feed_request(show: PodcastPage) -> HttpRequest:
    """A GET of the feed as podcast apps send it: at CMS_URL, the feed's own origin."""
    origin = urlsplit(settings.CMS_URL)
    return RequestFactory().get(
        reverse("feeds:show", args=[show.slug]),
        HTTP_HOST=origin.netloc,
        secure=origin.scheme == "https",
    )


def render_feed(show: PodcastPage, candidate: EpisodePage | None = None) -> bytes:
    """The feed's bytes, as GET /feeds/<slug>/ would serve them after the candidate's publish."""
    response = _FeedUnderCheck(show, candidate)(_feed_request(show), show.slug)
    return response.content


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


def _other_show_guids(show: PodcastPage) -> dict[str, str]:
    """guid -> show title for the published episodes of every other show."""
    others: QuerySet[EpisodePage] = (
        EpisodePage.objects.live().not_descendant_of(show).select_related(None)
    )
    titles = dict(PodcastPage.objects.values_list("path", "title"))
    feed = ShowFeed()
    guids = {}
    for episode in others.only("guid", "translation_key", "path"):
        show_path = episode.path[: -EpisodePage.steplen]
        guids[feed.item_guid(episode)] = titles.get(show_path, "another show")
    return guids


def document_for(
    show: PodcastPage, candidate: EpisodePage | None = None, content: bytes | None = None
) -> FeedDocument:
    """The show's feed and its context; `content` replaces the rendered bytes (tests' corpus)."""
    return FeedDocument(
        content if content is not None else render_feed(show, candidate),
        require_https=settings.FEEDS_REQUIRE_HTTPS,
        other_show_guids=_other_show_guids(show),
        inspect_image=inspect_media_image,
    )


def check_show(show: PodcastPage, candidate: EpisodePage | None = None) -> list[Finding]:
    """Every finding on the show's feed, with the candidate episode in it when given."""
    return check_feed(document_for(show, candidate))
