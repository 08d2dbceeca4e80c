"""A show's feed stored once per change: a poll reads one row instead of rendering every episode.

A feed shows nearly everything (episodes, people, images, linked pages, transcripts), so rather
than tracking its dependencies it is kept for one content generation (caching.generation),
which every published change moves on in its own transaction. The generation is read before
the render: a change committed meanwhile leaves the stored document behind an older generation,
never served. Time changes a feed with no change made, so the document is kept only until the
next episode of the show goes on air or the next page anywhere expires.
"""

import logging
import time

from django.db import DatabaseError, transaction
from django.db.models import Min, Q, Subquery
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from wagtail.models import Page

from episodes.models import EpisodePage, PodcastPage
from frontend_api.caching.fingerprint import deployment_fingerprint
from frontend_api.caching.generation import ROW, ContentGeneration
from frontend_api.feeds.show_feed import ShowFeed
from frontend_api.loading.sites import request_site
from frontend_api.stored.models import StoredFeed
from frontend_api.stored.reads import OUTCOME_HEADER, stored_reads_enabled

logger = logging.getLogger(__name__)


def _generation() -> Subquery:
    return Subquery(ContentGeneration.objects.filter(pk=ROW).values("value")[:1])


def changes_by_itself_at(show: PodcastPage) -> float | None:
    """The next moment the feed changes with no change made: an episode of the show goes on
    air, or any page expires (a linked page or an ancestor too: all pages, to be safe)."""
    now = timezone.now()
    moments = [
        EpisodePage.objects.child_of(show)
        .filter(broadcast_at__gt=now)
        .aggregate(first=Min("broadcast_at"))["first"],
        Page.objects.filter(expire_at__gt=now).aggregate(first=Min("expire_at"))["first"],
    ]
    return min((moment.timestamp() for moment in moments if moment), default=None)


class StoredShowFeed(ShowFeed):
    """The public feed view: the stored document when fresh, else a render that is stored."""

    def answer(self, show: PodcastPage, request: HttpRequest) -> tuple[HttpResponse, float | None]:
        try:
            site = request_site(request)
        except (LookupError, ValueError):
            site = None
        # The generation moves on once per transaction: a read inside one (a test, a script)
        # could store a document that later changes of that transaction would not make old.
        if (
            site is None
            or not stored_reads_enabled()
            or transaction.get_connection().in_atomic_block
        ):
            return super().answer(show, request)
        stored = (
            StoredFeed.objects.filter(
                Q(expires__isnull=True) | Q(expires__gt=time.time()),
                show_id=show.pk,
                site_id=site.id,
                fingerprint=deployment_fingerprint(),
                generation=_generation(),
            )
            .values_list("body", "content_type", "latest")
            .first()
        )
        if stored is not None:
            body, content_type, latest = stored
            response = HttpResponse(bytes(body), content_type=content_type)
            response.headers[OUTCOME_HEADER] = "hit"
            return response, latest
        # Both read before the render: what changes during it makes the document not served.
        generation = ContentGeneration.objects.filter(pk=ROW).values_list("value", flat=True)
        rendered_at, expires = generation.first(), changes_by_itself_at(show)
        response, latest = super().answer(show, request)
        response.headers[OUTCOME_HEADER] = "miss"
        if rendered_at is not None:
            self.store(show, site.id, response, latest, rendered_at, expires)
        return response, latest

    @staticmethod
    def store(
        show: PodcastPage,
        site_id: int,
        response: HttpResponse,
        latest: float | None,
        generation: int,
        expires: float | None,
    ) -> None:
        try:
            StoredFeed.objects.update_or_create(
                show_id=show.pk,
                site_id=site_id,
                defaults={
                    "generation": generation,
                    "fingerprint": deployment_fingerprint(),
                    "body": response.content,
                    "content_type": response["Content-Type"],
                    "latest": latest,
                    "expires": expires,
                },
            )
        except DatabaseError as error:
            # Busy or locked by a change, or the connection went: the next poll renders again.
            logger.warning("a rendered feed was not stored: %s", error)
