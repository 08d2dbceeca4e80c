"""Read a WordPress export (WXR): every post item becomes an article."""

import re
from collections.abc import Iterator
from pathlib import Path

from django.utils.text import slugify
from lxml import etree

from . import metadata
from .article import Article, ArticleError, unexpected
from .html_content import fill_body, parse_html
from .limits import check_file_size, check_html, check_size
from .quotes import squash

CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
POST_TYPES = {"post", "podcast", "episode"}
SKIPPED_STATUSES = {"trash", "auto-draft", "inherit"}
UNCATEGORISED = {"uncategorized", "non classé", "non classe"}
BLOCK_TAGS = r"p|h[1-6]|ul|ol|blockquote|div|figure|table|pre|section|details|dl|hr|audio|iframe"
BLOCK_START_RE = re.compile(rf"^\s*</?({BLOCK_TAGS})\b", re.IGNORECASE)
BLOCK_OPEN_RE = re.compile(rf"(<(?:{BLOCK_TAGS})\b[^>]*>)", re.IGNORECASE)
BLOCK_CLOSE_RE = re.compile(rf"(</(?:{BLOCK_TAGS})>)", re.IGNORECASE)
COMMENT_RE = re.compile(r"<!--.*?-->", re.DOTALL)

Entry = tuple[str, Article | ArticleError]


def read_wxr(path: Path) -> Iterator[Entry]:
    """(location, article or error) for each post of the export, in the export's order."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        check_file_size(path, export=True)
        tree = etree.parse(str(path), parser)
    except ArticleError as error:
        yield str(path), error
        return
    except OSError as error:
        yield str(path), ArticleError(f"cannot read the file: {error}")
        return
    except etree.XMLSyntaxError as error:
        yield str(path), ArticleError(f"not well-formed XML: {error}")
        return
    root = tree.getroot()
    wp = root.nsmap.get("wp")
    if root.tag != "rss" or not wp:
        yield str(path), ArticleError("not a WordPress export (no <rss> with the wp namespace)")
        return
    names = {"wp": wp, "content": CONTENT_NS, "excerpt": root.nsmap.get("excerpt", "")}
    for position, item in enumerate(root.iterfind("channel/item"), start=1):
        post_type = _text(item, "wp:post_type", names)
        status = _text(item, "wp:status", names)
        if post_type not in POST_TYPES or status in SKIPPED_STATUSES:
            continue
        location = f"{path}#{position} (post {_text(item, 'wp:post_id', names) or '?'})"
        try:
            article = _article(item, names, location, path.parent)
        except ArticleError as error:
            yield location, error
        except Exception as error:  # one broken post must not stop the export
            yield location, unexpected(error)
        else:
            yield location, article


def autop(html: str) -> str:
    """Wrap loose text in paragraphs, single line breaks in <br>, as WordPress shows a post."""
    html = BLOCK_OPEN_RE.sub(r"\n\n\1", COMMENT_RE.sub("", html))
    html = BLOCK_CLOSE_RE.sub(r"\1\n\n", html)
    chunks = [chunk.strip() for chunk in re.split(r"\n\s*\n", html) if chunk.strip()]
    return "\n".join(
        chunk if BLOCK_START_RE.match(chunk) else "<p>" + chunk.replace("\n", "<br>") + "</p>"
        for chunk in chunks
    )


def _article(item, names: dict, location: str, base_dir: Path) -> Article:
    meta = {
        _text(entry, "wp:meta_key", names).lower().replace("-", "_"): _text(
            entry, "wp:meta_value", names
        )
        for entry in item.iterfind("wp:postmeta", names)
    }
    link = _text(item, "link", names) or _text(item, "guid", names)
    article = Article(location=location, source_url=link or location)
    raw_title = squash(_text(item, "title", names))
    if not raw_title:
        raise ArticleError("no title")
    parsed = metadata.field("title", metadata.parse_title, raw_title)
    article.title = parsed.title
    number = meta.get("episode_number")
    article.episode_number = (
        metadata.field("episode_number", metadata.parse_number, number) if number else parsed.number
    )
    categories = [
        squash(category.text or "")
        for category in item.iterfind("category")
        if category.get("domain") == "category"
        and squash(category.text or "").lower() not in UNCATEGORISED
    ]
    article.rubric = meta.get("rubric") or (categories[0] if categories else parsed.rubric)
    article.tags = metadata.split_names(
        [
            squash(tag.text or "")
            for tag in item.iterfind("category")
            if tag.get("domain") == "post_tag"
        ]
    )
    article.show = meta.get("show", "")
    article.season = metadata.field("season", metadata.parse_number, meta.get("season"))
    article.hosts = metadata.split_names(meta.get("hosts"))
    article.guests = metadata.split_names(meta.get("guests"))
    duration = meta.get("duration")
    article.audio_duration = metadata.field("duration", metadata.parse_duration, duration)
    enclosure = meta.get("audio_url") or meta.get("enclosure", "").split("\n")[0]
    article.audio_url = enclosure.strip()
    article.slug = slugify(_text(item, "wp:post_name", names))
    article.publishable = _text(item, "wp:status", names) in ("publish", "")
    article.broadcast_at = _broadcast(item, names, meta)
    excerpt = _text(item, "excerpt:encoded", names) if names["excerpt"] else ""
    text = _text(item, "content:encoded", names)
    size = len(text.encode()) + len(excerpt.encode())
    check_size(size, "IMPORT_MAX_ARTICLE_BYTES", "the post")
    article.summary_html = autop(excerpt) if excerpt.strip() else ""
    if article.summary_html:
        check_html(article.summary_html)  # the writer's sanitiser walks it recursively
    content = parse_html(autop(text))
    fill_body(article, content.body or content, base_dir=base_dir, title_texts={raw_title})
    return article


def _broadcast(item, names: dict, meta: dict):
    explicit = meta.get("broadcast_date")
    if explicit:
        moment = metadata.field("broadcast_date", metadata.parse_when, explicit)
        if moment is None:
            raise ArticleError(f"broadcast_date “{explicit}” is not a date")
        return moment
    gmt = _text(item, "wp:post_date_gmt", names)
    if gmt and not gmt.startswith("0000"):
        moment = metadata.field("wp:post_date_gmt", metadata.parse_when, f"{gmt}+00:00")
        if moment:
            return moment
    return metadata.field(
        "pubDate", metadata.parse_when, _text(item, "pubDate", names)
    ) or metadata.field("wp:post_date", metadata.parse_when, _text(item, "wp:post_date", names))


def _text(element, path: str, names: dict) -> str:
    found = element.find(path, names)
    return (found.text or "").strip() if found is not None else ""
