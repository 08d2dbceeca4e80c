"""The OpenAPI 3.1 document of the public API, built from page types, their fields and blocks."""

from functools import cache
from typing import Any

from django.conf import settings

from frontend_api.schema.components import component_schemas
from frontend_api.schema.operations import paths


@cache
def openapi_document() -> dict[str, Any]:
    """The whole document; built once per process since it depends only on code and settings."""
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
        "paths": paths(),
        "components": {"schemas": component_schemas()},
    }
