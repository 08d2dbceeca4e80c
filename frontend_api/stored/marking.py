"""Stored answers go stale in the transaction of the change that makes them old.

The signal receivers of the response cache (caching/receivers.py) record every change;
`caching.invalidation.schedule` hands each record here at once, still inside the change's
transaction, and the pages it affects are widened the way the cache's are (caching/affected.py).
"""

from typing import TYPE_CHECKING

from django.db import connection
from django.db.models import F, Q
from wagtail.models import Page

from frontend_api.caching.affected import pages_showing
from frontend_api.stored.models import StoredMarks, StoredPage

if TYPE_CHECKING:
    from frontend_api.caching.invalidation import Pending

ROW = 1


def mark_recorded(record: "Pending") -> None:
    """Mark stale the stored answers showing what `record` holds and was not marked for yet."""
    shared = record.shared and not record.stored_marked_shared
    keys = (record.pages | record.subtrees | record.deleted.keys()) - record.stored_marked
    if not (shared or keys):
        return
    rows = StoredPage.objects.all()
    if not shared:
        existing = _with_descendants(keys - record.deleted.keys(), record.subtrees & keys)
        rows = rows.filter(page_id__in=keys | existing | pages_showing(keys, existing))
    advance_marks()
    rows.filter(stale=False).update(stale=True)
    record.stored_marked |= keys
    record.stored_marked_shared |= record.shared


def mark_pages(page_ids: set[int] | None) -> int:
    """Mark stale the answers of these pages (every answer for None); how many were fresh."""
    rows = StoredPage.objects.filter(stale=False)
    if page_ids is not None:
        rows = rows.filter(page_id__in=page_ids)
    advance_marks()
    return rows.update(stale=True)


def advance_marks() -> None:
    """Move the counter on: a render that read it before is not stored (stored/reads.py)."""
    if not StoredMarks.objects.filter(pk=ROW).update(value=F("value") + 1):
        StoredMarks.objects.get_or_create(pk=ROW, defaults={"value": 1})


def current_marks(lock: bool = False) -> int:
    """The counter; with `lock`, held until the transaction ends, or DatabaseError at once
    while a change holds it (PostgreSQL; SQLite writers take turns anyway)."""
    rows = StoredMarks.objects.filter(pk=ROW)
    if lock:
        rows = rows.select_for_update(nowait=connection.features.has_select_for_update_nowait)
    value = rows.values_list("value", flat=True).first()
    return value or 0


def _with_descendants(page_ids: set[int], subtree_ids: set[int]) -> set[int]:
    """The existing pages among these, and every page below those of `subtree_ids`."""
    paths = dict(Page.objects.filter(pk__in=page_ids).values_list("pk", "path"))
    below = Q()
    for pk in subtree_ids & paths.keys():
        below |= Q(path__startswith=paths[pk])
    found = set(paths)
    if below:
        found |= set(Page.objects.filter(below).values_list("pk", flat=True))
    return found
