"""Listings assembled from stored answers: the window's keys in one query, their rows in another.

A listing item holds the same values as the page's detail, selected and ordered as the listing's
serializer would (v2 `fields=`: `id` first, then `meta`, then the body fields), plus the few
values only listings show (`listing_extra`). The pages without a fresh row are rendered in one
batch, each as its own detail read would render it, and stored; nothing is served that a fresh
render would not produce (tests/frontend_api/stored/test_listing_equality.py).
"""

from dataclasses import dataclass, field
from typing import Any

import orjson
from rest_framework.response import Response
from wagtail.api.v2.utils import parse_fields_parameter
from wagtail.models import Page

from frontend_api.caching.http import is_private
from frontend_api.pages.fields import BatchField
from frontend_api.stored.marking import current_marks
from frontend_api.stored.reads import (
    OUTCOME_HEADER,
    Rendered,
    fresh_rows,
    store,
    stored_reads_enabled,
)


@dataclass
class StoredItem:
    """What a listing may select from one page: its body fields, its meta fields, and the
    dependency tags and expiry of the render they came from."""

    values: dict[str, Any]
    meta: dict[str, Any]
    tags: list[str] = field(default_factory=list)
    expires: float | None = None

    @classmethod
    def from_detail(
        cls, detail: dict[str, Any], extra: dict[str, Any], tags: list[str], expires: float | None
    ) -> "StoredItem":
        values = {**detail, **extra}
        meta = {**detail.get("meta", {}), **extra.get("meta", {})}
        values.pop("meta", None)
        return cls(values, meta, tags, expires)


def listing_only_fields(view_class: Any, model: type[Page]) -> list[str]:
    """Fields a listing of `model` may select that its detail leaves out (locale without i18n)."""
    listing = [
        name
        for name in view_class.get_body_fields_names(model)
        + view_class.get_meta_fields_names(model)
        if name not in view_class.detail_only_fields
    ]
    detail = set(view_class.get_detail_default_fields(model))
    return list(dict.fromkeys(name for name in listing if name not in detail))


def assemble(serializer_class: Any, item: StoredItem) -> dict[str, Any]:
    """The item as `serializer_class` (v2's BaseSerializer.to_representation) lays it out."""
    names = serializer_class.Meta.fields
    meta_names = set(serializer_class.meta_fields)
    declared = serializer_class._declared_fields
    data: dict[str, Any] = {}
    if "id" in names and "id" not in meta_names:
        data["id"] = None
    meta = {
        name: _selected(declared.get(name), item.meta[name])
        for name in names
        if name in meta_names and name in item.meta
    }
    if meta:
        data["meta"] = meta
    for name in names:
        if name not in meta_names and name in item.values:
            data[name] = _selected(declared.get(name), item.values[name])
    return data


def _selected(serializer_field: Any, value: Any) -> Any:
    """A computed field's value narrowed by its nested `fields=` selection, if any."""
    if isinstance(serializer_field, BatchField) and serializer_field.selection is not None:
        return serializer_field.selection.apply(value)
    return value


def assembles(serializer_class: Any, raw_fields: str | None) -> bool:
    """Whether the items can be assembled: nested selections only of computed fields."""
    if not raw_fields:
        return True
    declared = serializer_class._declared_fields
    return all(
        isinstance(declared.get(name), BatchField)
        for name, negated, sub_fields in parse_fields_parameter(raw_fields)
        if sub_fields and not negated
    )


class StoredListingMixin:
    """Answers a listing window from stored answers, rendering and storing the missing ones."""

    request: Any
    site: Any
    cache_tags: set[str]

    def stored_listing(self, keys: list[int]) -> Response | None:
        """The paginated answer for the pages `keys`, or None when the request must render."""
        if self.site is None or not stored_reads_enabled():
            return None
        # Stored answers hold rich text in the default format; another format (or a bad one,
        # which stock Wagtail answers with 400) is rendered.
        if "rich_text_format" in self.request.GET:
            return None
        serializer_class = self.get_serializer_class()  # type: ignore[attr-defined]
        if not assembles(serializer_class, self.request.GET.get("fields")):
            return None
        items = self.stored_items(keys)
        missing = [key for key in keys if key not in items]
        if missing:
            items.update(self.render_items(missing))
        data = []
        for key in keys:
            item = items.get(key)
            if item is None:  # no longer public since the window was selected
                continue
            self.depends_on(item.tags)  # type: ignore[attr-defined]
            self.ends_at(item.expires)  # type: ignore[attr-defined]
            data.append(assemble(serializer_class, item))
        response = self.get_paginated_response(data)  # type: ignore[attr-defined]
        response.headers[OUTCOME_HEADER] = "miss" if missing else "hit"
        return response

    def stored_items(self, keys: list[int]) -> dict[int, StoredItem]:
        """The fresh stored items of these pages, in one query."""
        rows = (
            fresh_rows(self.site)
            .filter(page_id__in=keys, listing_extra__isnull=False)
            .values_list("page_id", "body", "listing_extra", "tags", "expires")
        )
        return {
            page_id: StoredItem.from_detail(orjson.loads(body), extra or {}, tags, expires)
            for page_id, body, extra, tags, expires in rows
        }

    def render_items(self, keys: list[int]) -> dict[int, StoredItem]:
        """Render the pages as their detail reads would, in one batch; store and give them."""
        marks = current_marks()
        pages = self.public_pages_by_key(keys)  # type: ignore[attr-defined]
        if not pages:
            return {}
        details, context, tags, expires = self.render_details(pages)  # type: ignore[attr-defined]
        items, rendered = {}, []
        for page in pages:
            extra = self.listing_extra(page, context)
            response = self.finalize_response(  # type: ignore[attr-defined]
                self.request, Response(details[page.pk])
            )
            response.render()
            if not is_private(response):
                rendered.append(Rendered(page, response, tags, expires, extra))
            items[page.pk] = StoredItem.from_detail(
                orjson.loads(response.content), extra, sorted(tags), expires
            )
        store(self.site, rendered, marks)
        return items

    def listing_extra(self, page: Page, context: dict[str, Any] | None = None) -> dict[str, Any]:
        """The values of the listing-only fields of `page`, as a listing serializes them."""
        view_class = type(self)
        names = listing_only_fields(view_class, type(page))
        if not names:
            return {}
        config = [("_", False, None), *[(name, False, None) for name in names]]
        serializer_class = view_class._get_serializer_class(  # type: ignore[attr-defined]
            self.request.wagtailapi_router, type(page), config
        )
        if context is None:
            context = self.get_serializer_context()  # type: ignore[attr-defined]
        return dict(serializer_class(page, context=context).data)
