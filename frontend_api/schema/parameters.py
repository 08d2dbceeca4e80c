"""The OpenAPI document's query parameters, each as strict as the server is about it."""

import re
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from wagtail.api.rich_text import APIRichText
from wagtail.models import Page

from frontend_api.pages.filters import MAX_INTEGER, SEARCH_OPERATORS
from frontend_api.pages.page_types import PAGE_TYPES
from frontend_api.pages.views import PagesAPIViewSet
from frontend_api.public_api import MAX_ID


def query(name: str, description: str, schema: dict | None = None) -> dict[str, Any]:
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": schema or TEXT,
    }


# Every query value: the API answers 400 to a NUL character anywhere in the query string.
TEXT = {"type": "string", "pattern": "^[^\\x00]*$"}
# Page ids: v2 refuses negative ones; no row has a larger key.
PAGE_ID = {"type": "integer", "minimum": 0, "maximum": MAX_ID}
# The episode filters' integer columns.
SMALL_INTEGER = {"type": "integer", "minimum": 0, "maximum": MAX_INTEGER}


def one_of_words(words: Iterable[str]) -> str:
    """A regex alternative of these literal words, longest first so none shadows another."""
    return "|".join(re.escape(word) for word in sorted(set(words), key=lambda w: (-len(w), w)))


def field_names(db_fields_only: bool = False) -> list[str]:
    """Every field v2 accepts in `fields` (or, db_fields_only, in `order`) for some page type."""
    models = [Page, *(page_type.model for page_type in PAGE_TYPES)]
    return sorted(
        {
            name
            for model in models
            for name in PagesAPIViewSet.get_available_fields(model, db_fields_only)
        }
    )


def fields_schema() -> dict[str, Any]:
    """`fields` as v2 parses it: `*` then fields to drop, `_` then fields to add, or a mix of
    fields to add and `-fields` to drop (nested `name(sub)` is left out of the pattern)."""
    name = f"(?:{one_of_words(field_names())})"
    forms = [
        "",
        f"\\*(?:,-{name})*",
        f"_(?:,{name})*",
        f"-?{name}(?:,-?{name})*",
    ]
    return {"type": "string", "pattern": f"^(?:{'|'.join(forms)})$"}


def order_schema() -> dict[str, Any]:
    """`order`: empty, `random`, or comma-separated database fields, each optionally `-`."""
    item = f"-*(?:{one_of_words(field_names(db_fields_only=True))})"
    return {"type": "string", "pattern": f"^(?:|random|{item}(?:,{item})*)$"}


def type_schema() -> dict[str, Any]:
    """`type`: comma-separated page type labels (wagtailcore.Page for any); empty for any."""
    labels = ["wagtailcore.Page", *(page_type.label for page_type in PAGE_TYPES)]
    item = f"(?:{one_of_words(labels)})"
    return {"type": "string", "pattern": f"^(?:|{item}(?:,{item})*)$"}


def moment_schema() -> dict[str, Any]:
    return {
        "anyOf": [{"type": "string", "format": "date"}, {"type": "string", "format": "date-time"}]
    }


def limit_schema() -> dict[str, Any]:
    """`limit`: BoundedPagination's rule, at most WAGTAILAPI_LIMIT_MAX when one is set."""
    schema: dict[str, Any] = {"type": "integer", "minimum": 0}
    limit_max = getattr(settings, "WAGTAILAPI_LIMIT_MAX", 20)
    if limit_max:
        schema["maximum"] = limit_max
    return schema


OFFSET = {"type": "integer", "minimum": 0}


def listing_parameters() -> list[dict[str, Any]]:
    """The pages listing's parameters, each as strict as the server is about it alone."""
    return [
        query("type", "Page types, comma-separated, e.g. episodes.EpisodePage.", type_schema()),
        query(
            "fields",
            "Comma-separated fields to add (`*` for all, `-name` to drop, `_` for none; v2's "
            "nested `name(sub)` also works).",
            fields_schema(),
        ),
        query("child_of", "Only the children of this page id.", PAGE_ID),
        query("descendant_of", "Only the descendants of this page id.", PAGE_ID),
        query("ancestor_of", "Only the ancestors of this page id.", PAGE_ID),
        query(
            "site",
            "Only pages of the site with this hostname (or hostname:port); empty is ignored, "
            "as in v2.",
            TEXT,
        ),
        query("locale", "Only pages in this locale (404 for a locale that does not exist)."),
        query("translation_of", "Only translations of this page id.", PAGE_ID),
        query(
            "rich_text_format",
            "Accepted as in v2; rich text always arrives as frontend HTML.",
            {"type": "string", "enum": rich_text_formats()},
        ),
        query("_", "Ignored: lets clients vary a URL to bypass caches."),
        query("search", "Full-text search (PostgreSQL full-text search on PostgreSQL)."),
        query(
            "search_operator",
            "`and` or `or` between search terms.",
            {"type": "string", "enum": list(SEARCH_OPERATORS)},
        ),
        query(
            "order", "Fields to order by (prefix `-` for descending) or `random`.", order_schema()
        ),
        query("limit", "Page size, at most WAGTAILAPI_LIMIT_MAX.", limit_schema()),
        query("offset", "Items to skip.", OFFSET),
        query("show", "Episodes of this show (id or slug)."),
        query("rubric", "Episodes of this rubric (id or slug)."),
        query("tag", "Episodes carrying every comma-separated tag (slug or name)."),
        query("season", "Episodes of this season.", SMALL_INTEGER),
        query("episode_number", "The episode with this number.", SMALL_INTEGER),
        query(
            "broadcast_after", "Broadcast at or after this ISO date or date-time.", moment_schema()
        ),
        query("broadcast_before", "Broadcast before this ISO date or date-time.", moment_schema()),
    ]


def rich_text_formats() -> list[str]:
    return sorted(APIRichText._serializers())
