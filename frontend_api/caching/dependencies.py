"""Names (tags) for what a cached response depends on; a change restamps the tags it touches.

- `page:<id>`: the page's own content, state and place (every page a response read).
- `under:<tree path>`: which pages a listing of that subtree holds (any change below it).
- `related:rubric:<id>`, `related:tag:<hash>`: the recent-episodes fallback of related episodes.
- `shared`: sites, people, rubrics, images, documents, embeds, collections, tag names.
"""

import hashlib
from collections.abc import Iterable

from django.http import HttpRequest
from django.utils import timezone
from wagtail.models import Page

from episodes.models import EpisodePage
from episodes.rules import fallback_match
from frontend_api.loading.batch import STEP, PageBatch
from frontend_api.loading.sites import SiteInfo

SHARED = "shared"
PAGE_PREFIX = "page:"


def page_tag(pk: int) -> str:
    return f"{PAGE_PREFIX}{pk}"


def scope_tag(tree_path: str) -> str:
    return f"under:{tree_path}"


def rubric_tag(pk: int) -> str:
    return f"related:rubric:{pk}"


def tag_name_tag(name: str) -> str:
    # Tag names may hold spaces or any character; cache keys must not.
    return "related:tag:" + hashlib.sha256(name.encode()).hexdigest()[:16]


def scope_tags_around(tree_path: str) -> set[str]:
    """The listing scopes a page at `tree_path` belongs to: its own and every ancestor's."""
    return {scope_tag(tree_path[:end]) for end in range(STEP, len(tree_path) + 1, STEP)}


def related_tags(rubric_id: int | None, tag_names: Iterable[str]) -> set[str]:
    """The tags of what the content rule matches an episode's related fallback on."""
    match = fallback_match(rubric_id, tag_names)
    tags = {tag_name_tag(name) for name in match.tag_names}
    if match.rubric_id is not None:
        tags.add(rubric_tag(match.rubric_id))
    return tags


def batch_tags(batch: PageBatch, pages: Iterable[Page]) -> set[str]:
    """The pages serialized, every page their batch read, and the fallbacks they used."""
    tags = {page_tag(pk) for pk in batch.references.page_keys()}
    for page in pages:
        if page.pk:
            tags.add(page_tag(page.pk))
        if isinstance(page, EpisodePage) and not batch.related_ids(page):
            tags |= related_tags(page.rubric_id, batch.tags(page))
    return tags


def listing_scope(request: HttpRequest, site: SiteInfo | None) -> str | None:
    """Tree path of the smallest subtree a listing is limited to by its parameters."""
    for name in ("child_of", "descendant_of", "show"):
        raw = request.GET.get(name, "")
        if raw.isdigit():
            path = Page.objects.filter(pk=int(raw)).values_list("path", flat=True).first()
            if path:
                return path
    return site.root_tree_path if site else None


def earliest_expiry(pages: Iterable[Page]) -> float | None:
    """When the first of these pages reaches its expiry (Unix time), if any is ahead.

    The API hides a page past its expiry before the scheduler unpublishes it, so an answer
    that shows such a page is only good until then. The pages are those the response already
    loaded: reading their expiry costs no query.
    """
    now = timezone.now()
    ahead = [page.expire_at for page in pages if page.expire_at and page.expire_at > now]
    return min(ahead).timestamp() if ahead else None
