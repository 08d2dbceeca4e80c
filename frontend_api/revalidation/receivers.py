"""After each committed change: queue a webhook delivery and a CDN purge, if configured."""

from typing import Any

from django.conf import settings
from django.dispatch import receiver

from frontend_api.caching.signals import PageChange, pages_changed
from frontend_api.conf import api_setting
from frontend_api.revalidation.deliveries import WebhookDelivery
from frontend_api.revalidation.tasks import deliver, purge_frontend_cache


def payload(change: PageChange) -> dict:
    """What the frontend revalidates: its paths and the API URLs (`all` after shared changes)."""
    return {
        "paths": list(change.frontend_paths),
        "api_urls": list(change.api_urls),
        "page_ids": sorted(change.affected_page_ids),
        "all": change.shared,
    }


@receiver(pages_changed, dispatch_uid="revalidation-webhook")
def queue_notifications(sender: object, change: PageChange, **kwargs: Any) -> None:
    url = api_setting("FRONTEND_REVALIDATE_URL")
    if url:
        delivery = WebhookDelivery.objects.create(url=url, payload=payload(change))
        deliver.enqueue(delivery.pk)
    if getattr(settings, "WAGTAILFRONTENDCACHE", None):
        frontend = [settings.FRONTEND_URL + path for path in change.frontend_paths]
        purge_frontend_cache.enqueue([*change.api_urls, *frontend])
