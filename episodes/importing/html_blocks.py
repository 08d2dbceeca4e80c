"""The shared mapper: walk an article's HTML in reading order and turn it into body blocks."""

import datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import NavigableString, Tag
from django.utils.html import escape

from episodes.blocks import PARAGRAPH_FEATURES

from . import metadata
from .article import Block, Heading, Paragraph, Picture
from .faq import Definitions, Details, FaqBox
from .limits import BlockCounter
from .quotes import attribute, parse_quote, squash, valid_timestamp
from .richtext import sanitize, visible_text
from .tidying import shape

INLINE = {
    "a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "data", "del", "dfn", "em", "font",
    "i", "ins", "kbd", "label", "mark", "q", "s", "samp", "small", "span", "strike", "strong",
    "sub", "sup", "time", "u", "var", "wbr",
}  # fmt: skip
HEADINGS = {"h1": 2, "h2": 2, "h3": 3, "h4": 4, "h5": 4, "h6": 4}
# Page furniture around an article (menus, share buttons, forms): not the article's words.
FURNITURE = {"script", "style", "noscript", "nav", "form", "button", "svg", "template", "footer"}
UNSUPPORTED = {"iframe", "video", "embed", "object", "table", "canvas", "math", "aside", "pre"}
FAQ_CLASSES = {"faq", "schema-faq", "wp-block-yoast-faq-block"}
MEDIA = {"img", "audio"}
HEADING_STAMP_JUNK = " -:\N{EN DASH}\N{EM DASH}"
PLAYER_LABEL_MAX = 60


class HtmlMapper:
    """Maps one article's content element to blocks, collecting warnings as it goes."""

    def __init__(self, *, base_dir: Path | None, title_texts: set[str], warnings: list[str]):
        self.base_dir = base_dir
        self.title_texts = {squash(text) for text in title_texts if text}
        self.warnings = warnings
        self.audio_urls: list[str] = []
        self.broadcast: tuple[datetime.datetime, str] | None = None
        self.dropped_formatting: set[str] = set()
        self.items: list = []
        self.blocks = BlockCounter()
        self._inline: list[str] = []
        self._pending: list[Tag] = []
        self._seen_heading = False

    def map(self, root: Tag) -> list[Block]:
        """The article's blocks, in order, with FAQs grouped and headings made consistent."""
        items = self.collect(root.children)
        if self.dropped_formatting:
            names = ", ".join(f"<{name}>" for name in sorted(self.dropped_formatting))
            self.warnings.append(f"formatting the paragraph block doesn't allow removed: {names}")
        return shape(items, self.warnings)

    def collect(self, nodes) -> list:
        """Map nodes into a fresh list of items (used for the article and for nested parts)."""
        saved, self.items = self.items, []
        for node in list(nodes):
            self._node(node)
        self._flush()
        collected, self.items = self.items, saved
        return collected

    def _node(self, node) -> None:
        if isinstance(node, NavigableString):
            if type(node) is NavigableString:
                self._inline.append(escape(str(node)))
            return
        if not isinstance(node, Tag):
            return
        if node.name in INLINE and not node.find(_is_blockish):
            self._hold_media(node)
            self._inline.append(str(node))
            return
        self._flush()
        self._element(node)

    def _element(self, tag: Tag) -> None:
        name = tag.name
        if name == "p":
            self._text_element(tag)
        elif name in HEADINGS:
            self._heading(tag)
        elif name in ("ul", "ol"):
            self._hold_media(tag)
            self._add_paragraph(str(tag))
            self._release()
        elif name == "blockquote":
            quote = parse_quote(tag)
            if quote:
                self.blocks.add()
                self.items.append(quote)
        elif name == "img":
            self._image(tag, caption=attribute(tag, "title"))
        elif name == "figure":
            self._figure(tag)
        elif name == "audio":
            self._audio(tag)
        elif name == "details":
            self._details(tag)
        elif name == "dl":
            self._definitions(tag)
        elif name in FURNITURE or name in ("hr", "head", "meta", "link", "title", "figcaption"):
            return
        elif name in UNSUPPORTED:
            self.warnings.append(f"skipped <{name}>: no block for it ({_describe(tag)})")
        elif _classes(tag) & FAQ_CLASSES or tag.get("id") == "faq":
            self.items.append(FaqBox(self.collect(tag.children)))
        else:
            for child in list(tag.children):
                self._node(child)
            self._flush()

    def _text_element(self, tag: Tag) -> None:
        inline, rest = split_inline(tag)
        text = squash(" ".join(text_of(node) for node in inline))
        broadcast = None
        if not self._seen_heading and self.broadcast is None:
            broadcast = metadata.parse_broadcast_line(text)
        if broadcast:
            self.broadcast = broadcast
        else:
            kept = [node for node in inline if not self._hold_media(node)]
            self._add_paragraph(f"<p>{''.join(str(node) for node in kept)}</p>")
            self._release()
        for node in rest:
            self._node(node)
        self._flush()

    def _add_paragraph(self, html: str) -> None:
        if not html:
            return
        cleaned, dropped = sanitize(html, PARAGRAPH_FEATURES)
        self.dropped_formatting |= dropped - {"img", "audio", "source"}
        if visible_text(cleaned):
            self.blocks.add()
            self.items.append(Paragraph(cleaned))

    def _heading(self, tag: Tag) -> None:
        inline, rest = split_inline(tag)
        timestamp = valid_timestamp(attribute(tag, "data-timestamp"))
        for node in inline:
            if not isinstance(node, Tag):
                continue
            for time in [node] if node.name == "time" else node.find_all("time"):
                stamp = valid_timestamp(attribute(time, "datetime") or time.get_text())
                if stamp:
                    timestamp = timestamp or stamp
                    time.extract()
        text = squash(" ".join(text_of(node) for node in inline if node.parent is not None))
        text, stamp = _split_heading_timestamp(text)
        level = HEADINGS[tag.name]
        if text and not (tag.name == "h1" and text in self.title_texts):
            if tag.name in ("h1", "h5", "h6"):
                self.warnings.append(f"<{tag.name}> “{text}” imported as a level {level} heading")
            self._seen_heading = True
            anchor = attribute(tag, "id")
            self.blocks.add()
            self.items.append(Heading(text, level, anchor, timestamp or stamp))
        for node in rest:
            self._node(node)
        self._flush()

    def _figure(self, tag: Tag) -> None:
        image = tag.find("img")
        if image is None or tag.find("blockquote") is not None:
            for child in list(tag.children):
                self._node(child)
            self._flush()
            return
        caption_tag = tag.find("figcaption")
        caption, credit = "", ""
        if caption_tag is not None:
            credit_tag = caption_tag.find(
                class_=lambda c: bool(c) and "credit" in c
            ) or caption_tag.find("small")
            if credit_tag is not None:
                credit = squash(credit_tag.get_text(" "))
                credit_tag.extract()
            caption = squash(caption_tag.get_text(" "))
        self._image(image, caption=caption, credit=credit)

    def _image(self, tag: Tag, caption: str = "", credit: str = "") -> None:
        src = attribute(tag, "src").strip()
        alt = squash(attribute(tag, "alt")) or squash(caption)
        if not src:
            return
        parts = urlsplit(src)
        if parts.scheme or parts.netloc:
            self.warnings.append(f"remote image not fetched: {src[:200]}")
            return
        if not alt:
            self.warnings.append(f"image {src} has no alt text or caption; left out")
            return
        if self.base_dir is None:
            self.warnings.append(f"image {src} left out: no folder to find it in")
            return
        path = (self.base_dir / unquote(parts.path).lstrip("/")).resolve()
        if not path.is_file():
            self.warnings.append(f"image not found: {src}")
            return
        self.blocks.add()
        self.items.append(
            Picture(path=path, alt=alt[:255], caption=caption[:255], credit=credit[:255])
        )

    def _audio(self, tag: Tag) -> None:
        source = attribute(tag, "src") or next(
            (attribute(s, "src") for s in tag.find_all("source") if attribute(s, "src")), ""
        )
        if not source:
            return
        self.audio_urls.append(source.strip())
        last = self.items[-1] if self.items else None
        if len(self.audio_urls) == 1 and isinstance(last, Paragraph):
            label = visible_text(last.html)
            if label.endswith(":") and len(label) <= PLAYER_LABEL_MAX:
                self.items.pop()

    def _details(self, tag: Tag) -> None:
        summary = tag.find("summary")
        question = squash(summary.get_text(" ")) if summary is not None else ""
        if summary is not None:
            summary.extract()
        content = self.collect(tag.children)
        if question:
            self.items.append(Details(question, content))
        else:
            self.items.extend(content)

    def _definitions(self, tag: Tag) -> None:
        pairs: list[tuple[str, str]] = []
        for child in tag.find_all(["dt", "dd"]):
            if child.name == "dt":
                self.blocks.add()
                pairs.append((squash(child.get_text(" ")), ""))
            elif pairs:
                html, _ = sanitize(f"<p>{child.decode_contents()}</p>", PARAGRAPH_FEATURES)
                pairs[-1] = (pairs[-1][0], pairs[-1][1] + html)
        self.items.append(Definitions([pair for pair in pairs if pair[0]]))

    def _hold_media(self, node) -> bool:
        """Take images and players out of running text (they become blocks after it).

        Returns True when the node itself was taken.
        """
        if not isinstance(node, Tag):
            return False
        if node.name in MEDIA:
            self._pending.append(node.extract())
            return True
        for media in node.find_all(list(MEDIA)):
            self._pending.append(media.extract())
        return False

    def _release(self) -> None:
        pending, self._pending = self._pending, []
        for media in pending:
            self._element(media)

    def _flush(self) -> None:
        if self._inline:
            html, self._inline = "".join(self._inline), []
            if html.strip():
                self._add_paragraph(f"<p>{html.strip()}</p>")
        self._release()


