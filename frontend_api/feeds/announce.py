"""After each committed change: ping the hubs and Podping for every show whose feed it changed.

The scheduler (`run_scheduler`) also calls `announce_aired` on each run: an episode joins the
feed when its broadcast date passes, with no change to signal it.

Listens to `pages_changed`, which drafts, previews and workflow steps never send, so only a
publish, an unpublish, a move, a deletion or a privacy change of live pages gets here. A
show's feed is announced when what it lists differs from what was last announced: a change
that was rolled back (its records are flushed with the next commit) or that was flushed twice
leaves the fingerprint as it was and pings nobody.
"""

import hashlib
import json
from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from django.dispatch import receiver
from django.utils import timezone
from wagtail.models import Page

from episodes.models import PodcastPage
from frontend_api.caching.signals import PageChange, pages_changed
from frontend_api.feeds.announced import FeedAnnouncement
from frontend_api.feeds.pings import ping_payload, ping_receivers
from frontend_api.feeds.show_feed import feed_url, listed_episodes
from frontend_api.loading.batch import STEP
from frontend_api.revalidation.deliveries import WebhookDelivery
from frontend_api.revalidation.tasks import deliver
from frontend_api.visibility import visible


def changed_shows(change: PageChange) -> QuerySet[PodcastPage]:
    """The public shows holding (or being) the changed pages, where they are and where they were."""
    paths = set(Page.objects.filter(pk__in=change.page_ids).values_list("path", flat=True))
    paths |= change.former_tree_paths
    prefixes = {path[:end] for path in paths for end in range(STEP, len(path) + 1, STEP)}
    return visible(PodcastPage.objects.filter(path__in=prefixes))


def fingerprint(show: PodcastPage) -> str:
    """The live versions the feed is built from: the show's and each listed episode's."""
    items = listed_episodes(show).order_by("pk").values_list("pk", "live_revision_id")
    listed = [show.live_revision_id, [list(item) for item in items]]
    return hashlib.sha256(json.dumps(listed).encode()).hexdigest()


def waiting(kind: str, address: str, url: str) -> bool:
    """A ping of this feed to this receiver is queued and not tried yet: when it goes, the
    receiver reads the feed as it is then, this change included (podping.cloud coalesces a
    feed already in its queue the same way)."""
    return WebhookDelivery.objects.filter(
        kind=kind, url=address, status=WebhookDelivery.Status.PENDING, payload__feed_url=url
    ).exists()


def announce(show: PodcastPage, receivers: list[tuple[str, str]]) -> list[WebhookDelivery]:
    """Queue a ping per receiver if the show's feed changed since it was last announced."""
    current = fingerprint(show)
    with transaction.atomic():
        # The row lock orders two editors' changes to one show: each compares with the other's.
        last = FeedAnnouncement.objects.select_for_update().filter(show=show).first()
        if last is not None and last.fingerprint == current:
            return []
        FeedAnnouncement.objects.update_or_create(
            show=show, defaults={"fingerprint": current, "announced_at": timezone.now()}
        )
        url = feed_url(show)
        deliveries = [
            WebhookDelivery.objects.create(
                kind=kind, url=address, payload=ping_payload(kind, url, show.medium)
            )
            for kind, address in receivers
            if not waiting(kind, address, url)
        ]
        transaction.on_commit(lambda: [deliver.enqueue(delivery.pk) for delivery in deliveries])
    return deliveries


def announce_aired() -> int:
    """Announce the shows whose feeds gained an episode whose broadcast date passed since they
    were last announced (no publish marks that moment); how many were announced."""
    receivers = ping_receivers()
    if not receivers:
        return 0
    announced = dict(FeedAnnouncement.objects.values_list("show_id", "announced_at"))
    count = 0
    for show in visible(PodcastPage.objects.filter(pk__in=announced)):
        if listed_episodes(show).filter(broadcast_at__gt=announced[show.pk]).exists():
            count += bool(announce(show, receivers))
    return count


@receiver(pages_changed, dispatch_uid="feed-pings")
def announce_changed_feeds(sender: object, change: PageChange, **kwargs: Any) -> None:
    receivers = ping_receivers()
    if not receivers or not (change.page_ids or change.former_tree_paths):
        return
    for show in changed_shows(change):
        announce(show, receivers)
