"""Wagtail database rich text to frontend-ready HTML, with every reference loaded in batches.

Page links point at the frontend (and lose their href when the page is a draft, private or
gone), document links at the document's URL, embedded images become <img> renditions and
media embeds their cached oEmbed HTML. No `linktype` or `embedtype` survives.
"""

from collections.abc import Iterable

from django.http import HttpRequest
from django.utils.html import escape, format_html
from wagtail.documents import get_document_model
from wagtail.images.formats import Format, get_image_format
from wagtail.models import Page
from wagtail.rich_text.rewriters import EmbedRewriter, LinkRewriter, MultiRuleRewriter

from frontend_api.loading.links import absolute_url
from frontend_api.loading.references import References

DEFAULT_IMAGE_SPEC = "width-800"
EMPTY_LINK = "<a>"


def _image_format(name: str | None) -> Format | None:
    try:
        return get_image_format(name)
    except KeyError:
        return None


def _image_spec(attrs: dict) -> str:
    image_format = _image_format(attrs.get("format"))
    return image_format.filter_spec if image_format else DEFAULT_IMAGE_SPEC


class RichTextResolver:
    """Collect rich text first, then expand it: each kind of reference costs one query in all."""

    def __init__(self, references: References | None = None) -> None:
        self.references = references if references is not None else References()
        self._extract = MultiRuleRewriter([LinkRewriter(), EmbedRewriter()])
        self._rewrite = MultiRuleRewriter(
            [
                LinkRewriter(bulk_rules={"page": self._page_links, "document": self._doc_links}),
                EmbedRewriter(bulk_rules={"image": self._images, "media": self._media}),
            ]
        )

    def collect(self, html: str | None) -> None:
        """Note the references in this rich text so the next load fetches them."""
        html = _text(html)
        if not html:
            return
        refs = self.references
        for rewriter in self._extract.rewriters:
            for tag_type, matches in rewriter.extract_tags(html).items():
                for match in matches:
                    attrs = match.attrs
                    if tag_type == "page":
                        refs.want(Page, attrs.get("id"))
                    elif tag_type == "document":
                        refs.want(get_document_model(), attrs.get("id"))
                    elif tag_type == "image":
                        refs.want_image(attrs.get("id"), [_image_spec(attrs)])
                    elif tag_type == "media":
                        refs.want_embed(attrs.get("url", ""))

    def expand(self, html: str | None) -> str:
        """Frontend HTML for this rich text; loads whatever was collected and not loaded yet."""
        html = _text(html)
        if not html:
            return ""
        self.collect(html)
        self.references.load()
        return self._rewrite(html)

    def _page_links(self, attrs_list: list[dict]) -> list[str]:
        refs = self.references
        return [_link(refs.public_page_url(attrs.get("id"))) for attrs in attrs_list]

    def _doc_links(self, attrs_list: list[dict]) -> list[str]:
        links = []
        for attrs in attrs_list:
            document = self.references.document(attrs.get("id"))
            if document is None or document.private:
                links.append(_link(None))
            else:
                links.append(_link(absolute_url(document.url)))
        return links

    def _images(self, attrs_list: list[dict]) -> list[str]:
        tags = []
        for attrs in attrs_list:
            image = self.references.image(attrs.get("id"))
            if image is None:
                tags.append("")
                continue
            image_format = _image_format(attrs.get("format"))
            rendition = image.get_rendition(_image_spec(attrs))
            tags.append(
                format_html(
                    '<img alt="{}" class="{}" height="{}" src="{}" width="{}">',
                    attrs.get("alt", ""),
                    image_format.classname if image_format else "richtext-image",
                    rendition.height,
                    absolute_url(rendition.url),
                    rendition.width,
                )
            )
        return tags

    def _media(self, attrs_list: list[dict]) -> list[str]:
        tags = []
        for attrs in attrs_list:
            url = attrs.get("url", "")
            embed = self.references.embeds.get(url)
            if embed and embed.html:
                tags.append(embed.html)
            elif url.startswith(("http://", "https://")):
                tags.append(format_html('<a href="{}">{}</a>', url, url))
            else:
                tags.append("")
        return tags


def _text(html: object) -> str:
    """Rich text as a string, even from a malformed stored value."""
    return "" if html is None else str(html)


def _link(href: str | None) -> str:
    return f'<a href="{escape(href)}">' if href else EMPTY_LINK


def expand_rich_text(htmls: Iterable[str], request: HttpRequest | None = None) -> list[str]:
    """Expand many rich text values with one query per kind of reference for all of them."""
    htmls = list(htmls)
    resolver = RichTextResolver(References(request))
    for html in htmls:
        resolver.collect(html)
    return [resolver.expand(html) for html in htmls]
