"""From model and Wagtail signals to restamped tags and one `pages_changed`, after commit.

Signal receivers (receivers.py) only record what changed, and the change's transaction moves the
content generation on; `flush` runs once the transaction commits (at once outside a
transaction), works out the affected tags, restamps them, marks the cache synced with that
generation, then tells `pages_changed` receivers. A flush that never runs leaves the cache
unsynced, and readers start afresh (generation.py). A rolled-back transaction's records are
flushed with the next commit: restamping a little more than needed is harmless, missing a
change is not.
"""

import logging
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Q
from wagtail.models import Page

from cms.cache_backend import faults as cache_faults
from episodes.models import EpisodePage, EpisodeTag
from frontend_api.caching import dependencies, generation, versions
from frontend_api.caching.affected import build_change
from frontend_api.caching.signals import change_recorded, pages_changed

logger = logging.getLogger(__name__)


@dataclass
class Pending:
    """What changed in the current transaction, as far as the signals told."""

    pages: set[int] = field(default_factory=set)
    # Pages whose descendants changed with them (move, slug change, privacy change).
    subtrees: set[int] = field(default_factory=set)
    # Former tree paths (before a move or delete): their ancestors' listings changed too.
    tree_paths: set[str] = field(default_factory=set)
    # Former URL paths of moved or renamed pages: (before, after).
    renames: set[tuple[str, str]] = field(default_factory=set)
    # Deleted pages: id -> URL path, and the fallback tags they were listed under.
    deleted: dict[int, str] = field(default_factory=dict)
    tags: set[str] = field(default_factory=set)
    shared: bool = False
    # The content generation the change's last transaction moved on to (generation.py).
    generation: int | None = None

    def __bool__(self) -> bool:
        return bool(self.pages or self.subtrees or self.deleted or self.tags or self.shared)


_state = threading.local()


def pending() -> Pending:
    if not hasattr(_state, "pending"):
        _state.pending = Pending()
    return _state.pending


def discard_pending() -> None:
    """Forget what was recorded and not flushed (for tests: their transactions never commit)."""
    _state.pending = Pending()


def schedule() -> None:
    """Flush after the current transaction commits (now when none is open), or at the end of
    the surrounding `one_change()`."""
    record = pending()
    change_recorded.send(sender=Pending, record=record)
    record.generation = generation.advance_with_change(record.generation)
    if not getattr(_state, "batch_depth", 0):
        transaction.on_commit(flush, robust=True)


@contextmanager
def one_change() -> Iterator[None]:
    """Whatever commits inside is flushed once, at the end: one editor action, one change.

    Wagtail's publish commits the page and then sends `page_published` outside any
    transaction, which would otherwise flush (and notify the frontend) twice.
    """
    _state.batch_depth = getattr(_state, "batch_depth", 0) + 1
    try:
        yield
    finally:
        _state.batch_depth -= 1
        # Every record was handed to `change_recorded` when it was made; only the flush waits.
        # `flush` never raises, and on_commit outside a transaction would connect first: a
        # database lost after the commit must not turn the committed change into an error.
        if not _state.batch_depth and pending():
            if transaction.get_connection().in_atomic_block:
                transaction.on_commit(flush, robust=True)
            else:
                flush()


def pages_changed_now(page_ids: Iterable[int], subtree: bool = False) -> None:
    """For code that changes pages without Wagtail's signals (queryset updates, raw SQL)."""
    record = pending()
    record.pages.update(page_ids)
    if subtree:
        record.subtrees.update(page_ids)
    schedule()


def flush() -> None:
    """Restamp what the recorded changes affect, then send `pages_changed`; never raises.

    The change was committed: nothing here may turn it into an error for the editor.
    """
    record, _state.pending = pending(), Pending()
    if not record:
        return
    try:
        rows = _affected_rows(record)
        _restamp(record, rows)
        change = build_change(record, set(rows))
    except Exception:
        logger.exception("invalidation after a committed change failed")
        return
    for receiver, error in pages_changed.send_robust(sender=Pending, change=change):
        if isinstance(error, Exception):
            logger.error("pages_changed receiver %r failed: %r", receiver, error)


def _restamp(record: Pending, rows: dict[int, str]) -> None:
    """Move the content generation on (unless the change's transaction did), then restamp the
    affected tags in the cache and mark the cache synced with that generation.

    When the cache could not take every stamp, the generation moves on again with no cache
    marking it synced: whichever process next reads the cache starts its entries afresh.
    """
    tags = set(record.tags)
    if record.shared:
        tags.add(dependencies.SHARED)
    for pk, path in rows.items():
        tags.add(dependencies.page_tag(pk))
        tags |= dependencies.scope_tags_around(path)
    for pk in record.pages | record.deleted.keys():
        tags.add(dependencies.page_tag(pk))
    for path in record.tree_paths:
        tags |= dependencies.scope_tags_around(path)
    tags |= _related_tags(rows.keys())
    if record.generation is None:
        current = generation.advance()
    else:
        current = generation.committed(record.generation)
    errors_before = cache_faults.count
    try:
        versions.bump(tags)
        missed = cache_faults.count != errors_before
    except Exception:
        logger.exception("the cache refused the stamps of a change")
        missed = True
    if missed:
        generation.advance(cache_missed=True)
    else:
        versions.mark_synced(current)


def _affected_rows(record: Pending) -> dict[int, str]:
    """Existing pages recorded or below a recorded subtree: id -> tree path, now."""
    rows = dict(
        Page.objects.filter(pk__in=record.pages | record.subtrees).values_list("pk", "path")
    )
    below = Q()
    for pk in record.subtrees:
        if pk in rows:
            below |= Q(path__startswith=rows[pk])
    if below:
        rows.update(Page.objects.filter(below).values_list("pk", "path"))
    return rows


def _related_tags(page_ids: Iterable[int]) -> set[str]:
    """Fallback tags of the episodes among the pages: their rubric and tag names, now."""
    tags = set()
    for rubric_id in EpisodePage.objects.filter(pk__in=page_ids).values_list(
        "rubric_id", flat=True
    ):
        tags |= dependencies.related_tags(rubric_id, ())
    names = EpisodeTag.objects.filter(content_object_id__in=page_ids).values_list(
        "tag__name", flat=True
    )
    return tags | dependencies.related_tags(None, names)
