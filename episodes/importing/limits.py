"""Bounds on one import, so that a hostile or broken file is refused before it costs much.

Each limit is a setting read from the environment (cms/settings/base.py, docs/import.md).
"""

from pathlib import Path

from bs4 import Tag
from django.conf import settings

from .article import ArticleError


def check_file_size(path: Path, *, export: bool = False) -> None:
    """Refuse a file larger than its limit, from its size alone (before reading a byte)."""
    name = "IMPORT_MAX_EXPORT_BYTES" if export else "IMPORT_MAX_ARTICLE_BYTES"
    try:
        size = path.stat().st_size
    except OSError:
        return  # the reader reports a missing or unreadable file in its own words
    check_size(size, name, "the file")


def check_size(size: int, setting: str, what: str) -> None:
    """Refuse `size` bytes when the setting `setting` allows fewer."""
    limit = getattr(settings, setting)
    if size > limit:
        raise ArticleError(
            f"{what} is {_megabytes(size)}, more than the limit of {_megabytes(limit)} ({setting})"
        )


def check_depth(root: Tag) -> None:
    """Refuse HTML nested deeper than IMPORT_MAX_DEPTH elements.

    The mapper and Wagtail's sanitiser walk the tree recursively; checking here, with a loop,
    keeps a page of thousands of nested elements from exhausting Python's stack (or the clock).
    """
    limit = settings.IMPORT_MAX_DEPTH
    stack = [(root, 0)]
    while stack:
        node, depth = stack.pop()
        if depth > limit:
            raise ArticleError(
                f"the HTML is nested more than {limit} elements deep "
                f"(at <{node.name}>; limit IMPORT_MAX_DEPTH)"
            )
        stack.extend((child, depth + 1) for child in node.contents if isinstance(child, Tag))


class BlockCounter:
    """Counts the blocks an article maps to and stops at IMPORT_MAX_BLOCKS."""

    def __init__(self):
        self.limit = settings.IMPORT_MAX_BLOCKS
        self.count = 0

    def add(self, blocks: int = 1) -> None:
        self.count += blocks
        if self.count > self.limit:
            raise ArticleError(
                f"the article has more than {self.limit} blocks (limit IMPORT_MAX_BLOCKS)"
            )


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 100_000 else f"{size:,} bytes"
