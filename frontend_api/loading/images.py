"""Images as frontends use them: renditions at several widths with their sizes and alt text."""

import functools
import logging
from typing import Any

from wagtail.images.models import AbstractImage, Filter, SourceImageIOError

from frontend_api.conf import image_specs
from frontend_api.loading.links import absolute_url

logger = logging.getLogger(__name__)


@functools.cache
def _filters(specs: tuple[str, ...]) -> list[Filter]:
    """Wagtail's filters for these specs, parsed once per process instead of once per image."""
    return [Filter(spec=spec) for spec in specs]


def image_representation(image: AbstractImage | None, alt: str | None = None) -> dict | None:
    """Renditions narrowest first; renditions that come out the same size are listed once."""
    if image is None:
        return None
    renditions: list[dict[str, Any]] = []
    seen = set()
    try:
        made = image.get_renditions(*_filters(tuple(image_specs()))).values()
    except SourceImageIOError:
        # A lost original (storage restored without it, a volume missing) costs the image its
        # renditions, not the whole answer: the page stays readable while operators fix it.
        logger.warning("image %s has no original file; served without renditions", image.pk)
        made = []
    for rendition in made:
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
