"""Limit imported HTML to a rich text field's features with Wagtail's own sanitiser."""

import re
from functools import cache

from bs4 import BeautifulSoup, Tag
from wagtail.admin.rich_text.converters.db_html import DbHTMLConverter
from wagtail.whitelist import check_url

# Draftail stores <b> and <i>; renaming keeps imported text identical to what the editor saves.
RENAMES = {"strong": "b", "em": "i"}
# Line breaks in the source are only layout; list tags need no space around them.
NEWLINE_RE = re.compile(r"\s*\n\s*")
LIST_TAG_SPACE_RE = re.compile(r"\s*(</?(?:ul|ol|li)>)\s*")


@cache
def _converter(features: tuple[str, ...]) -> DbHTMLConverter:
    return DbHTMLConverter(list(features))


def sanitize(html: str, features: list[str]) -> tuple[str, set[str]]:
    """Return the HTML cut down to `features` and the names of the tags that were dropped."""
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup.find_all(True):
        if tag.name in RENAMES:
            tag.name = RENAMES[tag.name]
        elif _unwanted(tag):
            tag.unwrap()
    cleaned, removals = _converter(tuple(features)).clean(str(soup))
    cleaned = LIST_TAG_SPACE_RE.sub(r"\1", NEWLINE_RE.sub(" ", cleaned))
    return cleaned.strip(), {removal.tag for removal in removals}


def _unwanted(tag: Tag) -> bool:
    """Links to nowhere (or to javascript:) and paragraphs in list items (Draftail has none)."""
    if tag.name == "a":
        return not check_url(tag.get("href") or "")
    return tag.name == "p" and isinstance(tag.parent, Tag) and tag.parent.name == "li"
