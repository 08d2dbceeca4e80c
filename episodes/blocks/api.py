"""What blocks need to speak to the API: JSON Schema helpers and the resolver protocol."""

import hashlib
from typing import Protocol

from wagtail.rich_text import expand_db_html


def nullable(schema: dict) -> dict:
    """A JSON Schema that also accepts null."""
    return {"anyOf": [schema, {"type": "null"}]}


def api_object(properties: dict[str, dict]) -> dict:
    """JSON Schema of an API object whose keys are always all present."""
    return {
        "type": "object",
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }


HTML = {"type": "string", "contentMediaType": "text/html"}
# Images are rendered by the API layer; blocks name the shared component.
IMAGE_REF = {"$ref": "#/components/schemas/Image"}


class APIResolver(Protocol):
    """What the serving app passes in the API context (key "api_resolver") to finish values."""

    def rich_text(self, html: str) -> str:
        """Database rich text to frontend-ready HTML."""

    def image(self, image) -> dict | None:
        """An image as frontends show it (renditions, alt)."""

    def embed(self, url: str) -> dict:
        """{"html", "provider"} for an oEmbed URL."""


class BasicResolver:
    """Fallback without a serving app: Wagtail's own rich text HTML and bare image ids."""

    def rich_text(self, html: str) -> str:
        return expand_db_html(html or "")

    def image(self, image) -> dict | None:
        return {"id": image.pk} if image else None

    def embed(self, url: str) -> dict:
        return {"html": None, "provider": None}


def api_resolver(context: dict | None) -> APIResolver:
    return (context or {}).get("api_resolver") or BasicResolver()


def quote_key(text: str, person_id: int | None, speaker_name: str, timestamp: int | None) -> str:
    """What a quote says, by whom and when, as a short key: changing any of them changes it."""
    parts = f"{text.strip()}\x1f{person_id or ''}\x1f{speaker_name.strip()}\x1f{timestamp}"
    return hashlib.sha256(parts.encode()).hexdigest()[:24]


def quote_verified(context: dict | None, key: str) -> bool:
    """Whether the serving app says the last quote check found this quote as written."""
    return key in (context or {}).get("verified_quotes", ())
