"""The OpenAPI document's component schemas: shared objects, each page type and body block."""

from typing import Any

from django.db import models
from wagtail.blocks import StreamBlock
from wagtail.fields import StreamField

from episodes.blocks import api_object, nullable
from frontend_api.pages.fields import COMPUTED_FIELDS, STRING, URL
from frontend_api.pages.page_types import PAGE_TYPES, PageType

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


def has_body(model: type[models.Model]) -> bool:
    """Whether the page type has the article body (other StreamFields are settings)."""
    return any(
        isinstance(field, StreamField) and field.name == "body"
        for field in model._meta.get_fields()
    )


def body_block(model: type[models.Model]) -> StreamBlock:
    field = model._meta.get_field("body")
    assert isinstance(field, StreamField)
    return field.stream_block


def block_schemas() -> dict[str, dict[str, Any]]:
    """One JSON Schema per body block type, each as the body's {type, id, value} item."""
    stream = next(
        body_block(page_type.model) for page_type in PAGE_TYPES if has_body(page_type.model)
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


def component_schemas() -> dict[str, Any]:
    """Every named schema the paths refer to, under #/components/schemas/."""
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
    return schemas
