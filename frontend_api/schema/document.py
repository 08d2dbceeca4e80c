"""The OpenAPI 3.1 document of the public API, built from page types, their fields and blocks."""

import re
from collections.abc import Iterable
from functools import cache
from typing import Any

from django.conf import settings
from django.db import models
from wagtail.api.rich_text import APIRichText
from wagtail.blocks import StreamBlock
from wagtail.fields import StreamField
from wagtail.models import Page

from episodes.blocks import api_object, nullable
from frontend_api.pages.fields import COMPUTED_FIELDS, STRING, URL
from frontend_api.pages.filters import MAX_INTEGER, SEARCH_OPERATORS
from frontend_api.pages.page_types import PAGE_TYPES, PageType
from frontend_api.pages.views import PagesAPIViewSet
from frontend_api.public_api import MAX_ID

REF = "#/components/schemas/"
INTEGER = {"type": "integer"}
DATE_TIME = {"type": "string", "format": "date-time"}

IMAGE = api_object(
    {
        "id": INTEGER,
        "alt": STRING,
        "width": INTEGER,
        "height": INTEGER,
        "renditions": {
            "type": "array",
            "items": api_object({"url": URL, "width": INTEGER, "height": INTEGER}),
        },
    }
)
PAGE_SUMMARY = api_object(
    {
        "id": INTEGER,
        "meta": {
            "type": "object",
            "required": ["type", "html_url"],
            "properties": {"type": STRING, "detail_url": URL, "html_url": nullable(URL)},
            "additionalProperties": False,
        },
        "title": STRING,
    }
)
PAGE_META = {
    "type": "object",
    "required": ["type", "html_url", "slug"],
    "properties": {
        "type": STRING,
        "detail_url": URL,
        "html_url": nullable(URL),
        "slug": STRING,
        "show_in_menus": {"type": "boolean"},
        "seo_title": STRING,
        "search_description": STRING,
        "first_published_at": nullable(DATE_TIME),
        "alias_of": nullable(PAGE_SUMMARY),
        "parent": nullable(PAGE_SUMMARY),
        "locale": STRING,
    },
    "additionalProperties": False,
}
ERROR = api_object({"message": STRING})
REVIEW = api_object({"expires_at": DATE_TIME, "revision": nullable(INTEGER), "note": STRING})


def model_field_schema(field: models.Field) -> dict[str, Any]:
    """JSON Schema of a plain model field as DRF renders it."""
    if isinstance(field, models.BooleanField):
        schema: dict[str, Any] = {"type": "boolean"}
    elif isinstance(field, models.IntegerField):
        schema = dict(INTEGER)
    elif isinstance(field, models.DateTimeField):
        schema = dict(DATE_TIME)
    elif isinstance(field, models.URLField):
        schema = {"type": "string"}
    else:
        schema = dict(STRING)
    if field.choices:
        schema["enum"] = [value for value, _label in field.choices]
    return nullable(schema) if field.null else schema


def api_field_schema(model: type[models.Model], name: str) -> dict[str, Any]:
    """A page API field: a computed field's declared schema, else the model field's."""
    if name in COMPUTED_FIELDS:
        return COMPUTED_FIELDS[name].schema
    field = model._meta.get_field(name)
    if not isinstance(field, models.Field):
        raise TypeError(f"{model.__name__}.{name} is a relation: give it a computed field")
    return model_field_schema(field)


def page_schema(page_type: PageType) -> dict[str, Any]:
    """The detail of one page type: v2's id, meta and title, then the model's api_fields."""
    properties: dict[str, Any] = {"id": nullable(INTEGER), "meta": PAGE_META, "title": STRING}
    for api_field in page_type.model.api_fields:
        properties[api_field.name] = api_field_schema(page_type.model, api_field.name)
    # `fields=` can drop any field but these, so only they are required.
    return {
        "type": "object",
        "properties": properties,
        "required": ["id", "meta", "title"],
        "additionalProperties": False,
    }


def review_schema(page_type: PageType) -> dict[str, Any]:
    """A reviewer link's answer: the page's detail plus the `review` object."""
    schema = page_schema(page_type)
    schema["properties"] = {**schema["properties"], "review": {"$ref": REF + "Review"}}
    schema["required"] = [*schema["required"], "review"]
    return schema


def body_block(model: type[models.Model]) -> StreamBlock:
    return next(
        field.stream_block for field in model._meta.get_fields() if isinstance(field, StreamField)
    )


def block_schemas() -> dict[str, dict[str, Any]]:
    """One JSON Schema per body block type, each as the body's {type, id, value} item."""
    stream = next(
        body_block(page_type.model)
        for page_type in PAGE_TYPES
        if any(isinstance(f, StreamField) for f in page_type.model._meta.get_fields())
    )
    return {
        f"Block_{name}": api_object(
            {"type": {"const": name}, "id": STRING, "value": block.api_schema}
        )
        for name, block in stream.child_blocks.items()
    }


def listing_item_schema() -> dict[str, Any]:
    """A listed page: id, meta and title always; other fields as `fields=` asks."""
    properties: dict[str, Any] = {}
    for page_type in PAGE_TYPES:
        properties.update(page_schema(page_type)["properties"])
    return {**page_schema(PAGE_TYPES[0]), "properties": properties}


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
DEPENDENCIES = (
    " Answers 400 when the value does not fit the other parameters: a field or order the page"
    " type lacks, an id of no page, `order=random` with `offset`, an episode filter with a type"
    " other than episodes.EpisodePage."
)


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


