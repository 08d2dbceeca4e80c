"""Which signals mean that public API answers changed; each only records, `flush` does the rest."""

from collections.abc import Iterable
from typing import Any

from django.db.models import Model
from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver
from taggit.models import Tag
from wagtail.documents import get_document_model
from wagtail.embeds.models import Embed
from wagtail.images import get_image_model
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    Page,
    PageViewRestriction,
    Site,
)
from wagtail.signals import (
    page_published,
    page_slug_changed,
    page_unpublished,
    post_page_move,
    pre_page_move,
)

from episodes.models import EpisodePage, Person, Rubric
from frontend_api.caching import dependencies
from frontend_api.caching.invalidation import pending, schedule

# Page fields that saving a draft, locking or commenting writes; none is public.
DRAFT_FIELDS = frozenset(
    {
        "comments",
        "wagtail_admin_comments",
        "latest_revision",
        "latest_revision_created_at",
        "draft_title",
        "has_unpublished_changes",
        "locked",
        "locked_at",
        "locked_by",
    }
)


def shared_models() -> list[type[Model]]:
    """Models every response may show: their changes restamp the `shared` tag."""
    return [
        Site,
        Person,
        Rubric,
        get_image_model(),
        get_document_model(),
        Embed,
        Collection,
        CollectionViewRestriction,
        Tag,
    ]


@receiver(post_save)
def page_saved(
    sender: Any,
    instance: Any,
    created: bool = False,
    update_fields: Iterable[str] | None = None,
    raw: bool = False,
    **kwargs: Any,
) -> None:
    if raw or not isinstance(instance, Page):
        return
    if update_fields is not None and set(update_fields) <= DRAFT_FIELDS:
        return
    if created and not instance.live:
        return  # a new draft: nothing public yet
    pending().pages.add(instance.pk)
    schedule()


@receiver(page_published)
@receiver(page_unpublished)
def page_state_changed(sender: Any, instance: Page, **kwargs: Any) -> None:
    pending().pages.add(instance.pk)
    schedule()


@receiver(pre_page_move)
def page_moving(
    sender: Any, instance: Page, url_path_before: str, url_path_after: str, **kwargs: Any
) -> None:
    record = pending()
    record.tree_paths.add(instance.path)
    record.renames.add((url_path_before, url_path_after))


@receiver(post_page_move)
def page_moved(
    sender: Any, instance: Page, url_path_before: str, url_path_after: str, **kwargs: Any
) -> None:
    record = pending()
    record.pages.add(instance.pk)
    record.subtrees.add(instance.pk)
    record.renames.add((url_path_before, url_path_after))
    schedule()


@receiver(page_slug_changed)
def page_renamed(sender: Any, instance: Page, instance_before: Page, **kwargs: Any) -> None:
    record = pending()
    record.pages.add(instance.pk)
    record.subtrees.add(instance.pk)
    record.renames.add((instance_before.url_path, instance.url_path))
    schedule()


@receiver(pre_delete)
def page_deleting(sender: Any, instance: Any, **kwargs: Any) -> None:
    if not isinstance(instance, Page) or instance.pk in pending().deleted:
        return
    record = pending()
    record.deleted[instance.pk] = instance.url_path
    record.tree_paths.add(instance.path)
    if isinstance(instance, EpisodePage):
        names = instance.tags.values_list("name", flat=True)
        record.tags |= dependencies.related_tags(instance.rubric_id, names)
    schedule()


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def privacy_changed(sender: Any, instance: Any, raw: bool = False, **kwargs: Any) -> None:
    if raw:
        return
    record = pending()
    record.pages.add(instance.page_id)
    record.subtrees.add(instance.page_id)
    schedule()


# Image fields Wagtail fills in lazily while making renditions: not a change anyone sees.
LAZY_IMAGE_FIELDS = frozenset({"file_size", "file_hash"})


def shared_changed(
    sender: Any,
    raw: bool = False,
    created: bool = False,
    update_fields: Iterable[str] | None = None,
    **kwargs: Any,
) -> None:
    if raw or (update_fields is not None and set(update_fields) <= LAZY_IMAGE_FIELDS):
        return
    if created and sender in (Tag, Person, Rubric):
        return  # nothing shown can refer to it until a page using it is published
    pending().shared = True
    schedule()


def connect() -> None:
    for model in shared_models():
        uid = f"api-cache-shared-{model._meta.label_lower}"
        post_save.connect(shared_changed, sender=model, dispatch_uid=uid)
        post_delete.connect(shared_changed, sender=model, dispatch_uid=uid + "-delete")
