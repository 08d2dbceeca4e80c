"""Stores a show's podcast:guid when it first goes live, from the feed URL it has then."""

from typing import Any

from django.db.models.signals import pre_save
from django.dispatch import receiver

from episodes.models import PodcastPage
from frontend_api.feeds.show_feed import feed_url, podcast_guid


@receiver(pre_save, sender=PodcastPage, dispatch_uid="feeds-store-podcast-guid")
def store_podcast_guid(sender: Any, instance: PodcastPage, **kwargs: Any) -> None:
    """The GUID follows the show for life (namespace rule): set once, never recomputed."""
    if instance.live and not instance.podcast_guid:
        instance.podcast_guid = podcast_guid(feed_url(instance))
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "podcast_guid" not in update_fields:
            # A partial save of a live show: store the GUID right after it.
            PodcastPage.objects.filter(pk=instance.pk, podcast_guid="").update(
                podcast_guid=instance.podcast_guid
            )
