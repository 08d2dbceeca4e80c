"""Limit imported HTML to a rich text field's features with Wagtail's own sanitiser."""

import html
import re
from functools import cache

from wagtail.admin.rich_text.converters.db_html import DbHTMLConverter

# Draftail stores <b> and <i>; renaming keeps imported text identical to what the editor saves.
RENAMES = [
    (re.compile(r"<(/?)strong\b", re.IGNORECASE), r"<\1b"),
    (re.compile(r"<(/?)em\b", re.I), r"<\1i"),
]
# What the sanitiser leaves that Draftail never saves: links whose address it refused
# (javascript: and the like) and paragraphs inside list items.
HREFLESS_LINK_RE = re.compile(r"<a>(.*?)</a>", re.DOTALL)
LIST_ITEM_P_RE = re.compile(r"(<li>)\s*<p>|</p>\s*(</li>)")
# Line breaks in the source are only layout; list tags need no space around them.
NEWLINE_RE = re.compile(r"\s*\n\s*")
LIST_TAG_SPACE_RE = re.compile(r"\s*(</?(?:ul|ol|li)>)\s*")
TAG_RE = re.compile(r"<[^>]*>")


@cache
def _converter(features: tuple[str, ...]) -> DbHTMLConverter:
    return DbHTMLConverter(list(features))


def sanitize(source: str, features: list[str]) -> tuple[str, set[str]]:
    """Return the HTML cut down to `features` and the names of the tags that were dropped."""
    cleaned, removals = _converter(tuple(features)).clean(source)
    for pattern, replacement in RENAMES:
        cleaned = pattern.sub(replacement, cleaned)
    cleaned = HREFLESS_LINK_RE.sub(r"\1", cleaned)
    cleaned = LIST_ITEM_P_RE.sub(lambda match: match[1] or match[2], cleaned)
    cleaned = LIST_TAG_SPACE_RE.sub(r"\1", NEWLINE_RE.sub(" ", cleaned))
    return cleaned.strip(), {removal.tag for removal in removals}


def visible_text(source: str) -> str:
    """The text of sanitised rich text, without tags or entities."""
    return " ".join(html.unescape(TAG_RE.sub(" ", source)).split())
