"""Images as frontends use them: renditions at several widths with their sizes and alt text."""

from typing import Any

from wagtail.images.models import AbstractImage

from frontend_api.conf import image_specs
from frontend_api.loading.links import absolute_url


def image_representation(image: AbstractImage | None, alt: str | None = None) -> dict | None:
    """Renditions narrowest first; renditions that come out the same size are listed once."""
    if image is None:
        return None
    renditions: list[dict[str, Any]] = []
    seen = set()
    for rendition in image.get_renditions(*image_specs()).values():
        size = (rendition.width, rendition.height)
        if size in seen:
            continue
        seen.add(size)
        renditions.append(
            {
                "url": absolute_url(rendition.url),
                "width": rendition.width,
                "height": rendition.height,
            }
        )
    return {
        "id": image.pk,
        "alt": alt if alt is not None else image.default_alt_text,
        "width": image.width,
        "height": image.height,
        "renditions": renditions,
    }
