"""Pictures and embedded audio or video in the article."""

from typing import Any

from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

from .api import HTML, IMAGE_REF, api_object, api_resolver, nullable


class ImageBlock(blocks.StructBlock):
    """A picture in the article, with the text that describes it to those who can't see it."""

    api_schema = api_object(
        {
            "image": nullable(IMAGE_REF),
            "alt": {"type": "string"},
            "caption": nullable({"type": "string"}),
            "credit": nullable({"type": "string"}),
        }
    )

    image = ImageChooserBlock()
    alt = blocks.CharBlock(
        max_length=255, label="Alt text", help_text="Describe the picture for screen readers."
    )
    caption = blocks.CharBlock(required=False, max_length=255)
    credit = blocks.CharBlock(required=False, max_length=255)

    class Meta:
        icon = "image"
        label = "Image"
        description = "An image with alt text, caption and credit."
        template = "episodes/blocks/image.html"

    def get_api_representation(self, value, context=None) -> dict[str, Any]:
        data = super().get_api_representation(value, context)
        image = value.get("image")
        return {
            "image": api_resolver(context).image(image) if image is not None else None,
            "alt": data["alt"],
            "caption": data["caption"] or None,
            "credit": data["credit"] or None,
        }


class EmbedMediaBlock(blocks.StructBlock):
    """Audio or video from another platform, embedded by its oEmbed URL."""

    api_schema = api_object(
        {
            "url": {"type": "string"},
            "html": nullable(HTML),
            "provider": nullable({"type": "string"}),
        }
    )

    url = EmbedBlock(help_text="Link to a YouTube, Vimeo, SoundCloud or Spotify page.")

    class Meta:
        icon = "media"
        label = "Embed"
        description = "Audio or video from another platform."
        template = "episodes/blocks/embed.html"

    def get_api_representation(self, value, context=None) -> dict[str, Any]:
        data = super().get_api_representation(value, context)
        url = data["url"] or ""
        return {"url": url, **api_resolver(context).embed(url)}
