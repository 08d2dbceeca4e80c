"""From model and Wagtail signals to restamped tags and one `pages_changed`, after commit.

Signal receivers (receivers.py) only record what changed; `flush` runs once the transaction
commits (at once outside a transaction), works out the affected tags, restamps them, then
tells `pages_changed` receivers. A rolled-back transaction's records are flushed with the
next commit: restamping a little more than needed is harmless, missing a change is not.
"""

import logging
import threading
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Q
from wagtail.models import Page

from episodes.models import EpisodePage, EpisodeTag

from . import dependencies, versions
from .notifications import build_change
from .signals import pages_changed

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
    """Flush after the current transaction commits (now when none is open)."""
    transaction.on_commit(flush, robust=True)


def pages_changed_now(page_ids, subtree: bool = False) -> None:
    """For code that changes pages without Wagtail's signals (queryset updates, raw SQL)."""
    record = pending()
    record.pages.update(page_ids)
    if subtree:
        record.subtrees.update(page_ids)
    schedule()


def flush() -> None:
    """Restamp what the recorded changes affect, then send `pages_changed`."""
    record, _state.pending = pending(), Pending()
    if not record:
        return
    rows = _affected_rows(record)
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
    versions.bump(tags)
    change = build_change(record, set(rows))
    for receiver, error in pages_changed.send_robust(sender=Pending, change=change):
        if isinstance(error, Exception):
            logger.error("pages_changed receiver %r failed: %r", receiver, error)


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


def _related_tags(page_ids) -> set[str]:
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
