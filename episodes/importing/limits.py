"""Bounds on one import, so that a hostile or broken file is refused before it costs much.

Each limit is a setting read from the environment (cms/settings/base.py, docs/import.md).
"""

from pathlib import Path

from django.conf import settings
from lxml import etree

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


def check_html(html: str) -> None:
    """Refuse HTML nested deeper than IMPORT_MAX_DEPTH or with more than IMPORT_MAX_ELEMENTS.

    Both before BeautifulSoup sees the text: it needs seconds and hundreds of megabytes for
    a few hundred thousand elements, slows to minutes on some deep trees, and the mapper and
    Wagtail's sanitiser walk the tree recursively. libxml2 (lxml) counts the same in
    milliseconds; with huge_tree it stops nesting at 2048 levels, all this check needs to see.
    """
    depth_limit, element_limit = settings.IMPORT_MAX_DEPTH, settings.IMPORT_MAX_ELEMENTS
    try:
        root = etree.fromstring(html, etree.HTMLParser(huge_tree=True, no_network=True))
    except (etree.XMLSyntaxError, ValueError):
        return  # nothing to parse (empty text): BeautifulSoup and the reader say so
    if root is None:
        return
    depth = elements = 0
    for event, element in etree.iterwalk(root, events=("start", "end")):
        if event == "end":
            depth -= 1
            continue
        depth += 1
        elements += 1
        if depth > depth_limit:
            raise ArticleError(
                f"the HTML is nested more than {depth_limit} elements deep "
                f"(at <{element.tag}>; limit IMPORT_MAX_DEPTH)"
            )
        if elements > element_limit:
            raise ArticleError(
                f"the HTML has more than {element_limit} elements (limit IMPORT_MAX_ELEMENTS)"
            )


def check_indentation(markdown: str) -> None:
    """Refuse Markdown nested more than IMPORT_MAX_DEPTH levels by indentation or ">" marks.

    Python-Markdown nests lists and quotes recursively, and takes seconds before it runs out
    of stack; counting the marks at the start of each line takes milliseconds.
    """
    limit = settings.IMPORT_MAX_DEPTH
    for number, line in enumerate(markdown.splitlines(), start=1):
        prefix = line[: len(line) - len(line.lstrip(" \t>"))]
        if len(prefix) <= limit:
            continue
        levels = prefix.count(">") + len(prefix.replace(">", "").expandtabs(4)) // 4
        if levels > limit:
            raise ArticleError(
                f"line {number} of the Markdown is nested more than {limit} levels deep "
                "(indentation and > marks; limit IMPORT_MAX_DEPTH)"
            )


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
