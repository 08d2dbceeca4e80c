"""The article body: the StreamBlock of every block family and the rules across its blocks."""

from typing import Any

from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.blocks.stream_block import StreamBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError

from .cleaning import combine_errors
from .faq import FAQBlock
from .media import EmbedMediaBlock, ImageBlock
from .quotes import PullQuoteBlock
from .text import HeadingBlock, ParagraphBlock, heading_anchors, heading_errors
from .timestamps import format_timestamp, timestamp_seconds


class TolerantStreamBlock(blocks.StreamBlock):
    """A stream whose corrupt stored rows are dropped rather than breaking every view of it."""

    def to_python(self, value):
        if isinstance(value, list):
            # Not an object, or without a type: no block can be made from the item.
            value = [
                item
                for item in value
                if isinstance(item, tuple | list) or (isinstance(item, dict) and "type" in item)
            ]
        elif isinstance(value, dict | int | float):
            # A stored JSON object or number is no list of blocks at all: an empty stream.
            value = []
        return super().to_python(value)


class EpisodeBodyBlock(TolerantStreamBlock):
    """The article: its child names are the frontends' type discriminator, never renamed."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    pull_quote = PullQuoteBlock()
    faq = FAQBlock()
    image = ImageBlock()
    embed = EmbedMediaBlock()

    def clean(self, value):
        # The rules across blocks run on the posted values too, so that one save shows them
        # together with each block's own errors instead of after those are fixed.
        across = StreamBlockValidationError(block_errors=heading_errors(value))
        try:
            value = super().clean(value)
        except StreamBlockValidationError as own:
            raise combine_errors(own, across) from None
        if across.block_errors:
            raise across
        return value

    def get_api_representation(self, value, context=None) -> list[dict[str, Any]]:
        items = super().get_api_representation(value, context)
        anchors = heading_anchors(value) if value else {}
        for item in items:
            if item["type"] == "heading":
                item["value"]["anchor"] = anchors.get(item["id"], item["value"]["anchor"])
        return items


def timestamp_errors(body, duration: int | None) -> dict[int, StructBlockValidationError]:
    """Errors for quotes and headings whose timestamp falls after the end of the audio."""
    if duration is None:
        return {}
    errors = {}
    for index, child in enumerate(body):
        if child.block_type not in ("pull_quote", "heading"):
            continue
        stamp = child.value.get("timestamp")
        # An unreadable timestamp has its own error from TimestampBlock.
        seconds = timestamp_seconds(stamp)
        if seconds is not None and seconds > duration:
            message = f"{stamp} is after the end of the audio ({format_timestamp(duration)})."
            errors[index] = StructBlockValidationError({"timestamp": ValidationError(message)})
    return errors
