"""Stored answers go stale inside each change's transaction; after commit, re-renders are queued."""

from typing import Any

from django.dispatch import receiver

from frontend_api.caching.invalidation import Pending
from frontend_api.caching.signals import PageChange, change_recorded, pages_changed
from frontend_api.conf import api_setting
from frontend_api.stored.marking import mark_pages, mark_recorded
from frontend_api.stored.models import StoredPage
from frontend_api.stored.tasks import rerender


@receiver(change_recorded, dispatch_uid="stored-representations-stale")
def mark_stale(sender: Any, record: Pending, **kwargs: Any) -> None:
    mark_recorded(record)


@receiver(pages_changed, dispatch_uid="stored-representations")
def rerender_changed(sender: Any, change: PageChange, **kwargs: Any) -> None:
    # Marked in the change's transaction already; marking again catches an answer stored
    # by a read that raced with the commit.
    page_ids = None if change.shared else set(change.affected_page_ids)
    mark_pages(page_ids)
    if not (api_setting("API_STORED_REPRESENTATIONS") and api_setting("API_STORED_RERENDER")):
        return
    stale = StoredPage.objects.filter(stale=True)
    if page_ids is not None:
        stale = stale.filter(page_id__in=page_ids)
    if stale.exists():  # pages nobody read yet are rendered by their first reader
        rerender.enqueue(None if page_ids is None else sorted(page_ids))
