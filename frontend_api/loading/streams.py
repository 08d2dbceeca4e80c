"""StreamField values converted with batched lookups instead of one query per block type.

Wagtail converts a stream lazily, one block type at a time, so a body whose quotes, FAQ
and images all refer to objects costs a query per type. Here the raw data is walked once to
collect every reference into a `References`, which loads each model once, and the stream is
then rebuilt from the loaded objects. Malformed raw data falls back to block defaults.
"""

from collections.abc import Callable, Iterable
from typing import Any

from wagtail import blocks
from wagtail.blocks.list_block import ListValue
from wagtail.blocks.stream_block import StreamValue
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

from frontend_api.conf import image_specs
from frontend_api.loading.references import References


def raw_items(stream_value: StreamValue | None) -> list[dict]:
    """The stream's items as stored ({"type", "value", "id"}); safe on unconverted values."""
    if not stream_value:
        return []
    return [item for item in stream_value.raw_data if isinstance(item, dict)]


def _list_items(raw: Any) -> Iterable[tuple[Any, str | None]]:
    """(value, id) pairs of a ListBlock's raw value, in either storage format."""
    for item in raw if isinstance(raw, list) else []:
        if isinstance(item, dict) and item.get("type") == "item" and "value" in item:
            yield item["value"], item.get("id")
        else:
            yield item, None


def walk(block: blocks.Block, raw: Any, visit: Callable[[blocks.Block, Any], None]) -> None:
    """Call visit(block, raw) for every leaf block under `block`."""
    if isinstance(block, blocks.StreamBlock):
        for item in raw if isinstance(raw, list) else []:
            child = block.child_blocks.get(item.get("type")) if isinstance(item, dict) else None
            if child is not None:
                walk(child, item.get("value"), visit)
    elif isinstance(block, blocks.ListBlock):
        for value, _ in _list_items(raw):
            walk(block.child_block, value, visit)
    elif isinstance(block, blocks.StructBlock):
        raw = raw if isinstance(raw, dict) else {}
        for name, child in block.child_blocks.items():
            if name in raw:
                walk(child, raw[name], visit)
    else:
        visit(block, raw)


def collect(
    stream_block: blocks.StreamBlock,
    items: list[dict],
    references: References,
    collect_rich_text: Callable[[str], None],
) -> None:
    """Tell `references` about every object, rich-text link and embed in the stream."""

    def visit(block: blocks.Block, raw: Any) -> None:
        if isinstance(block, ImageChooserBlock):
            references.want_image(raw, image_specs())
        elif isinstance(block, blocks.ChooserBlock):
            references.want(block.model_class, raw)
        elif isinstance(block, blocks.RichTextBlock) and isinstance(raw, str):
            collect_rich_text(raw)
        elif isinstance(block, EmbedBlock) and isinstance(raw, str):
            references.want_embed(raw)

    walk(stream_block, items, visit)


def to_python(block: blocks.Block, raw: Any, references: References) -> Any:
    """The block's native value, taking chooser objects from the loaded references."""
    if isinstance(block, blocks.StreamBlock):
        return build_stream(block, raw if isinstance(raw, list) else [], references)
    if isinstance(block, blocks.ListBlock):
        children = [
            ListValue.ListChild(
                block.child_block, to_python(block.child_block, value, references), id=id
            )
            for value, id in _list_items(raw)
        ]
        return ListValue(block, bound_blocks=children)
    if isinstance(block, blocks.StructBlock):
        raw = raw if isinstance(raw, dict) else {}
        return block._to_struct_value(
            {
                name: to_python(child, raw[name], references)
                if name in raw
                else child.get_default()
                for name, child in block.child_blocks.items()
            }
        )
    if isinstance(block, blocks.ChooserBlock):
        return references.get(block.model_class, raw)
    try:
        return block.to_python(raw)
    except (TypeError, ValueError, AttributeError):
        return block.get_default()


def build_stream(
    stream_block: blocks.StreamBlock, items: list[dict], references: References
) -> StreamValue:
    """A fully converted StreamValue; unknown block types are left out."""
    children = []
    for item in items:
        child = stream_block.child_blocks.get(item.get("type")) if isinstance(item, dict) else None
        if child is not None:
            children.append(
                (item["type"], to_python(child, item.get("value"), references), item.get("id"))
            )
    return StreamValue(stream_block, children, is_lazy=False)
