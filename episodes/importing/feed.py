"""Read a podcast's RSS feed: the channel (what a show holds) and its items, as plain data.

Parsed by lxml without resolving entities, loading a DTD or touching the network, so an
XXE or "billion laughs" feed reads as text that was never expanded.
"""

from dataclasses import dataclass, field

from lxml import etree

from .article import ArticleError

ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd"
CONTENT = "http://purl.org/rss/1.0/modules/content/"
# The namespace's URI, and the one early feeds declared before it settled.
PODCAST = "https://podcastindex.org/namespace/1.0"
PODCAST_OLD = "https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/1.0.md"
PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_pis=True
)


@dataclass
class Element:
    """One tag read from the feed: its text and attributes."""

    text: str = ""
    attrs: dict[str, str] = field(default_factory=dict)


@dataclass
class FeedItem:
    """An item as the feed wrote it; mapping it to an episode is feed_items' job."""

    position: int
    values: dict[str, str]
    enclosure: Element | None
    image: str
    people: list[Element]
    chapters: list[Element]
    transcripts: list[Element]


@dataclass
class Channel:
    """The channel's own tags and its items."""

    values: dict[str, str]
    categories: list[str]
    image: str
    locked: Element | None
    items: list[FeedItem]


CHANNEL_TAGS = {
    "title": "title",
    "link": "link",
    "description": "description",
    "language": "language",
    "copyright": "copyright",
    "author": f"{{{ITUNES}}}author",
    "summary": f"{{{ITUNES}}}summary",
    "explicit": f"{{{ITUNES}}}explicit",
    "type": f"{{{ITUNES}}}type",
    "owner_name": f"{{{ITUNES}}}owner/{{{ITUNES}}}name",
    "owner_email": f"{{{ITUNES}}}owner/{{{ITUNES}}}email",
}
ITEM_TAGS = {
    "title": "title",
    "link": "link",
    "guid": "guid",
    "pubDate": "pubDate",
    "description": "description",
    "content": f"{{{CONTENT}}}encoded",
    "duration": f"{{{ITUNES}}}duration",
    "explicit": f"{{{ITUNES}}}explicit",
    "episode": f"{{{ITUNES}}}episode",
    "season": f"{{{ITUNES}}}season",
    "episodeType": f"{{{ITUNES}}}episodeType",
    "summary": f"{{{ITUNES}}}summary",
    "subtitle": f"{{{ITUNES}}}subtitle",
    "itunes_title": f"{{{ITUNES}}}title",
}


def read_feed(data: bytes) -> Channel:
    """The feed's channel; ArticleError when it is not well-formed XML or not an RSS feed."""
    try:
        root = etree.fromstring(data, PARSER)
    except etree.XMLSyntaxError as error:
        raise ArticleError(f"not well-formed XML: {error}") from None
    channel = root.find("channel") if root.tag == "rss" else None
    if channel is None:
        raise ArticleError("not an RSS feed (no <rss> with a <channel>)")
    podcast = _podcast_namespace(root)
    items = [
        _item(position, element, podcast)
        for position, element in enumerate(channel.iterfind("item"), start=1)
    ]
    return Channel(
        values={name: _text(channel, path) for name, path in CHANNEL_TAGS.items()},
        categories=_categories(channel),
        image=_image(channel) or _text(channel, "image/url"),
        locked=_first(channel, f"{{{podcast}}}locked"),
        items=items,
    )


def _podcast_namespace(root) -> str:
    declared = set(root.nsmap.values())
    return PODCAST_OLD if PODCAST_OLD in declared and PODCAST not in declared else PODCAST


def _item(position: int, element, podcast: str) -> FeedItem:
    values = {name: _text(element, path) for name, path in ITEM_TAGS.items()}
    guid = element.find("guid")
    values["guid_is_permalink"] = (guid.get("isPermaLink") or "") if guid is not None else ""
    for name in ("episode", "season"):
        values[name] = values[name] or _text(element, f"{{{podcast}}}{name}")
    return FeedItem(
        position=position,
        values=values,
        enclosure=_first(element, "enclosure"),
        image=_image(element),
        people=_all(element, f"{{{podcast}}}person"),
        chapters=_all(element, f"{{{podcast}}}chapters"),
        transcripts=_all(element, f"{{{podcast}}}transcript"),
    )


def _categories(channel) -> list[str]:
    """ "Parent" or "Parent > Child" for each itunes:category, as the show stores them."""
    found = []
    for parent in channel.iterfind(f"{{{ITUNES}}}category"):
        name = " ".join((parent.get("text") or "").split())
        children = [child.get("text") or "" for child in parent.iterfind(f"{{{ITUNES}}}category")]
        found += [f"{name} > {' '.join(child.split())}" for child in children if child.strip()]
        if name:
            found.append(name)
    return found


def _image(element) -> str:
    image = element.find(f"{{{ITUNES}}}image")
    return (image.get("href") or "").strip() if image is not None else ""


def _element(found) -> Element:
    return Element(
        text=(found.text or "").strip(), attrs={str(k): str(v) for k, v in found.attrib.items()}
    )


def _first(element, path: str) -> Element | None:
    found = element.find(path)
    return _element(found) if found is not None else None


def _all(element, path: str) -> list[Element]:
    return [_element(found) for found in element.iterfind(path)]


def _text(element, path: str) -> str:
    found = element.find(path)
    return "".join(found.itertext()).strip() if found is not None else ""
