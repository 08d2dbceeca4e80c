"""Second pass over mapped items: group FAQs, make headings valid, trim the empty end."""

from django.utils.html import escape
from django.utils.text import slugify

from episodes.blocks import ANCHOR_RE

from .article import Block, Heading, Paragraph
from .faq import Definitions, Details, FaqBox, faq_blocks, faq_title_and_content, is_faq_title


def shape(items: list, warnings: list[str]) -> list[Block]:
    """Turn the mapper's items into body blocks."""
    blocks: list[Block] = []
    index = 0
    while index < len(items):
        item = items[index]
        if isinstance(item, Heading) and is_faq_title(item.text):
            end = index + 1
            while end < len(items) and not _closes(items[end], item.level):
                end += 1
            blocks += faq_blocks(item.text, items[index + 1 : end], warnings, item.level)
            index = end
            continue
        if isinstance(item, Details):
            end = index
            while end < len(items) and isinstance(items[end], Details):
                end += 1
            blocks += faq_blocks("", items[index:end], warnings)
            index = end
            continue
        if isinstance(item, FaqBox):
            blocks += faq_blocks(*faq_title_and_content(item.content), warnings)
        elif isinstance(item, Definitions):
            for term, description in item.pairs:
                blocks.append(Paragraph(f"<p><b>{escape(term)}</b></p>{description}"))
        else:
            blocks.append(item)
        index += 1
    _fix_headings(blocks, warnings)
    _drop_empty_end(blocks, warnings)
    return blocks


def _closes(item, level: int) -> bool:
    return isinstance(item, Heading) and item.level <= level


def _fix_headings(blocks: list[Block], warnings: list[str]) -> None:
    """Move headings up so none skips a level; keep anchors only when valid and unique."""
    parent_level = 1
    anchors: set[str] = set()
    for block in blocks:
        if not isinstance(block, Heading):
            continue
        if block.level > parent_level + 1:
            warnings.append(
                f"heading “{block.text}” moved from h{block.level} to h{parent_level + 1} "
                "so that no level is skipped"
            )
            block.level = parent_level + 1
        parent_level = block.level
        anchor = block.anchor if ANCHOR_RE.match(block.anchor) else slugify(block.anchor)
        anchor = anchor.replace("_", "-").strip("-")[:80]
        block.anchor = anchor if ANCHOR_RE.match(anchor) and anchor not in anchors else ""
        anchors.add(block.anchor)


def _drop_empty_end(blocks: list[Block], warnings: list[str]) -> None:
    """An article that ends with headings and nothing under them loses those headings."""
    while blocks and isinstance(heading := blocks[-1], Heading):
        blocks.pop()
        warnings.append(f"empty section “{heading.text}” at the end dropped")
