"""The OpenAPI document's paths: each endpoint's operation, parameters and responses."""

from typing import Any

from episodes.blocks import api_object
from frontend_api.pages.fields import STRING
from frontend_api.pages.page_types import PAGE_TYPES
from frontend_api.schema.components import INTEGER, REF
from frontend_api.schema.parameters import (
    OFFSET,
    PAGE_ID,
    fields_schema,
    limit_schema,
    listing_parameters,
    query,
)

DEPENDENCIES = (
    " Answers 400 when the value does not fit the other parameters: a field or order the page"
    " type lacks, an id of no page, `order=random` with `offset`, an episode filter with a type"
    " other than episodes.EpisodePage."
)


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


def paths() -> dict[str, Any]:
    """Every endpoint of the public API, by path."""
    page_refs = [{"$ref": REF + page_type.model.__name__} for page_type in PAGE_TYPES]
    page_detail = {"oneOf": page_refs}
    review_detail = {"oneOf": [{"$ref": REF + f"{pt.model.__name__}Review"} for pt in PAGE_TYPES]}
    page_id = {"name": "id", "in": "path", "required": True, "schema": PAGE_ID}
    listing = api_object(
        {
            "meta": api_object({"total_count": INTEGER}),
            "items": {"type": "array", "items": {"$ref": REF + "PageListingItem"}},
        }
    )
    return {
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
                        "headers": {"Location": {"required": True, "schema": {"type": "string"}}},
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
                "parameters": [{"name": "token", "in": "path", "required": True, "schema": STRING}],
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
    }
