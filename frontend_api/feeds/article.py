"""Episode articles as show-notes HTML for content:encoded, built for many episodes at once."""

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from django.utils.html import escape, format_html

from episodes.models import EpisodePage, Person
from frontend_api.feeds.chapters import raw_blocks
from frontend_api.feeds.media import BODY_IMAGE_SPEC, RenditionURLs, images_with

Resolver = Callable[[Sequence[str]], list[str]]


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _pk(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _by_pk[T](loaded: Mapping[int, T], value: Any) -> T | None:
    """The loaded object a stored reference points to, or None for a missing or bad one."""
    pk = _pk(value)
    return None if pk is None else loaded.get(pk)


def list_items(raw: Any) -> list[Mapping]:
    """A ListBlock's stored item values, whether saved as {"type": "item", ...} or bare."""
    items = raw if isinstance(raw, list) else []
    values = [
        item["value"] if isinstance(item, Mapping) and item.get("type") == "item" else item
        for item in items
    ]
    return [value for value in values if isinstance(value, Mapping)]


def _quotes(block: Mapping) -> list[Mapping]:
    """The quotes a block holds: a pull quote itself, or an FAQ's supporting quotes."""
    if block.get("type") == "pull_quote":
        return [block["value"]]
    if block.get("type") == "faq":
        items = list_items(block["value"].get("items"))
        return [item["quote"] for item in items if isinstance(item.get("quote"), Mapping)]
    return []


def _rich_texts(block: Mapping) -> list[str]:
    """The rich-text sources a block holds, in the database format."""
    value = block["value"]
    if block.get("type") == "paragraph":
        return [value["text"]] if isinstance(value.get("text"), str) else []
    if block.get("type") == "faq":
        items = list_items(value.get("items"))
        return [item["answer"] for item in items if isinstance(item.get("answer"), str)]
    return []


class ArticleRenderer:
    """Renders the summaries and bodies of a batch of episodes with a fixed number of queries."""

    # The stored block data is read directly so that speakers and images of every
    # episode load in one query each and all rich text goes through one resolver call;
    # Wagtail's StreamValue would load them per episode.
    def __init__(self, episodes: Iterable, resolve: Resolver, renditions: RenditionURLs):
        self.episodes = list(episodes)
        self.renditions = renditions
        self.blocks = {episode.pk: raw_blocks(episode.body) for episode in self.episodes}
        every_block = [block for blocks in self.blocks.values() for block in blocks]
        self.people = self._load_people(every_block)
        self.images = self._load_images(every_block)
        self.rich_text = self._resolve(every_block, resolve)

    @staticmethod
    def _load_people(blocks: Sequence[Mapping[str, Any]]) -> dict[int, str]:
        ids = {_pk(quote.get("speaker")) for block in blocks for quote in _quotes(block)}
        ids.discard(None)
        return dict(Person.objects.filter(pk__in=ids).values_list("pk", "name")) if ids else {}

    @staticmethod
    def _load_images(blocks: Sequence[Mapping[str, Any]]) -> dict[int, Any]:
        ids = {_pk(block["value"].get("image")) for block in blocks if block.get("type") == "image"}
        ids.discard(None)
        if not ids:
            return {}
        return {image.pk: image for image in images_with(BODY_IMAGE_SPEC).filter(pk__in=ids)}

    def _resolve(self, blocks: Sequence[Mapping[str, Any]], resolve: Resolver) -> dict[str, str]:
        sources = [episode.summary or "" for episode in self.episodes]
        sources += [text for block in blocks for text in _rich_texts(block)]
        unique = list(dict.fromkeys(sources))
        return dict(zip(unique, resolve(unique), strict=True))

    def summary(self, episode: EpisodePage) -> str:
        """The episode's summary as frontend-ready HTML."""
        return self.rich_text.get(episode.summary or "", "")

    def body(self, episode: EpisodePage) -> str:
        """The episode's article as show-notes HTML."""
        return "\n".join(filter(None, (self._block(block) for block in self.blocks[episode.pk])))

    def _block(self, block: Mapping) -> str:
        kind, value = block.get("type"), block["value"]
        if kind == "heading" and _text(value.get("text")):
            level = value.get("level") if value.get("level") in ("h2", "h3", "h4") else "h2"
            return f"<{level}>{escape(_text(value['text']))}</{level}>"
        if kind == "paragraph":
            return self.rich_text.get(value.get("text") or "", "")
        if kind == "pull_quote":
            return self._quote(value)
        if kind == "faq":
            return self._faq(value)
        if kind == "image":
            return self._image(value)
        if kind == "embed" and _text(value.get("url")):
            return format_html('<p><a href="{0}">{0}</a></p>', _text(value["url"]))
        return ""

    def _quote(self, quote: Mapping) -> str:
        text = _text(quote.get("text"))
        if not text:
            return ""
        speaker = _by_pk(self.people, quote.get("speaker")) or _text(quote.get("speaker_name"))
        cite = format_html("<p>— {}</p>", speaker) if speaker else ""
        return format_html("<blockquote><p>{}</p>{}</blockquote>", text, cite)

    def _faq(self, value: Mapping) -> str:
        title = _text(value.get("title"))
        parts: list[str] = [format_html("<h2>{}</h2>", title)] if title else []
        for item in list_items(value.get("items")):
            parts.append(format_html("<h3>{}</h3>", _text(item.get("question"))))
            parts.append(self.rich_text.get(item.get("answer") or "", ""))
            if isinstance(item.get("quote"), Mapping):
                parts.append(self._quote(item["quote"]))
        return "\n".join(filter(None, parts))

    def _image(self, value: Mapping) -> str:
        image = _by_pk(self.images, value.get("image"))
        if image is None:
            return ""
        caption = " ".join(filter(None, (_text(value.get("caption")), _text(value.get("credit")))))
        figcaption = format_html("<figcaption>{}</figcaption>", caption) if caption else ""
        return format_html(
            '<figure><img src="{}" alt="{}">{}</figure>',
            self.renditions(image, BODY_IMAGE_SPEC),
            _text(value.get("alt")),
            figcaption,
        )
