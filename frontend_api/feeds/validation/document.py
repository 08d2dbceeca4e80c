"""The feed under check: its parsed XML and what the rules need to know beyond it."""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from lxml import etree

from frontend_api.feeds.generator import CONTENT_NS, ITUNES_NS, PODCAST_NS

NAMESPACES = {"itunes": ITUNES_NS, "podcast": PODCAST_NS, "content": CONTENT_NS}
# Feeds are data from us or, once imported, from anyone: no entities, no network, no huge trees.
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


@dataclass(frozen=True)
class ImageFacts:
    """What an image file really is: Pillow's format name and its size in pixels."""

    format: str
    width: int
    height: int


class UnreadableImage(Exception):
    """The image a feed points at is ours, but its file is missing or not an image."""


# href -> facts about the file behind it; None when the file is not ours to read (no network).
ImageInspector = Callable[[str], ImageFacts | None]


@dataclass
class FeedDocument:
    """A feed's bytes, parsed once, with the context the rules compare it against."""

    content: bytes
    require_https: bool = False
    other_show_guids: dict[str, str] = field(default_factory=dict)
    # Guids of the show's episodes the document leaves out (the publish gate's feed).
    left_out_guids: list[str] = field(default_factory=list)
    inspect_image: ImageInspector = lambda href: None
    now: datetime.datetime = field(default_factory=lambda: datetime.datetime.now(datetime.UTC))
    root: etree._Element | None = field(init=False, default=None)
    parse_error: str = field(init=False, default="")

    def __post_init__(self) -> None:
        try:
            self.root = etree.fromstring(self.content, _PARSER)
        except etree.XMLSyntaxError as error:
            self.parse_error = str(error)

    @property
    def channel(self) -> etree._Element | None:
        return None if self.root is None else self.root.find("channel")

    @property
    def items(self) -> list[etree._Element]:
        channel = self.channel
        return [] if channel is None else channel.findall("item")

    def find(self, element: etree._Element, path: str) -> etree._Element | None:
        return element.find(path, NAMESPACES)

    def findall(self, element: etree._Element, path: str) -> list[etree._Element]:
        return element.findall(path, NAMESPACES)

    def text(self, element: etree._Element, path: str) -> str:
        """The stripped text of the first match, "" when absent or empty."""
        found = element.find(path, NAMESPACES)
        return (found.text or "").strip() if found is not None else ""


def item_guid(item: etree._Element) -> str:
    return (item.findtext("guid") or "").strip()


def item_title(item: etree._Element) -> str:
    return (item.findtext("title") or "").strip() or "(untitled)"