def _is_blockish(tag) -> bool:
    return isinstance(tag, Tag) and tag.name not in INLINE and tag.name not in (*MEDIA, "source")


def split_inline(tag: Tag) -> tuple[list, list]:
    """Split children into the leading run of inline content and everything from the first block."""
    inline: list = []
    rest: list = []
    for child in list(tag.children):
        if rest or _is_blockish(child) or (isinstance(child, Tag) and child.find(_is_blockish)):
            rest.append(child)
        else:
            inline.append(child)
    return inline, rest


def _split_heading_timestamp(text: str) -> tuple[str, str]:
    """Take a "[12:34]" or "(12:34)" off the start or end of a heading."""
    for opening, closing in ("[]", "()"):
        if text.startswith(opening) and closing in text:
            stamp, _, rest = text[1:].partition(closing)
            if valid_timestamp(stamp):
                return rest.strip(HEADING_STAMP_JUNK), stamp.strip()
        if text.endswith(closing) and opening in text:
            rest, _, stamp = text[:-1].rpartition(opening)
            if valid_timestamp(stamp):
                return rest.strip(HEADING_STAMP_JUNK), stamp.strip()
    return text, ""


def text_of(node) -> str:
    return node.get_text(" ") if isinstance(node, Tag) else str(node)


def _classes(tag: Tag) -> set[str]:
    return set(tag.get("class") or [])


def _describe(tag: Tag) -> str:
    src = attribute(tag, "src") or attribute(tag, "data")
    return src[:120] if src else squash(tag.get_text(" "))[:60] or "empty"
