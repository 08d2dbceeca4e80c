"""The API's settings with their defaults, read when used (never at import time)."""

from typing import Any

from django.conf import settings

DEFAULTS: dict[str, Any] = {
    # Widths of the renditions every image is served in.
    "API_IMAGE_WIDTHS": (480, 960, 1600),
    # How many recent episodes stand in when the editor chose no related episodes.
    "API_RELATED_EPISODES": 3,
    # Reading speed used for the reading time.
    "API_WORDS_PER_MINUTE": 200,
}


def api_setting(name: str) -> Any:
    return getattr(settings, name, DEFAULTS[name])


def image_specs() -> list[str]:
    """Rendition filter specs for the configured widths, narrowest first."""
    return [f"width-{width}" for width in sorted(api_setting("API_IMAGE_WIDTHS"))]
