"""The public feed view's feed: stored once per change (stored/documents.py), so a poll of a
show of 1,000 episodes reads one row instead of rendering every item."""

from django.http import HttpRequest, HttpResponse

from episodes.models import EpisodePage, PodcastPage
from frontend_api.feeds.show_feed import ShowFeed
from frontend_api.stored.documents import next_moment, stored_or_rendered


class StoredShowFeed(ShowFeed):
    """The feed podcast apps read: the stored document when fresh, else a render, stored."""

    def answer(self, show: PodcastPage, request: HttpRequest) -> tuple[HttpResponse, float | None]:
        return stored_or_rendered(
            request,
            f"feed {show.pk}",
            lambda: super(StoredShowFeed, self).answer(show, request),
            # The next of its episodes to go on air appears in it then.
            lambda: next_moment((EpisodePage.objects.child_of(show), "broadcast_at")),
        )
