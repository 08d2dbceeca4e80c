"""`change_recorded`, inside a change's transaction, and `pages_changed`, once it committed.

`change_recorded` receivers get `record`, the transaction's Pending so far (the stored answers
go stale there, before anyone can read the change); an error rolls the change back.
`pages_changed` is sent once per committed transaction that changed what the public sees;
receivers get `change`, a PageChange. The feeds, the webhook and CDN purges listen there.
"""

from dataclasses import dataclass, field

from django.dispatch import Signal

change_recorded = Signal()
pages_changed = Signal()


@dataclass(frozen=True)
class PageChange:
    """What one committed transaction changed, already widened to everything it affects."""

    # Pages whose public state changed (published, unpublished, moved, renamed, deleted, made
    # private or public), with their descendants where their URL or privacy followed.
    page_ids: frozenset[int]
    # Those pages and the pages showing them: linking to them, listing them (parents, site
    # roots), picking them as related episodes (by choice or by rubric and tags).
    affected_page_ids: frozenset[int]
    # Frontend paths of the affected pages, before and after a move or slug change.
    frontend_paths: tuple[str, ...]
    # Absolute API URLs whose answers changed: details, finds by path, the pages listing.
    api_urls: tuple[str, ...]
    # True when shared content changed (people, images, sites...): every response may have.
    shared: bool = False
    deleted_page_ids: frozenset[int] = field(default_factory=frozenset)
