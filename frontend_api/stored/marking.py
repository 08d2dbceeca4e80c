"""Stored answers go stale in the transaction of the change that makes them old.

The signal receivers of the response cache (caching/receivers.py) record every change;
`caching.invalidation.schedule` sends each record (`change_recorded`, stored/receivers.py) at
once, still inside the change's transaction, and the pages it affects are widened the way the
cache's are (caching/affected.py).
"""

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from django.db import connection, transaction
from django.db.models import F, Q
from wagtail.models import Page

from frontend_api.caching.affected import pages_showing
from frontend_api.stored.models import StoredMarks, StoredPage

if TYPE_CHECKING:
    from frontend_api.caching.invalidation import Pending

ROW = 1


class _Marked:
    """What this thread marked in its open transaction, so that later signals skip it."""

    def __init__(self, record: "Pending | None" = None) -> None:
        self.record = record
        self.pages: set[int] = set()
        self.shared = False
        self.sentinel: Callable[[], None] | None = None


_state = threading.local()


def _marked_in_transaction(record: "Pending") -> _Marked:
    """Marks made since this record and transaction began; none after a commit or rollback.

    A sentinel queued to run on commit tells: Django drops it when the transaction ends
    either way, and a rolled-back transaction took its marks with it.
    """
    marked: _Marked = getattr(_state, "marked", _Marked())
    connection = transaction.get_connection()
    alive = marked.sentinel is not None and any(
        entry[1] is marked.sentinel for entry in connection.run_on_commit
    )
    if marked.record is not record or not alive:
        marked = _Marked(record)
        if connection.in_atomic_block:
            marked.sentinel = _sentinel()
            transaction.on_commit(marked.sentinel)
        _state.marked = marked
    return marked


def _sentinel() -> Callable[[], None]:
    return lambda: None


def forget_marks() -> None:
    """After this thread stored an answer: a later change in its transaction must mark again."""
    _state.marked = _Marked()


def mark_recorded(record: "Pending") -> None:
    """Mark stale the stored answers showing what `record` holds and was not marked for yet."""
    marked = _marked_in_transaction(record)
    shared = record.shared and not marked.shared
    keys = (record.pages | record.subtrees | record.deleted.keys()) - marked.pages
    if not (shared or keys):
        return
    rows = StoredPage.objects.all()
    if not shared:
        existing = _with_descendants(keys - record.deleted.keys(), record.subtrees & keys)
        rows = rows.filter(page_id__in=keys | existing | pages_showing(keys, existing))
    advance_marks()
    rows.filter(stale=False).update(stale=True)
    marked.pages |= keys
    marked.shared |= record.shared


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
