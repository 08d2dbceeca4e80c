"""Headings and paragraphs, and the rules that keep a page's headings a readable outline."""

import re
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.text import slugify
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.blocks import ImageChooserBlock
from wagtail.rich_text import RichText

from .api import HTML, api_object, api_resolver, nullable
from .cleaning import clean_struct, is_blank_html, text_of
from .timestamps import TimestampBlock, timestamp_seconds

PARAGRAPH_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]
HEADING_LEVELS = [("h2", "Section (h2)"), ("h3", "Subsection (h3)"), ("h4", "Sub-subsection (h4)")]
ANCHOR_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def heading_level(level: str | None) -> int:
    """2 for "h2" and so on; a level that isn't one of the choices reads as a section."""
    return {"h2": 2, "h3": 3, "h4": 4}.get(level or "", 2)


class HeadingBlock(blocks.StructBlock):
    """A section or subsection title that also feeds the table of contents."""

    api_schema = api_object(
        {
            "text": {"type": "string"},
            "level": {"type": "integer", "enum": [2, 3, 4]},
            "anchor": {"type": "string", "pattern": ANCHOR_RE.pattern},
            "timestamp_seconds": nullable({"type": "integer", "minimum": 0}),
        }
    )

    text = blocks.CharBlock(max_length=255)
    level = blocks.ChoiceBlock(choices=HEADING_LEVELS, default="h2")
    anchor = blocks.CharBlock(
        required=False,
        max_length=80,
        help_text="Optional link target (lowercase-with-dashes); made from the text if empty.",
    )
    timestamp = TimestampBlock(help_text="Optional: where this section starts in the audio.")
    chapter_image = ImageChooserBlock(
        required=False, help_text="Optional: the picture podcast apps show during this chapter."
    )
    chapter_url = blocks.URLBlock(
        required=False,
        help_text="Optional: a page about this chapter's topic; else the article at this heading.",
    )

    class Meta:
        icon = "title"
        label = "Heading"
        description = "A section (h2) or subsection (h3, h4) title."
        preview_value = {"text": "Why the market changed", "level": "h2"}
        template = "episodes/blocks/heading.html"

    def clean(self, value):
        errors = {}
        anchor = text_of(value.get("anchor"))
        if anchor and not ANCHOR_RE.match(anchor):
            errors["anchor"] = ValidationError("Use lowercase letters, digits and single dashes.")
        return clean_struct(super().clean, value, errors)

    def get_api_representation(self, value, context=None) -> dict[str, Any]:
        data = super().get_api_representation(value, context)
        # The body fills in generated anchors, which need the whole page to stay unique. The
        # chapter image and link are for the chapters file, not the article's shape.
        return {
            "text": data["text"],
            "level": heading_level(data["level"]),
            "anchor": data["anchor"] or None,
            "timestamp_seconds": timestamp_seconds(data["timestamp"]),
        }


class ParagraphBlock(blocks.StructBlock):
    """A paragraph of the article, limited to bold, italic, links and lists."""

    api_schema = api_object({"text": HTML})

    text = blocks.RichTextBlock(features=PARAGRAPH_FEATURES)

    class Meta:
        icon = "pilcrow"
        label = "Paragraph"
        description = "Body text with bold, italic, links and lists."
        preview_value = {"text": RichText("<p>An <b>article</b> paragraph with a link.</p>")}
        template = "episodes/blocks/paragraph.html"

    def clean(self, value):
        errors = {}
        if is_blank_html(text_of(value.get("text"))):
            errors["text"] = ValidationError("Write the paragraph.")
        return clean_struct(super().clean, value, errors)

    def get_api_representation(self, value, context=None) -> dict[str, Any]:
        data = super().get_api_representation(value, context)
        return {**data, "text": api_resolver(context).rich_text(value["text"].source)}


def heading_errors(body) -> dict[int, StructBlockValidationError]:
    """Errors for headings that skip a level or reuse an anchor, by block index."""
    errors = {}
    parent_level = 1
    seen_anchors: set[str] = set()
    for index, child in enumerate(body):
        if child.block_type != "heading":
            continue
        found = {}
        level = heading_level(child.value.get("level"))
        if level > parent_level + 1:
            found["level"] = ValidationError(
                f"An h{level} needs an h{level - 1} above it; headings must not skip a level."
            )
        parent_level = level
        anchor = text_of(child.value.get("anchor"))
        if anchor in seen_anchors:
            found["anchor"] = ValidationError(f'The anchor "{anchor}" is already used.')
        if anchor:
            seen_anchors.add(anchor)
        if found:
            errors[index] = StructBlockValidationError(found)
    return errors


def heading_anchors(body) -> dict[str | None, str]:
    """Map each heading block's id to a slug anchor that is unique within the page."""
    explicit = {child.value.get("anchor") for child in body if child.block_type == "heading"}
    used = {anchor for anchor in explicit if anchor}
    anchors: dict[str | None, str] = {}
    for child in body:
        if child.block_type != "heading":
            continue
        anchor = child.value.get("anchor")
        if not anchor:
            base = slugify(child.value["text"]) or "section"
            anchor, suffix = base, 2
            while anchor in used:
                anchor, suffix = f"{base}-{suffix}", suffix + 1
            used.add(anchor)
        anchors[child.id] = anchor
    return anchors