def json_response(description: str, schema: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {
        "description": description,
        "content": {"application/json": {"schema": schema}},
        **extra,
    }


def error(description: str) -> dict[str, Any]:
    return json_response(description, {"$ref": REF + "Error"})


RATE_LIMITED = json_response(
    "Too many requests from this client (TOKEN_RATE_LIMIT)",
    {"$ref": REF + "Error"},
    headers={
        "Retry-After": {
            "description": "Seconds to wait before the next request is let through.",
            "required": True,
            "schema": {"type": "integer", "minimum": 0},
        }
    },
)


def collection_path(name: str) -> dict[str, Any]:
    listing = api_object(
        {
            "meta": api_object({"total_count": INTEGER}),
            "items": {"type": "array", "items": {"type": "object"}},
        }
    )
    return {
        "get": {
            "summary": f"List {name}",
            "parameters": [
                query("limit", "Page size, at most WAGTAILAPI_LIMIT_MAX.", limit_schema()),
                query("offset", "Items to skip.", OFFSET),
            ],
            "responses": {
                "200": json_response(f"{name}, paginated", listing),
                "400": error("Bad parameter"),
            },
        }
    }


@cache
def openapi_document() -> dict[str, Any]:
    """The whole document; built once per process since it depends only on code and settings."""
    page_refs = [{"$ref": REF + page_type.model.__name__} for page_type in PAGE_TYPES]
    page_detail = {"oneOf": page_refs}
    review_detail = {"oneOf": [{"$ref": REF + f"{pt.model.__name__}Review"} for pt in PAGE_TYPES]}
    schemas: dict[str, Any] = {
        "Error": ERROR,
        "Image": IMAGE,
        "PageSummary": PAGE_SUMMARY,
        "PageListingItem": listing_item_schema(),
        "Review": REVIEW,
        **{page_type.model.__name__: page_schema(page_type) for page_type in PAGE_TYPES},
        **{f"{pt.model.__name__}Review": review_schema(pt) for pt in PAGE_TYPES},
        **block_schemas(),
    }
    block_refs = [{"$ref": REF + name} for name in schemas if name.startswith("Block_")]
    schemas["Body"] = {"type": "array", "items": {"oneOf": block_refs}}
    page_id = {"name": "id", "in": "path", "required": True, "schema": PAGE_ID}
    listing = api_object(
        {
            "meta": api_object({"total_count": INTEGER}),
            "items": {"type": "array", "items": {"$ref": REF + "PageListingItem"}},
        }
    )
    return {
        "openapi": "3.1.0",
        "jsonSchemaDialect": "https://json-schema.org/draft/2020-12/schema",
        "info": {
            "title": "Podcast CMS public API",
            "version": "2",
            "description": (
                "Wagtail API v2 compatible. Every page URL points at the frontend; rich text "
                'arrives as frontend-ready HTML; errors are JSON {"message": ...}.'
            ),
        },
        "servers": [{"url": settings.CMS_URL}],
        "paths": {
            "/api/v2/pages/": {
                "get": {
                    "summary": "List live, public pages",
                    "description": DEPENDENCIES.strip(),
                    "parameters": listing_parameters(),
                    "responses": {
                        "200": json_response("A page of results", listing),
                        "400": error("Bad parameter"),
                        "404": error("No such locale"),
                    },
                }
            },
            "/api/v2/pages/{id}/": {
                "get": {
                    "summary": "One live, public page",
                    "parameters": [
                        page_id,
                        query("fields", "Fields to add or drop.", fields_schema()),
                    ],
                    "responses": {
                        "200": json_response("The page", page_detail),
                        "400": error("Bad parameter"),
                        "404": error("No such live, public page"),
                    },
                }
            },
            "/api/v2/pages/find/": {
                "get": {
                    "summary": "Find a page by its frontend path",
                    "parameters": [
                        {**query("html_path", "The path, e.g. /show/episode/."), "required": True}
                    ],
                    "responses": {
                        "302": {
                            "description": "Redirect to the page's detail URL on CMS_URL",
                            "headers": {
                                "Location": {"required": True, "schema": {"type": "string"}}
                            },
                        },
                        "400": error("Bad parameter"),
                        "404": error("No page at that path"),
                    },
                }
            },
            "/api/v2/images/": collection_path("images"),
            "/api/v2/documents/": collection_path("documents"),
            "/api/v2/page_preview/": {
                "get": {
                    "summary": "An editor's preview (wagtail-headless-preview contract)",
                    "parameters": [
                        {**query("content_type", "e.g. episodes.episodepage"), "required": True},
                        {**query("token", "The preview token"), "required": True},
                    ],
                    "responses": {
                        "200": json_response("The draft, in the detail's shape", page_detail),
                        "400": error("Bad `fields`"),
                        "404": error("Missing, malformed, forged, expired or mismatched token"),
                        "429": RATE_LIMITED,
                    },
                }
            },
            "/api/v2/review/{token}/": {
                "get": {
                    "summary": "A reviewer link's draft",
                    "parameters": [
                        {"name": "token", "in": "path", "required": True, "schema": STRING}
                    ],
                    "responses": {
                        "200": json_response(
                            "The draft in the detail's shape, plus `review`", review_detail
                        ),
                        "400": error("Bad `fields`"),
                        "404": error("Unknown, expired or revoked link"),
                        "429": RATE_LIMITED,
                    },
                }
            },
            "/api/v2/schema/": {
                "get": {
                    "summary": "This document",
                    "responses": {"200": json_response("OpenAPI 3.1", {"type": "object"})},
                }
            },
        },
        "components": {"schemas": schemas},
    }
